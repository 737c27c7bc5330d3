"""Numbers that count things the sentence has already named: "Orlavia and Tesmark ... the
first swap between the two countries". Such a number restates how many names came before,
so it is no figure anyone reports and nothing to compare."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Determiners that point back to things already introduced.
_DEFINITE = frozenset(["the", "these", "those", "both"])


def _names_joined(first: Token) -> int:
    """How many proper names a coordination starting at ``first`` lists ("Orlavia and
    Tesmark": 2; "Sony, Apple and Microsoft": 3)."""
    count, frontier = 1, [first]
    while frontier:
        tok = frontier.pop()
        for child in tok.children:
            if child.dep_ == "conj" and child.pos_ == "PROPN":
                count += 1
                frontier.append(child)
    return count


def restates_named_count(span: Span, value: float | None) -> bool:
    """Whether the count in ``span`` is "the N <things>" for N names coordinated earlier in
    its sentence: the definite article says the things are known, the names say which."""
    number = span.root
    noun = number.head
    if value is None or not value.is_integer() or not 2 <= value <= 10:
        return False
    if number.dep_ != "nummod" or noun.tag_ != "NNS" or noun.i != span.end:
        return False
    if not any(c.dep_ in ("det", "predet") and c.lower_ in _DEFINITE and c.i < number.i
               for c in noun.children):
        return False
    sentence = number.sent
    return any(
        tok.pos_ == "PROPN" and tok.dep_ != "conj" and _names_joined(tok) == int(value)
        for tok in sentence if tok.i < number.i
    )
