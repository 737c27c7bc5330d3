"""Benchmark: the per-article NLP stage against spaCy's bare parse on the same texts.

Generates ``--articles`` news-like articles from templates with a fixed seed (speakers,
cues, quotes, figures, dates, headings), then times in one run:

1. ``nlp.pipe`` over the paragraphs of every article (the bare parse), and
2. ``analyze_articles`` (parse + attribution, quotes, speakers, quantities, dates),

both with ``--n-process`` workers, and prints words/s, articles/s, the claim layer's cost
on top of the bare parse, and peak memory (this process and its workers). Never asserts.

    .venv/bin/python benchmarks/extract.py --articles 2000 --n-process 2
"""

from __future__ import annotations

import argparse
import random
import resource
import time
from datetime import datetime

from corroborator.nlp.analyze import analyze_articles
from corroborator.nlp.loader import load_pipeline
from corroborator.nlp.segment import split_paragraphs
from corroborator.records import Article
from corroborator.records.article import content_hash
from corroborator.settings import load_settings

PEOPLE = ["Lea Okafor", "Tomas Brandt", "Mira Castell", "Jon Ekberg", "Sara Quinn",
          "Ravi Menon", "Ada Lindqvist", "Paul Hartley"]
TITLES = ["Port Minister", "Mayor", "union leader", "spokeswoman", "Finance Minister",
          "police chief", "Senator", "economist"]
ORGS = ["the Harbor Workers Union", "the Coast Guard", "the Transport Ministry",
        "the National Statistics Office", "Coastline Radio", "the city council"]
THINGS = ["dock workers", "containers", "passengers", "residents", "ships", "jobs"]
CUES = ["said", "told reporters", "confirmed", "estimated", "claimed", "denied",
        "warned", "added", "noted", "believes"]
DAYS = ["on Monday", "on Friday", "last week", "on March 3", "earlier this month"]
QUALS = ["nearly", "more than", "around", "at least", "about", ""]


def _figure(rng: random.Random) -> str:
    qual = rng.choice(QUALS)
    n = rng.choice([12, 300, 1_000, 2_500, 3_000, 10_000, 45_000])
    return f"{qual} {n:,}".strip()


def _sentence(rng: random.Random) -> str:
    person = rng.choice(PEOPLE)
    title = rng.choice(TITLES)
    org = rng.choice(ORGS)
    thing = rng.choice(THINGS)
    kind = rng.randrange(7)
    if kind == 0:
        return (f"{title} {person} {rng.choice(CUES)} {rng.choice(DAYS)} that "
                f"{_figure(rng)} {thing} had been affected by the closure.")
    if kind == 1:
        return (f"“We will not accept this, and we will keep the {thing} safe,” {person} said. "
                f"“The next weeks will be hard.”")
    if kind == 2:
        return (f"The number of {thing} fell to {_figure(rng)} {rng.choice(DAYS)}, according "
                f"to {org}.")
    if kind == 3:
        return (f"{org.capitalize()}, citing officials, reported that {_figure(rng)} {thing} "
                f"were stranded.")
    if kind == 4:
        return f"The operator has reportedly hired {_figure(rng)} replacement {thing}."
    if kind == 5:
        return (f"Traffic on the coast road was slow {rng.choice(DAYS)} as {_figure(rng)} "
                f"{thing} waited near the gates.")
    return (f"{person} criticised the plan, saying it would cost {_figure(rng)} "
            f"{rng.choice(['dollars', 'euros'])}.")


def make_articles(n: int, seed: int = 7) -> list[Article]:
    rng = random.Random(seed)
    articles = []
    for i in range(n):
        paragraphs = [f"Port strike enters day {rng.randint(2, 40)}"]
        for _ in range(rng.randint(5, 12)):
            paragraphs.append(" ".join(_sentence(rng) for _ in range(rng.randint(1, 3))))
        text = "\n\n".join(paragraphs) + "\n"
        articles.append(Article(f"bench-{i}", f"bench-{i}.txt", None, "Bench Times",
                                paragraphs[0], datetime(2024, 3, 10), "en", text,
                                content_hash(text)))
    return articles


def _peak_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--n-process", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-tagger", action="store_true",
                        help="rules only: the trained cue tagger off (to measure its cost)")
    args = parser.parse_args(argv)
    if args.no_tagger:
        from pathlib import Path

        from corroborator.nlp import tagger

        tagger.WEIGHTS = Path("/nonexistent/tagger_weights.npz")

    articles = make_articles(args.articles, args.seed)
    words = sum(len(a.text.split()) for a in articles)
    settings = load_settings(environ={}, overrides={
        "nlp": {"n_process": args.n_process, "batch_size": args.batch_size}})
    nlp = load_pipeline(settings.values["nlp"]["model"])
    paragraphs = [p.text for a in articles for p in split_paragraphs(a.text)]

    started = time.perf_counter()
    for _ in nlp.pipe(paragraphs, batch_size=args.batch_size, n_process=args.n_process):
        pass
    bare = time.perf_counter() - started

    started = time.perf_counter()
    claims = quantities = errors = 0
    for result in analyze_articles(articles, settings, nlp=nlp):
        claims += len(result.claims)
        quantities += len(result.quantities)
        errors += result.error is not None
    full = time.perf_counter() - started
    own, children = _peak_mb()

    print(f"articles {len(articles)}, words {words}, paragraphs {len(paragraphs)}, "
          f"n_process {args.n_process}, batch {args.batch_size}, seed {args.seed}, "
          f"tagger {'off' if args.no_tagger else 'on'}")
    print(f"bare nlp.pipe     {bare:7.1f} s  {words / bare:9.0f} words/s  "
          f"{len(articles) / bare:7.1f} articles/s")
    print(f"analyze_articles  {full:7.1f} s  {words / full:9.0f} words/s  "
          f"{len(articles) / full:7.1f} articles/s")
    print(f"claim layer cost  {100 * (full - bare) / bare:+.1f} % on top of the bare parse")
    print(f"found {claims} claims, {quantities} quantities, {errors} errors")
    print(f"peak RSS: main {own:.0f} MB, largest worker {children:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
