"""Clauses whose verb is not what befell those a figure counts.

Passive verbs of knowing and believing lift their infinitive's subject: in "14 people are
now known to have died" the people are the subject of "known" in the parse, but what befell
them is "died" ("are known" says only how sure the source is), so the measured phrase reads
"people who died" ("miners killed" for "are believed to have been killed"). A participle of
harm after the clause of what happened ("..., killing 17 people") tells what it did to them:
"people killed". Either way the count is compared with "14 people died" as the same count.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["raised_infinitive", "is_passive", "harm_told_after"]

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


# Verbs of harm whose present participle, after the clause of what happened, tells what it
# did to those counted: "a section fell into the river, killing 17 people" counts the people
# killed, not what "a section ... killing" did. Past participles, as a count names them.
_HARM_PARTICIPLES = {"kill": "killed", "injure": "injured", "wound": "wounded",
                     "hurt": "hurt", "maim": "maimed", "trap": "trapped", "strand": "stranded"}


def harm_told_after(counted: Token, verb: Token | None) -> str | None:
    """The past participle that names what befell ``counted`` when it is the object of a
    participle of harm joined to a clause ("killing 17 people", "and injuring 40"); None
    otherwise."""
    if verb is None or verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "conj"):
        return None
    if counted.dep_ != "dobj" or counted.head != verb:
        return None
    return _HARM_PARTICIPLES.get(verb.lemma_.lower())
