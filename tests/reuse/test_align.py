"""Sentence alignment labels: same, paraphrase, changed (figure, negation, quote)."""

from __future__ import annotations

import pytest

from corroborator.reuse.align import EmbeddingCache, align, changes
from corroborator.reuse.classify import FEATURES, features, load_model
from corroborator.reuse.normalize import split_sentences
from corroborator.reuse.settings import ReuseSettings
from corroborator.reuse.signals import signals


def test_number_blind_probability_ignores_only_figures() -> None:
    model = load_model()
    a = signals("The storm killed 3,000 people in the valley.")
    b = signals("The storm killed 300 people in the valley.")
    x = features(a, b, 0.97)
    assert x[FEATURES.index("fig_conflict")] == 1.0
    assert model.probability(x, number_blind=True)[0] > model.probability(x)[0]


@pytest.mark.embeddings
@pytest.mark.parametrize(
    ("source", "article", "label", "kinds"),
    [
        ("The storm killed 3,000 people in the valley.",
         "The storm killed 300 people in the valley.", "changed", {"figure"}),
        ("Officials said nearly 2,000 homes were flooded.",
         "Officials said more than 2,000 homes were flooded.", "changed", {"figure"}),
        ("The minister said the dam was safe.",
         "The minister said the dam was not safe.", "changed", {"negation"}),
        ('"We will rebuild," the mayor said.',
         '"We will recover quickly," the mayor said.', "changed", {"quote-changed"}),
        ("The bridge reopened on Friday after repairs.",
         "The bridge reopened on Friday after repairs.", "same", set()),
        ("Rescue teams pulled 140 residents from their roofs overnight.",
         "Overnight, rescuers lifted 140 people off rooftops.", "paraphrase", set()),
    ],
)
def test_pair_labels(source: str, article: str, label: str, kinds: set[str], embedder) -> None:
    config = ReuseSettings()
    cache = EmbeddingCache(1000)
    src, art = split_sentences(source), split_sentences(article)
    alignment = align(src, art, load_model(), config, cache.vectors)
    assert [m.label for m in alignment.matches] == [label]
    assert {c.kind for c in changes(src, art, alignment)} == kinds


@pytest.mark.embeddings
def test_unrelated_sentences_are_not_aligned(embedder) -> None:
    src = split_sentences("The central bank raised interest rates by half a point.")
    art = split_sentences("A rare bird was spotted in the city park on Sunday.")
    alignment = align(src, art, load_model(), ReuseSettings(), EmbeddingCache(100).vectors)
    assert alignment.matches == []
    assert {c.kind for c in changes(src, art, alignment)} == {"sentence-added",
                                                              "sentence-dropped"}


SENTENCES = [
    "The storm killed 3,000 people in the valley.",
    "The storm killed nearly 300 people in the valley, officials said.",
    '"We will rebuild," Mayor Ilse Brandt said on Monday.',
    "Brandt said the town would not rebuild the old bridge.",
    "Overnight, rescuers lifted 140 people off rooftops in Kestrel Bay.",
    "Rescue teams pulled 140 residents from their roofs overnight.",
    "Zurück in Östervik, the café reopened.",
    "No.",
    "",
]


def test_batched_features_equal_the_classifier_features() -> None:
    from corroborator.reuse.pairfeatures import feature_matrix, lexicon

    sigs = [signals(text) for text in SENTENCES]
    lex = [lexicon(sig) for sig in sigs]
    pairs = [(i, j, 0.5 + 0.01 * (i + j)) for i in range(len(sigs)) for j in range(len(sigs))]
    batched = feature_matrix(lex, lex, pairs)
    for row, (i, j, cosine) in enumerate(pairs):
        assert batched[row].tolist() == features(sigs[i], sigs[j], cosine).tolist(), (i, j)


def test_a_changed_figure_is_paired_with_a_figure_of_its_kind() -> None:
    from corroborator.reuse.align import _figure_changes

    before = signals("About 180,000 people marched through the capital, police said.")
    after = signals("Marchers, some of whom have waited ten years for a raise, numbered "
                    "more than 50,000, police said.")
    found = [(c.before, c.after) for c in _figure_changes(before, after, {})]
    assert found == [("About 180,000", "more than 50,000")]


def test_a_changed_figure_is_paired_with_the_dropped_figure_nearest_in_size() -> None:
    from corroborator.reuse.align import _figure_changes

    # a rewrite's sentence aligned with two of its source's: the "two" it dropped is no old
    # value of its 59, the 95 is
    before = signals("The swap was the first between the two countries since March. The "
                     "ministry said 95 servicemen had returned home.")
    after = signals("The ministry said 59 of its servicemen came home.")
    found = [(c.before, c.after) for c in _figure_changes(before, after, {})]
    assert found == [("95", "59")]


def test_a_count_of_things_is_no_new_value_of_a_measure() -> None:
    from corroborator.reuse.align import _figure_changes

    # the rewrite dropped the limit and added a head count the source told elsewhere: the
    # cars are no new value of the knots
    before = signals("The ferry kept to about 20 knots, under its 25 knots limit, the owner said.")
    after = signals("The owner said the ferry kept to roughly 20 knots with more than 300 cars "
                    "aboard.")
    assert _figure_changes(before, after, {}) == []
    # a unit a word or two after the number is still a unit, though the scanner missed it
    before = signals("He fell some 700 metres to his death.")
    after = signals("He fell nearly 700 sheer metres to his death.")
    assert [(c.before, c.after) for c in _figure_changes(before, after, {})] == [
        ("some 700 metres", "nearly 700")]


def test_a_figure_takes_the_unit_its_coordination_does_not_repeat() -> None:
    from corroborator.reuse.align import _figure_changes

    # "then about 150" is a speed (the km/h of "200 km/h, then"), not the 150 homes
    before = signals("It was doing 200 km/h, then 160 km/h, in a village of 150 homes.")
    after = signals("It was doing 200 km/h, then about 150, in a village of 148 homes.")
    found = [(c.before, c.after) for c in _figure_changes(before, after, {})]
    assert found == [("160 km/h", "about 150"), ("150", "148")]
