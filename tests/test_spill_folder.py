"""An offshore oil spill and its changing estimates, as an environment desk's folder holds it
(tests/data/spill): a blowout on Brantwell Energy's Gannet Ridge platform off Kaldora's
Skerrin coast, told over four days. The news agency's wire (the operator's "about 1,000
barrels a day", a slick "covering 300 square kilometres, according to satellite images
analysed by the Orbital Watch Institute", the coastguard's "nearly 2,000 seabirds" found dead
"since the weekend", its spokesman's quotation, "the Maritime Safety Authority, citing
coastguard officials, said", the operator denying negligence, "it is believed"); a local
paper's syndicated copy with other boilerplate; a tabloid's rewrite ("more than 2,000
seabirds", a quotation the spokesman never gave); a metric report (.txt) with the operator's
"160,000 litres of oil a day" and the slick's "116 square miles"; government scientists'
"between 12,000 and 19,000 barrels a day" and an environmental group alleging a cover-up;
a radio's JSON Lines item with the minister confirming a "$250 million" clean-up fund, the
well to be capped "by the end of the month", shares that "reportedly" fell; a broadcaster's
feed with the scientists' revised "between 25,000 and 30,000 barrels a day"; a short French
report of the same spill; and a pipeline spill in a river elsewhere the same week.

Written for the faults a first run found: the coastguard spokesman spoke as the Maritime
Safety Authority (named in the next sentence), so his quotations were the authority's;
"coastguard officials" were no one's; the operator's 1,000 barrels a day and the
scientists' 12,000 to 19,000 were no source-disagreement and the scientists' revision no
update (flows: measured phrases "day escaping", "escaping", "flow", "oil" never reach the
cosine a unit that says nothing of what it measures needs; the revising report restates
the old estimate, which had kept the pair apart as two figures of one report); "160,000
litres" and "1,000 barrels", "116 square miles" and "300 square kilometres" were never
compared (no conversion), and once converted the operator's litres were its "misreport" and
"update" of its barrels (two written values under one "about"); "satellite images" and
"Satellite pictures" spoke, not the institute that analysed them; "Skerrin Fishermen's
Association" was labelled "Association"; "nearly 2,000 seabirds found dead" measured
"seabirds found", so the coastguard's later 2,300 dead seabirds was no update;
"since the weekend" and "by the end of the month" were not dated; the syndicated page's
boilerplate "Volunteers who want to help ... can register" was a hedged claim of
"Volunteers".

A later pass found the slick's two sizes named as a quoted clause ("puts “the slick covers
…” at"): a measure whose clause tells its subject's own extent is named as the subject's
(nlp.dimensions: "the slick's area"); and the timeline row of the tabloid's "More than
2,000" showed "update: Nearly 2,000 → 2,300" as if the wire's figure were its own: an update
of another row's figure now names the report that gave it. "satellite images taken on Monday
morning" (cited) and "underwater video of the wellhead" (an estimate based on it) were claims
whose content was a record, not a statement; the recogniser took "Helena Strand" for an
organisation, so "Strand" was not resolved to her; "the company's spokeswoman, Nora Keel"
spoke as herself, not as Brantwell Energy.

Left as found: the tabloid is not found as a rewrite of the wire (its five sentences pair
with the wire's in another order, with a new quotation: the guard that keeps independent
reports apart), so the spokesman's invented quotation is no quote-variant (the misreport of
the seabirds is found all the same, through the coastguard as the same source); with the
misreport kept apart, the tabloid's "more than 2,000" and the later 2,300 are one claim of
two sources (compatible figures); the French report stays a story of its own (its names
"Gannet Ridge", "Brantwell Energy", "Skerrin", "Sea Sentinel" and figures written "12 000"
do not reach the foreign-language bar; story clustering is another branch's work);
"money it will seek to recover from Brantwell Energy" is a hedged claim of "Skerrin" (the
pronoun's antecedent is the government); "had counted 2,300 dead seabirds" is estimated
(a count is a cue of estimation by design); the operator's "stood by its own figure of about
1,000 barrels a day" names no flow and stays a claim of its own; the slick's 300 square
kilometres on Monday and about 520 on Thursday are a source-disagreement between the
institute and the coastguard, hedged as "the later may be a newer estimate".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .dossier_views import claims_with_figure

pytestmark = [pytest.mark.model, pytest.mark.embeddings]

FOLDER = Path(__file__).resolve().parent / "data" / "spill"


@pytest.fixture(scope="module")
def spill(dossier) -> dict:
    (story,) = [s for s in dossier["stories"] if "Gannet Ridge" in s["title"]
                and any(a["language"] == "en" for a in s["articles"])]
    return story


def _with_figures(story: dict, conflict_figures, kind: str, *figures: str) -> list[dict]:
    return [c for c in story["conflicts"] if c["kind"] == kind
            and set(figures) <= conflict_figures(story, c)]


def test_the_coastguard_spokesman_speaks_for_the_coastguard(spill) -> None:
    quoted = [c for c in spill["claims"] if c["text"].startswith(("“Our crews", "“We cannot"))]
    assert len(quoted) == 2
    assert all((c["speaker"], c["speakers"]) == ("Kaldoran Coastguard", ["Emil Varga"])
               for c in quoted)
    (cited,) = [c for c in spill["claims"] if c["text"].startswith("the well had not yet")]
    assert cited["speaker"] == "Kaldoran Coastguard"


def test_the_companys_spokeswoman_speaks_for_the_company(spill) -> None:
    (quoted,) = [c for c in spill["claims"] if c["text"].startswith("“The platform passed")]
    assert quoted["speaker"] == "Brantwell Energy" and "Nora Keel" in quoted["speakers"]


def test_the_scientist_is_named_by_her_surname(spill) -> None:
    (quoted,) = [c for c in spill["claims"] if c["text"].startswith("“The plume")]
    assert quoted["speaker"] == "Helena Strand"


def test_records_the_words_rest_on_are_no_claims(claims) -> None:
    # "citing satellite images taken on Monday morning", "based its estimate on underwater
    # video of the wellhead": evidence named, nothing stated
    assert not [c for c in claims if c["content"].startswith(("satellite images",
                                                              "underwater video"))]


def test_the_authority_citing_coastguard_officials_is_a_chain(claims) -> None:
    cited = [c for c in claims if c["content"].startswith("the well had not yet been capped")]
    assert cited and all(c["via"] == ["The Maritime Safety Authority", "coastguard officials"]
                         for c in cited)


def test_the_operators_flow_and_the_scientists_disagree(spill, conflict_figures) -> None:
    found = _with_figures(spill, conflict_figures, "source-disagreement", "about 1,000 barrels",
                          "Between 12,000 and 19,000 barrels")
    assert len(found) == 1, [c["explanation"] for c in spill["conflicts"]]
    assert found[0]["explanation"].startswith("Brantwell Energy puts the flow per day at")


def test_the_scientists_revised_flow_is_their_update(spill, conflict_figures) -> None:
    found = _with_figures(spill, conflict_figures, "update", "Between 12,000 and 19,000 barrels",
                          "between 25,000 and 30,000 barrels")
    assert len(found) == 1, [c["explanation"] for c in spill["conflicts"]]
    assert "Kaldoran Marine Research Institute's figure for the flow per day" in \
        found[0]["explanation"]


def _mentioned_by(story: dict, claim: dict, outlet: str) -> bool:
    ids = {a["id"] for a in story["articles"] if a["outlet"] == outlet}
    return any(m["article"] in ids for m in claim["mentions"])


def test_the_flow_in_litres_corroborates_the_flow_in_barrels(spill) -> None:
    (flow,) = [c for c in claims_with_figure(spill, "about 1,000 barrels")
               if c["text"].startswith("that about 1,000 barrels")]
    assert _mentioned_by(spill, flow, "Nordhaven Post")  # "about 160,000 litres of oil a day"
    assert flow["independent_sources"] == 4
    assert not [c for c in spill["conflicts"] if "160,000 litres" in c["explanation"]]


def test_the_slick_in_square_miles_is_the_institutes_300_square_kilometres(spill) -> None:
    (slick,) = [c for c in claims_with_figure(spill, "300 square kilometres")
                if c["text"].startswith("An oil slick covering")]
    assert slick["speaker"] == "Orbital Watch Institute"
    assert _mentioned_by(spill, slick, "Nordhaven Post")  # "116 square miles"
    assert slick["independent_sources"] == 3
    assert not [c for c in spill["claims"] if c["speaker"].lower().startswith("satellite")]


def test_the_slicks_later_size_is_named_as_its_area(spill, conflict_figures) -> None:
    (found,) = _with_figures(spill, conflict_figures, "source-disagreement",
                             "300 square kilometres", "about 520 square kilometres")
    # a reader's noun phrase, not the quoted clause "the slick covers …"
    assert found["explanation"].startswith("Orbital Watch Institute puts the slick's area at")


def test_the_tabloids_seabirds_are_a_misreport_and_the_later_count_an_update(
        spill, conflict_figures) -> None:
    assert len(_with_figures(spill, conflict_figures, "misreport", "Nearly 2,000",
                             "More than 2,000")) == 1
    updates = _with_figures(spill, conflict_figures, "update", "Nearly 2,000")
    assert [c["explanation"].split(" changed")[0] for c in updates] == [
        "Kaldoran Coastguard's figure for dead seabirds"]


def test_the_tabloids_row_says_the_update_moved_the_wires_figure(spill) -> None:
    (row,) = [e for e in spill["timeline"] if e["text"].startswith("More than 2,000")]
    moved = [(ch["kind"], ch["from"], ch.get("from_outlet"), ch["to"]) for ch in row["changes"]]
    # the tabloid's own figure is worded anew; the update is the wire's "Nearly 2,000"
    assert moved == [("wording", "More than 2,000", None, "2,300"),
                     ("update", "Nearly 2,000", "Kaldoran News Agency", "2,300")]


def test_deadlines_and_the_weekend_are_dated(claims) -> None:
    dated = {(d["text"], d["resolved"]) for c in claims for d in c["dates"]}
    assert ("the end of the month", "2026-09-30") in dated
    assert ("the weekend", "2026-09-12") in dated


def test_stances_of_the_operator_the_campaigners_and_the_minister(claims) -> None:
    stances = {(c["speaker"], c["stance"]) for c in claims}
    assert {("Brantwell Energy", "denied"), ("Sea Sentinel", "alleged"),
            ("Tomas Rehn", "confirmed")} <= stances
    (fund,) = [c for c in claims if c["speaker"] == "Tomas Rehn" and c["stance"] == "confirmed"]
    assert [(q["text"], q["unit"], q["value"]) for q in fund["quantities"]] == [
        ("$250 million", "dollar", 250_000_000.0)]
    believed = [c for c in claims if c["content"].startswith("that a valve on the wellhead")]
    assert believed and all(c["stance"] == "hedged" for c in believed)


def test_the_fishermens_association_keeps_its_name(spill) -> None:
    (losses,) = claims_with_figure(spill, "about 2 million dollars")
    assert losses["speaker"] == "Skerrin Fishermen's Association"


def test_boilerplate_asking_for_volunteers_is_no_claim(claims) -> None:
    assert not [c for c in claims if c["speaker"] == "Volunteers"]


def test_the_french_report_is_stored_not_read_and_the_river_spill_is_another_story(
        dossier, spill) -> None:
    titles = [s["title"] for s in dossier["stories"]]
    assert "Pipeline rupture spills oil into Dorvel river" in titles
    french = [a for s in dossier["stories"] for a in s["articles"] if a["language"] == "fr"]
    assert len(french) == 1 and "language fr" in french[0]["not_analysed"]
    assert len(spill["articles"]) == 7 and spill["independent_sources"] == 6
