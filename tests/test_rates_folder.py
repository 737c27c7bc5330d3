"""A central bank's rate decision as four outlets report it: the wire, a consumer site that
rewrites it and turns the bank's 5.1% inflation forecast into 5.4%, a local paper with the
statistics office's figures and a bank economist, and the next day's report of the governor
cutting the bank's growth forecast. Written for the faults a first run found: "the bank"
became Nordvik Bank (named once, in another article, as an economist's employer), and the
governor's forecast cut was no update of the bank's figure."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.model, pytest.mark.embeddings]

FOLDER = Path(__file__).resolve().parent / "data" / "rates"


@pytest.fixture(scope="module")
def story(folder_cli) -> dict:
    dossier = folder_cli.analyze(FOLDER)  # checked against the dossier contract
    assert len(dossier["stories"]) == 1
    return dossier["stories"][0]


def test_the_bank_is_the_central_bank_not_the_economists_employer(story) -> None:
    speakers = {c["speaker"] for c in story["claims"]
                if any(q["text"] in ("5.1%", "5.4%") for q in c["quantities"])}
    assert speakers == {"National Bank of Estmark"}


def test_the_rewrite_misreports_the_banks_forecast(story, conflict_figures) -> None:
    misreports = [c for c in story["conflicts"] if c["kind"] == "misreport"]
    assert [conflict_figures(story, c) >= {"5.1%", "5.4%"} for c in misreports] == [True]


def test_the_governors_forecast_cut_updates_the_banks_figure(story, conflict_figures) -> None:
    updates = [c for c in story["conflicts"] if c["kind"] == "update"]
    assert len(updates) == 1, story["conflicts"]
    assert {"1.8%", "1.2%"} <= conflict_figures(story, updates[0])
    assert "Pia Lund" in updates[0]["explanation"]


def test_the_governor_and_her_bank_never_disagree_as_two_sources(story) -> None:
    # her "below 5% by the end of next year" beside the bank's 5.1% average forecast: one
    # source, and no revision ties the two figures
    speakers = {c["id"]: c["speaker"] for c in story["claims"]}
    for conflict in story["conflicts"]:
        if {speakers[i] for i in conflict["claims"]} >= {"Pia Lund"} and conflict["kind"] != \
                "quote-variant":
            assert conflict["kind"] == "update", conflict["explanation"]


def test_the_rewrites_reworded_quotation_is_a_quote_variant(story) -> None:
    # "bring inflation back to target" against "bring inflation down": a character ratio of
    # 84, but words of substance swapped
    variants = [c for c in story["conflicts"] if c["kind"] == "quote-variant"]
    assert len(variants) == 1 and "whatever it takes" in variants[0]["explanation"]
