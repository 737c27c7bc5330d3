"""A quarter's figure and a year's are two things, though their phrases are the same words.

Hand-built claims on a fictional firm; a bag-of-words stand-in for embeddings (no models).
"""

from __future__ import annotations

import pytest

from corroborator.compare import compare_story
from corroborator.compare.periods import (
    part_of_total,
    past_year_of,
    period_of,
    surely_partial,
    window_of,
)
from corroborator.records import Story

from .helpers import article, claim


@pytest.mark.parametrize(("text", "figure", "period"), [
    ("It made a net profit of $120 million in the third quarter, ahead of forecasts.",
     "$120 million", "quarter"),
    ("Third-quarter revenue rose to $610 million.", "$610 million", "quarter"),
    ("It expects a net profit of about $450 million for the full year.", "$450 million", "year"),
    ("Annual sales reached 2.1 million cars, the carmaker said.", "2.1 million", "year"),
    ("The plant produces 40,000 barrels per day.", "40,000", "day"),
    # the period of another figure in the sentence is not this one's
    ("It expects $450 million for the year, after $120 million in the third quarter.",
     "$120 million", "quarter"),
    ("The fire has burned 4,000 hectares, up from 2,500 a day earlier.", "2,500", None),
    ("Officials said 300 homes were damaged.", "300", None),
])
def test_period_of_a_figure(text: str, figure: str, period: str | None) -> None:
    start = text.index(figure)
    assert period_of(text, start, start + len(figure)) == period


def _compare(settings, first_text: str, second_text: str, first: str, second: str,
             speaker: str = "Norvex", measured: str = "net profit", next_day: bool = False):
    a = article("a", "Market Wire", first_text, day=3)
    b = article("b", "Daily Ledger", second_text, day=4 if next_day else 3, hour=14)
    claims = [claim(a, first, speaker, measured=measured, speaker_type="ORG"),
              claim(b, second, speaker, measured=measured, speaker_type="ORG")]
    story = Story("s", None, ("a", "b"))
    return compare_story(story, [a, b], claims, [], settings, embed_fn=_same_words)


def _same_words(texts):
    from .helpers import bow_embed
    return bow_embed(texts)


def test_a_quarters_profit_and_a_years_are_no_conflict_nor_one_claim(settings) -> None:
    result = _compare(
        settings,
        "Norvex said it made a net profit of $120 million in the third quarter.",
        "Norvex said it expected a net profit of $450 million for the full year.",
        "it made a net profit of $120 million in the third quarter",
        "it expected a net profit of $450 million for the full year")
    assert result.conflicts == ()
    assert len(result.propositions) == 2


def test_two_figures_for_one_quarter_still_conflict(settings) -> None:
    result = _compare(
        settings,
        "Norvex said it made a net profit of $120 million in the third quarter.",
        "Norvex said it made a net profit of $150 million in the third quarter.",
        "it made a net profit of $120 million in the third quarter",
        "it made a net profit of $150 million in the third quarter")
    assert [c.kind for c in result.conflicts] == ["misreport"]


@pytest.mark.parametrize(("text", "figure", "window"), [
    ("The agency estimated that about 700 soldiers were killed in two days.", "about 700",
     "in two days"),
    ("Its forces had killed at least 3,000 soldiers in the past month alone.", "at least 3,000",
     "in the past month"),
    ("Crews rescued 41 people over the last 24 hours.", "41", "over the last 24 hours"),
    ("Police arrested 60 people on Saturday alone.", "60", "on saturday alone"),
    ("Police arrested 60 people on Saturday.", "60", None),  # when, not over what part
    ("Turnout was about 61 percent at 6 p.m., the commission said.", "about 61 percent",
     "at 6 pm"),
    ("By noon, 300 people had been evacuated.", "300", None),  # told before the comma
    # a span of time opening the sentence is the window of the clause after it
    ("A further 412 cases are under investigation. In the 24 hours to 15 November, 37 new "
     "cases were reported.", "37", "in the 24 hours"),
    ("Over the past week, 41 people were rescued.", "41", "over the past week"),
    ("Some 300 people had been evacuated by noon.", "Some 300", "by noon"),
    ("About 1,100 soldiers have been killed since August.", "about 1,100", None),  # a total
    ("About 1,100 soldiers have been killed, up from 300 in the first week.", "about 1,100",
     None),  # the window belongs to the other figure's clause
])
def test_window_of_a_figure(text: str, figure: str, window: str | None) -> None:
    start = text.lower().index(figure.lower())
    assert window_of(text, start, start + len(figure)) == window


