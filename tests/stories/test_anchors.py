"""Anchors (a figure attributed to a speaker) and the merge step's anchor link."""

from __future__ import annotations

import numpy as np
import pytest

from corroborator.records import Claim, Quantity, Span
from corroborator.stories import ArticleFeatures, StoryClusterer, StorySettings
from corroborator.stories.anchors import anchor_key, claim_anchors, speaker_head

DAY = 86400.0


@pytest.mark.parametrize(
    ("speaker", "expected"),
    [
        ("Lena Vostrikova", "vostrikova"),
        ("Estmere's National Security Bureau", "bureau"),
        ("the bureau", "bureau"),
        ("the U.N.'s", "n"),
        ("2024", None),
        ("", None),
    ],
)
def test_speaker_head_is_the_last_word_of_the_name(speaker: str, expected: str | None) -> None:
    assert speaker_head(speaker) == expected


def _claim(article: str, speaker: str | None, *values: float | None) -> Claim:
    span = Span(0, 1)
    quantities = tuple(Quantity(str(v), span, v, v, v) for v in values)
    return Claim(f"c-{article}-{speaker}", article, speaker, None, None, None, span, None,
                 "stated", quantities=quantities)


def test_claim_anchors_pair_speaker_heads_with_figures() -> None:
    claims = [
        _claim("a1", "Estmere's National Security Bureau", 800.0, 1500.0),
        _claim("a1", "the bureau", 800.0),  # the same anchor again: kept once
        _claim("a2", None, 800.0),  # no speaker: no anchor
        _claim("a3", "Lena Vostrikova", None, 2000.0),  # a figure without a value is skipped
    ]
    assert claim_anchors(claims) == {
        "a1": ("bureau|1500", "bureau|800"),
        "a3": ("vostrikova|2000",),
    }
    assert anchor_key("Police", 2.5) == "police|2.5"


def _features(aid: str, direction: float, when: float | None, anchors: tuple[str, ...] = ()
              ) -> ArticleFeatures:
    # Two directions 60 degrees apart: cosine 0.5, below the join and merge thresholds.
    emb = np.zeros(8, dtype=np.float32)
    angle = np.pi / 3 * direction
    emb[0], emb[1] = np.cos(angle), np.sin(angle)
    return ArticleFeatures(aid, when, emb, {}, (), (), title=aid, lead="", anchors=anchors)


def _cluster(settings, items: list[ArticleFeatures], **overrides) -> StoryClusterer:
    config = settings.with_overrides(
        {"stories": {"threshold": 0.9, "merge_threshold": 0.9, "link_threshold": 0.3,
                     **overrides}}
    ).get(StorySettings)
    clusterer = StoryClusterer(config=config)
    for item in items:
        clusterer.add_features(item)
    clusterer.merge_step()
    return clusterer


@pytest.mark.parametrize(
    ("when_b", "anchors_b", "overrides", "linked"),
    [
        (2 * DAY, ("bureau|800",), {}, True),  # same figure, same speaker, days apart
        (2 * DAY, ("bureau|900",), {}, False),  # another figure
        (2 * DAY, ("bureau|800",), {"link_anchors": False}, False),  # switched off
        (2 * DAY, ("bureau|800",), {"link_threshold": 0.6}, False),  # not similar enough
        (2 * DAY, ("bureau|800",), {"anchor_min_articles": 4}, False),  # quoted too rarely
        (40 * DAY, ("bureau|800",), {}, False),  # outside the time window
        (None, ("bureau|800",), {}, False),  # undated: never linked
    ],
)
def test_stories_quoting_the_same_figure_link(
    settings, when_b, anchors_b, overrides, linked
) -> None:
    start = 0.0 if when_b is not None else None
    items = [
        # Two early reports quote the figure: it is the early story's key figure.
        _features("early", 0, start, ("bureau|800",)),
        _features("early-2", 0, start, ("bureau|800",)),
        _features("later", 1, when_b, anchors_b),
    ]
    clusterer = _cluster(settings, items, time_weight=0.0, **overrides)
    assert clusterer.story_of("early-2") == clusterer.story_of("early")
    assert (clusterer.story_of("later") == clusterer.story_of("early")) is linked


def test_a_figure_two_unrelated_reports_happen_to_share_links_nothing(settings) -> None:
    # One article on each side: a chance collision (a beat's speaker, a common figure).
    items = [_features("a", 0, 0.0, ("bureau|800",)), _features("b", 1, DAY, ("bureau|800",))]
    clusterer = _cluster(settings, items, time_weight=0.0)
    assert clusterer.story_of("a") != clusterer.story_of("b")


def test_links_do_not_chain_within_a_merge_step(settings) -> None:
    # "a" links to "b" through k1; "c" shares only k2 with "a". Were links transitive in one
    # step, "c" would join through the anchor "a" brought in; it joins nothing.
    items = [
        _features("a1", 0, 0.0, ("bureau|800", "police|950")),
        _features("a2", 0, 0.0, ("bureau|800", "police|950")),
        _features("b1", 1, DAY, ("bureau|800",)),
        _features("b2", 1, DAY, ("bureau|800",)),
        _features("c", 1.5, DAY, ("police|950",)),
    ]
    clusterer = _cluster(settings, items, time_weight=0.0, link_threshold=-0.5)
    assert clusterer.story_of("b1") == clusterer.story_of("a1")
    assert clusterer.story_of("c") != clusterer.story_of("a1")


def test_anchors_survive_a_state_round_trip(settings) -> None:
    first = _cluster(settings, [_features("early", 0, 0.0, ("bureau|800",)),
                                _features("early-2", 0, 0.0, ("bureau|800",))], time_weight=0.0)
    resumed = StoryClusterer.from_state(first.state(), config=first.config)
    resumed.add_features(_features("later", 1, DAY, ("bureau|800",)))
    resumed.merge_step()
    assert resumed.story_of("later") == resumed.story_of("early") == "s-early"


def test_small_figures_make_no_anchor() -> None:
    claims = [_claim("a1", "Joe Biden", 2.0, 90.0, 800.0, -3000.0)]
    assert claim_anchors(claims, min_value=150) == {"a1": ("biden|-3000", "biden|800")}


def test_a_state_written_before_anchors_were_counted_still_loads(settings) -> None:
    first = _cluster(settings, [_features("early", 0, 0.0, ("bureau|800",)),
                                _features("early-2", 0, 0.0, ("bureau|800",))], time_weight=0.0)
    state = first.state()
    assert state["stories"][0]["anchors"] == {"bureau|800": 2}
    state["stories"][0]["anchors"] = ["bureau|800"]  # the older format: keys only
    resumed = StoryClusterer.from_state(state, config=first.config)
    assert resumed._stories["s-early"].anchors == {"bureau|800": 1}
