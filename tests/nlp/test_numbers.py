"""The spaCy-free figure scanner: values, intervals, hedges, and what is not a quantity."""

from __future__ import annotations

import math

import pytest

from corroborator.nlp.numbers import QuantitySettings, parse_number_words, scan_quantities
from corroborator.records.claims import Quantity


def one(text: str) -> Quantity:
    found = scan_quantities(text)
    assert len(found) == 1, f"{text!r} gave {[q.text for q in found]}"
    return found[0]


# --------------------------------------------------------------------------- interval laws


def test_numbers_nearly_and_more_than_do_not_overlap():
    nearly = one("nearly 3,000 soldiers")
    more = one("more than 3,000 soldiers")
    assert not nearly.overlaps(more)
    assert nearly.high < 3000 < more.low


def test_numbers_more_than_ten_thousand_overlaps_thousands():
    assert one("more than 10,000 troops").overlaps(one("thousands of troops"))


def test_numbers_around_one_thousand_and_nearly_three_thousand_do_not_overlap():
    assert not one("around 1,000").overlaps(one("nearly 3,000"))


def test_numbers_about_overlaps_both_sides():
    about = one("about 3,000")
    assert about.overlaps(one("nearly 3,000"))
    assert about.overlaps(one("more than 3,000"))


def test_numbers_tens_of_thousands_interval():
    q = one("tens of thousands of people")
    assert (q.low, q.high) == (20_000, 99_999)
    assert q.qualifier == "tens of thousands"


def test_numbers_at_least_is_open_ended_and_up_to_starts_at_zero():
    at_least = one("at least 50 people")
    assert (at_least.low, at_least.high, at_least.change) == (50, None, ">")
    up_to = one("up to 400 jobs")
    assert (up_to.low, up_to.high, up_to.change) == (0, 400, "<")


def test_numbers_open_ended_setting():
    settings = QuantitySettings(open_ended_bounds=True)
    more = scan_quantities("more than 3,000", settings=settings)[0]
    fewer = scan_quantities("fewer than 3,000", settings=settings)[0]
    assert more.high is None and more.low > 3000
    assert fewer.low == 0 and fewer.high < 3000


def test_numbers_margins_are_settings():
    q = scan_quantities("about 100", settings=QuantitySettings(approx_margin=0.25))[0]
    assert (q.low, q.high) == (75, 125)


# --------------------------------------------------------------------------- values


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("2.5 million", 2_500_000, "count"),
        ("a dozen eggs", 12, "count"),
        ("two dozen eggs", 24, "count"),
        ("half a dozen", 6, "count"),
        ("three", 3, "count"),
        ("twenty-five people", 25, "count"),
        ("two hundred and five", 205, "count"),
        ("half a million", 500_000, "count"),
        ("two and a half years", 2.5, "measure"),
        ("half the revenue", 0.5, "ratio"),
        # half of one unit: "about half an hour" was a bare "about half"
        ("about half an hour before", 0.5, "measure"),
        ("half a mile away", 0.5, "measure"),
        ("two-thirds of voters", 2 / 3, "ratio"),
        ("one in five adults", 0.2, "ratio"),
        ("35 percent", 35, "percent"),
        ("35%", 35, "percent"),
        ("35 per cent", 35, "percent"),
        ("1.38pc", 1.38, "percent"),
        ("$4.5 billion", 4.5e9, "money"),
        ("US$113 trillion", 1.13e14, "money"),
        ("€20m", 2e7, "money"),
        ("£1.76bn", 1.76e9, "money"),
        ("92 million yuan", 9.2e7, "money"),
        ("RM79", 79, "money"),
        ("1,307,000 Americans", 1_307_000, "count"),
        ("2483805 lightning strikes", 2_483_805, "count"),
        ("4.3M sales", 4_300_000, "count"),
        ("25k", 25_000, "count"),
        ("12.3m tonnes", 12_300_000, "measure"),
        ("87 mph", 87, "measure"),
        ("a 6.1-inch screen", 6.1, "measure"),
        ("the 65-year-old", 65, "measure"),
        ("minus-260 degrees Fahrenheit", -260, "measure"),
        ("1.99×10−30 kilograms", 1.99e-30, "measure"),
        (".500 record", 0.5, "count"),
    ],
)
def test_numbers_values(text, value, kind):
    q = one(text)
    assert math.isclose(q.value, value, rel_tol=1e-9)
    assert q.kind == kind


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("between 300 and 400", 300, 400),
        ("between 1,000 and 2,000 people", 1000, 2000),
        ("1,000-2,000 people", 1000, 2000),
        ("300 to 400", 300, 400),
        ("four to five thousand people", 4000, 5000),
        ("$89 to $93 billion", 89e9, 93e9),
        ("from $750,000 to $1 million", 750_000, 1_000_000),
        ("5% to 10%", 5, 10),
        ("two or three days", 2, 3),
        ("15-22 miles per hour", 15, 22),
        ("from 450 sq ft up to 900 sq ft", 450, 900),
        ("1.3 A/cm2 to 0.03 A/cm2", 0.03, 1.3),
    ],
)
def test_numbers_ranges(text, low, high):
    q = one(text)
    assert (q.low, q.high) == (low, high)
    assert q.value is None


