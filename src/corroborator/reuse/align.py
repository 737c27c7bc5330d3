"""Sentence alignment between two articles, and what changed between aligned sentences.

Embeddings *propose* pairs (cosine over all sentence pairs of the two articles: a rewrite
shares no five-word sequence with its source, so surface matching alone cannot find it);
the pair classifier *decides*, asked number-blind so that "the same sentence with another
figure" is still aligned; then explicit checks label each aligned pair *same*, *paraphrase*
or *changed* (figure, negation or quoted words differ). Sentences equal after normalisation
are matched first without embeddings, which keeps near-copies cheap.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
from rapidfuzz import fuzz

from ..nlp.numlex import TIME_UNITS
from ..records import Change, Quantity
from .classify import SentencePairModel, figures_conflict
from .normalize import Sentence, normalize
from .pairfeatures import Lexicon, feature_matrix, lexicon
from .settings import ReuseSettings
from .signals import Signals, figure_key, signals

LABELS = ("same", "paraphrase", "changed")


@dataclass(frozen=True, slots=True)
class Match:
    source: int  # sentence index in the source article
    article: int  # sentence index in the derived article
    label: str
    probability: float
    cosine: float


@dataclass
class Alignment:
    """Aligned sentence pairs and the sentences of each side left without a partner."""

    matches: list[Match] = field(default_factory=list)
    unmatched_source: list[int] = field(default_factory=list)
    unmatched_article: list[int] = field(default_factory=list)

    def coverage(self, n_source: int, n_article: int) -> float:
        """Aligned sentences over the sentences of the shorter article."""
        shortest = min(n_source, n_article)
        return len(self.matches) / shortest if shortest else 0.0

    def mean_probability(self) -> float:
        if not self.matches:
            return 0.0
        return float(np.mean([m.probability for m in self.matches]))


class VectorBacking(Protocol):
    """Somewhere sentence vectors outlive a run (the store), keyed by normalised text."""

    def load(self, keys: Sequence[str]) -> dict[str, np.ndarray]: ...

    def save(self, vectors: dict[str, np.ndarray]) -> None: ...


class EmbeddingCache:
    """Sentence vectors keyed by normalised text; LRU-bounded so memory stays flat.

    With a ``backing``, vectors missing here are read from it before anything is embedded,
    and what had to be embedded is written to it.
    """

    def __init__(self, capacity: int, model: str = "all-MiniLM-L6-v2",
                 batch_size: int = 64, backing: VectorBacking | None = None,
                 embed_fn: Callable[..., np.ndarray] | None = None,
                 precision: str | None = None, device: str = "cpu") -> None:
        self.capacity = capacity
        self.model = model
        self.device = device
        self.batch_size = batch_size
        self.precision = precision
        self.backing = backing
        # called as embed_fn(texts, model=..., batch_size=..., precision=..., device=...);
        # corroborator.embeddings.embed when None (the stage runner passes a parallel one)
        self.embed_fn = embed_fn
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        from ..embeddings import DIMENSIONS, embed

        keys = [normalize(t) for t in texts]
        missing = list(dict.fromkeys(k for k in keys if k not in self._vectors))
        if missing and self.backing is not None:
            stored = self.backing.load(missing)
            self._vectors.update(stored)
            missing = [k for k in missing if k not in stored]
        if missing:
            originals = {normalize(t): t for t in texts}
            new = (self.embed_fn or embed)([originals[k] for k in missing], model=self.model,
                                           batch_size=self.batch_size,
                                           precision=self.precision, device=self.device)
            for key, vector in zip(missing, new, strict=True):
                self._vectors[key] = vector
            if self.backing is not None:
                self.backing.save(dict(zip(missing, new, strict=True)))
        out = np.zeros((len(keys), DIMENSIONS), dtype=np.float32)
        for i, key in enumerate(keys):
            vector = self._vectors.get(key)
            if vector is not None:
                self._vectors.move_to_end(key)
                out[i] = vector
        while len(self._vectors) > self.capacity:
            self._vectors.popitem(last=False)
        return out


Vectorize = Callable[[Sequence[str]], np.ndarray]


@dataclass
class Prepared:
    """What alignment reads of one article's sentences, computed once per article per run.

    A candidate pair used to re-normalise, re-look-up and re-fetch the vectors of both
    articles' sentences; an article takes part in dozens of pairs, so that was most of the
    cost. ``vectors`` are unit rows (one per sentence) or ``None`` (verbatim matching only).
    """

    sentences: Sequence[Sentence]
    norms: list[str]
    sigs: list[Signals]
    vectors: np.ndarray | None = None
    _lexicon: list[Lexicon] | None = None
    # the article's facts in order (``docpair.facts``), read once: every candidate pair
    # of a story compares them
    _facts: list[object] | None = None

    @property
    def lexicon(self) -> list[Lexicon]:
        """What the pair features read of each sentence, built once (an article is scored
        against dozens of others)."""
        if self._lexicon is None:
            self._lexicon = [lexicon(sig) for sig in self.sigs]
        return self._lexicon


def prepare(sentences: Sequence[Sentence], vectors: np.ndarray | None = None) -> Prepared:
    return Prepared(sentences, [normalize(s.text) for s in sentences],
                    [signals(s.text) for s in sentences], vectors)


def _rows(side: Prepared, rows: list[int], vectorize: Vectorize | None) -> np.ndarray:
    if side.vectors is not None:
        return side.vectors[rows]
    assert vectorize is not None
    return vectorize([side.sentences[i].text for i in rows])


def align(
    source: Sequence[Sentence],
    article: Sequence[Sentence],
    model: SentencePairModel,
    config: ReuseSettings,
    vectorize: Vectorize | None = None,
) -> Alignment:
    """One-to-one alignment of ``article``'s sentences to ``source``'s.

    ``vectorize`` embeds sentences (an :class:`EmbeddingCache`'s ``vectors``); it is asked
    only for the sentences left after verbatim matching. Without it only verbatim sentences
    are aligned.
    """
    return align_prepared(prepare(source), prepare(article), model, config, vectorize)


def align_prepared(
    src: Prepared,
    art: Prepared,
    model: SentencePairModel,
    config: ReuseSettings,
    vectorize: Vectorize | None = None,
) -> Alignment:
    """:func:`align` on prepared sentences; their ``vectors`` are used when present."""
    source, article = src.sentences, art.sentences
    result = Alignment()
    if not source or not article:
        result.unmatched_source = list(range(len(source)))
        result.unmatched_article = list(range(len(article)))
        return result
    src_sig, art_sig = src.sigs, art.sigs
    used_src: set[int] = set()
    used_art: set[int] = set()
    # Verbatim sentences first: a dictionary lookup, no embeddings.
    by_text: dict[str, list[int]] = {}
    for i, norm in enumerate(src.norms):
        by_text.setdefault(norm, []).append(i)
    for j, norm in enumerate(art.norms):
        options = by_text.get(norm)
        while options:
            i = options.pop(0)
            if i not in used_src:
                result.matches.append(Match(i, j, "same", 1.0, 1.0))
                used_src.add(i)
                used_art.add(j)
                break
    rest_src = [i for i in range(len(source)) if i not in used_src]
    rest_art = [j for j in range(len(article)) if j not in used_art]
    can_embed = vectorize is not None or (src.vectors is not None and art.vectors is not None)
    if rest_src and rest_art and can_embed:
        sims = _rows(art, rest_art, vectorize) @ _rows(src, rest_src, vectorize).T
        found: list[tuple[float, int, int, bool]] = []
        # Each article sentence proposes its few nearest source sentences above the floor.
        top = min(3, len(rest_src))
        best_row = sims.argmax(axis=0)  # for each source sentence, its nearest article one
        for row, j in enumerate(rest_art):
            best = np.argsort(-sims[row])[:top]
            for col in best.tolist():
                cosine = float(sims[row, col])
                if cosine < config.propose_cosine:
                    continue
                mutual = col == best[0] and best_row[col] == row
                found.append((cosine, rest_src[col], j, bool(mutual)))
        proposals: list[tuple[float, float, int, int]] = []
        if found:
            # One classifier call for all proposals of the pair (not one per proposal).
            x = feature_matrix(src.lexicon, art.lexicon,
                               [(i, j, cosine) for cosine, i, j, _ in found])
            # The logistic model reads only x; the cross-encoder models read the sentences.
            probabilities = model.probability(
                x, number_blind=True,
                pairs=[(source[i].text, article[j].text) for _, i, j, _ in found])
            for (cosine, i, j, mutual), p in zip(found, probabilities.tolist(), strict=True):
                blind = float(p)
                # MSRP-strict probabilities undershoot on heavy restructuring; a pair that
                # are each other's nearest neighbours with a high cosine is kept as well.
                if mutual and cosine >= config.mutual_cosine:
                    blind = max(blind, config.align_probability)
                if blind < config.align_probability:
                    continue
                proposals.append((blind, cosine, i, j))
        for blind, cosine, i, j in sorted(proposals, reverse=True):
            if i in used_src or j in used_art:
                continue
            label = _label(src.norms[i], art.norms[j], src_sig[i], art_sig[j], config)
            result.matches.append(Match(i, j, label, blind, cosine))
            used_src.add(i)
            used_art.add(j)
        if config.merge_containment < 1.0:
            _merged(src, art, used_src, result, vectorize, config)
    result.matches.sort(key=lambda m: (m.article, m.source))
    result.unmatched_source = [i for i in range(len(source)) if i not in used_src]
    result.unmatched_article = [j for j in range(len(article)) if j not in used_art]
    return result


def _merged(src: Prepared, art: Prepared, used_src: set[int], result: Alignment,
            vectorize: Vectorize | None, config: ReuseSettings) -> None:
    """Attach left-over source sentences to the article sentence that absorbed them.

    Rewriters merge two short sentences into one; a one-to-one alignment would report the
    second as dropped and miss a figure changed inside it.
    """
    source = src.sentences
    left = [i for i in range(len(source)) if i not in used_src]
    matched_art = sorted({m.article for m in result.matches})
    if not left or not matched_art:
        return
    sims = _rows(src, left, vectorize) @ _rows(art, matched_art, vectorize).T
    for row, i in enumerate(left):
        col = int(sims[row].argmax())
        cosine = float(sims[row, col])
        j = matched_art[col]
        words = {t for t in src.sigs[i].tokens if len(t) > 3}
        if cosine < config.propose_cosine or not words:
            continue
        if len(words & set(art.sigs[j].tokens)) / len(words) < config.merge_containment:
            continue
        partners = [m.source for m in result.matches if m.article == j] + [i]
        combined = " ".join(source[k].text for k in sorted(partners))
        label = _label(normalize(combined), art.norms[j], signals(combined), art.sigs[j],
                       config)
        result.matches.append(Match(i, j, label, cosine, cosine))
        used_src.add(i)


def _label(src_norm: str, art_norm: str, a: Signals, b: Signals,
           config: ReuseSettings) -> str:
    """Label of an aligned pair; ``src_norm``/``art_norm`` are the normalised texts."""
    if _differs(a, b):
        return "changed"
    if fuzz.ratio(src_norm, art_norm) >= config.same_ratio:
        return "same"
    return "paraphrase"


def _differs(a: Signals, b: Signals) -> bool:
    return (
        figures_conflict(a, b)
        or (a.negations > 0) != (b.negations > 0)
        or _quotes_changed(a, b)
    )


def _quotes_changed(a: Signals, b: Signals) -> bool:
    if not a.quotes or not b.quotes:
        return False
    return any(max(fuzz.ratio(q, p) for p in a.quote_keys) < 90 for q in b.quote_keys)


def changes(
    source: Sequence[Sentence], article: Sequence[Sentence], alignment: Alignment
) -> list[Change]:
    """What changed from ``source`` to ``article``: figures, negation, quotes, sentences."""
    out: list[Change] = []
    groups: dict[int, list[int]] = {}
    for match in alignment.matches:
        groups.setdefault(match.article, []).append(match.source)
    for j, members in sorted(groups.items()):
        members.sort()
        a = article[j]
        s_text = " ".join(source[i].text for i in members)
        spans = {"source_sentence": (source[members[0]].start, source[members[-1]].end),
                 "article_sentence": (a.start, a.end)}
        if normalize(s_text) == normalize(a.text):
            continue
        sa, sb = signals(s_text), signals(a.text)
        out.extend(_figure_changes(sa, sb, spans))
        if (sa.negations > 0) != (sb.negations > 0):
            out.append(Change("negation", s_text, a.text, **spans))
        out.extend(_quote_changes(sa, sb, spans))
    for j in alignment.unmatched_article:
        a = article[j]
        out.append(Change("sentence-added", None, a.text, article_sentence=(a.start, a.end)))
        for quote in signals(a.text).quotes:
            out.append(Change("quote-added", None, quote, article_sentence=(a.start, a.end)))
    for i in alignment.unmatched_source:
        s = source[i]
        out.append(Change("sentence-dropped", s.text, None, source_sentence=(s.start, s.end)))
    return out


def _figure_changes(a: Signals, b: Signals, spans: dict) -> list[Change]:
    if not figures_conflict(a, b):
        return []
    keys_b = [figure_key(q) for q in b.figures]
    kept_a = [i for i, q in enumerate(a.figures) if figure_key(q) not in keys_b]
    left = [a.figures[i] for i in kept_a]
    left_units = [_unit_at(a, i) for i in kept_a]
    left_counts = [_counts_a_noun(a, i) for i in kept_a]
    keys_a = [figure_key(q) for q in a.figures]
    kept_b = [i for i, q in enumerate(b.figures) if figure_key(q) not in keys_a]
    # Pair the figures that did not survive: each new figure takes a dropped one of its unit
    # if any, else the nearest in size ("59" takes the "95" of a merged pair of sentences, not
    # "the two countries" told before it). A duration is no new value of a figure that is
    # none: a crowd of "180,000" does not become "ten years" because the rewrite dropped one
    # and added the other. (Kinds and other units do not tell so much: a rewrite's "nearly
    # 150" may lose the miles its source gave.) Nor is a count of things a new value of a
    # measure: "more than 200 passengers" is no speed that was "130 km/h".
    paired: dict[int, Quantity] = {}
    free = list(range(len(left)))
    for j in kept_b:
        after, unit, counts = b.figures[j], _unit_at(b, j), _counts_a_noun(b, j)
        comparable = [i for i in free if _is_duration(left[i]) == _is_duration(after)
                      and not (left_counts[i] and _measures(after, unit, counts)
                               or counts and _measures(left[i], left_units[i],
                                                       left_counts[i]))]
        same_unit = [i for i in comparable if unit and left_units[i] == unit]
        if not comparable:
            continue
        chosen = min(same_unit or comparable, key=lambda i: _size_gap(left[i], after))
        paired[chosen] = after
        free.remove(chosen)
    return [Change("figure", left[i].text, after.text, **spans)
            for i, after in sorted(paired.items())]


def _unit_at(sig: Signals, i: int) -> str | None:
    return sig.units[i] if i < len(sig.units) else sig.figures[i].unit


def _counts_a_noun(sig: Signals, i: int) -> bool:
    return i < len(sig.counted) and sig.counted[i] is not None


def _measures(q: Quantity, unit: str | None, counts: bool) -> bool:
    """A figure in a unit of measure or a percentage, its own or one its coordination shares
    ("more than 200" after "from 130 km/h to": see ``figure_units``). Money is left out: a
    count of a currency no list names ("40 million lorens") may be the sum another report
    gives in euros."""
    if unit is None or counts:
        return False
    return q.kind in ("measure", "percent") or q.unit is None


def _size_gap(a: Quantity, b: Quantity) -> float:
    """How far apart two figures are in orders of magnitude (0 when either has no value, so
    order of appearance decides)."""
    va, vb = (a.value if a.value is not None else a.low), (b.value if b.value is not None else b.low)
    if va is None or vb is None:
        return 0.0
    return abs(math.log10(abs(va) + 1) - math.log10(abs(vb) + 1))


def _is_duration(q: Quantity) -> bool:
    return (q.unit or "") in TIME_UNITS


def _quote_changes(a: Signals, b: Signals, spans: dict) -> list[Change]:
    out = []
    if a.quotes and b.quotes:
        for quote in b.quotes:
            best = max(a.quotes, key=lambda p: fuzz.ratio(normalize(quote), normalize(p)))
            if fuzz.ratio(normalize(quote), normalize(best)) < 90:
                out.append(Change("quote-changed", best, quote, **spans))
    elif b.quotes:
        out.extend(Change("quote-added", None, q, **spans) for q in b.quotes)
    elif a.quotes:
        out.extend(Change("quote-dropped", q, None, **spans) for q in a.quotes)
    return out
