"""The comparison's texts embedded ahead (compare.vectors) give what compare_story embeds itself."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from corroborator.compare import compare_story
from corroborator.compare.story import story_texts
from corroborator.compare.vectors import MAX_CHARS, TextVectors, embed_ahead
from corroborator.records import Derivation, Story

from .helpers import COPY, LATER, REWRITE, WIRE, article, bow_embed, example_claims

ARTICLES = [WIRE, COPY, REWRITE, LATER]
STORY = Story("s1", "Brenmoor", tuple(a.id for a in ARTICLES))
EDGES = [Derivation("copy", "wire", "copy", 1.0), Derivation("rewrite", "wire", "rewrite", 0.8)]


class Recorder:
    """bow_embed that remembers what it was asked (model-free, as keyword arguments allow)."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def __call__(self, texts: Sequence[str], **_options: object) -> np.ndarray:
        self.texts.extend(texts)
        return bow_embed(texts)


def _summary(result):
    return (sorted(tuple(sorted(p.claim_ids)) for p in result.propositions),
            sorted((c.kind, c.claim_ids, c.explanation) for c in result.conflicts))


def test_story_texts_lists_every_text_compare_story_embeds(settings) -> None:
    asked = Recorder()
    compare_story(STORY, ARTICLES, example_claims(), EDGES, settings, embed_fn=asked)
    listed = story_texts(STORY, ARTICLES, example_claims(), EDGES, settings)
    assert asked.texts and set(asked.texts) == set(listed)
    assert any("#" in t for t in listed)  # the rewrite edge's masked figure sentences


def test_vectors_embedded_ahead_give_the_same_comparison(settings) -> None:
    texts = story_texts(STORY, ARTICLES, example_claims(), EDGES, settings)
    ahead = TextVectors(embed_ahead(texts, settings, embed_fn=Recorder()))  # no fallback
    direct = compare_story(STORY, ARTICLES, example_claims(), EDGES, settings, embed_fn=bow_embed)
    looked_up = compare_story(STORY, ARTICLES, example_claims(), EDGES, settings, embed_fn=ahead)
    assert _summary(looked_up) == _summary(direct)


def test_text_vectors_fall_back_only_for_texts_not_embedded_ahead() -> None:
    asked = Recorder()
    lookup = TextVectors({"known": bow_embed(["known"])[0]}, fallback=asked)
    out = lookup(["known", "new words", "known"])
    assert out.shape == (3, 512) and asked.texts == ["new words"]
    with pytest.raises(KeyError):
        TextVectors({})(["never embedded"])
    long = "word " * 200
    assert TextVectors({long[:MAX_CHARS]: np.ones(2)})([long]).shape == (1, 2)


def test_embed_ahead_keeps_vectors_in_the_store_for_the_next_run(settings, tmp_path) -> None:
    from corroborator.store import open_store

    texts = ["# homes were flooded", "homes were flooded", "The mayor said 300 homes."]
    with open_store(str(tmp_path / "v.db")) as store:
        first, second = Recorder(), Recorder()
        counts: dict[str, int] = {}
        a = embed_ahead(texts, settings, store, embed_fn=first, counts=counts)
        # three keys: kept as given, normalising would make the masked sentence a measured
        # phrase and embed it once
        assert counts == {"read": 0, "embedded": 3}
        b = embed_ahead(texts + ["a new claim"], settings, store, embed_fn=second, counts=counts)
        assert counts == {"read": 3, "embedded": 1} and second.texts == ["a new claim"]
    for text in texts:
        assert np.array_equal(a[text], b[text])


def test_run_stage_vectors_cover_a_story_without_claims(settings) -> None:
    src = article("s", "Harbor", "The museum said about 1,200 visitors came on Sunday.", day=1)
    dst = article("d", "Weekly", "The museum said 2,500 visitors came on Sunday.", day=2)
    story = Story("s2", None, ("s", "d"))
    edge = Derivation("d", "s", "rewrite", 0.8)
    texts = story_texts(story, [src, dst], [], [edge], settings)
    lookup = TextVectors(embed_ahead(texts, settings, embed_fn=Recorder()))
    result = compare_story(story, [src, dst], [], [edge], settings, embed_fn=lookup)
    assert [c.kind for c in result.conflicts] == ["misreport"]
