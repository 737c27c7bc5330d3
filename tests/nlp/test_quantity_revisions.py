"""Revisions on the spaCy parse: the revised figure, the figure it replaced, the direction."""

from __future__ import annotations

import pytest

from corroborator.nlp.quantities import find_quantities

pytestmark = pytest.mark.model


def by_text(nlp, text: str):
    return {q.text: q for q in find_quantities(nlp(text))}


@pytest.mark.parametrize(
    ("text", "new", "previous", "change", "measured_words"),
    [
        (  # raised X to N, up from M
            "Governor Ilse Marrow raised her estimate of flood victims in Tarnvik to 310 on "
            "Sunday, up from about 250 a day earlier.",
            "310", "about 250", "up", {"flood", "victims"},
        ),
        (  # cut its forecast to N from M
            "The Corvane central bank cut its growth forecast to 1.4% from 2.2%.",
            "1.4%", "2.2%", "down", {"growth", "forecast"},
        ),
        (  # lowered the number ... to N from M (word numbers)
            "Rescuers lowered the number of missing hikers to four from seven after a "
            "search of the Oskel ridge.",
            "four", "seven", "down", {"missing", "hikers"},
        ),
        (  # an intransitive level with its earlier level
            "The ferry operator's fares climbed to 42 crowns from 35 crowns in March.",
            "42", "35", "up", {"fares"},
        ),
    ],
)
def test_revision_new_and_previous(nlp, text, new, previous, change, measured_words):
    found = by_text(nlp, text)
    assert found[new].revision == "new"
    assert found[new].change == change
    assert found[previous].revision == "previous"
    assert measured_words <= set((found[new].measured or "").split())


@pytest.mark.parametrize(
    ("text", "new", "previous"),
    [
        ("Turnout in Velmar reached 64 percent, up from 58 percent in 2022.",
         "64 percent", "58 percent"),
        # the earlier figure told as an estimate's value
        ("The governor said 3,100 homes had been damaged by the storm, up from his earlier "
         "estimate of nearly 2,300.", "3,100", "nearly 2,300"),
    ],
)
def test_revision_previous_after_up_from_without_a_level(nlp, text, new, previous):
    found = by_text(nlp, text)
    assert found[previous].revision == "previous"
    assert found[new].revision == "new"


@pytest.mark.parametrize(
    ("text", "figure", "change"),
    [
        ("Harbour officials revised the death toll upward to 52 on Monday.", "52", "up"),
        ("The Ostrel ministry revised the number of injured downward to 18.", "18", "down"),
        ("The airline raised its fare to 95 euros.", "95 euros", "up"),
    ],
)
def test_revision_verb_with_a_level(nlp, text, figure, change):
    q = by_text(nlp, text)[figure]
    assert (q.revision, q.change) == ("new", change)


def test_revision_measured_drops_the_reviser_and_the_figure_word(nlp):
    q = by_text(nlp, "The Dravo health ministry raised its estimate of cholera cases to 1,250.")[
        "1,250"]
    assert q.measured is not None
    assert "ministry" not in q.measured and "estimate" not in q.measured
    assert "cholera" in q.measured


@pytest.mark.parametrize(
    ("text", "change"),
    [
        ("The agency raised the toll from 40 to 52 overnight.", "up"),
        ("Organisers cut the expected crowd from 9,000 to 6,500.", "down"),
    ],
)
def test_revision_from_to_span(nlp, text, change):
    (q,) = [q for q in find_quantities(nlp(text)) if q.text.startswith("from")]
    assert (q.revision, q.change) == ("from-to", change)


@pytest.mark.parametrize(
    "text",
    [
        "Shares of Pellmar rose 6.5% to 164 pence.",  # the level of a rise: no revision
        "Between 150 and 200 firefighters fought the flames.",
        "Homes from $750,000 to $1 million stay on the market for 70 days.",
        "The Lissel team propelled the club to a 12-3 record.",
    ],
)
def test_no_revision(nlp, text):
    assert all(q.revision is None for q in find_quantities(nlp(text)))


def test_a_figure_told_instead_of_another_replaces_it(nlp) -> None:
    found = {q.text: q for q in find_quantities(nlp(
        "Kelvar Motors will cut 900 jobs instead of the 1,200 it announced on Tuesday."))}
    assert found["900"].revision == "new" and found["1,200"].revision == "previous"
    found = {q.text: q for q in find_quantities(nlp("The firm will hire 300 people rather "
                                                    "than 500."))}
    assert found["300"].revision == "new" and found["500"].revision == "previous"


def test_a_level_the_parse_hangs_inside_the_revised_figures_noun(nlp):
    found = by_text(nlp, "Tesmark on Thursday raised its figure for the number of its soldiers "
                         "returned in Tuesday's prisoner exchange to 103.")
    assert found["103"].revision == "new" and found["103"].change == "up"


def test_a_figure_a_speaker_had_earlier_given_is_told_as_earlier(nlp):
    found = by_text(nlp, "The headquarters had earlier said 101 soldiers and border guards "
                         "had come home.")
    assert found["101"].revision == "earlier"
    assert by_text(nlp, "The headquarters said 101 soldiers had come home.")["101"].revision \
        is None
