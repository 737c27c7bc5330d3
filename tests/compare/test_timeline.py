"""The story timeline: first appearances and the changes of a proposition's figures."""

from __future__ import annotations

from dataclasses import replace

from corroborator.compare.timeline import build_timeline
from corroborator.records import Conflict, Proposition

from .helpers import article, claim


def _entry_changes(before, after, first, later, sources: int = 2) -> list[tuple[str, str]]:
    """The change lines of one proposition that holds both claims."""
    prop = Proposition("p-1", "s", (before.id, after.id), "corroborated", sources)
    (entry,) = build_timeline([prop], {c.id: c for c in (before, after)},
                              {a.id: a for a in (first, later)})
    return [(ch["from"], ch["to"]) for ch in entry["changes"]]


def _update_change(before, after, first, later, status: str = "single-source") -> tuple[str, str]:
    """The one change line an update conflict gives, the two claims in propositions of their
    own."""
    props = [Proposition("p-1", "s", (before.id,), status, 1),
             Proposition("p-2", "s", (after.id,), status, 1)]
    update = Conflict("update", (before.id, after.id), "", "s")
    entries = build_timeline(props, {c.id: c for c in (before, after)},
                             {a.id: a for a in (first, later)}, [update])
    (change,) = [ch for e in entries for ch in e["changes"]]
    return change["from"], change["to"]


def _changes(first_text: str, first_content: str, later_text: str, later_content: str):
    first = article("a", "Ostrel Herald", first_text, day=3)
    later = article("b", "Tarnvik Post", later_text, day=4)
    return _entry_changes(claim(first, first_content, "fire service"),
                          claim(later, later_content, "fire service"), first, later)


def test_a_report_of_some_of_the_figures_as_written_changes_none() -> None:
    assert _changes("At least 12 died and about 30 are missing, the service said.",
                    "At least 12 died and about 30 are missing",
                    "About 30 are missing, the service said.", "About 30 are missing") == []


def test_a_figure_written_otherwise_is_a_change_of_wording() -> None:
    assert _changes("At least 12 died, the service said.", "At least 12 died",
                    "More than 15 died, the service said.", "More than 15 died") == [
        ("At least 12", "More than 15")]


def _measured(c, *phrases: str):
    return replace(c, quantities=tuple(replace(q, measured=m)
                                       for q, m in zip(c.quantities, phrases, strict=True)))


def test_a_change_names_only_the_figures_that_count_the_same_thing() -> None:
    first = article("a", "Ostrel Herald", "At least 12 died and about 30 are missing, it said.",
                    day=3)
    later = article("b", "Tarnvik Post", "The toll has risen to 19, it said.", day=4)
    before = _measured(claim(first, "At least 12 died and about 30 are missing", "fire service"),
                       "people died", "missing")
    after = _measured(claim(later, "The toll has risen to 19", "fire service"), "people killed")
    assert _update_change(before, after, first, later, "conflicting") == ("At least 12", "19")


def test_a_limit_told_beside_a_count_is_no_new_wording_of_the_count() -> None:
    first = article("a", "Ostrel Herald", "The ferry carried 412 passengers, it said.", day=3)
    later = article("b", "Tarnvik Post", "A ship licensed for 350 left with more than 400.",
                    day=4)
    before = _measured(claim(first, "The ferry carried 412 passengers", "company"),
                       "ferry carried passengers")
    after = _measured(claim(later, "A ship licensed for 350 left with more than 400", "company"),
                      "ship licensed", "ship left")
    assert _entry_changes(before, after, first, later) == [("412", "more than 400")]


