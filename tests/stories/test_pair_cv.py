"""eval/ecbplus_stories.py --cv-split-model: out-of-fold predictions grouped by topic."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np

EVAL = Path(__file__).resolve().parents[2] / "eval" / "ecbplus_stories.py"


def _ecbplus():
    spec = importlib.util.spec_from_file_location("ecbplus_stories", EVAL)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


class _Recorder:
    """A 'fit' that remembers which groups it was trained on and predicts that set's size."""

    def __init__(self, groups: np.ndarray) -> None:
        self.groups = groups
        self.seen: list[set[int]] = []

    def __call__(self, x: np.ndarray, y: np.ndarray) -> _Recorder:
        self.seen.append({int(g) for g in x[:, 0]})
        return self

    def predict_proba(self, x: np.ndarray) -> np.ndarray:
        p = np.full(len(x), len(self.seen[-1]) / 10)
        return np.stack([1 - p, p], axis=1)


def test_no_group_is_predicted_by_a_fit_that_saw_it() -> None:
    ecb = _ecbplus()
    groups = np.repeat(np.arange(10), 3)
    x = groups[:, None].astype(float)  # the group id as the only feature
    y = np.arange(30) % 2 == 0
    fit = _Recorder(groups)
    predicted = ecb.grouped_predictions(x, y, groups, fit, folds=5)
    assert len(fit.seen) == 5
    # every fold trains on the other 4 folds' 8 groups and predicts its own 2 groups
    assert np.allclose(predicted, 0.8)
    for trained in fit.seen:
        assert len(trained) == 8
    held = [set(range(10)) - trained for trained in fit.seen]
    assert sorted(g for fold in held for g in fold) == list(range(10))


def test_the_folds_are_the_same_on_every_run() -> None:
    ecb = _ecbplus()
    groups = np.repeat(np.arange(7), 2)
    x = groups[:, None].astype(float)
    y = np.arange(14) % 2 == 0
    first, second = _Recorder(groups), _Recorder(groups)
    ecb.grouped_predictions(x, y, groups, first, folds=3)
    ecb.grouped_predictions(x, y, groups, second, folds=3)
    assert first.seen == second.seen


def test_each_story_is_grouped_with_its_nearest_stories_first() -> None:
    ecb = _ecbplus()
    # Two beats: stories a and b lie close together, c and d close together, far from a/b.
    embeddings = {
        "a": [[1.0, 0.0, 0.0], [0.9, 0.1, 0.0]],
        "b": [[0.95, 0.05, 0.0]],
        "c": [[0.0, 0.0, 1.0]],
        "d": [[0.0, 0.2, 0.9], [0.0, 0.1, 1.0]],
    }
    groups = ecb.neighbourhood_groups(embeddings, neighbours=1)
    assert groups == [["a", "b"], ["b", "a"], ["c", "d"], ["d", "c"]]
    # More neighbours than the beat holds reach into the other beat, nearest first.
    assert ecb.neighbourhood_groups(embeddings, neighbours=3)[0][:2] == ["a", "b"]


def test_a_story_never_counts_as_its_own_neighbour_even_when_identical() -> None:
    ecb = _ecbplus()
    same = [[0.0, 1.0]]
    groups = ecb.neighbourhood_groups({"x": same, "y": same, "z": [[1.0, 0.0]]}, neighbours=1)
    assert groups == [["x", "y"], ["y", "x"], ["z", "x"]]
