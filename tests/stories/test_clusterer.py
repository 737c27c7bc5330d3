"""Online clustering: grouping, determinism, batch == streaming, persistence, time window."""

from __future__ import annotations

import json
import random
from collections import defaultdict
from datetime import timedelta

import pytest

from corroborator.errors import ConfigError
from corroborator.evaluation.metrics import bcubed
from corroborator.stories import (
    StoryClusterer,
    StorySettings,
    cluster_articles,
    publication_order,
    story_id_for,
)


def _groups(stories) -> set[frozenset[str]]:
    return {frozenset(s.article_ids) for s in stories}


def _gold_groups(gold: dict[str, str]) -> set[frozenset[str]]:
    groups = defaultdict(set)
    for article, story in gold.items():
        groups[story].add(article)
    return {frozenset(g) for g in groups.values()}


def test_groups_fictional_events(settings, fake_features, story_articles, story_gold) -> None:
    articles = story_articles()
    stories = cluster_articles(articles, settings, extractor=fake_features)
    assert _groups(stories) == _gold_groups(story_gold(articles))


def test_same_input_in_any_order_gives_the_same_stories(
    settings, fake_features, story_articles
) -> None:
    articles = story_articles()
    reference = cluster_articles(articles, settings, extractor=fake_features)
    for seed in range(3):
        shuffled = list(articles)
        random.Random(seed).shuffle(shuffled)
        assert cluster_articles(shuffled, settings, extractor=fake_features) == reference


def test_batch_equals_streaming_in_publication_order(
    settings, fake_features, story_articles
) -> None:
    articles = story_articles()
    batch = cluster_articles(articles, settings, extractor=fake_features)
    clusterer = StoryClusterer(settings, extractor=fake_features)
    returned = [clusterer.add(a) for a in publication_order(articles)]
    clusterer.merge_step()
    assert clusterer.stories() == batch
    assert returned[0] == story_id_for(publication_order(articles)[0].id)


def test_state_round_trip_continues_exactly(settings, fake_features, story_articles) -> None:
    ordered = publication_order(story_articles())
    whole = StoryClusterer(settings, extractor=fake_features)
    whole.add_many(ordered)
    first = StoryClusterer(settings, extractor=fake_features)
    first.add_many(ordered[:4])
    state = json.loads(json.dumps(first.state()))  # must survive JSON unchanged
    resumed = StoryClusterer.from_state(state, settings, extractor=fake_features)
    resumed.add_many(ordered[4:])
    assert resumed.stories() == whole.stories()
    assert resumed.state() == whole.state()


def test_unknown_state_version_is_refused(settings) -> None:
    with pytest.raises(ConfigError, match="version"):
        StoryClusterer.from_state({"version": 999}, settings)


def test_adding_an_article_twice_is_a_no_op(settings, fake_features, story_articles) -> None:
    articles = story_articles()
    clusterer = StoryClusterer(settings, extractor=fake_features)
    first = clusterer.add(articles[0])
    assert clusterer.add(articles[0]) == first
    assert clusterer.stories()[0].article_ids == (articles[0].id,)


def test_time_window_separates_repeats_a_month_apart(
    settings, fake_features, story_articles
) -> None:
    now = story_articles()[:3]
    later = story_articles(shift=timedelta(days=40))[:3]
    stories = cluster_articles(now + later, settings, extractor=fake_features)
    assert _groups(stories) == {frozenset(a.id for a in now), frozenset(a.id for a in later)}


def test_undated_articles_still_cluster(settings, fake_features, story_articles, story_gold) -> None:
    articles = story_articles(dated=False)
    stories = cluster_articles(articles, settings, extractor=fake_features)
    score = bcubed(
        {a: s.id for s in stories for a in s.article_ids}, story_gold(articles)
    )
    assert score.f1 >= 0.9
    assert all(s.first_published is None for s in stories)


def test_story_record_has_title_outlets_and_dates(settings, fake_features, story_articles) -> None:
    articles = story_articles()
    stories = cluster_articles(articles, settings, extractor=fake_features)
    final = next(s for s in stories if articles[5].id in s.article_ids)
    assert final.id == story_id_for(articles[5].id)
    assert final.title in {a.title for a in articles[5:8]}
    assert set(final.outlets) == {"Sports Wire", "Harbour Times", "Valley Post"}
    assert final.first_published == articles[5].published
    assert final.last_published == articles[7].published
    assert final.summary.startswith("3 articles, 3 outlets, 2031-03-02")


def test_a_threshold_above_every_similarity_gives_singletons(
    settings, fake_features, story_articles
) -> None:
    strict = settings.with_overrides({"stories": {"threshold": 1.0, "merge_threshold": 1.0}})
    articles = story_articles()
    assert len(cluster_articles(articles, strict, extractor=fake_features)) == len(articles)


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("threshold", 1.5, "threshold"),
        ("entity_weight", -0.1, "entity_weight"),
        ("merge_every", 0, "merge_every"),
        ("hash_bits", 40, "hash_bits"),
    ],
)
def test_bad_settings_are_named(settings, key, value, message) -> None:
    with pytest.raises(ConfigError, match=message):
        settings.with_overrides({"stories": {key: value}}).get(StorySettings)


def test_all_zero_similarity_weights_are_refused(settings) -> None:
    zero = {k: 0.0 for k in ("embedding_weight", "tfidf_weight", "entity_weight", "number_weight")}
    with pytest.raises(ConfigError, match="all zero"):
        settings.with_overrides({"stories": zero}).get(StorySettings)


@pytest.mark.model
@pytest.mark.embeddings
def test_real_models_group_fictional_events(settings, nlp, embedder, story_articles,
                                            story_gold) -> None:
    articles = story_articles()
    stories = cluster_articles(articles, settings)
    assert _groups(stories) == _gold_groups(story_gold(articles))


def test_progress_is_called_once_per_article(settings, fake_features, story_articles) -> None:
    calls = []
    articles = story_articles()
    cluster_articles(articles, settings, lambda done, total: calls.append((done, total)),
                     extractor=fake_features)
    assert calls == [(i + 1, len(articles)) for i in range(len(articles))]
