"""Date mentions resolved against the publication date."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from corroborator.nlp.dates import find_dates, resolve_date

FRIDAY = date(2023, 12, 29)  # a Friday
WEDNESDAY = datetime(2024, 3, 13, 9, 30)


@pytest.mark.parametrize(
    ("text", "published", "future", "expected"),
    [
        ("today", FRIDAY, False, date(2023, 12, 29)),
        ("yesterday", FRIDAY, False, date(2023, 12, 28)),
        ("yesterday afternoon", FRIDAY, False, date(2023, 12, 28)),
        ("tomorrow", FRIDAY, False, date(2023, 12, 30)),
        ("Friday", FRIDAY, False, date(2023, 12, 29)),
        ("on Friday", WEDNESDAY, False, date(2024, 3, 8)),
        ("last Friday", FRIDAY, False, date(2023, 12, 22)),
        ("Tuesday night", FRIDAY, False, date(2023, 12, 26)),
        ("Tuesday", FRIDAY, True, date(2024, 1, 2)),
        ("next Monday", WEDNESDAY, False, date(2024, 3, 18)),
        ("last week", WEDNESDAY, False, date(2024, 3, 4)),
        ("this week", WEDNESDAY, False, date(2024, 3, 11)),
        ("last month", WEDNESDAY, False, date(2024, 2, 1)),
        ("last year", WEDNESDAY, False, date(2023, 1, 1)),
        ("two weeks ago", WEDNESDAY, False, date(2024, 2, 28)),
        ("3 days ago", WEDNESDAY, False, date(2024, 3, 10)),
        ("December 26th", FRIDAY, False, date(2023, 12, 26)),
        ("December 26th", WEDNESDAY, False, date(2023, 12, 26)),
        ("Dec. 26", date(2024, 12, 30), False, date(2024, 12, 26)),
        ("26 December", WEDNESDAY, False, date(2023, 12, 26)),
        ("March 20", WEDNESDAY, True, date(2024, 3, 20)),
        ("26 December 2019", None, False, date(2019, 12, 26)),
        ("December 2019", None, False, date(2019, 12, 1)),
        ("2019-12-26", None, False, date(2019, 12, 26)),
        ("August", WEDNESDAY, False, date(2023, 8, 1)),  # the latest August
        ("since March", WEDNESDAY, False, date(2024, 3, 1)),  # the month it is
        ("last March", WEDNESDAY, False, date(2023, 3, 1)),
        ("January", WEDNESDAY, False, date(2024, 1, 1)),
        ("October", WEDNESDAY, True, date(2024, 10, 1)),  # "will resume in October"
        ("next February", WEDNESDAY, False, date(2025, 2, 1)),
        ("2019", WEDNESDAY, False, None),
        ("the past three years", WEDNESDAY, False, None),
        ("yesterday", None, False, None),
        ("Friday", None, False, None),
    ],
)
def test_dates_resolve(text, published, future, expected):
    assert resolve_date(text, published, future=future) == expected


@pytest.mark.model
def test_dates_find_in_a_paragraph(nlp):
    text = (
        "The ministry said on Friday that troops arrived on December 26th, a week after "
        "the 11th Corps was moved. Talks will resume on Tuesday."
    )
    found = find_dates(nlp(text), datetime(2023, 12, 29, 18, 0), offset=40)
    got = {d.text: d.resolved for d in found}
    assert got["Friday"] == date(2023, 12, 29)
    assert got["December 26th"] == date(2023, 12, 26)
    assert got["Tuesday"] == date(2024, 1, 2)  # future tense
    assert not any("11th" in d.text for d in found)
    for d in found:
        assert text[d.span.start - 40 : d.span.end - 40] == d.text


@pytest.mark.model
def test_dates_unresolvable_stay_text(nlp):
    found = find_dates(nlp("Prices have risen over the past three years."), date(2024, 1, 5))
    assert [(d.text, d.resolved) for d in found] == [("the past three years", None)]


@pytest.mark.model
def test_dates_without_publication_date(nlp):
    found = find_dates(nlp("It was signed on 26 December 2019 and revised yesterday."), None)
    got = {d.text: d.resolved for d in found}
    assert got["26 December 2019"] == date(2019, 12, 26)
    assert got["yesterday"] is None


def test_a_day_and_the_duration_after_it_are_two_mentions(nlp):
    """The parser runs "Tuesday to 12 years" together as one entity."""
    text = "Pell was sentenced on Tuesday to 12 years in prison."
    found = find_dates(nlp(text), date(2026, 11, 27))
    day = [d for d in found if d.text == "Tuesday"]
    assert day and day[0].resolved == date(2026, 11, 24)
    assert text[day[0].span.start : day[0].span.end] == "Tuesday"
    assert "12 years" in [d.text for d in found]
