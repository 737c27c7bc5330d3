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
        # what is to come later the same day, unless "next" says a week ahead
        ("Friday", FRIDAY, True, date(2023, 12, 29)),
        ("late on Friday", FRIDAY, True, date(2023, 12, 29)),
        ("next Friday", FRIDAY, False, date(2024, 1, 5)),
        # a possessive: "next month's run-off", "Tuesday's vote"
        ("next month's", WEDNESDAY, False, date(2024, 4, 1)),
        ("Tuesday's", FRIDAY, False, date(2023, 12, 26)),
        ("next Monday", WEDNESDAY, False, date(2024, 3, 18)),
        # a deadline names the period's last day; a weekend its Saturday
        ("by the end of the month", WEDNESDAY, True, date(2024, 3, 31)),
        ("the end of next month", WEDNESDAY, False, date(2024, 4, 30)),
        ("the end of the year", WEDNESDAY, True, date(2024, 12, 31)),
        ("the end of February", WEDNESDAY, False, date(2024, 2, 29)),
        ("since the weekend", WEDNESDAY, False, date(2024, 3, 9)),
        ("the weekend", FRIDAY, True, date(2023, 12, 30)),
        ("last weekend", WEDNESDAY, False, date(2024, 3, 9)),
        ("next weekend", WEDNESDAY, False, date(2024, 3, 16)),
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
        ("until at least Thursday", WEDNESDAY, True, date(2024, 3, 14)),
        # a range's start, as the recogniser writes it ("between May 2023 and ...")
        ("between May 2023", WEDNESDAY, False, date(2023, 5, 1)),
        # a season of a named year opens on its first month's first day; a winter spans two
        # years and a season without its year is no one period
        ("the summer of 2022", WEDNESDAY, False, date(2022, 6, 1)),
        ("autumn 2021", None, False, date(2021, 9, 1)),
        ("the spring of 2020", WEDNESDAY, False, date(2020, 3, 1)),
        ("the winter of 2022", WEDNESDAY, False, None),
        ("the summer", WEDNESDAY, False, None),
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



def _parsed(words, heads, deps, pos, ents):
    """A parse as the model may give it, for rules about the recogniser's slips."""
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos,
               ents=ents)


def test_a_day_left_out_of_a_month_and_year_is_read_with_them():
    # "of 14 March 2026" with "14" outside the entity would resolve to 1 March
    doc = _parsed(["hours", "of", "14", "March", "2026", "."], [0, 0, 3, 1, 3, 0],
                  ["ROOT", "prep", "nummod", "pobj", "nummod", "punct"],
                  ["NOUN", "ADP", "NUM", "PROPN", "NUM", "PUNCT"],
                  ["O", "O", "O", "B-DATE", "I-DATE", "O"])
    assert [(d.text, d.resolved) for d in find_dates(doc, date(2026, 3, 15))] == [
        ("14 March 2026", date(2026, 3, 14))]


def test_the_end_of_a_route_from_a_place_is_no_date():
    # "crossing from Ostby to Vellan" with "Vellan" taken for a date
    words = ["crossing", "from", "Ostby", "to", "Vellan", "."]
    heads, deps = [0, 0, 1, 0, 3, 0], ["ROOT", "prep", "pobj", "prep", "pobj", "punct"]
    pos = ["NOUN", "ADP", "PROPN", "ADP", "PROPN", "PUNCT"]
    doc = _parsed(words, heads, deps, pos, ["O", "O", "B-GPE", "O", "B-DATE", "O"])
    assert find_dates(doc, date(2026, 3, 15)) == []
    # a month at a route's end is still a date: "from Ostby to March" is no route
    doc = _parsed(words[:4] + ["March", "."], heads, deps, pos,
                  ["O", "O", "B-GPE", "O", "B-DATE", "O"])
    assert [d.text for d in find_dates(doc, date(2026, 3, 15))] == ["March"]


