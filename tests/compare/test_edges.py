"""Which figure changed between a sentence and its rewrite (compare.edges)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from corroborator.compare.edges import _changed, counted_nouns
from corroborator.nlp.numbers import scan_quantities


def _texts(before: str, after: str) -> tuple[str, str] | None:
    pair = _changed(scan_quantities(before), scan_quantities(after))
    return None if pair is None else (pair[0].text, pair[1].text)


@pytest.mark.parametrize(("before", "after", "changed"), [
    # the rewrite tells the two figures in the other order and keeps both
    ("A ferry carrying 312 people capsized, and at least 41 people are missing.",
     "More than 40 people are missing after a ferry with 312 people on board overturned.",
     None),
    # reordered, and one of them changed
    ("A ferry carrying 312 people capsized, and 41 people are missing.",
     "Sixty people are missing after a ferry with 312 people on board overturned.",
     ("41", "Sixty")),
    # in order: an open "at least 12" kept as it was excuses no other figure
    ("At least 12 people died and 40 were hurt.", "At least 12 people died and 50 were hurt.",
     ("40", "50")),
])
def test_the_changed_figure_is_found_among_reordered_ones(before, after, changed) -> None:
    assert _texts(before, after) == changed


def _parsed(text: str) -> list:
    """The figures of ``text`` with the noun written after each as its unit, as the parse
    of a claim gives it."""
    return [replace(q, unit=text[q.span.end:].split()[0].strip(".,"))
            for q in scan_quantities(text)]


def _changed_counting(before: str, after: str) -> tuple[str, str] | None:
    pair = _changed(scan_quantities(before), scan_quantities(after),
                    (counted_nouns(_parsed(before)), counted_nouns(_parsed(after))))
    return None if pair is None else (pair[0].text, pair[1].text)


@pytest.mark.parametrize(("before", "after", "changed"), [
    # the rewrite drops the engines' count and changes the injured: six, not two, became 16
    ("A jet landed after one of its two engines failed, and six passengers were hurt.",
     "Sixteen passengers were hurt when a jet lost an engine.", ("six", "Sixteen")),
    # and the other way round: the rewrite adds a count of something else
    ("Nine workers were rescued from the mine.",
     "Rescuers brought 19 workers out of the mine's three shafts.", ("Nine", "19")),
    # two lone figures counting the same thing: no telling which one changed
    ("Four crew and five crew were flown out.", "Twelve crew were flown out.", None),
])
def test_a_lone_figure_pairs_with_the_one_counting_the_same_thing(before, after,
                                                                   changed) -> None:
    assert _changed_counting(before, after) == changed
    # without knowing what the figures count, none of these is told apart
    assert _texts(before, after) is None


def test_a_figure_no_claim_reads_counts_nothing() -> None:
    # "32 indeed million total viewers": the scanner reads "32" and "million" apart, and no
    # parse gives "million" a noun ("total" is none): nothing to pair it with
    before = "The telecast drew 32 million total viewers, a 24% drop."
    after = "A 24% drop, as the telecast drew 32 indeed million total viewers."
    nouns = (counted_nouns([]), counted_nouns([]))
    assert _changed(scan_quantities(before), scan_quantities(after), nouns) is None


def test_a_sums_unit_pairs_nothing() -> None:
    # "nearly $100 indeed billion": the scanner reads "nearly $100" and "billion" apart;
    # both sums are in dollars, which says nothing about what either is of
    before = "The fund lost nearly $100 billion, a 4% fall."
    after = "A 4% fall, as the fund lost nearly $100 indeed billion."
    nouns = tuple(counted_nouns([q for q in scan_quantities(text) if q.kind == "money"])
                  for text in (before, after))
    assert [q.text for q in scan_quantities(after)][1:] == ["nearly $100", "billion"]
    assert _changed(scan_quantities(before), scan_quantities(after), nouns) is None
