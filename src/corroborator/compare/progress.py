"""How far a count had gone when a figure was told: "with 40% of ballots counted".

Election results, tallies and surveys are reported while the count is still going on, and a
report says how far it has got next to the figures it gives ("with 40% of ballots counted,
the Unity Party leads with 38.2%"; "with 97 of 120 precincts reporting"; "after 80 percent
of votes were tallied"). Two such figures of one source, told at different stages of the
count, are the count moving on, not two versions of one statement: the later stage's figure
is an update of the earlier, however few hours apart the two reports are.
"""

from __future__ import annotations

import re

_NUMBER = r"(\d{1,3}(?:,\d{3})*(?:\.\d+)?)"
_HEDGE = r"(?:(?:about|around|roughly|nearly|almost|just over|just under|more than|over|some) )?"
# what is being counted: ballots, votes, precincts, polling stations, districts, results ...
_COUNTED = (r"(?:the )?(?:[a-z-]+ )?(?:ballots?|votes?|precincts?|polling (?:stations?|places?)|"
            r"stations?|districts?|constituencies|wards?|returns|results|the vote|"
            r"electoral (?:districts?|rolls?))")
# "in" only where the phrase ends: "with 99% of the vote in," ("with 40% of the vote in the
# capital" tells where, not how far)
_DONE = (r"(?:counted|tallied|processed|reporting|reported|declared|verified|returned|"
         r"in(?=\s*(?:[,;:.)]|$)))")
# "with 40% of ballots counted", "with 97 of 120 precincts reporting", "after 80 percent of
# votes were tallied", "once 60% of the ballots had been counted"
_STAGE = re.compile(
    rf"\b(?:with|after|once|when) {_HEDGE}{_NUMBER}\s*(%|percent|per cent)?"
    rf"(?: (?:of|out of) (?:{_NUMBER} )?{_COUNTED})?"
    rf"(?: (?:had |have |were |was )?(?:been |now )?){_DONE}\b",
    re.IGNORECASE,
)


def count_stage(sentence: str) -> float | None:
    """How far the count had gone when ``sentence`` was told, as a share of the whole
    (0-1): "with 40% of ballots counted" is 0.4, "with 97 of 120 precincts reporting" about
    0.81; None when the sentence tells no stage, or tells it as a bare number of no whole
    ("with 300 ballots counted")."""
    found = _STAGE.search(sentence)
    if found is None:
        return None
    part, percent, whole = found.group(1), found.group(2), found.group(3)
    value = float(part.replace(",", ""))
    if percent:
        return value / 100.0 if 0 < value <= 100 else None
    if whole:
        total = float(whole.replace(",", ""))
        return value / total if 0 < value <= total else None
    return None


def count_moved_on(earlier: str, later: str) -> bool:
    """True when the later sentence tells its figures at a further stage of the count than
    the earlier one: the later figures update the earlier, they do not contradict them. A
    later report that tells no stage says nothing of how far the count had gone; it is
    judged as any other report is, by the hours between the two (a tabloid's "more than a
    third" a few hours after the wire's "31.8 percent with 92 percent counted" is no newer
    count)."""
    first = count_stage(earlier)
    if first is None or first >= 1.0:
        return False
    second = count_stage(later)
    return second is not None and second > first
