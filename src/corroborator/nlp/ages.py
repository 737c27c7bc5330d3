"""A bare number set off by commas after a person is that person's age: "Vasko, 61, denied
the charges", "The driver, Pavel Ilic, 52, had worked ...". News style gives ages so, and the
number counts nothing: read as a count it measured whatever verb followed ("Vasko denied").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

AGE_UNIT = "year of age"
# The oldest age a report gives a living person; larger numbers are no age.
_OLDEST = 120


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
