"""Revisions as updates, different sources' incompatible counts, and what must stay quiet.

Hand-built claims on fictional events; a bag-of-words stand-in for embeddings (no models).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from corroborator.compare import compare_story
from corroborator.compare.measures import outcomes, same_thing
from corroborator.compare.revisions import split_from_to
from corroborator.records import Claim, Quantity, Span, Story

from .helpers import article, bow_embed, claim


def _revised(c: Claim, revisions: dict[str, str], measured: str | None = None,
             change: str | None = None) -> Claim:
    """The claim with ``revision`` set on the figures written as the keys of ``revisions``."""
    qs = tuple(replace(q, revision=revisions.get(q.text), measured=measured or q.measured,
                       change=change or q.change) for q in c.quantities)
    return replace(c, quantities=qs)


def _day_apart(first_text: str, later_text: str):
    """A report and the next day's report of the same event by another outlet."""
    return (article("a", "Ostrel Herald", first_text, day=3),
            article("b", "Tarnvik Post", later_text, day=4))


def _run(settings, arts, claims):
    story = Story("s", None, tuple(a.id for a in arts))
    return compare_story(story, arts, claims, [], settings, embed_fn=bow_embed)


FLOOD = "flood victims in Tarnvik"


def test_revision_against_an_earlier_report_is_an_update(settings) -> None:
    first, later = _day_apart(
        "Governor Ilse Marrow said about 250 flood victims in Tarnvik were rescued.",
        "Governor Ilse Marrow raised her estimate of flood victims in Tarnvik to 310, up from "
        "about 250 a day earlier.")
    claims = [
        claim(first, "about 250 flood victims in Tarnvik were rescued", "Ilse Marrow",
              measured=FLOOD, speaker_type="PERSON"),
        # the parse gives the revised figure another phrase: only related words remain
        _revised(claim(later, "her estimate of flood victims in Tarnvik to 310, up from about "
                       "250", "Ilse Marrow", speaker_type="PERSON"),
                 {"310": "new", "about 250": "previous"}, measured="Tarnvik victims estimate"),
    ]
    result = _run(settings, [first, later], claims)
    kinds = [c.kind for c in result.conflicts]
    assert kinds == ["update"], [c.explanation for c in result.conflicts]
    text = result.conflicts[0].explanation
    assert "about 250" in text and "310" in text and "Tarnvik Post" in text
    # a figure changed over time is no disagreement between the reports
    assert {p.status for p in result.propositions} == {"single-source"}


def test_previous_value_is_context_not_a_figure_in_conflict(settings) -> None:
    # the later article gives the old figure only as the one replaced: no misreport of it
    a = article("a", "Ostrel Herald", "The ministry said 2.2% growth was expected.", day=3)
    b = article("b", "Corvane Daily", "The ministry cut its growth forecast to 1.4% from 2.2%.",
                day=3, hour=10)
    c = article("c", "Velmar News", "The ministry said 2.6% growth was expected.", day=2)
    claims = [
        claim(c, "2.6% growth was expected", "Health Ministry", measured="growth forecast"),
        _revised(claim(b, "its growth forecast to 1.4% from 2.2%", "Health Ministry",
                       measured="growth forecast"), {"1.4%": "new", "2.2%": "previous"}),
    ]
    result = _run(settings, [a, b, c], claims)
    for conflict in result.conflicts:
        assert "“2.2%”" not in conflict.explanation


def test_from_to_span_splits_into_previous_and_new() -> None:
    q = Quantity("from 40 to 52", Span(0, 13), None, 40.0, 52.0, change="up",
                 revision="from-to")
    previous, new = split_from_to(q)
    assert (previous.value, previous.revision, new.value, new.revision) == (
        40.0, "previous", 52.0, "new")
    down = split_from_to(replace(q, change="down"))
    assert (down[0].value, down[1].value) == (52.0, 40.0)


def test_from_to_revision_is_an_update(settings) -> None:
    first, later = _day_apart(
        "Harbour officials said 40 people died in the ferry sinking.",
        "Harbour officials raised the toll of people who died in the ferry sinking from 40 to "
        "52.")
    claims = [
        claim(first, "40 people died in the ferry sinking", "Harbour Authority",
              measured="people died ferry sinking"),
        _revised(claim(later, "the toll of people who died in the ferry sinking from 40 to 52",
                       "Harbour Authority", measured="people died ferry sinking"),
                 {"from 40 to 52": "from-to"}, change="up"),
    ]
    result = _run(settings, [first, later], claims)
    assert [c.kind for c in result.conflicts] == ["update"]


SHIFT = ("The Pellmar mill company said about 120 workers were on the night shift when the "
         "fire broke out.")
UNION = ("More than 200 people were working inside the Pellmar mill when the fire broke out, "
         "the union said.")


