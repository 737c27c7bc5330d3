"""Document-pair evidence that one article is a rewrite of another, not an independent report.

Two reports of one event share facts: the same death toll, the same names, often most of a
short article, and news convention puts them in a similar order. What a rewrite has besides
is the *source's whole structure*: its sentences follow the source's sentence after sentence,
and it keeps nearly all the source's figures and names while adding few of its own, whereas
each independent report carries facts the other lacks.

:func:`chain` measures that without the sentence pair model: an order-preserving (monotone)
sentence alignment by dynamic programming over the cosine matrix, which keeps working when
each sentence is reworded so far that the pair model no longer calls it a paraphrase, and
the shares of each article's facts (figures, years, names) found in the other. Asked for
it, a figure counts as found when the other article states a value drifted from it by a few
per cent (:func:`drifted`): rewrites round and re-hedge their source's figures, and a
tabloid's "more than 2.5m" for the wire's "about 2.4 million" is the wire's figure,
misreported.
:func:`pair_features` adds the pair model's alignment, quotations and lead/document cosines;
``eval/rewrite_signals.py`` measures how each separates rewrites from independent reports.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..records import Quantity
from .align import Alignment, Prepared
from .normalize import normalize
from .signals import Signals

FEATURES = (
    "dp_share_short",
    "dp_share_long",
    "dp_mean_cosine",
    "dp_mutual_share",
    "align_share_short",
    "align_share_long",
    "align_order",
    "align_mean_cosine",
    "fact_share_short",
    "fact_share_long",
    "fact_order",
    "quote_share",
    "lead_cosine",
    "doc_cosine",
    "length_ratio",
)
# A sentence pair below this cosine is not taken into the monotone alignment; each pair
# above it earns (cosine - floor), so one strong pair outweighs two marginal ones.
DP_FLOOR = 0.45
# "Tessaly's operator" and "in Tessaly" name one place (read so by the condensed test only).
_POSSESSIVE = re.compile(r"['’]s?$")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# A sentence's first word when capitalised (after an opening quotation mark), and the mark
# of that fact: a name or a common word, which only the other article of a pair can tell.
_OPENING_WORD = re.compile(r"[\"“‘']?([A-Z][a-zA-Z'’-]+)")
_OPENER = "opener"
# Quotations shorter than this many words ("expendable") are shared by independent reports
# quoting the same statement; a copied sentence-long quotation is the rewrite's mark.
_QUOTE_WORDS = 4
# A rewrite that rounds or re-hedges a figure moves it by a few per cent ("about 2.4
# million" -> "more than 2.5m", "about 45,000" -> "more than 50,000"); independent counts of
# one event (police and organisers, a first count and a revised one) differ by more.
DRIFT = 0.12


def monotone_alignment(sims: np.ndarray, floor: float = DP_FLOOR) -> list[tuple[int, int]]:
    """Order-preserving one-to-one sentence pairs maximising the sum of ``cosine - floor``.

    ``sims`` is the (rows x columns) cosine matrix; returns (row, column) pairs with both
    indices increasing. Needleman-Wunsch without gap costs: skipping a sentence is free.
    """
    n, m = sims.shape
    gain = np.where(sims > floor, sims - floor, -np.inf)
    best = np.zeros((n + 1, m + 1))
    for i in range(1, n + 1):
        # best[i, j] = max(best[i-1, j], best[i, j-1], best[i-1, j-1] + gain): the first and
        # last terms per column, then a running maximum along the row for the middle one.
        step = np.maximum(best[i - 1, 1:], best[i - 1, :-1] + gain[i - 1])
        best[i, 1:] = np.maximum.accumulate(step)
    pairs = []
    i, j = n, m
    while i > 0 and j > 0:
        if best[i, j] == best[i - 1, j]:
            i -= 1
        elif best[i, j] == best[i, j - 1]:
            j -= 1
        else:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
    return pairs[::-1]


def one_to_one_pairs(sims: np.ndarray, floor: float = DP_FLOOR) -> list[tuple[int, int]]:
    """Sentence pairs above ``floor``, closest first, each sentence in one pair at most,
    in any order; returned sorted by the row sentence.

    What :func:`monotone_alignment` finds when the order of the sentences does not count: a
    rewrite that moves its source's paragraphs about still pairs off sentence by sentence.
    """
    rows, cols = np.nonzero(sims > floor)
    closest_first = np.argsort(-sims[rows, cols], kind="stable")
    used_rows: set[int] = set()
    used_cols: set[int] = set()
    pairs = []
    for k in closest_first.tolist():
        i, j = int(rows[k]), int(cols[k])
        if i not in used_rows and j not in used_cols:
            used_rows.add(i)
            used_cols.add(j)
            pairs.append((i, j))
    return sorted(pairs)


@dataclass(frozen=True)
class Chain:
    """The order-preserving alignment of two articles and the facts they share."""

    pairs: list[tuple[int, int]]  # (sentence of a, sentence of b), both increasing
    mean_cosine: float
    share_short: float  # aligned sentences over the shorter article's
    share_long: float
    fact_share_short: float  # shared facts over the facts of the article with fewer
    fact_share_long: float
    fact_order: float  # share of the shared facts that come in the same order


def chain(a: Prepared, b: Prepared, sims: np.ndarray, floor: float = DP_FLOOR,
          pairs: list[tuple[int, int]] | None = None) -> Chain:
    """:class:`Chain` of ``a`` and ``b``; ``sims`` is their (a x b) sentence cosine matrix.

    ``pairs``: their :func:`monotone_alignment` when the caller has it already.
    """
    n_a, n_b = sims.shape
    short, long_ = max(1, min(n_a, n_b)), max(1, n_a, n_b)
    if pairs is None:
        pairs = monotone_alignment(sims, floor)
    return Chain(
        pairs,
        float(np.mean([sims[i, j] for i, j in pairs])) if pairs else 0.0,
        len(pairs) / short,
        len(pairs) / long_,
        *fact_shares(a, b),
    )


def fact_shares(a: Prepared, b: Prepared, drift: bool = False,
                ignored: frozenset[str] = frozenset(),
                openers: bool = False) -> tuple[float, float, float]:
    """(shared facts over the facts of the article with fewer, over those of the article
    with more, share of the shared facts in the same order in both).

    With ``drift``, a figure of one article is also shared when the other states one drifted
    from it (:func:`drifted`): a rewrite that rounds or re-hedges its source's figures still
    tells its source's facts. Only the condensed-rewrite test asks for it: independent
    reports of one event give nearby figures too, and the tests that need nearly all facts
    of both articles were tuned on equal ones. With ``openers`` too, a sentence's capitalised
    first word is a name where the other article writes that word as one
    (:func:`_with_openers`).
    """
    if drift and openers:
        facts_a, facts_b = _with_openers(a, b)
    elif drift:
        facts_a, facts_b = _without_possessives(facts(a)), _without_possessives(facts(b))
    else:
        facts_a, facts_b = facts(a), facts(b)
    if ignored:
        facts_a = [f for f in facts_a if not _ignored_name(f, ignored)]
        facts_b = [f for f in facts_b if not _ignored_name(f, ignored)]
    fewer, more = (facts_a, facts_b) if len(facts_a) <= len(facts_b) else (facts_b, facts_a)
    shared = _matched_positions(fewer, more, drift)
    return (len(shared) / len(fewer) if fewer else 0.0,
            len(shared) / len(more) if more else 0.0,
            _lis(shared) / len(shared) if shared else 0.0)


def _matched_positions(fewer: Sequence[object], more: Sequence[object],
                       drift: bool) -> list[int]:
    """Where each fact of ``fewer`` found in ``more`` stands in ``more`` (``fewer``'s order).

    Equal facts are matched first; with ``drift``, a figure left over takes the nearest
    figure of ``more`` it may have drifted from that no other fact took.
    """
    position = {f: k for k, f in enumerate(more)}
    matched = {k: position[f] for k, f in enumerate(fewer) if f in position}
    if not drift:
        return [matched[k] for k in sorted(matched)]
    taken = set(matched.values())
    free = {where: value for where, value in enumerate(map(_figure_of, more))
            if value is not None and where not in taken}
    for k, value in enumerate(map(_figure_of, fewer)):
        if k in matched or value is None:
            continue
        near = [(abs(other - value), where) for where, other in free.items()
                if drifted(value, other)]
        if near:
            matched[k] = min(near)[1]
            del free[matched[k]]
    return [matched[k] for k in sorted(matched)]


def _without_possessives(found: Sequence[object]) -> list[object]:
    """The facts with "Tessaly's" read as the name "tessaly" (repeats kept once): a rewrite
    turns "Tessaly's operator" into "the operator in Tessaly"."""
    seen: dict[object, None] = {}
    for fact in found:
        if isinstance(fact, tuple) and fact[0] in ("name", _OPENER):
            fact = (fact[0], _POSSESSIVE.sub("", fact[1]))
        seen.setdefault(fact, None)
    return list(seen)


def _with_openers(a: Prepared, b: Prepared) -> tuple[list[object], list[object]]:
    """The facts of ``a`` and ``b`` with possessives read as names (:func:`_without_possessives`)
    and each sentence's capitalised first word taken as a name where the other article writes
    it as one.

    A name opening a sentence is no name to :mod:`.signals` (any word is capitalised there),
    so "Mount Askel erupted" gives "askel" alone while a rewrite's "after Mount Askel burst"
    gives "mount" too: a fact of the rewrite its source seemed to lack.
    """
    raw_a, raw_b = _without_possessives(_all_facts(a)), _without_possessives(_all_facts(b))
    names_a = {f for f in raw_a if _is_name(f)}
    names_b = {f for f in raw_b if _is_name(f)}
    return _resolve_openers(raw_a, names_b), _resolve_openers(raw_b, names_a)


def _is_name(fact: object) -> bool:
    return isinstance(fact, tuple) and fact[0] == "name"


def _resolve_openers(found: Sequence[object], names: set[object]) -> list[object]:
    """``found`` with each opening word kept, as a name, only when ``names`` has it."""
    seen: dict[object, None] = {}
    for fact in found:
        if isinstance(fact, tuple) and fact[0] == _OPENER:
            fact = ("name", fact[1])
            if fact not in names:
                continue
        seen.setdefault(fact, None)
    return list(seen)


def _ignored_name(fact: object, ignored: frozenset[str]) -> bool:
    return isinstance(fact, tuple) and fact[0] == "name" and fact[1] in ignored


def masthead_words(*outlets: str | None) -> frozenset[str]:
    """The last word of each outlet's name, lower case ("The Kessling Patriot" → patriot):
    how a report names its own outlet ("The Patriot will be there", "told the Herald"),
    which tells no fact of the event a source could have given it."""
    words = (re.findall(r"[A-Za-z][\w'’-]*", outlet or "") for outlet in outlets)
    return frozenset(found[-1].lower() for found in words if found)


def shares_a_quotation(a: Prepared, b: Prepared) -> bool:
    """Whether both articles carry one quotation of sentence length in the same words,
    wherever it stands: a rewrite that splits its source's sentence keeps the quotation in
    a sentence of its own, which no one-to-one pairing puts beside the source's."""
    return bool(_quotes(a) & _quotes(b))


def _figure_of(fact: object) -> float | None:
    """The value of a figure fact that can drift (a positive number), else ``None``."""
    if isinstance(fact, tuple) and fact[0] == "fig" and isinstance(fact[1], float):
        return fact[1] if fact[1] > 0 else None
    return None


def drifted(x: float, y: float) -> bool:
    """Whether two positive figures are one figure told two ways: within :data:`DRIFT` of
    the larger ("about 2.4 million" and "more than 2.5m", "45,000" and "50,000")."""
    return x > 0 and y > 0 and abs(x - y) <= DRIFT * max(x, y)


def coverage(alignment: Alignment, n_a: int, n_b: int) -> tuple[float, float]:
    """Shares of the shorter and of the longer article's sentences that are aligned.

    Each sentence counts once: a source sentence merged into an article sentence already
    aligned covers the source sentence, not a second article sentence (counting matches
    instead let two reports reach full coverage of one side with sentences to spare).
    """
    on_a = len({m.source for m in alignment.matches}) / n_a if n_a else 0.0
    on_b = len({m.article for m in alignment.matches}) / n_b if n_b else 0.0
    if n_a == n_b:
        return min(on_a, on_b), max(on_a, on_b)
    return (on_a, on_b) if n_a < n_b else (on_b, on_a)


def figure_agreement(a: Prepared, b: Prepared, pairs: Sequence[tuple[int, int]],
                     drift: bool = False) -> tuple[int, int]:
    """(agreeing, conflicting): aligned sentence pairs (sentence of ``a``, sentence of ``b``)
    whose two sentences both state figures and share at least one (with ``drift``, equal or
    drifted: :func:`drifted`), or share none.

    A rewrite keeps its source's figures sentence by sentence (a changed figure is the
    exception the derivation reports). Two reports that tell their facts in one house style,
    or two events of one kind, pair off sentences of the same shape about other figures:
    "The last comparable emergency was in 1996, when 21 people were hurt" against "... 175
    people were displaced" is a close cosine and no reworded sentence.
    """
    agreeing = conflicting = 0
    for i, j in pairs:
        mine, theirs = _figure_values(a.sigs[i]), _figure_values(b.sigs[j])
        if mine and theirs:
            if mine & theirs or (drift and _drifted_pair(mine, theirs)):
                agreeing += 1
            else:
                conflicting += 1
    return agreeing, conflicting


def _drifted_pair(mine: set[object], theirs: set[object]) -> bool:
    """A figure of one drifted from a figure of the other (:func:`drifted`)."""
    return any(isinstance(x, float) and isinstance(y, float) and drifted(x, y)
               for x in mine for y in theirs)


def _figure_values(sig: Signals) -> set[object]:
    return {_figure_value(q) for q in sig.figures}


def _figure_value(q: Quantity) -> object:
    # The value only: "nearly 49" reworded as "almost 49" is the same figure.
    return q.value if q.value is not None else (q.low, q.high)


def facts(side: Prepared) -> list[object]:
    """Figures, years and names of an article in order of appearance (repeats kept once)."""
    return [f for f in _all_facts(side) if not (isinstance(f, tuple) and f[0] == _OPENER)]


def _all_facts(side: Prepared) -> list[object]:
    """:func:`facts` with each sentence's capitalised first word where it stands, marked
    :data:`_OPENER` (a name or not: only the other article can tell)."""
    if side._facts is None:
        side._facts = _read_facts(side)
    return side._facts


def _read_facts(side: Prepared) -> list[object]:
    seen: dict[object, None] = {}
    for sentence, sig in zip(side.sentences, side.sigs, strict=True):
        found: list[tuple[int, object]] = []
        opener = _OPENING_WORD.match(sentence.text)
        if opener is not None:
            found.append((opener.start(1), (_OPENER, opener.group(1).lower())))
        for q in sig.figures:
            where = q.span.start if q.span is not None else 0
            found.append((where, ("fig", _figure_value(q))))
        found.extend((m.start(), ("year", m.group(1))) for m in _YEAR.finditer(sentence.text))
        lower = sentence.text.lower()
        found.extend((lower.find(n), ("name", part))
                     for n in sig.names for part in n.split() if len(part) > 2)
        for _, fact in sorted(found, key=lambda x: x[0]):
            seen.setdefault(fact, None)
    return list(seen)


def _lis(values: Sequence[int]) -> int:
    """Length of the longest strictly increasing subsequence."""
    tails: list[int] = []
    for v in values:
        k = int(np.searchsorted(tails, v))
        if k == len(tails):
            tails.append(v)
        else:
            tails[k] = v
    return len(tails)


def quoting_pairs(a: Prepared, b: Prepared, pairs: Sequence[tuple[int, int]]) -> int:
    """How many sentence pairs (sentence of ``a``, sentence of ``b``) both quote someone at
    sentence length (:data:`_QUOTE_WORDS` words or more), in the same words or in others.

    A rewrite carries its source's quotations in the sentences it rewrites, kept or
    reworded. Two independent reports that share a press release's facts sentence by
    sentence tell them in narration: the one ECB+ pair of them (train and dev) that passes
    every other bar of :func:`.derive.reordered_rewrite` has no such pair.
    """
    return sum(1 for i, j in pairs if _long_quote(a.sigs[i]) and _long_quote(b.sigs[j]))


def _long_quote(sig: Signals) -> bool:
    return any(len(q.split()) >= _QUOTE_WORDS for q in sig.quotes)


def _quotes(side: Prepared) -> set[str]:
    return {normalize(q) for sig in side.sigs for q in sig.quotes
            if len(q.split()) >= _QUOTE_WORDS}


def pair_features(a: Prepared, b: Prepared, alignment: Alignment) -> np.ndarray:
    """Feature vector (order of :data:`FEATURES`) of two articles with sentence vectors.

    ``alignment`` is :func:`.align.align_prepared` of ``b`` onto ``a``. Symmetric in the
    two articles except for the alignment's orientation.
    """
    assert a.vectors is not None and b.vectors is not None
    n_a, n_b = len(a.sentences), len(b.sentences)
    short, long_ = min(n_a, n_b), max(n_a, n_b)
    sims = a.vectors @ b.vectors.T
    found = chain(a, b, sims)
    row_best, col_best = sims.argmax(axis=1), sims.argmax(axis=0)
    mutual = sum(1 for i, j in found.pairs if row_best[i] == j and col_best[j] == i)
    matches = alignment.matches
    ordered = [m.article for m in sorted(matches, key=lambda m: m.source)]
    n = len(ordered)
    swapped = sum(1 for i in range(n) for j in range(i + 1, n) if ordered[i] > ordered[j])
    quotes_a, quotes_b = _quotes(a), _quotes(b)
    quote_union = quotes_a | quotes_b
    mean_a, mean_b = a.vectors.mean(axis=0), b.vectors.mean(axis=0)
    doc_cos = float(mean_a @ mean_b / (np.linalg.norm(mean_a) * np.linalg.norm(mean_b) + 1e-9))
    return np.array([
        found.share_short,
        found.share_long,
        found.mean_cosine,
        mutual / short,
        *coverage(alignment, n_a, n_b),
        1.0 - swapped / (n * (n - 1) / 2) if n >= 2 else 1.0,
        float(np.mean([m.cosine for m in matches])) if matches else 0.0,
        found.fact_share_short,
        found.fact_share_long,
        found.fact_order,
        len(quotes_a & quotes_b) / len(quote_union) if quote_union else 0.0,
        float(sims[0, 0]),
        doc_cos,
        short / long_,
    ], dtype=np.float64)
