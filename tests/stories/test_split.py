"""The split check: a story holding two far-apart groups of reports becomes two stories."""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import pytest

from corroborator.stories import StoryClusterer, StorySettings
from corroborator.stories.features import ArticleFeatures
from corroborator.stories.online import DocumentFrequencies, Similarity, article_vectors
from corroborator.stories.split import apart, bipartition, pair_matrix, separation

# Two fictional same-kind events: a quake at Osk and one at Varn, reported with the same
# vocabulary, different places, people and figures.
SHARED = {1: 2.0, 2: 1.0, 3: 1.0}  # "quake", "magnitude", "villages"
EVENTS = {
    "osk": ({10: 2.0, 11: 1.0, 12: 1.0}, ("osk", "mayor lind"), ("5.6",)),
    "varn": ({20: 2.0, 21: 1.0, 22: 1.0}, ("varn", "governor pell"), ("6.1",)),
}


def _embedding(event: str, index: int) -> np.ndarray:
    rng = np.random.default_rng(7 if event == "osk" else 11)
    base = np.ones(384) + 0.8 * rng.standard_normal(384)
    noise = np.random.default_rng(100 + index).standard_normal(384) * 0.3
    vector = (base + noise).astype(np.float32)
    return vector / np.linalg.norm(vector)


def _features(event: str, index: int) -> ArticleFeatures:
    own, entities, numbers = EVENTS[event]
    return ArticleFeatures(
        article_id=f"{event}-{index:02d}", published=None, embedding=_embedding(event, index),
        terms={**SHARED, **own, 100 + index: 1.0}, entities=entities, numbers=numbers,
        title=f"Quake at {event} ({index})", lead="", outlet=f"outlet{index % 3}")


def _mixed(n: int = 6) -> list[ArticleFeatures]:
    # Interleaved, as a stream that mixed them up would see them.
    return [_features(e, i) for i in range(n) for e in ("osk", "varn")]


@pytest.fixture
def config(settings) -> StorySettings:
    # Everything joins one story on arrival (threshold -1) and the merge step runs only when
    # asked: what is left to keep the events apart is the split check.
    return replace(settings.get(StorySettings), threshold=-1.0, merge_every=10_000)


def _cluster(config: StorySettings, items: list[ArticleFeatures]) -> StoryClusterer:
    clusterer = StoryClusterer(config=config)
    for item in items:
        clusterer.add_features(item)
    return clusterer


def _groups(clusterer: StoryClusterer) -> set[frozenset[str]]:
    out: dict[str, set[str]] = {}
    for article, story in clusterer.assignments().items():
        out.setdefault(story, set()).add(article)
    return {frozenset(g) for g in out.values()}


def test_a_story_of_two_events_is_split_into_them(config) -> None:
    clusterer = _cluster(config, _mixed())
    assert len(_groups(clusterer)) == 1
    clusterer.merge_step()
    osk = frozenset(f"osk-{i:02d}" for i in range(6))
    varn = frozenset(f"varn-{i:02d}" for i in range(6))
    assert _groups(clusterer) == {osk, varn}
    # The half with the first article keeps the story's id; the other is named after its own.
    assert set(clusterer.assignments().values()) == {"s-osk-00", "s-varn-00"}


def test_one_event_stays_whole(config) -> None:
    clusterer = _cluster(config, [_features("osk", i) for i in range(12)])
    clusterer.merge_step()
    assert len(_groups(clusterer)) == 1


@pytest.mark.parametrize(("ratio", "stories"), [(0.0, 1), (0.65, 2)])
def test_split_ratio_zero_turns_it_off(config, ratio: float, stories: int) -> None:
    clusterer = _cluster(replace(config, split_ratio=ratio), _mixed())
    clusterer.merge_step()
    assert len(_groups(clusterer)) == stories


def test_too_small_a_story_is_not_split(config) -> None:
    clusterer = _cluster(replace(config, split_min_articles=13), _mixed())
    clusterer.merge_step()
    assert len(_groups(clusterer)) == 1


def test_halves_and_separation(config) -> None:
    df = DocumentFrequencies()
    for features in _mixed():
        df.observe({"terms": features.terms, "entities": features.entities,
                    "numbers": features.numbers})
    items = [article_vectors(f, df) for f in _mixed()]
    matrix = pair_matrix(items, Similarity(config))
    assert np.allclose(matrix, matrix.T) and np.allclose(np.diag(matrix), 1.0)
    side = bipartition(matrix)
    # Interleaved input: the halves are the even and the odd positions, the first kept True.
    assert list(side) == [i % 2 == 0 for i in range(12)]
    assert separation(matrix, side) < config.split_ratio


def test_merge_is_vetoed_for_stories_that_would_split_again(config) -> None:
    clusterer = _cluster(config, _mixed())
    clusterer.merge_step()
    stories = list(clusterer._stories.values())
    assert apart(stories[0].parts, stories[1].parts, clusterer.similarity)
    clusterer.merge_step()  # nothing changed: still two
    assert len(_groups(clusterer)) == 2


def test_state_round_trip_keeps_what_the_split_needs(config) -> None:
    items = _mixed()
    whole = _cluster(config, items)
    whole.merge_step()
    first = _cluster(config, items[:8])
    state = json.loads(json.dumps(first.state()))
    resumed = StoryClusterer.from_state(state, config=config)
    for item in items[8:]:
        resumed.add_features(item)
    resumed.merge_step()
    assert _groups(resumed) == _groups(whole)
    assert resumed.state() == whole.state()


def test_dated_stories_are_not_split(config) -> None:
    # Time already keeps dated events apart; the check is for undated input only.
    dated = [replace(f, published=1.9e9 + 60.0 * i) for i, f in enumerate(_mixed())]
    clusterer = _cluster(config, dated)
    clusterer.merge_step()
    assert len(_groups(clusterer)) == 1
    assert all(story.parts is None for story in clusterer._stories.values())


def test_the_end_of_a_run_checks_a_story_that_grew_since_its_last_check(config) -> None:
    # Checked whole at 12 members, a story is due again only at 16 between periodic steps;
    # three reports of another event that join it after that check still come apart when
    # the run settles.
    clusterer = _cluster(config, [_features("osk", i) for i in range(12)])
    clusterer.merge_step()
    assert len(_groups(clusterer)) == 1
    for i in range(3):
        clusterer.add_features(_features("varn", i))
    assert len(_groups(clusterer)) == 1
    clusterer.merge_step()
    assert _groups(clusterer) == {frozenset(f"osk-{i:02d}" for i in range(12)),
                                  frozenset(f"varn-{i:02d}" for i in range(3))}