def test_a_speed_limit_and_a_headcount_are_no_new_wording_of_a_speed() -> None:
    first = article("a", "Trans-Continental Press", "It was travelling at about 120 km/h, below "
                    "the 130 km/h limit, Northvale said.", day=3)
    later = article("b", "Daily Clarion", "It was doing 118 km/h with more than 200 passengers "
                    "on board, Northvale said.", day=4)
    before = _measured(claim(first, "It was travelling at about 120 km/h, below the 130 km/h "
                             "limit", "Northvale"), "train travelling", "train travelling limit")
    after = _measured(claim(later, "It was doing 118 km/h with more than 200 passengers on board",
                            "Northvale"), "train doing", "train passengers")
    assert _entry_changes(before, after, first, later, sources=1) == [("about 120 km/h",
                                                                       "118 km/h")]


def test_a_price_raised_is_no_new_value_of_the_sum_told_beside_it() -> None:
    first = article("a", "Delmont Wire", "Arvell will pay 38 euros a share, it said.", day=3)
    later = article("b", "Delmont Wire", "Arvell raised its offer to 40 euros a share, "
                    "valuing the firm at about 4.4 billion euros, it said.", day=6)
    before = _measured(claim(first, "Arvell will pay 38 euros a share", "Arvell"),
                       "Arvell pay share")
    after = _measured(claim(later, "Arvell raised its offer to 40 euros a share, valuing the "
                            "firm at about 4.4 billion euros", "Arvell"),
                      "Arvell offer share", "firm")
    assert _update_change(before, after, first, later) == ("38 euros", "40 euros")


TEXT = ("The mayor said the bridge would close on Monday. The engineer said repairs would take "
        "six weeks. The council said buses would replace the trams. The police said two roads "
        "would be shut.")


def test_one_reports_claims_keep_the_order_the_report_tells_them_in() -> None:
    report = article("a", "Harbor Wire", TEXT, day=4)
    claims = [claim(report, text, speaker) for text, speaker in (
        ("the bridge would close on Monday", "mayor"),
        ("repairs would take six weeks", "engineer"),
        ("buses would replace the trams", "council"),
        ("two roads would be shut", "police"))]
    # proposition ids that sort against the text's order
    props = [Proposition(f"p-{9 - i}", "s", (c.id,), "single-source", 1)
             for i, c in enumerate(claims)]
    timeline = build_timeline(props, {c.id: c for c in claims}, {report.id: report})
    assert [e["text"] for e in timeline] == [
        "the bridge would close on Monday", "repairs would take six weeks",
        "buses would replace the trams", "two roads would be shut"]


def _update(first_text: str, first_content: str, first_measured: tuple[str, ...],
            later_text: str, later_content: str, later_measured: tuple[str, ...],
            replaced: tuple[int, ...] = ()) -> tuple[str, str]:
    """The change line an update conflict gives the later report's claim (``replaced``: the
    later claim's figures, by position, told as the value a revision replaced)."""
    first = article("a", "Ostrel Herald", first_text, day=3)
    later = article("b", "Ostrel Herald", later_text, day=4)
    before = _measured(claim(first, first_content, "commission"), *first_measured)
    after = _measured(claim(later, later_content, "commission"), *later_measured)
    after = replace(after, quantities=tuple(
        replace(q, revision="previous") if i in replaced else q
        for i, q in enumerate(after.quantities)))
    return _update_change(before, after, first, later)


def test_an_update_names_the_figure_that_moved_not_the_ones_both_keep() -> None:
    # the assembly's size stands in both, the seats of an earlier vote are what the new count
    # is measured against: only the projection moved
    assert _update("The party is set to win 27 of the 60 seats, it said.",
                   "The party is set to win 27 of the 60 seats", ("party win seats",) * 2,
                   "The party is set to win 28 of the 60 seats, up from 24, it said.",
                   "The party is set to win 28 of the 60 seats, up from 24",
                   ("party win seats",) * 3, replaced=(2,)) == ("27", "28")


