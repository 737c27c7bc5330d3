"""Whether two figures count the same thing: the explicit checks behind the cosine."""

from __future__ import annotations

from dataclasses import replace

import pytest

from corroborator.compare.measures import outcomes, same_thing
from corroborator.nlp.numbers import scan_quantities
from corroborator.records import Quantity

STRONG, RELATED = 0.85, 0.45


def figure(text: str, unit: str) -> Quantity:
    (found,) = scan_quantities(text, 0)
    return replace(found, unit=unit, kind="count")


@pytest.mark.parametrize(("unit_a", "measured_a", "unit_b", "measured_b", "same"), [
    # generic "people" on one side, people on the other: one count, worded two ways
    ("residents", "residents evacuated", "people", "people evacuated", True),
    ("workers", "workers on the night shift", "people", "people working", True),
    # "people" is not a count of places or buildings, however alike the phrases read
    ("villages", "dam flooding villages", "people", "dam forcing people", False),
    ("houses", "houses evacuated", "people", "people evacuated", False),
    ("homes", "homes", "people", "people", False),
    # things whose names end like "villager" or "resident" are no people either
    ("shelters", "evacuees housed shelters", "people", "people evacuated", False),
    ("helicopters", "helicopters sent", "people", "people sent", False),
    ("settlements", "settlements evacuated", "people", "people evacuated", False),
])
def test_generic_people_only_stands_for_people(unit_a, measured_a, unit_b, measured_b,
                                               same) -> None:
    a, b = figure("about 2,000", unit_a), figure("four", unit_b)
    # a cosine between the related and the strong bar: the explicit checks decide
    assert same_thing(a, b, measured_a, measured_b, 0.62, STRONG, RELATED) is same


@pytest.mark.parametrize(("unit_a", "measured_a", "unit_b", "measured_b", "same"), [
    # a toll counts the people an outcome befell
    (None, "death toll", "people", "people killed", True),
    (None, "death toll", None, "death toll rose", True),
    # but not when the outcomes differ, or the other side counts things
    (None, "death toll", "people", "people injured", False),
    (None, "death toll", "homes", "homes destroyed killed", False),
    # with no outcome named, a missing noun is no evidence at all
    (None, "total", "people", "people evacuated", False),
])
def test_a_toll_without_a_noun_counts_people(unit_a, measured_a, unit_b, measured_b,
                                             same) -> None:
    a, b = figure("14", unit_a), figure("17", unit_b)
    assert same_thing(a, b, measured_a, measured_b, 0.62, STRONG, RELATED) is same


@pytest.mark.parametrize(("unit_a", "measured_a", "unit_b", "measured_b", "same"), [
    # "put the turnout at 180,000" counts the people who marched
    (None, "turnout", "people", "people took part", True),
    (None, "crowd", "protesters", "protesters marched", True),
    # a headcount counts people, not things; and it needs people on the other side
    (None, "turnout", "homes", "homes destroyed", False),
    (None, "turnout", None, "real number", False),
])
def test_a_headcount_counts_the_people_present(unit_a, measured_a, unit_b, measured_b,
                                               same) -> None:
    a, b = figure("180,000", unit_a), figure("about 45,000", unit_b)
    assert same_thing(a, b, measured_a, measured_b, 0.51, STRONG, RELATED) is same


@pytest.mark.parametrize(("measured_a", "measured_b", "cosine", "same"), [
    # former customers are some of the customers: a part, not a second count of them
    ("details former customers", "records customers", 0.62, False),
    ("details former customers", "records customers", 0.9, False),
    ("elderly residents evacuated", "residents evacuated", 0.9, False),
    # both sides say so: the same part
    ("details former customers", "former customers affected", 0.62, True),
    # a modifier that does not pick out a part ("Brannock customers") is no such word
    ("records Brannock customers", "records customers", 0.62, True),
    # suspected cases are not the cases tests have confirmed
    ("ministry counted suspected cases", "cases", 0.62, False),
    ("suspected cases", "ministry reported new suspected cases", 0.62, True),
    # "the two leading carriages" are where the rescuers cut, not how many derailed
    ("wreckage leading carriages", "carriages left", 0.9, False),
    ("front carriages", "carriages left", 0.9, False),
])
def test_a_count_of_part_of_a_noun_is_not_a_count_of_the_noun(measured_a, measured_b,
                                                              cosine, same) -> None:
    noun = measured_a.split()[-1] if measured_a.split()[-1] != "evacuated" else "residents"
    a, b = figure("about 700,000", noun), figure("12 million", noun)
    assert same_thing(a, b, measured_a, measured_b, cosine, STRONG, RELATED) is same


