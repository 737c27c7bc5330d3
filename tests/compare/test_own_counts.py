"""Each side counting its own: "Orlavia said 59 of its servicemen came home" and "Tesmark
says 101 of its people came home" count two different sets, however alike the phrases; one
side's own count against another report of that side's count still pairs. A figure told as
an addition ("two ... handed over separately", "another 12") counts no whole either."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from corroborator.compare.candidates import StoryVectors, figure_pairs, figures_of

from .helpers import article, claim

PULSE = article("pulse", "The Daily Pulse",
                "Orlavia said 59 of its servicemen came home on Tuesday.", day=4)
STANDARD = article("standard", "The Harwick Standard",
                   "Tesmark says 101 of its people came home.", day=5)
WIRE = article("wire", "Northline", "The ministry said 95 Orlavian servicemen came home.", day=4)
FOLLOWUP_HQ = article("hq", "Northline", "The headquarters had earlier said 101 soldiers had "
                      "come home.", day=6)
MEDIATOR = article("mediator", "Coast Post", "Belmoria said roughly 190 people came home.", day=4)


def _people(c, unit):
    return replace(c, quantities=tuple(replace(q, unit=unit) for q in c.quantities))


def _alike(figures) -> StoryVectors:
    # every measured phrase the same: only the explicit rules keep figures apart
    rows = np.ones((len(figures), 1), dtype=np.float32)
    return StoryVectors({f.claim.id: i for i, f in enumerate(figures)}, rows, rows)


def test_two_sides_counting_their_own_are_no_pair() -> None:
    orlavia = _people(claim(PULSE, "59 of its servicemen came home on Tuesday",
                            "Orlavia's defence ministry", measured="servicemen came"),
                      "servicemen")
    tesmark = _people(claim(STANDARD, "101 of its people came home", "Tesmark",
                            measured="people came"), "people")
    ministry = _people(claim(WIRE, "95 Orlavian servicemen came home", "ministry",
                             measured="Orlavian servicemen came"), "servicemen")
    arts = {a.id: a for a in (PULSE, STANDARD, WIRE)}
    figures = figures_of([orlavia, tesmark, ministry], arts)
    assert [f.owner for f in figures] == ["orlavia", "tesmark", None]
    pairs = {(figures[i].claim.id, figures[j].claim.id)
             for i, j, _ in figure_pairs(figures, _alike(figures), 0.85, related=0.45)}
    assert (orlavia.id, tesmark.id) not in pairs
    assert (orlavia.id, ministry.id) in pairs and (tesmark.id, ministry.id) in pairs


def test_a_sides_own_count_is_part_of_a_count_of_everyone() -> None:
    tesmark = _people(claim(STANDARD, "101 of its people came home", "Tesmark",
                            measured="people came"), "people")
    everyone = _people(claim(MEDIATOR, "roughly 190 people came home", "Belmoria",
                             measured="people came"), "people")
    office = _people(claim(FOLLOWUP_HQ, "101 soldiers had come home", "headquarters",
                           measured="soldiers come"), "soldiers")
    arts = {a.id: a for a in (STANDARD, MEDIATOR, FOLLOWUP_HQ)}
    figures = figures_of([tesmark, everyone, office], arts)
    # no more than its own count: it may be that count, as the side's own office gives it
    pairs = {(figures[i].claim.id, figures[j].claim.id)
             for i, j, _ in figure_pairs(figures, _alike(figures), 0.85, related=0.45)}
    assert (tesmark.id, everyone.id) not in pairs and (tesmark.id, office.id) in pairs


RADIO = article("radio", "Tesmark Public Radio",
                "Among them are 12 seriously wounded men, Mirela Kostan told TPR.", day=4)
FOLLOWUP = article("followup", "Northline", "Two seriously wounded men had been handed over "
                   "separately late on Tuesday night, Tesmark said. Another 12 wounded men "
                   "were flown home.", day=6)


def test_a_figure_told_as_an_addition_is_no_count_of_the_whole() -> None:
    among = _people(claim(RADIO, "Among them are 12 seriously wounded men", "Mirela Kostan",
                          measured="wounded men"), "men")
    separately = _people(claim(FOLLOWUP, "Two seriously wounded men had been handed over "
                               "separately late on Tuesday night", "Tesmark",
                               measured="wounded men"), "men")
    another = _people(claim(FOLLOWUP, "Another 12 wounded men were flown home", "Tesmark",
                            measured="wounded men"), "men")
    arts = {a.id: a for a in (RADIO, FOLLOWUP)}
    figures = figures_of([among, separately, another], arts)
    assert [f.increment for f in figures] == [False, True, True]
    assert figure_pairs(figures, _alike(figures), 0.85, related=0.45) == []