def test_a_level_moved_from_one_value_to_another_changes_to_the_level_it_was_moved_to() -> None:
    first = article("a", "Ostrel Herald", "The authority raised the fire danger level from 2 "
                    "to 3.", day=3)
    later = article("b", "Ostrel Herald", "The authority lowered the fire danger level from 3 "
                    "to 1.", day=5)
    before, after = (
        _measured(claim(report, content, "authority"), "fire danger level")
        for report, content in ((first, "the fire danger level from 2 to 3"),
                                (later, "the fire danger level from 3 to 1")))
    before = replace(before, quantities=tuple(replace(q, revision="from-to", change="up")
                                              for q in before.quantities))
    after = replace(after, quantities=tuple(replace(q, revision="from-to", change="down")
                                            for q in after.quantities))
    assert _update_change(before, after, first, later) == ("3", "1")


def test_an_update_pairs_a_figure_with_the_one_that_measures_the_same_thing() -> None:
    assert _update("With 97% counted the party had 41.5% and the rival 30.2%, it said.",
                   "With 97% counted the party had 41.5% and the rival 30.2%",
                   ("ballots counted", "party had vote", "rival had vote"),
                   "The party took 41.6% of the vote, it said.",
                   "The party took 41.6% of the vote", ("party took vote",)) == (
        "41.5%", "41.6%")


def test_a_report_that_drops_a_figure_and_adds_others_changes_none() -> None:
    # the later report keeps two shares as written, leaves out the third and adds the seats:
    # no figure of the first has another value in the second
    assert _changes("With 97% counted the party had 41.5% and the rival 30.2%, it said.",
                    "With 97% counted the party had 41.5% and the rival 30.2%",
                    "With 97% counted the party had 41.5% and 28 seats, it said.",
                    "With 97% counted the party had 41.5% and 28 seats") == []


def test_a_change_pairs_a_figure_with_the_nearest_value_when_the_words_do_not_tell() -> None:
    first = article("a", "Ostrel Herald", "The ferry carried 412 passengers and 28 crew, it said.",
                    day=3)
    later = article("b", "Tarnvik Post", "A ship licensed for 350 left with more than 400.",
                    day=4)
    before = _measured(claim(first, "The ferry carried 412 passengers and 28 crew", "company"),
                       "ferry carried passengers", "ferry carried crew")
    after = _measured(claim(later, "A ship licensed for 350 left with more than 400", "company"),
                      "ship licensed", "ship left")
    assert _entry_changes(before, after, first, later) == [("412", "more than 400")]


def test_an_update_of_another_rows_figure_says_whose_figure_moved() -> None:
    # the wire's "Nearly 300" is its own row; the tabloid's "More than 300" shares a row with
    # the next day's 340, which updates the wire's figure: that row tells whose figure it was
    wire = article("w", "Harrow Wire", "Nearly 300 sheep drowned, the farmers' union said.",
                   day=3)
    tabloid = article("t", "Daily Gale", "More than 300 sheep drowned, the farmers' union said.",
                      day=3, hour=15)
    later = article("l", "Fenmore Times", "The farmers' union has counted 340 drowned sheep.",
                    day=4)
    nearly = claim(wire, "Nearly 300 sheep drowned", "farmers' union")
    more = claim(tabloid, "More than 300 sheep drowned", "farmers' union")
    counted = claim(later, "340 drowned sheep", "farmers' union")
    props = [Proposition("p-wire", "s", (nearly.id,), "conflicting", 1),
             Proposition("p-tabloid", "s", (more.id, counted.id), "conflicting", 2)]
    update = Conflict("update", (nearly.id, counted.id), "", "s")
    entries = build_timeline(props, {c.id: c for c in (nearly, more, counted)},
                             {a.id: a for a in (wire, tabloid, later)}, [update])
    (row,) = [e for e in entries if e["proposition"] == "p-tabloid"]
    (moved,) = [ch for ch in row["changes"] if ch["kind"] == "update"]
    assert (moved["from"], moved["from_outlet"], moved["to"]) == (
        "Nearly 300", "Harrow Wire", "340")
    # a figure of the row's own proposition needs no such pointer
    (worded,) = [ch for ch in row["changes"] if ch["kind"] == "wording"]
    assert "from_outlet" not in worded
