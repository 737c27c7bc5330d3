"""Nouns for people: what a count of people is, and whom an age describes.

Shared by the claims stage (a number after "children under", "people aged" is an age, not a
count) and the compare stage (a toll of "villagers" and one of "people" count the same
kind of thing), so both read people the same way.
"""

from __future__ import annotations

GENERIC_PEOPLE = frozenset(["people", "persons", "person", "individuals", "others", "those"])
# Endings of nouns for people ("resident", "villager", "civilian", "refugee", "fireman") and
# common nouns for people without them (singular, as ``noun_key`` gives them).
_PEOPLE_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "man", "men", "ee", "eer")
_PEOPLE_NOUNS = frozenset(
    """child children adult youth teen teenager baby infant victim troop fan staff crew police
    family relative hostage pilgrim tourist survivor casualty migrant patient
    dead wounded injured missing""".split()  # noqa: SIM905
)
# "-ment" makes nouns of acts and their results ("settlement", "shipment", "apartment"), never
# of people, though it ends like "resident".
_THING_ENDINGS = ("ment",)
# Things news counts whose names end like agent nouns: "23 shelters" housing evacuees, "12
# helicopters", "40 incidents" are no count of people, however close "evacuees housed
# shelters" reads to "people evacuated".
_THING_NOUNS = frozenset(
    """shelter center container computer helicopter tanker freighter carrier tower letter
    number order paper chapter quarter border meter liter chamber river trailer cluster
    crater tractor reactor sector generator corridor floor door elevator indicator motor
    incident accident event tent percent continent plant grant restaurant tree fee degree
    """.split()  # noqa: SIM905
)


def noun_key(unit: str | None) -> str | None:
    if not unit:
        return None
    word = unit.lower()
    for suffix, repl in (("ies", "y"), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)] + repl
    return word


def counts_people(noun: str) -> bool:
    """Whether a counted noun is a noun for people ("residents", "villagers", "children"),
    by the endings English gives agents and members, or a few common ones that lack them;
    "villages", "homes", "hectares" are not."""
    key = noun_key(noun) or ""
    if key in _THING_NOUNS or key.endswith(_THING_ENDINGS):
        return False
    return key in GENERIC_PEOPLE or key in _PEOPLE_NOUNS or key.endswith(_PEOPLE_ENDINGS)
