"""The README's API example is what the seeds really return: every value it shows, all but
the timing, is checked against /api/search; "…" stands for the part left out."""

from __future__ import annotations

import json
import re

from conftest import REPO

ELLIPSIS = "…"


def readme_example(heading: str) -> dict:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index(heading) :]
    return json.loads(re.search(r"```json\n(.*?)```", section, re.S).group(1))


def differences(shown: object, real: object, where: str = "") -> list[str]:
    if shown == ELLIPSIS:
        return []
    if isinstance(shown, dict):
        if not isinstance(real, dict):
            return [f"{where}: {real!r} is not an object"]
        found = []
        for key, value in shown.items():
            if key in (ELLIPSIS, "took_ms"):
                continue
            if key not in real:
                found.append(f"{where}.{key}: not in the response")
            else:
                found += differences(value, real[key], f"{where}.{key}")
        return found
    if isinstance(shown, list):
        if not isinstance(real, list):
            return [f"{where}: {real!r} is not a list"]
        # A list may be shown in part: its first items, in order.
        cut = shown.index(ELLIPSIS) if ELLIPSIS in shown else None
        found = []
        for i, value in enumerate(shown[:cut]):
            found += differences(value, real[i] if i < len(real) else None, f"{where}[{i}]")
        return found
    if isinstance(shown, str) and shown.endswith(" " + ELLIPSIS) and isinstance(real, str):
        return [] if real.startswith(shown[:-2]) else [f"{where}: {real[:80]!r}…"]
    return [] if shown == real else [f"{where}: {real!r}, the README says {shown!r}"]


def test_the_readme_api_example_is_what_the_seeds_return(client):
    shown = readme_example("## JSON API")
    real = client.get("/api/search", query_string={"q": shown["query"]}).get_json()
    assert differences(shown, real) == []


def test_the_comparison_sees_a_wrong_value():
    assert differences({"total": 30, "hits": [{"a": "x …"}, ELLIPSIS]}, {"total": 31, "hits": [{"a": "y"}]}) == [
        ".total: 31, the README says 30",
        ".hits[0].a: 'y'…",
    ]