def _mill_claims(a, b) -> list[Claim]:
    """The company's and the union's counts of the mill's workers (SHIFT in a, UNION in b)."""
    claims = [
        claim(a, "about 120 workers were on the night shift when the fire broke out", "company",
              measured="workers on night shift"),
        claim(b, "More than 200 people were working inside the Pellmar mill when the fire "
              "broke out", "union", measured="people working on night shift"),
    ]
    return [replace(c, quantities=tuple(replace(q, unit=u) for q in c.quantities))
            for c, u in zip(claims, ["workers", "people"], strict=True)]


def test_different_sources_incompatible_counts_disagree(settings) -> None:
    a = article("a", "Corvel Wire", SHIFT, day=10)
    b = article("b", "Evening Post", UNION, day=10, hour=15)
    claims = _mill_claims(a, b)
    result = _run(settings, [a, b], claims)
    assert [c.kind for c in result.conflicts] == ["source-disagreement"]
    text = result.conflicts[0].explanation
    assert text.startswith("The company puts") and "the union" in text and "about 120" in text
    assert "apart" not in text  # six hours: one moment of the story


def test_disagreement_a_day_apart_says_the_later_may_be_a_newer_count(settings) -> None:
    a = article("a", "Corvel Wire", SHIFT, day=10)
    b = article("b", "Evening Post", UNION, day=11, hour=15)
    result = _run(settings, [a, b], _mill_claims(a, b))
    assert [c.kind for c in result.conflicts] == ["source-disagreement"]
    assert result.conflicts[0].explanation.endswith(
        "different sources with incompatible figures, given 30 hours apart (the later may be "
        "a newer count).")


def test_disagreement_hours_are_counted_from_when_each_figure_was_first_given(
        settings) -> None:
    # the union's figure was given the same day; a paper restates it a day later
    a = article("a", "Corvel Wire", SHIFT, day=10)
    b = article("b", "Evening Post", UNION, day=10, hour=15)
    c = article("c", "Weekly Review", UNION, day=11, hour=15)
    first, restated = _mill_claims(a, c)
    # a named union: "the union" of two reports need not be one union
    restated = replace(restated, speaker="Pellmar Workers Union", speaker_type="ORG")
    # the same day's telling measured in other words, so the pair compared is the restatement
    same_day = replace(restated, id="same-day", article_id=b.id, quantities=tuple(
        replace(q, measured="union members at the mill") for q in restated.quantities))
    result = _run(settings, [a, b, c], [first, same_day, restated])
    texts = [x.explanation for x in result.conflicts if x.kind == "source-disagreement"]
    assert texts and all("apart" not in t for t in texts)


def test_a_speed_a_day_apart_may_be_a_newer_estimate_not_a_newer_count(settings) -> None:
    a = article("a", "Castmoor Courier",
                "Northvale Rail says the train was travelling at 118 km/h.", day=10)
    b = article("b", "Trans-Continental Press", "The safety board said the train was "
                "travelling at 143 km/h.", day=11, hour=15)
    claims = [claim(a, "the train was travelling at 118 km/h", "Northvale Rail",
                    measured="train travelling", speaker_type="ORG"),
              claim(b, "the train was travelling at 143 km/h", "safety board",
                    measured="train travelling")]
    result = _run(settings, [a, b], claims)
    assert [c.kind for c in result.conflicts] == ["source-disagreement"]
    assert result.conflicts[0].explanation.endswith("(the later may be a newer estimate).")


def test_two_articles_of_one_outlet_are_told_apart_by_title(settings) -> None:
    # files without an outlet take their folder's name: "inbox reports ..., but inbox has ..."
    # would not say which report is which
    a = replace(article("a", "inbox", SHIFT, day=10), title="Fire at the Pellmar mill")
    b = replace(article("b", "inbox", UNION, day=10, hour=15),
                title="Union says hundreds were inside the mill when fire broke out, far "
                      "more than the company has admitted")
    claims = _mill_claims(a, b)
    text = _run(settings, [a, b], claims).conflicts[0].explanation
    assert "inbox (“Fire at the Pellmar mill”)" in text
    assert "inbox (“Union says hundreds were inside the mill when fire broke…”)" in text


def test_articles_without_an_outlet_are_named_by_title(settings) -> None:
    # a text file given on its own has no outlet: "article 235992fc" said nothing
    a = replace(article("a", None, SHIFT, day=10), title="Fire at the Pellmar mill")
    b = replace(article("b", None, UNION, day=10, hour=15), title="Hundreds inside, union says")
    c = replace(article("c", None, UNION, day=10, hour=16), title="Fire at the Pellmar mill")
    text = _run(settings, [a, b], _mill_claims(a, b)).conflicts[0].explanation
    assert "(“Fire at the Pellmar mill”, 10 May 2026)" in text
    assert "(“Hundreds inside, union says”, 10 May 2026)" in text
    # one title for both: the ids tell them apart
    text = _run(settings, [a, c], _mill_claims(a, c)).conflicts[0].explanation
    assert "“Fire at the Pellmar mill” (article c" in text


