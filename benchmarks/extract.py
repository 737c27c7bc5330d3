"""Benchmark: the per-article NLP stage against spaCy's bare parse on the same texts.

Builds ``--articles`` seeded synthetic news articles (``benchmarks/_generate.py``, the
generator ``benchmarks/analyze.py`` uses: officials, quotes, figures, dates, headings), then
times in one run, each with ``--n-process`` processes:

1. **bare parse**: ``nlp.pipe`` over the article texts, ``[nlp] batch_size`` texts per batch,
   with the pipeline as ``load_pipeline`` loads it (what a plain spaCy user would run);
2. **bare parse of the paragraphs**: the same, over the paragraphs the stage parses,
   ``[nlp] paragraph_batch_size`` per batch (the parse alone, as the stage does it);
3. **analyze_articles**: what ``corroborator extract`` runs (parse + attribution, quotes,
   speakers, quantities, dates); above one process, forked workers parse and analyse
   chunks of articles and send back only the records;
4. above one process, **the parse alone on forked workers**: the stage's paragraphs parsed in
   the same chunks on the same workers, nothing sent back (spaCy's ``n_process`` above ships
   every ``Doc`` to this process, which a plain user pays for but the stage does not).

Prints words/s, articles/s, the claim layer's cost on top of the bare parse (both readings),
the CPU seconds of each part (this process and its workers: steadier than the clock on a
shared machine), the load average (clock figures are only comparable on a quiet machine) and
peak memory (this process and its largest worker, ``ru_maxrss``). Never asserts.

    .venv/bin/python benchmarks/extract.py --articles 2000 --n-process 2
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _generate import generate  # noqa: E402

from corroborator.nlp.analyze import analyze_articles  # noqa: E402
from corroborator.nlp.loader import load_pipeline  # noqa: E402
from corroborator.nlp.segment import split_paragraphs  # noqa: E402
from corroborator.records import Article  # noqa: E402
from corroborator.records.article import article_id, content_hash  # noqa: E402
from corroborator.settings import (
    NlpSettings,  # noqa: E402
    load_settings,  # noqa: E402
)


def make_articles(count: int, stories: int, seed: int) -> list[Article]:
    out = []
    for item in generate(count, stories=stories, seed=seed):
        text = item.title + "\n\n" + "\n\n".join(item.paragraphs)
        published = datetime.fromisoformat(item.published.replace("Z", "+00:00"))
        out.append(Article(article_id(text, item.outlet, item.url, item.title), None, item.url,
                           item.outlet, item.title, published, "en", text, content_hash(text)))
    return out


def _parse_chunk(chunk: list[str], state: tuple[object, int]) -> int:
    nlp, size = state
    return sum(1 for _ in nlp.pipe(chunk, batch_size=size))  # type: ignore[attr-defined]


def _cpu() -> float:
    """CPU seconds of this process and of its finished workers."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _peak_mb() -> dict[str, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"peak_rss_mb": round(own, 1), "peak_rss_largest_worker_mb": round(children, 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--stories", type=int, default=120)
    parser.add_argument("--n-process", type=int, default=2)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)

    settings = load_settings(environ={}, overrides={"nlp": {"n_process": args.n_process}})
    nlp_raw = settings.raw("nlp")
    batch, para_batch = nlp_raw["batch_size"], settings.get(NlpSettings).paragraph_batch_size
    articles = make_articles(args.articles, args.stories, args.seed)
    texts = [a.text for a in articles]
    paragraphs = [p.text for t in texts for p in split_paragraphs(t)]
    words = sum(len(t.split()) for t in texts)
    nlp = load_pipeline(nlp_raw["model"])  # loading is not throughput: before the clocks
    list(nlp.pipe(paragraphs[:64]))  # first-call set-up outside the clocks too

    wall: dict[str, float] = {}
    cpu: dict[str, float] = {}

    def clock(name: str, run) -> None:  # type: ignore[no-untyped-def]
        began, began_cpu = time.perf_counter(), _cpu()
        run()
        wall[name], cpu[name] = time.perf_counter() - began, _cpu() - began_cpu
        print(f"{name}: {wall[name]:.1f} s", file=sys.stderr, flush=True)

    def bare(items: list[str], size: int) -> None:
        for _ in nlp.pipe(items, batch_size=size, n_process=args.n_process):
            pass

    found = {"claims": 0, "quantities": 0, "dates": 0, "errors": 0}

    def analyse() -> None:
        for result in analyze_articles(articles, settings, nlp=nlp):
            found["claims"] += len(result.claims)
            found["quantities"] += len(result.quantities)
            found["dates"] += len(result.dates)
            found["errors"] += result.error is not None

    clock("bare_parse_texts", lambda: bare(texts, batch))
    clock("bare_parse_paragraphs", lambda: bare(paragraphs, para_batch))
    clock("analyze_articles", analyse)
    if args.n_process > 1:
        from corroborator.nlp.analyze import CHUNK
        from corroborator.pipeline.workers import forked_map

        chunks = [[p.text for t in texts[i : i + CHUNK] for p in split_paragraphs(t)]
                  for i in range(0, len(texts), CHUNK)]
        clock("parse_only_forked", lambda: sum(forked_map(
            _parse_chunk, chunks, args.n_process, (nlp, para_batch))))

    def rate(name: str) -> dict[str, float]:
        return {"seconds": round(wall[name], 1), "cpu_seconds": round(cpu[name], 1),
                "words_per_s": round(words / wall[name]),
                "articles_per_s": round(len(articles) / wall[name], 1)}

    def cost(clock: dict[str, float], bare_name: str) -> float:
        return round(100 * (clock["analyze_articles"] - clock[bare_name]) / clock[bare_name], 1)

    result = {
        "benchmark": "extract",
        "machine": f"{os.cpu_count()} cores",
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "articles": len(articles), "words": words, "paragraphs": len(paragraphs),
        "n_process": args.n_process, "batch_size": batch, "paragraph_batch_size": para_batch,
        "seed": args.seed,
        **{name: rate(name) for name in wall},
        # cost of the stage on top of the bare parse, by the clock and in CPU seconds
        "claim_layer_cost_pct": {"vs_bare_texts": cost(wall, "bare_parse_texts"),
                                 "vs_bare_paragraphs": cost(wall, "bare_parse_paragraphs")},
        "claim_layer_cost_cpu_pct": {"vs_bare_texts": cost(cpu, "bare_parse_texts"),
                                     "vs_bare_paragraphs": cost(cpu, "bare_parse_paragraphs")},
        **({"claim_layer_cost_vs_parse_only_forked_pct": {
            "clock": cost(wall, "parse_only_forked"), "cpu": cost(cpu, "parse_only_forked")}}
           if "parse_only_forked" in wall else {}),
        "found": found,
        **_peak_mb(),
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
