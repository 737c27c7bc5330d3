"""A data breach as a mobile operator, the outlets and the regulator tell it: the wire's
report of the company's statement ("about 2.4 million customers"), a syndicated copy, a tech
site's rewrite ("More than 2.5m", "the operator has admitted", "Boss Sofia Marrin"), the
company's own statement as plain text, the data commissioner's count a day later ("about 3.1
million people", "about 700,000 former customers" the company had not counted), and another
operator's outage the same day. Written for the faults a first run found: "the company" and
"the operator" were speakers of their own instead of the firm, "Tessaly's data commissioner"
was not Daniel Okafor, "We have informed the Office of the Data Commissioner" was a claim
whose content was the office, "Boss" was part of a name, the dateline "VELLEN" was part of
what a figure counts, "2.5m ... customers" counted nothing, and the 700,000 former customers
were in conflict with the hackers' and the tech site's totals."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.model, pytest.mark.embeddings]

FOLDER = Path(__file__).resolve().parent / "data" / "breach"


@pytest.fixture(scope="module")
def breach(dossier) -> dict:
    (story,) = [s for s in dossier["stories"] if "Brannock" in s["title"]]
    return story


def _with_figure(claims: list[dict], figure: str) -> list[dict]:
    return [c for c in claims if any(q["text"] == figure for q in c["quantities"])]


def test_the_five_reports_are_one_story_and_the_outage_another(dossier, breach) -> None:
    assert len(dossier["stories"]) == 2
    assert len(breach["articles"]) == 5


def test_the_company_and_the_operator_are_the_firm_named_before(claims) -> None:
    firms = {c["speaker"] for c in _with_figure(claims, "about 2.4 million")}
    assert firms == {"Brannock Mobile"}
    (rewrite,) = _with_figure(claims, "More than 2.5m")
    assert rewrite["speaker"] == "Brannock Mobile"  # "..., the operator has admitted"
    (outage,) = _with_figure(claims, "About 300,000")
    # "... at a Vantor Broadband data centre, the company said"
    assert outage["speaker"] == "Vantor Broadband"


def test_a_firm_called_by_its_first_word_is_the_firm(claims) -> None:
    detected = [c for c in claims if c["content"].startswith("The attack was detected")]
    assert detected and {c["speaker"] for c in detected} == {"Brannock Mobile"}


def test_a_places_office_holder_is_the_person_with_that_title(claims) -> None:
    (count,) = _with_figure(claims, "about 3.1 million")
    assert count["speaker"] == "Daniel Okafor"


def test_telling_someone_is_no_claim_about_them(claims) -> None:
    assert not [c for c in claims if c["cue"] == "have informed"]


def test_a_tabloid_title_is_no_part_of_the_name(claims) -> None:
    quoted = [c for c in claims if c["quote"] and "deeply regret" in c["content"]]
    assert quoted and {c["speaker"] for c in quoted} == {"Sofia Marrin"}


def test_what_a_figure_counts_leaves_the_dateline_out(claims) -> None:
    (outage,) = _with_figure(claims, "About 300,000")
    (figure,) = [q for q in outage["quantities"] if q["text"] == "About 300,000"]
    assert "VELLEN" not in figure["measured"]
    assert figure["unit"] == "homes"


def test_a_scale_written_as_a_letter_keeps_its_counted_noun(claims, breach) -> None:
    (rewrite,) = _with_figure(claims, "More than 2.5m")
    (figure,) = [q for q in rewrite["quantities"] if q["text"] == "More than 2.5m"]
    assert figure["unit"] == "customers"
    assert figure["low"] == pytest.approx(2_500_000)
    # and so the rewrite's figure is the company's count, as the wire gives it
    (techpulse,) = [a["id"] for a in breach["articles"] if a["outlet"] == "TechPulse"]
    (count,) = [c for c in breach["claims"]
                if any(q["text"] == "about 2.4 million" for q in c["quantities"])]
    assert count["speaker"] == "Brannock Mobile"
    assert techpulse in {m["article"] for m in count["mentions"]}


def test_former_customers_are_part_of_the_customers_not_a_rival_count(
        breach, conflict_figures) -> None:
    for conflict in breach["conflicts"]:
        assert "about 700,000" not in conflict_figures(breach, conflict), conflict["explanation"]


def test_the_tech_sites_rewrite_joins_the_wires_lineage(breach) -> None:
    # "More than 2.5m" for "about 2.4 million", "12 million" for "more than 9 million": the
    # tech site's cut of the wire is its rewrite, so wire, copy and rewrite are one source,
    # with the company's statement and the follow-up (it counted as a fourth before)
    (techpulse,) = [a for a in breach["articles"] if a["outlet"] == "TechPulse"]
    (wire,) = [a["id"] for a in breach["articles"] if a["outlet"] == "Orrin Wire"]
    assert [(d["article"], d["relation"]) for d in techpulse["derived_from"]] == [
        (wire, "rewrite")]
    assert breach["independent_sources"] == 3
