"""The pair models on sentence pairs written for these tests (fictional events).

The cross-encoder tests load the shipped adapters (``_cross_adapters.safetensors``); nothing
here trains a model.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from corroborator.errors import ConfigError
from corroborator.reuse.classify import features, load_pair_model
from corroborator.reuse.cross_encoder import ADAPTERS, mask_figures
from corroborator.reuse.signals import signals

PARAPHRASES = [
    ("The river burst its banks on Tuesday, flooding hundreds of homes in Marlow.",
     "Hundreds of homes in Marlow were flooded on Tuesday when the river burst its banks."),
    ("Mayor Ines Okafor said the bridge would stay closed until engineers had inspected it.",
     "The bridge will remain shut until engineers inspect it, Mayor Ines Okafor said."),
    ("Police arrested two men after the break-in at the Castell museum.",
     "Two men were arrested by police following the burglary at the Castell museum."),
]
UNRELATED = [
    ("The river burst its banks on Tuesday, flooding hundreds of homes in Marlow.",
     "The central bank left interest rates unchanged for a third month."),
    ("Police arrested two men after the break-in at the Castell museum.",
     "The orchestra will tour the northern cities in the spring."),
]
CHANGED_FIGURE = [
    ("The fire destroyed 300 homes in the valley, officials said.",
     "The fire destroyed 3,000 homes in the valley, officials said."),
    ("Turnout reached 61 percent, the electoral commission said.",
     "Turnout reached 46 percent, the electoral commission said."),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3,000 killed", "# killed"),
        ("turnout of 61.5 percent in 2024", "turnout of # percent in #"),
        ("no figures here", "no figures here"),
    ],
)
def test_mask_figures(text: str, expected: str) -> None:
    assert mask_figures(text) == expected


def test_unknown_pair_model_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="pair_model"):
        load_pair_model("transformer-xl")


@pytest.mark.embeddings
def test_logistic_text_api_matches_feature_api(embedder) -> None:
    model = load_pair_model("logistic")
    pairs = PARAPHRASES + UNRELATED
    cosines = [0.8, 0.7, 0.75, 0.1, 0.05]
    by_text = model.probabilities(pairs, cosines)
    by_features = model.probability(
        np.stack([features(signals(a), signals(b), c) for (a, b), c in zip(pairs, cosines, strict=True)]))
    assert np.allclose(by_text, by_features)


@pytest.fixture(scope="module")
def cross(embedder):
    if not ADAPTERS.exists():
        pytest.fail(f"shipped adapters missing at {ADAPTERS}")
    return load_pair_model("cross")


@pytest.mark.embeddings
@pytest.mark.parametrize(("a", "b"), PARAPHRASES)
def test_cross_accepts_paraphrase(cross, a: str, b: str) -> None:
    assert cross.probabilities([(a, b)])[0] >= cross.threshold


@pytest.mark.embeddings
@pytest.mark.parametrize(("a", "b"), UNRELATED)
def test_cross_rejects_unrelated(cross, a: str, b: str) -> None:
    assert cross.probabilities([(a, b)])[0] < 0.1


@pytest.mark.embeddings
@pytest.mark.parametrize(("a", "b"), CHANGED_FIGURE)
def test_cross_number_blind_finds_changed_figure(cross, a: str, b: str) -> None:
    full = cross.probabilities([(a, b)])[0]
    blind = cross.probabilities([(a, b)], number_blind=True)[0]
    # Blind, it is the same sentence (the aligner pairs it); with figures, less so.
    assert blind >= cross.threshold
    assert blind > full


@pytest.mark.embeddings
def test_cross_number_blind_leaves_pairs_without_figures(cross) -> None:
    # No digits and no number words ("two men" is a figure too).
    pairs = [PARAPHRASES[1], ("Mayor Ines Okafor said the bridge would stay closed.",
                              "The orchestra will tour the northern cities in the spring.")]
    assert np.allclose(cross.probabilities(pairs), cross.probabilities(pairs, number_blind=True))


@pytest.mark.embeddings
def test_cross_batch_equals_one_at_a_time(cross) -> None:
    pairs = [PARAPHRASES[0], UNRELATED[1], *CHANGED_FIGURE]
    batched = cross.probabilities(pairs)
    single = np.array([cross.probabilities([pair])[0] for pair in pairs])
    # Padding a sentence to the batch's length changes float32 summation order (observed
    # up to 3e-5 in probability); a real batching bug moves probabilities far more.
    assert np.allclose(batched, single, atol=1e-4)
    assert cross.probabilities([]).shape == (0,)


@pytest.mark.embeddings
def test_ensemble_of_repeated_members_scores_as_its_members(cross, tmp_path) -> None:
    # The shipped file's members written twice over: the mean of identical members' logits
    # is their logits, so any mix-up of prefixes, configs or averaging shows here.
    from safetensors.torch import save_file

    from corroborator.reuse.cross_encoder import load_cross_model, member_configs, read_adapters

    tensors, metadata = read_adapters(ADAPTERS)
    members = member_configs(metadata)
    doubled, configs = {}, []
    for copy in range(2):
        for i, member in enumerate(members):
            slot = copy * len(members) + i
            doubled.update({f"m{slot}/{k[len(member['prefix']):]}": t.half()
                            for k, t in tensors.items() if k.startswith(member["prefix"])})
            configs.append({"rank": member["rank"], "alpha": member["alpha"]})
    path = tmp_path / "doubled.safetensors"
    save_file(doubled, str(path), metadata={**metadata, "members": json.dumps(configs)})
    pairs = [PARAPHRASES[0], UNRELATED[0], CHANGED_FIGURE[0]]
    try:
        load_cross_model.cache_clear()
        twice = load_cross_model(path)
        assert len(twice.networks) == 2 * len(members)
        assert np.allclose(twice.logits(pairs), cross.cross.logits(pairs), atol=1e-5)
    finally:
        load_cross_model.cache_clear()


@pytest.mark.embeddings
def test_ensemble_file_missing_a_member_is_a_config_error(tmp_path) -> None:
    from safetensors.torch import save_file

    from corroborator.reuse.cross_encoder import load_cross_model, member_configs, read_adapters

    tensors, metadata = read_adapters(ADAPTERS)
    members = member_configs(metadata)
    configs = [{"rank": m["rank"], "alpha": m["alpha"]} for m in members] * 2
    kept = {(f"m0/{k}" if not members[0]["prefix"] else k): t.half() for k, t in tensors.items()}
    path = tmp_path / "short.safetensors"
    save_file(kept, str(path), metadata={**metadata, "members": json.dumps(configs)})
    try:
        load_cross_model.cache_clear()
        with pytest.raises(ConfigError, match="lacks"):
            load_cross_model(path)
    finally:
        load_cross_model.cache_clear()
