"""The cross-encoder's score stacked with the logistic model's, and the cascade of the two.

The cross-encoder reads wording; the logistic model's features say what news pairs hinge
on and a transformer reads loosely: figures as intervals, names present on one side only,
quoted words, negation. The blend ``z = w_cross * cross + w_logistic * logistic + bias``
(or, with ``blend_features``, a weight per standardised feature instead of ``w_logistic``)
is fitted on pairs neither model was trained on (see ``eval/msrp.py --train-cross``) and
stored in the adapters file's metadata.

Number-blind scoring masks figures for the cross-encoder and sets the logistic model's
figure features as if the figures agreed, as :class:`~.classify.PairModel` does.

:class:`CascadePairModel` asks the cross-encoder only about the pairs the logistic model is
unsure of (its probability inside a band fitted on held-out pairs), so the aligner pays a
transformer pass for a small share of the pairs it scores.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import numpy as np

from .classify import PairModel, pair_features, sigmoid
from .cross_encoder import CrossPairModel


def _logit(p: float) -> float:
    return float(np.log(p / (1.0 - p)))


def _texts(pairs: Sequence[tuple[str, str]] | None, rows: int,
           kind: str) -> Sequence[tuple[str, str]]:
    # Feature rows alone do not carry the sentences a transformer must read; falling back to
    # the logistic model silently would report the cross-encoder's accuracy for a decision
    # that never used it.
    if pairs is None:
        raise ValueError(f"the {kind!r} pair model reads the sentences: pass pairs= with the "
                         "feature rows (or use probabilities(pairs))")
    if len(pairs) != rows:
        raise ValueError(f"{len(pairs)} sentence pairs for {rows} feature rows")
    return pairs


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
        return sigmoid(self.logits(pairs, cosines, number_blind, x))

    def probability(self, x: np.ndarray, number_blind: bool = False,
                    pairs: Sequence[tuple[str, str]] | None = None) -> np.ndarray:
        """:meth:`probabilities` given the feature rows ``x`` and their sentence ``pairs``
        (the aligner's call, as on :class:`~.classify.PairModel`)."""
        x = np.asarray(x, dtype=np.float64).reshape(-1, self.logistic.weights.size)
        texts = _texts(pairs, len(x), self.kind)
        return self.probabilities(texts, number_blind=number_blind, x=x)


class CascadePairModel:
    """The logistic model where it is sure, the stacked cross-encoder where it is not.

    A pair whose logistic probability lies in ``[low, high]`` is scored by ``stacked``; its
    log-odds are shifted so that ``stacked.threshold`` falls on this model's threshold (the
    logistic one), so one threshold decides every pair. Pairs outside the band keep their
    logistic probability unchanged.
    """

    kind = "cascade"

    def __init__(self, logistic: PairModel, stacked: StackedPairModel, low: float,
                 high: float) -> None:
        if not 0.0 <= low <= high <= 1.0:
            raise ValueError(f"cascade band [{low}, {high}] must lie within [0, 1]")
        self.logistic = logistic
        self.stacked = stacked
        self.low, self.high = low, high
        self.threshold = logistic.threshold
        self._shift = _logit(logistic.threshold) - _logit(stacked.threshold)
        # Pairs scored and pairs sent to the cross-encoder since loading (for benchmarks).
        self.scored = 0
        self.escalated = 0

    @classmethod
    def from_metadata(cls, logistic: PairModel, cross: CrossPairModel) -> CascadePairModel:
        meta = cross.metadata
        return cls(logistic, StackedPairModel.from_metadata(logistic, cross),
                   float(meta["cascade_low"]), float(meta["cascade_high"]))

    def uncertain(self, p: np.ndarray) -> np.ndarray:
        """Mask of logistic probabilities inside the band."""
        return (p >= self.low) & (p <= self.high)

    def probability(self, x: np.ndarray, number_blind: bool = False,
                    pairs: Sequence[tuple[str, str]] | None = None) -> np.ndarray:
        """P(same or paraphrase) of feature rows ``x`` whose sentences are ``pairs``."""
        x = np.array(x, dtype=np.float64, ndmin=2)
        p = self.logistic.probability(x, number_blind)
        inside = np.flatnonzero(self.uncertain(p))
        self.scored += len(p)
        if inside.size:
            texts = _texts(pairs, len(x), self.kind)
            z = self.stacked.logits([texts[i] for i in inside.tolist()],
                                    number_blind=number_blind, x=x[inside])
            p[inside] = sigmoid(z + self._shift)
            self.escalated += int(inside.size)
        return p

    def probabilities(self, pairs: Sequence[tuple[str, str]],
                      cosines: Sequence[float] | None = None,
                      number_blind: bool = False, x: np.ndarray | None = None) -> np.ndarray:
        """As :meth:`~.classify.PairModel.probabilities`."""
        if not pairs:
            return np.zeros(0)
        if x is None:
            x = pair_features(pairs, cosines)
        return self.probability(x, number_blind, pairs)
