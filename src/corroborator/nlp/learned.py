"""Cue frames fitted on annotated news: (lemma, complement) pairs that report speech.

The hand-written lexicon (:mod:`.cues`) lists the common reporting verbs and says, per verb,
whether a noun-phrase object can be the content. PolNeAR's annotation shows many more
pairs: verbs ("railed [against X]", "invoked [X]"), adjectives after a copula ("is critical
[of X]", "was eager [to run]") and nouns with a possessor ("Trump's embrace [of X]").
``eval/polnear_cues.py`` counts them on the train split and writes :mod:`.learned_cues`.
A frame is used only when its head has a speaker (a subject, or the noun's possessor), or
as a frame of its own kind: a noun held by the subject of the verb it is the object of, or
a bare head with no speaker at all (its claim then has none).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from .cues import CueEntry

if TYPE_CHECKING:
    from spacy.tokens import Token

try:
    from .learned_cues import FRAMES
except ImportError:  # not fitted yet
    FRAMES: dict[str, dict[str, dict[str, tuple[int, int]]]] = {}  # type: ignore[no-redef]

HEAD_KINDS = ("verb", "adj", "noun")
# Kinds fitted apart from the kind whose complements they take. A bare head has no speaker
# in its sentence ("was asked about X", "questions about X"): PolNeAR annotates such
# source-less attributions too, and their claims have no speaker. A held noun is the object
# of a verb whose subject holds it ("X voiced concerns about Y").
BASE_KINDS = {"bare_verb": "verb", "bare_noun": "noun", "held_noun": "noun"}
_DEPS = {"verb": ("dobj", "ccomp", "xcomp"), "adj": ("ccomp", "xcomp"),
         "noun": ("acl", "ccomp")}
# Stances of the kinds of head: an adjective after a copula is an attitude ("is confident
# that", "was critical of"), a verb or noun known only from the fit is neutral reporting.
_STANCES = {"verb": "stated", "adj": "hedged", "noun": "stated", "bare_verb": "hedged",
            "bare_noun": "hedged", "held_noun": "stated"}


def head_kind(tok: Token) -> str | None:
    """Which kind of cue head ``tok`` could be: a verb, a predicate adjective or a noun."""
    if tok.pos_ == "VERB":
        return "verb"
    if tok.pos_ == "ADJ" and tok.dep_ == "acomp":
        return "adj"
    if tok.pos_ == "NOUN" and any(c.dep_ == "poss" for c in tok.children):
        return "noun"
    return None


def frame_of(child: Token, kind: str = "verb") -> str | None:
    """The frame name of a complement: its dependency, or ``prep:<word>`` for a preposition."""
    kind = BASE_KINDS.get(kind, kind)
    if child.dep_ in _DEPS[kind]:
        return child.dep_
    if child.dep_ == "prep":
        return f"prep:{child.lower_}"
    mark = _mark(child)
    if kind == "verb" and mark is not None:  # "called [for] the governor to resign"
        return f"advcl:{mark.lower_}"
    return None


def _mark(child: Token) -> Token | None:
    """The subordinator opening an adverbial clause right after its head ("for X to Y")."""
    if child.dep_ != "advcl":
        return None
    marks = [m for m in child.children if m.dep_ == "mark" and m.i == child.left_edge.i]
    return marks[0] if marks and marks[0].lower_ in ("for", "about", "of", "on") else None


def frame_content(child: Token) -> list[Token]:
    """The content a frame carries: the complement's subtree, or the preposition's object."""
    if child.dep_ == "prep":
        objs = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
        return list(objs[0].subtree) if objs else []
    mark = _mark(child)
    return [t for t in child.subtree if mark is None or t.i != mark.i]


def frame_instances(head: Token, kind: str) -> Iterator[tuple[str, Token, list[Token]]]:
    """``(frame, complement, content tokens)`` for each complement to the right of ``head``.

    An object followed by a preposition of the same verb is also a frame of its own,
    ``dobj+prep:<word>`` ("accused [Sanders of pandering]", "blamed [X for Y]"), listed
    first: where it is known it is the better reading.
    """
    kind = BASE_KINDS.get(kind, kind)
    rights = [c for c in head.children if c.i > head.i]
    objs = [c for c in rights if c.dep_ == "dobj"]
    if kind == "verb" and objs:
        for prep in rights:
            if prep.dep_ == "prep" and prep.i > objs[0].i:
                yield (f"dobj+prep:{prep.lower_}", objs[0],
                       list(objs[0].subtree) + list(prep.subtree))
    for child in rights:
        name = frame_of(child, kind)
        if name is None:
            continue
        tokens = frame_content(child)
        if tokens:
            yield name, child, tokens


def has_frame(lemma: str, frame: str, kind: str = "verb") -> bool:
    return frame in FRAMES.get(kind, {}).get(lemma.lower(), {})


def learned_entry(lemma: str, kind: str = "verb") -> CueEntry | None:
    """A cue entry for a head known only from the fitted frames."""
    lemma = lemma.lower()
    if lemma in FRAMES.get(kind, {}):
        return CueEntry(lemma, _STANCES[kind], "learned")
    return None


def learned_content(head: Token, kind: str = "verb") -> tuple[list[Token], Token | None]:
    """Content of the first fitted frame among the head's right complements, and the
    preposition that joins the cue ("railed against", "critical of")."""
    frames = FRAMES.get(kind, {}).get(head.lemma_.lower())
    if not frames:
        return [], None
    for name, child, tokens in frame_instances(head, kind):
        if name in frames:
            return tokens, child if child.dep_ == "prep" else _mark(child)
    return [], None
