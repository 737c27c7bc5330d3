"""Same-or-paraphrase decision for a sentence pair: logistic regression over a few features.

Features mix what the embedding sees (cosine) with what it does not: surface overlap
(rapidfuzz ratios on digit-masked text, word and bigram Jaccard, clipped word n-gram
precision as machine-translation metrics count it), agreement of figures (conflicting,
disjoint, how many only one side gives), names, quoted words and negation. The weights are
trained on the train part of MSRP by ``eval/msrp.py --train`` and shipped in
``_coefficients.py`` (numbers only, no corpus text), so prediction needs numpy alone.

:func:`probability` can also be asked *number-blind*: the figure features are set as if the
figures agreed. The aligner uses that to find "the same sentence with a different figure"
(a *changed* sentence) which the full model would rightly call a non-paraphrase.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING, Protocol

import numpy as np
from rapidfuzz import fuzz

from ..errors import ConfigError, invalid_value_message
from .settings import PAIR_MODELS
from .signals import Signals, figure_key, signals

if TYPE_CHECKING:
    from ..settings import Settings
    from .stacked import CascadePairModel, StackedPairModel

# Clipped word n-gram precision up to this order, as BLEU counts it: how much of each side
# the other repeats, counting repeated words. Orders 3 and 4 added nothing on held-out MSRP
# train (logistic .772 with them, .771 without) at twice the cost.
NGRAM_ORDER = 2
FEATURES = (
    "cosine",
    "cosine_sq",
    "ratio",
    "token_sort",
    "token_set",
    "partial",
    "word_jaccard",
    "word_cont_min",
    "word_cont_max",
    "bigram_jaccard",
    "length_ratio",
    "length_diff",
    "name_jaccard",
    "name_conflict",
    "fig_both",
    "fig_conflict",
    "fig_one_side",
    "quote_conflict",
    "negation_mismatch",
    "unmatched_min",
    "unmatched_max",
    "unmatched_log",
    "unmatched_share",
    "content_jaccard",
    "char3_jaccard",
    "wratio",
    "one_side_subsumed",
    "fig_disjoint",
    "fig_unshared",
    *(f"ngram{n}_{side}" for n in range(1, NGRAM_ORDER + 1) for side in ("min", "max")),
)
# Function words carry little of the meaning; the content words a pair does not share are
# the strongest single sign that two news sentences say different things.
_STOP = frozenset(
    ["the", "a", "an", "of", "to", "in", "on", "at", "for", "and", "or", "but", "is", "was", "were", "are", "be", "been", "by", "with", "as", "that", "this", "it", "its", "from", "has", "have", "had", "he", "she", "they", "said", "will", "would"]
)
_FIGURE_FEATURES = ("fig_conflict", "fig_one_side", "fig_disjoint", "fig_unshared")


def sigmoid(z: np.ndarray) -> np.ndarray:
    """Probabilities of log-odds ``z`` (every pair model's last step)."""
    return 1.0 / (1.0 + np.exp(-z))


def _jaccard(a: AbstractSet[Hashable], b: AbstractSet[Hashable]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def figures_conflict(a: Signals, b: Signals) -> bool:
    """Both sentences give figures and the sets of (value, interval) differ."""
    if not a.figures or not b.figures:
        return False
    return {figure_key(q) for q in a.figures} != {figure_key(q) for q in b.figures}


def ngram_counts(tokens: Sequence[str]) -> tuple[Counter[Hashable], ...]:
    """Counts of a sentence's word n-grams, n = 1 .. :data:`NGRAM_ORDER` (words alone for
    n = 1, tuples above)."""
    grams: list[Iterable[Hashable]] = [tokens]
    grams += (zip(*(tokens[i:] for i in range(n)), strict=False)
              for n in range(2, NGRAM_ORDER + 1))
    return tuple(Counter[Hashable](g) for g in grams)


def ngram_precisions(a: Sequence[Counter[Hashable]], len_a: int,
                     b: Sequence[Counter[Hashable]], len_b: int) -> list[float]:
    """For each order, the lower and the higher of the two sides' clipped precisions
    (``len_a``, ``len_b``: the sentences' word counts).

    The clipped matches (each n-gram counted as often as the side that has fewer of it)
    are the same from either side, so only the denominators differ."""
    out: list[float] = []
    for n, (grams_a, grams_b) in enumerate(zip(a, b, strict=True), start=1):
        matched = sum(min(grams_a[g], grams_b[g]) for g in grams_a.keys() & grams_b.keys())
        if matched:
            out += (matched / (max(len_a, len_b) - n + 1), matched / (min(len_a, len_b) - n + 1))
        else:
            out += (0.0, 0.0)
    return out


def figure_sets_disagree(keys_a: AbstractSet[Hashable],
                         keys_b: AbstractSet[Hashable]) -> tuple[float, float]:
    """(both give figures and share none, how many figures only one side gives)."""
    return float(bool(keys_a) and bool(keys_b) and keys_a.isdisjoint(keys_b)), float(
        len(keys_a ^ keys_b))


def features(a: Signals, b: Signals, cosine: float) -> np.ndarray:
    """Feature vector of a sentence pair, in the order of :data:`FEATURES`."""
    text_a, text_b = " ".join(a.tokens), " ".join(b.tokens)
    words_a, words_b = set(a.tokens), set(b.tokens)
    shared = len(words_a & words_b)
    cont_a = shared / len(words_a) if words_a else 0.0
    cont_b = shared / len(words_b) if words_b else 0.0
    bigrams_a = set(zip(a.tokens, a.tokens[1:], strict=False))
    bigrams_b = set(zip(b.tokens, b.tokens[1:], strict=False))
    len_a, len_b = len(a.tokens), len(b.tokens)
    longest = max(len_a, len_b, 1)
    only_a, only_b = a.names - b.names, b.names - a.names
    quotes_differ = bool(a.quotes and b.quotes) and a.quote_keys != b.quote_keys
    content_a, content_b = words_a - _STOP, words_b - _STOP
    un_a, un_b = len(content_a - content_b), len(content_b - content_a)
    grams_a = {text_a[i : i + 3] for i in range(len(text_a) - 2)}
    grams_b = {text_b[i : i + 3] for i in range(len(text_b) - 2)}
    figures_a = {figure_key(q) for q in a.figures}
    figures_b = {figure_key(q) for q in b.figures}
    return np.array(
        [
            cosine,
            cosine * cosine,
            fuzz.ratio(text_a, text_b) / 100.0,
            fuzz.token_sort_ratio(text_a, text_b) / 100.0,
            fuzz.token_set_ratio(text_a, text_b) / 100.0,
            fuzz.partial_ratio(text_a, text_b) / 100.0,
            _jaccard(words_a, words_b),
            min(cont_a, cont_b),
            max(cont_a, cont_b),
            _jaccard(bigrams_a, bigrams_b),
            min(len_a, len_b) / longest,
            math.log1p(abs(len_a - len_b)),
            _jaccard(set(a.names), set(b.names)),
            float(bool(only_a) and bool(only_b)),
            float(bool(a.figures) and bool(b.figures)),
            float(figures_conflict(a, b)),
            float(bool(a.figures) != bool(b.figures)),
            float(quotes_differ),
            float((a.negations > 0) != (b.negations > 0)),
            min(un_a, un_b),
            max(un_a, un_b),
            math.log1p(un_a + un_b),
            (un_a + un_b) / max(1, len(content_a | content_b)),
            len(content_a & content_b) / max(1, len(content_a | content_b)),
            _jaccard(grams_a, grams_b),
            fuzz.WRatio(text_a, text_b) / 100.0,
            float(un_a == 0 or un_b == 0),
            *figure_sets_disagree(figures_a, figures_b),
            *ngram_precisions(ngram_counts(a.tokens), len_a, ngram_counts(b.tokens), len_b),
        ],
        dtype=np.float64,
    )


class SentencePairModel(Protocol):
    """What the aligner asks of a pair model: the logistic one, or a cross-encoder blend.

    Each is called alike: the logistic model ignores ``pairs``, the others read them."""

    def probability(self, x: np.ndarray, number_blind: bool = False,
                    pairs: Sequence[tuple[str, str]] | None = None) -> np.ndarray: ...


class PairModel:
    """Standardised logistic regression: ``p = sigmoid(w . (x - mean) / scale + b)``."""

    kind = "logistic"

    def __init__(self, weights: list[float], intercept: float, mean: list[float],
                 scale: list[float], threshold: float = 0.5) -> None:
        if len(weights) != len(FEATURES):
            raise ValueError(
                f"coefficient file has {len(weights)} weights for {len(FEATURES)} features; "
                "re-run eval/msrp.py --train"
            )
        self.weights = np.asarray(weights)
        self.intercept = float(intercept)
        self.mean = np.asarray(mean)
        self.scale = np.asarray(scale)
        self.threshold = threshold
        self._blind_index = [FEATURES.index(name) for name in _FIGURE_FEATURES]

    def probability(self, x: np.ndarray, number_blind: bool = False,
                    pairs: Sequence[tuple[str, str]] | None = None) -> np.ndarray:
        """P(same or paraphrase) for one feature vector or a matrix of them.

        ``pairs`` (the rows' sentences) is accepted so every pair model is called alike;
        this one reads only the features."""
        return sigmoid(self.logit(x, number_blind))

    def logit(self, x: np.ndarray, number_blind: bool = False) -> np.ndarray:
        """Log-odds of :meth:`probability` (what a stacked model reads)."""
        return self.standardized(x, number_blind) @ self.weights + self.intercept

    def standardized(self, x: np.ndarray, number_blind: bool = False) -> np.ndarray:
        """``(x - mean) / scale``, figure features first set as agreeing if number-blind."""
        x = np.array(x, dtype=np.float64, copy=True, ndmin=2)
        if number_blind:
            x[:, self._blind_index] = 0.0
        return (x - self.mean) / self.scale

    def probabilities(self, pairs: Sequence[tuple[str, str]],
                      cosines: Sequence[float] | None = None,
                      number_blind: bool = False, x: np.ndarray | None = None) -> np.ndarray:
        """P(same or paraphrase) of sentence pairs given as text.

        ``cosines`` are the pairs' embedding cosines when the caller has them (the aligner
        does); otherwise both sides are embedded here. ``x``, the pairs' feature matrix
        when the caller has computed it, saves computing it again.
        """
        if x is None:
            x = pair_features(pairs, cosines)
        return self.probability(x, number_blind)


def pair_features(pairs: Sequence[tuple[str, str]],
                  cosines: Sequence[float] | None = None) -> np.ndarray:
    """Feature matrix (one row per pair, :data:`FEATURES` order) of text pairs."""
    if not pairs:
        return np.zeros((0, len(FEATURES)))
    if cosines is None:
        from ..embeddings import embed

        left = embed([a for a, _ in pairs])
        right = embed([b for _, b in pairs])
        cosines = (left * right).sum(axis=1).tolist()
    if len(cosines) != len(pairs):
        raise ValueError(f"{len(cosines)} cosines for {len(pairs)} pairs")
    return np.stack([features(signals(a), signals(b), float(c))
                     for (a, b), c in zip(pairs, cosines, strict=True)])


def load_model() -> PairModel:
    """The shipped model (trained by ``eval/msrp.py --train``)."""
    from . import _coefficients as c

    return PairModel(c.WEIGHTS, c.INTERCEPT, c.MEAN, c.SCALE, c.THRESHOLD)


def write_coefficients(path: str, weights: list[float], intercept: float, mean: list[float],
                       scale: list[float], threshold: float, provenance: str) -> None:
    """Write the coefficient module (used by the training script)."""
    lines = [
        '"""Logistic-regression coefficients for reuse.classify (generated; do not edit).',
        "",
        provenance,
        '"""',
        "",
        f"FEATURES = {FEATURES!r}",
        f"WEIGHTS = {[round(float(w), 6) for w in weights]!r}",
        f"INTERCEPT = {round(float(intercept), 6)!r}",
        f"MEAN = {[round(float(m), 6) for m in mean]!r}",
        f"SCALE = {[round(float(s), 6) for s in scale]!r}",
        f"THRESHOLD = {round(float(threshold), 4)!r}",
        "",
    ]
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines))


def load_pair_model(
    kind: str | None = None, settings: Settings | None = None,
) -> PairModel | StackedPairModel | CascadePairModel:
    """The shipped pair model of ``kind``, by default the one ``[reuse] pair_model`` names.

    ``"logistic"``: features only, fast. ``"cross"``: the fine-tuned MiniLM cross-encoder
    stacked with the logistic model, on every pair. ``"cascade"``: the logistic model, and
    the stacked cross-encoder only where the logistic one is unsure. The last two read the
    sentences: call ``probability(x, number_blind, pairs=...)`` or ``probabilities(pairs)``.
    """
    if kind is None:
        from .settings import reuse_settings

        kind = reuse_settings(settings).pair_model
    if kind == "logistic":
        return load_model()
    if kind in ("cross", "cascade"):
        from .cross_encoder import load_cross_model
        from .stacked import CascadePairModel, StackedPairModel

        if kind == "cross":
            return StackedPairModel.from_metadata(load_model(), load_cross_model())
        return CascadePairModel.from_metadata(load_model(), load_cross_model())
    raise ConfigError(invalid_value_message("[reuse] pair_model", kind, PAIR_MODELS))