@pytest.mark.parametrize(("measured_a", "measured_b", "same"), [
    # what befell homes tells their counts apart, as it does for people
    ("storm cutting power homes", "flood damage homes", False),
    ("homes without power", "fire destroyed homes", False),
    ("storm cutting power homes", "homes without power", True),
])
def test_what_befell_homes_tells_their_counts_apart(measured_a, measured_b, same) -> None:
    a, b = figure("about 200,000", "homes"), figure("about 30,000", "homes")
    assert same_thing(a, b, measured_a, measured_b, 0.62, STRONG, RELATED) is same


@pytest.mark.parametrize(("measured_a", "measured_b", "same"), [
    # those brought out alive are a count of their own: not the trapped, not the missing
    ("miners trapped", "miners rescued", False),
    ("miners rescued", "miners missing", False),
    ("survivors", "miners trapped", False),
    ("miners rescued", "miners rescued alive", True),
    # brought out, told as where they were brought
    ("miners who remain trapped", "miners brought to surface", False),
    ("miners brought to surface", "miners rescued", True),
    ("workers winched to safety", "miners reached surface", True),
    ("miners brought out and taken to hospital", "miners rescued", True),
])
def test_the_rescued_are_not_the_trapped(measured_a, measured_b, same) -> None:
    a, b = figure("at least 14", "miners"), figure("11", "miners")
    # the two phrases read alike (0.82 for the first pair), below the strong bar
    assert same_thing(a, b, measured_a, measured_b, 0.8, STRONG, RELATED) is same


@pytest.mark.parametrize(("measured_b", "same"), [
    # people counted as taking part are what a headcount counts, at any cosine
    ("workers protested", True),
    ("people took part in the march", True),
    # people counted otherwise are not
    ("workers laid off", False),
])
def test_a_headcount_meets_people_taking_part_at_any_cosine(measured_b, same) -> None:
    crowd, people = figure("1,800", None), figure("about 3,000", "workers")
    assert same_thing(crowd, people, "crowd", measured_b, 0.2, STRONG, RELATED) is same


@pytest.mark.parametrize(("measured_a", "unit_a", "same"), [
    # the patients one hospital treats are not the people an outbreak has infected
    ("hospital treating cholera patients", "patients", False),
    ("disease killed", "people", False),
    # two counts of the infected are one thing
    ("people infected with the virus", "people", True),
])
def test_an_infection_count_is_neither_the_dead_nor_the_treated(measured_a, unit_a,
                                                                 same) -> None:
    a, b = figure("85", unit_a), figure("at least 120", "people")
    assert same_thing(a, b, measured_a, "cholera outbreak infected people", 0.62, STRONG,
                      RELATED) is same


@pytest.mark.parametrize(("measured_a", "measured_b", "cosine", "same"), [
    # what a ship may carry is not what it carried, however close the words
    ("ship licensed carry passengers", "ship carrying passengers", 0.9, False),
    ("stadium capacity", "people attended", 0.62, False),
    # two limits of one thing are one figure told twice
    ("ship licensed carry passengers", "ship licensed passengers", 0.9, True),
])
def test_a_limit_is_not_a_count_of_what_happened(measured_a, measured_b, cosine,
                                                 same) -> None:
    a, b = figure("350", "passengers"), figure("412", "passengers")
    assert same_thing(a, b, measured_a, measured_b, cosine, STRONG, RELATED) is same