@pytest.mark.model
def test_an_age_between_commas_is_no_date(nlp):
    assert find_dates(nlp("Witness Omar Reyes, 52, described the moment the roof fell."),
                      date(2026, 3, 15)) == []


@pytest.mark.model
def test_a_unit_of_time_alone_is_no_date(nlp):
    found = find_dates(nlp("Commuters face weeks of delays on the Harl line, and crews will work "
                           "for days to clear it before Friday."), date(2026, 11, 4))
    assert [d.text for d in found] == ["Friday"]


@pytest.mark.model
def test_the_age_of_a_thing_is_no_date(nlp):
    assert find_dates(nlp("Engineers were replacing the 60-year-old pipe."),
                      date(2026, 11, 26)) == []


@pytest.mark.model
def test_a_day_something_is_expected_by_is_ahead(nlp):
    found = find_dates(nlp("Engineers expected to finish repairs to the pipe by Friday evening."),
                       date(2026, 11, 26))  # a Thursday
    assert [d.resolved for d in found] == [date(2026, 11, 27)]


@pytest.mark.model
def test_a_month_something_is_expected_in_is_ahead(nlp):
    found = find_dates(nlp("A source told NPA the next round was expected in December."),
                       date(2026, 11, 12))
    assert [d.resolved for d in found] == [date(2026, 12, 1)]


@pytest.mark.model
def test_a_modal_of_what_may_yet_happen_looks_ahead(nlp):
    # published on Thursday 13 August 2026
    text = ("Marsh said Lenk could make his debut against Harwick Town on Sunday. "
            "He could have played on Sunday.")
    found = find_dates(nlp(text), datetime(2026, 8, 13, 19, 30))
    assert [d.resolved for d in found if d.text == "Sunday"] == [date(2026, 8, 16),
                                                                 date(2026, 8, 9)]


@pytest.mark.model
@pytest.mark.parametrize(("text", "day"), [
    # published on Tuesday 14 July 2026: reported speech of what is to come
    ("Forecaster Ida Ravensworth said temperatures in the high 30s would persist until at "
     "least Thursday.", date(2026, 7, 16)),
    ("She said she would have resigned on Monday.", date(2026, 7, 13)),
    # a forecast's own verb looks ahead
    ("Temperatures in the high 30s are expected across the lowlands until at least Thursday.",
     date(2026, 7, 16)),
    ("Forecasters expect highs in the upper 90s to low 100s through Thursday.",
     date(2026, 7, 16)),
])
def test_a_day_told_in_reported_future_or_a_forecast_is_ahead(nlp, text, day):
    found = find_dates(nlp(text), date(2026, 7, 14))
    assert [d.resolved for d in found] == [day]


@pytest.mark.model
@pytest.mark.parametrize(("text", "day"), [
    # published on Friday 20 November 2026: an end bounded only from below is still to come,
    # in whatever tense it is told
    ("The river was reportedly closed to shipping until at least Monday.", date(2026, 11, 23)),
    ("Schools stayed closed through at least Wednesday, the council said.",
     date(2026, 11, 25)),
    # without the bound, a past tense keeps the day behind
    ("The road was closed until Monday, police said.", date(2026, 11, 16)),
])
def test_an_end_bounded_from_below_is_ahead(nlp, text, day):
    found = find_dates(nlp(text), date(2026, 11, 20))
    assert [d.resolved for d in found] == [day]


@pytest.mark.model
def test_temperatures_and_bands_of_values_are_no_dates(nlp):
    text = ("The previous record, 105.4F, had stood since 1976. Orsenna roasted in nearly 42C "
            "yesterday. Temperatures would ease to the low 30s by Saturday. Highs in the upper "
            "90s are forecast. The band was big in the early 90s.")
    found = [d.text for d in find_dates(nlp(text), date(2026, 7, 16))]
    assert found == ["1976", "yesterday", "Saturday", "the early 90s"]
