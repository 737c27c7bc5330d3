"""Date mentions of a parsed paragraph, resolved against the article's publication date.

Only spaCy's DATE entities are read (plus TIME entities that name a day, such as "Tuesday
night"): free-text date search (``dateparser.search.search_dates``) finds dates in "11th
Corps" and "4th Brigade". Each entity is resolved by a few explicit rules first and by
``dateparser.parse`` with ``RELATIVE_BASE`` set to the publication date as a fallback; what
no rule can place stays text with ``resolved=None``.

Rules (``pub`` = publication date):

- "today", "tonight", "this morning" → ``pub``; "yesterday" (also "yesterday afternoon") →
  the day before; "the day before yesterday" → two days before; "tomorrow" → the day after.
- A weekday ("on Friday", "Friday night"): the most recent such day on or before ``pub``
  ("Friday" in an article published on a Friday is that day). "last Friday" is the one
  strictly before ``pub``; "next Friday", "this coming Friday", or a weekday governed by a
  future-tense verb ("will meet on Friday") or a modal of what may yet happen ("could make
  his debut on Sunday", not "could have won") is the first such day after ``pub`` (the
  day itself when it is that weekday and no "next" says otherwise: "expected to rule on
  Monday" in a Monday report is later that day).
- "last week" / "this week" / "next week" → the Monday that starts that week; "last month"
  / "this month" / "next month" → its first day; "last year" / "this year" / "next year" →
  1 January. A period resolves to its first day.
- "the end of the month" / "of this month" / "of next month" / "of the year" → that
  period's last day (a deadline names its end, not its start: "capped by the end of the
  month"); "the end of March" → 31 March, in the month "March" alone names.
- "the weekend" / "this weekend" → the Saturday that opens the latest weekend up to
  ``pub`` ("since the weekend" in a Monday report), or the coming one under a future-tense
  verb; "last weekend" the one before ``pub``'s week, "next weekend" the one after.
- "N days / weeks / months / years ago" → ``pub`` minus that much.
- A day and month without a year ("December 26th", "Dec. 26", "26 December") → that day
  in ``pub``'s year, or in the year before when it would fall after ``pub`` (unless a
  future-tense verb governs it). With a year, the date as written. "December 2019" → 1
  December 2019.
- A month alone ("since August", "in October") → its first day, in the latest such month
  up to ``pub``'s; "last October" the one before ``pub``'s month; "next March" or a
  future-tense verb the first one after it.
- The start of a range ("between March 2024 and January 2025") resolves as the date it
  opens with, which the recogniser writes with "between" in front.
- A season with its year ("the summer of 2025", "autumn 2023") → the first day of that
  meteorological season north of the equator (1 March, 1 June, 1 September), the
  hemisphere of nearly all the news the engine reads; a winter spans two years ("the winter
  of 2025" may open in December 2024 or 2025), so it stays unresolved.
- A bare year ("in 2019"), a decade, a season without its year, a duration ("three years",
  "two years later") or an age → not a calendar day: ``resolved=None``. A plural unit of
  time alone ("days of disruption", "for weeks") is no date mention at all.

Without a publication date only fully specified dates ("26 December 2019", "2019-12-26")
resolve.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from ..records.claims import DateMention
from ..records.spans import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

__all__ = ["find_dates", "resolve_date"]

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
WEEKDAYS.update({name.lower(): i for i, name in enumerate(calendar.day_abbr)})
WEEKDAYS.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3})
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night|overnight|noon|midday|lunchtime))?"
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_MONTH = re.compile(
    rf"^(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MONTH_RE})\.?"
    rf"(?:,?\s+(?P<y>\d{{4}}))?$"
)
_MONTH_DAY = re.compile(
    rf"^(?P<m>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{{4}}))?$"
)
_MONTH_YEAR = re.compile(rf"^(?P<m>{_MONTH_RE})\.?,?\s+(?:of\s+)?(?P<y>\d{{4}})$")
# The month each season of a named year opens with (meteorological, north of the equator).
_SEASON_STARTS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9}
_SEASON_YEAR = re.compile(r"^(?:the\s+)?(?P<s>spring|summer|autumn|fall)\s+(?:of\s+)?(?P<y>\d{4})$")
_AGO = re.compile(
    r"^(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?P<u>day|week|month|year)s?\s+ago$"
)
_SMALL = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo"})
# Verbs and adjectives whose infinitive is still to come: "engineers expected to finish repairs
# by Friday", "the line is due to reopen on Monday".
_AHEAD_HEADS = frozenset({"expect", "plan", "aim", "intend", "schedule", "due", "set", "hope"})
# modals of what may yet happen: "could make his debut on Sunday" looks ahead, unless a
# perfect "have" looks back ("could have won on Sunday")
_PROSPECTIVE_MODALS = frozenset({"could", "may", "might", "can", "should"})
# what is still to come when told, as reported speech tells it: "temperatures would persist
# until at least Thursday", "said the line would reopen on Monday" ("would have" looks back)
_REPORTED_FUTURE = frozenset({"would"})
# Verbs whose own object lies ahead: "temperatures are expected ... until Thursday",
# "forecasters expect highs ... through Thursday".
_FORECAST_VERBS = frozenset({"expect", "forecast", "predict"})
_DAY_LABELS = ("DATE", "TIME")


def _as_date(value: datetime | date | None) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    return value


def _future(ent: SpacySpan | None) -> bool:
    """True when the verb that governs the entity is in the future tense."""
    if ent is None:
        return False
    tok = ent.root
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            break
        tok = tok.head
    auxiliaries = {c.lower_ for c in tok.children if c.dep_ == "aux"}
    if auxiliaries & (_PROSPECTIVE_MODALS | _REPORTED_FUTURE) and "have" not in auxiliaries:
        return True
    if tok.lemma_.lower() in _FORECAST_VERBS:
        return True
    for child in tok.children:
        if child.dep_ == "aux" and child.lower_ in _FUTURE_AUX:
            return True
        if child.dep_ == "aux" and child.lower_ == "to" and tok.head.lower_ == "going":
            return True
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _AHEAD_HEADS:
        return True  # "expected to finish repairs by Friday"
    if tok.lemma_.lower() in _AHEAD_HEADS and any(c.dep_ == "auxpass" for c in tok.children):
        return True  # "the next round was expected in December": when it is to come

    return tok.head.lower_ == "going" and tok.dep_ == "xcomp"


def _shift_months(day: date, months: int) -> date:
    month_index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(month_index, 12)
    return date(year, month + 1, 1)


def _day_month(
    day: int, month: int, year: int | None, pub: date | None, future: bool
) -> date | None:
    if year is not None:
        try:
            return date(year, month, day)
        except ValueError:
            return None
    if pub is None:
        return None
    try:
        candidate = date(pub.year, month, day)
    except ValueError:
        return None
    if future and candidate < pub:
        return date(pub.year + 1, month, day) if (month, day) != (2, 29) else None
    if not future and candidate > pub:
        try:
            return date(pub.year - 1, month, day)
        except ValueError:
            return None
    return candidate


def resolve_date(text: str, published: datetime | date | None, future: bool = False) -> date | None:
    """The calendar day ``text`` names, read against ``published`` (see module docstring)."""
    pub = _as_date(published)
    t = re.sub(r"\s+", " ", text.strip().lower())
    # "late on Monday": each leading word goes
    t = re.sub(r"^(?:(?:on|since|until|till|by|from|between|as of|early|late|earlier|later)\s+)+",
               "", t)
    t = re.sub(r"^at (?:the )?(?:least|earliest|latest)\s+", "", t)  # "until at least Thursday"
    t = re.sub(r"[.,]+$", "", t)
    t = re.sub(r"['’]s$", "", t)  # "next month's run-off", "Sunday's vote"
    t = re.sub(rf"{_PART_OF_DAY}$", "", t) if not re.fullmatch(r"this\s+\w+", t) else t
    if pub is not None:
        if t in ("today", "tonight", "this morning", "this afternoon", "this evening", "now"):
            return pub
        if t in ("yesterday", "last night"):
            return pub - timedelta(days=1)
        if t == "the day before yesterday":
            return pub - timedelta(days=2)
        if t == "tomorrow":
            return pub + timedelta(days=1)
        m = re.fullmatch(
            rf"(?:(last|this|next|this coming|this past)\s+)?(\w+?)\.?{_PART_OF_DAY}", t
        )
        if m and m.group(2) in WEEKDAYS:
            return _weekday(WEEKDAYS[m.group(2)], m.group(1), pub, future)
        m = re.fullmatch(
            r"(last|this|next|the past|the previous|the coming)\s+(week|month|year)", t
        )
        if m:
            return _period(m.group(1), m.group(2), pub)
        m = _END_OF.fullmatch(t)
        if m:
            return _end_of(m.group(1), m.group(2), pub, future)
        m = re.fullmatch(r"(?:(the|this|last|next|this past|this coming)\s+)?weekend", t)
        if m:
            return _weekend(m.group(1), pub, future)
        m = _AGO.match(t)
        if m:
            n = int(m.group("n")) if m.group("n").isdigit() else _SMALL[m.group("n")]
            unit = m.group("u")
            if unit == "day":
                return pub - timedelta(days=n)
            if unit == "week":
                return pub - timedelta(weeks=n)
            if unit == "month":
                shifted = _shift_months(pub, -n)
                last = calendar.monthrange(shifted.year, shifted.month)[1]
                return shifted.replace(day=min(pub.day, last))
            try:
                return pub.replace(year=pub.year - n)
            except ValueError:  # 29 February
                return pub.replace(year=pub.year - n, day=28)
    for regex in (_DAY_MONTH, _MONTH_DAY):
        m = regex.match(t)
        if m:
            year = int(m.group("y")) if m.group("y") else None
            return _day_month(int(m.group("d")), MONTHS[m.group("m")], year, pub, future)
    m = _MONTH_YEAR.match(t)
    if m:
        return date(int(m.group("y")), MONTHS[m.group("m")], 1)
    m = _SEASON_YEAR.match(t)
    if m:
        return date(int(m.group("y")), _SEASON_STARTS[m.group("s")], 1)
    m = re.fullmatch(r"(?:(last|this|next|this coming|this past)\s+)?([a-z]+)\.?", t)
    if m and m.group(2) in MONTHS and pub is not None:
        return _month(MONTHS[m.group(2)], m.group(1), pub, future)
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    if re.fullmatch(r"\d{1,2}/\d{1,2}/\d{2,4}", t):
        return _dateparser(t, pub)
    return None


def _month(month: int, modifier: str | None, pub: date, future: bool) -> date:
    """The first day of the month named: the latest such month up to ``pub``'s ("since
    August"), the one before ``pub``'s month with "last", the next one with "next" or a
    future-tense verb ("talks will resume in March")."""
    current = date(pub.year, pub.month, 1)
    candidate = date(pub.year, month, 1)
    if modifier == "this":
        return candidate
    if modifier in ("next", "this coming") or future and modifier is None:
        return candidate if candidate > current else date(pub.year + 1, month, 1)
    if modifier == "last":
        return candidate if candidate < current else date(pub.year - 1, month, 1)
    return candidate if candidate <= current else date(pub.year - 1, month, 1)


def _weekday(target: int, modifier: str | None, pub: date, future: bool) -> date:
    if modifier in ("next", "this coming") or (future and modifier is None):
        # a report of Monday's that "the commission is expected to rule on Monday" means
        # later that day; a week ahead would be "next Monday"
        ahead = (target - pub.weekday()) % 7
        if modifier is not None and ahead == 0:
            ahead = 7
        return pub + timedelta(days=ahead)
    back = (pub.weekday() - target) % 7
    if modifier in ("last", "this past") and back == 0:
        back = 7
    return pub - timedelta(days=back)


_END_OF = re.compile(r"(?:the )?end of (?:(the|this|next|last) )?([a-z]+)")
_SATURDAY = 5


def _end_of(modifier: str | None, unit: str, pub: date, future: bool) -> date | None:
    """The last day of the month or year "the end of ..." names (see module docstring)."""
    if unit in ("month", "year"):
        start = _period("this" if modifier is None or modifier == "the" else modifier, unit,
                        pub)
        if unit == "year":
            return date(start.year, 12, 31)
        return start.replace(day=calendar.monthrange(start.year, start.month)[1])
    if unit in MONTHS and modifier in (None, "next", "last"):
        first = _month(MONTHS[unit], modifier, pub, future)
        return first.replace(day=calendar.monthrange(first.year, first.month)[1])
    return None


def _weekend(modifier: str | None, pub: date, future: bool) -> date:
    """The Saturday that opens the weekend named (see module docstring)."""
    if modifier == "next" or (future and modifier in (None, "the", "this", "this coming")):
        ahead = (_SATURDAY - pub.weekday()) % 7
        return pub + timedelta(days=ahead + (7 if modifier == "next" and ahead < 2 else 0))
    back = (pub.weekday() - _SATURDAY) % 7
    if modifier in ("last", "this past") and pub.weekday() >= _SATURDAY:
        back += 7  # "last weekend" said on a Sunday is the one before this one
    return pub - timedelta(days=back)


def _period(modifier: str, unit: str, pub: date) -> date:
    step = {"last": -1, "the past": -1, "the previous": -1, "this": 0, "next": 1,
            "the coming": 1}[modifier]  # fmt: skip
    if unit == "week":
        monday = pub - timedelta(days=pub.weekday())
        return monday + timedelta(weeks=step)
    if unit == "month":
        return _shift_months(pub.replace(day=1), step)
    return date(pub.year + step, 1, 1)


def _dateparser(text: str, pub: date | None) -> date | None:
    import dateparser

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "DATE_ORDER": "MDY"}
    if pub is not None:
        settings["RELATIVE_BASE"] = datetime(pub.year, pub.month, pub.day)
    parsed = dateparser.parse(text, languages=["en"], settings=settings)  # type: ignore[arg-type]
    return parsed.date() if parsed is not None else None


def _names_a_day(text: str) -> bool:
    low = text.lower()
    words = set(re.findall(r"[a-z]+", low))
    return bool(
        words & set(WEEKDAYS)
        or words & {"today", "tonight", "yesterday", "tomorrow"}
        or re.search(r"\bthis (?:morning|afternoon|evening)\b|\blast night\b", low)
    )


# "until at least Monday", "through at the earliest Friday": an end the source cannot yet
# fix is still ahead of it, whatever the tense ("was closed to shipping until at least Monday")
_OPEN_END = re.compile(r"\b(?:until|till|through)\s+at\s+(?:the\s+)?(?:least|earliest)\s*$",
                       re.IGNORECASE)
_LOWER_BOUND = re.compile(r"at\s+(?:the\s+)?(?:least|earliest)\b", re.IGNORECASE)


def _open_ended(ent: SpacySpan) -> bool:
    """Whether the date ends a period the source can only bound from below (the recogniser
    may take "at least" into the entity or leave it before)."""
    before = ent.doc[max(0, ent.start - 4) : ent.start].text
    bound = _LOWER_BOUND.match(ent.text)
    return _OPEN_END.search(f"{before} {ent.text[:bound.end()]}" if bound else before) \
        is not None


def find_dates(doc: Doc, published: datetime | date | None, offset: int = 0) -> list[DateMention]:
    """Every DATE entity of ``doc`` (and day-naming TIME entity) with its resolved day.

    Args:
        doc: a parsed paragraph with named entities.
        published: the article's publication date or time (``None`` when unknown).
        offset: character position of ``doc.text`` in the article; added to every span.
    """
    out: list[DateMention] = []
    for ent in doc.ents:
        if ent.label_ not in _DAY_LABELS:
            continue
        if ent.label_ == "TIME" and not _names_a_day(ent.text):
            continue
        if _bare_small_number(ent) or _end_of_a_route(ent) or _AGE.fullmatch(ent.text) \
                or _a_range_of_values(ent) or _UNITS_OF_TIME.fullmatch(ent.text):
            continue
        ent = _with_its_day(ent)
        future = _future(ent) or _open_ended(ent)
        for start, end in _day_and_duration(ent.text):
            text = ent.text[start:end]
            out.append(
                DateMention(
                    text=text,
                    span=Span(ent.start_char + start + offset, ent.start_char + end + offset),
                    resolved=resolve_date(text, published, future=future),
                )
            )
    return out


def _with_its_day(ent: SpacySpan) -> SpacySpan:
    """The entity with the day number the recogniser left before its month: "of 20 November
    2026" gives "November 2026", which would resolve to the first of the month."""
    if ent.start == 0 or ent[0].lower_.rstrip(".") not in MONTHS:
        return ent
    before = ent.doc[ent.start - 1]
    day = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", before.text)
    if day is None or not 1 <= int(day.group(1)) <= 31:
        return ent
    return ent.doc[ent.start - 1 : ent.end]


