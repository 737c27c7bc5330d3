"""The story timeline: first appearances and the changes of a proposition's figures."""

from __future__ import annotations

from corroborator.compare.timeline import build_timeline
from corroborator.records import Proposition

from .helpers import article, claim


def _changes(first_text: str, first_content: str, later_text: str, later_content: str):
    first = article("a", "Ostrel Herald", first_text, day=3)
    later = article("b", "Tarnvik Post", later_text, day=4)
    claims = [claim(first, first_content, "fire service"),
              claim(later, later_content, "fire service")]
    prop = Proposition("p-1", "s", tuple(c.id for c in claims), "corroborated", 2)
    (entry,) = build_timeline([prop], {c.id: c for c in claims},
                              {a.id: a for a in (first, later)})
    return [(ch["from"], ch["to"]) for ch in entry["changes"]]


def test_a_report_of_some_of_the_figures_as_written_changes_none() -> None:
    assert _changes("At least 12 died and about 30 are missing, the service said.",
                    "At least 12 died and about 30 are missing",
                    "About 30 are missing, the service said.", "About 30 are missing") == []


def test_a_figure_written_otherwise_is_a_change_of_wording() -> None:
    assert _changes("At least 12 died, the service said.", "At least 12 died",
                    "More than 15 died, the service said.", "More than 15 died") == [
        ("At least 12", "More than 15")]
