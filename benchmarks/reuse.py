"""Reuse-stage benchmark: near-copy indexing throughput and memory, LSH query latency,
rewrite alignment cost per pair, and the growth of candidate work with corpus size.

    .venv/bin/python benchmarks/reuse.py                 # 100k generated articles
    .venv/bin/python benchmarks/reuse.py --articles 20000

Articles are generated (fixed seed): word sequences from a Zipf-like vocabulary, in families
where one in ten articles is a near-copy of an earlier one (a sentence dropped, words edited).
Memory is measured with tracemalloc (index only, then the per-article profiles that
find_derivations holds for one batch) and extrapolated linearly to one million articles.
Nothing here asserts on time.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

from corroborator.records import Article
from corroborator.reuse.derive import keywords, profile
from corroborator.reuse.minhash import LshIndex, signature, signature_of_hashes
from corroborator.reuse.settings import ReuseSettings

SEED = 20240611


def generate(n: int, words_per_article: int = 300, seed: int = SEED):
    rng = np.random.default_rng(seed)
    vocabulary = np.array([f"w{i}" for i in range(30000)])
    weights = 1.0 / np.arange(1, len(vocabulary) + 1) ** 0.9
    weights /= weights.sum()
    base_time = 1_700_000_000
    kept: list[list[str]] = []
    for i in range(n):
        if kept and rng.random() < 0.1:
            sentences = list(kept[int(rng.integers(len(kept)))])
            sentences.pop(int(rng.integers(len(sentences))))
            sentences[0] = "Edited " + sentences[0]
        else:
            tokens = rng.choice(vocabulary, size=words_per_article, p=weights)
            sentences = [" ".join(tokens[k : k + 20]).capitalize() + "."
                         for k in range(0, words_per_article, 20)]
            if len(kept) < 2000:
                kept.append(sentences)
        yield Article(f"a{i}", None, None, None, None, None, "en", "\n".join(sentences), "",
                      {"_time": base_time + i})


def bench_index(n: int, config: ReuseSettings) -> dict[str, float]:
    near = LshIndex(config.num_perm, config.lsh_bands, config.lsh_rows)
    words = LshIndex(config.num_perm, config.keyword_bands, config.keyword_rows)
    # tracemalloc would slow this loop twentyfold: memory is read from the index arrays and
    # the id strings, and the process's peak RSS is reported beside it.
    started = time.perf_counter()
    candidates = 0
    checkpoints: dict[str, float] = {}
    query_times: list[float] = []
    window = time.perf_counter()
    window_candidates = 0
    for i, article in enumerate(generate(n), start=1):
        item = profile(article, config)
        sig = signature_of_hashes(item.shingles, config.num_perm)
        key_sig = signature(keywords(article), config.num_perm)
        q0 = time.perf_counter()
        found = near.query(sig, limit=config.max_candidates)
        found += words.query(key_sig, limit=config.max_candidates)
        query_times.append(time.perf_counter() - q0)
        candidates += len(found)
        window_candidates += len(found)
        near.insert(article.id, sig)
        words.insert(article.id, key_sig)
        if i % max(1, n // 5) == 0:
            now = time.perf_counter()
            checkpoints[f"at_{i}_ms_per_article"] = round(
                1000 * (now - window) / max(1, n // 5), 3)
            checkpoints[f"at_{i}_candidates_per_article"] = round(
                window_candidates / max(1, n // 5), 2)
            window, window_candidates = now, 0
    elapsed = time.perf_counter() - started
    ids = sum(sys.getsizeof(k) + 8 for k in near._ids) + sum(
        sys.getsizeof(k) + 8 for k in words._ids)
    current = near.memory_bytes() + words.memory_bytes() + ids
    latencies = np.array(query_times) * 1000
    per_article = current / n
    return {
        "articles": float(n),
        "index_articles_per_s": round(n / elapsed, 1),
        "index_bytes_per_article": round(per_article, 1),
        "index_gb_per_million_extrapolated": round(per_article * 1e6 / 1e9, 3),
        "process_peak_rss_mb": round(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "lsh_query_ms_mean": round(float(latencies.mean()), 4),
        "lsh_query_ms_p99": round(float(np.percentile(latencies, 99)), 4),
        "candidates_per_article": round(candidates / n, 2),
        **checkpoints,
    }


def bench_profiles(n: int, config: ReuseSettings) -> dict[str, float]:
    """Memory find_derivations holds per article of one batch (profiles: shingles, sentences)."""
    tracemalloc.start()
    profiles = [profile(a, config) for a in generate(n, seed=SEED + 1)]
    current, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del profiles
    return {"batch_profile_bytes_per_article": round(current / n, 1)}


def bench_alignment(pairs: int, config: ReuseSettings) -> dict[str, float]:
    """Rewrite alignment cost per article pair on generated ECB+ rewrites (if available)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))
    try:
        from derivation_generator import generate as families
    except Exception:  # noqa: BLE001 - corpora absent: skip this part
        return {}
    from corroborator.reuse.align import EmbeddingCache, align_prepared
    from corroborator.reuse.classify import load_model

    corpus = families((2, 5), sources_per_topic=3)
    by_id = {a.id: a for a in corpus.articles}
    todo = [(by_id[s], by_id[d]) for d, s in sorted(corpus.edges)
            if corpus.kinds[d].startswith("rewrite")][:pairs]
    if not todo:
        return {}
    model = load_model()
    cache = EmbeddingCache(100000)
    profiles = [(profile(s, config), profile(d, config)) for s, d in todo]
    sentences = [x.text for s, d in profiles for x in s.sentences + d.sentences]
    started = time.perf_counter()
    cache.vectors(sentences)
    embed_s = time.perf_counter() - started
    # As find_derivations does: each article's sentences prepared and embedded once.
    for item in {p.id: p for pair in profiles for p in pair}.values():
        item.prepared.vectors = cache.vectors([x.text for x in item.sentences])
    started = time.perf_counter()
    for s, d in profiles:
        align_prepared(s.prepared, d.prepared, model, config)
    align_s = time.perf_counter() - started
    return {
        "alignment_pairs": float(len(profiles)),
        "sentences_per_article": round(len(sentences) / (2 * len(profiles)), 1),
        "embedding_ms_per_article": round(1000 * embed_s / (2 * len(profiles)), 1),
        "alignment_ms_per_pair_after_embedding": round(1000 * align_s / len(profiles), 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=10_000,
                        help="articles in the find_derivations batch-memory measurement")
    parser.add_argument("--pairs", type=int, default=30)
    args = parser.parse_args(argv)
    config = ReuseSettings()
    figures = bench_index(args.articles, config)
    figures.update(bench_profiles(args.batch, config))
    figures.update(bench_alignment(args.pairs, config))
    print(json.dumps({"benchmark": "reuse", **figures}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
