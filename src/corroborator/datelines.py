"""Wire datelines: "LONDON (Reuters) - ", "VELLEN, Nov 19 (Orrin Wire) — ",
"SANTAVEL, Meridia, Nov 3 (MPA) - ".

A dateline opens a report's first paragraph with the place it was filed from and the
agency. It is no part of the story's text: not content to compare between copies, not a
word of what a figure counts ("VELLEN, Nov 19 — About 300,000 homes lost ..." counts homes),
no name of the story (every report the agency files that day shares it), and no speaker.
The claims, reuse, stories and compare stages all read it with this one pattern.
"""

from __future__ import annotations

import re
from functools import lru_cache

# The place in capitals; after a comma, anything short up to the dash (a country, a date);
# the agency in brackets; the dash, which a dateline must have.
DATELINE = re.compile(
    r"[ \t]*(?P<place>[A-Z][A-Z'’.\- ]{1,40})(?:,[^\n—–(]{1,40})?\s*(?:\([^)\n]{1,40}\))?"
    r"\s*[—–-]{1,2}\s+"
)


def dateline_end(text: str, start: int = 0, end: int | None = None) -> int:
    """Where the story begins after a dateline that opens ``text[start:end]``, or ``start``
    when there is none (or nothing follows it)."""
    end = len(text) if end is None else end
    match = DATELINE.match(text, start, end)
    return match.end() if match and match.end() < end else start


def line_without_dateline(line: str) -> str:
    """``line`` without the wire dateline that opens it, if one does."""
    match = DATELINE.match(line)
    return line[match.end():] if match else line


def without_dateline(text: str) -> str:
    """``text`` without a wire dateline opening any of its lines."""
    return "\n".join(line_without_dateline(line) for line in text.split("\n"))


@lru_cache(maxsize=512)
def dateline_places(text: str) -> frozenset[str]:
    """The places of the datelines that open lines of ``text`` ("KESTREL BAY")."""
    places = set()
    for line in text.split("\n"):
        match = DATELINE.match(line)
        if match and match.end() < len(line):
            places.add(match.group("place").strip())
    return frozenset(places)


__all__ = ["DATELINE", "dateline_end", "dateline_places", "line_without_dateline",
           "without_dateline"]
