"""A passenger ferry capsizes off a coast, as a wire, its copy, a tabloid, the ferry company and a
follow-up tell it: the wire's coast guard ("at least 31" dead, "about 60" missing, "more than
400" rescued), the company's "412 passengers and 28 crew" and a survivor's quoted words; a
syndicated copy; a tabloid's rewrite ("more than 40", the survivor's words paraphrased inside
quotation marks, the company's figure credited to the coast guard); the company's statement as
plain text; a follow-up two days later (the toll risen to 47, a minister's "licensed to carry
350 passengers"); and a cargo ship's engine fire in another port that week. Written for the
faults a first run found: the ship's licensed capacity was a source-disagreement with the
number it carried; the toll risen to 47 after "at least 31" was no update (the follow-up's "the
number of people killed" counted bare "people", and "the coast guard" of two reports were two
unknown roles); "coast guard spokesman Teodor Blaine" was a source of his own beside the coast
guard, and the tabloid's "more than 40" from him passed as agreeing with the coast guard's "at
least 31" (two floors, two numbers: one source said only one of them); the survivor's
introduction ("Survivor ..., 34, told how ...:") was part of her words, with her age as their
figure, and her paraphrased words no quote-variant, while what she "told" ran on into the same
quotation; the quotes of the company's chief executive, named after the firm ("said Halden
Sealines chief executive Maren Kolb"), were the firm's; "20 November 2026" was read as 1
November, a port and an age as dates; and the timeline told the tabloid's "about 60" alone as a
change of the wire's "at least 31, about 60", the update as "at least 31, about 60 → 47" and
the minister's licensed 350 as a new wording of the 412 on board."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.model, pytest.mark.embeddings]

FOLDER = Path(__file__).resolve().parent / "data" / "ferry"


@pytest.fixture(scope="module")
def capsizing(dossier) -> dict:
    (story,) = [s for s in dossier["stories"] if "Saint Oriel" in s["title"]]
    return story


def test_the_five_reports_are_one_story_and_the_fire_another(dossier, capsizing) -> None:
    assert len(dossier["stories"]) == 2
    assert len(capsizing["articles"]) == 5


def test_a_ships_licensed_capacity_is_no_count_of_who_was_on_board(capsizing,
                                                                    conflict_figures) -> None:
    for conflict in capsizing["conflicts"]:
        assert "350" not in conflict_figures(capsizing, conflict), conflict["explanation"]


def test_the_toll_risen_to_47_is_the_coast_guards_update(capsizing, conflict_figures) -> None:
    updates = [c for c in capsizing["conflicts"]
               if {"At least 31", "47"} <= conflict_figures(capsizing, c)]
    assert [c["kind"] for c in updates] == ["update"]
    assert "coast guard" in updates[0]["explanation"]


def test_the_survivors_introduction_is_not_her_words(claims) -> None:
    hers = [c for c in claims if c["speaker"] == "Lise Andrak" and c["cue"] == "said"
            and c["quote"]]
    assert len(hers) == 3  # the wire's, its copy's and the tabloid's
    for claim in hers:
        assert claim["content"].startswith('"'), claim["content"]
        assert not claim["quantities"]
    # what she "told" is how the sea poured in; the quotation is what she said
    told = [c for c in claims if c["speaker"] == "Lise Andrak" and c["cue"] == "told"]
    assert [c["content"] for c in told] == ["how the sea poured in"]


def test_the_survivors_words_paraphrased_in_quotation_marks_are_a_variant(capsizing) -> None:
    (variant,) = [c for c in capsizing["conflicts"] if c["kind"] == "quote-variant"]
    assert variant["explanation"].startswith("The Daily Flare quotes Lise Andrak")
    assert "The water came in through the lower deck" in variant["explanation"]


def test_the_chief_executive_speaks_the_companys_statement_not_the_company(capsizing) -> None:
    quoted = [c for c in capsizing["claims"] if "Our thoughts are with" in c["text"]
              or "cooperating fully with the coast guard" in c["text"]]
    assert len(quoted) == 2 and {c["speaker"] for c in quoted} == {"Maren Kolb"}


def test_the_statements_date_keeps_its_day_and_no_place_or_age_is_a_date(claims) -> None:
    dates = {d["text"]: d["resolved"] for c in claims for d in c["dates"]}
    assert dates.get("20 November 2026") == "2026-11-20"
    assert "November 2026" not in dates and "Merrow" not in dates and "34" not in dates


def test_a_report_of_part_of_the_figures_is_no_change_of_them(capsizing) -> None:
    for entry in capsizing["timeline"]:
        for change in entry["changes"]:
            given = set(change["from"].lower().split(", "))
            assert not set(change["to"].lower().split(", ")) <= given, change


def test_the_coast_guards_spokesman_speaks_for_the_coast_guard(capsizing) -> None:
    rescued = [c for c in capsizing["claims"] if "more than 400" in
               {q["text"] for q in c["quantities"]} and "rescue crews" in c["text"]]
    assert rescued and rescued[0]["speaker"] == "coast guard"
    assert not [c for c in capsizing["claims"] if c["speaker"] == "Teodor Blaine"]


def test_the_tabloids_more_than_40_misreports_the_coast_guards_at_least_31(
        capsizing, conflict_figures) -> None:
    (misreport,) = [c for c in capsizing["conflicts"] if c["kind"] == "misreport"]
    assert conflict_figures(capsizing, misreport) == {"At least 31", "about 60", "More than 40"}
    assert misreport["explanation"].startswith("The Daily Flare reports the coast guard")


def test_the_tabloid_that_reorders_the_wire_joins_its_lineage(capsizing) -> None:
    # the survivor's words before the rescue count, the company's figures given to the coast
    # guard: no chain keeps the wire's order, yet every tabloid sentence pairs off with one of
    # the wire's, her words among them
    by_outlet = {a["outlet"]: a for a in capsizing["articles"]}
    (wire,) = [a["id"] for a in capsizing["articles"] if a["title"].startswith("At least 31")
               and a["outlet"] == "Coastline Wire Service"]
    assert [(d["article"], d["relation"]) for d in by_outlet["The Daily Flare"]["derived_from"]
            ] == [(wire, "rewrite")]
    assert capsizing["independent_sources"] == 2


def test_the_timeline_names_the_toll_updated_and_not_the_licensed_capacity(capsizing) -> None:
    changes = [(ch["kind"], ch["from"], ch["to"]) for e in capsizing["timeline"]
               for ch in e["changes"]]
    assert ("update", "At least 31", "47") in changes
    assert not [c for c in changes if "350" in c[2]], changes
