"""A fraction told as a change is a percentage change.

"Admissions up almost half", "sales fell by a third", "costs cut by a quarter": the fraction
is how much a figure moved, the same claim as "up 45 percent", "down 33 percent". Read as a
ratio it would only ever meet shares of a whole ("half of the homes"), so a report's "up 40
percent" and another's "up almost half" were never set side by side. A fraction *of*
something ("a third of voters") stays a share.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .numlex import APPROX, EXACT

# The note a fraction told as a change carries once it reads as a percentage.
FRACTION_NOTE = "fraction"

if TYPE_CHECKING:  # numwords imports this module
    from .numwords import Candidate

# Words of change a fraction's "by" follows ("rose by half", "was cut sharply by a third").
_CHANGE_VERBS = (
    r"(?:ris|rose|fell|fall|grew|grow|increas|decreas|cut|reduc|dropp?|jump|climb|slump|declin"
    r"|shr[aiu]nk|swell|swoll|soar|plung|surg|tumbl|slid|shed|lower|rais|boost|expand|widen"
    r"|narrow|gain|lost|los|trimm?|slash|halv|doubl)\w*"
)
# The verb's object may stand before "by": "cuts strokes by almost a quarter", "cut the risk
# of stroke by a third" (a few words, no clause break); a hedge before the fraction is read
# when the fraction is found, before the hedge is joined to it.
_CHANGE_BEFORE = re.compile(
    rf"(?:\b(?:up|down)(?:\s+by)?|\b{_CHANGE_VERBS}(?:\s+\w+ly)?(?:\s+[\w'’-]+){{0,4}}\s+by)"
    r"(?:\s+(?:almost|nearly|about|around|roughly|some|over|under|(?:more|less) than))?\s+$",
    re.IGNORECASE)
# What may follow a fraction of change: the clause's end, or a word that opens what the
# change is measured against or when ("up almost half on a normal week", "fell by a third
# last year"). Not "of" (a share: "a third of voters"), not a noun ("up a third time", "by
# half the team"), not "a"/"an" ("up half a point" moves by points).
_CHANGE_ENDS = re.compile(
    r"\s*(?:$|[.,;:!?)\u2013\u2014]|\s(?:on|in|from|to|since|over|against|compared|than|and"
    r"|or|but|after|before|at|as|while|with|within|during|last|this|year|so)\b)",
    re.IGNORECASE)


def told_as_change(text: str, start: int, end: int) -> bool:
    """Whether the fraction at ``text[start:end]`` (its hedge included) is how much something
    moved: "up almost half", "fell by a third"; not "a third of", "up half a point"."""
    if not _CHANGE_ENDS.match(text, end):
        return False
    return _CHANGE_BEFORE.search(text, max(0, start - 40), start) is not None


def fractions_of_change_as_percent(text: str, cands: Sequence[Candidate]) -> None:
    """Turn each fraction told as a change into the percentage it is ("up almost half" is
    "up almost 50 percent"), in place, so it meets the other reports' percentages."""
    for cand in cands:
        if cand.kind != "ratio" or cand.excluded is not None or cand.is_range \
                or cand.value is None or not told_as_change(text, cand.start, cand.end):
            continue
        cand.value *= 100
        cand.kind, cand.unit = "percent", "percent"
        # a fraction word rounds as coarsely told as a change as told as a share ("almost
        # half of voters"): it keeps a count's margins, not a percentage's finer ones
        cand.notes.append(FRACTION_NOTE)
        if cand.qclass == EXACT:
            # a fraction word rounds: "up a third" stands for 31 or 35 percent as well
            cand.qclass = APPROX
