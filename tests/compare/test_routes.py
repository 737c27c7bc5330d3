"""Counts restricted to a route: part of what a count of the same noun counts, not one claim."""

from __future__ import annotations

from dataclasses import replace

from corroborator.compare import compare_story
from corroborator.nlp.numbers import scan_quantities
from corroborator.records import Claim, Story

from .helpers import article, bow_embed, claim

AIRPORT = article("a", "Ostby Evening Post",
                  "Passengers were stranded as 52 flights were cancelled at Harl airport on "
                  "Monday, the airport said.")
AIRLINE = article("b", "Dorland Courier",
                  "At least six flights between Ostby and Dorland cities were cancelled on "
                  "Monday, Nordair said.")


def _counting(c: Claim, unit: str) -> Claim:
    return replace(c, quantities=tuple(replace(q, unit=unit) for q in c.quantities))


def test_the_places_of_a_route_after_the_counted_noun() -> None:
    from corroborator.compare.routes import route_names

    (six,) = scan_quantities(AIRLINE.text)
    assert route_names(AIRLINE.text, replace(six, unit="flights")) == {"Ostby", "Dorland"}
    # "to" before a verb names no place
    text = "About 300 passengers to be rebooked were waiting."
    (about,) = scan_quantities(text)
    assert route_names(text, replace(about, unit="passengers")) == frozenset()


def test_a_count_on_one_route_does_not_corroborate_the_whole_count(settings) -> None:
    claims = [
        _counting(claim(AIRPORT, "52 flights were cancelled at Harl airport on Monday",
                        "the airport", measured="flights cancelled"), "flights"),
        _counting(claim(AIRLINE, "At least six flights between Ostby and Dorland cities were "
                        "cancelled on Monday", "Nordair", measured="flights cancelled",
                        speaker_type="ORG"), "flights"),
    ]
    result = compare_story(Story("s", None, ("a", "b")), [AIRPORT, AIRLINE], claims, [],
                           settings, embed_fn=bow_embed)
    assert len(result.propositions) == 2
    assert {p.status for p in result.propositions} == {"single-source"}
    assert not result.conflicts
