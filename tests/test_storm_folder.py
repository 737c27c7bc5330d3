"""A storm as the wire, a syndicated copy, a tabloid, a markets site and a local paper tell
it: the emergency agency's toll ("at least 14", the tabloid's "at least 20", "risen to 19"
the next day), the homes without power ("about 200,000", then "about 85,000 ... down from
200,000"), two firms' estimates of insured losses, and floods abroad the same day. Written
for the faults a first run found: the wire's dateline made "on Monday" the agency's whole
statement, "cutting power to about 200,000 homes" was read as a level ("power" set to a
figure) and set against a reinsurer's "30,000 homes" with flood damage, the next day's
"down from 200,000" was a dispute between two sources, a governor's remark a day later was
taken for a misquotation of her first, "could top $5 billion" was a bare $5 billion, and
"left at least 20 people dead" did not say dead."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.model, pytest.mark.embeddings]

FOLDER = Path(__file__).resolve().parent / "data" / "storm"


@pytest.fixture(scope="module")
def storm(dossier) -> dict:
    (story,) = [s for s in dossier["stories"] if "Ilsa" in s["title"]]
    return story


def test_the_five_reports_are_one_story_and_the_floods_abroad_another(dossier, storm) -> None:
    assert len(dossier["stories"]) == 2
    assert len(storm["articles"]) == 5


def test_a_dateline_leaves_the_agencys_statement_whole(claims) -> None:
    toll = [c for c in claims if c["content"].startswith("Storm Ilsa killed at least 14")]
    assert len(toll) == 2  # the wire (under its dateline) and the copy
    assert not [c for c in claims if c["content"] == "on Monday"]


def test_homes_without_power_are_not_homes_with_flood_damage(storm, conflict_figures) -> None:
    for conflict in storm["conflicts"]:
        assert "about 30,000" not in conflict_figures(storm, conflict), conflict["explanation"]


def test_a_report_that_gives_the_earlier_figure_as_replaced_is_an_update(
        storm, conflict_figures) -> None:
    (power,) = [c for c in storm["conflicts"]
                if {"about 200,000", "About 85,000"} <= conflict_figures(storm, c)]
    assert power["kind"] == "update"


def test_a_remark_a_day_later_is_no_misquotation(storm) -> None:
    assert not [c for c in storm["conflicts"] if c["kind"] == "quote-variant"]


def test_a_verb_that_puts_a_figure_above_a_mark_bounds_it(claims) -> None:
    (tabloid,) = [c for c in claims if "could top" in c["content"]]
    (figure,) = tabloid["quantities"]
    assert figure["low"] > 5e9 and figure["measured"].endswith("insured losses")


def test_the_tabloids_toll_names_the_dead(claims, storm, conflict_figures) -> None:
    (tabloid,) = [c for c in claims if "at least 20" in c["content"]]
    (figure,) = tabloid["quantities"]
    assert figure["measured"].endswith("people dead")
    # and so it meets the agency's toll of the wire
    assert any({"at least 20", "at least 14"} <= conflict_figures(storm, c)
               for c in storm["conflicts"])


def test_a_body_named_by_its_remit_takes_the_article_in_explanations(storm) -> None:
    (misreport,) = [c for c in storm["conflicts"] if c["kind"] == "misreport"]
    assert "reports the emergency agency as giving" in misreport["explanation"]