def test_named_sources_on_killed_and_injured_never_disagree(settings) -> None:
    a = article("a", "Lisska Daily", "The Health Ministry said 9 people were killed.", day=2)
    b = article("b", "Harbor News", "Dr Jonas Pell said 40 people were injured.", day=2, hour=11)
    claims = [
        claim(a, "9 people were killed", "Health Ministry", measured="people killed",
              speaker_type="ORG"),
        claim(b, "40 people were injured", "Jonas Pell", measured="people injured",
              speaker_type="PERSON"),
    ]
    assert _run(settings, [a, b], claims).conflicts == ()


def test_role_the_story_gives_to_the_other_speaker_is_not_another_source(settings) -> None:
    # "the minister" is Defence Minister Ana Corell: a misreport or update, never a
    # disagreement between two sources
    a = article("a", "Ostrel Herald", "Defence Minister Ana Corell said 300 soldiers were "
                "wounded near Vask.", day=5)
    b = article("b", "Tarnvik Post", "More than 500 soldiers were wounded near Vask, the "
                "minister said.", day=5, hour=10)
    claims = [
        claim(a, "300 soldiers were wounded near Vask", "Ana Corell",
              measured="soldiers wounded near Vask", speaker_type="PERSON"),
        claim(b, "More than 500 soldiers were wounded near Vask", "minister",
              measured="soldiers wounded near Vask"),
    ]
    kinds = [c.kind for c in _run(settings, [a, b], claims).conflicts]
    assert "source-disagreement" not in kinds


def test_compatible_counts_of_different_sources_agree(settings) -> None:
    a = article("a", "Corvel Wire", SHIFT, day=10)
    b = article("b", "Evening Post", UNION.replace("More than 200", "Roughly 120"), day=10)
    claims = [
        claim(a, "about 120 workers were on the night shift when the fire broke out", "owners",
              measured="workers on night shift"),
        claim(b, "Roughly 120 people were working inside the Pellmar mill when the fire broke "
              "out", "union", measured="people working inside mill night shift"),
    ]
    assert _run(settings, [a, b], claims).conflicts == ()


@pytest.mark.parametrize(
    ("a", "b", "units", "cos", "same"),
    [
        # different outcomes, however close the words
        ("people killed", "people injured", ("people", "people"), 0.9, False),
        ("soldiers killed", "soldiers killed or wounded", ("soldiers", "soldiers"), 0.6, False),
        ("servicemen died or suffered", "soldiers killed or wounded", ("soldiers", "servicemen"),
         0.87, True),  # the parse cut "injuries" off: near-identical wording decides
        ("people injured", "doctors treated people injured", ("people", "people"), 0.72, True),
        ("workers on night shift", "people working", ("workers", "people"), 0.55, True),
        ("workers on night shift", "people working", ("workers", "people"), 0.3, False),
        ("Halvorian troops deployed", "Halvorian soldiers killed or wounded",
         ("troops", "soldiers"), 0.74, False),
        ("soldiers killed or wounded", "casualties inflicted", ("soldiers", None), 0.9, True),
        ("Smith fell", "Jones going", (None, None), 0.6, False),  # bare figures: ages, speeds
    ],
)
def test_same_thing_table(a, b, units, cos, same) -> None:
    qa = Quantity("1", Span(0, 1), 1.0, 1.0, 1.0, unit=units[0])
    qb = replace(qa, unit=units[1])
    assert same_thing(qa, qb, a, b, cos, 0.85, 0.5) is same


def test_outcomes_read_casualties_as_killed_and_wounded() -> None:
    assert outcomes("new casualties inflicted") == outcomes("soldiers killed or wounded")
    assert outcomes("workers on the night shift") == frozenset()


@pytest.mark.parametrize("phrase", [
    "people leave their homes", "residents forced from their homes",
    "families driven out of their houses", "villagers flee the valley", "residents evacuated"])
def test_leaving_home_is_displacement(phrase) -> None:
    assert outcomes(phrase) == frozenset({"displaced"})


@pytest.mark.parametrize("phrase", ["staff left the company", "workers left early to go home",
                                    "homes flooded"])
def test_leaving_is_not_always_displacement(phrase) -> None:
    assert "displaced" not in outcomes(phrase)


def test_same_thing_needs_the_same_counted_noun_when_only_related() -> None:
    firefighters = Quantity("150", Span(0, 3), 150.0, 150.0, 150.0, unit="firefighters")
    workers = replace(firefighters, unit="workers")
    people = replace(firefighters, unit="people")
    assert not same_thing(firefighters, workers, "fought fire", "on shift", 0.6, 0.85, 0.5)
    assert same_thing(people, workers, "working", "on shift", 0.6, 0.85, 0.5)