def test_numbers_range_keeps_unit_and_kind():
    q = one("5% to 10%")
    assert q.kind == "percent" and q.unit == "percent"


@pytest.mark.parametrize(
    ("text", "qualifier", "change"),
    [
        ("more than 3,000", "more than", ">"),
        ("over 3,000", "over", ">"),
        ("nearly 3,000", "nearly", "~"),
        ("almost 3,000", "almost", "~"),
        ("around 3,000", "around", "~"),
        ("about 3,000", "about", "~"),
        ("roughly 3,000", "roughly", "~"),
        ("some 3,000", "some", "~"),
        ("an estimated 3,000", "an estimated", "~"),
        ("at least 3,000", "at least", ">"),
        ("up to 3,000", "up to", "<"),
        ("fewer than 3,000", "fewer than", "<"),
        ("less than 3,000", "less than", "<"),
        ("just under 20 percent", "just under", "<"),
        ("as many as 3,000", "as many as", "<"),
        ("3,000 or so", "or so", "~"),
        ("3,000 or more", "or more", ">"),
        ("3,000", None, "="),
    ],
)
def test_numbers_qualifiers(text, qualifier, change):
    q = one(text)
    assert q.qualifier == qualifier
    assert q.change == change
    assert q.text == text
    assert q.value == 3000 or q.value == 20


@pytest.mark.parametrize(
    ("text", "low_ok", "high_ok"),
    [
        ("nearly 3,000", lambda lo: lo < 3000, lambda hi: hi < 3000),
        ("more than 3,000", lambda lo: lo > 3000, lambda hi: hi is None or hi > 3000),
        ("around 3,000", lambda lo: lo < 3000, lambda hi: hi > 3000),
        ("fewer than 3,000", lambda lo: lo < 3000, lambda hi: hi < 3000),
    ],
)
def test_numbers_interval_shapes(text, low_ok, high_ok):
    q = one(text)
    assert low_ok(q.low) and high_ok(q.high)


def test_numbers_signed_percentages_carry_direction():
    found = scan_quantities("In Europe: Stoxx 50 -1.3% FTSE -0.6%. Dow +0.2%")
    assert [(q.value, q.change) for q in found] == [(-1.3, "down"), (-0.6, "down"), (0.2, "up")]


# --------------------------------------------------------------------------- not quantities


@pytest.mark.parametrize(
    "text",
    [
        "the 11th Corps",
        "the 4th Brigade",
        "in 2019",
        "since June of 2018",
        "the 1988 horror film",
        "at 10:30 a.m.",
        "at 3 p.m. on Tuesday",
        "at 1.56pm",
        "call 555-0142",
        "call (555) 123-4567",
        "on September 8",
        "on 9 May",
        "Dec. 2",
        "COVID-19 tests",
        "COVID -19 tests",
        "the new XC40",
        "iPhone 11 Pro",
        "5G networks",
        "Game 6",
        "the S&P 500 index",
        "Boeing 737 jets",
        "575 Wilbraham Road",
        "a 9-2 lead",
        "tied at 89-89",
        "the 1990s",
        "version 1.0.2",
        "no one knows",
        "the first half",
        "between A.D. 1000 and 1260",
        "in 300 BC",
        "a production-four-door record",
        # a rank written in words
        "the country's number one exporter",
        "the party's number two",
        # a number and a letter that label a seat, a flat or a form
        "in seat 12F",
        "Flat 5C",
        "Terminal 2F",
        "the 4C-rated cable",
    ],
)
def test_numbers_not_quantities(text):
    assert scan_quantities(text) == [], [q.text for q in scan_quantities(text)]


def test_numbers_year_like_number_with_qualifier_is_a_count():
    q = one("about 2000 people")
    assert q.value == 2000 and q.qualifier == "about"


@pytest.mark.parametrize("text", [
    "The bridge had been due for repairs since at least 2021.",
    "The line will stay shut until at least 2030.",
    "Workers have complained since as early as 2019.",
])
def test_numbers_a_year_bounding_when_is_no_count(text):
    # "at least" bounds when, not how many: the year stays a year
    assert scan_quantities(text) == [], [q.text for q in scan_quantities(text)]


