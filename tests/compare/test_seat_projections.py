"""A poll's projected range of seats and the count that falls inside it; the whole a part is
counted of ("27 of the 60 seats"). Hand-built claims on a fictional regional election; a
bag-of-words stand-in for embeddings (no models)."""

from __future__ import annotations

from corroborator.compare import compare_story
from corroborator.compare.candidates import figures_of
from corroborator.records import Story

from .helpers import article, bow_embed, claim

POLL = article("poll", "KTV News", "The exit poll projects the Unity Party to win between 26 "
               "and 30 of the 60 seats in the assembly.", day=3, hour=20)
COUNT = article("count", "Norvania Today", "The Unity Party won 28 of the 60 seats in the "
                "assembly, the electoral commission said.", day=4, hour=8)


def _claims():
    return [claim(POLL, "to win between 26 and 30 of the 60 seats in the assembly", "exit poll",
                  measured="Unity Party win seats", stance="estimated"),
            claim(COUNT, "The Unity Party won 28 of the 60 seats in the assembly",
                  "electoral commission", measured="Unity Party win seats",
                  speaker_type="ORG")]


def test_the_whole_a_part_is_counted_of_is_no_figure_of_the_claim() -> None:
    figures = figures_of(_claims(), {a.id: a for a in (POLL, COUNT)})
    assert sorted(f.quantity.text for f in figures) == ["28", "between 26 and 30"]


def test_a_count_inside_a_polls_range_is_no_claim_of_the_poll(settings) -> None:
    result = compare_story(Story("s", None, ("poll", "count")), [POLL, COUNT], _claims(), [],
                           settings, embed_fn=bow_embed)
    assert list(result.conflicts) == []
    assert sorted(len(p.claim_ids) for p in result.propositions) == [1, 1]


def test_a_count_of_what_a_name_won_is_named_as_its_own() -> None:
    from corroborator.compare.conflicts import _held_by_name

    assert _held_by_name("Unity Party win seats", "seats", "seats") == "Unity Party's seats"
    # what a name cut is not its own; a phrase without a name stays as it is
    assert _held_by_name("Kelvar Motors cut jobs", "jobs", "jobs") is None
    assert _held_by_name("party win seats", "seats", "seats") is None