# "the 60-year-old pipe", "a 52-year-old passenger": an age, of a thing or a person, is no day.
_AGE = re.compile(r"(?:\d+|[a-z]+)[- ](?:year|month|week|day)s?[- ]old", re.IGNORECASE)


# "days of disruption", "could last for weeks": a plural unit of time with no number or
# other word names how long something goes on, no day or period of the calendar.
_UNITS_OF_TIME = re.compile(r"(?:minutes|hours|days|weeks|months|years|decades)",
                            re.IGNORECASE)


# "nearly 42C", "105.4F": a temperature the recogniser took for a date
_MEASURE = re.compile(r"\d(?:[\d,.]*\d)?\s?°?[CF]\b")
# "the high 30s", "the upper 90s", "her mid-30s": where a temperature or an age lies, not a
# decade (which "the early 90s" or "the late 1980s" may be)
_BAND = re.compile(r"(?:high|low|mid|upper|lower)[- ]?$", re.IGNORECASE)


def _a_range_of_values(ent: SpacySpan) -> bool:
    """A temperature, or a band of values written like a decade, is no date."""
    if _MEASURE.search(ent.text):
        return True
    if not re.search(r"\d0s$", ent.text):
        return False
    before = ent.doc.text[max(0, ent.start_char - 12) : ent.start_char]
    words = re.sub(r"\d0s$", "", ent.text)
    return bool(_BAND.search(before.rstrip()) or _BAND.search(words.strip()))


