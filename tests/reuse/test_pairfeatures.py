"""The pair classifier's n-gram precision and figure-set features, on sentences written here."""

from __future__ import annotations

import pytest

from corroborator.reuse.classify import (
    FEATURES,
    features,
    load_model,
    ngram_counts,
    ngram_precisions,
)
from corroborator.reuse.pairfeatures import feature_matrix, lexicon
from corroborator.reuse.signals import signals


def _precisions(a: str, b: str) -> list[float]:
    ta, tb = a.split(), b.split()
    return ngram_precisions(ngram_counts(ta), len(ta), ngram_counts(tb), len(tb))


def test_ngram_precision_clips_repeated_words_and_reads_both_sides() -> None:
    # "the" twice on one side, once on the other: one match, not two
    assert _precisions("the mayor saw the bridge", "the mayor closed a bridge") == [
        pytest.approx(3 / 5), pytest.approx(3 / 5), pytest.approx(1 / 4), pytest.approx(1 / 4)]
    # the shorter sentence is wholly inside the longer: its precision is 1, the other's not
    low, high, bigram_low, bigram_high = _precisions("the bridge reopened on friday",
                                                     "the bridge reopened")
    assert (low, high) == (pytest.approx(3 / 5), 1.0)
    assert (bigram_low, bigram_high) == (pytest.approx(2 / 4), 1.0)
    assert _precisions("", "the bridge") == [0.0, 0.0, 0.0, 0.0]
    assert _precisions("bridge", "bridge") == [1.0, 1.0, 0.0, 0.0]  # no bigram on either side


def test_word_order_shows_in_bigrams_not_in_word_sets() -> None:
    same_words = features(signals("Police chased the protesters."),
                          signals("The protesters chased police."), 0.9)
    assert same_words[FEATURES.index("word_jaccard")] == 1.0
    assert same_words[FEATURES.index("ngram1_min")] == 1.0
    assert same_words[FEATURES.index("ngram2_max")] < 0.5


def test_figure_sets_disjoint_and_unshared() -> None:
    x = features(signals("The storm killed 30 people and injured 200."),
                 signals("The storm killed 45 people and injured 120."), 0.95)
    assert x[FEATURES.index("fig_disjoint")] == 1.0
    assert x[FEATURES.index("fig_unshared")] == 4.0
    partly = features(signals("The storm killed 30 people and injured 200."),
                      signals("The storm killed 30 people."), 0.9)
    assert partly[FEATURES.index("fig_disjoint")] == 0.0
    assert partly[FEATURES.index("fig_unshared")] == 1.0


def test_number_blind_scoring_reads_no_figure_feature() -> None:
    model = load_model()
    a = signals("The storm killed 30 people and injured 200.")
    b = signals("The storm killed 45 people and injured 120.")
    same = signals("The storm killed 30 people and injured 200.")
    x, y = features(a, b, 0.95), features(a, same, 0.95)
    # the two pairs differ only in their figures, which number-blind scoring ignores
    assert model.probability(x, number_blind=True)[0] == pytest.approx(
        model.probability(y, number_blind=True)[0])
    assert model.probability(x)[0] < model.probability(y)[0]


def test_batched_rows_carry_the_new_features() -> None:
    sigs = [signals("Rescuers lifted 140 people off rooftops."),
            signals("Rescue teams lifted 150 people off roofs.")]
    lex = [lexicon(s) for s in sigs]
    row = feature_matrix(lex, lex, [(0, 1, 0.8)])[0]
    assert row.tolist() == features(sigs[0], sigs[1], 0.8).tolist()
    assert row[FEATURES.index("fig_disjoint")] == 1.0


def test_unrelated_sentences_sharing_a_few_words_are_no_paraphrase() -> None:
    # the aligner asks about such pairs (nearest neighbours above its cosine floor); the
    # overlap features' weights must not cancel into a high score outside MSRP's range
    a = signals("It is thought that a few dozen Marlow fishermen have been detained, "
                "though neither port has confirmed numbers.")
    b = signals("If the coast guard's count is right, Okafor said, Marlow would have lost "
                "the equivalent of three whole fleets in a month, a pace no harbour can bear.")
    assert load_model().probability(features(a, b, 0.49), number_blind=True)[0] < 0.5
