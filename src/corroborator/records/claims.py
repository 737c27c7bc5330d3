"""Attributed claims, quantities and dates found in one article."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .spans import Span

STANCES = ("confirmed", "stated", "estimated", "alleged", "denied", "reported", "hedged")
CHANGES = ("=", "~", ">", "<", "up", "down")
# A figure's place in a revision the text reports: "raised her estimate to 2,400, up from
# nearly 2,000" gives 2,400 as ``new`` and nearly 2,000 as ``previous``; "raised the toll
# from 40 to 52" is one ``from-to`` span whose earlier end follows ``change`` (up: low first);
# "the headquarters had earlier said 101" gives 101 as ``earlier``: a figure told as said
# before, which a revision elsewhere in the article may have replaced.
REVISIONS = ("new", "previous", "from-to", "earlier")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure as an interval with its hedge.

    ``value`` is the number as written ("nearly 3,000" → 3000); ``low``/``high`` bound what
    the writer asserts (``None`` = open-ended); ``qualifier`` is the hedge as written;
    ``unit`` the counted thing's head noun; ``measured`` a short phrase for what is counted
    ("soldiers killed or wounded"); ``change`` one of ``CHANGES`` or ``None``; ``revision``
    one of ``REVISIONS`` when the text reports the figure as revised or as the value a
    revision replaced (``None`` otherwise); ``named`` the words that ``measured`` draws from
    a clause around the figure as the sentence writes them, the figure left out as "…"
    ("the cuts would cost … jobs"), when ``measured`` joins a subject, its verb and what it
    counts into words no reader would write ("cuts cost jobs"), or, when the clause tells
    its subject's own extent in the unit's dimension, that measure as a noun phrase ("the
    slick's area" of "the slick covers 300 square kilometres"); ``None`` otherwise.
    """

    text: str
    span: Span
    value: float | None
    low: float | None
    high: float | None
    qualifier: str | None = None
    unit: str | None = None
    measured: str | None = None
    change: str | None = None
    kind: str = "count"  # count, percent, money, ratio, measure
    revision: str | None = None
    named: str | None = None

    def overlaps(self, other: Quantity) -> bool:
        """True when the two intervals share at least one value (compatible figures)."""
        low_a = float("-inf") if self.low is None else self.low
        high_a = float("inf") if self.high is None else self.high
        low_b = float("-inf") if other.low is None else other.low
        high_b = float("inf") if other.high is None else other.high
        return low_a <= high_b and low_b <= high_a


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression and, when it could be resolved, the calendar date it means."""

    text: str
    span: Span
    resolved: date | None


@dataclass(frozen=True, slots=True)
class Claim:
    """One reported statement: who said what, how, with which figures.

    ``speaker`` is the normalised name (``None`` when unattributed); ``via`` the chain of
    attribution from the outlet inwards (["Harbor News Agency", "National Security Bureau"]);
    ``content_span`` covers what was said; ``quote`` holds the words inside quotation marks
    for direct and mixed quotes. ``extractor`` names the code and version that produced it.
    """

    id: str
    article_id: str
    speaker: str | None
    speaker_span: Span | None
    cue: str | None
    cue_span: Span | None
    content_span: Span
    quote: str | None
    stance: str
    via: tuple[str, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    sentence_span: Span | None = None
    extractor: str = "corroborator"
    speaker_type: str | None = None  # PERSON, ORG, GPE, NORP, OUTLET, ... when known

    def __post_init__(self) -> None:
        if self.stance not in STANCES:
            raise ValueError(f"stance {self.stance!r} is not one of {STANCES}")
