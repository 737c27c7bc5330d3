"""The cross-encoder's score stacked with the logistic model's: one log-odds blend.

The cross-encoder reads wording; the logistic model's features say what news pairs hinge
on and a transformer reads loosely: figures as intervals, names present on one side only,
quoted words, negation. The blend ``z = w_cross * cross + w_logistic * logistic + bias``
has three numbers, fitted on pairs neither model was trained on (see
``eval/msrp.py --train-cross``) and stored in the adapters file's metadata.

Number-blind scoring masks figures for the cross-encoder and sets the logistic model's
figure features as if the figures agreed, as :class:`~.classify.PairModel` does.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .classify import PairModel, pair_features
from .cross_encoder import CrossPairModel


class StackedPairModel:
    """P(same or paraphrase) from the blend of the cross-encoder and the logistic model."""

    kind = "cross"

    def __init__(self, logistic: PairModel, cross: CrossPairModel, w_cross: float,
                 w_logistic: float, bias: float, threshold: float) -> None:
        self.logistic = logistic
        self.cross = cross
        self.w_cross = w_cross
        self.w_logistic = w_logistic
        self.bias = bias
        self.threshold = threshold

    @classmethod
    def from_metadata(cls, logistic: PairModel, cross: CrossPairModel) -> StackedPairModel:
        meta = cross.metadata
        return cls(logistic, cross, float(meta["blend_cross"]), float(meta["blend_logistic"]),
                   float(meta["blend_bias"]), float(meta["blend_threshold"]))

    def logits(self, pairs: Sequence[tuple[str, str]], cosines: Sequence[float] | None = None,
               number_blind: bool = False) -> np.ndarray:
        if not pairs:
            return np.zeros(0)
        cross = self.cross.logits(pairs, number_blind)
        logistic = self.logistic.logit(pair_features(pairs, cosines), number_blind)
        return self.w_cross * cross + self.w_logistic * logistic + self.bias

    def probabilities(self, pairs: Sequence[tuple[str, str]],
                      cosines: Sequence[float] | None = None,
                      number_blind: bool = False) -> np.ndarray:
        """P(same or paraphrase) of each (a, b); ``cosines`` as in ``PairModel``."""
        return 1.0 / (1.0 + np.exp(-self.logits(pairs, cosines, number_blind)))
