"""Figures the reports state in their own voice, compared across outlets: parsed by the NLP
stage, compared with the packaged sentence encoder (model and embedding tests)."""

from __future__ import annotations

import pytest

from corroborator.nlp import narration
from corroborator.records import Derivation

from .helpers import article, compare_by_story, parse_reports

pytestmark = [pytest.mark.model, pytest.mark.embeddings]

_FERRY = ("KESSLO — The ferry Aster capsized off Kesslo early on Tuesday. The Aster was "
          "carrying {} passengers when it overturned in heavy seas. Rescuers pulled 140 people "
          "from the water, the coast guard said.")

REPORTS = [
    article("ferry-wire", "Northgate Wire", _FERRY.format(312), day=10, hour=9),
    # two reprints that change the wire's own figure the same way
    article("ferry-a", "Harbour Gazette", _FERRY.format(350), day=10, hour=12),
    article("ferry-b", "Valley Times", _FERRY.format(350), day=10, hour=15),
    # the workforce as a wire states it and as the company's statement does
    article("deal-wire", "Baltmoor News Agency",
            "Orvane Systems agreed to buy Telmark Industries on Monday. Telmark employs about "
            "9,000 people.", day=11, hour=9),
    article("deal-board", "Telmark Industries",
            "The board of Telmark Industries recommends the offer from Orvane Systems. Telmark "
            "Industries employs approximately 9,000 people in 14 countries.", day=11, hour=10),
    # a report's own round figure and a source's count that merely fits it
    article("march-a", "Orrin Wire",
            "Tens of thousands of people marched through Calvora on Saturday against the "
            "pension plan.", day=12, hour=9),
    article("march-b", "Calvora Courier",
            "Police said more than 50,000 people joined the march through Calvora on Saturday "
            "against the pension plan.", day=12, hour=11),
    # one outlet's own count in its morning and its afternoon report
    article("live-am", "Ostrel Daily",
            "OSTREL — Rescuers have pulled 40 people alive from the collapsed market hall in "
            "Ostrel.", day=13, hour=9),
    article("live-pm", "Ostrel Daily",
            "OSTREL — Rescuers have pulled 65 people alive from the collapsed market hall in "
            "Ostrel as the search went on into the afternoon.", day=13, hour=15),
]

EDGES = [Derivation("ferry-a", "ferry-wire", "near-copy", 0.97),
         Derivation("ferry-b", "ferry-wire", "near-copy", 0.97)]


@pytest.fixture(scope="module")
def parsed(settings, nlp):
    return parse_reports(REPORTS, settings, nlp)


@pytest.fixture(scope="module")
def compared(settings, parsed):
    return compare_by_story(REPORTS, parsed, settings, EDGES)


def _proposition_of(comparison, claim_id: str):  # noqa: ANN001, ANN202
    return next(p for p in comparison.propositions if claim_id in p.claim_ids)


def _narrated(parsed, article_id: str, figure: str):  # noqa: ANN001, ANN202
    return next(c for c in parsed if c.article_id == article_id
                and c.extractor == narration.EXTRACTOR
                and any(q.text == figure for q in c.quantities))


def test_each_reprint_that_changes_the_wires_own_figure_is_a_misreport(compared) -> None:
    misreports = [c for c in compared["ferry"].conflicts if c.kind == "misreport"]
    assert len(misreports) == 2, [c.explanation for c in compared["ferry"].conflicts]
    text = " ".join(c.explanation for c in misreports)
    assert "Harbour Gazette" in text and "Valley Times" in text
    assert all("312" in c.explanation and "350" in c.explanation for c in misreports)


def test_sentences_alike_but_for_their_figure_are_two_claims(compared, parsed) -> None:
    wire = _narrated(parsed, "ferry-wire", "312")
    reprint = _narrated(parsed, "ferry-a", "350")
    ferry = compared["ferry"]
    assert _proposition_of(ferry, wire.id) != _proposition_of(ferry, reprint.id)


def test_a_wire_and_a_company_stating_one_figure_corroborate_it(compared, parsed) -> None:
    wire = _narrated(parsed, "deal-wire", "about 9,000")
    board = _narrated(parsed, "deal-board", "approximately 9,000")
    deal = compared["deal"]
    proposition = _proposition_of(deal, wire.id)
    assert board.id in proposition.claim_ids
    assert proposition.status == "corroborated" and proposition.independent_sources == 2


def test_a_reports_round_figure_is_no_claim_with_a_sources_count(compared, parsed) -> None:
    own = _narrated(parsed, "march-a", "Tens of thousands")
    police = next(c for c in parsed if c.article_id == "march-b" and c.speaker == "Police")
    march = compared["march"]
    assert _proposition_of(march, own.id) != _proposition_of(march, police.id)
    assert march.conflicts == ()


def test_an_outlets_own_later_figure_is_its_update(compared) -> None:
    conflicts = compared["live"].conflicts
    assert [c.kind for c in conflicts] == ["update"], [c.explanation for c in conflicts]
    assert conflicts[0].explanation.startswith("Ostrel Daily's own figure for")
    assert "“40”" in conflicts[0].explanation and "“65”" in conflicts[0].explanation

