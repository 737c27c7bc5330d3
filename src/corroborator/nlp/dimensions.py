"""What a measure in a unit says of its clause's subject: "the slick covers 300 square
kilometres" gives the slick's area, "the train was travelling at 118 km/h" the train's speed.

A reader names such a figure by its owner and the dimension its unit measures; the clause
around it ("the slick covers …") only says so in more words. The subject owns the measure
when the verb tells its own extent ("covers", "stretched", "weighed"): a verb that acts on
what the figure measures ("the blaze has destroyed 300 hectares of forest", "the firm
spilled 3,000 barrels") leaves the figure to its object. Anything that moves does so at its
own speed, whatever the verb, unless the verb moves something else ("pushed the car to
200 km/h").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .revisions import FIGURE_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["owned_measure"]

_AREA, _SPEED, _LENGTH, _WEIGHT, _TEMPERATURE = "area", "speed", "length", "weight", \
    "temperature"

# The scanner's canonical units by the dimension a reader names them with.
_DIMENSION_OF_UNIT = {
    **dict.fromkeys(["square kilometre", "square mile", "square metre", "square foot",
                     "hectare", "acre"], _AREA),
    **dict.fromkeys(["kilometre per hour", "mile per hour", "metre per second", "knot"],
                    _SPEED),
    **dict.fromkeys(["kilometre", "mile", "metre", "nautical mile", "yard"], _LENGTH),
    **dict.fromkeys(["tonne", "ton", "kilogram", "megatonne"], _WEIGHT),
    **dict.fromkeys(["celsius", "fahrenheit"], _TEMPERATURE),
}

# Verbs that tell their subject's own extent in a dimension. A length is not told by "be":
# "the wave was 10 metres high" is a height, "the wall is 2 metres thick" a thickness.
_OWNING_VERBS: dict[str, frozenset[str]] = {
    _AREA: frozenset("""cover span measure extend stretch spread grow sprawl reach occupy
        encompass be""".split()),  # noqa: SIM905
    _LENGTH: frozenset("stretch extend span measure run".split()),  # noqa: SIM905
    _WEIGHT: frozenset("weigh be".split()),  # noqa: SIM905
    _TEMPERATURE: frozenset("be reach hit top peak climb soar rise".split()),  # noqa: SIM905
}

# Subjects that are themselves a measure ("the speed limit is 130 km/h", "temperatures hit
# 41C"): their own words already say what the figure is.
_MEASURE_NOUNS = FIGURE_NOUNS | frozenset(
    """area size extent length distance speed velocity limit weight mass height depth width
    temperature temperatures heat reading""".split()  # noqa: SIM905
)

# Prepositions that join a figure to the verb whose subject owns it: "travelling at",
# "spread to", "grown to", "weighs in at".
_OWNING_PREPOSITIONS = frozenset(["at", "to", "of"])


def owned_measure(unit: str | None, verb: Token, subject: Token, figure: Token) -> str | None:
    """The figure as its subject's measure ("the slick's area", "the train's speed"), when
    ``unit`` has a dimension, ``figure`` (the token the figure hangs by) is the verb's own
    complement and ``verb`` tells ``subject``'s extent in that dimension; None otherwise.
    A pronoun subject names no one a reader of the explanation could find."""
    dimension = _DIMENSION_OF_UNIT.get((unit or "").lower())
    if dimension is None or subject.pos_ not in ("NOUN", "PROPN"):
        return None
    if subject.lemma_.lower() in _MEASURE_NOUNS or subject.lower_ in _MEASURE_NOUNS:
        return None
    own_subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(c.pos_ == "PRON" and c.lower_ not in ("which", "that") for c in own_subjects):
        return None
    if not _complement_of(figure, verb):
        return None
    if dimension == _SPEED:
        # "pushed the car to 200 km/h": the speed is the object's
        if any(c.dep_ == "dobj" and c.i != figure.i for c in verb.children):
            return None
    elif verb.lemma_.lower() not in _OWNING_VERBS[dimension]:
        return None
    # "winds' speed", but "the bus's speed"
    ending = "'" if subject.tag_ in ("NNS", "NNPS") else "'s"
    return f"{_as_written(subject)}{ending} {dimension}"


def _complement_of(figure: Token, verb: Token) -> bool:
    """Whether the figure completes the verb itself: its object ("covers 300 square
    kilometres"), a measure beside it ("stretched 12 kilometres"), or the object of a
    preposition of the verb ("travelling at 118 km/h")."""
    if figure.head == verb:
        return figure.dep_ in ("dobj", "npadvmod", "attr", "advmod", "acomp", "obj")
    head = figure.head
    return figure.dep_ == "pobj" and head.head == verb and head.lower_ in _OWNING_PREPOSITIONS


def _as_written(subject: Token) -> str:
    """The subject with the words before it that belong to it ("the slick", "the Gannet
    Ridge slick"); a first word capitalised only because it opens the sentence ("The",
    "Winds") in lower case; a subject brought in as new ("an oil slick covering …") is the
    one the reader has now met ("the oil slick's area")."""
    words = subject.doc[subject.left_edge.i : subject.i + 1]
    out = [t.text for t in words]
    first = words[0]
    if first.is_sent_start and first.pos_ != "PROPN":
        out[0] = first.lower_
    if first.lower_ in ("a", "an"):
        out[0] = "the"
    return " ".join(out)
