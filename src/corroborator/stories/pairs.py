"""A learned same-event score between the members of one story (the split check's similarity).

The clusterer's pooled cosine is dominated by what all reports of a kind share (an IE patch,
a quake on one island), so two same-kind events inside one story look nearly as close to
each other as to themselves. Inside a story the informative part is what its members do
*not* all share: each field is therefore also compared after centring it on the story's
mean (the shared topic drops out and the particulars of each half remain). Besides the
clusterer's fields, each article brings the names of its whole body (:mod:`.names`): the
lead's names are what two same-kind events share, the body's are where they part. A logistic
regression over these cosines, fitted on pairs of ECB+ *train* documents grouped as the
split check sees them (a whole topic, and each of its two events alone), turns them into
the probability that two members report the same event. The coefficients are numbers only
(``_split_coefficients.py``, written by ``eval/ecbplus_stories.py --train-split-model``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np

from .online import VECTOR_FIELDS, Vectors

# A number that reads as a year: the particular that keeps a recurring event (an annual
# election, a quake on the same island) apart from its earlier instance.
_YEAR = re.compile(r"^(?:19|20)\d\d$")

FEATURES = (
    "embedding", "embedding_centred",
    "terms", "terms_centred", "terms_both",
    "entities", "entities_centred", "entities_both",
    "numbers", "numbers_centred", "numbers_both",
    "names", "names_centred", "names_both",
    "years_jaccard", "years_disjoint",
)


def _dense(vectors: Sequence[dict[Any, float]]) -> np.ndarray:
    keys: dict[Any, int] = {}
    for vector in vectors:
        for key in vector:
            keys.setdefault(key, len(keys))
    matrix = np.zeros((len(vectors), max(1, len(keys))))
    for row, vector in enumerate(vectors):
        for key, value in vector.items():
            matrix[row, keys[key]] = value
    return matrix


def _centred_cosines(matrix: np.ndarray) -> np.ndarray:
    centred = matrix - matrix.mean(axis=0)
    norms = np.linalg.norm(centred, axis=1, keepdims=True)
    centred = centred / np.where(norms == 0, 1.0, norms)
    return centred @ centred.T


def _years(vector: dict[Any, float]) -> frozenset[str]:
    return frozenset(str(k) for k in vector if _YEAR.match(str(k)))


def _year_matrices(items: Sequence[Vectors]) -> tuple[np.ndarray, np.ndarray]:
    years = [_years(i.fields["numbers"]) for i in items]
    n = len(items)
    jaccard, disjoint = np.zeros((n, n)), np.zeros((n, n))
    for i in range(n):
        if not years[i]:
            continue  # an article that names no year says nothing either way
        for j in range(i, n):
            if years[j]:
                shared = len(years[i] & years[j])
                jaccard[i, j] = jaccard[j, i] = shared / len(years[i] | years[j])
                disjoint[i, j] = disjoint[j, i] = float(shared == 0)
    return jaccard, disjoint


def group_features(items: Sequence[Vectors]) -> np.ndarray:
    """Pair features of a group of (undated) articles: an n x n x len(FEATURES) array."""
    embeddings = np.stack([i.embedding for i in items]).astype(np.float64)
    planes = [embeddings @ embeddings.T, _centred_cosines(embeddings)]
    for name in VECTOR_FIELDS:
        matrix = _dense([i.fields.get(name, {}) for i in items])
        present = (matrix != 0).any(axis=1).astype(np.float64)
        planes += [matrix @ matrix.T, _centred_cosines(matrix), np.outer(present, present)]
    planes.extend(_year_matrices(items))
    return np.stack(planes, axis=-1)


class PairModel:
    """Logistic regression over :data:`FEATURES`; ``matrix`` gives same-event probabilities."""

    def __init__(self, weights: Sequence[float], intercept: float) -> None:
        if len(weights) != len(FEATURES):
            raise ValueError(
                f"split pair model has {len(weights)} weights for {len(FEATURES)} features "
                f"{FEATURES}: regenerate it with eval/ecbplus_stories.py --train-split-model"
            )
        self.weights = np.asarray(weights, dtype=np.float64)
        self.intercept = float(intercept)

    @classmethod
    def packaged(cls) -> PairModel:
        from . import _split_coefficients as c

        if tuple(c.FEATURES) != FEATURES:
            raise ValueError(
                f"split pair coefficients are for {c.FEATURES}, the code computes {FEATURES}: "
                "regenerate them with eval/ecbplus_stories.py --train-split-model"
            )
        return cls(c.WEIGHTS, c.INTERCEPT)

    def matrix(self, items: Sequence[Vectors]) -> np.ndarray:
        from ..reuse.classify import sigmoid

        return sigmoid(group_features(items) @ self.weights + self.intercept)


__all__ = ["FEATURES", "PairModel", "group_features"]
