"""Pair-model benchmark: sentence pairs per second of the logistic and cross pair models.

    .venv/bin/python benchmarks/pair_models.py               # 256 MSRP dev pairs, 1 and 2 threads
    .venv/bin/python benchmarks/pair_models.py --pairs 128 --threads 1

Pairs are read at run time from the MSRP dev part (the split of eval/msrp.py); cosines are
given, as the aligner has them, so the figures are the models' own cost. The cross model is
timed as shipped (adapters merged, float32) and batched (``probabilities`` on the whole
list). The aligner asks about ~60 candidate pairs per aligned article pair; the last column
turns pairs/s into seconds per article pair. Nothing here asserts on time.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

EVAL = Path(__file__).resolve().parents[1] / "eval"
CALLS_PER_ARTICLE_PAIR = 60


def _pairs(n: int) -> tuple[list[tuple[str, str]], list[float]]:
    sys.path.insert(0, str(EVAL))
    import msrp

    dev = msrp.split(msrp.load_pairs())[1][:n]
    left = msrp.embeddings([a for _, a, _ in dev])
    right = msrp.embeddings([b for _, _, b in dev])
    return [(a, b) for _, a, b in dev], (left * right).sum(axis=1).tolist()


def _rate(model: object, pairs: list[tuple[str, str]], cosines: list[float],
          number_blind: bool = False, repeats: int = 2) -> float:
    model.probabilities(pairs[:8], cosines[:8])  # type: ignore[attr-defined]  # warm-up
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        model.probabilities(pairs, cosines, number_blind=number_blind)  # type: ignore[attr-defined]
        best = min(best, time.perf_counter() - started)
    return len(pairs) / best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=256)
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args(argv)
    import torch

    from corroborator.reuse.classify import load_pair_model
    from corroborator.reuse.signals import signals

    pairs, cosines = _pairs(args.pairs)
    results: dict[str, object] = {"pairs": len(pairs)}
    logistic = load_pair_model("logistic")
    _rate(logistic, pairs, cosines)  # fills the per-sentence signals cache
    signals.cache_clear()
    started = time.perf_counter()
    logistic.probabilities(pairs, cosines)
    results["logistic_pairs_per_s_cold"] = round(len(pairs) / (time.perf_counter() - started))
    results["logistic_pairs_per_s"] = round(_rate(logistic, pairs, cosines))
    cross = load_pair_model("cross")
    for threads in args.threads:
        torch.set_num_threads(threads)
        rate = _rate(cross, pairs, cosines)
        results[f"cross_pairs_per_s_{threads}_threads"] = round(rate, 1)
        results[f"cross_s_per_article_pair_{threads}_threads"] = round(
            CALLS_PER_ARTICLE_PAIR / rate, 2)
    results["max_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    results["note"] = "best of 2 runs; shared machine, other jobs running"
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