def test_vague_roles_are_not_told_apart(settings) -> None:
    # "the police" and "officers" may be one source: no source-disagreement between them
    a = article("a", "Corvel Wire", "About 30 people were arrested, the police said.", day=10)
    b = article("b", "Evening Post", "More than 80 people were arrested, officers said.", day=10)
    claims = [
        claim(a, "About 30 people were arrested", "police", measured="people arrested"),
        claim(b, "More than 80 people were arrested", "officers", measured="people arrested"),
    ]
    kinds = [c.kind for c in _run(settings, [a, b], claims).conflicts]
    assert "source-disagreement" not in kinds


def test_an_open_figure_of_another_outcome_restates_nothing(settings) -> None:
    # "at least 12" is compatible with "more than 1,500" as an interval, but it counts the
    # missing, not the evacuated: the governor's two evacuation figures still conflict
    a = article("a", "Ostrel Herald", "Governor Mirela Dalski said nearly 1,500 people had "
                "been evacuated and that at least 12 people were missing.", day=3)
    b = article("b", "Tarnvik Post", "More than 1,500 residents were evacuated, according to "
                "Governor Mirela Dalski.", day=3, hour=15)
    told = claim(a, "nearly 1,500 people had been evacuated and that at least 12 people were "
                 "missing", "Mirela Dalski")
    told = replace(told, quantities=tuple(
        replace(q, unit="people", measured=m)
        for q, m in zip(told.quantities, ["people evacuated", "people missing"], strict=True)))
    retold = claim(b, "More than 1,500 residents were evacuated", "Mirela Dalski",
                   measured="residents evacuated")
    retold = replace(retold, quantities=tuple(replace(q, unit="residents")
                                              for q in retold.quantities))
    result = _run(settings, [a, b], [told, retold])
    assert [c.kind for c in result.conflicts] == ["misreport"]
    assert "nearly 1,500" in result.conflicts[0].explanation


@pytest.mark.parametrize(("title", "updates"), [("Rescue Chief", True), ("Police Chief", False)])
def test_a_chief_revising_the_figure_of_the_service_his_title_names_is_its_update(
        settings, title, updates) -> None:
    first, later = _day_apart(
        "About 250 flood victims in Tarnvik were rescued, the regional rescue service said.",
        f"{title} Ilse Marrow said 310 flood victims in Tarnvik had been rescued, up from "
        "her estimate of about 250 a day earlier.")
    claims = [
        claim(first, "About 250 flood victims in Tarnvik were rescued", "regional rescue service",
              measured=FLOOD),
        # the revision's two figures come out as two attributions of one sentence
        _revised(claim(later, "310 flood victims in Tarnvik had been rescued", "Ilse Marrow",
                       speaker_type="PERSON"), {"310": "new"}, measured=FLOOD),
        _revised(claim(later, "about 250", "Ilse Marrow", speaker_type="PERSON"),
                 {"about 250": "previous"}, measured="estimate"),
    ]
    result = _run(settings, [first, later], claims)
    kinds = [c.kind for c in result.conflicts]
    if not updates:  # a police chief does not speak for the rescue service
        assert "update" not in kinds
        return
    assert kinds == ["update"], [c.explanation for c in result.conflicts]
    assert "given by Ilse Marrow" in result.conflicts[0].explanation


@pytest.mark.parametrize("earlier", ["About 250", "More than 250"])
def test_another_sources_later_count_up_from_the_earlier_level_is_an_update(
        settings, earlier) -> None:
    first, later = _day_apart(
        f"{earlier} flood victims in Tarnvik were rescued, the regional rescue service said.",
        "The Harlow Relief Agency counted 410 flood victims in Tarnvik rescued, up from about "
        "250 a day earlier.")
    claims = [
        claim(first, f"{earlier} flood victims in Tarnvik were rescued", "regional rescue service",
              measured=FLOOD),
        # the later report's own sentence gives the earlier level as a bare state, "about"
        # the level the other told as "more than" it
        _revised(claim(later, "410 flood victims in Tarnvik rescued, up from about 250",
                       "Harlow Relief Agency", speaker_type="ORG"),
                 {"410": "new", "about 250": "previous"}, measured=FLOOD),
    ]
    result = _run(settings, [first, later], claims)
    assert [c.kind for c in result.conflicts] == ["update"], \
        [c.explanation for c in result.conflicts]


