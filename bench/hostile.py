"""The hostile requests that once held the server hostage, timed against the real server.

    .venv/bin/python bench/hostile.py --index /tmp/td-index [--workers N]

Starts `searchapp serve` on a free local port (gunicorn, one worker per core by default),
then sends each former offender on its own and prints its status, seconds and answer size;
then four costly requests at once with a plain `q=trump` sent while they run, and how
long the plain one took. The bar (issue 10): no 500, nothing slower than 3 s, and the plain
query after a burst of four costly ones within 2 s, on the PolNeAR train+dev index.
Figures go to WORKDIR/hostile-INDEXNAME.json.
"""

from __future__ import annotations

import argparse
import http.client
import json
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

from load_test import free_port, start_server, stop_server, wait_ready
from make_corpus import DEFAULT_WORKDIR

SLOWEST_S = 3.0
PLAIN_AFTER_BURST_S = 2.0
SERVER_THREADS = 2  # `searchapp serve`'s default


def search(q: str, **params: object) -> str:
    return "/api/search?" + urlencode({"q": q, **params}, doseq=True)


def wildcards(count: int) -> str:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return " OR ".join(f"*{letters[n % 26]}{letters[n // 26 % 26]}*" for n in range(count))


# (what it is, path, extra headers): each from the hostile run's report.
OFFENDERS: list[tuple[str, str, dict[str, str]]] = [
    ("a*", search("a*"), {}),
    ("???*", search("???*"), {}),
    ("text:[a TO z]", search("text:[a TO z]"), {}),
    ("*a*", search("*a*"), {}),
    ("500-word phrase", search('"' + " ".join(["trump", "said"] * 250) + '"'), {}),
    ("51-word phrase", search('"' + " ".join(["trump", "said"] * 25) + ' trump"'), {}),
    ("50-word phrase of common words", search('"' + " ".join(["trump", "said"] * 25) + '"'), {}),
    ("5 OR'ed *xy* wildcards", search(wildcards(5)), {}),
    ("10 OR'ed *xy* wildcards", search(wildcards(10)), {}),
    ("100 OR'ed *xy* wildcards", search(wildcards(100)), {}),
    ("q of 100,000 characters", search("trump " * 16_667), {}),
    ("q of 32 KB", search("trump " * 5_461), {}),
    ("q of 1,000 characters", search(("trump clinton " * 72)[:1000]), {}),
    ("2,000 outlet= values", search("trump", outlet=[f"o{n}" for n in range(2000)]), {}),
    ("3,000 outlet= values", search("trump", outlet=[f"o{n}" for n in range(3000)]), {}),
    ("50 outlet= values", search("trump", outlet=[f"o{n}" for n in range(50)]), {}),
    ("speaker=_unknown", search("trump", speaker="_unknown"), {}),
    ("trump REQUIRE clinton", search("trump REQUIRE clinton"), {}),
    ("trump REQUIRE clinton, page", "/?" + urlencode({"q": "trump REQUIRE clinton"}), {}),
    ("fuzzy trump~2", search("trump~2"), {}),
    ("Host: evil.example on /api//search", "/api//search?q=trump", {"Host": "evil.example"}),
    ("article id with a newline", "/api/articles/" + quote("a\nb", safe=""), {}),
]
BURST = search("*aa* OR *ae* OR *ai* OR *ao* OR *au*")
PLAIN = search("trump")


@dataclass
class Answer:
    what: str
    status: int
    seconds: float
    bytes: int
    location: str | None = None
    error: str | None = None


def fetch(port: int, what: str, path: str, headers: dict[str, str] | None = None) -> Answer:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    started = time.perf_counter()
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        body = response.read()
        seconds = time.perf_counter() - started
        message = None
        if response.status != 200 and body[:1] == b"{":
            message = json.loads(body).get("error", {}).get("message")
        elif response.status != 200:
            message = " ".join(body[:300].decode("utf-8", "replace").split())
        return Answer(
            what, response.status, seconds, len(body), response.getheader("Location"), message
        )
    finally:
        connection.close()


def burst_then_plain(port: int) -> tuple[list[Answer], Answer]:
    """Four costly requests at once; a plain one sent once they are under way."""
    costly: list[Answer] = []
    threads = [
        threading.Thread(target=lambda: costly.append(fetch(port, "burst", BURST)))
        for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    time.sleep(0.05)
    plain = fetch(port, "plain q=trump during the burst", PLAIN)
    for thread in threads:
        thread.join()
    return costly, plain


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--workers", type=int, help="[serve's default: one per core]")
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR)
    args = parser.parse_args()
    port = free_port()
    args.workdir.mkdir(parents=True, exist_ok=True)
    log = args.workdir / f"serve-hostile-{args.index.name}.log"
    server = start_server(args.index, port, args.workers, SERVER_THREADS, log)
    try:
        wait_ready(server, f"http://127.0.0.1:{port}{PLAIN}", log)
        for _ in range(3):  # warm every worker
            fetch(port, "warm", PLAIN)
        answers = [fetch(port, what, path, headers) for what, path, headers in OFFENDERS]
        costly, plain = burst_then_plain(port)
    finally:
        stop_server(server)
    print(f"{'request':40} {'status':>6} {'seconds':>8} {'bytes':>10}  answer")
    for answer in [*answers, *costly, plain]:
        note = answer.error or (f"Location: {answer.location}" if answer.location else "")
        print(
            f"{answer.what[:40]:40} {answer.status:>6} {answer.seconds:8.3f} "
            f"{answer.bytes:>10,}  {(note or '')[:90]}"
        )
    every = [*answers, *costly, plain]
    slowest = max(every, key=lambda answer: answer.seconds)
    errors = [answer for answer in every if answer.status >= 500 and answer.status != 503]
    print(
        f"\n500s: {len(errors)}; slowest {slowest.seconds:.3f} s ({slowest.what}); "
        f"bar ≤ {SLOWEST_S} s: {'pass' if slowest.seconds <= SLOWEST_S else 'FAIL'}"
    )
    print(
        f"plain query during a burst of four costly ones: {plain.seconds:.3f} s; "
        f"bar ≤ {PLAIN_AFTER_BURST_S} s: "
        f"{'pass' if plain.seconds <= PLAIN_AFTER_BURST_S else 'FAIL'}"
    )
    out = args.workdir / f"hostile-{args.index.name}.json"
    out.write_text(json.dumps([asdict(answer) for answer in every], indent=2) + "\n")
    print(f"All figures: {out}")


if __name__ == "__main__":
    main()
