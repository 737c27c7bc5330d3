"""The cross-encoder's score stacked with the logistic model's: one log-odds blend.

The cross-encoder reads wording; the logistic model's features say what news pairs hinge
on and a transformer reads loosely: figures as intervals, names present on one side only,
quoted words, negation. The blend ``z = w_cross * cross + w_logistic * logistic + bias``
(or, with ``blend_features``, a weight per standardised feature instead of ``w_logistic``)
is fitted on pairs neither model was trained on (see ``eval/msrp.py --train-cross``) and
stored in the adapters file's metadata.

Number-blind scoring masks figures for the cross-encoder and sets the logistic model's
figure features as if the figures agreed, as :class:`~.classify.PairModel` does.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import numpy as np

from .classify import PairModel, pair_features
from .cross_encoder import CrossPairModel


class StackedPairModel:
    """P(same or paraphrase) from the blend of the cross-encoder and the logistic model."""

    kind = "cross"

    def __init__(self, logistic: PairModel, cross: CrossPairModel, w_cross: float,
                 w_logistic: float, bias: float, threshold: float,
                 w_features: Sequence[float] | None = None) -> None:
        self.logistic = logistic
        self.cross = cross
        self.w_cross = w_cross
        self.w_logistic = w_logistic
        self.bias = bias
        self.threshold = threshold
        # Weights of the logistic model's standardised features, when the blend reads them
        # one by one instead of through the logistic model's single score.
        self.w_features = None if w_features is None else np.asarray(w_features, dtype=float)

    @classmethod
    def from_metadata(cls, logistic: PairModel, cross: CrossPairModel) -> StackedPairModel:
        meta = cross.metadata
        w_features = json.loads(meta["blend_features"]) if "blend_features" in meta else None
        return cls(logistic, cross, float(meta["blend_cross"]),
                   float(meta.get("blend_logistic", 0.0)), float(meta["blend_bias"]),
                   float(meta["blend_threshold"]), w_features)

    def logits(self, pairs: Sequence[tuple[str, str]], cosines: Sequence[float] | None = None,
               number_blind: bool = False, x: np.ndarray | None = None) -> np.ndarray:
        if not pairs:
            return np.zeros(0)
        cross = self.cross.logits(pairs, number_blind)
        if x is None:
            x = pair_features(pairs, cosines)
        if self.w_features is not None:
            rest = self.logistic.standardized(x, number_blind) @ self.w_features
        else:
            rest = self.w_logistic * self.logistic.logit(x, number_blind)
        return self.w_cross * cross + rest + self.bias

    def probabilities(self, pairs: Sequence[tuple[str, str]],
                      cosines: Sequence[float] | None = None,
                      number_blind: bool = False, x: np.ndarray | None = None) -> np.ndarray:
        """P(same or paraphrase) of each (a, b); ``cosines`` and ``x`` as in
        :meth:`~.classify.PairModel.probabilities`."""
        return 1.0 / (1.0 + np.exp(-self.logits(pairs, cosines, number_blind, x)))
