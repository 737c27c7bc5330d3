"""End-of-run consolidation: groups of stories joined by average linkage over the learned
same-event probabilities (stories.consolidate)."""

from __future__ import annotations

import numpy as np
import pytest

from corroborator.stories import ArticleFeatures, StoryClusterer, StorySettings
from corroborator.stories.consolidate import average_link, connected_groups


def _config(settings, **overrides) -> StorySettings:
    return settings.with_overrides({"stories": overrides}).get(StorySettings)


def test_connected_groups_are_components_of_two_or_more_in_the_given_order() -> None:
    order = ["a", "b", "c", "d", "e"]
    edges = {"d": ["a"], "b": ["e"], "e": ["x"]}  # "x" is no node: ignored
    assert connected_groups(order, edges) == [["a", "d"], ["b", "e"]]


def test_average_link_joins_blocks_while_the_mean_across_reaches_the_bar() -> None:
    # Blocks of 2, 1 and 2 members: the first two read as one event (0.9 across), the
    # third as another (0.2 to either).
    matrix = np.full((5, 5), 0.2)
    matrix[:3, :3] = 0.9
    matrix[3:, 3:] = 0.95
    assert average_link(matrix, [2, 1, 2], 0.75) == [[0, 1], [2]]
    assert average_link(matrix, [2, 1, 2], 0.1) == [[0, 1, 2]]
    assert average_link(matrix, [2, 1, 2], 0.95) == [[0], [1], [2]]


def test_average_link_reads_the_mean_over_members_not_the_closest_pair() -> None:
    # One member of the second block is close to the first block, the other is not: the
    # mean across (0.5) stays under the bar although one pair reaches 0.9.
    matrix = np.eye(3)
    matrix[0, 1] = matrix[1, 0] = 0.9
    matrix[0, 2] = matrix[2, 0] = 0.1
    assert average_link(matrix, [1, 2], 0.75) == [[0], [1]]


def test_average_link_joins_a_short_block_only_to_full_ones() -> None:
    # Blocks 0 and 1 are short reports (10 content words each), block 2 a full article
    # (80): all read as one event, but two short blocks may not join each other.
    matrix = np.full((3, 3), 0.9)
    words = [10, 10, 80]
    short_only = np.full((2, 2), 0.9)
    assert average_link(short_only, [1, 1], 0.75, [10, 10], 50) == [[0], [1]]
    # 0 joins 2 (the earlier of two equal pairs); the pair is full at the median (45) only
    # at a bar of 45, so only then may the other short block join it too
    assert average_link(matrix, [1, 1, 1], 0.75, words, 50) == [[0, 2], [1]]
    assert average_link(matrix, [1, 1, 1], 0.75, words, 45) == [[0, 1, 2]]
    # without words every block may join (as before)
    assert average_link(matrix, [1, 1, 1], 0.75) == [[0, 1, 2]]


def _report(aid: str, spoke: int, terms: dict[int, float]) -> ArticleFeatures:
    """An article along a shared axis, leaning towards its own axis ``spoke``, naming the
    same harbour and mayor in its body as every other report here."""
    emb = np.zeros(24, dtype=np.float32)
    emb[0], emb[spoke] = 1.0, 2.5
    return ArticleFeatures(aid, None, emb / np.linalg.norm(emb), terms, (), (), title=aid,
                           lead="", names=("harbour", "mayor", "quay"))


def _two_pieces(config: StorySettings) -> StoryClusterer:
    # Two pieces of one event, five reports each: a report of the second scores under the
    # join bar against the first piece, the pieces as wholes clear it (0.39 against 0.38),
    # the merge step wants merge_threshold and the regroup takes at most four articles.
    clusterer = StoryClusterer(config=config)
    for i in range(5):
        clusterer.add_features(_report(f"first{i}", i + 1, {4: 1.0, 5: 1.0}))
    for i in range(5):
        clusterer.add_features(_report(f"second{i}", i + 11, {4: 1.0, 6: 1.0}))
    return clusterer


BASE = {"threshold": 0.38, "merge_threshold": 0.99, "embedding_weight": 1.0,
        "tfidf_weight": 1.0, "merge_every": 100, "regroup_min_words": 0}


def test_end_of_run_joins_pieces_the_learned_model_calls_one_event(settings) -> None:
    clusterer = _two_pieces(_config(settings, **BASE))
    assert clusterer.story_of("second0") == "s-second0"
    assert clusterer.merge_step() == 1
    assert clusterer.story_of("second4") == clusterer.story_of("first0") == "s-first0"
    story = clusterer._stories["s-first0"]
    # Counted as checked at its new size: the next run's settling check leaves it whole.
    assert story.split_checked == len(story.parts or ()) == 10
    assert clusterer.merge_step() == 0
    assert len(clusterer) == 1


@pytest.mark.parametrize(
    "overrides",
    [
        {"consolidate_probability": 0.0},  # off
        {"consolidate_probability": 0.999},  # the model is not that sure
        {"consolidate_threshold": 0.5},  # the pieces are not one another's candidates
        {"split_max_articles": 8},  # the group is larger than the bound
        {"regroup_min_words": 50},  # no full articles (toy texts of one word)
    ],
)
def test_consolidation_guards_keep_the_pieces(settings, overrides) -> None:
    clusterer = _two_pieces(_config(settings, **{**BASE, **overrides}))
    clusterer.merge_step()
    assert clusterer.story_of("second0") != clusterer.story_of("first0")


def test_a_piece_of_short_reports_joins_a_piece_of_full_articles(settings) -> None:
    # The first piece's reports carry three content words, the second's two: at a word bar
    # of 3 only the first is "full". The short piece may join it (the model reads a short
    # report against full bodies), where before only stories of full articles were read.
    config = _config(settings, **{**BASE, "regroup_min_words": 3, "consolidate_threshold": 0.3})
    clusterer = StoryClusterer(config=config)
    for i in range(5):
        clusterer.add_features(_report(f"first{i}", i + 1, {4: 1.0, 5: 1.0, 7: 1.0}))
    for i in range(5):
        clusterer.add_features(_report(f"second{i}", i + 11, {4: 1.0, 6: 1.0}))
    assert clusterer.story_of("second0") == "s-second0"
    assert clusterer.merge_step() == 1
    assert clusterer.story_of("second0") == clusterer.story_of("first0") == "s-first0"
