"""The whole comparison on parsed text: fictional reports through the NLP stage, then compared
with the packaged sentence encoder (model and embedding tests)."""

from __future__ import annotations

import pytest

from corroborator.compare import compare_story
from corroborator.nlp.analyze import analyze_articles
from corroborator.records import Story

from .helpers import article

pytestmark = [pytest.mark.model, pytest.mark.embeddings]

REPORTS = [
    article("mill-a", "Meridian Wire",
            "VESSA — A fire gutted the Vessa Mills plant on Tuesday. The Vessa Mills company "
            "said in a statement that about 90 workers were on the night shift when the fire "
            "broke out.", day=10, hour=9),
    article("mill-b", "Evening Post",
            "VESSA — More than 150 people were working inside the Vessa Mills plant when the "
            "fire broke out, the textile union said on Tuesday.", day=10, hour=15),
    article("mill-c", "Valley Times",
            "Some 90 workers were on the night shift at the Vessa Mills plant, the company "
            "said, and 12 of them were treated for smoke inhalation.", day=10, hour=18),
    article("blast-a", "Tarsk Herald",
            "Interior Minister Oren Halvik said nearly 60 people were injured in the blast at "
            "the Tarsk rail depot.", day=11, hour=9),
    article("blast-b", "Ostrel Daily",
            "Interior Minister Oren Halvik raised his estimate of people injured in the Tarsk "
            "rail depot blast to 85 on Sunday, up from nearly 60 a day earlier.", day=12, hour=9),
]


@pytest.fixture(scope="module")
def compared(settings, nlp):
    claims = [c for a in analyze_articles(REPORTS, settings, nlp=nlp) for c in a.claims]
    out = {}
    for name, ids in (("mill", ("mill-a", "mill-b", "mill-c")), ("blast", ("blast-a", "blast-b"))):
        story = Story(name, None, ids)
        out[name] = compare_story(story, REPORTS, claims, [], settings)
    return out


def test_company_and_union_counts_disagree(compared) -> None:
    # one disagreement: the company's "some 90" in a third report agrees with its "about 90"
    conflicts = compared["mill"].conflicts
    assert [c.kind for c in conflicts] == ["source-disagreement"], [
        c.explanation for c in conflicts]
    assert "about 90" in conflicts[0].explanation and "More than 150" in conflicts[0].explanation


def test_raised_estimate_is_an_update(compared) -> None:
    conflicts = compared["blast"].conflicts
    assert [c.kind for c in conflicts] == ["update"], [c.explanation for c in conflicts]
    assert "nearly 60" in conflicts[0].explanation and "85" in conflicts[0].explanation
