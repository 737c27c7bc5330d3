"""An intercity train derails near a village, as a wire, its copy, a tabloid, the operator, a
live page and a follow-up tell it: the wire's regional police (nine dead, 63 injured, 14
critical, through spokeswoman Ilse Marrow) and operator (214 passengers and 6 crew, "about 120
km/h" below the "130 km/h limit"), a passenger's quoted words; a syndicated copy; a tabloid's
rewrite ("Around 10", "nearly 70", "roughly 120 km/h", the passenger's words paraphrased inside
quotation marks, sentences reordered); the operator's statement as plain text, its figures in
its own voice ("The train was carrying 214 passengers and 6 crew"; "Data from the train's event
recorder show ... 118 km/h"; a notice for relatives); a live page whose entries stand under
time lines ("09:15" at least six dead, "10:02" nine, "13:10" the operator's 118 km/h) below a
photo caption and a key-points list; a follow-up a day later (the toll risen to 12, the safety
board's 143 km/h against the operator's 118, a minister's claim, "220 people" on board, a line
"opened in 1911"); and a burst water main in the same city that week.

Written for the faults a first run found: the operator's speed and headcount were one
proposition (the tabloid's "roughly 120 km/h, with more than 200 passengers" bridged them), so
its timeline told "118 km/h -> 214, 6, seven, nine" and the follow-up's "220 people" was an
update of "214 passengers" (it is their sum with the crew); the police's "two leading
carriages" were a source-disagreement with the operator's "seven of its nine carriages";
"regional police", "police" and "Police" of three reports were three sources and their
spokeswoman a fourth; repairs "expected by Friday" in a report of Thursday were dated the
Friday before, "the 60-year-old pipe" was a date, "until at least Thursday" none; the live
page's 13:10 entry was "first seen" at the page's 08:35, before the operator gave the figure,
and its entries, one article, were never compared ("at least six" at 09:15, "nine" at 10:02 one
proposition's wording, then an update "at least six -> 12" that skipped the nine; "Police now
say" was no cue of a new figure); "Data" was a speaker, and "Relatives seeking information can
call our emergency line" two claims of relatives (cues "seeking", "can call"); the timeline's
changes of a speed named the 130 km/h limit and a headcount; the notice's "open 24 hours a
day", once no relatives' claim, became the operator's own figure; the operator's and the
board's speeds a day apart were "a newer count"; the key-points list item "The train was
carrying 214 passengers and 6 crew", without a final stop, read as a heading, not as the page's
own claim.

The tabloid, a condensed rewrite that reorders its source (its chain of aligned sentences is
four long, fact order .69: below the order-keeping bars), counted as an independent source
and the police toll was "corroborated" by three; its sentences, taken in any order, pair off
with the wire's one by one, the passenger's words among them (derive.reordered_rewrite), so
it is now the wire's rewrite. Its edge then listed "130 km/h -> more than 200" among the
changed figures: the wire's speed sentence, whose limit the tabloid dropped, was set beside
the tabloid's sentence of speed and passengers, and a figure without a unit paired with any
dropped one. A count of a noun ("200 passengers") is now no new value of a measure, and a
figure whose coordination names its unit ("from 130 km/h to more than 200") takes it
(reuse.signals.figure_units): the edge lists the toll's and the injured's changes only.

A later pass found the speeds' disagreement naming its measure as a quoted clause ("puts
“the train was travelling at …” at"): it is the train's speed (nlp.dimensions).

Left as found: "Data from the train's event recorder" in the operator's own statement is a
source apart from the operator; the water company "the city's water company" is not tied to
"Castmoor Water", and "60-year-old" stays among its claim's figures.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .dossier_views import figure_texts

pytestmark = [pytest.mark.model, pytest.mark.embeddings]

FOLDER = Path(__file__).resolve().parent / "data" / "rail"


@pytest.fixture(scope="module")
def derailment(dossier) -> dict:
    (story,) = [s for s in dossier["stories"] if "Brackwell" in s["title"]]
    return story


def test_the_six_reports_are_one_story_and_the_water_main_another(dossier, derailment) -> None:
    assert len(dossier["stories"]) == 2
    assert len(derailment["articles"]) == 6


def test_a_speed_and_a_headcount_are_two_propositions(derailment) -> None:
    for claim in derailment["claims"]:
        figures = " ".join(figure_texts(claim))
        assert not ("km/h" in figures and "214" in figures), claim["text"]
    assert any("214" in figure_texts(c) for c in derailment["claims"])


def test_the_people_on_board_are_the_passengers_and_crew_not_a_new_count(
        derailment, conflict_figures) -> None:
    for conflict in derailment["conflicts"]:
        assert "220" not in conflict_figures(derailment, conflict), conflict["explanation"]


def test_the_carriages_rescuers_cut_through_are_not_a_count_of_those_derailed(
        derailment, conflict_figures) -> None:
    for conflict in derailment["conflicts"]:
        assert "two" not in conflict_figures(derailment, conflict), conflict["explanation"]


def test_the_operators_speed_and_the_boards_disagree(derailment, conflict_figures) -> None:
    (disagreement,) = [c for c in derailment["conflicts"] if c["kind"] == "source-disagreement"]
    assert {"118 km/h", "143 km/h"} <= conflict_figures(derailment, disagreement)
    assert "Northvale Rail" in disagreement["explanation"]
    assert "Rail Accident Investigation Board" in disagreement["explanation"]
    # the speed is the train's, in a reader's words, not "the train was travelling at …"
    assert disagreement["explanation"].startswith("Northvale Rail puts the train's speed at")


def test_the_police_toll_rises_step_by_step(derailment, conflict_figures) -> None:
    updates = [c for c in derailment["conflicts"] if c["kind"] == "update"]
    # the live page's 09:15 "at least six", its 10:02 "nine", the next day's 12
    figures = [{f.lower() for f in conflict_figures(derailment, c)} for c in updates]
    assert len(updates) == 2
    assert {"at least six", "nine"} <= figures[0] and "12" not in figures[0]
    assert {"nine", "12"} <= figures[1] and "at least six" not in figures[1]
    for update in updates:
        assert update["explanation"].lower().startswith("police's figure")
    assert "24 November 2026, 09:15) to “nine” (Castmoor Courier, 24 November 2026, 10:02)" \
        in updates[0]["explanation"]


def test_the_police_and_their_spokeswoman_are_one_source(derailment) -> None:
    speakers = {c["speaker"].lower() for c in derailment["claims"] if c["speaker"]}
    assert "ilse marrow" not in speakers and "regional police" not in speakers
    assert "police" in speakers


def test_the_tabloid_that_reorders_the_wire_joins_its_lineage(derailment) -> None:
    by_outlet = {a["outlet"]: a for a in derailment["articles"]}
    wire = [a["id"] for a in derailment["articles"] if a["outlet"] == "Trans-Continental Press"
            and "Nine killed" in a["title"]]
    assert [(d["article"], d["relation"]) for d in by_outlet["The Daily Clarion"]["derived_from"]
            ] == [(wire[0], "rewrite")]
    (toll,) = [c for c in derailment["claims"] if c["text"].startswith("Nine people have died")]
    assert toll["independent_sources"] == 2  # three while the tabloid counted apart


def test_the_passengers_words_paraphrased_in_quotation_marks_are_a_variant(derailment) -> None:
    (variant,) = [c for c in derailment["conflicts"] if c["kind"] == "quote-variant"]
    assert variant["explanation"].startswith("The Daily Clarion quotes Tomas Kerr")


def test_a_live_pages_entries_are_dated_by_their_time_lines(derailment) -> None:
    first_seen = {e["text"][:30]: e["first_seen"] for e in derailment["timeline"]}
    assert first_seen["The Brackwell Road between the"].startswith("2026-11-24T11:48")
    assert first_seen["Eleven ambulances and two air "].startswith("2026-11-24T08:41")
    # the operator's speed was first told by the wire at 10:20, not by the page at 08:35
    (speed,) = [e for e in derailment["timeline"] if "about 120 km/h" in e["text"]]
    assert speed["first_seen"].startswith("2026-11-24T10:20")
    assert [(c["from"], c["to"]) for c in speed["changes"]][0] == ("about 120 km/h", "118 km/h")


def test_the_operators_own_figures_records_and_notice(claims) -> None:
    own = [c for c in claims if c["speaker"] is None]
    carrying = [c for c in own if c["content"] == "The train was carrying 214 passengers and 6 crew"]
    # the operator's statement, and the live page's key-points item (once read as a heading)
    assert len(carrying) == 2
    recorder = [c for c in claims if "118 km/h" in c["content"] and c["cue"] == "show"]
    assert [c["speaker"] for c in recorder] == ["Data from the train's event recorder"]
    assert not [c for c in claims if "emergency line" in c["content"] or
                (c["speaker"] or "").startswith("Relatives")]


def test_days_ahead_and_ages_of_things_are_read_as_such(folder_cli) -> None:
    claims = folder_cli.extract(FOLDER / "other.html") + folder_cli.extract(FOLDER / "live.html")
    dates = {d["text"]: d["resolved"] for c in claims for d in c["dates"]}
    assert dates["Friday"] == "2026-11-27"  # repairs expected by Friday, told on a Thursday
    assert dates["at least Thursday"] == "2026-11-26"
    assert "60-year-old" not in dates


def test_captions_times_and_years_make_no_narrated_claim(claims) -> None:
    own = [c for c in claims if c["speaker"] is None]
    for claim in own:
        assert "Photo" not in claim["content"] and "13:10" not in claim["content"]
        assert "1911" not in figure_texts(claim), claim["content"]
