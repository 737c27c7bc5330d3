"""Counts restricted to a route or a place of origin: "four flights between Vanora and US
cities", "3,000 people from Harl".

Such a count counts part of what a count of the same noun without the restriction counts
(the airline's flights on its US routes are some of the airport's 38 cancelled flights), so
the two fit together as intervals without being one claim, and the smaller corroborates
nothing of the larger. The restriction is read from the words right after the figure: its
counted noun, then "between", "from" or "to" with the names of the places; only a phrase
that names a place is taken, so "flights to be rebooked" restricts nothing.
"""

from __future__ import annotations

import re

from ..records import Article, Quantity

# The counted noun after the figure, with up to two words before it, then the preposition
# that opens a route and what follows it in the clause.
_AFTER_FIGURE = re.compile(
    r"\s+(?P<words>(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)\s+(?P<prep>between|from|to)\s+"
    r"(?P<rest>[^,;:!?]{1,80})")
# Words that may stand between the places of a route without ending it.
_JOINING = frozenset(["and", "or", "the", "of", "&"])
_NAME = re.compile(r"[A-Z][\w.'’-]*")


def route_names(text: str, q: Quantity) -> frozenset[str]:
    """The places a count is restricted to by a route after its counted noun ("Vanora" and
    "U.S." of "four flights between Vanora and U.S. cities"); empty when none is told."""
    unit = (q.unit or "").lower()
    if q.kind != "count" or not unit:
        return frozenset()
    found = _AFTER_FIGURE.match(text, q.span.end)
    if found is None or not _names_the_unit(found.group("words").split()[-1], unit):
        return frozenset()
    names = []
    for word in found.group("rest").split():
        if _NAME.fullmatch(word):
            names.append(word.rstrip(".") if word.count(".") == 1 else word)
        elif word.lower() not in _JOINING:
            break  # the route ends at the first common word after its names
    return frozenset(names)


def _names_the_unit(word: str, unit: str) -> bool:
    """Whether ``word`` is the counted noun ``unit`` (either may be written singular)."""
    word = word.lower()
    return word == unit or word.rstrip("s") == unit.rstrip("s")


def restricted_apart(first: Article | None, q1: Quantity, second: Article | None,
                     q2: Quantity) -> bool:
    """Whether one of two counts of different values is restricted to a route whose places
    the other's sentence does not name: a count of part of what the other counts, not the
    same count. (With one value, the other report only left the route out.)"""
    if first is None or second is None or q1.value is not None and q1.value == q2.value:
        return False
    for (mine, own), (other, theirs) in (((first, q1), (second, q2)),
                                         ((second, q2), (first, q1))):
        names = route_names(mine.text, own)
        if names and not all(name in _sentence_around(other.text, theirs) for name in names):
            return True
    return False


def _sentence_around(text: str, q: Quantity) -> str:
    """The sentence of ``text`` that holds the figure (cut at sentence stops and lines)."""
    start = max(text.rfind(". ", 0, q.span.start), text.rfind("\n", 0, q.span.start)) + 1
    stop = [i for i in (text.find(". ", q.span.end), text.find("\n", q.span.end)) if i >= 0]
    return text[start : min(stop) if stop else len(text)]
