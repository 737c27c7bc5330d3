"""An estimate its source later settles: "about 61%" on the night, a stated 61.8% next day.

Hand-built claims on a fictional regional vote; a bag-of-words stand-in for embeddings (no
models).
"""

from __future__ import annotations

import pytest

from corroborator.compare import compare_story
from corroborator.records import Story

from .helpers import article, bow_embed, claim


def _compare(settings, first: tuple[str, str, str], later: tuple[str, str, str]):
    """Two reports of one turnout by two outlets, the later twelve hours after: each as
    (figure, speaker, stance)."""
    night = article("a", "Ostrel Wire", f"Turnout was {first[0]}, the {first[1]} said.",
                    day=3, hour=20)
    morning = article("b", "Tarnvik Post", f"Turnout was {later[0]}, the {later[1]} said.",
                      day=4, hour=8)
    claims = [claim(night, f"Turnout was {first[0]}", first[1], stance=first[2],
                    measured="turnout", speaker_type="ORG"),
              claim(morning, f"Turnout was {later[0]}", later[1], stance=later[2],
                    measured="turnout", speaker_type="ORG")]
    return compare_story(Story("s", None, ("a", "b")), [night, morning], claims, [],
                         settings, embed_fn=bow_embed)


def test_an_estimate_its_source_later_states_exactly_is_updated(settings) -> None:
    result = _compare(settings, ("about 61%", "electoral commission", "estimated"),
                      ("61.8%", "electoral commission", "stated"))
    assert [c.kind for c in result.conflicts] == ["update"], [
        c.explanation for c in result.conflicts]
    assert "from “about 61%”" in result.conflicts[0].explanation
    # the settled figure replaces the estimate: two propositions, not one told twice
    assert len(result.propositions) == 2


@pytest.mark.parametrize(("first", "later"), [
    # two sources that agree corroborate each other, whatever their stances
    (("about 61%", "electoral commission", "estimated"), ("61%", "observer mission", "stated")),
    # an estimate after the stated figure settles nothing
    (("61.8%", "electoral commission", "stated"),
     ("about 61%", "electoral commission", "estimated")),
    # a figure stated twice, the second more exactly: no estimate was replaced
    (("about 61%", "electoral commission", "stated"), ("61.8%", "electoral commission", "stated")),
    # an estimate told again as an estimate
    (("about 61%", "electoral commission", "estimated"),
     ("about 61%", "electoral commission", "stated")),
])
def test_figures_that_agree_without_a_settled_estimate_are_one_claim(settings, first,
                                                                     later) -> None:
    result = _compare(settings, first, later)
    assert result.conflicts == (), [c.explanation for c in result.conflicts]
    assert len(result.propositions) == 1
