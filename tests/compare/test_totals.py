"""A total and its parts: "220 people" on board are "214 passengers and 6 crew"."""

from __future__ import annotations

from dataclasses import replace

from corroborator.compare.totals import sums_to, total_of_parts
from corroborator.nlp.numbers import scan_quantities

from .helpers import article, claim

RELEASE = article("rail-a", "Northvale Rail",
                  "The train was carrying 214 passengers and 6 crew. Seven of its nine "
                  "carriages left the track.")
FOLLOWUP = article("rail-b", "Trans-Continental Press",
                   "The train was carrying 220 people. It was carrying 230 people.", day=5)


def _figure(text: str):
    (q,) = [q for q in scan_quantities(text) if q.value is not None]
    return replace(q, unit=text.split()[-1])


def _counting(found, *units: str):
    """``found`` with its figures counting ``units`` (the parse names them; the scanner not)."""
    quantities = tuple(replace(q, unit=u) for q, u in zip(found.quantities, units, strict=True))
    return replace(found, quantities=quantities)


def test_a_total_is_the_sum_of_counts_of_different_nouns() -> None:
    parts = _counting(claim(RELEASE, "The train was carrying 214 passengers and 6 crew", None),
                      "passengers", "crew")
    total = _counting(claim(FOLLOWUP, "The train was carrying 220 people", None), "people")
    assert sums_to(parts, total.quantities[0])
    assert total_of_parts(total, total.quantities[0], parts, parts.quantities[0])
    assert not sums_to(parts, _figure("230 people"))
    # a hedged total fits the sum it rounds
    assert sums_to(parts, _figure("about 220 people"))


def test_counts_of_one_noun_are_no_parts_of_one_whole() -> None:
    carriages = _counting(claim(RELEASE, "Seven of its nine carriages left the track", None),
                          "carriages", "carriages")
    assert not sums_to(carriages, _figure("16 carriages"))


def test_a_lone_figure_is_no_sum() -> None:
    total = _counting(claim(FOLLOWUP, "The train was carrying 220 people", None), "people")
    assert not sums_to(total, _figure("220 people"))


def test_a_count_told_as_some_of_another_is_no_part_of_a_sum() -> None:
    wire = article("heat-a", "Continental Wire Service",
                   "Four people had died since Saturday, among them two farm workers.")
    deaths = _counting(claim(wire, "Four people had died since Saturday, among them two farm "
                                   "workers", "health ministry"), "people", "workers")
    six = _figure("Six people")
    assert not total_of_parts(deaths, deaths.quantities[0], deaths, six, {wire.id: wire})
    # without the words of its article the two counts read as parts, as before
    assert sums_to(deaths, six)
