import pytest

from corroborator.compare import intervals
from corroborator.nlp.numbers import scan_quantities


def q(text: str):
    (found,) = scan_quantities(text)
    return found


@pytest.mark.parametrize(
    ("a", "b", "compatible"),
    [
        ("nearly 3,000", "more than 3,000", False),
        ("more than 10,000", "thousands", True),
        ("nearly 2,000", "close to 2,000", True),
        ("at least 14", "14", True),
        ("about 120", "roughly 120", True),
        ("about 120", "more than 200", False),
        ("around 800", "nearly 2,000", False),
        ("between 150 and 200", "some 150 to 200", True),
        ("23", "more than 40", False),
        ("about 3,000", "more than 3,000", True),
    ],
)
def test_intervals_compatibility(a: str, b: str, compatible: bool) -> None:
    assert intervals.compatible(q(a), q(b)) is compatible
    assert intervals.compatible(q(b), q(a)) is compatible
    assert intervals.conflicting(q(a), q(b)) is (not compatible)


def test_intervals_never_compare_money_with_counts() -> None:
    assert not intervals.same_scale(q("$4.5 million"), q("4,500"))
    assert not intervals.conflicting(q("$4.5 million"), q("4,500"))


def test_intervals_durations_are_not_figures() -> None:
    (weeks,) = [x for x in scan_quantities("six weeks of fighting") if x.kind == "measure"] or [
        None]
    if weeks is not None:
        assert not intervals.is_figure(weeks)


def test_intervals_text() -> None:
    assert intervals.interval_text(q("14")) == "14"
    assert intervals.interval_text(q("at least 14")) == "≥ 14"


@pytest.mark.parametrize(
    ("a", "b", "apart"),
    [
        ("at least 14", "at least 40", True),  # one hedge, two numbers
        ("at least 31", "more than 40", True),  # two numbers, both a floor
        ("nearly 40", "at least 31", False),  # a ceiling and a floor: one number may fit both
        ("about 1,100", "more than 1,100", True),  # one number hedged two ways
        ("nearly 2,000", "up to 2,000", False),  # both below it
        ("about 1,100", "roughly 1,100", False),
        ("1,100", "more than 1,100", False),  # a bare figure may only have dropped its hedge
        ("about 1,100", "about 1,100", False),
    ],
)
def test_figures_told_apart(a: str, b: str, apart: bool) -> None:
    assert intervals.told_apart(q(a), q(b)) is apart
    assert intervals.told_apart(q(b), q(a)) is apart


@pytest.mark.parametrize(("fahrenheit", "celsius", "compatible"), [
    ("106.3F", "41.3C", True),  # the one reading, converted and rounded to a tenth
    ("105.4 degrees Fahrenheit", "40.8C", True),
    ("106.3F", "41.6C", False),
    ("104F", "40C", True),
    ("around 107F", "nearly 42C", True),
])
def test_a_fahrenheit_temperature_is_compared_in_celsius(fahrenheit, celsius, compatible) -> None:
    converted = intervals.in_common_unit(q(fahrenheit))
    assert converted.unit == "celsius" and converted.text == q(fahrenheit).text
    assert intervals.same_scale(converted, q(celsius))
    assert intervals.compatible(converted, q(celsius)) is compatible


def test_other_units_are_left_as_they_are() -> None:
    assert intervals.in_common_unit(q("41.3C")) == q("41.3C")
    assert intervals.in_common_unit(q("87 mph")) == q("87 mph")


@pytest.mark.parametrize(("one", "other", "compatible"), [
    ("116 square miles", "300 square kilometres", True),  # one area, converted and rounded
    ("about 1,000 barrels", "about 160,000 litres", True),
    ("1,000 barrels", "12,000 litres", False),
    ("4,000 hectares", "40 square kilometres", True),
    ("250 acres", "4 square kilometres", False),
    ("500 kilograms", "half a tonne", True),
])
def test_areas_volumes_and_masses_are_compared_in_one_unit(one, other, compatible) -> None:
    a, b = intervals.in_common_unit(q(one)), intervals.in_common_unit(q(other))
    assert a.text == q(one).text
    assert intervals.same_scale(a, b)
    assert intervals.compatible(a, b) is compatible
