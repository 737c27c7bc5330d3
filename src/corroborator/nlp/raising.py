"""Passive verbs of knowing and believing that lift their infinitive's subject: in "14 people
are now known to have died" the people are the subject of "known" in the parse, but what
befell them is "died"; "are known" says only how sure the source is.

The figure's clause is the infinitive's, so the measured phrase reads "people who died" (or
"miners killed" for "are believed to have been killed"), and a count told this way is
compared with "14 people died" as the same count.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["raised_infinitive", "is_passive"]

# Lemmas of verbs whose passive takes a "to"-infinitive about its subject: "are believed to
# have been killed", "is thought to be trapped", "were reported to have fled". (Not "force",
# "order" or "allow": "were forced to flee" says what was done to them, and the semi-modal
# rule in nlp.quantities keeps both verbs.)
_RAISING_LEMMAS = frozenset([
    "know", "believe", "think", "fear", "presume", "assume", "report", "say", "understand",
    "expect", "suspect", "confirm", "estimate", "feel", "consider", "rumour", "rumor",
    "reckon", "suppose", "claim", "allege",
])


def is_passive(verb: Token) -> bool:
    """Whether ``verb`` is passive in its clause ("have been killed", "are known")."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def raised_infinitive(subject: Token, verb: Token | None) -> Token | None:
    """The infinitive ``verb`` lifts ``subject`` out of, when ``verb`` is a passive verb of
    knowing or believing whose passive subject is ``subject`` ("died" for "people" in
    "people are known to have died"); None otherwise."""
    if verb is None or subject.head != verb or subject.dep_ != "nsubjpass":
        return None
    if verb.lemma_.lower() not in _RAISING_LEMMAS or verb.tag_ != "VBN":
        return None
    for child in verb.children:
        if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX") and any(
                c.dep_ == "aux" and c.tag_ == "TO" for c in child.children):
            return child
    return None
