"""Streaming story clustering at scale: articles/s, memory, and cost per article over time.

Embedding 100k texts with all-MiniLM-L6-v2 takes ~5 min on 2 cores at best, so this benchmark
generates the FEATURES synthetically (fixed seed) and measures the clustering itself, which
is the part whose cost could grow with the number of stories. The generator mimics a news
stream: stories start uniformly over a year, their articles follow over ~a day
(exponential), story sizes are heavy-tailed, and stories share a topic (embedding
direction, common words and entities) with many others, which makes hard negatives.

    .venv/bin/python benchmarks/stories.py [--articles 100000] [--seed 7] [--tracemalloc]

Prints throughput, time per article for the first and the last 10k articles (the ratio
should stay below 2: cost per article must not grow with the number of stories), peak
memory, and B-cubed F1 against the generator's stories as an accuracy check.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
import tracemalloc
from dataclasses import replace

import numpy as np

from corroborator.evaluation.metrics import bcubed
from corroborator.settings import load_settings
from corroborator.stories import ArticleFeatures, StoryClusterer, StorySettings

DAY = 86400.0


def generate(n_articles: int, seed: int) -> tuple[list[ArticleFeatures], dict[str, str]]:
    rng = np.random.default_rng(seed)
    n_topics, dims = 60, 384
    topics = rng.normal(size=(n_topics, dims))
    topics /= np.linalg.norm(topics, axis=1, keepdims=True)
    topic_terms = rng.integers(0, 2**20, size=(n_topics, 150))
    articles: list[tuple[float, ArticleFeatures]] = []
    gold: dict[str, str] = {}
    story = 0
    while len(articles) < n_articles:
        story += 1
        topic = int(rng.integers(n_topics))
        size = int(min(1 + rng.zipf(1.8), 60))
        centre = 0.55 * topics[topic] + 0.45 * _unit(rng.normal(size=dims))
        start = float(rng.uniform(0, 365 * DAY))
        own_terms = rng.integers(0, 2**20, size=25)
        own_entities = [f"person {story}", f"place {story}", f"org {story % 5000}"]
        own_numbers = [str(int(x)) for x in rng.integers(1, 5000, size=3)]
        for k in range(size):
            if len(articles) >= n_articles:
                break
            aid = f"{story:06d}-{k:02d}"
            when = start + float(rng.exponential(0.8 * DAY))
            emb = _unit(centre + 0.9 * rng.normal(size=dims) / np.sqrt(dims)).astype(np.float32)
            words = np.concatenate([
                rng.choice(own_terms, 12), rng.choice(topic_terms[topic], 15),
                rng.integers(0, 2**20, size=8),
            ])
            terms: dict[int, float] = {}
            for w in words.tolist():
                terms[int(w)] = terms.get(int(w), 0.0) + 1.0
            entities = sorted(set(rng.choice(own_entities, 2).tolist())
                              | {f"topic entity {topic}"})
            numbers = sorted(set(rng.choice(own_numbers, 1).tolist()))
            articles.append((when, ArticleFeatures(
                article_id=aid, published=when, embedding=emb, terms=terms,
                entities=tuple(entities), numbers=tuple(numbers),
                title=f"story {story} report {k}", lead="", outlet=f"outlet {k % 40}",
            )))
            gold[aid] = str(story)
    articles.sort(key=lambda pair: (pair[0], pair[1].article_id))
    return [a for _, a in articles], gold


def _unit(v: np.ndarray) -> np.ndarray:
    return v / np.linalg.norm(v)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--tracemalloc", action="store_true",
                        help="measure Python allocations too (slows the run ~2x)")
    args = parser.parse_args(argv)
    config = load_settings(environ={}).get(StorySettings)
    started = time.perf_counter()
    features, gold = generate(args.articles, args.seed)
    generated = time.perf_counter() - started
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if args.tracemalloc:
        tracemalloc.start()
    clusterer = StoryClusterer(config=replace(config))
    chunk = 10_000
    chunk_seconds = []
    # CPU time of this process, not wall time: on a shared machine wall time mostly measures
    # the neighbours (both are printed).
    t0, c0 = time.perf_counter(), time.process_time()
    for start in range(0, len(features), chunk):
        tc = time.process_time()
        for item in features[start : start + chunk]:
            clusterer.add_features(item)
        chunk_seconds.append((time.process_time() - tc) / len(features[start : start + chunk]))
    clusterer.merge_step()
    wall = time.perf_counter() - t0
    elapsed = time.process_time() - c0
    traced = tracemalloc.get_traced_memory()[1] if args.tracemalloc else None
    predicted = clusterer.assignments()
    score = bcubed(predicted, gold)
    figures = {
        "features": "synthetic (see module docstring)",
        "articles": len(features),
        "gold_stories": len(set(gold.values())),
        "stories": len(clusterer),
        "generate_seconds": round(generated, 1),
        "cluster_cpu_seconds": round(elapsed, 1),
        "cluster_wall_seconds": round(wall, 1),
        "articles_per_cpu_second": round(len(features) / elapsed, 1),
        "cpu_ms_per_article_first_10k": round(1000 * chunk_seconds[0], 3),
        "cpu_ms_per_article_last_10k": round(1000 * chunk_seconds[-1], 3),
        "last_over_first": round(chunk_seconds[-1] / chunk_seconds[0], 2),
        "cpu_ms_per_article_by_10k": [round(1000 * s, 3) for s in chunk_seconds],
        # The generated features alone take a good part of the peak: the clusterer's own
        # memory is bounded by peak - before (or by tracemalloc, which counts allocations).
        "peak_rss_mb_before_clustering": round(rss_before, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "tracemalloc_peak_mb": None if traced is None else round(traced / 2**20, 1),
        "state_json_mb": round(len(json.dumps(clusterer.state())) / 2**20, 1),
        "b3_precision": round(score.precision, 4),
        "b3_recall": round(score.recall, 4),
        "b3_f1": round(score.f1, 4),
    }
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
