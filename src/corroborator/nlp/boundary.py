"""A learned choice of where a claim's content starts and ends.

The rules (:mod:`.verbcues`, :mod:`.constructions`) and the tagger read the content off one
dependency subtree. Where the parser hung a phrase on the wrong head, or the annotation
convention differs from the subtree ("his new book[, and the campaign]", "the US [as the
Great Satan]", "[the refugees] on the Fox News Channel"), the subtree is too short or too
long. This module lists a handful of other readings of the same content from the parse and
lets a linear model over parse features pick one:

- the reading found (``cur``);
- cut before a right dependent of the content's root or head noun (a trailing prepositional
  phrase, adverbial clause, conjunct, appositive), or before a comma;
- extended by the cue's right dependents after the content ("referring to [X as Y]"), the
  content root's conjuncts, or to the end of the clause / sentence.

The model is a logistic regression fitted on PolNeAR train by
``eval/polnear_boundary.py --train`` (weights :data:`WEIGHTS`, hashed features, numbers
only). A reading replaces the one found only when it scores ``margin`` higher; without the
file nothing changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from .relations import Attribution
from .tagger import NBITS, _h
from .tokenspans import char_span, contiguous, doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

WEIGHTS = Path(__file__).with_name("boundary_weights.npz")
# right dependents before which a content may end
CUT_DEPS = frozenset(("prep", "advcl", "npadvmod", "advmod", "conj", "cc", "appos", "relcl",
                      "acl", "dobj", "dative", "xcomp", "ccomp", "punct", "agent", "oprd",
                      "parataxis", "mark"))
# dependents of the cue that may continue its content to the right
EXTEND_DEPS = frozenset(("prep", "advcl", "xcomp", "ccomp", "oprd", "dobj", "conj", "advmod",
                         "npadvmod", "dative", "acomp", "attr"))
KINDS = ("cur", "cut", "comma", "sib", "conj", "clause", "sentend", "lcomma", "lsubj")
_MAX_CANDIDATES = 14


@dataclass(frozen=True)
class Reading:
    """One candidate content: its kind, the dependent that made it, its token range."""

    kind: str
    anchor: Token | None
    lo: int
    hi: int  # inclusive token ids


_INDEX_KEY = "corroborator.boundary.index"


@dataclass(frozen=True)
class _Index:
    """Per-token arrays of a parsed paragraph, built once for all its attributions (Token
    objects are costly to create one by one)."""

    starts: np.ndarray
    ends: np.ndarray
    sent_end: np.ndarray  # id past the last token of the token's sentence
    verb: np.ndarray
    quote: np.ndarray
    alpha: np.ndarray
    edge: np.ndarray  # punctuation (not a quotation mark) or space: trimmed off a reading


def _index(doc: Doc) -> _Index:
    found = doc.user_data.get(_INDEX_KEY)
    if found is None:
        from spacy.symbols import AUX, VERB

        arr = doc.to_array(["IDX", "LENGTH", "POS", "IS_ALPHA", "IS_PUNCT", "IS_QUOTE",
                            "IS_SPACE"]).astype(np.int64).reshape(len(doc), 7)
        sent_end = np.zeros(len(doc), dtype=np.int64)
        for sent in doc.sents:
            sent_end[sent.start: sent.end] = sent.end
        quote = arr[:, 5].astype(bool)
        found = _Index(arr[:, 0], arr[:, 0] + arr[:, 1], sent_end,
                       (arr[:, 2] == VERB) | (arr[:, 2] == AUX), quote, arr[:, 3].astype(bool),
                       (arr[:, 4].astype(bool) & ~quote) | arr[:, 6].astype(bool))
        doc.user_data[_INDEX_KEY] = found
    return found


def _token_range(doc: Doc, offset: int, span: tuple[int, int]) -> tuple[int, int]:
    """``[lo, hi)`` ids of the tokens wholly inside the characters ``span`` (absolute)."""
    index = _index(doc)
    lo = int(np.searchsorted(index.starts, span[0] - offset, side="left"))
    hi = int(np.searchsorted(index.ends, span[1] - offset, side="right"))
    return lo, max(lo, hi)


def _content_tokens(doc: Doc, offset: int, span: tuple[int, int]) -> list[Token]:
    """The tokens wholly inside the characters ``span`` (absolute offsets)."""
    lo, hi = _token_range(doc, offset, span)
    return [doc[i] for i in range(lo, hi)]


def _roots(tokens: list[Token]) -> list[Token]:
    ids = {t.i for t in tokens}
    return [t for t in tokens if t.head.i not in ids or t.head.i == t.i]


def readings(doc: Doc, att: Attribution, offset: int) -> tuple[list[Reading], list[Token]]:
    """Candidate token ranges for the content of ``att`` (the first is the current one)."""
    toks = _content_tokens(doc, offset, att.content)
    if not toks:
        return [], []
    lo, hi = toks[0].i, toks[-1].i
    out = [Reading("cur", None, lo, hi)]
    cue = _content_tokens(doc, offset, att.cue) if att.cue else []
    cue_ids = {t.i for t in cue}
    speaker = set()
    if att.speaker:
        speaker = {t.i for t in _content_tokens(doc, offset, att.speaker)}
    blocked = cue_ids | speaker
    roots = _roots(toks)
    main = max(roots, key=lambda t: t.right_edge.i - t.left_edge.i)
    seen = {(lo, hi)}
    index = _index(doc)

    def add(kind: str, anchor: Token | None, a: int, b: int) -> None:
        while b > a and index.edge[b]:
            b -= 1
        while a < b and index.edge[a]:
            a += 1
        if a > b or (a, b) in seen or any(a <= i <= b for i in blocked):
            return
        if not index.alpha[a: b + 1].any():
            return
        seen.add((a, b))
        out.append(Reading(kind, anchor, a, b))

    # cuts: before a right dependent of the root, or of the root's object / head noun
    heads = [main] + [c for c in main.children if c.dep_ in ("dobj", "pobj", "attr", "nsubj")
                      and lo <= c.i <= hi]
    for head in heads:
        for child in head.children:
            if child.i > head.i and lo < child.left_edge.i <= hi and child.dep_ in CUT_DEPS:
                add("cut", child, lo, child.left_edge.i - 1)
    for t in toks:
        if t.text in (",", ";", "—", "–") and lo < t.i < hi:
            add("comma", t, lo, t.i - 1)
            if t.i < main.i:  # "Boasting 108,000 residents, [the leaners seem ...]"
                add("lcomma", t, t.i + 1, hi)
    for child in main.children:  # a fronted phrase before the clause's subject
        if child.dep_ in ("nsubj", "nsubjpass", "expl") and lo < child.left_edge.i < main.i:
            add("lsubj", child, child.left_edge.i, hi)
    # extensions: the cue's right dependents after the content
    sent_end = int(index.sent_end[lo])
    verb = cue[-1] if cue else None
    if cue:
        heads_of_cue = [t for t in cue if t.head.i not in cue_ids or t.head.i == t.i]
        verb = heads_of_cue[0] if heads_of_cue else cue[-1]
        for child in sorted(verb.children, key=lambda c: c.i):
            if child.i > hi and child.dep_ in EXTEND_DEPS and child.right_edge.i < sent_end:
                add("sib", child, lo, child.right_edge.i)
    for child in main.children:
        if child.dep_ == "conj" and child.i > hi:
            add("conj", child, lo, child.right_edge.i)
    if main.head.i != main.i and main.head.i not in cue_ids and main.head.i > hi:
        add("clause", main.head, lo, main.head.right_edge.i)
    add("sentend", None, lo, sent_end - 1)
    return out[:_MAX_CANDIDATES], cue


def _size(n: int) -> int:
    return 0 if n < 3 else 1 if n < 6 else 2 if n < 12 else 3 if n < 25 else 4


def features(doc: Doc, att: Attribution, reading: Reading, cur: Reading,
             cue: list[Token], others: frozenset[int] = frozenset()) -> list[int]:
    """Hashed features of one reading, relative to the reading the rules found.

    ``others`` holds the token ids of the other attributions' cues in the paragraph: a
    reading that swallows one holds a second statement.
    """
    kind = KINDS.index(reading.kind) + 1
    first, last = doc[reading.lo], doc[reading.hi]
    nxt = doc[reading.hi + 1] if reading.hi + 1 < len(doc) else None
    anchor = reading.anchor
    adep = anchor.dep if anchor is not None else 0
    alow = anchor.lower if anchor is not None else 0
    cue_lemma = cue[-1].lemma if cue else 0
    cue_pos = cue[-1].pos if cue else 0
    delta = (reading.hi - reading.lo) - (cur.hi - cur.lo)
    dsize = _size(abs(delta)) * (1 if delta >= 0 else -1)
    index = _index(doc)
    at_end = bool(reading.hi >= index.sent_end[reading.lo] - 2)
    has_verb = bool(index.verb[reading.lo: reading.hi + 1].any())
    has_quote = bool(index.quote[reading.lo: reading.hi + 1].any())
    cur_end = doc[cur.hi]
    feats = [
        _h(201, kind), _h(202, kind, adep), _h(203, kind, alow), _h(204, kind, cue_lemma),
        _h(205, kind, dsize), _h(206, kind, _size(reading.hi - reading.lo + 1)),
        _h(207, kind, last.pos), _h(208, kind, last.dep), _h(209, kind, at_end),
        _h(210, kind, has_verb), _h(211, kind, has_quote), _h(212, kind, cue_pos),
        _h(213, kind, nxt.lower if nxt is not None else 0),
        _h(214, kind, adep, cue_pos), _h(215, kind, att.kind == "direct"),
        _h(216, kind, first.dep, first.pos), _h(217, kind, cur_end.dep),
        _h(218, kind, adep, cur_end.pos), _h(219, kind, adep, cue_lemma),
        _h(220, kind, cue[0].i > reading.hi if cue else 2),
        _h(221, kind, (att.cue_lemma or "") == "according to"),
        _h(226, kind, reading.lo - cur.lo > 0, reading.hi - cur.hi > 0),
        _h(227, kind, first.lower), _h(228, kind, doc[reading.lo - 1].lower if reading.lo else 0),
        _h(222, kind, adep, alow, cue_pos),
    ]
    if anchor is not None:
        feats += [_h(223, kind, anchor.pos, adep), _h(224, kind, adep, anchor.head.dep),
                  _h(225, kind, adep, anchor.head.pos)]
    if others:
        inside = any(reading.lo <= i <= reading.hi for i in others)
        was = any(cur.lo <= i <= cur.hi for i in others)
        feats.append(_h(229, kind, inside, was))
    return feats


@dataclass(frozen=True)
class Model:
    weights: np.ndarray
    bias: float
    margin: float


def load_sparse(path: Path, setting: str) -> tuple[np.ndarray, float, float] | None:
    """Dense hashed weights, bias and the named setting of a weights file (``None`` when
    the file is absent)."""
    if not path.exists():
        return None
    with np.load(path) as data:
        dense = np.zeros(1 << NBITS, dtype=np.float32)
        dense[data["idx"]] = data["val"].astype(np.float32)
        return dense, float(data["bias"]), float(data[setting])


@lru_cache(maxsize=2)
def load_model(path: Path = WEIGHTS) -> Model | None:
    """The fitted weights, or ``None`` without the file (the rules' readings stay)."""
    found = load_sparse(path, "margin")
    return Model(*found) if found is not None else None


def other_cues(doc: Doc, atts: list[Attribution], offset: int) -> list[frozenset[int]]:
    """Per attribution, the token ids of the cues of the others."""
    ids = [frozenset(range(*_token_range(doc, offset, a.cue))) if a.cue else frozenset()
           for a in atts]
    return [frozenset().union(*(c for j, c in enumerate(ids) if j != k))
            for k in range(len(atts))]


def scored_readings(doc: Doc, att: Attribution, offset: int, model: Model,
                    others: frozenset[int] = frozenset()) -> list[tuple[float, Reading]]:
    cands, cue = readings(doc, att, offset)
    if not cands:
        return []
    cur = cands[0]
    out = []
    swallowed = {i for i in others if cur.lo <= i <= cur.hi}
    for r in cands:
        if any(r.lo <= i <= r.hi and i not in swallowed for i in others):
            continue  # another statement's cue: the reading would hide that statement
        out.append((float(model.weights[features(doc, att, r, cur, cue, others)].sum()), r))
    return out


def refit(doc: Doc, atts: list[Attribution], offset: int,
          model: Model | None = None) -> list[Attribution]:
    """Replace each content by the best-scoring reading when it beats the found one by the
    model's margin (in place; returns ``atts``)."""
    model = model or load_model(WEIGHTS)
    if model is None:
        return atts
    text = doc_text(doc)
    for att, others in zip(atts, other_cues(doc, atts, offset), strict=True):
        if att.pending_colon or att.fixed:
            continue
        scored = scored_readings(doc, att, offset, model, others)
        if len(scored) < 2:
            continue
        best_score, best = max(scored, key=lambda x: x[0])
        if best.kind == "cur" or best_score < scored[0][0] + model.margin:
            continue
        span = char_span(contiguous(list(doc[best.lo: best.hi + 1])), offset, text)
        if span is not None:
            att.content = span
    return atts


def release(doc: Doc) -> None:
    """Forget the per-token arrays kept on ``doc`` during the attribution pass."""
    doc.user_data.pop(_INDEX_KEY, None)
