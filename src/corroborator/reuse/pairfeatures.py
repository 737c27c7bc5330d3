"""The pair classifier's features for many sentence pairs at once, equal to ``classify.features``.

``classify.features`` rebuilds every set of both sentences (words, bigrams, character
trigrams, content words) and calls rapidfuzz five times for each pair; an article aligned
against dozens of others paid that for each of its sentences dozens of times, most of the
cost of the reuse stage. Here each sentence's sets are built once (:class:`Lexicon`) and the
string ratios of all pairs come from one ``rapidfuzz.process.cpdist`` call per scorer. The
arithmetic is the same, operation for operation, so the values are identical (checked in
``tests/reuse/test_align.py``). Should ``classify.FEATURES`` change, the per-pair function
is used until this module follows.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from . import classify
from .signals import Signals, figure_key

# The feature order this module computes; compared with the classifier's at call time.
_FEATURES = (
    "cosine", "cosine_sq", "ratio", "token_sort", "token_set", "partial", "word_jaccard",
    "word_cont_min", "word_cont_max", "bigram_jaccard", "length_ratio", "length_diff",
    "name_jaccard", "name_conflict", "fig_both", "fig_conflict", "fig_one_side",
    "quote_conflict", "negation_mismatch", "unmatched_min", "unmatched_max", "unmatched_log",
    "unmatched_share", "content_jaccard", "char3_jaccard", "wratio", "one_side_subsumed",
    "fig_disjoint", "fig_unshared", "ngram1_min", "ngram1_max", "ngram2_min", "ngram2_max",
)
_SCORERS = (fuzz.ratio, fuzz.token_sort_ratio, fuzz.token_set_ratio, fuzz.partial_ratio,
            fuzz.WRatio)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """One sentence's sets and counts as ``classify.features`` derives them."""

    sig: Signals
    text: str
    words: frozenset[str]
    bigrams: frozenset[tuple[str, str]]
    grams: frozenset[str]
    content: frozenset[str]
    length: int
    figure_keys: frozenset[tuple[object, ...]]
    quote_keys: frozenset[str]
    ngrams: tuple[Counter[Hashable], ...]


def lexicon(sig: Signals) -> Lexicon:
    text = " ".join(sig.tokens)
    words = frozenset(sig.tokens)
    return Lexicon(
        sig, text, words,
        frozenset(zip(sig.tokens, sig.tokens[1:], strict=False)),
        frozenset(text[i : i + 3] for i in range(len(text) - 2)),
        words - classify._STOP,
        len(sig.tokens),
        frozenset(figure_key(q) for q in sig.figures),
        sig.quote_keys,
        classify.ngram_counts(sig.tokens),
    )


def _jaccard(a: frozenset, b: frozenset) -> float:
    if not a and not b:
        return 1.0
    # |a | b| from the intersection: building the union set cost more than the rest
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)


def feature_matrix(left: Sequence[Lexicon], right: Sequence[Lexicon],
                   pairs: Sequence[tuple[int, int, float]]) -> np.ndarray:
    """Rows of ``classify.features(left[i].sig, right[j].sig, cosine)`` for ``pairs``."""
    if classify.FEATURES != _FEATURES:
        return np.stack([classify.features(left[i].sig, right[j].sig, c) for i, j, c in pairs])
    if not pairs:
        return np.zeros((0, len(_FEATURES)), dtype=np.float64)
    texts_a = [left[i].text for i, _, _ in pairs]
    texts_b = [right[j].text for _, j, _ in pairs]
    ratios = [process.cpdist(texts_a, texts_b, scorer=scorer, dtype=np.float64)
              for scorer in _SCORERS]
    out = np.empty((len(pairs), len(_FEATURES)), dtype=np.float64)
    for row, (i, j, cosine) in enumerate(pairs):
        a, b = left[i], right[j]
        sa, sb = a.sig, b.sig
        words_a, words_b = a.words, b.words
        shared = len(words_a & words_b)
        cont_a = shared / len(words_a) if words_a else 0.0
        cont_b = shared / len(words_b) if words_b else 0.0
        len_a, len_b = a.length, b.length
        longest = max(len_a, len_b, 1)
        only_a, only_b = sa.names - sb.names, sb.names - sa.names
        quotes_differ = bool(sa.quotes and sb.quotes) and a.quote_keys != b.quote_keys
        content_a, content_b = a.content, b.content
        both = len(content_a & content_b)
        un_a, un_b = len(content_a) - both, len(content_b) - both
        either = len(content_a) + len(content_b) - both
        fig_a, fig_b = bool(sa.figures), bool(sb.figures)
        out[row] = (
            cosine,
            cosine * cosine,
            ratios[0][row] / 100.0,
            ratios[1][row] / 100.0,
            ratios[2][row] / 100.0,
            ratios[3][row] / 100.0,
            _jaccard(words_a, words_b),
            min(cont_a, cont_b),
            max(cont_a, cont_b),
            _jaccard(a.bigrams, b.bigrams),
            min(len_a, len_b) / longest,
            math.log1p(abs(len_a - len_b)),
            _jaccard(sa.names, sb.names),
            float(bool(only_a) and bool(only_b)),
            float(fig_a and fig_b),
            float(fig_a and fig_b and a.figure_keys != b.figure_keys),
            float(fig_a != fig_b),
            float(quotes_differ),
            float((sa.negations > 0) != (sb.negations > 0)),
            min(un_a, un_b),
            max(un_a, un_b),
            math.log1p(un_a + un_b),
            (un_a + un_b) / max(1, either),
            both / max(1, either),
            _jaccard(a.grams, b.grams),
            ratios[4][row] / 100.0,
            float(un_a == 0 or un_b == 0),
            *classify.figure_sets_disagree(a.figure_keys, b.figure_keys),
            *classify.ngram_precisions(a.ngrams, len_a, b.ngrams, len_b),
        )
    return out
