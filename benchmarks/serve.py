"""Load check of the web dossier: story pages with 1,000 stories in the store.

    python benchmarks/serve.py [--stories 1000] [--requests 400] [--seconds 30]

Fills a fresh SQLite store through the store API (articles, claims, stories, derivations,
propositions, conflicts; fixed seed), starts uvicorn on 127.0.0.1 in a child process, then
requests random story pages sequentially over one keep-alive connection. Bounded: stops at
--requests per endpoint or --seconds per endpoint, whichever comes first. Prints requests/s,
latency p50/p99 per endpoint and the server's peak resident memory. Loopback only.
"""

from __future__ import annotations

import argparse
import multiprocessing
import platform
import random
import resource
import socket
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

from corroborator.records import (
    Change,
    Claim,
    Conflict,
    Derivation,
    Proposition,
    Quantity,
    Span,
    Story,
)
from corroborator.records.article import Article, article_id, content_hash
from corroborator.settings import load_settings
from corroborator.store import open_store
from corroborator.store.base import StoredAnalysis

OUTLETS = ["Meridian Wire", "Harbour Post", "Valley Times", "Coast Herald", "Lake Courier",
           "Northgate Daily", "Evening Ledger", "Frontier Monitor"]
PLACES = ["Brenmoor", "Corvel", "Lisska", "Port Ellery", "Kestrel Bay", "Vallen", "Halden"]
EVENTS = ["fire", "flood", "strike", "collision", "landslide", "power cut", "bridge collapse"]


def make_text(rng: random.Random, place: str, event: str, figure: int,
              qualifier: str) -> tuple[str, str, str]:
    lead = (f"Officials in {place} said on Monday that {qualifier} {figure:,} people were "
            f"affected by the {event}, the regional authority's first estimate.")
    body = " ".join(
        f"Residents of {place} described the {event} as the worst in {rng.randint(5, 40)} "
        f"years, and {rng.randint(2, 90)} volunteers joined the clean-up." for _ in range(12))
    return lead + "\n\n" + body, lead, f"{qualifier} {figure:,}"


def fill_store(path: str, stories: int, seed: int = 11) -> dict[str, int]:
    """``stories`` stories of 3 articles: a wire story, a rewrite changing the figure, and
    an independent report; claims, propositions and a misreport conflict for each."""
    rng = random.Random(seed)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    all_stories, derivations, analyses, comparisons = [], [], [], []
    with open_store(path) as store, store.atomic():
        for n in range(stories):
            place, event = rng.choice(PLACES), rng.choice(EVENTS)
            figure = rng.randint(20, 5000)
            when = start + timedelta(hours=n * 3)
            members = []
            for k, qualifier in enumerate(("nearly", "more than", "about")):
                outlet = OUTLETS[(n + k) % len(OUTLETS)]
                text, lead, fig_text = make_text(rng, place, event, figure, qualifier)
                url = f"https://{outlet.lower().replace(' ', '')}.example/{n}/{k}"
                title = f"{event.title()} in {place}: {fig_text} affected ({n})"
                article = Article(id=article_id(text, outlet, url, title), path=None, url=url,
                                  outlet=outlet, title=title,
                                  published=when + timedelta(minutes=40 * k), language="en",
                                  text=text, content_hash=content_hash(text))
                store.add_article(article)
                span = Span(0, len(lead))
                fig_start = text.index(fig_text)
                quantity = Quantity(fig_text, Span(fig_start, fig_start + len(fig_text)),
                                    figure, None, None, qualifier, "people", "people affected")
                claim = Claim(id=f"c{n}-{k}", article_id=article.id, speaker="regional authority",
                              speaker_span=None, cue="said", cue_span=None, content_span=span,
                              quote=None, stance="stated", quantities=(quantity,),
                              sentence_span=span)
                analyses.append(StoredAnalysis(article.id, (claim,), (quantity,), (), None))
                members.append(article.id)
            story = Story(f"story-{n:05d}", f"{event.title()} in {place} ({n})", tuple(members))
            all_stories.append(story)
            derivations.append(Derivation(members[1], members[0], "rewrite", 0.8, (
                Change("figure", f"nearly {figure:,}", f"more than {figure:,}"),)))
            comparisons.append((story.id, [
                Proposition(f"p{n}-a", story.id, (f"c{n}-0", f"c{n}-2"), "conflicting", 2),
                Proposition(f"p{n}-b", story.id, (f"c{n}-1",), "conflicting", 1)],
                [Conflict("misreport", (f"c{n}-0", f"c{n}-1"),
                          f"nearly {figure:,} became more than {figure:,}", story.id)]))
        store.save_analyses(analyses)
        store.replace_stories(all_stories)
        store.replace_derivations(derivations)
        for story_id, propositions, conflicts in comparisons:
            store.replace_comparison(story_id, propositions, conflicts)
        return {"stories": stories, "articles": store.article_count()}