@pytest.mark.parametrize(("a", "measured_a", "b", "measured_b", "cosine", "same"), [
    # what both sums pay, a name against nothing or against its role noun: one price
    ("around £80m", "fee striker Dario Lenk", "£60 million", "fee", 0.48, True),
    ("£230,000", "striker earn week", "about £200,000", "Lenk earn week", 0.58, True),
    # a week's wage is no year's, a fee no wage, and other currencies are other scales
    ("£230,000", "striker earn week", "£9 million", "Lenk earn year", 0.6, False),
    ("£60 million", "fee", "£230,000", "Lenk earn week", 0.5, False),
    ("£60 million", "fee", "70 million euros", "club record fee", 0.6, False),
    # unrelated phrases stay apart whatever word they share
    ("£60 million", "fee", "£5 million", "agent fee dispute lawyers", 0.3, False),
])
def test_sums_that_pay_for_one_thing_are_one_price(a, measured_a, b, measured_b, cosine,
                                                   same):
    (qa,), (qb,) = scan_quantities(a, 0), scan_quantities(b, 0)
    assert same_thing(qa, qb, measured_a, measured_b, cosine, STRONG, RELATED) is same


@pytest.mark.parametrize(("unit_a", "measured_a", "unit_b", "measured_b", "same"), [
    # a people by its name and people of that people, both handed back: one count
    ("Tesmarkians", "Orlavia handed over Tesmarkians", "soldiers",
     "Tesmarkian soldiers brought", True),
    # another people's soldiers
    ("Tesmarkians", "Orlavia handed over Tesmarkians", "servicemen",
     "Orlavian servicemen returned", False),
    # those still held are not those handed back
    ("Tesmarkians", "Tesmarkians remain", "soldiers", "Tesmarkian soldiers brought", False),
    ("Tesmarkians", "Tesmarkians held", "soldiers", "total Tesmarkian soldiers", False),
])
def test_a_peoples_name_counts_its_people_that_met_one_fate(unit_a, measured_a, unit_b,
                                                           measured_b, same) -> None:
    a, b = figure("95", unit_a), figure("101", unit_b)
    assert same_thing(a, b, measured_a, measured_b, 0.46, STRONG, RELATED) is same


@pytest.mark.parametrize(("a", "measured_a", "b", "measured_b", "same"), [
    # one relative change of one thing, worded two ways (the agent described, another verb)
    ("by 23%", "tarnexiban reduced risk stroke compared", "by 32%",
     "company blood thinner tarnexiban lowered risk stroke", True),
    # the same drug changing two things: the risk of stroke is not the risk of bleeding
    ("by 23%", "tarnexiban reduced risk stroke compared", "by 8%",
     "tarnexiban reduced risk major bleeding", False),
    # two agents changing one kind of thing
    ("by 23%", "tarnexiban reduced risk stroke", "by 12%", "aspirin reduced risk stroke",
     False),
    # opposite directions are no one change
    ("by 23%", "tarnexiban reduced risk stroke", "by 5%", "tarnexiban raised risk stroke",
     False),
])
def test_percentage_changes_of_one_thing_are_one_change(a, measured_a, b, measured_b, same):
    (qa,), (qb,) = scan_quantities(a, 0), scan_quantities(b, 0)
    qa = replace(qa, change="down")
    qb = replace(qb, change="up" if "raised" in measured_b else "down")
    # related phrases, below the near-identical bar: the words around the verb decide
    assert same_thing(qa, qb, measured_a, measured_b, 0.81, STRONG, RELATED) is same


@pytest.mark.parametrize(("measured_a", "unit_b", "measured_b", "same"), [
    # "corrected the number of countries ... to 33" counts the countries of "31 countries"
    ("countries", "countries", "sites countries", True),
    # what the phrase names is not what the other counts
    ("countries", "sites", "trial sites", False),
    # a longer phrase may open with a modifier: twelve of the soldiers are no Tesmarkians
    ("Tesmarkian soldiers brought", "Tesmarkians", "Tesmarkians who remain", False),
])
def test_a_count_without_a_noun_counts_what_its_phrase_names(measured_a, unit_b,
                                                                  measured_b, same):
    a, b = figure("33", None), figure("31", unit_b)
    assert same_thing(a, b, measured_a, measured_b, 0.73, STRONG, RELATED) is same


@pytest.mark.parametrize(("measured", "displaced"), [
    ("people had to leave their homes", True),
    ("people forced from their homes", True),
    # as the claims stage keeps a verb of driving out: the place left, without its article
    ("volcano forcing from homes people", True),
    ("flood drove out of homes villagers", True),
    ("people forced to work", False),
])
def test_leaving_home_is_displacement(measured, displaced) -> None:
    assert ("displaced" in outcomes(measured)) is displaced