# --------------------------------------------------------------------------- offsets, speed


def test_numbers_offsets_are_shifted():
    text = "Officials said nearly 3,000 soldiers died."
    q = scan_quantities(text, offset=100)[0]
    assert text[q.span.start - 100 : q.span.end - 100] == "nearly 3,000" == q.text


def test_numbers_real_sentence():
    text = (
        "Outlet B says more than 10,000 troops were deployed, while the intelligence service "
        "had earlier estimated the casualties at around 1,000 in December 2023."
    )
    found = scan_quantities(text)
    assert [q.text for q in found] == ["more than 10,000", "around 1,000"]


def test_numbers_parse_number_words():
    assert parse_number_words("one hundred and twenty") == 120
    assert parse_number_words("three million") == 3_000_000
    assert parse_number_words("a dozen") == 12
    assert parse_number_words("banana") is None


def test_numbers_on_a_long_text_are_deterministic_and_keep_every_repetition():
    # speed is measured by benchmarks/extract.py, not asserted here; what a long text must
    # not do is merge figures across sentences or drop any, and a second scan gives the same
    sentence = (
        "More than 3,000 soldiers were killed, nearly 2,000 wounded and about $4.5 billion "
        "spent between 2019 and 2021, officials said at 10:30 a.m. on Friday. "
    )
    text = sentence * 50
    first = scan_quantities(text)
    assert first == scan_quantities(text)
    assert [q.text for q in first] == [q.text for q in scan_quantities(sentence)] * 50
    assert all(text[q.span.start:q.span.end] == q.text for q in first)


def test_numbers_converted_figure_shares_the_hedge():
    found = scan_quantities("just under 296 hp (224 kW / 300 PS) and 450 Nm")
    assert [q.change for q in found] == ["<", "<", "<", "="]


def test_numbers_motion_up_to_is_no_bound():
    q = one("growth inching back up to 4.8 percent")
    assert q.qualifier is None and (q.low, q.high) == (4.8, 4.8)


@pytest.mark.parametrize(("text", "low", "high"), [
    ("Orlavia says it handed over 95 Tesmarkians", 95, 95),
    ("the archive turned over 300 documents", 300, 300),
])
def test_numbers_over_as_a_verbs_particle_is_no_bound(text, low, high):
    q = one(text)
    assert q.qualifier is None and (q.low, q.high) == (low, high)


def test_numbers_over_after_a_verb_it_may_bound_stays_a_bound():
    assert one("the ferry carried over 200 passengers").qualifier == "over"


def test_numbers_idioms():
    assert [q.value for q in scan_quantities("A baker's dozen is exactly 13 units")] == [13]
    assert [q.value for q in scan_quantities("just one 52,000 barrel refinery")] == [52_000]


@pytest.mark.parametrize(("text", "kind", "unit"), [
    ("reports of an 80 million pound fee", "money", "pound sterling"),
    ("a bid of 12 billion pounds.", "money", "pound sterling"),
    # what millions of pounds weigh follows them: a weight
    ("recalled two million pounds of beef", "measure", "pound"),
    ("a 300 pound lineman", "measure", "pound"),
])
def test_millions_of_pounds_are_sterling_unless_they_weigh_something(text, kind, unit):
    q = one(text)
    assert (q.kind, q.unit) == (kind, unit)


@pytest.mark.parametrize(("text", "figures"), [
    # the loser's name makes "Larsen 4" look like a label; its "-6" is no figure either
    ("beat Ida Larsen 4-6, 6-3, 7-5 in the final", []),
    ("a Boeing 737-800 with 189 passengers", ["189"]),
    ("between 4-6 people", ["between 4-6"]),
])
def test_a_number_hyphened_onto_an_identifier_is_part_of_it(text, figures):
    assert [q.text for q in scan_quantities(text)] == figures


@pytest.mark.parametrize(("text", "unit", "figure"), [
    ("Orsenna reached 41.3C on Tuesday", "celsius", "41.3C"),
    ("The previous record, 105.4F, had stood since 1976", "fahrenheit", "105.4F"),
    ("Orsenna roasted in nearly 42C yesterday", "celsius", "nearly 42C"),
    ("Bake the loaf at 220C until golden", "celsius", "220C"),
])
def test_numbers_a_temperature_with_its_scale_letter_glued_on(text, unit, figure):
    q = one(text)
    assert (q.text, q.unit, q.kind) == (figure, unit, "measure")


