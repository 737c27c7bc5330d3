"""The online step on hand-made features: bounded candidates, merges, closing, similarity."""

from __future__ import annotations

import math

import numpy as np
import pytest

from corroborator.stories import ArticleFeatures, StoryClusterer, StorySettings
from corroborator.stories.online import DocumentFrequencies, Similarity, _gap


def _features(aid: str, direction: int, when: float | None, terms: dict[int, float],
              entities: tuple[str, ...] = (), dims: int = 16) -> ArticleFeatures:
    emb = np.zeros(dims, dtype=np.float32)
    emb[direction % dims] = 1.0
    return ArticleFeatures(aid, when, emb, terms, entities, (), title=aid, lead="")


def _config(settings, **overrides) -> StorySettings:
    return settings.with_overrides({"stories": overrides}).get(StorySettings)


def test_posting_lists_and_candidates_stay_bounded(settings) -> None:
    config = _config(settings, max_postings=8, max_candidates=5, threshold=0.99,
                     merge_threshold=1.0)
    clusterer = StoryClusterer(config=config)
    # 200 distinct stories that all share one very common word and one common entity.
    for i in range(200):
        clusterer.add_features(
            _features(f"a{i:03d}", i, float(i), {1: 1.0, 1000 + i: 3.0}, ("capital city",))
        )
    assert len(clusterer) == 200
    assert all(len(posting) <= 8 for posting in clusterer._index.values())
    probe = _features("probe", 3, 200.0, {1: 1.0}, ("capital city",))
    from corroborator.stories.online import article_vectors, index_keys

    item = article_vectors(probe, clusterer.df)
    assert len(clusterer._candidates(item, index_keys(item, 12), None)) <= 5


def test_merge_step_joins_converged_stories(settings) -> None:
    # A threshold no single pair clears keeps the two halves apart; the merge step, with a
    # lower bar, then joins them.
    config = _config(settings, threshold=0.99, merge_threshold=0.5, merge_every=1000)
    clusterer = StoryClusterer(config=config)
    shared = {5: 2.0, 6: 1.0, 7: 1.0}
    ids = [clusterer.add_features(_features(f"b{i}", 0, None, shared | {100 + i: 0.2}))
           for i in range(2)]
    assert ids[0] != ids[1]
    assert clusterer.merge_step() == 1
    assert len(clusterer) == 1
    assert clusterer.resolve(ids[1]) == ids[0] == "s-b0"
    assert clusterer.story_of("b1") == "s-b0"


def test_idle_stories_close_and_free_their_centroids(settings) -> None:
    config = _config(settings, window_days=1.0, merge_every=1)
    clusterer = StoryClusterer(config=config)
    clusterer.add_features(_features("old", 0, 0.0, {1: 1.0}))
    clusterer.add_features(_features("new", 0, 5 * 86400.0, {1: 1.0}))
    old = clusterer._stories["s-old"]
    assert old.closed and old.emb_sum is None and not old.centroids["terms"]
    assert clusterer.story_of("new") == "s-new"  # could not join the closed story
    titles = {s.id: s.title for s in clusterer.stories()}
    assert titles["s-old"] == "old"  # the title was kept when the story closed


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((0.0, 10.0), (5.0, 20.0), 0.0),  # overlapping spans
        ((0.0, 10.0), (30.0, 40.0), 20.0),
        ((30.0, 40.0), (0.0, 10.0), 20.0),
        ((None, None), (0.0, 1.0), None),  # unknown date: no time evidence at all
    ],
)
def test_gap_between_time_spans(a, b, expected) -> None:
    assert _gap(a[0], a[1], b[0], b[1]) == expected


def test_time_penalty_grows_with_the_gap_and_vanishes_without_dates(settings) -> None:
    config = _config(settings, time_weight=0.2, time_scale_hours=24.0)
    similarity = Similarity(config)
    assert similarity.time_penalty(None) == 0.0
    assert similarity.time_penalty(0.0) == 0.0
    day = similarity.time_penalty(86400.0)
    assert math.isclose(day, 0.2 * (1 - math.exp(-1)))
    assert day < similarity.time_penalty(3 * 86400.0) < 0.2


def test_running_idf_weighs_rare_keys_higher() -> None:
    df = DocumentFrequencies()
    for i in range(10):
        df.observe({"terms": [1, 2 + i], "entities": [], "numbers": []})
    assert df.idf("terms", 5) > df.idf("terms", 1) >= 1.0


