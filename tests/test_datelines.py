"""One reading of wire datelines for every stage that skips them."""

from __future__ import annotations

import pytest

from corroborator.datelines import dateline_end, dateline_places, without_dateline


@pytest.mark.parametrize(
    ("text", "story"),
    [
        ("LONDON (Reuters) - Shares rose.", "Shares rose."),
        ("VELLEN, Nov 19 (Orrin Wire) — About 300,000 homes lost power.",
         "About 300,000 homes lost power."),
        ("SANTAVEL, Meridia, Nov 3 (MPA) - The vote was close.", "The vote was close."),
        ("KESTREL BAY — Residents fled.", "Residents fled."),
        # no dash: a sentence that opens with capitals is no dateline
        ("NATO, the western alliance, said troops would move.",
         "NATO, the western alliance, said troops would move."),
        ("The EU-UK deal - signed", "The EU-UK deal - signed"),
    ],
)
def test_dateline_end_skips_only_a_dateline(text: str, story: str) -> None:
    assert text[dateline_end(text):] == story


def test_a_dateline_with_nothing_after_it_is_kept() -> None:
    assert dateline_end("LONDON (Reuters) - ") == 0


def test_datelines_are_cut_and_their_places_read_line_by_line() -> None:
    text = ("Storm hits coast\nPORT ALMERE, Nov 16 (Orrin Wire) — Winds rose.\n"
            "KESTREL BAY — Roads closed.\nNATO, the alliance, said it would help.")
    assert without_dateline(text) == ("Storm hits coast\nWinds rose.\nRoads closed.\n"
                                      "NATO, the alliance, said it would help.")
    assert dateline_places(text) == {"PORT ALMERE", "KESTREL BAY"}
