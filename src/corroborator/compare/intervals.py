"""Figure compatibility: two figures agree when their intervals share a value.

A figure is the interval the writer asserts (``corroborator.nlp.numbers`` turns hedges into
intervals): "nearly 3,000" is [2,700, 3,000), "more than 3,000" is (3,000, 4,500], "thousands"
is [2,000, 99,999]. "nearly 3,000" and "more than 3,000" sit on opposite sides of 3,000 and
cannot both be true; "more than 10,000" and "thousands" can. Only figures of one kind (counts
with counts, money with money) and one unit are ever compared.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from ..nlp.numlex import (
    APPROX,
    AT_LEAST,
    JUST_OVER,
    LESS,
    MORE,
    NEAR,
    NEAR_BELOW,
    POSTFIX_QUALIFIERS,
    QUALIFIERS,
    UP_TO,
)
from ..records import Quantity

# Figures that are never the subject of a claim comparison: durations and sizes of the
# setting ("six weeks of fighting", "a 140-kilometre frontier") rather than what is counted.
_CONTEXT_UNITS = frozenset(
    ["week", "weeks", "day", "days", "hour", "hours", "month", "months", "year", "years",
     "minute", "minutes", "kilometre", "kilometres", "kilometer", "kilometers", "km", "mile",
     "miles", "metre", "metres", "meter", "meters"]
)


def bounds(q: Quantity) -> tuple[float, float]:
    """``(low, high)`` with open ends as infinities."""
    low = -math.inf if q.low is None else q.low
    high = math.inf if q.high is None else q.high
    return low, high


def is_figure(q: Quantity) -> bool:
    """True for a figure worth comparing: it has a bound and counts or measures something."""
    if q.low is None and q.high is None:
        return False
    if q.kind == "ratio":
        return False
    return not (q.kind == "measure" and (q.unit or "").lower() in _CONTEXT_UNITS)


def as_percent(q: Quantity, of_follows: bool) -> Quantity:
    """A fraction of a whole on the scale of percentages ("more than a third of the vote" as
    more than 33.3 percent), so it meets the percentages other reports give for that share;
    any other figure as it is. A fraction is a ratio below one told of something: followed
    by "of" (``of_follows``) or counting a noun ("one in five voters"); "twice" and a bare
    "half" (halved) are ratios of change, not shares."""
    if q.kind != "ratio" or q.value is None or not 0 < q.value < 1:
        return q
    if not (of_follows or q.unit):
        return q
    if q.high is not None and q.high > 1:
        return q

    def scaled(x: float | None) -> float | None:
        return None if x is None else x * 100.0

    return replace(q, kind="percent", unit="percent", value=scaled(q.value), low=scaled(q.low),
                   high=scaled(q.high))


# Units of area, volume and mass, each as a multiple of the one unit its kind is compared
# in: "116 square miles" in one report meets "300 square kilometres" in another, "160,000
# litres" of oil the "1,000 barrels" (a US gallon; an oil barrel of 42 of them).
_IN_COMMON_UNIT: dict[str, tuple[str, float]] = {
    "square mile": ("square kilometre", 2.589988),
    "hectare": ("square kilometre", 0.01),
    "acre": ("square kilometre", 0.0040468564),
    "square metre": ("square kilometre", 1e-6),
    "square foot": ("square kilometre", 9.290304e-8),
    "barrel": ("litre", 158.987295),
    "gallon": ("litre", 3.785411784),
    "millilitre": ("litre", 0.001),
    "cubic metre": ("litre", 1000.0),
    "kilogram": ("tonne", 0.001),
    "megatonne": ("tonne", 1e6),
    "gigatonne": ("tonne", 1e9),
}


def in_common_unit(q: Quantity) -> Quantity:
    """A temperature in Fahrenheit as the Celsius interval it stands for, so "106.3F" in one
    report meets "41.3C" in another; an area, volume or mass in the one unit of its kind
    (``_IN_COMMON_UNIT``); any other figure as it is. A converted figure was rounded to its
    last written digit, so the interval takes in half of that digit either side ("106.3"
    is anything from 106.25 to 106.35, 41.25 to 41.31 in Celsius)."""
    unit = (q.unit or "").lower()
    if q.kind != "measure":
        return q
    if unit in _IN_COMMON_UNIT:
        return _scaled(q, *_IN_COMMON_UNIT[unit])
    if unit != "fahrenheit":
        return q

    def celsius(x: float | None) -> float | None:
        return None if x is None else (x - 32.0) * 5.0 / 9.0

    half_digit = _half_last_digit(q.text)
    low = None if q.low is None else q.low - half_digit
    high = None if q.high is None else q.high + half_digit
    return replace(q, unit="celsius", value=celsius(q.value), low=celsius(low),
                   high=celsius(high))


def _scaled(q: Quantity, unit: str, factor: float) -> Quantity:
    """``q`` in ``unit``, of which one of its own unit is ``factor``; widened by half its
    last written digit, as a converted figure was rounded (see :func:`in_common_unit`)."""
    half_digit = _half_last_digit(q.text)

    def scaled(x: float | None, widen: float = 0.0) -> float | None:
        return None if x is None else (x + widen) * factor

    return replace(q, unit=unit, value=scaled(q.value), low=scaled(q.low, -half_digit),
                   high=scaled(q.high, half_digit))


def _half_last_digit(text: str) -> float:
    """Half of the last written digit's place of the first number in ``text`` ("106.3F":
    0.05; "104F": 0.5)."""
    number = re.search(r"\d[\d,]*(?:\.(\d+))?", text)
    decimals = len(number.group(1)) if number and number.group(1) else 0
    return 0.5 * 10.0 ** -decimals


def _unit_key(unit: str | None) -> str | None:
    if not unit:
        return None
    word = unit.lower().strip()
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)] + repl
    return word


def same_scale(a: Quantity, b: Quantity) -> bool:
    """True when ``a`` and ``b`` can be compared at all: same kind, and for money, percentages
    and measures the same unit (counts of "soldiers" and "troops" are left to the measured
    phrase, which the caller compares)."""
    if a.kind != b.kind:
        return False
    if a.kind in ("money", "measure", "percent"):
        ua, ub = _unit_key(a.unit), _unit_key(b.unit)
        return ua is None or ub is None or ua == ub
    return True


def compatible(a: Quantity, b: Quantity) -> bool:
    """True when the two figures' intervals overlap (both could be right)."""
    return a.overlaps(b)