def _cache_type_hints() -> None:
    """What-if: records.serialize.from_dict with typing.get_type_hints cached per class
    (the store rebuilds every record through it; uncached it dominates page time)."""
    import functools
    import types
    import typing

    import corroborator.records.serialize as serialize

    patched = types.SimpleNamespace(**{k: getattr(typing, k) for k in dir(typing)
                                       if not k.startswith("__")})
    patched.get_type_hints = functools.lru_cache(maxsize=None)(typing.get_type_hints)
    serialize.typing = patched  # type: ignore[assignment]


def _serve(db: str, port: int, cache_hints: bool = False, cache_seconds: float = 10.0) -> None:
    import uvicorn

    if cache_hints:
        _cache_type_hints()
    from corroborator.api import create_app

    settings = load_settings(environ={}).with_overrides(
        {"server": {"cache_seconds": cache_seconds}})
    app = create_app(db, settings)
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="error", access_log=False)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def measure(client: httpx.Client, paths: list[str], max_requests: int,
            max_seconds: float) -> dict[str, float]:
    latencies = []
    began = time.perf_counter()
    for path in paths[:max_requests]:
        t0 = time.perf_counter()
        response = client.get(path)
        latencies.append(time.perf_counter() - t0)
        if response.status_code != 200:
            raise SystemExit(f"GET {path} answered {response.status_code}")
        if time.perf_counter() - began > max_seconds:
            break
    elapsed = time.perf_counter() - began
    latencies.sort()
    return {"requests": len(latencies), "req_per_s": len(latencies) / elapsed,
            "p50_ms": 1000 * statistics.median(latencies),
            "p99_ms": 1000 * latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=400, help="per endpoint")
    parser.add_argument("--seconds", type=float, default=30.0, help="per endpoint")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--no-cache", action="store_true",
                        help="[server] cache_seconds = 0: re-read every table per request")
    parser.add_argument("--cache-type-hints", action="store_true",
                        help="what-if: cache typing.get_type_hints in records.serialize")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "serve.db")
        t0 = time.perf_counter()
        filled = fill_store(db, args.stories, args.seed)
        print(f"store: {filled['stories']} stories, {filled['articles']} articles "
              f"(filled in {time.perf_counter() - t0:.1f} s)")
        port = _free_port()
        server = multiprocessing.get_context("spawn").Process(target=_serve, args=(db, port, args.cache_type_hints, 0.0 if args.no_cache else 10.0))
        server.start()
        base = f"http://127.0.0.1:{port}"
        try:
            with httpx.Client(base_url=base, timeout=60) as client:
                deadline = time.monotonic() + 60
                while True:
                    try:
                        client.get("/api/openapi.json")
                        break
                    except httpx.TransportError:
                        if time.monotonic() > deadline or not server.is_alive():
                            raise SystemExit("the server did not start") from None
                        time.sleep(0.1)
                rng = random.Random(args.seed)
                ids = [f"story-{rng.randrange(args.stories):05d}" for _ in range(args.requests)]
                some = ids[: max(5, args.requests // 20)]
                endpoints = {
                    "story page  /stories/{id}": [f"/stories/{i}" for i in ids],
                    "story JSON  /api/stories/{id}": [f"/api/stories/{i}" for i in ids],
                    "story list  / (1,000 stories)": ["/"] * max(5, args.requests // 20),
                    "graph SVG   /stories/{id}/graph.svg": [f"/stories/{i}/graph.svg"
                                                           for i in some],
                }
                print(f"{'endpoint':40} {'requests':>8} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}")
                for name, paths in endpoints.items():
                    client.get(paths[0])  # warm-up: template compilation, caches
                    m = measure(client, paths, args.requests, args.seconds)
                    print(f"{name:40} {m['requests']:8d} {m['req_per_s']:8.1f} "
                          f"{m['p50_ms']:8.1f} {m['p99_ms']:8.1f}")
        finally:
            server.terminate()
            server.join(10)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"server peak RSS: {peak:.0f} MB · Python {platform.python_version()} · "
          f"{multiprocessing.cpu_count()} CPUs · sequential client, one connection")


if __name__ == "__main__":
    main()
