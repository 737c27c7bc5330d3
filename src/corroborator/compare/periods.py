"""The period a figure covers, read from the words around it: quarter, half-year, year, ...

"A net profit of $120 million in the third quarter" and "a net profit of $450 million for
the full year" measure different things, though their measured phrases are the same words
("net profit"): a quarter's profit is not a year's. Business and statistics reports tell the
period next to the figure, inside its clause, so the words between the clause's edges (commas,
semicolons, the sentence's ends) and a short reach either side of the figure are read. Two
figures whose periods are both told and differ are never one measured thing; a figure whose
period is not told is left to the other checks.
"""

from __future__ import annotations

import re

_CLASSES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE)) for name, pattern in (
        ("quarter", r"\b(?:quarter(?:ly)?|(?:first|second|third|fourth)[- ]quarter|q[1-4]|"
                    r"three months)\b"),
        ("half", r"\b(?:half[- ]year(?:ly)?|(?:first|second) half|semi-?annual(?:ly)?|h[12]|"
                 r"six months)\b"),
        ("year", r"\b(?:annual(?:ly)?|full[- ]year|yearly|(?:fiscal|financial|calendar) year|"
                 r"(?:this|last|next|the|a|per|each|every) year|12 months|twelve months)\b"),
        ("month", r"\b(?:monthly|(?:per|each|every|a) month)\b"),
        ("week", r"\b(?:weekly|(?:per|each|every|a) week)\b"),
        ("day", r"\b(?:daily|(?:per|each|every) day)\b"),
    )
)
# how far (characters) either side of the figure the period may be told
REACH_BEFORE = 60
REACH_AFTER = 45
_EDGE = re.compile(r"[,;:.!?()\n]")


def period_of(text: str, start: int, end: int) -> str | None:
    """The period class of the figure at ``text[start:end]`` ("quarter", "half", "year",
    "month", "week", "day"), or None when no period, or more than one, is told near it."""
    before = text[max(0, start - REACH_BEFORE) : start]
    edges = list(_EDGE.finditer(before))
    if edges:
        before = before[edges[-1].end() :]
    after = text[end : end + REACH_AFTER]
    edge = _EDGE.search(after)
    if edge:
        after = after[: edge.start()]
    window = f"{before} {after}"
    found = {name for name, pattern in _CLASSES if pattern.search(window)}
    return found.pop() if len(found) == 1 else None


def different_periods(a: str | None, b: str | None) -> bool:
    """True when both periods are told and differ."""
    return a is not None and b is not None and a != b
