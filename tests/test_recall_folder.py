"""A carmaker's recall over a steering fault, as a motoring desk's folder holds it
(tests/data/recall): Quellmark Motors recalls Saronne and Lintra vehicles in Velmark because
a steering column bolt can work loose, told over five days. The news agency's wire (the
company's "about 410,000 vehicles", its statement quoted, the Velmark Road Safety Board's 212
complaints, 14 injuries and two deaths, "from next Monday", "built between March 2024 and
January 2025", "The company's spokeswoman, Ilse Marrow, said", a cost of "about 180 million
euros", "according to people familiar with the matter", a denial); an evening paper's
syndicated copy with other boilerplate; a motoring site's rewrite ("more than 400,000 cars",
the statement paraphrased, "three deaths"); the board's own notices as JSON Lines (409,862
vehicles, then an amended notice: 468,300 vehicles, 305 complaints, 19 injuries); a business
paper (.txt) with the cost in euros and dollars ("about 180 million euros ($196 million), the
company said, roughly a fifth of ...") and people familiar with the matter; a consumer
weekly (.txt) with a drivers' association's "at least 37 injuries" and a lawyer named in an
apposition; a broadcaster's feed with the widened recall; a German report of the same recall;
and, in the same feed, another maker's unrelated recall of delivery vans.

Written for the faults a first run found: "Quellmark expects the recall to cost about 180
million euros, the company said" was the Velmark Road Safety Board's (a board that speaks
read as a firm, so "the company" went to it); "Brisant Automotive ..., the company said" left
"company" as the speaker (the recogniser labelled nothing in the firm's name); "Quellmark" and
"Quellmark Motors" were two speakers (the recogniser took the short name for a place); "is
calling back more than 400,000 cars" was a claim of the carmaker with "calling" as its cue;
"Owners who are unsure whether their car is affected can check ..." (the copy's boilerplate)
was a claim of "Owners"; "adding Veda models built in the same period" was a claim with
"adding" as its cue, which kept the amended notice's 468,300 vehicles out of every claim; the
business paper's "The recall will cost ... about 180 million euros ($196 million), the company
said, roughly a fifth of ..." gave only "roughly a fifth ..." as what was said; the board's
14 injuries raised to 19 was no update (the wire's one sentence with complaints and injuries
tied the notice's two claims into one proposition, and only one conflict per pair of
propositions was kept, the complaints' 212 to 305); the board's recall widened to 468,300
vehicles was a source-disagreement with the company's "about 410,000", not an update, and the
board's own 409,862 was compared with neither ("widened its recall ... to 468,300 vehicles"
was read as who the widening reaches, "Quellmark Motors widened vehicles", not as the
recall's new size: the carmaker moving its own count, which the board only tells); the
counts were named by quoted clauses ("for “the fault has been linked … deaths”"), now by
what they count ("deaths the fault has been linked to"); "between March 2024" and "the
summer of 2025" were not dated.

The rewrite, which moves the spokeswoman's sentence to its end and tells the wire's quotation
as "the carmaker said customers' safety came first", was no rewrite of the wire (fact order
.83 against the condensed bar .9) and counted as an independent source; it is now the wire's
rewrite (bar .75), so its summary of the quotation is no quote-variant and the carmaker's
cost has two independent sources, not three.

Left as found: "apologised to owners for the trouble" is a claim whose content is "the
trouble" (dropping a bare "for the trouble" made the "said" claim before it swallow the
apology); the amended notice's own "extended its recall of vehicles with a steering column
bolt that may work loose to 468,300 vehicles" hangs "to 468,300 vehicles" on "work loose" in
the parse, so only the broadcaster's "widened" sentence carries the recall's new size; "a
company spokesman" of the van maker stays "company spokesman"; the headline's "Drivers' group
says ..." is a speaker of its own beside the Velmark Drivers' Association; the rewrite's
"three deaths" is a misreport against the board's notice.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .dossier_views import claims_with_figure

pytestmark = [pytest.mark.model, pytest.mark.embeddings]

FOLDER = Path(__file__).resolve().parent / "data" / "recall"


@pytest.fixture(scope="module")
def recall(dossier) -> dict:
    (story,) = [s for s in dossier["stories"] if "Quellmark" in s["title"]]
    return story


def _naming(story: dict, kind: str, *figures: str) -> list[dict]:
    """The story's conflicts of ``kind`` whose explanation quotes each of ``figures`` (a
    proposition shows one claim's figures, and the board's "212 complaints" stands for the
    wire's sentence that gives the deaths and injuries too)."""
    return [c for c in story["conflicts"] if c["kind"] == kind
            and all(f"“{f}”" in c["explanation"] for f in figures)]


def _outlets(story: dict, claim: dict) -> set[str]:
    outlet = {a["id"]: a["outlet"] for a in story["articles"]}
    return {outlet[m["article"]] for m in claim["mentions"]}


