"""A figure its source later changed: marked beside its claim, never called a disagreement."""

from __future__ import annotations

import json

from rich.console import Console

from corroborator.report import export_claimreview
from corroborator.report.terminal import render_story


def _claim(cid: str, status: str, text: str, figure: str) -> dict:
    return {"id": cid, "speaker": "Ida Marsh", "stance": "stated", "text": text, "quote": None,
            "quantities": [{"text": figure, "value": None, "low": None, "high": None,
                            "qualifier": None, "measured": "people rescued"}],
            "mentions": [{"article": "a1", "span": [0, 10]}], "independent_sources": 1,
            "status": status}


def _story() -> dict:
    # the governor's 250 is updated to 310; an outlet also misreports the 250 as "over 300"
    return {
        "id": "s1", "title": "Flood rescue", "independent_sources": 2, "timeline": [],
        "articles": [{"id": "a1", "outlet": "Ostrel Herald", "title": "Flood",
                      "published": "2026-03-01T09:00:00", "derived_from": []}],
        "claims": [_claim("p1", "conflicting", "about 250 people were rescued", "about 250"),
                   _claim("p2", "single-source", "310 people were rescued", "310"),
                   _claim("p3", "conflicting", "over 300 people were rescued", "over 300")],
        "conflicts": [
            {"kind": "update", "claims": ["p1", "p2"], "explanation": "changed over time"},
            {"kind": "misreport", "claims": ["p1", "p3"], "explanation": "changes the figure"},
        ],
    }


def _rows(story: dict) -> list[str]:
    console = Console(width=120, record=True, color_system=None)
    console.print(render_story(story))
    return console.export_text().splitlines()


def test_claims_in_an_update_are_marked_beside_their_status() -> None:
    lines = _rows(_story())
    updated = [i for i, line in enumerate(lines) if "↻ updated" in line]
    assert len(updated) == 2  # the old and the new figure; not the misreport
    for i in updated:
        assert "about 250" in lines[i - 1] + lines[i] or "310" in lines[i - 1] + lines[i]


def test_claimreview_does_not_call_an_update_a_disagreement() -> None:
    reviews = json.loads(export_claimreview({"stories": [_story()]}))
    assert [r["claimReviewed"] for r in reviews] == ["about 250 people were rescued",
                                                       "over 300 people were rescued"]
    for review in reviews:
        assert review["reviewRating"]["alternateName"] == "Reports disagree: misreport"
        assert "changed over time" not in review["reviewRating"]["ratingExplanation"]


def test_a_denial_is_told_as_one_beside_its_speaker() -> None:
    # "The company denied ignoring any safety warnings": the claim's words alone read as an
    # admission
    story = _story()
    story["claims"] = [{**_claim("p1", "single-source", "ignoring any safety warnings", "-"),
                        "speaker": "Varkos Mining", "stance": "denied", "quantities": []}]
    story["conflicts"] = []
    rows = _rows(story)
    (claim_row,) = [i for i, row in enumerate(rows) if "ignoring any safety" in row]
    assert "Varkos Mining" in rows[claim_row] and "(denied)" in rows[claim_row + 1]


def _update_rows(later_article: str, later_outlet: str, was: str, now: str) -> list[str]:
    """The terminal rows of a story whose one timeline row, first told by the Ostrel Herald
    (article a1), shows an update of a figure a1 gave in another row."""
    story = _story()
    story["articles"].append({"id": "a2", "outlet": "Tarnvik Post", "title": "Rescue",
                              "published": "2026-03-02T09:00:00", "derived_from": []})
    story["timeline"] = [{
        "proposition": "q2", "first_seen": "2026-03-01T12:00:00", "article": "a1",
        "outlet": "Ostrel Herald", "text": "people rescued",
        "changes": [{"kind": "update", "article": later_article, "outlet": later_outlet,
                     "published": "2026-03-02T09:00:00", "from": was, "to": now,
                     "superseded": "q1", "from_article": "a1", "from_outlet": "Ostrel Herald"}],
    }]
    return _rows(story)


def test_a_timeline_update_of_another_rows_figure_names_the_report_that_gave_it() -> None:
    assert any("update: about 250 (Ostrel Herald) → 310 (Tarnvik Post)" in line
               for line in _update_rows("a2", "Tarnvik Post", "about 250", "310"))


def test_a_timeline_update_within_one_outlet_names_it_once() -> None:
    # a live page's own earlier figure: "Six (Ostrel Herald) → 11 (Ostrel Herald)" says
    # nothing the line's end does not
    assert any("update: Six → 11 (Ostrel Herald)" in line
               for line in _update_rows("a1", "Ostrel Herald", "Six", "11"))
