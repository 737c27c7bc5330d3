"""The whole comparison on parsed text: fictional reports through the NLP stage, then compared
with the packaged sentence encoder (model and embedding tests)."""

from __future__ import annotations

import pytest

from .helpers import article, compare_by_story, parse_reports

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
    # one speaker's amount told of two differently parsed things ("construction" against
    # the relative clause's antecedent), beside a different amount for another project
    article("tram-a", "Harbour Gazette",
            "Mayor Lina Oskarsson said construction of the ring tram would cost 410 million "
            "kronor. The port authority said the new ferry terminal would cost 95 million "
            "kronor.", day=13, hour=9),
    article("tram-b", "Coastal Courier",
            "The council backed the ring tram, which Mayor Lina Oskarsson said would cost 410 "
            "million kronor, by a wide margin.", day=13, hour=14),
    # a governor's own figures a day apart: one given as "up from his earlier estimate",
    # one as a death toll without a counted noun
    article("storm-a", "Northgate Wire",
            "Storm Odile damaged nearly 2,300 homes in Kesslo, regional governor Ivo Brandt said "
            "on Monday. Brandt put the death toll at 14.", day=14, hour=7),
    article("storm-b", "Northgate Wire",
            "Regional governor Ivo Brandt said on Tuesday that 3,100 homes had been damaged by "
            "Storm Odile, up from his earlier estimate of nearly 2,300. The death toll rose to "
            "17, Brandt said.", day=15, hour=7),
]


@pytest.fixture(scope="module")
def parsed(settings, nlp):
    return parse_reports(REPORTS, settings, nlp)


@pytest.fixture(scope="module")
def compared(settings, parsed):
    return compare_by_story(REPORTS, parsed, settings)


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


def test_one_speakers_amount_in_two_outlets_is_corroborated(compared, parsed) -> None:
    mayor = [p for p in compared["tram"].propositions if len(p.claim_ids) == 2]
    assert len(mayor) == 1, [(p.claim_ids, p.status) for p in compared["tram"].propositions]
    assert mayor[0].status == "corroborated" and mayor[0].independent_sources == 2
    # the terminal's cost, another amount of another speaker, stays apart
    figures = {c.id: [q.text for q in c.quantities] for c in parsed}
    assert all(figures[c] == ["410 million kronor"] for c in mayor[0].claim_ids)
    assert compared["tram"].conflicts == ()


def test_a_governors_revised_figures_are_updates(compared) -> None:
    conflicts = compared["storm"].conflicts
    assert sorted(c.kind for c in conflicts) == ["update", "update"], [
        c.explanation for c in conflicts]
    text = " ".join(c.explanation for c in conflicts)
    assert "nearly 2,300" in text and "3,100" in text and "14" in text and "17" in text
