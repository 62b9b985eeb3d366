"""Article ids in URLs: every id the index holds must open, whatever characters it has.

Ids come from file names and from JSON Lines, so they may hold newlines, slashes (even a
leading one, or `//`), `?`, `#`, `%`, spaces and dots. Werkzeug's `path` converter matches
none of a newline, a leading slash or an empty segment, and keeps `/` as written, which lets a
browser resolve `a/../b` into another article's URL. This converter matches anything and
quotes everything but the characters a path segment allows, `/` included, so an id is one
segment: a server decodes it back (`%2F` → `/`) before routing. A segment that is exactly
`.` or `..` cannot survive a browser or an HTTP client (they resolve it, even written as
`%2E%2E`), so those two ids get no path URL: `url_for` then falls through to the route's
query-string form, `?article_id=..`.
"""

from __future__ import annotations

from urllib.parse import quote

from werkzeug.routing import BaseConverter, ValidationError

_DOT_SEGMENTS = (".", "..")


class ArticleIdConverter(BaseConverter):
    """Registered as `article`, as in `/articles/<article:article_id>`."""

    part_isolating = False  # the id may contain slashes
    regex = r"[\s\S]+"  # any character, newlines included
    weight = 200

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        if value in _DOT_SEGMENTS:
            raise ValidationError()  # build the next rule of the endpoint: the query form
        return quote(value, safe="!$&'()*+,:;=@")


class SpeakerNameConverter(ArticleIdConverter):
    """Registered as `speaker`, as in `/speakers/<speaker:name>`: a speaker facet value is
    as arbitrary as an article id (dots, slashes, any script), and gets the same treatment,
    "." and ".." included (their URL is `/speaker?name=..`)."""
