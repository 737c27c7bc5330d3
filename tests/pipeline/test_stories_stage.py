"""Stories continue across runs: later articles join the stories of earlier ones."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from corroborator.pipeline.stories_stage import STATE_KEY, update_stories
from corroborator.records import Article
from corroborator.records.article import article_id, content_hash
from corroborator.store import open_store

pytestmark = [pytest.mark.model, pytest.mark.embeddings]

QUAKE = ("An earthquake of magnitude 6.1 struck the mountain town of Ostrava Vale on "
         "{day}, killing {n} people and destroying hundreds of homes, the regional governor "
         "Marek Halloran said. Rescue teams from Tarn Province searched the rubble overnight.")
FERRY = ("A passenger ferry ran aground off the island of Sellick on {day}, and the coast "
         "guard evacuated {n} passengers by lifeboat, harbour master Ruth Okonjo said. The "
         "ferry operator Bluewater Lines suspended its island service.")


def article(template: str, outlet: str, n: int, hours: int) -> Article:
    text = template.format(day="Tuesday", n=n)
    url = f"https://{outlet.lower()}.example/{n}"
    title = text.split(",")[0]
    return Article(article_id(text, outlet, url, title), None, url, outlet, title,
                   datetime(2026, 6, 2, tzinfo=UTC) + timedelta(hours=hours), "en", text,
                   content_hash(text))


def test_stories_stage_continues_from_saved_state(tmp_path, settings) -> None:
    with open_store(str(tmp_path / "s.db")) as store:
        for index, outlet in enumerate(["Alpha", "Beta"]):
            store.add_article(article(QUAKE, outlet, 12 + index, index))
            store.add_article(article(FERRY, outlet, 240 + index, index))
        first = update_stories(store, settings)
        assert sorted(len(s.article_ids) for s in first) == [2, 2]
        state = store.get_state(STATE_KEY)
        late = article(QUAKE, "Gamma", 15, 20)
        store.add_article(late)
        second = update_stories(store, settings)
        assert store.get_state(STATE_KEY) != state
        quake = next(s for s in second if late.id in s.article_ids)
        assert len(quake.article_ids) == 3
        assert {s.id for s in second} == {s.id for s in first}  # story ids are stable


def test_stories_stage_reclusters_when_settings_change(tmp_path, settings) -> None:
    with open_store(str(tmp_path / "s.db")) as store:
        store.add_article(article(QUAKE, "Alpha", 12, 0))
        store.add_article(article(FERRY, "Alpha", 240, 1))
        update_stories(store, settings)
        strict = settings.with_overrides({"stories": {"threshold": 1.0, "merge_threshold": 1.0}})
        store.add_article(article(QUAKE, "Beta", 13, 2))
        stories = update_stories(store, strict)
        assert len(stories) == 3  # nothing joins under the new threshold, old ones included


def test_stories_stage_embeds_through_the_given_function(tmp_path, settings) -> None:
    from corroborator.embeddings import embed

    asked: list[str] = []

    def counting(texts):  # type: ignore[no-untyped-def]
        asked.extend(texts)
        return embed(texts)

    with open_store(str(tmp_path / "s.db")) as store:
        for index, outlet in enumerate(["Alpha", "Beta"]):
            store.add_article(article(QUAKE, outlet, 12 + index, index))
            store.add_article(article(FERRY, outlet, 240 + index, index))
        stories = update_stories(store, settings, embed_fn=counting)
        assert len(asked) == 4  # one title and lead per article
        assert sorted(len(s.article_ids) for s in stories) == [2, 2]
        late = article(QUAKE, "Gamma", 15, 20)
        store.add_article(late)
        update_stories(store, settings, embed_fn=counting)  # continued from the saved state
        assert len(asked) == 5


def test_saved_state_is_keyed_by_the_vector_space(settings) -> None:
    import json

    from corroborator.embeddings import vector_space
    from corroborator.pipeline.stories_stage import _fingerprint

    assert json.loads(_fingerprint(settings))["embeddings"] == vector_space(
        "all-MiniLM-L6-v2", None)
