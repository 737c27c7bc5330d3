"""The split check's learned same-event score (stories.pairs) and the halves' refinement."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from corroborator.errors import ConfigError
from corroborator.stories import StorySettings
from corroborator.stories.online import Part, Similarity, Vectors
from corroborator.stories.pairs import FEATURES, PairModel, group_features
from corroborator.stories.split import refine, together


def _item(terms: dict[int, float], numbers: tuple[str, ...] = (), seed: int = 0) -> Vectors:
    norm = np.sqrt(sum(v * v for v in terms.values()))
    embedding = np.random.default_rng(seed).standard_normal(8).astype(np.float32)
    return Vectors(
        embedding=embedding / np.linalg.norm(embedding),
        fields={"terms": {k: v / norm for k, v in terms.items()}, "entities": {},
                "numbers": {n: 1.0 / np.sqrt(len(numbers)) for n in numbers}},
        first_time=None, last_time=None)


# A shared topic ("quake", "island") and each event's own words, as two same-kind events.
TOPIC = {1: 1.0, 2: 1.0}
FIRST = [_item({**TOPIC, 10: 1.0, 11: 0.5}, ("2005", "5.9"), seed=i) for i in range(3)]
SECOND = [_item({**TOPIC, 20: 1.0, 21: 0.5}, ("2008",), seed=10 + i) for i in range(3)]


def test_features_are_symmetric_and_named() -> None:
    planes = group_features([*FIRST, *SECOND])
    assert planes.shape == (6, 6, len(FEATURES))
    assert np.allclose(planes, planes.transpose(1, 0, 2))


def test_centring_removes_what_the_whole_group_shares() -> None:
    planes = group_features([*FIRST, *SECOND])
    raw, centred = planes[..., FEATURES.index("terms")], planes[..., FEATURES.index("terms_centred")]
    # Raw cosines across the events stay high through the shared topic words; once the
    # group's mean is taken out, only the particulars remain and the events point apart.
    assert raw[0, 3] > 0.5
    assert centred[0, 1] > 0.9 and centred[0, 3] < -0.9


def test_years_agree_disagree_or_say_nothing() -> None:
    undated = _item({**TOPIC, 30: 1.0}, ("12",))
    planes = group_features([FIRST[0], FIRST[1], SECOND[0], undated])
    jaccard = planes[..., FEATURES.index("years_jaccard")]
    disjoint = planes[..., FEATURES.index("years_disjoint")]
    assert jaccard[0, 1] == 1.0 and disjoint[0, 1] == 0.0
    assert jaccard[0, 2] == 0.0 and disjoint[0, 2] == 1.0  # 2005 against 2008
    # "12" is no year: an article naming none neither agrees nor disagrees.
    assert jaccard[0, 3] == 0.0 and disjoint[0, 3] == 0.0


def test_packaged_model_scores_members_of_one_event_higher() -> None:
    matrix = PairModel.packaged().matrix([*FIRST, *SECOND])
    assert np.allclose(matrix, matrix.T) and ((matrix > 0) & (matrix < 1)).all()
    within = (matrix[:3, :3].sum() - np.trace(matrix[:3, :3])) / 6
    assert within > 0.5 > matrix[:3, 3:].mean()


def test_model_refuses_weights_for_other_features() -> None:
    with pytest.raises(ValueError, match="--train-split-model"):
        PairModel([1.0, 2.0], 0.0)


def test_refine_moves_a_misplaced_member_back() -> None:
    matrix = np.full((6, 6), 0.1)
    matrix[:3, :3] = matrix[3:, 3:] = 0.9
    start = np.array([True, True, False, False, False, True])  # members 2 and 5 swapped
    assert list(refine(matrix, start)) == [True, True, True, False, False, False]


def test_unknown_split_model_is_a_config_error(settings) -> None:
    with pytest.raises(ConfigError, match="split_model"):
        replace(settings.get(StorySettings), split_model="kmeans")


def _parts(items: list[Vectors], tag: str) -> list[Part]:
    return [Part(f"{tag}{i}", i, item, None, (), "", "") for i, item in enumerate(items)]


def test_learned_merge_joins_one_event_and_is_off_by_default(settings) -> None:
    config = settings.get(StorySettings)
    assert config.merge_probability == 0.0
    first, rest = _parts(FIRST[:1], "a"), _parts(FIRST[1:], "b")
    assert not together(first, rest, Similarity(config))
    on = Similarity(replace(config, merge_probability=0.5))
    assert together(first, rest, on)
    assert not together(_parts(FIRST, "a"), _parts(SECOND, "b"), on)
    assert not together(first, rest, Similarity(replace(config, merge_probability=0.5,
                                                         split_model="cosine")))
