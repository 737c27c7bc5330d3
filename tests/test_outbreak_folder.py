"""A cholera outbreak as the wire, a syndicated copy, a tabloid, the health ministry's own
bulletin and a health news site's report of an international agency's figures four days
later tell it, with a measles vaccination drive in the same country the same week. Written
for the faults a first run found: the hospital's "treating 85 cholera patients" was set
against the ministry's "infected at least 120 people" as a source disagreement, the Global
Health Alliance spoke as "Alliance" ("health" is a title, as in "Health Minister"), "the
report said" after "the Global Health Alliance said in a report" stayed an unknown report,
"14 people have died" after "cases have nearly doubled" was measured as "people doubled
and died", and "the agency counted 780 suspected cases, up from about 400 a week earlier"
was no claim (a tally is an attribution only with a figure), and once it was one, set
against the ministry's "more than 400" as a source disagreement, though the agency's own
sentence gives the level it rose from."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.model, pytest.mark.embeddings]

FOLDER = Path(__file__).resolve().parent / "data" / "outbreak"


@pytest.fixture(scope="module")
def outbreak(dossier) -> dict:
    (story,) = [s for s in dossier["stories"] if "Port Derrow" in s["title"]]
    return story


def _claim(story: dict, start: str) -> dict:
    (found,) = [c for c in story["claims"] if c["text"].startswith(start)]
    return found


def test_the_five_outbreak_reports_are_one_story_and_the_vaccination_drive_another(
        dossier, outbreak) -> None:
    assert len(dossier["stories"]) == 2
    assert len(outbreak["articles"]) == 5
    (other,) = [s for s in dossier["stories"] if s is not outbreak]
    assert not other["conflicts"]


def test_the_syndicated_copy_is_found(outbreak) -> None:
    (copy,) = [a for a in outbreak["articles"] if a["outlet"] == "Velmora Courier"]
    (wire,) = [a for a in outbreak["articles"] if a["outlet"] == "Halden Press Agency"]
    assert [d["article"] for d in copy["derived_from"]] == [wire["id"]]


def test_the_patients_one_hospital_treats_are_not_the_outbreaks_infected(
        outbreak, conflict_figures) -> None:
    for conflict in outbreak["conflicts"]:
        assert "85" not in conflict_figures(outbreak, conflict), conflict["explanation"]


def test_the_suspected_cases_are_told_from_the_confirmed(claims) -> None:
    (wire, _copy) = [c for c in claims if c["content"].startswith("laboratory tests had")]
    measured = {q["text"]: q["measured"] for q in wire["quantities"]}
    assert "suspected" in measured["more than 400"]
    assert "suspected" not in measured["120"]


def test_the_agency_speaks_by_its_whole_name_and_for_its_report(outbreak) -> None:
    assert _claim(outbreak, "Confirmed cholera cases")["speaker"] == "Global Health Alliance"
    assert _claim(outbreak, "The case fatality rate")["speaker"] == "Global Health Alliance"
    # a person quoted in the report still speaks for himself
    assert _claim(outbreak, '"The numbers are still rising')["speaker"] == "Imre Kastell"


def test_the_dead_are_not_what_doubled(claims) -> None:
    (agency,) = [c for c in claims if c["content"].startswith("Confirmed cholera cases")]
    measured = {q["text"]: q["measured"] for q in agency["quantities"]}
    assert measured["14"] == "people who died"
    assert measured["231"].startswith("Confirmed cholera cases")


def test_the_agencys_tally_is_a_claim_and_updates_the_ministrys_suspected_cases(
        claims, outbreak, conflict_figures) -> None:
    (tally,) = [c for c in claims if c["content"].startswith("780 suspected cases")]
    assert tally["cue"] == "counted"
    # the agency's own report gives the earlier level it rose from ("up from about 400")
    (suspected,) = [c for c in outbreak["conflicts"]
                    if {"more than 400", "780"} <= conflict_figures(outbreak, c)]
    assert suspected["kind"] == "update", suspected["explanation"]


def test_the_drives_children_under_five_are_an_age_group_not_a_count(claims) -> None:
    figures = [q for c in claims for q in c["quantities"] if q["text"] == "under five"]
    assert figures, "the vaccination drive's claim gives the age group"
    assert all(q["unit"] == "year of age" and q["measured"] == "children" for q in figures)
