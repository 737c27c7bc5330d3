"""A learned last check on each attribution found: is it an attribution at all?

The rules and the cue tagger each decide from one word and its tree; the same word
heads a statement in one sentence and a plain event in the next ("called for a vote" and
"called the meeting", "the deal was announced" and "he announced he would run"). With the
content settled (after :mod:`.boundary`) the whole relation is in view: cue word and
construction, who speaks, how long the content is and whether it holds a clause or a
quotation, and how sure the tagger was. A logistic regression over those hashed features
gives the probability that the relation matches an annotated one; relations below the
threshold are dropped.

The model is fitted on PolNeAR train by ``eval/polnear_keep.py --train`` (weights
:data:`WEIGHTS`, numbers only; the threshold is chosen on held-out train). Without the file
every relation is kept.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from .boundary import _index, _token_range, load_sparse
from .relations import Attribution
from .tagger import NBITS, _h

if TYPE_CHECKING:
    from spacy.tokens import Doc

WEIGHTS = Path(__file__).with_name("keep_weights.npz")
__all__ = ["NBITS", "Model", "features", "load_model", "probabilities", "screen"]
_KINDS = ("indirect", "direct", "mixed", "hearsay", "evidence")
_STANCES = ("stated", "hedged", "reported", "confirmed", "denied", "estimated")
_LABELS = ("PERSON", "ORG", "GPE", "NORP")


def _code(value: str | None, known: tuple[str, ...]) -> int:
    if value is None:
        return 0
    return known.index(value) + 1 if value in known else zlib.crc32(value.encode()) | 1 << 31


def _bucket(n: int) -> int:
    return 0 if n < 3 else 1 if n < 6 else 2 if n < 12 else 3 if n < 25 else 4


def features(doc: Doc, att: Attribution, offset: int) -> list[int]:
    """Hashed features of one attribution (which has a cue) in its parsed paragraph."""
    lo, hi = _token_range(doc, offset, att.cue)  # type: ignore[arg-type]
    cue = [doc[i] for i in range(lo, hi)] or [doc[min(lo, len(doc) - 1)]]
    ids = {t.i for t in cue}
    head = next((t for t in cue if t.head.i not in ids or t.head.i == t.i), cue[-1])
    clo, chi = _token_range(doc, offset, att.content)
    index = _index(doc)
    n = chi - clo
    has_verb = bool(index.verb[clo:chi].any())
    has_quote = bool(index.quote[clo:chi].any())
    score = -1 if att.score is None else int(att.score * 10)
    kind, stance = _code(att.kind, _KINDS), _code(att.stance, _STANCES)
    lemma = _code(att.cue_lemma, ())
    speaker = 0 if att.speaker is None else 1 + att.pronoun
    label = _code(att.speaker_label, _LABELS)
    side = 0 if n and clo > head.i else 1
    # the sentence from the paragraph's arrays (Token.sent builds a Span each time)
    send = int(index.sent_end[head.i])
    sstart = int(np.searchsorted(index.sent_end, send, side="left"))
    feats = [
        _h(301, head.lemma), _h(302, head.pos, head.dep), _h(303, head.lemma, head.dep),
        _h(304, head.tag), _h(305, kind), _h(306, stance), _h(307, score),
        _h(308, speaker, label), _h(309, _bucket(n)), _h(310, has_verb, has_quote),
        _h(311, side, kind), _h(312, head.lemma, speaker), _h(313, head.head.lemma, head.dep),
        _h(314, _bucket(len(cue))), _h(315, lemma), _h(316, lemma, has_verb),
        _h(317, score, head.pos), _h(318, head.lemma, side), _h(319, head.pos, _bucket(n)),
        _h(320, bool(index.quote[sstart:send].any())), _h(321, head.dep, speaker, side),
        _h(322, min(head.i - sstart, 5)), _h(323, lemma, speaker, label),
    ]
    if n:
        first = doc[clo]
        feats += [_h(324, first.lower), _h(325, first.pos, first.dep), _h(326, lemma, first.lower)]
    return feats


@dataclass(frozen=True)
class Model:
    weights: np.ndarray
    bias: float
    threshold: float


@lru_cache(maxsize=2)
def load_model(path: Path = WEIGHTS) -> Model | None:
    """The fitted weights, or ``None`` without the file (every relation stays)."""
    found = load_sparse(path, "threshold")
    return Model(*found) if found is not None else None


def probabilities(doc: Doc, atts: list[Attribution], offset: int, model: Model) -> list[float]:
    """Probability that each relation is an annotated one (1.0 for those without a cue)."""
    out = []
    for att in atts:
        if att.cue is None or att.pending_colon:
            out.append(1.0)
            continue
        logit = float(model.weights[features(doc, att, offset)].sum()) + model.bias
        out.append(1.0 / (1.0 + np.exp(-logit)))
    return out


def screen(doc: Doc, atts: list[Attribution], offset: int = 0,
           model: Model | None = None) -> list[Attribution]:
    """The relations of ``atts`` the model keeps (all of them without weights)."""
    model = model or load_model(WEIGHTS)
    if model is None:
        return atts
    probs = probabilities(doc, atts, offset, model)
    return [a for a, p in zip(atts, probs, strict=True) if p >= model.threshold]
