"""When a live page told each of its entries.

A live-updates page is published once (its first entry) and then grows for hours, each
entry under a line holding only its time ("13:10", "9:15 am"). A claim of the 13:10 entry
was not there at the page's publication time: dated by the page, the operator's figure of
13:10 would be "first seen" hours before the operator gave it, and the police's "at least
six" of 09:15 would read as a later rewording of their "nine" of 10:02. A claim under such a
time line is dated by it, on the page's date; the summary above the first entry ("Key
points") by the latest entry, whose state it sums up.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

from ..records import Article, Claim, Span

# A line holding only a time of day: "13:10", "9.15", "1:10 pm", "08:41 GMT".
_TIME_LINE = re.compile(
    r"^[ \t]*([01]?\d|2[0-3])[:.]([0-5]\d)[ \t]*(?:([ap])\.?m\.?)?[ \t]*(?:[A-Z]{2,4})?[ \t]*$",
    re.MULTILINE | re.IGNORECASE)
# One time line may be a caption or a schedule; a live page has entry after entry.
_LEAST_ENTRIES = 2


@lru_cache(maxsize=256)
def entry_marks(text: str) -> tuple[tuple[int, int, int], ...]:
    """``(offset, hour, minute)`` of each time line of ``text``, when it has at least
    ``_LEAST_ENTRIES`` of them (a live page); else none."""
    marks = []
    for m in _TIME_LINE.finditer(text):
        hour, minute, half = int(m.group(1)), int(m.group(2)), (m.group(3) or "").lower()
        if half and hour > 12:
            continue  # "13:10 pm" is no time
        if half == "p" and hour < 12:
            hour += 12
        elif half == "a" and hour == 12:
            hour = 0
        marks.append((m.end(), hour, minute))
    return tuple(marks) if len(marks) >= _LEAST_ENTRIES else ()


def told_at(article: Article, offset: int) -> datetime | None:
    """When ``article`` told what stands at ``offset``: the time line above it on the page's
    date, never before the page's publication. Above the first time line stands the page's
    summary ("Key points"), kept as of its latest entry. A page without time lines told
    everything at its publication."""
    published = article.published
    marks = entry_marks(article.text)
    if published is None or not marks:
        return published
    times = [max(published, published.replace(hour=hour, minute=minute, second=0,
                                              microsecond=0)) for _, hour, minute in marks]
    above = [when for (end, _, _), when in zip(marks, times, strict=True) if end <= offset]
    return above[-1] if above else max(times)


def entry_span(article: Article, offset: int) -> Span | None:
    """The live-page entry holding ``offset``: from the end of the time line above it to the
    next time line (the summary above the first entry is one too); ``None`` on other pages."""
    marks = entry_marks(article.text)
    if not marks:
        return None
    ends = [end for end, _, _ in marks]
    starts = [article.text.rfind("\n", 0, end) + 1 for end in ends]
    above = [i for i, end in enumerate(ends) if end <= offset]
    start = ends[above[-1]] if above else 0
    following = [s for s in starts if s >= offset]
    return Span(start, following[0] if following else len(article.text))


def report_key(claim: Claim, article: Article | None) -> str:
    """What tells the claim as one report: its article, or on a live page its entry, each
    entry being told at its own time."""
    found = entry_span(article, claim.content_span.start) if article is not None else None
    return claim.article_id if found is None else f"{claim.article_id}@{found.start}"


def claim_time(claim: Claim, article: Article | None) -> datetime | None:
    """When ``claim`` was told: :func:`told_at` its content in its article."""
    return told_at(article, claim.content_span.start) if article is not None else None
