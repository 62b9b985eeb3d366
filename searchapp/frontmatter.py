"""YAML front matter, read safely: a few hundred bytes must never cost gigabytes.

python-frontmatter hands the block to PyYAML's loader as it is, so an alias bomb (439
bytes) expanded past 6 GB, and a value shaped like a date but invalid in a key nobody
uses (`foo: 2016-13-01`) stopped the whole reindex. Here the block's size is bounded,
aliases are refused, and values that fail to convert stay text.

PyYAML's pure-Python parser took 0.6 ms an article: at 10,000 articles, seconds of the
reindex parent's time while its workers wait for articles. With libyaml (PyYAML's C
extension, in its wheels) the block is first read as events, which refuses aliases and
deep nesting before anything is built, and then loaded by the C parser: about 0.2 ms.
"""

from __future__ import annotations

import re

import yaml

# Deeper than this is not front matter. The C parser builds nodes recursively, so the
# depth is checked on its events, before it composes anything.
MAX_NESTING = 50

# Front matter is a handful of short fields; anything bigger is not front matter but an
# attack on the parser (or a mistake), and is refused before YAML sees it.
MAX_FRONT_MATTER = 64 * 1024

_FRONT_MATTER_BOUNDARY = re.compile(r"^-{3,}\s*$", re.MULTILINE)


class FrontMatterError(ValueError):
    """The front matter cannot be read; the message says why, in one line."""


def _alias_error(event: yaml.Event) -> FrontMatterError:
    line = event.start_mark.line + 1
    return FrontMatterError(f"front matter uses a YAML alias (*name, line {line}): not allowed")


class _FrontMatterLoader(yaml.SafeLoader):
    """YAML's safe schema without aliases, and with values that fail to convert kept as text.

    Aliases are what make a few hundred bytes expand to gigabytes ("billion laughs"), and
    front matter has no use for them. A scalar YAML would turn into a date or number but
    cannot (`2016-02-30`, a 5,000-digit integer) stays the text it was, so a key the
    indexer does not use never costs the article, and a used key is judged by our rules.
    """

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        if self.check_event(yaml.AliasEvent):
            raise _alias_error(self.peek_event())
        return super().compose_node(parent, index)


def _lenient(convert):  # type: ignore[no-untyped-def]
    def construct(loader, node):  # type: ignore[no-untyped-def]
        try:
            return convert(loader, node)
        except (ValueError, OverflowError):
            return loader.construct_scalar(node)

    return construct


_C_LOADER = getattr(yaml, "CSafeLoader", None)  # None when PyYAML was built without libyaml
_CFrontMatterLoader = type("_CFrontMatterLoader", (_C_LOADER,), {}) if _C_LOADER else None

for _loader in filter(None, (_FrontMatterLoader, _CFrontMatterLoader)):
    for _tag, _convert in (
        ("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_timestamp),
        ("tag:yaml.org,2002:int", yaml.SafeLoader.construct_yaml_int),
        ("tag:yaml.org,2002:float", yaml.SafeLoader.construct_yaml_float),
    ):
        _loader.add_constructor(_tag, _lenient(_convert))


def _load_yaml(front: str) -> object:
    """The front matter's value, by libyaml when it is there. Its events are checked first:
    an alias or a nesting past MAX_NESTING is refused before a node is built."""
    if _CFrontMatterLoader is None:
        return yaml.load(front, Loader=_FrontMatterLoader)  # noqa: S506 - safe subclass
    depth = 0
    for event in yaml.parse(front, Loader=_C_LOADER):
        if isinstance(event, yaml.AliasEvent):
            raise _alias_error(event)
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_NESTING:
                raise RecursionError
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return yaml.load(front, Loader=_CFrontMatterLoader)  # noqa: S506 - safe subclass


def _yaml_problem(error: yaml.YAMLError) -> str:
    """What is wrong and on which line, rather than PyYAML's several-line story."""
    problem, mark = getattr(error, "problem", None), getattr(error, "problem_mark", None)
    if not problem:
        return (str(error).splitlines() or [type(error).__name__])[0]
    return f"{problem} (line {mark.line + 1})" if mark else problem


def split_front_matter(text: str) -> tuple[dict[str, object], str]:
    """Metadata and body, splitting as python-frontmatter does (a `---` line, YAML, a `---`
    line), but with the size bounded and YAML read by `_FrontMatterLoader`. Dashes around
    something that is not a mapping (a Markdown rule, a list) are text, kept as written."""
    stripped = text.lstrip("\ufeff")
    if not stripped.startswith("---"):
        return {}, text
    stripped = stripped.strip()
    if not _FRONT_MATTER_BOUNDARY.match(stripped):
        return {}, text
    parts = _FRONT_MATTER_BOUNDARY.split(stripped, 2)
    if len(parts) < 3:
        return {}, text  # no closing line: the dashes are part of the text
    _, front, body = parts
    if len(front) > MAX_FRONT_MATTER:
        raise FrontMatterError(f"front matter is longer than {MAX_FRONT_MATTER // 1024} KB")
    try:
        metadata = _load_yaml(front)
    except yaml.YAMLError as error:
        raise FrontMatterError(f"front matter is not valid YAML: {_yaml_problem(error)}") from None
    except RecursionError:
        raise FrontMatterError("front matter is nested too deeply") from None
    if not isinstance(metadata, dict):
        return {}, text if metadata is not None else body.strip()
    return metadata, body.strip()
