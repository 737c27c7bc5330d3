"""Numbers that give an age, not a count.

- A bare number set off by commas after a person is that person's age: "Vasko, 61, denied
  the charges", "The driver, Pavel Ilic, 52, had worked ...". News style gives ages so, and
  the number counts nothing: read as a count it measured whatever verb followed ("Vasko
  denied").
- A bound or range right after a noun for people is an age group: "children under five",
  "people over 65", "everyone aged 12 to 17", "adults over the age of 70". Read as a count,
  "about 40 children under five" held two counts of children, "under five" among them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..people_nouns import counts_people

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

AGE_UNIT = "year of age"
# The oldest age a report gives a living person; larger numbers are no age.
_OLDEST = 120
# Words that bound an age from the group's noun: "children under five", "people aged 70".
_BOUNDS = frozenset(["under", "over", "above", "below", "aged", "ages", "age", "between"])
# Pronouns that name people without a noun: "everyone aged 12 to 17".
_PEOPLE_PRONOUNS = frozenset(["everyone", "everybody", "anyone", "anybody", "those", "all"])


def age_of(anchor: Token, value: float | None) -> Token | None:
    """The person whose age ``anchor`` (a bare whole number) gives, or ``None``."""
    if value is None or not value.is_integer() or not 0 < value <= _OLDEST:
        return None
    if anchor.dep_ != "appos":
        return None
    doc = anchor.doc
    before = doc[anchor.i - 1] if anchor.i > 0 else None
    after = doc[anchor.i + 1] if anchor.i + 1 < len(doc) else None
    if before is None or before.text != "," or (after is not None and after.text != ","):
        return None
    # a named person only: "The team, 3, lost" is no age
    return anchor.head if anchor.head.ent_type_ == "PERSON" else None


def age_group_of(figure: Span, value: float | None) -> Token | None:
    """The noun for people whose age group ``figure`` bounds ("children" in "children under
    five"), or ``None``. The figure must count nothing itself ("boxes under 5 kilograms" has
    its own unit) and be a plausible age."""
    if value is None or not 0 < value <= _OLDEST:
        return None
    doc = figure.doc
    if figure.end < len(doc) and doc[figure.end].pos_ in ("NOUN", "PROPN"):
        return None
    bounded = figure[0].lower_ in _BOUNDS  # "under five", "between 5 and 11"
    i = figure.start - 1
    if i >= 1 and doc[i].lower_ == "of" and doc[i - 1].lower_ in ("age", "ages"):
        # "over the age of 70": the bound stands before "the age of"
        i -= 3 if i >= 2 and doc[i - 2].lower_ == "the" else 2
        bounded = False
    while i >= 0 and doc[i].lower_ in _BOUNDS:  # "aged", "under", "aged between"
        bounded, i = True, i - 1
    if not bounded or i < 0:
        return None
    person = doc[i]
    if person.lower_ in _PEOPLE_PRONOUNS:
        return person
    return person if person.pos_ == "NOUN" and counts_people(person.text) else None
