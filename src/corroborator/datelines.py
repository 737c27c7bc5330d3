"""Wire datelines: "LONDON (Reuters) - ", "VELLEN, Nov 19 (Orrin Wire) — ".

A dateline opens a report's first paragraph with the place it was filed from and the
agency. It is no part of the story's text: not content to compare between copies, and not a
word of what a figure counts ("VELLEN, Nov 19 — About 300,000 homes lost ..." counts homes).
"""

from __future__ import annotations

import re

DATELINE = re.compile(
    r"[A-Z][A-Z .,'’-]{1,40}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*"
    r"(?:\([A-Za-z .&-]{1,30}\))?\s*[-–—]{1,2}\s+"
)


def dateline_end(text: str, start: int = 0, end: int | None = None) -> int:
    """Where the story begins after a dateline that opens ``text[start:end]``, or ``start``
    when there is none (or nothing follows it)."""
    end = len(text) if end is None else end
    match = DATELINE.match(text, start, end)
    return match.end() if match and match.end() < end else start


__all__ = ["DATELINE", "dateline_end"]