@pytest.mark.parametrize(("speaker", "speaker_type", "verb"), [
    ("Analysts at Dunmore Securities", None, "put"),
    ("Economists", None, "put"),
    ("Ostrel Rail and Kavan Logistics", None, "put"),
    ("Kelvar Motors", "ORG", "puts"),  # a firm's name, though it ends in an "s"
    ("union", None, "puts"),
    ("Alliance observers", None, "put"),  # a name's word before a plural common noun
    ("Regional Alliance's team", None, "puts"),
    ("Tarvik Ferries", None, "puts"),  # a name the recogniser missed, capitalised throughout
])
def test_a_plural_source_puts_its_figure_in_the_plural(settings, speaker, speaker_type,
                                                        verb) -> None:
    a = article("a", "Corvel Wire", f"{speaker} said about 400 jobs could be cut.", day=10)
    b = article("b", "Evening Post", "The Metalworkers' Federation said about 900 jobs could "
                "be cut.", day=10, hour=15)
    claims = [claim(a, "about 400 jobs could be cut", speaker, measured="jobs cut",
                    speaker_type=speaker_type),
              claim(b, "about 900 jobs could be cut", "Metalworkers' Federation",
                    measured="jobs cut", speaker_type="ORG")]
    (conflict,) = _run(settings, [a, b], claims).conflicts
    assert f" {verb} jobs cut at “about 400”" in conflict.explanation, conflict.explanation
    assert "Metalworkers' Federation puts it at" in conflict.explanation


@pytest.mark.parametrize(("later_text", "kinds"), [
    # the later count is told as where it has moved: an update, though it fits "at least 12"
    ("The fire service said the number of people killed had risen to 19.", ["update"]),
    # a later count that fits and says nothing of a change repeats no figure and moves none
    ("The fire service said 19 people were killed.", []),
])
def test_a_count_told_as_risen_within_an_open_figure_is_an_update(settings, later_text,
                                                                  kinds) -> None:
    first, later = _day_apart("The fire service said at least 12 people were killed.",
                              later_text)
    content = later_text.removeprefix("The fire service said ").rstrip(".")
    claims = [claim(first, "at least 12 people were killed", "fire service",
                    measured="people killed"),
              claim(later, content, "fire service", measured="people killed")]
    result = _run(settings, [first, later], claims)
    assert [c.kind for c in result.conflicts] == kinds, [c.explanation for c in result.conflicts]


def test_a_move_told_of_another_figure_of_the_sentence_updates_none(settings) -> None:
    first, later = _day_apart(
        "The fire service said about 60 people were missing.",
        "The fire service said the toll had risen to 19 and that 58 people were missing.")
    claims = [claim(first, "about 60 people were missing", "fire service",
                    measured="people missing"),
              claim(later, "58 people were missing", "fire service", measured="people missing")]
    result = _run(settings, [first, later], claims)
    assert [c.kind for c in result.conflicts] == [], [c.explanation for c in result.conflicts]


def test_a_country_revising_its_offices_figure_told_in_the_next_sentence_is_its_update(
        settings) -> None:
    first, later = _day_apart(
        "A total of 101 soldiers came home, Tesmark's prisoner headquarters said.",
        "Tesmark raised its figure for the soldiers who came home to 103. The headquarters "
        "had earlier said 101 soldiers came home.")
    claims = [
        claim(first, "A total of 101 soldiers came home", "Tesmark's prisoner headquarters",
              measured="soldiers came home", speaker_type="ORG"),
        _revised(claim(later, "its figure for the soldiers who came home to 103", "Tesmark",
                       speaker_type="GPE"), {"103": "new"}, measured="soldiers came home"),
        _revised(claim(later, "101 soldiers came home", "headquarters"),
                 {"101": "earlier"}, measured="soldiers came home"),
    ]
    result = _run(settings, [first, later], claims)
    kinds = [c.kind for c in result.conflicts]
    assert kinds == ["update"], [c.explanation for c in result.conflicts]
    assert "given by Tesmark" in result.conflicts[0].explanation


def _people(c: Claim, unit: str) -> Claim:
    return replace(c, quantities=tuple(replace(q, unit=unit) for q in c.quantities))


def test_a_figure_that_fits_another_of_the_reports_figures_is_no_disagreement(settings) -> None:
    # the operator's statement gives the shift's headcount and how many got out on their
    # own; the ministry's "about 40" is the headcount (its phrase the closer), not the 22
    statement, paper = _day_apart(
        "38 employees were working in the section of the mine. 22 employees reached the "
        "surface unaided.",
        "The ministry said about 40 people had been working in that section of the mine.")
    claims = [
        _people(claim(statement, "38 employees were working in the section of the mine",
                      "Varkos Mining", measured="employees working section mine"), "employees"),
        _people(claim(statement, "22 employees reached the surface unaided", "Varkos Mining",
                      measured="employees reached section mine"), "employees"),
        _people(claim(paper, "about 40 people had been working in that section of the mine",
                      "the emergency ministry", measured="people working section mine"),
                "people"),
    ]
    result = _run(settings, [statement, paper], claims)
    assert not [c for c in result.conflicts if claims[1].id in c.claim_ids], [
        c.explanation for c in result.conflicts]


