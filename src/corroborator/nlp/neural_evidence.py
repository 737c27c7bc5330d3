"""The neural tagger (:mod:`corroborator.nlp.neural_tags`) as evidence for the rules'
attributions: opt-in with ``[nlp] neural_tagger``.

The rules read exact boundaries and speakers off the parse; the tagger, reading wordpieces,
is worse at both but misses different statements. So the rules' attributions are kept
unless the tagger doubts them (a mean P(content) over their content below
:data:`DOUBTED_CONTENT`, or a mean P(cue) over their cue below :data:`DOUBTED_CUE`), and the
tagger's own relations are added where they touch no content the rules kept. Both thresholds
were chosen among twelve combinations on a held-out fifth of PolNeAR train
(eval/polnear_neural.py), never on dev.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from . import neural_tags as nt
from .relations import Attribution
from .tokenspans import chars_of, strip_pieces

DOUBTED_CONTENT = 0.2
DOUBTED_CUE = 0.1
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
NEURAL_LEMMA = "(neural)"  # cue_lemma of the tagger's relations: not a lexicon entry


def own_content(att: Attribution) -> set[int]:
    """Characters of the content that are not the attribution's own cue or speaker ("A, she
    said, B" holds both): the content as the annotation reads it, one role per token."""
    return chars_of([att.content]) - chars_of([att.cue, att.speaker])


def mean_role(roles: np.ndarray, role: str, chars: Iterable[int], text: str) -> float:
    """Mean P(``role``) over the non-space characters ``chars`` (0 when there are none)."""
    idx = sorted(c for c in chars if not text[c].isspace())
    return float(roles[nt.ROLES.index(role), idx].mean()) if idx else 0.0


def doubted(att: Attribution, roles: np.ndarray, text: str) -> bool:
    if mean_role(roles, "CONTENT", own_content(att), text) < DOUBTED_CONTENT:
        return True
    return att.cue is not None and mean_role(roles, "CUE", chars_of([att.cue]), text) < DOUBTED_CUE


def sentence_of(text: str, sentence: np.ndarray, span: tuple[int, int]) -> tuple[int, int]:
    """``[start, end)`` of the sentences (:func:`nt.sentence_ids`) ``span`` lies in."""
    first, last = sentence[span[0]], sentence[max(span[0], span[1] - 1)]
    inside = np.flatnonzero((sentence[:len(text)] >= first) & (sentence[:len(text)] <= last))
    return int(inside[0]), int(inside[-1]) + 1


def as_attributions(rel: nt.Attribution, text: str, sentence: np.ndarray
                    ) -> list[Attribution]:
    """One attribution per content piece of a tagger relation; the pieces share its cue (a
    quotation its cue interrupts is read as one statement, as the rules' split quotes are)."""
    cue = rel.cue[0] if rel.cue else None
    speaker = rel.source[0] if rel.source else None
    name = text[speaker[0]:speaker[1]].strip() if speaker else None
    out = []
    for piece in strip_pieces(rel.content, text):
        att = Attribution(content=piece, stance="stated", cue=cue,
                          cue_lemma=NEURAL_LEMMA if cue else None, speaker=speaker,
                          speaker_text=name, pronoun=bool(name and name.lower() in _PRONOUNS),
                          sentence=sentence_of(text, sentence, piece))
        out.append(att)
    return out


def check_attributions(atts: Sequence[Attribution], text: str,
                       tagger: nt.NeuralTagger | None = None) -> list[Attribution]:
    """``atts`` less those the tagger doubts, plus the tagger's relations whose content
    touches none of the kept contents."""
    tagger = tagger if tagger is not None else nt.load_model()
    tokens, probs = tagger.probabilities(text)
    roles = nt.char_roles(text, tokens, probs)
    kept = [a for a in atts if not doubted(a, roles, text)]
    taken = set().union(*(own_content(a) for a in kept))
    sentence = nt.sentence_ids(text)
    for rel in nt.relations(text, nt.spans(text, tokens, probs)):
        if not chars_of(strip_pieces(rel.content, text)) & taken:
            kept.extend(as_attributions(rel, text, sentence))
    return kept
