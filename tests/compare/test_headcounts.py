"""A crowd's size as one report's police and another's organisers tell it: a bare headcount
("put the crowd at 1,800") meets people counted as taking part ("3,000 workers protested")
whatever a sentence encoder makes of the two phrases."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from corroborator.compare.candidates import StoryVectors, figure_pairs, figures_of

from .helpers import article, claim

POLICE = article("police", "Vellen Times", "Police put the crowd at 1,800 on Friday.", day=4)
UNION = article("union", "Orrin Wire", "About 3,000 workers protested on Friday, the union "
                "said. The firm laid off 2,000 workers last year.", day=4, hour=3)


def _with_unit(c, unit):
    return replace(c, quantities=tuple(replace(q, unit=unit) for q in c.quantities))


def _far_apart(figures) -> StoryVectors:
    # every measured phrase orthogonal to every other: only the explicit rules can pair them
    rows = np.eye(len(figures), dtype=np.float32)
    return StoryVectors({f.claim.id: i for i, f in enumerate(figures)}, rows, rows)


def test_a_headcount_pairs_with_people_taking_part_at_any_cosine() -> None:
    crowd = claim(POLICE, "the crowd at 1,800", "Police", measured="crowd")
    marched = _with_unit(claim(UNION, "About 3,000 workers protested on Friday", "union",
                               measured="workers protested"), "workers")
    laid_off = _with_unit(claim(UNION, "The firm laid off 2,000 workers last year", "firm",
                                measured="firm laid off workers"), "workers")
    arts = {a.id: a for a in (POLICE, UNION)}
    figures = figures_of([crowd, marched, laid_off], arts)
    pairs = [(figures[i].claim.id, figures[j].claim.id)
             for i, j, _ in figure_pairs(figures, _far_apart(figures), 0.85, related=0.45)]
    assert pairs == [(crowd.id, marched.id)]
