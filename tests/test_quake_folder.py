"""A folder of five reports as a newsroom would drop them in (a wire story, a syndicated
copy with its boilerplate, a hard-wrapped plain-text report from another outlet, the wire's
next-day update, an unrelated article), analysed from the command line: the dossier a user
reads. Written for the faults a first run found (speakers, chains, wrapped lines, dates)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.model, pytest.mark.embeddings]

FOLDER = Path(__file__).resolve().parent / "data" / "quake"


@pytest.fixture(scope="module")
def quake(dossier) -> dict:
    return max(dossier["stories"], key=lambda s: len(s["articles"]))


def propositions(story: dict) -> dict[str, dict]:
    return {c["id"]: c for c in story["claims"]}


def test_quake_dossier_is_valid_and_holds_one_story_of_four(dossier, quake) -> None:
    # (folder_cli checks the dossier against the contract)
    assert sorted(len(s["articles"]) for s in dossier["stories"]) == [1, 4]
    outlets = {a["outlet"] for a in quake["articles"]}
    assert outlets == {"Meridian Press Agency", "The Lakeside Courier", "The Santavel Tribune"}


def test_quake_copy_is_one_source_and_plain_text_keeps_its_date(quake) -> None:
    by_outlet = {a["outlet"]: a for a in quake["articles"]}
    assert by_outlet["The Lakeside Courier"]["derived_from"]
    assert by_outlet["The Santavel Tribune"]["published"].startswith("2026-11-03")


def test_quake_conflicts_are_the_ones_a_reader_should_see(quake) -> None:
    props = propositions(quake)
    found: dict[str, list[set[str]]] = {}
    for conflict in quake["conflicts"]:
        speakers = {name for p in conflict["claims"] for name in props[p]["speakers"]}
        found.setdefault(conflict["kind"], []).append(speakers)
    # the interior ministry (cited by the broadcaster, then itself) raised its count
    assert {"interior ministry"} in found["update"]
    # one quotation against another outlet's wording of the same point, twice
    assert {"Dario Lenz"} in found["quote-variant"] and {"Renata Voss"} in found["quote-variant"]
    # the Health Ministry's 118 against the disaster agency's toll
    assert any("Health Ministry" in s for s in found["source-disagreement"])
    # no outlet misquotes anyone here: any misreport would be a false one
    assert "misreport" not in found


def test_quake_speakers_and_chains(folder_cli) -> None:
    claims = folder_cli.extract(FOLDER)
    assert not [c for c in claims if c["speaker"] == "Kel Aran"], "a town is no speaker"
    assert "Renata Voss" in {c["speaker"] for c in claims if c["quote"]}
    cited = [c for c in claims if c["content"].startswith("about 2,000 buildings")]
    assert len(cited) == 2  # the wire and its copy
    assert {(c["speaker"], tuple(c["via"])) for c in cited} == {
        ("interior ministry", ("MTV", "interior ministry"))}
    wrapped = {" ".join(c["content"].split()) for c in claims
               if c["speaker"] == "Lidia Farrow"}
    assert "field hospitals were being set up in Kel Aran and two nearby towns" in wrapped
