"""Shingles, MinHash signatures and the compact LSH index."""

from __future__ import annotations

import random

import numpy as np

from corroborator.reuse.minhash import LshIndex, exact_overlap, shingles, signature

WORDS = [f"w{i}" for i in range(5000)]


def _doc(rng: random.Random, n: int = 300) -> list[str]:
    return [rng.choice(WORDS) for _ in range(n)]


def test_shingles_of_short_text_is_the_whole_text() -> None:
    assert shingles(["a", "b"], 5) == {"a b"}
    assert shingles([], 5) == set()
    assert shingles(list("abcdef"), 5) == {"a b c d e", "b c d e f"}


def test_index_finds_copies_and_partial_copies_not_strangers() -> None:
    rng = random.Random(1)
    index = LshIndex(num_perm=128, bands=42, rows=3, buffer_size=64)
    docs = {f"d{i}": _doc(rng) for i in range(400)}
    for key, tokens in docs.items():
        index.insert(key, signature(shingles(tokens, 5), 128))
    full = docs["d7"]
    near = full[:150] + ["changed"] + full[151:]
    half = full[:150]
    for probe in (near, half):
        found = dict(index.query(signature(shingles(probe, 5), 128)))
        assert "d7" in found
        assert len(found) == 1
    jaccard, half_in_full, _ = exact_overlap(shingles(half, 5), shingles(full, 5))
    assert half_in_full == 1.0 and 0.4 < jaccard < 0.6


def test_limit_bounds_the_answer_for_thousands_of_copies() -> None:
    index = LshIndex(num_perm=64, bands=16, rows=4, buffer_size=128)
    sig = signature({"same story"}, 64)
    for i in range(3000):
        index.insert(str(i), sig)
    assert len(index.query(sig, limit=25)) == 25
    assert index.memory_bytes() < 3000 * 2000
    other = signature({"another story entirely"}, 64)
    assert index.query(other) == []
    assert np.array_equal(index.band_keys(sig), index.band_keys(sig.copy()))
