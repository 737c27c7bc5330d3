"""bfloat16 vectors are computed in fixed shapes, so they do not depend on their batch."""

from __future__ import annotations

import numpy as np
import pytest

from corroborator.fixed_shapes import LENGTHS, batch_rows, lengths

TEXTS = ["The mayor said more than 300 homes were flooded on Tuesday.",
         "Rescue crews pulled four people from the river, the fire service said.",
         "Nearly 2,000 soldiers were killed or wounded, the minister told reporters.",
         "Talks resumed.",
         " ".join(["Officials in the port city said the storm had cut power to the region"] * 6)]


def test_lengths_end_at_the_model_limit() -> None:
    assert lengths(256) == LENGTHS
    assert lengths(100) == (16, 24, 32, 48, 64, 96, 100)
    assert all(batch_rows(n) * n <= 1024 for n in LENGTHS)
    assert batch_rows(4096) == 1


@pytest.mark.embeddings
def test_a_vector_is_the_same_alone_or_in_any_batch(embedder) -> None:
    from corroborator.embeddings import embed

    together = embed(TEXTS, precision="bfloat16")
    alone = np.stack([embed([t], precision="bfloat16")[0] for t in TEXTS])
    others = embed(TEXTS[::-1] + [f"Filler sentence number {n}." for n in range(70)],
                   precision="bfloat16")[:len(TEXTS)][::-1]
    assert np.array_equal(together, alone) and np.array_equal(together, others)
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)
    full = embed(TEXTS, precision="float32")
    assert float((full * together).sum(axis=1).min()) > 0.999
