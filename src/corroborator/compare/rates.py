"""Flow rates: a figure told as so much of something escaping per unit of time.

"About 1,000 barrels a day were escaping from the well", "between 12,000 and 19,000 barrels
of oil a day are escaping", "the flow at between 12,000 and 19,000 barrels a day", "160,000
litres of oil a day are leaking": the measured phrases the parse builds for such figures
("day escaping", "flow", "oil leaking") share few words, and a volume's unit says nothing
of what it measures, so the phrases' cosine never reaches the near-identical bar. What they
share is the form of the figure: a volume or mass per unit of time, in a clause that names
something flowing out (a leak, a spill, a flow). Two such figures over the same time unit
measure one flow; a rate of what a well produces or a pipeline carries ("pumps 50,000
barrels a day") names no escape and is left to the phrases.
"""

from __future__ import annotations

import re

from .periods import REACH_AFTER, REACH_BEFORE, clause_around

# "barrels a day", "litres of oil a day", "tonnes of crude per hour": the time unit that
# follows a figure's unit, directly or after what is measured ("of oil", "of crude oil")
_PER_TIME = re.compile(r"\s+(?:of\s+(?:[a-z-]+\s+){1,2})?(?:a|an|per|each|every)\s+"
                       r"(second|minute|hour|day|week|month|year)\b", re.IGNORECASE)
# Words that tell something flows out of where it should stay.
_ESCAPE = re.compile(
    r"\b(?:leak(?:s|ed|ing|age)?|escap(?:e|es|ed|ing)|flow(?:s|ed|ing)?|spill(?:s|ed|ing)?|"
    r"spilt|gush(?:es|ed|ing)?|pour(?:s|ed|ing)?|spew(?:s|ed|ing)?|seep(?:s|ed|ing|age)?|"
    r"discharg(?:e|es|ed|ing))\b", re.IGNORECASE)
# A flow its clause denies ("cannot be reconciled with a flow of a thousand barrels a day")
# is no flow the speaker gives; "no more than" is a hedge, not a denial.
_NEGATION = re.compile(r"\b(?:not|never|cannot|nor)\b|n['’]t\b|\bno\b(?!\s+(?:more|fewer|less)"
                       r"\s+than)", re.IGNORECASE)
# units of what flows: volumes and masses (after ``intervals.in_common_unit``)
_FLOWING_UNITS = frozenset(["litre", "tonne"])


def flow_rate(text: str, start: int, end: int, unit: str | None) -> str | None:
    """The time unit ("day", "hour") of a flow told at ``text[start:end]`` (a figure of
    ``unit``, in a common unit), or None when the figure is no rate of a volume or mass or
    its clause names nothing flowing out."""
    if unit not in _FLOWING_UNITS:
        return None
    per = _PER_TIME.match(text, end)
    if per is None:
        return None
    before = clause_around(text, start, start, REACH_BEFORE, 0)
    if _NEGATION.search(before):
        return None
    clause = clause_around(text, start, per.end(), REACH_BEFORE, REACH_AFTER)
    return per.group(1).lower() if _ESCAPE.search(clause) else None