@pytest.mark.parametrize(("text", "figure", "low", "high", "unit"), [
    ("Temperatures in the high 30s are expected, with overnight minimums of 24 to 26°C.",
     "high 30s", 37, 39, "celsius"),
    ("highs in the upper 90s to low 100s Fahrenheit", "upper 90s to low 100s", 97, 103,
     "fahrenheit"),
    ("It was 5C at dawn and would reach the mid-20s.", "mid-20s", 24, 26, "celsius"),
])
def test_numbers_a_decade_of_degrees_is_a_temperature_when_its_sentence_names_the_scale(
        text, figure, low, high, unit):
    [decade] = [q for q in scan_quantities(text) if q.text == figure]
    assert (decade.low, decade.high, decade.unit, decade.kind) == (low, high, unit, "measure")


@pytest.mark.parametrize("text", [
    "temperatures in the high 30s would persist until at least Thursday",  # no scale given
    "She is in her 30s. It was 20°C.",  # an age, and the scale is another sentence's
    "The 1990s were warm, at 30°C.",  # a decade of years
    "It was 41.3C (106.3F), and the high 30s are to come.",  # two scales: which one?
])
def test_numbers_a_decade_without_one_scale_in_its_sentence_is_left_alone(text):
    assert all(not q.text.endswith("0s") for q in scan_quantities(text))


@pytest.mark.parametrize(("text", "figure"), [
    ("Health bosses admitted that scores of people may have been killed", "scores"),
    ("Scores of homes were flooded", "Scores"),
])
def test_numbers_scores_of_people_are_twenties(text, figure):
    q = one(text)
    assert q.text == figure and q.low == 40 and q.high is not None and q.high > 200


@pytest.mark.parametrize("text", ["the test scores of pupils", "their scores of the exam",
                                  "Scores dead as the heat rises"])
def test_numbers_scores_that_are_tallies_are_no_figures(text):
    assert scan_quantities(text) == []


@pytest.mark.parametrize(("text", "figure"), [
    ("excess deaths could already number several hundred", "several hundred"),
    ("the dead now number 300", "300"),
])
def test_numbers_number_as_a_verb_counts(text, figure):
    assert one(text).text == figure


@pytest.mark.parametrize("text", ["Europe's number one supplier", "It is number 10 in the charts"])
def test_numbers_number_before_a_figure_is_still_a_rank(text):
    assert scan_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "figure", "low", "high"),
    [
        # a fraction told as how far something moved is that percentage, a fraction word
        # rounding as "about" does; a hedge on it stays
        ("admissions were up almost half on a normal week", "almost half", 45.0, 50.0),
        ("sales were down by a third last year", "a third", 29.9, 36.7),
        ("the budget was cut sharply by a quarter.", "a quarter", 22.4, 27.6),
        ("prices rose by two-thirds since May", "two-thirds", 59.9, 73.4),
        # the verb's object between the verb and "by"
        ("the pill cuts strokes by almost a quarter, a study found", "almost a quarter", 22.5,
         25.0),
        ("the tax cut the cost of rent by a third.", "a third", 29.9, 36.7),
    ],
)
def test_numbers_a_fraction_of_change_is_a_percentage(text, figure, low, high):
    q = one(text)
    assert (q.text, q.kind, q.unit) == (figure, "percent", "percent")
    assert low <= q.low and q.high <= high


@pytest.mark.parametrize(
    ("change", "share"),
    [
        ("admissions were up almost half on a normal week", "almost half of the voters"),
        ("strokes were cut by nearly a quarter", "nearly a quarter of the voters"),
    ],
)
def test_numbers_a_fraction_word_rounds_alike_as_a_change_and_as_a_share(change, share):
    # a fraction word is a coarse rounding however it is told: "almost a quarter" of change
    # is 23 percent as "almost a quarter of voters" is 0.23, and as "nearly 2,000" is 1,850;
    # only a percentage written as one is told more finely
    moved, part = one(change), one(share)
    assert (moved.kind, part.kind) == ("percent", "ratio")
    assert moved.low / moved.value == pytest.approx(part.low / part.value)
    assert moved.low <= moved.value * 0.92


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("a third of voters backed the plan", "ratio"),  # a share of a whole
        ("half the team was ill", "ratio"),
        ("rates went up half a point", "ratio"),  # moved by points, not by half
        # a change verb far before "by": the fraction is a share
        ("prices rose after the plant was sold by a third of its owners", "ratio"),
    ],
)
def test_numbers_a_fraction_of_something_stays_a_ratio(text, kind):
    assert one(text).kind == kind


def test_numbers_an_ordinal_after_a_change_word_is_no_fraction():
    assert scan_quantities("shares went up a third time") == []
