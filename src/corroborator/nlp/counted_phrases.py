"""What a count in a clause counts, as a reader's noun phrase: "the fault has been linked to
14 injuries" counts the injuries the fault has been linked to, "the closures would cost about
900 jobs" the jobs the closures would cost.

A clause written out with its figure left out ("the fault has been linked to … injuries")
says what is counted in the sentence's order, which reads as a quotation, not as a name for
the count. Putting the counted noun first and the clause after it as a relative clause ("the
injuries the fault has been linked to") names the same thing as a noun phrase, for any verb,
active or passive, with or without a preposition; what :mod:`.dimensions` does for a
subject's own extent ("the slick's area"), this does for a count of things. A conjunct
("linked to 14 injuries and two deaths") takes the preposition of the figure it is joined
to ("deaths the fault has been linked to").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["counted_first"]


def counted_first(clause: str, elided: str, noun: Token, first: Token,
                  verb: Token) -> str | None:
    """``clause`` ("the board has received … complaints", the figure as ``elided``) as the
    counted noun phrase followed by the rest of the clause ("complaints the board has
    received"); ``noun`` is the counted noun, ``first`` the clause's first word in the
    sentence, ``verb`` its verb. None when the figure does not stand after its verb with the
    counted words after it, or the verb is no finite one ("Storm Ilsa, cutting power to …
    homes"), which no relative clause can then follow."""
    before, found, after = clause.partition(elided)
    before, after = before.strip(), after.strip()
    if not found or not before or not after or noun.text not in after.split():
        return None
    if not _finite(verb):
        return None
    following = first.doc[first.i + 1] if first.i + 1 < len(first.doc) else None
    if first.is_sent_start and not _written_as_name(first) and not first.ent_type_ and not (
            following is not None and following.is_title) and before[:1].isupper():
        # "Volunteers brought" opens its sentence; inside a phrase it is "volunteers" (but
        # "Storm Ilsa" is a name, wherever it stands)
        before = before[:1].lower() + before[1:]
    preposition = _joined_preposition(noun)
    if preposition is not None and not before.endswith(" " + preposition):
        before = f"{before} {preposition}"
    return f"{after} {before}"


def _written_as_name(first: Token) -> bool:
    """Whether a word that opens its sentence, where every word has a capital, is a name:
    as the report writes it elsewhere, mid-sentence ("Brisant" of "jobs at Brisant", which
    the tagger takes for a common noun at the start); else as the tagger has it, but a
    capitalised plural it calls a plural name ("Evacuees are being housed", NNPS) is none
    without an entity."""
    elsewhere = [t for t in first.doc if t.lower_ == first.lower_ and not t.is_sent_start]
    if elsewhere:
        return all(t.text[:1].isupper() for t in elsewhere)
    return first.pos_ == "PROPN" and first.tag_ != "NNPS"


def _joined_preposition(noun: Token) -> str | None:
    """The preposition the first of a run of conjoined counts hangs on ("to" of "linked to 14
    injuries and two deaths", for "deaths"); None for a count that is no conjunct."""
    cur = noun
    while cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head
    if cur is noun or cur.dep_ != "pobj" or cur.head.dep_ != "prep":
        return None
    return cur.head.lower_


# Tags of a verb that carries its own tense: a relative clause can be built on it.
_FINITE_TAGS = frozenset(["VBD", "VBZ", "VBP"])


def _finite(verb: Token) -> bool:
    """Whether the clause's verb is finite itself or through an auxiliary ("killed", "has
    been linked", "would cost"), not a bare participle or gerund ("cutting")."""
    return verb.tag_ in _FINITE_TAGS or any(c.dep_ in ("aux", "auxpass")
                                            for c in verb.children)