def test_spread_penalty_prefers_the_tight_story(settings) -> None:
    """A broad story (members pointing different ways) loses to a tight one at spread 1."""
    from corroborator.stories.online import StoryState, Vectors, add_to_story, new_story

    def story(directions: list[int], name: str) -> StoryState:
        state = new_story(name, 1)
        config = _config(settings)
        for i, d in enumerate(directions):
            item = Vectors(_features(f"{name}{i}", d, None, {}).embedding, {
                "terms": {}, "entities": {}, "numbers": {}}, None, None)
            add_to_story(state, item, _features(f"{name}{i}", d, None, {}), i, config)
        return state

    article = Vectors(_features("x", 0, None, {}).embedding,
                      {"terms": {}, "entities": {}, "numbers": {}}, None, None)
    broad = story([0, 1, 2, 3], "broad")
    plain = Similarity(_config(settings, spread_penalty=0.0))
    strict = Similarity(_config(settings, spread_penalty=1.0))
    cosine = float(broad.unit_embedding() @ article.embedding)
    assert math.isclose(plain.score(article, broad, cosine), cosine, rel_tol=1e-6)
    assert math.isclose(strict.score(article, broad, cosine), 0.25, rel_tol=1e-5)


def _leaning(aid: str, spoke: int | None, terms: dict[int, float]) -> ArticleFeatures:
    """An embedding along a shared axis, leaning towards its own axis ``spoke`` (none: exact)."""
    emb = np.zeros(16, dtype=np.float32)
    emb[0] = 1.0
    if spoke is not None:
        emb[spoke] = 2.5
    return ArticleFeatures(aid, None, emb / np.linalg.norm(emb), terms, (), (), title=aid,
                           lead="")


def _fragment_and_story(config: StorySettings) -> StoryClusterer:
    # The first report arrives before its story: against one later report it scores below
    # the join bar, against the four of them together (their particulars averaging out) it
    # clears it.
    clusterer = StoryClusterer(config=config)
    clusterer.add_features(_leaning("first", None, {5: 1.0, 4: 0.5}))
    for i in range(4):
        clusterer.add_features(_leaning(f"later{i}", i + 1, {4: 1.0}))
    return clusterer


def test_end_of_run_regroups_a_fragment_into_its_story(settings) -> None:
    config = _config(settings, threshold=0.4, merge_threshold=0.99, embedding_weight=1.0,
                     tfidf_weight=1.0, merge_every=2, regroup_min_words=0,
                     regroup_probability=0.01)
    clusterer = _fragment_and_story(config)
    # The periodic merge steps leave the fragment alone (merge_threshold is not reached).
    assert clusterer.story_of("first") == "s-first"
    assert clusterer.story_of("later0") == "s-later0"
    assert clusterer.merge_step() == 1
    assert len(clusterer) == 1
    assert clusterer.story_of("later3") == "s-first"  # the older story's id is kept


@pytest.mark.parametrize(
    "overrides",
    [
        {"regroup_max_articles": 0},  # off
        {"regroup_probability": 0.5},  # the learned model: these toy vectors are not one event
        # the larger story is not made of full articles (toy texts of one word)
        {"regroup_probability": 0.01, "regroup_min_words": 50},
    ],
)
def test_regroup_guards_keep_the_fragment(settings, overrides) -> None:
    config = _config(settings, threshold=0.4, merge_threshold=0.99, embedding_weight=1.0,
                     tfidf_weight=1.0, **{"regroup_min_words": 0, **overrides})
    clusterer = _fragment_and_story(config)
    assert clusterer.merge_step() == 0
    assert len(clusterer) == 2


def _dated_fragment_and_story(config: StorySettings) -> StoryClusterer:
    # As _fragment_and_story, a dated stream: a ministry's statement an hour before the
    # reports that form its story (dated stories keep no members for the learned model).
    from dataclasses import replace

    clusterer = StoryClusterer(config=config)
    clusterer.add_features(replace(_leaning("first", None, {5: 1.0, 4: 0.5}), published=0.0))
    for i in range(4):
        later = _leaning(f"later{i}", i + 1, {4: 1.0})
        clusterer.add_features(replace(later, published=3600.0 * (i + 1)))
    return clusterer


@pytest.mark.parametrize(("overrides", "merges"), [
    ({"regroup_dated": True}, 1),
    ({"regroup_dated": False}, 0),  # dated stories as the stream left them
    ({"regroup_dated": True, "regroup_ratio": 5.0}, 0),  # the story is not large enough
    ({"regroup_dated": True, "regroup_max_articles": 0}, 0),
])
def test_end_of_run_regroups_a_dated_fragment_at_the_join_bar(settings, overrides,
                                                               merges) -> None:
    config = _config(settings, threshold=0.4, merge_threshold=0.99, embedding_weight=1.0,
                     tfidf_weight=1.0, merge_every=2, **overrides)
    clusterer = _dated_fragment_and_story(config)
    assert clusterer.story_of("first") == "s-first"
    assert clusterer.merge_step() == merges
    assert len(clusterer) == 2 - merges
    if merges:
        assert clusterer.story_of("later3") == "s-first"


def _named(aid: str, spoke: int, terms: dict[int, float], names: tuple[str, ...],
           lean: float) -> ArticleFeatures:
    """A leaning article (see :func:`_leaning`) that names ``names`` in its body."""
    emb = np.zeros(16, dtype=np.float32)
    emb[0], emb[spoke] = 1.0, lean
    return ArticleFeatures(aid, None, emb / np.linalg.norm(emb), terms, (), (), title=aid,
                           lead="", names=names)


