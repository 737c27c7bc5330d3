"""A live page's entries are dated by the time lines above them."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from corroborator.compare.entry_times import entry_marks, entry_span, report_key, told_at

from .helpers import article, claim

LIVE = ("Key points\n- Nine people have died, police say\n13:10\nThe company says the train "
        "was travelling at 118 km/h.\n10:02\nPolice now say nine people have died.\n09:15\n"
        "Police say at least six people have died.\n08:35\nA train has derailed.")


def test_an_entry_is_dated_by_the_time_line_above_it() -> None:
    page = replace(article("live", "Castmoor Courier", LIVE, day=24),
                   published=datetime(2026, 5, 24, 8, 35, tzinfo=UTC))
    assert told_at(page, LIVE.index("The company")) == datetime(2026, 5, 24, 13, 10, tzinfo=UTC)
    assert told_at(page, LIVE.index("at least six")) == datetime(2026, 5, 24, 9, 15, tzinfo=UTC)
    assert told_at(page, LIVE.index("A train")) == datetime(2026, 5, 24, 8, 35, tzinfo=UTC)
    # the summary above the first entry sums up the latest one
    assert told_at(page, LIVE.index("Nine")) == datetime(2026, 5, 24, 13, 10, tzinfo=UTC)


def test_an_entry_is_never_dated_before_the_page() -> None:
    page = article("live", "Castmoor Courier", LIVE, day=24, hour=11)
    assert told_at(page, LIVE.index("at least six")) == page.published


def test_a_page_with_one_time_line_is_no_live_page() -> None:
    text = "The service left at\n06:40\nand derailed shortly before 8 a.m."
    assert entry_marks(text) == ()
    page = article("wire", "Wire", text, day=24, hour=10)
    assert told_at(page, text.index("and derailed")) == page.published


def test_times_of_day_with_am_and_pm() -> None:
    marks = entry_marks("1:10 pm\nA.\n9.15 am\nB.\n12:05 am\nC.")
    assert [(h, m) for _, h, m in marks] == [(13, 10), (9, 15), (0, 5)]


def test_each_entry_of_a_live_page_is_a_report_of_its_own() -> None:
    page = article("live", "Castmoor Courier", LIVE, day=24)
    first = claim(page, "at least six people have died", "Police")
    later = claim(page, "nine people have died", "Police")
    assert report_key(first, page) != report_key(later, page)
    span = entry_span(page, LIVE.index("at least six"))
    assert span is not None and LIVE[span.start:span.end].strip() == (
        "Police say at least six people have died.")
    wire = article("wire", "Wire", "Nine people died.\nPolice said so.", day=24)
    assert report_key(claim(wire, "Nine people died", "Police"), wire) == "wire"
