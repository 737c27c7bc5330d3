"""Which figure changed between a sentence and its rewrite (compare.edges)."""

from __future__ import annotations

import pytest

from corroborator.compare.edges import _changed
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
