"""Cue frames fitted on annotated news: (verb lemma, complement) pairs that report speech.

The hand-written lexicon (:mod:`.cues`) lists the common reporting verbs and says, per verb,
whether a noun-phrase object can be the content. PolNeAR's annotation shows many more
pairs ("railed [against X]", "invoked [X]", "weighed in [on X]"); ``eval/polnear_cues.py``
counts them on the train split and writes :mod:`.learned_cues`. A frame is used only when
the verb has a speaker, as for every other cue; verbs that appear only here get the neutral
stance ``stated``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .cues import CueEntry

if TYPE_CHECKING:
    from spacy.tokens import Token

try:
    from .learned_cues import FRAMES
except ImportError:  # not fitted yet
    FRAMES: dict[str, dict[str, tuple[int, int]]] = {}  # type: ignore[no-redef]

FRAME_DEPS = ("dobj", "ccomp", "xcomp")


def frame_of(child: Token) -> str | None:
    """The frame name of a complement: its dependency, or ``prep:<word>`` for a preposition."""
    if child.dep_ in FRAME_DEPS:
        return child.dep_
    if child.dep_ == "prep":
        return f"prep:{child.lower_}"
    return None


def frame_content(child: Token) -> list[Token]:
    """The content a frame carries: the complement's subtree, or the preposition's object."""
    if child.dep_ == "prep":
        objs = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
        return list(objs[0].subtree) if objs else []
    return list(child.subtree)


def has_frame(lemma: str, frame: str) -> bool:
    return frame in FRAMES.get(lemma.lower(), {})


def learned_entry(lemma: str) -> CueEntry | None:
    """A cue entry for a verb known only from the fitted frames."""
    lemma = lemma.lower()
    if lemma in FRAMES:
        return CueEntry(lemma, "stated", "learned")
    return None


def learned_content(verb: Token) -> tuple[list[Token], Token | None]:
    """Content of the first fitted frame among the verb's right complements, and the
    preposition that joins the cue ("railed against")."""
    frames = FRAMES.get(verb.lemma_.lower())
    if not frames:
        return [], None
    for child in verb.children:
        if child.i <= verb.i:
            continue
        name = frame_of(child)
        if name is not None and name in frames:
            tokens = frame_content(child)
            if tokens:
                return tokens, child if child.dep_ == "prep" else None
    return [], None
