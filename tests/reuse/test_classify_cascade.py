"""The cascade pair model and the ``[reuse] pair_model`` setting, on sentence pairs written
for these tests (fictional events). Loads the shipped adapters; nothing here trains.
"""

from __future__ import annotations

import numpy as np
import pytest

from corroborator.errors import ConfigError
from corroborator.reuse.classify import load_model, load_pair_model, pair_features
from corroborator.reuse.settings import ReuseSettings, reuse_settings
from corroborator.reuse.stacked import CascadePairModel, StackedPairModel

PAIRS = [
    # paraphrase
    ("The river burst its banks on Tuesday, flooding hundreds of homes in Marlow.",
     "Hundreds of homes in Marlow were flooded on Tuesday when the river burst its banks."),
    # a loose paraphrase: the kind of pair the logistic model is unsure of
    ("Mayor Ines Okafor said the bridge would stay closed until engineers had inspected it.",
     "Engineers must look at the bridge before it reopens, according to the mayor."),
    # unrelated
    ("Police arrested two men after the break-in at the Castell museum.",
     "The orchestra will tour the northern cities in the spring."),
    # same sentence, changed figure
    ("The fire destroyed 300 homes in the valley, officials said.",
     "The fire destroyed 3,000 homes in the valley, officials said."),
]
COSINES = [0.85, 0.6, 0.05, 0.97]


@pytest.fixture(scope="module")
def parts(embedder):
    cascade = load_pair_model("cascade")
    assert isinstance(cascade, CascadePairModel)
    return cascade.logistic, cascade.stacked, pair_features(PAIRS, COSINES)


def test_setting_names_a_known_model() -> None:
    with pytest.raises(ConfigError, match="pair_model"):
        ReuseSettings(pair_model="bert-large")
    assert ReuseSettings().pair_model in ("logistic", "cross", "cascade")


@pytest.mark.embeddings
@pytest.mark.parametrize(("kind", "cls"), [("logistic", type(load_model())),
                                           ("cross", StackedPairModel),
                                           ("cascade", CascadePairModel)])
def test_load_pair_model_honours_the_setting(settings, embedder, kind: str, cls: type) -> None:
    chosen = settings.with_overrides({"reuse": {"pair_model": kind}})
    assert reuse_settings(chosen).pair_model == kind
    assert isinstance(load_pair_model(settings=chosen), cls)


@pytest.mark.embeddings
@pytest.mark.parametrize("number_blind", [False, True])
def test_outside_the_band_the_logistic_probability_stands(parts, number_blind: bool) -> None:
    logistic, stacked, x = parts
    p = logistic.probability(x, number_blind)
    # A band holding only the second pair's probability: the others are not escalated.
    cascade = CascadePairModel(logistic, stacked, float(p[1]), float(p[1]))
    got = cascade.probability(x, number_blind, pairs=PAIRS)
    assert cascade.escalated == 1 and cascade.scored == len(PAIRS)
    keep = [0, 2, 3]
    assert np.allclose(got[keep], p[keep])
    shift = np.log(logistic.threshold / (1 - logistic.threshold)) - np.log(
        stacked.threshold / (1 - stacked.threshold))
    z = stacked.logits([PAIRS[1]], number_blind=number_blind, x=x[1:2])
    assert got[1] == pytest.approx(1 / (1 + np.exp(-(z[0] + shift))))


@pytest.mark.embeddings
def test_inside_the_band_the_decision_is_the_stacked_models(parts) -> None:
    logistic, stacked, x = parts
    cascade = CascadePairModel(logistic, stacked, 0.0, 1.0)
    by_cascade = cascade.probability(x, pairs=PAIRS) >= cascade.threshold
    by_stacked = stacked.probabilities(PAIRS, x=x) >= stacked.threshold
    assert by_cascade.tolist() == by_stacked.tolist()
    assert np.allclose(cascade.probabilities(PAIRS, COSINES), cascade.probability(x, pairs=PAIRS))


@pytest.mark.embeddings
def test_the_band_needs_the_sentences(parts) -> None:
    logistic, stacked, x = parts
    with pytest.raises(ValueError, match="pairs="):
        CascadePairModel(logistic, stacked, 0.0, 1.0).probability(x)
    with pytest.raises(ValueError, match="pairs="):
        stacked.probability(x)
    # Nothing in the band: no sentences needed, the logistic answer as it is.
    empty = CascadePairModel(logistic, stacked, 1.0, 1.0)
    assert np.allclose(empty.probability(x[2:3]), logistic.probability(x[2:3]))


@pytest.mark.embeddings
def test_changed_figure_is_the_same_sentence_number_blind(parts) -> None:
    logistic, stacked, x = parts
    cascade = CascadePairModel(logistic, stacked, 0.0, 1.0)
    blind = cascade.probability(x[3:4], number_blind=True, pairs=PAIRS[3:4])[0]
    full = cascade.probability(x[3:4], pairs=PAIRS[3:4])[0]
    assert blind >= cascade.threshold
    assert blind > full


def test_logistic_model_takes_and_ignores_sentences() -> None:
    model = load_model()
    x = np.zeros((2, model.weights.size))
    assert np.allclose(model.probability(x, pairs=PAIRS[:2]), model.probability(x))
