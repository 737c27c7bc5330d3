"""Forked workers keep the order of their items, and split embeddings match one process."""

from __future__ import annotations

import numpy as np
import pytest

from corroborator.pipeline.workers import can_fork, forked_map, parallel_embed

pytestmark = pytest.mark.skipif(not can_fork(), reason="needs the fork start method")


def _scaled(item: int, state: dict[str, int]) -> int:
    return item * state["factor"]


@pytest.mark.parametrize("batch", [None, 1, 3])
def test_forked_map_keeps_order_and_passes_state(batch: int | None) -> None:
    items = iter(range(10))  # read lazily when batched
    assert list(forked_map(_scaled, items, 2, {"factor": 3}, batch=batch)) == [
        3 * i for i in range(10)]


@pytest.mark.embeddings
def test_parallel_embed_matches_one_process(embedder) -> None:
    from corroborator.embeddings import embed

    texts = [f"Officials said {n} residents of Port {'Ellery ' * (n % 7)}were evacuated."
             for n in range(160)]
    together = embed(texts)
    split = parallel_embed(texts, 2)
    assert split.shape == together.shape
    # other batches and thread counts change only the last bits
    assert np.abs(split - together).max() < 1e-4
    assert (np.argmax(split @ together.T, axis=1) == np.arange(len(texts))).all()


@pytest.mark.embeddings
def test_parallel_bfloat16_embed_is_the_one_process_result(embedder) -> None:
    from corroborator.embeddings import embed

    texts = [f"Officials said {n} residents of Port {'Ellery ' * (n % 7)}were evacuated."
             for n in range(160)]
    # fixed batch shapes: the split and the thread count change nothing
    assert np.array_equal(parallel_embed(texts, 2, precision="bfloat16"),
                          embed(texts, precision="bfloat16"))