def test_a_count_told_as_risen_since_another_reports_is_an_update(settings) -> None:
    # a page's own "stands at two", then another outlet's ministry: "rose to five"
    page, wire = _day_apart("The death toll stands at two.",
                            "The death toll rose to five, the ministry said.")
    claims = [claim(page, "The death toll stands at two", None, measured="death toll stands"),
              claim(wire, "The death toll rose to five", "ministry",
                    measured="death toll rose")]
    result = _run(settings, [page, wire], claims)
    (update,) = result.conflicts
    assert update.kind == "update"
    assert update.explanation.startswith(
        "The figure for death toll changed from “two” (Ostrel Herald, 3 May 2026) to “five” "
        "(the ministry, Tarnvik Post, 4 May 2026), told as where the count has moved since")


def test_a_name_two_measured_phrases_open_with_does_not_name_the_figure() -> None:
    from corroborator.compare.conflicts import _shared_phrase

    assert _shared_phrase("death toll stands", "death toll rose") == "death toll"
    assert _shared_phrase("Death toll stands", "death toll rose") == "Death toll"
    # the firm both phrases open with is who cut, not what was cut
    assert _shared_phrase("Kelvar Motors cut jobs", "Kelvar Motors shed jobs") == (
        "Kelvar Motors cut jobs")


def test_a_revision_whose_replaced_value_only_an_earlier_report_gives_is_its_update(
        settings) -> None:
    # "raised its offer to 40 euros a share": the 38 it replaced is told only by the report
    # days before; a figure on the other side of the rise would be no value replaced
    first = article("a", "Delmont Wire", "Arvell will pay 38 euros a share.", day=3)
    later = article("b", "Delmont Wire", "Arvell raised its offer to 40 euros a share.", day=6)
    claims = [
        claim(first, "Arvell will pay 38 euros a share", "Delmont Wire",
              measured="Arvell pay share", speaker_type="outlet"),
        _revised(claim(later, "Arvell raised its offer to 40 euros a share", "Delmont Wire",
                       speaker_type="outlet"),
                 {"40 euros": "new"}, measured="Arvell offer share", change="up"),
    ]
    result = _run(settings, [first, later], claims)
    assert [c.kind for c in result.conflicts] == ["update"], [
        c.explanation for c in result.conflicts]
    cut = [claims[0], replace(claims[1], quantities=tuple(
        replace(q, change="down") for q in claims[1].quantities))]
    assert _run(settings, [first, later], cut).conflicts == ()


def test_a_count_raised_without_its_replaced_value_revises_no_other_count(settings) -> None:
    # "the toll rose to 47": the same police's 12 arrested the day before are no toll it
    # replaced, however alike the phrases
    first = article("a", "Ostrel Herald", "Police said 12 people were arrested.", day=3)
    later = article("b", "Ostrel Herald", "Police said the toll rose to 47.", day=4)
    claims = [
        claim(first, "12 people were arrested", "police",
              measured="people arrested in the city"),
        _revised(claim(later, "the toll rose to 47", "police"), {"47": "new"},
                 measured="people killed in the city", change="up"),
    ]
    assert _run(settings, [first, later], claims).conflicts == ()


def test_a_change_told_with_a_verb_of_change_is_no_count_that_moved(settings) -> None:
    # "lowered ... by 32%" gives the size of a change, not a level a count has moved to: a
    # later report's other size of one change is no update of the earlier one
    first = article("a", "Ostrel Herald", "Velanol cut the risk of stroke by 23%, "
                    "according to results presented on Monday.", day=3, hour=9)
    later = article("b", "Tarnvik Post", "Velanol lowered the risk of stroke by 32%, the "
                    "study's leader Ana Vell said.", day=3, hour=18)
    measured = "Velanol reduced risk stroke"
    claims = [_revised(claim(first, "Velanol cut the risk of stroke by 23%", "results"), {},
                       measured=measured, change="down"),
              _revised(claim(later, "Velanol lowered the risk of stroke by 32%", "Ana Vell",
                             speaker_type="PERSON"), {}, measured=measured, change="down")]
    result = _run(settings, [first, later], claims)
    assert "update" not in [c.kind for c in result.conflicts], [
        c.explanation for c in result.conflicts]


def test_an_outlets_own_figure_replaced_later_is_told_by_the_report_alone(settings) -> None:
    first, later = _day_apart(
        "About 250 flood victims in Tarnvik were rescued on Monday.",
        "The Harlow Relief Agency counted 410 flood victims in Tarnvik rescued, up from about "
        "250 a day earlier.")
    claims = [
        claim(first, "About 250 flood victims in Tarnvik were rescued", None, measured=FLOOD),
        _revised(claim(later, "410 flood victims in Tarnvik rescued, up from about 250",
                       "Harlow Relief Agency", speaker_type="ORG"),
                 {"410": "new", "about 250": "previous"}, measured=FLOOD),
    ]
    result = _run(settings, [first, later], claims)
    (update,) = [c for c in result.conflicts if c.kind == "update"]
    # the outlet's own figure is not "Ostrel Herald, Ostrel Herald"
    assert "(Ostrel Herald, 3 May 2026)" in update.explanation, update.explanation