def _bare_small_number(ent: SpacySpan) -> bool:
    """A number of at most three digits alone is no date: "Kim, 34, said" is an age, and a
    year is written with four digits."""
    return re.fullmatch(r"\d{1,3}", ent.text) is not None


# Prepositions that open the ends of a route: "from Port Tallis to Merrow".
_ROUTE_ENDS = frozenset(["from", "to", "for", "towards", "toward", "via"])
_PLACE_LABELS = frozenset(["GPE", "LOC", "FAC"])


def _end_of_a_route(ent: SpacySpan) -> bool:
    """A name the recogniser took for a date that ends a route whose other end is a place
    ("crossing from Port Tallis to Merrow", "sailed from Ostby for Merrow"): a place too. A
    word that names a time (a month, a day) is never so taken."""
    if len(ent) != 1 or ent[0].pos_ != "PROPN" or any(c.isdigit() for c in ent.text):
        return False
    low = ent.text.lower()
    if low in MONTHS or low in WEEKDAYS:
        return False
    prep = ent[0].head
    if ent[0].dep_ != "pobj" or prep.lower_ not in _ROUTE_ENDS:
        return False
    # the other end: another route preposition on the same verb or noun, holding a place
    return any(other.dep_ == "prep" and other.i != prep.i and other.lower_ in _ROUTE_ENDS
               and any(o.ent_type_ in _PLACE_LABELS for o in other.subtree)
               for other in prep.head.children)


# "sentenced on Tuesday to 12 years in prison": the parser's entity runs a day and the
# duration after "to" together, as if they were a range of dates.
_DAY_TO_DURATION = re.compile(
    r"^(?P<day>.+?)\s+to\s+(?P<span>(?:\d+|[a-z]+(?:-[a-z]+)?)\s+"
    r"(?:years?|months?|weeks?|days?|hours?|decades?))$", re.IGNORECASE)


def _day_and_duration(text: str) -> list[tuple[int, int]]:
    """The parts of an entity's text that are dates of their own: a day and the duration
    that follows it after "to" are two mentions; anything else is one."""
    found = _DAY_TO_DURATION.match(text)
    if found is None or not _names_a_day(found.group("day")):
        return [(0, len(text))]
    return [found.span("day"), found.span("span")]
