"""A regional election and its count through the night, as an election desk's folder holds it
(tests/data/tally; tests/data/election was an earlier, smaller set): the Kessling vote in
Norvania over two days. A broadcaster's exit poll (about 40%, "between 26 and 30 of the 60
seats", turnout "about 61%" by the commission's estimate, a spokesman's quotation split by
its cue); the news agency's overnight feed item ("with 40% of ballots counted ... 38.2%",
"projected to win 27 of the 60 seats", "it is believed") and its morning wire ("with 97% ...
41.5%", 28 seats, turnout 61.8%, "more than 1.2 million votes", the losing candidate alleging
irregularities, the commission denying them, its chair's "between 2,000 and 3,000" disputed
ballots, "nearly half of voters", "next month's run-off"); a regional paper's syndicated copy
with other boilerplate; a partisan site's rewrite (JSON Lines) that makes "fewer than 900
votes" "barely 90" and gives the chair's words to the party's spokesman; a local radio's
report (.txt) citing the opposition's observers for about 4,500 disputed ballots; the final
results a day later (41.6%, 28 seats, 874 votes); a short Spanish report of the same count;
and a by-election in another country the same week.

Written for the faults a first run found: the commission's 40% then 97% of ballots counted,
eight hours apart, was a misreport; the rewrite's faithful indirect report of the candidate's
quotation was a quote-variant ("words found in no other report", though the wire carries
them); "expected to rule late on Monday" in a Monday report was next Monday, "next month's"
no date; "said between 2,000 and 3,000 ballots were disputed" lost "between" to the cue and
with it the figure, so the chair and the observers did not disagree (ranges hung on
"between" counted no noun); the agency's feed ("Norvan Press Agency - Politics") was another
outlet, so its 27 seats and its 28 were no update and the agency two sources; the tagger
read "alleged" and "projects" as plain statements; "far more than the electoral commission
has acknowledged" was the commission's claim "far more"; "has reportedly denied any
wrongdoing" lost the commission and its denial; "the Alliance's chief observer, Hanna
Mikkel," spoke as the role, and her quotation as "Mikkel"; "told KTV" in KTV's own report
was a chain; "Alliance observers puts"; the Spanish report counted among the sources with no
word that it was never read; "The party took 41.6%" was no party's share, so the final count
did not update the 41.5%; the exit poll's "between 26 and 30" seats was one corroborated
claim with the count's 28 (through the range and the "60" of "of the 60 seats"), under the
poll's name and the count's update badge; the update named "party win seats"; the
spokesman's borrowed quotation went unnoticed; "an estimate by the commission" and "the
commission's figures" were speakers called "estimate" and "commission's figures".

Then (a second pass): the timeline's change lines gave every figure of both claims ("27, 60
→ 28, 60, 24": the assembly's size and the seats of 2021 too); the rewrite that keeps only
two of the count's three shares and adds the seats had a wording line that changed nothing;
the commission's estimated "about 61%" and its stated 61.8% the next morning were one
corroborated claim, not an update; "Lasko now takes on Treml in next month's run-off" was a
claim (the trained tagger's cue "takes on", a phrasal verb of contest); the partisan rewrite
was not found as one (seven of its eight sentences pair with the wire's, in another order,
but the chair's sentence is split in two: its narration pairs with the wire's sentence and
the quotation it keeps word for word stands alone, so no pair of sentences both quoted, and
its own name, "The Patriot will be there", was a fact the wire lacks: 21 of 24 facts, .875,
under the .9 the reordered test needs), so "barely 90" was no misreport of "fewer than 900".

Left as found: the margins ("fewer than 900 votes", "barely 90 votes", "by 874 votes")
stand in the narrator's clauses of sentences with an attribution and are in no claim, and
their measured phrases ("margin votes", "Regional Alliance cheated votes", "Unity candidate
won votes") would not pair (the rewrite's misreport is found along the derivation edge);
the governor's 48.9% (its count stage told in another sentence) and the final 48.7% are two
outlets' own figures that are not paired: their measured phrases ("Unity Party Anja Treml
won", "Anja Treml won") are at cosine .72, under the .85 that pairs figures; as shares, the
wire's takes the whole "voters" from the sentence before ("Nearly half of voters in the
regional capital", another figure's) and the final's has none, so the one owner does not
pair them either; and paired, two outlets' own figures have no rule that makes the later an
update (outlets are never distinct sources, the wire's stage is in another sentence and the
final's "final results" is no stage the count reader knows), so it would need a stage read
over the article, not the sentence; the radio's headline and lead give one source two names
("Alliance observers", "Regional Alliance's team"); the count-stage update names the stage
("ballots counted ... 40% to 97%"), the shares' move is in the timeline.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .dossier_views import claims_with_figure

pytestmark = [pytest.mark.model, pytest.mark.embeddings]

FOLDER = Path(__file__).resolve().parent / "data" / "tally"


@pytest.fixture(scope="module")
def kessling(dossier) -> dict:
    (story,) = [s for s in dossier["stories"] if "Kessling" in s["title"]]
    return story


def test_the_count_through_the_night_is_updated_not_misreported(kessling,
                                                                 conflict_figures) -> None:
    moved = [c for c in kessling["conflicts"]
             if {"40%", "97%"} <= conflict_figures(kessling, c)]
    assert [c["kind"] for c in moved] == ["update"], [c["explanation"] for c in moved]
    # the one misreport is the rewrite's margin, no stage of the count
    assert all("%" not in c["explanation"] for c in kessling["conflicts"]
               if c["kind"] == "misreport")


def test_a_quotation_told_back_in_indirect_speech_is_no_variant(kessling) -> None:
    assert not [c for c in kessling["conflicts"]
                if c["kind"] == "quote-variant" and "Lasko" in c["explanation"]]
    (moved,) = [c for c in kessling["claims"] if c["text"].startswith("“Ballots were moved")]
    # one claim in the wire and in the rewrite that tells it back (one lineage: one source)
    (patriot,) = [a["id"] for a in kessling["articles"] if a["outlet"] == "The Kessling Patriot"]
    assert patriot in {m["article"] for m in moved["mentions"]}


def test_a_ruling_expected_late_on_the_day_of_the_report_is_that_day(claims) -> None:
    (ruling,) = [c for c in claims if c["content"].startswith("The commission is expected")]
    assert [d["resolved"] for d in ruling["dates"]] == ["2026-11-16"]


def test_the_commissions_disputed_ballots_disagree_with_the_observers(kessling,
                                                                      conflict_figures) -> None:
    (olsen,) = claims_with_figure(kessling, "between 2,000 and 3,000")
    assert olsen["speakers"] == ["Mira Olsen"]
    assert olsen["quantities"][0]["unit"] == "ballots"
    disagreements = [c for c in kessling["conflicts"] if c["kind"] == "source-disagreement"]
    assert any({"between 2,000 and 3,000", "4,500"} <= conflict_figures(kessling, c)
               or {"between 2,000 and 3,000", "About 4,500"} <= conflict_figures(kessling, c)
               for c in disagreements), [c["explanation"] for c in disagreements]
    assert not any("observers puts" in c["explanation"] for c in disagreements)


def test_the_agencys_feed_and_its_site_are_one_outlet_whose_seat_projection_moved(
        kessling) -> None:
    outlets = [a["outlet"] for a in kessling["articles"]]
    assert outlets.count("Norvan Press Agency") == 2
    seats = [c for c in kessling["conflicts"]
             if "“27”" in c["explanation"] and "“28”" in c["explanation"]]
    assert [c["kind"] for c in seats] == ["update"], [c["explanation"] for c in seats]
    assert "figure for Unity Party's seats changed" in seats[0]["explanation"]


def test_an_allegation_and_a_projection_keep_their_stances(claims) -> None:
    stances = {c["content"]: c["stance"] for c in claims}
    assert stances["irregularities in the Ardenport North district"] == "alleged"
    # the party the poll projects to win is part of what it projects
    assert stances["the Unity Party to win between 26 and 30 of the 60 seats in the regional "
                   "assembly"] == "estimated"


def test_a_figure_measured_against_the_commissions_word_is_no_claim_of_it(claims) -> None:
    assert not [c for c in claims if c["content"] == "far more"]


def test_the_commissions_denial_told_as_hearsay_is_still_its_denial(claims) -> None:
    (denial,) = [c for c in claims if c["content"] == "any wrongdoing"]
    assert (denial["speaker"], denial["stance"]) == ("Kessling Electoral Commission", "denied")


def test_the_chief_observer_is_named_and_her_quotation_is_hers(claims) -> None:
    speakers = {c["speaker"] for c in claims}
    assert "Hanna Mikkel" in speakers
    assert "Alliance's chief observer" not in speakers
    assert "Mikkel" not in speakers


def test_what_a_candidate_told_the_broadcaster_reaches_it_through_no_chain(claims) -> None:
    (told,) = [c for c in claims if "Exit polls have been wrong" in c["content"]]
    assert (told["speaker"], told["via"]) == ("Piotr Lasko", [])


def test_the_spanish_report_joins_the_story_marked_as_not_read(kessling) -> None:
    (spanish,) = [a for a in kessling["articles"] if a["language"] == "es"]
    assert spanish["outlet"] == "Diario del Estrecho"
    assert "language es" in spanish["not_analysed"]
    assert all(a.get("not_analysed") is None for a in kessling["articles"] if a is not spanish)


def test_the_final_share_updates_the_share_at_97_percent_counted(kessling) -> None:
    shares = [c for c in kessling["conflicts"]
              if "“41.5%”" in c["explanation"] and "“41.6%”" in c["explanation"]]
    assert [c["kind"] for c in shares] == ["update"], [c["explanation"] for c in shares]
    assert "Unity Party's share of the vote" in shares[0]["explanation"]


def test_the_exit_polls_seat_range_is_its_own_claim_not_the_counts(kessling) -> None:
    (poll,) = claims_with_figure(kessling, "between 26 and 30")
    assert poll["speakers"] == ["exit poll"] and poll["stance"] == "estimated"
    assert poll["status"] == "single-source"
    assert all(m["article"] != a["id"] for m in poll["mentions"] for a in kessling["articles"]
               if a["outlet"] != "KTV News")


def test_the_commissions_estimate_and_figures_are_the_commissions(claims) -> None:
    estimate = [c for c in claims if c["content"] == "Turnout was about 61%"
                and c["cue"] == "according to"]
    assert [(c["speaker"], c["stance"]) for c in estimate] == [
        ("Kessling Electoral Commission", "estimated")]
    figures = {c["speaker"] for c in claims if c["content"].startswith("Nearly half of voters")}
    assert figures == {"Kessling Electoral Commission"}


def test_next_months_run_off_is_dated_to_next_month(claims) -> None:
    dated = {d["text"]: d["resolved"] for c in claims for d in c["dates"]}
    assert dated["next month's"] == "2026-12-01"


def test_the_chairs_words_in_the_spokesmans_mouth_are_a_quote_variant(kessling) -> None:
    moved = [c for c in kessling["conflicts"] if c["kind"] == "quote-variant"]
    assert [c["explanation"] for c in moved] == [
        "The Kessling Patriot quotes Daniel Ferro as saying “a normal number for an election "
        "of this size”, words Norvan Press Agency gives to Mira Olsen."]


def test_the_commissions_estimated_turnout_is_updated_by_its_stated_figure(kessling) -> None:
    turnout = [c for c in kessling["conflicts"]
               if "“about 61%”" in c["explanation"] and "“61.8%”" in c["explanation"]]
    assert [c["kind"] for c in turnout] == ["update"], [c["explanation"] for c in turnout]
    (estimate,) = claims_with_figure(kessling, "about 61%")
    assert all(q["text"] != "61.8%" for q in estimate["quantities"])


def test_a_phrasal_verb_of_contest_is_no_claim(claims) -> None:
    assert not [c for c in claims if c["cue"] == "takes on"]


def test_the_partisan_rewrite_is_the_wires_and_misreports_its_margin(kessling) -> None:
    (patriot,) = [a for a in kessling["articles"] if a["outlet"] == "The Kessling Patriot"]
    assert [d["relation"] for d in patriot["derived_from"]] == ["rewrite"]
    misreports = [c["explanation"] for c in kessling["conflicts"] if c["kind"] == "misreport"]
    assert any("“fewer than 900”" in m and "“90”" in m for m in misreports), misreports


def test_a_change_line_names_only_the_figure_that_moved(kessling) -> None:
    changes = [(ch["from"], ch["to"]) for e in kessling["timeline"] for ch in e["changes"]]
    assert ("27", "28") in changes, changes
    assert all("60" not in was.split(", ") for was, _ in changes), changes