def agreeing(a: Quantity, b: Quantity) -> bool:
    """True when the two figures can be compared and both could be right (same scale,
    overlapping intervals)."""
    return same_scale(a, b) and compatible(a, b)


def conflicting(a: Quantity, b: Quantity) -> bool:
    """True when both are comparable figures whose intervals are disjoint."""
    return is_figure(a) and is_figure(b) and same_scale(a, b) and not compatible(a, b)


def told_apart(a: Quantity, b: Quantity) -> bool:
    """True when two figures that fit together are still two different numbers as told: the
    same hedge, or two hedges leaning the same way, on different written values ("at least
    14" and "at least 40", "at least 31" and "more than 40"), or one written value hedged in
    different directions ("about 1,100" and "more than 1,100"). From one source they cannot
    both be what it said, though both could be true."""
    if not (is_figure(a) and is_figure(b) and same_scale(a, b) and written(a) and written(b)
            and a.value is not None and b.value is not None) or written_in_other_units(a, b):
        return False
    da, db = hedge_direction(a), hedge_direction(b)
    if a.value != b.value:
        return a.qualifier == b.qualifier or da is not None and da == db
    return da is not None and db is not None and da != db


def written_in_other_units(a: Quantity, b: Quantity) -> bool:
    """Whether two figures of one unit were written in different ones ("about 160,000
    litres", "about 1,000 barrels"; :func:`in_common_unit`): their written numbers are no
    two values of one hedge, whatever the conversion makes of them."""
    if a.unit not in _COMMON_UNITS:
        return False
    return _last_word(a.text) != _last_word(b.text)


def _last_word(text: str) -> str:
    words = re.findall(r"[^\W\d_]+", text.lower())
    return words[-1].rstrip("s") if words else ""


_COMMON_UNITS = frozenset(unit for unit, _ in _IN_COMMON_UNIT.values()) | {"celsius"}

_DIRECTIONS = {APPROX: "about", NEAR: "below", NEAR_BELOW: "below", LESS: "below",
               UP_TO: "below", JUST_OVER: "above", MORE: "above", AT_LEAST: "above"}


def hedge_direction(q: Quantity) -> str | None:
    """Which way a hedge leans from the written value: "about", "below" ("nearly", "up to"),
    "above" ("more than", "at least"); None for a bare figure, whose writer may simply have
    dropped the hedge."""
    word = (q.qualifier or "").lower()
    hedge = QUALIFIERS.get(word) or POSTFIX_QUALIFIERS.get(word)
    return _DIRECTIONS.get(hedge) if hedge else None


def written(q: Quantity) -> bool:
    """Whether the figure is written with digits ("nearly 4,000"), not a word of magnitude."""
    return any(ch.isdigit() for ch in q.text)


def figure_text(q: Quantity) -> str:
    """The figure as written, whitespace-normalised ("nearly 2,000")."""
    return re.sub(r"\s+", " ", q.text).strip()


def number_text(x: float) -> str:
    """A number as a reader writes it: "2,400", "2.5"."""
    if x == int(x):
        return f"{int(x):,}"
    return f"{x:,.1f}"


def interval_text(q: Quantity) -> str:
    """A readable interval: "[1,800, 2,000)" style brackets, "≥ 14" for open ends."""
    low, high = bounds(q)
    if low == high:
        return number_text(low)
    if math.isinf(high):
        return f"≥ {number_text(low)}"
    if math.isinf(low):
        return f"≤ {number_text(high)}"
    return f"{number_text(math.floor(low) if low != int(low) else low)}–{number_text(round(high))}"