def test_a_disagreement_cites_a_figure_where_its_lineage_first_told_it(settings) -> None:
    # the rewrite carries the union's 51 on from the wire, in words closer to the operator's
    # count; the wire told it first, so the wire is the evidence, not the rewrite
    from corroborator.records import Derivation

    wire = article("wire", "Kessel Wire", "Tarn Mining said 38 workers were underground. "
                   "The Tarn Miners' Union said 51 of its members had been working the shift.",
                   day=6, hour=9)
    statement = article("statement", "Tarn Mining Group", "Tarn Mining said 38 workers were "
                        "underground.", day=6, hour=10)
    rewrite = article("rewrite", "Daily Shout", "The Tarn Miners' Union said 51 workers were "
                      "underground.", day=6, hour=15)
    claims = [
        claim(wire, "38 workers were underground", "Tarn Mining", measured="workers underground",
              speaker_type="ORG"),
        claim(wire, "51 of its members had been working the shift", "Tarn Miners' Union",
              measured="members working shift", speaker_type="ORG"),
        claim(statement, "38 workers were underground", "Tarn Mining",
              measured="workers underground", speaker_type="ORG"),
        claim(rewrite, "51 workers were underground", "Tarn Miners' Union",
              measured="workers underground", speaker_type="ORG"),
    ]
    arts = [wire, statement, rewrite]
    story = Story("s", None, tuple(a.id for a in arts))
    edges = [Derivation("rewrite", "wire", "rewrite", 0.6)]
    result = compare_story(story, arts, claims, edges, settings, embed_fn=bow_embed)
    (disagreement,) = [c for c in result.conflicts if c.kind == "source-disagreement"]
    assert "puts it at “51” (Kessel Wire" in disagreement.explanation, disagreement.explanation


def test_a_disagreement_names_the_count_in_its_sentences_words(settings) -> None:
    # "closures cost jobs" is the measured phrase, no reader's words; the sentence's are
    first, later = _day_apart("The union said the closures would cost about 900 jobs.",
                              "The company said the closures would cost 300 jobs.")
    claims = [
        claim(first, "the closures would cost about 900 jobs", "Carrow Dockers' Union",
              measured="closures cost jobs", speaker_type="ORG"),
        claim(later, "the closures would cost 300 jobs", "Carrow Port Company",
              measured="closures cost jobs", speaker_type="ORG"),
    ]
    claims = [replace(c, quantities=tuple(replace(q, named="the closures would cost … jobs")
                                          for q in c.quantities)) for c in claims]
    result = _run(settings, [first, later], claims)
    (disagreement,) = [c for c in result.conflicts if c.kind == "source-disagreement"]
    assert disagreement.explanation.startswith(
        "Carrow Dockers' Union puts “the closures would cost … jobs” at “about 900”"), \
        disagreement.explanation


def test_a_count_named_with_its_speaker_as_the_subject_is_named_by_the_speaker(
        settings) -> None:
    # "jobs Kelvar Motors would cut" says the speaker's name again, mid-phrase
    first, later = _day_apart("Kelvar Motors said it would cut about 900 jobs.",
                              "Kelvar Motors said it would cut 300 jobs.")
    first = replace(first, outlet="Ostrel Herald")
    claims = [claim(first, "it would cut about 900 jobs", "Kelvar Motors",
                    measured="Kelvar Motors cut jobs", speaker_type="ORG"),
              claim(later, "it would cut 300 jobs", "Kelvar Motors",
                    measured="Kelvar Motors cut jobs", speaker_type="ORG")]
    claims = [replace(c, quantities=tuple(replace(q, named="jobs Kelvar Motors would cut")
                                          for q in c.quantities)) for c in claims]
    result = _run(settings, [first, later], claims)
    (conflict,) = result.conflicts
    assert "Kelvar Motors would cut" not in conflict.explanation, conflict.explanation
    assert "cut jobs" in conflict.explanation, conflict.explanation


def test_a_count_named_by_what_it_counts_keeps_a_names_capital_from_another_paragraph(
        settings) -> None:
    # the place opened its sentence, so its own paragraph could not tell it was a name;
    # another paragraph writes it as one, and "airport" is written in lower case
    first, later = _day_apart(
        "Harlow airport cancelled 38 flights, a spokeswoman said.\n\nBuses ran to Harlow.",
        "Harlow airport cancelled 112 flights, the airport said.")
    claims = [claim(first, "Harlow airport cancelled 38 flights", "Dana Kiriakou",
                    measured="Harlow airport cancelled flights"),
              claim(later, "Harlow airport cancelled 112 flights", "Dana Kiriakou",
                    measured="Harlow airport cancelled flights")]
    claims = [replace(c, quantities=tuple(replace(q, named="flights harlow airport cancelled")
                                          for q in c.quantities)) for c in claims]
    result = _run(settings, [first, later], claims)
    (conflict,) = result.conflicts
    assert "for flights Harlow airport cancelled changed" in conflict.explanation, \
        conflict.explanation