@pytest.mark.parametrize(("window", "partial"), [
    ("in the past month", True), ("at 6 pm", True), ("on monday alone", True),
    ("in two days", False), ("in six weeks", False), (None, False)])
def test_a_bare_duration_may_be_the_whole_time(window: str | None, partial: bool) -> None:
    assert surely_partial(window) is partial


def test_a_count_over_part_of_the_time_fits_inside_a_total() -> None:
    assert part_of_total("in two days", None, 630, 1210)  # 700 of about 1,100
    assert not part_of_total("in the past month", None, 3000, 1210)  # more than the total
    assert part_of_total("in two days", "in the past month", 630, 3000)  # never comparable
    assert not part_of_total(None, None, 630, 1210)
    assert not part_of_total("in two days", "in two days", 630, 1210)


def _compare_counts(settings, first_text: str, second_text: str, first: str, second: str):
    return _compare(settings, first_text, second_text, first, second,
                    speaker="Electoral Commission", measured="turnout", next_day=True)


def test_a_count_as_it_stood_at_a_time_of_day_is_no_claim_of_the_final_count(settings) -> None:
    result = _compare_counts(
        settings,
        "The Electoral Commission said turnout was about 61 percent at 6 p.m. on Sunday.",
        "The Electoral Commission said turnout was 63.6 percent.",
        "turnout was about 61 percent at 6 p.m", "turnout was 63.6 percent")
    assert result.conflicts == ()
    assert len(result.propositions) == 2  # neither corroborates the other
    alike = _compare_counts(
        settings,
        "The Electoral Commission said turnout was about 61 percent on Sunday.",
        "The Electoral Commission said turnout was 61.2 percent.",
        "turnout was about 61 percent", "turnout was 61.2 percent")
    assert len(alike.propositions) == 1


def test_a_percentage_is_hedged_more_finely_than_a_count(settings) -> None:
    result = _compare_counts(
        settings,
        "The Electoral Commission said turnout was nearly 70 percent.",
        "The Electoral Commission said turnout was 63.6 percent.",
        "turnout was nearly 70 percent", "turnout was 63.6 percent")
    assert [c.kind for c in result.conflicts] == ["update"]


@pytest.mark.parametrize(("text", "figure", "year"), [
    ("The worst accident since a mine collapse in 2017 killed 22 people.", "22", 2017),
    ("In 2019 the plant laid off 300 workers.", "300", 2019),
    # a year that bounds a comparison tells nothing of when the figure was counted
    ("Turnout was 63.4 percent, the highest since 2010.", "63.4", None),
    ("The fire killed 14 workers on Tuesday.", "14", None),
    ("The season ended with 40 victories in 2007-08.", "40", None),
    # a "when" clause tells of the year the clause before it ends on
    ("The last comparable blaze was in 2016, when 273 people were left homeless.", "273", 2016),
    ("The last comparable blaze was in 2016, when 273 people were left homeless, and "
     "officials said 40 homes burned.", "40", None),
    ("Rescuers reached the site at dawn, when 12 people were still trapped.", "12", None),
    ("Turnout was the highest since 2010, when 55 percent voted.", "55", 2010),
    # a clause that tells what happened in the year before it, even after "since"
    ("The heatwave is the worst since the summer of 2003, when 1,900 people died in three "
     "weeks.", "1,900", 2003),
    ("Since 2003, when the law changed, 40 people have died.", "40", None),
])
def test_the_earlier_year_a_figure_is_told_of(text, figure, year) -> None:
    start = text.index(figure)
    assert past_year_of(text, start, start + len(figure), 2026) == year
