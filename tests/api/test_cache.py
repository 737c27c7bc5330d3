"""The server's read cache notices writes made by another process or connection."""

from __future__ import annotations

import shutil
from pathlib import Path

from corroborator.api.cache import CachedStore
from corroborator.records import Story
from corroborator.store import open_store

from .conftest import make_article


def test_pages_see_stories_written_by_another_connection(make_client, demo_records,
                                                         tmp_path) -> None:
    db = str(tmp_path / "copy.db")
    for suffix in ("", "-wal"):  # the database and its write-ahead log
        if Path(demo_records["path"] + suffix).exists():
            shutil.copyfile(demo_records["path"] + suffix, db + suffix)
    client = make_client(db=db)
    before = client.get("/api/stories").json()["total"]
    assert client.get("/api/stories").json()["total"] == before  # served from the cache
    article = make_article("A new bridge opened in Port Ellery on Tuesday, the mayor said.",
                           "Bridge Post", "https://bridge.example/1", "Bridge opens", 9)
    with open_store(db) as other:  # e.g. `corroborator ingest` + analysis next to `serve`
        other.add_article(article)
        other.replace_stories(other.stories() + [Story("story-bridge", "Bridge opens",
                                                       (article.id,))])
    rows = client.get("/api/stories").json()
    assert rows["total"] == before + 1
    assert any(r["id"] == "story-bridge" for r in rows["data"])


def test_cache_expires_and_can_be_switched_off(demo_records, monkeypatch) -> None:
    with open_store(demo_records["path"]) as store:
        calls = []
        cache = CachedStore(store, max_age=10)
        clock = [100.0]
        monkeypatch.setattr("corroborator.api.cache.time.monotonic", lambda: clock[0])
        compute = lambda: calls.append(1) or len(calls)  # noqa: E731
        assert cache.cached("x", compute) == 1
        assert cache.cached("x", compute) == 1
        clock[0] += 11
        assert cache.cached("x", compute) == 2
        cache.invalidate()
        assert cache.cached("x", compute) == 3
        off = CachedStore(store, max_age=0)
        assert off.cached("y", compute) == 4 and off.cached("y", compute) == 5
        assert off.article_count() == store.article_count()  # everything else passes through


def test_memory_store_is_never_cached() -> None:
    with open_store(":memory:") as store:
        cache = CachedStore(store, max_age=60)
        values = iter(range(10))
        assert cache.cached("x", lambda: next(values)) == 0
        assert cache.cached("x", lambda: next(values)) == 1
