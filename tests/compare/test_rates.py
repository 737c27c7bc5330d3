"""Flow rates: figures told as so much escaping per unit of time are one measured thing.

Hand-built claims on a fictional leak; a bag-of-words stand-in for embeddings (no models).
"""

from __future__ import annotations

import pytest

from corroborator.compare import compare_story
from corroborator.compare.rates import flow_rate
from corroborator.nlp.numbers import scan_quantities
from corroborator.records import Story

from .helpers import article, bow_embed, claim


def _flow(text: str) -> str | None:
    (q,) = [q for q in scan_quantities(text) if q.unit in ("barrel", "litre", "tonne")]
    unit = {"barrel": "litre"}.get(q.unit, q.unit)  # as intervals.in_common_unit has it
    return flow_rate(text, q.span.start, q.span.end, unit)


@pytest.mark.parametrize(("text", "flow"), [
    ("About 1,000 barrels a day were escaping from the well, the operator said.", "day"),
    ("The institute put the flow at between 12,000 and 19,000 barrels a day.", "day"),
    ("About 160,000 litres of oil a day are leaking from the well.", "day"),
    ("Crude was spilling at 40 tonnes per hour.", "hour"),
    # a rate of what a well yields names nothing flowing out
    ("The platform pumped 50,000 barrels a day before the blowout.", None),
    # no rate: a spill's total
    ("About 3,000 barrels of crude spilled into the river.", None),
    # a flow the clause denies is no flow the speaker gives
    ("The plume cannot be reconciled with a flow of a thousand barrels a day.", None),
])
def test_a_flow_is_a_volume_or_mass_escaping_per_unit_of_time(text, flow) -> None:
    assert _flow(text) == flow


def _leak(settings):
    operator = article("leak-a", "Harbor Wire",
                       "Norwell Energy said about 1,000 barrels a day were escaping from the "
                       "well.", day=4)
    metric = article("leak-b", "North Post",
                     "Norwell Energy estimated that about 160,000 litres of oil a day are "
                     "leaking from the well.", day=4, hour=12)
    scientists = article("leak-c", "Coast Times",
                         "Between 12,000 and 19,000 barrels of oil a day are escaping from "
                         "the well, the Marine Institute said.", day=5)
    revised = article("leak-d", "Radio One",
                      "The Marine Institute revised its estimate of the oil flowing from the well "
                      "to between 25,000 and 30,000 barrels a day. The institute had put the "
                      "flow at between 12,000 and 19,000 barrels a day on Tuesday.", day=7)
    arts = [operator, metric, scientists, revised]
    claims = [
        claim(operator, "about 1,000 barrels a day were escaping from the well", "Norwell Energy",
              measured="day escaping", speaker_type="ORG"),
        claim(metric, "about 160,000 litres of oil a day are leaking from the well",
              "Norwell Energy", measured="oil leaking", speaker_type="ORG"),
        claim(scientists, "Between 12,000 and 19,000 barrels of oil a day are escaping from "
              "the well", "Marine Institute", measured="escaping", speaker_type="ORG"),
        claim(revised, "its estimate of the oil flowing from the well to between 25,000 and "
              "30,000 barrels a day", "Marine Institute", measured="oil", stance="estimated",
              speaker_type="ORG"),
        claim(revised, "the flow at between 12,000 and 19,000 barrels a day on Tuesday",
              "institute", measured="flow", stance="estimated"),
    ]
    story = Story("leak", None, tuple(a.id for a in arts))
    return claims, compare_story(story, arts, claims, [], settings, embed_fn=bow_embed)


def test_the_operators_flow_and_the_scientists_disagree_and_the_scientists_revise(
        settings) -> None:
    claims, result = _leak(settings)
    kinds = sorted(c.kind for c in result.conflicts)
    assert kinds == ["source-disagreement", "update"], [c.explanation for c in result.conflicts]
    update = next(c for c in result.conflicts if c.kind == "update")
    assert "the flow per day" in update.explanation
    assert "12,000 and 19,000" in update.explanation and "25,000 and 30,000" in update.explanation


def test_one_flow_in_litres_and_in_barrels_is_one_claim_not_a_misreport(settings) -> None:
    claims, result = _leak(settings)
    (together,) = [p for p in result.propositions if claims[0].id in p.claim_ids]
    assert claims[1].id in together.claim_ids
    assert all(c.kind != "misreport" for c in result.conflicts)
