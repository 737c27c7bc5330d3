"""Results told as the count goes on: "with 40% of ballots counted", then "with 97% counted".

Hand-built claims on a fictional regional election; a bag-of-words stand-in for embeddings
(no models).
"""

from __future__ import annotations

import pytest

from corroborator.compare import compare_story
from corroborator.compare.progress import count_moved_on, count_stage
from corroborator.records import Story

from .helpers import article, bow_embed, claim


@pytest.mark.parametrize(("sentence", "stage"), [
    ("With 40% of ballots counted, the Unity Party leads with 38.2%.", 0.4),
    ("With 92 percent of ballots counted, the Civic Union had 31.8 percent.", 0.92),
    ("With 97 of 120 precincts reporting, Hale had 52%.", 97 / 120),
    ("After 80 per cent of votes were tallied, the Greens were second.", 0.8),
    ("Once 60% of the ballots had been counted, the lead narrowed.", 0.6),
    ("With 99.5% of the vote in, she leads by 4,000 votes.", 0.995),
    # no stage of a count: a share of the vote where, a turnout, a bare number counted
    ("With 40% of the vote in the capital, the party leads.", None),
    ("With 40% of the vote, the party leads.", None),
    ("With 50% turnout, the party won 30 seats.", None),
    ("With 300 ballots counted, the recount stopped.", None),
])
def test_the_stage_of_the_count_a_sentence_tells(sentence: str, stage: float | None) -> None:
    assert count_stage(sentence) == (pytest.approx(stage) if stage is not None else None)


def test_a_further_stage_moves_the_count_on_an_earlier_one_does_not() -> None:
    early = "With 40% of ballots counted, the party had 38.2%."
    late = "With 97% of ballots counted, the party had 41.5%."
    assert count_moved_on(early, late)
    assert not count_moved_on(late, early)
    # a later report that tells no stage is judged by its hours, not as a further count
    assert not count_moved_on(early, "The party had 41.5% of the vote.")
    # nothing tells a stage of the earlier figure: nothing to move on from
    assert not count_moved_on("The party had 38.2%.", late)


def test_one_commissions_counts_at_two_stages_hours_apart_are_an_update(settings) -> None:
    """Eight hours apart, the same commission's 40% and 97% of ballots counted (and the
    shares beside them) are the count moving on through the night, not two reports of one
    statement that cannot both be what was said."""
    night = article("a", "Norvan Wire", "With 40% of ballots counted, the Unity Party leads "
                    "with 38.2% of the vote, the electoral commission said.", day=3, hour=0)
    morning = article("b", "Ardenport Courier", "With 97% of ballots counted, the Unity Party "
                      "had 41.5% of the vote, the electoral commission said.", day=3, hour=8)
    claims = [
        claim(night, "With 40% of ballots counted, the Unity Party leads with 38.2% of the vote",
              "electoral commission", speaker_type="ORG", measured="ballots counted"),
        claim(morning, "With 97% of ballots counted, the Unity Party had 41.5% of the vote",
              "electoral commission", speaker_type="ORG", measured="ballots counted"),
    ]
    result = compare_story(Story("s", None, ("a", "b")), [night, morning], claims, [], settings,
                           embed_fn=bow_embed)
    assert [c.kind for c in result.conflicts] == ["update"], [
        c.explanation for c in result.conflicts]