def test_a_disagreement_names_a_subjects_own_measure_without_quoting_it(settings) -> None:
    # "the lake covers …" is the lake's area: a reader's noun phrase, not a quoted clause
    first, later = _day_apart("The water board said the flood lake covers 40 square kilometres.",
                              "Farmers said the flood lake covers 95 square kilometres.")
    claims = [
        claim(first, "the flood lake covers 40 square kilometres", "Orlen Water Board",
              measured="flood lake covers", speaker_type="ORG"),
        claim(later, "the flood lake covers 95 square kilometres", "Orlen Farmers' Union",
              measured="flood lake covers", speaker_type="ORG"),
    ]
    claims = [replace(c, quantities=tuple(replace(q, named="the flood lake's area")
                                          for q in c.quantities)) for c in claims]
    result = _run(settings, [first, later], claims)
    (disagreement,) = [c for c in result.conflicts if c.kind == "source-disagreement"]
    assert disagreement.explanation.startswith(
        "Orlen Water Board puts the flood lake's area at “40 square kilometres”"), \
        disagreement.explanation


def _measuring(c: Claim, measured: dict[str, str]) -> Claim:
    """The claim with each figure's measured thing set by its written text."""
    return replace(c, quantities=tuple(replace(q, measured=measured[q.text])
                                       for q in c.quantities))


def test_two_figures_one_notice_raised_in_an_amended_notice_are_two_updates(settings) -> None:
    complaints, injuries = "board received complaints", "fault linked injuries"
    first = article("a", "Tarn Safety Board",
                    "The board has received 212 complaints. The fault has been linked to 14 "
                    "injuries.", day=3)
    wire = article("b", "Corvel Wire",
                   "The Tarn Safety Board said it had received 212 complaints and that the "
                   "fault had been linked to 14 injuries.", day=3, hour=11)
    amended = article("c", "Tarn Safety Board",
                      "The board has now received 305 complaints. The fault has now been "
                      "linked to 19 injuries.", day=6)
    radio = article("d", "Tarn Radio",
                    "The board said it had now received 305 complaints and that the fault had "
                    "now been linked to 19 injuries.", day=6, hour=14)
    claims = [
        claim(first, "The board has received 212 complaints", None, measured=complaints),
        claim(first, "The fault has been linked to 14 injuries", None, measured=injuries),
        # one sentence of the wire gives both figures, so its claim ties the notice's two
        # claims into one proposition (and the radio's the amended notice's two)
        _measuring(claim(wire, "it had received 212 complaints and that the fault had been "
                         "linked to 14 injuries", "Tarn Safety Board", speaker_type="ORG"),
                   {"212": complaints, "14": injuries}),
        claim(amended, "The board has now received 305 complaints", None, measured=complaints),
        claim(amended, "The fault has now been linked to 19 injuries", None, measured=injuries),
        _measuring(claim(radio, "it had now received 305 complaints and that the fault had now "
                         "been linked to 19 injuries", "Tarn Safety Board", speaker_type="ORG"),
                   {"305": complaints, "19": injuries}),
    ]
    result = _run(settings, [first, wire, amended, radio], claims)
    updates = [c.explanation for c in result.conflicts if c.kind == "update"]
    assert len(updates) == 2, [c.explanation for c in result.conflicts]
    assert any("“212”" in u and "“305”" in u for u in updates)
    assert any("“14”" in u and "“19”" in u for u in updates)


def test_a_firms_count_another_source_later_tells_it_widened_is_the_firms_update(
        settings) -> None:
    first, later = _day_apart(
        "Dorvin Cycles is recalling about 40,000 bicycles, the company said.",
        "Dorvin Cycles widened its recall to 52,400 bicycles, the consumer agency said.")
    claims = [
        claim(first, "Dorvin Cycles is recalling about 40,000 bicycles", "Dorvin Cycles",
              measured="Dorvin Cycles recall bicycles", speaker_type="ORG"),
        # the firm moved its own count; the agency only tells of it
        _revised(claim(later, "Dorvin Cycles widened its recall to 52,400 bicycles",
                       "consumer agency"),
                 {"52,400": "new"}, measured="Dorvin Cycles recall bicycles", change="up"),
    ]
    result = _run(settings, [first, later], claims)
    assert [c.kind for c in result.conflicts] == ["update"], \
        [c.explanation for c in result.conflicts]
    assert result.conflicts[0].explanation.startswith("Dorvin Cycles' figure for ")
    assert "given by the consumer agency" in result.conflicts[0].explanation
    # another firm's recall told as widened is no update of this firm's count
    other = _revised(claim(later, "Dorvin Cycles widened its recall to 52,400 bicycles",
                           "consumer agency"),
                     {"52,400": "new"}, measured="Ardent Bikes recall bicycles", change="up")
    result = _run(settings, [first, later], [claims[0], other])
    assert "update" not in [c.kind for c in result.conflicts]