def test_regroup_joins_the_story_the_learned_model_prefers(settings) -> None:
    # The fragment's headline and lead sit closer to the story of a neighbouring event
    # ("near"), its body names those of the other story ("same"): the regroup follows the
    # learned model, not the closer centroid.
    config = _config(settings, threshold=0.5, merge_threshold=0.99, embedding_weight=1.0,
                     tfidf_weight=1.0, merge_every=100, regroup_min_words=0)
    clusterer = StoryClusterer(config=config)
    clusterer.add_features(_named("first", 5, {4: 1.0, 6: 1.0}, ("harbour", "mayor"), 1.0))
    for i in range(4):
        clusterer.add_features(_named(f"near{i}", i + 1, {4: 1.0}, ("ridge", "sheriff"), 2.5))
        clusterer.add_features(_named(f"same{i}", i + 7, {6: 1.0}, ("harbour", "mayor"), 3.0))
    assert len(clusterer) == 3
    from corroborator.stories.online import index_keys, story_vectors

    item = story_vectors(clusterer._stories["s-first"])
    best, score = clusterer._best_story(item, index_keys(item, 12), exclude="s-first")
    assert best is not None and best.id == "s-near0" and score >= config.threshold
    assert clusterer.merge_step() == 1
    assert clusterer.story_of("same0") == clusterer.story_of("first") == "s-first"
    assert clusterer.story_of("near0") == "s-near0"


def _reassign_run(config: StorySettings) -> StoryClusterer:
    # Two stories of four reports each; a late report leads like the ridge story (its
    # headline and lead, and so its join score, are the ridge story's) while its body names
    # the harbour story's people and places.
    clusterer = StoryClusterer(config=config)
    for i in range(4):
        clusterer.add_features(_named(f"harbour{i}", i + 1, {4: 1.0},
                                      ("harbour", "mayor", f"quay{i}"), 2.0))
        clusterer.add_features(_named(f"ridge{i}", i + 7, {6: 1.0},
                                      ("ridge", "sheriff", f"trail{i}"), 2.0))
    clusterer.add_features(_named("late", 7, {6: 1.0, 4: 1.0}, ("harbour", "mayor"), 2.0))
    assert clusterer.story_of("late") == "s-ridge0"  # joined on arrival by its lead
    return clusterer


def test_end_of_run_moves_a_member_the_learned_model_places_elsewhere(settings) -> None:
    # The packaged reassign settings (on by default: 3 articles, 0.6, margin 0.15).
    config = _config(settings, threshold=0.5, merge_threshold=0.99, embedding_weight=1.0,
                     tfidf_weight=1.0, merge_every=100, regroup_min_words=0)
    clusterer = _reassign_run(config)
    assert clusterer.merge_step() == 0  # a move is no merge
    assert clusterer.story_of("late") == "s-harbour0"
    assert sorted(len(s.article_ids) for s in clusterer._stories.values()) == [4, 5]
    ridge = clusterer._stories["s-ridge0"]
    assert "late" not in ridge.article_ids and len(ridge.parts or ()) == 4


@pytest.mark.parametrize(
    "overrides",
    [
        {"reassign_min_articles": 0},  # off
        {"reassign_min_articles": 6},  # the ridge story is too small to read its members
        {"reassign_min_articles": 3, "reassign_probability": 0.95},
        {"reassign_min_articles": 3, "reassign_margin": 0.9},
        # the harbour story is not made of full articles (toy texts of one word)
        {"reassign_min_articles": 3, "regroup_min_words": 50},
    ],
)
def test_reassign_guards_keep_the_member(settings, overrides) -> None:
    config = _config(settings, threshold=0.5, merge_threshold=0.99, embedding_weight=1.0,
                     tfidf_weight=1.0, merge_every=100, **{"regroup_min_words": 0, **overrides})
    clusterer = _reassign_run(config)
    clusterer.merge_step()
    assert clusterer.story_of("late") == "s-ridge0"


def test_reassign_keeps_the_article_a_story_is_named_after(settings) -> None:
    # The same report, first to arrive: the ridge reports join its story, which is named
    # after it, so it stays (moving it would leave the story named after an article of
    # another one).
    config = _config(settings, threshold=0.5, merge_threshold=0.99, embedding_weight=1.0,
                     tfidf_weight=1.0, merge_every=100, regroup_min_words=0,
                     reassign_min_articles=3)
    clusterer = StoryClusterer(config=config)
    for i in range(4):
        clusterer.add_features(_named(f"harbour{i}", i + 1, {4: 1.0},
                                      ("harbour", "mayor", f"quay{i}"), 2.0))
    clusterer.add_features(_named("early", 7, {6: 1.0, 4: 1.0}, ("harbour", "mayor"), 2.0))
    for i in range(4):
        clusterer.add_features(_named(f"ridge{i}", i + 7, {6: 1.0},
                                      ("ridge", "sheriff", f"trail{i}"), 2.0))
    assert clusterer.story_of("ridge0") == "s-early"
    clusterer.merge_step()
    assert clusterer.story_of("early") == clusterer.story_of("ridge3") == "s-early"
