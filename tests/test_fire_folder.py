"""A wildfire folder as a newsroom would drop it in: a wire story, its syndicated copy, a
tabloid rewrite that turns the fire service's "nearly 4,000 hectares" into "more than 4,000",
a plain-text report whose byline names its outlet, the wire's next-day update and an
unrelated fire. Written for the faults a first run found."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.model, pytest.mark.embeddings]

FOLDER = Path(__file__).resolve().parent / "data" / "fire"


@pytest.fixture(scope="module")
def fire(dossier) -> dict:
    return max(dossier["stories"], key=lambda s: len(s["articles"]))


def test_fire_plain_text_byline_names_its_outlet(dossier) -> None:
    outlets = {a["outlet"] for s in dossier["stories"] for a in s["articles"]}
    assert "Northern Ledger" in outlets


def test_the_wire_lead_is_the_fire_service_statement(claims) -> None:
    # "A wildfire ... has burned nearly 4,000 hectares ..., the regional fire service said on
    # Tuesday, forcing ...": the clause before the speaker is what the service said
    leads = [c for c in claims if c["speaker"] == "regional fire service"
             and "nearly 4,000 hectares" in c["content"]]
    assert len(leads) == 2  # the wire and its copy
    assert all(c["content"].startswith("A wildfire fanned by") for c in leads)


def test_the_utility_and_the_company_are_the_firm_named_before(claims) -> None:
    speakers = {c["speaker"] for c in claims}
    assert "utility" not in speakers and "company" not in speakers
    cooperating = [c for c in claims if "cooperating" in c["content"]]
    assert {c["speaker"] for c in cooperating} == {"Veltra Power"}


def test_the_rewrite_misreports_the_fire_service(fire) -> None:
    props = {c["id"]: c for c in fire["claims"]}
    misreports = [c for c in fire["conflicts"] if c["kind"] == "misreport"]
    assert misreports, fire["conflicts"]
    figures = {q["text"] for c in misreports for p in c["claims"]
               for q in props[p]["quantities"]}
    assert figures == {"nearly 4,000 hectares", "more than 4,000 hectares"}


def test_a_quarterly_and_an_annual_profit_are_no_conflict(dossier) -> None:
    for story in dossier["stories"]:
        texts = {c["id"]: c["text"] for c in story["claims"]}
        assert not [c for c in story["conflicts"]
                    if any("profit" in texts[p] for p in c["claims"])]


def test_the_short_tabloid_rewrite_is_the_wires_and_no_independent_source(fire) -> None:
    # five of its six sentences follow the wire's, in the wire's order, each reworded
    by_outlet = {a["outlet"]: a for a in fire["articles"]}
    wire_ids = {a["id"] for a in fire["articles"] if a["outlet"] == "Harbor Press Agency"}
    sources = {(d["article"], d["relation"]) for d in by_outlet["The Daily Flare"]["derived_from"]}
    assert {article for article, relation in sources if relation == "rewrite"} & wire_ids
    # the wire's lineage and its own next-day update: one outlet's own reports, one source
    assert fire["independent_sources"] == 1


def test_the_chiefs_revision_of_the_fire_services_figure_is_an_update(fire) -> None:
    # "... has grown to 6,200 hectares, Fire Chief Tomas Brannigan said, up from his estimate
    # of nearly 4,000 hectares a day earlier": the service's figure of the day before, revised
    props = {c["id"]: c for c in fire["claims"]}
    updates = [c for c in fire["conflicts"] if c["kind"] == "update"]
    assert len(updates) == 1, fire["conflicts"]
    figures = {q["text"] for p in updates[0]["claims"] for q in props[p]["quantities"]}
    assert {"nearly 4,000 hectares", "6,200 hectares"} <= figures
    assert "Tomas Brannigan" in updates[0]["explanation"]
