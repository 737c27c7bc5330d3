"""Names across the whole body (stories.names) and their place in the split check's model."""

from __future__ import annotations

import json

import numpy as np

from corroborator.datelines import without_dateline
from corroborator.stories import ArticleFeatures, StoryClusterer, publication_order
from corroborator.stories.names import body_names
from corroborator.stories.online import DocumentFrequencies, Vectors, article_vectors
from corroborator.stories.pairs import FEATURES, PairModel, group_features

from .test_pairs import FIRST, SECOND


def test_capitals_inside_a_sentence_are_names_and_sentence_openers_are_not() -> None:
    text = ("Microsoft's patch closes a hole in Internet Explorer 7.\n"
            "The fix reached users on Tuesday, said Jerry Bryant. It is rated critical.\n"
            "\"Attackers used it,\" Bryant said: Users should update.")
    assert body_names(text) == ("bryant", "explorer", "internet", "jerry", "tuesday")


def test_a_wire_dateline_is_no_name() -> None:
    # every story the wire files that day opens so: its agency and date name no story
    text = ("VARDO, Oct 15 (Orrin Wire) — The National Bank of Estmark raised rates.\n"
            "SANTAVEL, Meridia, Nov 3 (MPA) - A quake struck Tarvosa.")
    assert body_names(text) == ("bank", "estmark", "national", "tarvosa")
    assert without_dateline("LONDON (Reuters) - Shares rose.\nThe EU-UK deal - signed") == (
        "Shares rose.\nThe EU-UK deal - signed")


def test_snippet_without_names_gives_none() -> None:
    assert body_names("the storm passed overnight. no one was hurt.") == ()
    assert body_names("") == ()


def _with_names(item: Vectors, names: dict[str, float]) -> Vectors:
    return Vectors(item.embedding, {**item.fields, "names": names}, None, None)


def test_names_feed_the_pair_model_and_missing_names_say_nothing() -> None:
    first = [_with_names(i, {"bryant": 0.8, "vista": 0.6}) for i in FIRST]
    second = [_with_names(i, {"lamb": 0.8, "windows": 0.6}) for i in SECOND]
    planes = group_features([*first, *second])
    names = planes[..., FEATURES.index("names")]
    both = planes[..., FEATURES.index("names_both")]
    assert np.isclose(names[0, 1], 1.0) and names[0, 3] == 0.0
    assert both.min() == 1.0
    # Items without the field (a state saved before it existed) read as having no names.
    bare = group_features([*FIRST, *SECOND])
    assert bare[..., FEATURES.index("names_both")].max() == 0.0
    model = PairModel.packaged()
    assert model.weights[FEATURES.index("names")] > 0
    assert model.matrix([*first, *second])[0, 3] < model.matrix([*FIRST, *SECOND])[0, 3]


def _features(aid: str, names: tuple[str, ...]) -> ArticleFeatures:
    return ArticleFeatures(aid, None, np.ones(4, dtype=np.float32) / 2, {1: 1.0}, (), (),
                           names=names)


def test_article_vectors_weigh_rare_names_higher() -> None:
    df = DocumentFrequencies()
    common = _features("a", ("osk", "police"))
    for aid in "bcd":
        df.observe_article(_features(aid, ("police",)))
    df.observe_article(common)
    vector = article_vectors(common, df).fields["names"]
    assert vector["osk"] > vector["police"] > 0
    assert np.isclose(sum(v * v for v in vector.values()), 1.0)


def test_saved_state_keeps_body_names_and_reads_a_state_without_them(
    settings, fake_features, story_articles
) -> None:
    ordered = publication_order(story_articles(dated=False))
    clusterer = StoryClusterer(settings, extractor=fake_features)
    clusterer.add_many(ordered[:6])
    state = json.loads(json.dumps(clusterer.state()))
    parts = [p for s in state["stories"] for p in s["parts"] or ()]
    assert parts and any(p[7]["names"] for p in parts) and state["df"]["names"]
    # A state saved before body names existed: no names field anywhere.
    for part in parts:
        del part[7]["names"]
    del state["df"]["names"]
    resumed = StoryClusterer.from_state(state, settings, extractor=fake_features)
    resumed.add_many(ordered[6:])
    resumed.merge_step()
    assert set(resumed.assignments()) == {a.id for a in ordered}
