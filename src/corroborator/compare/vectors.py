"""The comparison's texts embedded ahead, for all stories at once, and kept in the store.

``compare_story`` embeds each story's claim contents, measured phrases and masked figure
sentences itself: some eighty texts per call, inside a forked worker whose cache dies with
it, and all of them again on every run. The stage runner instead lists the texts of every
story first (``story.story_texts``), reads those the store already holds, embeds the rest in
one length-sorted batch spread over the workers, stores them, and hands each comparison a
lookup (:class:`TextVectors`). A re-run with nothing new embeds nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from ..settings import EmbeddingSettings, Settings
from .candidates import MAX_CHARS, EmbedFn


def cut(text: str) -> str:
    return text[:MAX_CHARS]


class TextVectors:
    """An embedding function (texts -> unit rows) answering from vectors embedded ahead.

    Texts not among them (none, when they were listed with ``story_texts``) go to
    ``fallback``, or raise ``KeyError`` without one.
    """

    def __init__(self, vectors: Mapping[str, np.ndarray], fallback: EmbedFn | None = None):
        self.vectors = vectors
        self.fallback = fallback

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        keys = [cut(t) for t in texts]
        if not keys:
            return np.zeros((0, 1), dtype=np.float32)
        missing = [k for k in dict.fromkeys(keys) if k not in self.vectors]
        extra: dict[str, np.ndarray] = {}
        if missing:
            if self.fallback is None:
                raise KeyError(f"{len(missing)} texts were not embedded ahead: {missing[0]!r}")
            extra = dict(zip(missing, self.fallback(missing), strict=True))
        return np.stack([extra[k] if k in extra else self.vectors[k] for k in keys])


def embed_ahead(
    texts: Iterable[str],
    settings: Settings | None,
    store: Any = None,
    embed_fn: Callable[..., np.ndarray] | None = None,
    counts: dict[str, int] | None = None,
) -> dict[str, np.ndarray]:
    """Vectors of ``texts`` (cut at ``MAX_CHARS``), keyed by the cut text.

    With a ``store`` the vectors it holds are read and the new ones written (in their own
    key space: texts as given, not normalised). ``embed_fn`` replaces
    ``corroborator.embeddings.embed`` (same signature), e.g. with a parallel one.
    ``counts``, when given, receives how many texts were read and how many embedded.
    """
    from ..embeddings import embed
    from ..reuse.pipeline import StoredVectors

    unique = list(dict.fromkeys(cut(t) for t in texts))
    chosen = EmbeddingSettings.of(settings)
    options = chosen.embed_options()
    backing = (StoredVectors(store, chosen.vector_space(), exact=True)
               if store is not None else None)
    found = backing.load(unique) if backing is not None and unique else {}
    missing = [t for t in unique if t not in found]
    if missing:
        new = (embed_fn or embed)(missing, **options)
        fresh = dict(zip(missing, np.asarray(new, dtype=np.float32), strict=True))
        if backing is not None:
            backing.save(fresh)
        found.update(fresh)
    if counts is not None:
        counts["read"] = len(unique) - len(missing)
        counts["embedded"] = len(missing)
    return found
