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
_CLOCK = re.compile(r"\b([ap])\.m\.", re.IGNORECASE)


def period_of(text: str, start: int, end: int) -> str | None:
    """The period class of the figure at ``text[start:end]`` ("quarter", "half", "year",
    "month", "week", "day"), or None when no period, or more than one, is told near it."""
    window = clause_around(text, start, end, REACH_BEFORE, REACH_AFTER)
    found = {name for name, pattern in _CLASSES if pattern.search(window)}
    return found.pop() if len(found) == 1 else None


def clause_around(text: str, start: int, end: int, reach_before: int, reach_after: int) -> str:
    """The words either side of ``text[start:end]`` up to the clause's edges (punctuation)
    and at most the reaches, joined by a space."""
    # "6 p.m." ends no clause
    before = _CLOCK.sub(r"\1m ", text[max(0, start - reach_before) : start])
    edges = list(_EDGE.finditer(before))
    if edges:
        before = before[edges[-1].end() :]
    after = _CLOCK.sub(r"\1m ", text[end : end + reach_after])
    edge = _EDGE.search(after)
    if edge:
        after = after[: edge.start()]
    return f"{before} {after}"


_SPAN_WORDS = r"(?:hours?|days?|weeks?|months?|years?)"
_COUNT_WORDS = (r"(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                r"twenty-four|forty-eight|a few|several|\d+)")
# A count over part of the time, not the running total: "killed in two days", "in the past
# month alone", "over the last 24 hours", "by noon". ("Since August" is left out: counts
# since the start of something are totals as often as not.)
_WINDOW = re.compile(
    rf"\b(?:in|over|during|within) (?:the )?(?:past|last|previous|preceding|first) "
    rf"(?:{_COUNT_WORDS} )?{_SPAN_WORDS}\b"
    rf"|\b(?:in|over|within) {_COUNT_WORDS} {_SPAN_WORDS}\b"
    # "in the 24 hours to 15 November": a span that ends at a time the report names
    rf"|\b(?:in|over|during|within) the {_COUNT_WORDS} {_SPAN_WORDS} (?:to|until|before|ending)\b"
    rf"|\b(?:on|over) (?:the )?(?:weekend|monday|tuesday|wednesday|thursday|friday|saturday|"
    rf"sunday) alone\b"
    # a count as it stood at a time of day: "turnout was 61 percent at 6 p.m."
    rf"|\b(?:at|by|until) (?:\d{{1,2}}(?:[.:]\d{{2}})? ?[ap]m\b|noon|midday)",
    re.IGNORECASE,
)
WINDOW_REACH = 60
# "killed in two days" may be part of a total, but "in six weeks" of fighting may be all of it
_DURATION_ONLY = re.compile(rf"^(?:in|over|within) {_COUNT_WORDS} {_SPAN_WORDS}$", re.IGNORECASE)


def window_of(text: str, start: int, end: int) -> str | None:
    """The part of the time a figure at ``text[start:end]`` counts over, as written and
    lower-cased ("in two days", "in the past month"), read in its clause; None when no such
    window is told, so the figure reads as a total."""
    found = _WINDOW.search(clause_around(text, start, end, WINDOW_REACH, WINDOW_REACH)) \
        or _FRONTED_SPAN.match(_fronted_phrase(text, start))
    return re.sub(r"\s+", " ", found.group(0).lower()) if found else None


# A span of time that opens the sentence ("In the 24 hours to 15 November, ...", "Over the
# past week, ..."); a time of day there ("By noon, ...") is left to the clause's own words.
_FRONTED_SPAN = re.compile(
    rf"(?:in|over|during|within) the (?:(?:past|last|previous|preceding|first) )?"
    rf"(?:{_COUNT_WORDS} )?{_SPAN_WORDS}\b", re.IGNORECASE)
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n)(?=\S)")


def _fronted_phrase(text: str, start: int) -> str:
    """The phrase that opens the sentence of ``text[start:]`` and ends at its first comma,
    when the figure stands in the clause right after it: "In the 24 hours to 15 November,
    37 new cases were reported" tells the window of the 37 before the clause."""
    before = text[max(0, start - WINDOW_REACH * 2) : start]
    opening = list(_SENTENCE_START.finditer(before))
    if not opening:
        return ""
    sentence = before[opening[-1].end() :]
    phrase, comma, clause = sentence.partition(",")
    return phrase.strip() if comma and not _EDGE.search(clause) else ""


def surely_partial(window: str | None) -> bool:
    """Whether a window says the count is not the whole ("in the past month", "at 6 pm", "on
    Monday alone"); a bare duration ("in six weeks") may be the whole time there was."""
    return window is not None and not _DURATION_ONLY.match(window)


def part_of_total(window_a: str | None, window_b: str | None, low_a: float,
                  high_b: float) -> bool:
    """Whether figure A, counted over ``window_a``, may be a part of figure B's count: A
    counts over a window B does not (B a total) and stays within B's upper bound; or both
    count over different windows, which no comparison can join."""
    if window_a is None or window_a == window_b:
        return False
    return window_b is not None or low_a <= high_b


# A year in a figure's clause, unless it only bounds a comparison ("the highest since 2010",
# "up from 2019") rather than telling when the counted thing happened.
_YEAR = re.compile(r"(?<![\w,.])(?<!since )(?<!than )(?<!from )(?<!until )(1[89]\d\d|20\d\d)(?![\d,]|-\d)",
                   re.IGNORECASE)


def past_year_of(text: str, start: int, end: int, published_year: int | None) -> int | None:
    """The earlier year a figure at ``text[start:end]`` is told of, read in its clause: "a
    mine collapse in 2017 killed 22 people" in a report of 2026 counts 2017's dead, not the
    story's. None when its clause names no year before ``published_year``, or several."""
    if published_year is None:
        return None
    when = _WHEN_OF_YEAR.search(text[max(0, start - REACH_BEFORE) : start])
    if when is not None and int(when.group(1)) < published_year:
        return int(when.group(1))
    clause = clause_around(text, start, end, REACH_BEFORE, REACH_AFTER)
    years = {int(m.group(1)) for m in _YEAR.finditer(clause)}
    past = {y for y in years if y < published_year}
    return past.pop() if len(past) == 1 and len(years) == 1 else None


# A clause that tells what happened in the year just before it: "the worst since the summer
# of 2003, when 1,900 people died" (even after "since": the year is the one the clause
# describes, not only the bound of a comparison).
_WHEN_OF_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\s*,\s*when\b[^,;:.!?()\n]*$")


def different_periods(a: str | None, b: str | None) -> bool:
    """True when both periods are told and differ."""
    return a is not None and b is not None and a != b