def test_the_recall_is_one_story_and_the_van_recall_another(dossier, recall) -> None:
    (vans,) = [s for s in dossier["stories"] if "Brisant" in s["title"]]
    assert len(vans["articles"]) == 1
    assert len(recall["articles"]) == 9 and recall["independent_sources"] == 6
    german = [a for a in recall["articles"] if a["language"] == "de"]
    assert len(german) == 1 and "language de" in german[0]["not_analysed"]
    (copy,) = [a for a in recall["articles"] if a["outlet"] == "Altenburg Evening Post"]
    wire = next(a for a in recall["articles"] if a["outlet"] == "Velmark Press Agency")
    assert [d["article"] for d in copy["derived_from"]] == [wire["id"]]
    (rewrite,) = [a for a in recall["articles"] if a["outlet"] == "Motor Pulse"]
    assert [(d["article"], d["relation"]) for d in rewrite["derived_from"]] == [
        (wire["id"], "rewrite")]


def test_the_rewrites_three_deaths_are_a_misreport_of_the_boards_two(recall) -> None:
    (found,) = _naming(recall, "misreport", "three", "two")
    assert found["explanation"].startswith("Motor Pulse reports Velmark Road Safety Board as "
                                           "giving “three” for deaths the fault has been "
                                           "linked to,")
    # "more than 400,000 cars" fits "about 410,000 vehicles": no conflict
    assert not [c for c in recall["conflicts"] if "more than 400,000" in c["explanation"]]


def test_the_amended_notice_updates_complaints_and_injuries(recall) -> None:
    updates = [c["explanation"] for c in recall["conflicts"] if c["kind"] == "update"]
    assert len(updates) == 4, updates
    assert any("for complaints the board has received changed from “212”" in u
               and "to “305”" in u for u in updates)
    assert any("for injuries the fault has been linked to changed from “14”" in u
               and "to “19”" in u for u in updates)
    board = [u for u in updates if u.startswith("Velmark Road Safety Board's figure")]
    assert len(board) == 3, updates


def test_the_widened_recall_updates_the_boards_and_the_carmakers_counts(recall) -> None:
    (board,) = _naming(recall, "update", "409,862", "468,300")
    assert board["explanation"].startswith(
        "Velmark Road Safety Board's figure for recall vehicles")
    # the board tells of the carmaker widening its own recall: the carmaker's count moved
    (carmaker,) = _naming(recall, "update", "about 410,000", "468,300")
    assert carmaker["explanation"].startswith("Quellmark Motors' figure for ")
    assert "given by Velmark Road Safety Board" in carmaker["explanation"]
    assert not [c for c in recall["conflicts"] if c["kind"] == "source-disagreement"
                and "468,300" in c["explanation"]]


def test_the_drivers_association_disagrees_with_the_boards_injuries(recall) -> None:
    (found,) = _naming(recall, "source-disagreement", "14", "at least 37")
    assert "Velmark Drivers' Association puts it at “at least 37”" in found["explanation"]


def test_the_cost_in_euros_and_dollars_is_the_carmakers_told_by_two_sources(recall) -> None:
    (cost,) = claims_with_figure(recall, "about 180 million euros")
    assert cost["speaker"] == "Quellmark Motors"
    # the wire and the business paper: the motoring site's cost is the wire's, rewritten
    assert cost["status"] == "corroborated" and cost["independent_sources"] == 2
    assert "Altenburg Business Ledger" in _outlets(recall, cost)  # "($196 million)"


def test_the_carmaker_is_one_speaker_and_the_van_maker_is_named(dossier, recall) -> None:
    speakers = {c["speaker"] for s in dossier["stories"] for c in s["claims"]}
    assert "Quellmark" not in speakers and "company" not in speakers
    assert {"Quellmark Motors", "Brisant Automotive"} <= speakers
    assert not [c for c in recall["claims"] if c["speaker"] == "Velmark Road Safety Board"
                and "million euros" in c["text"]]


def test_stances_appositions_and_unnamed_sources(recall) -> None:
    stances = {(c["speaker"], c["stance"]) for c in recall["claims"]}
    assert {("Quellmark Motors", "denied"), ("Analysts at Torvik Bank", "hedged")} <= stances
    assert {"Jonas Feld", "Greta Holm", "people familiar with the matter"} <= \
        {c["speaker"] for c in recall["claims"]}
    # "the company's spokeswoman, Ilse Marrow" speaks for the carmaker, through her
    assert {c["speaker"] for c in recall["claims"] if "Ilse Marrow" in c["speakers"]} == \
        {"Quellmark Motors"}
    (lawsuit,) = claims_with_figure(recall, "40 million euros")
    assert lawsuit["speaker"] == "Jonas Feld"


def test_the_repair_date_is_resolved_and_boilerplate_is_no_claim(claims) -> None:
    dated = {(d["text"], d["resolved"]) for c in claims for d in c["dates"]}
    assert ("next Monday", "2026-10-12") in dated
    # a range's start, and a season with its year, open on their first day
    assert ("between March 2024", "2024-03-01") in dated
    assert ("the summer of 2025", "2025-06-01") in dated
    assert not [c for c in claims if c["speaker"] == "Owners"]
    assert not [c for c in claims if (c["cue"] or "").endswith("calling")]
    assert not [c for c in claims if c["content"].startswith("Veda models")]


def test_the_widened_recall_is_in_a_claim_of_the_amended_notice(recall) -> None:
    widened = claims_with_figure(recall, "468,300")
    assert widened and "Velmark Road Safety Board" in _outlets(recall, widened[0])
