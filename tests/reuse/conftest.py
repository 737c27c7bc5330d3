"""Fixtures the reuse tests share: articles prepared for alignment, alone or as an embedded
pair with their sentence similarities."""

from __future__ import annotations

import pytest


def _prepared(text: str):  # type: ignore[no-untyped-def]
    from corroborator.reuse.align import prepare
    from corroborator.reuse.normalize import content_sentences

    return prepare(content_sentences(text))


@pytest.fixture(scope="session")
def prepared():  # type: ignore[no-untyped-def]
    """``prepared(text)``: the article's content sentences, prepared for alignment."""
    return _prepared


@pytest.fixture
def embedded_pair(embedder):  # type: ignore[no-untyped-def]
    """``embedded_pair(a, b)``: both articles prepared, their sentences embedded, and the
    matrix of sentence similarities."""
    from corroborator.reuse.align import EmbeddingCache

    vectors = EmbeddingCache(100).vectors

    def sides(a: str, b: str):  # type: ignore[no-untyped-def]
        pa, pb = _prepared(a), _prepared(b)
        for p in (pa, pb):
            p.vectors = vectors([s.text for s in p.sentences])
        return pa, pb, pa.vectors @ pb.vectors.T

    return sides
