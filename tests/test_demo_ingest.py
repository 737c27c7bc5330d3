"""The demo corpus ingests as its answer key says: every article, every metadata field."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from corroborator.demo import ANSWER_KEY, CORPUS_DIR
from corroborator.pipeline.ingest import ingest_paths
from corroborator.store import open_store


@pytest.fixture(scope="module")
def demo(settings, tmp_path_factory):
    key = json.loads(ANSWER_KEY.read_text("utf-8"))
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    with open_store(str(db)) as store:
        report = ingest_paths(store, [str(CORPUS_DIR)], settings)
        yield key, store, report


def article_key(article) -> str:
    if article.url:
        return article.url
    return str(Path(article.path).relative_to(CORPUS_DIR))


def test_demo_every_article_stored_with_its_metadata(demo) -> None:
    key, store, report = demo
    stored = {article_key(a): a for a in store.articles()}
    assert set(stored) == set(key["articles"])
    for ident, expected in key["articles"].items():
        article = stored[ident]
        assert article.outlet == expected["outlet"], ident
        assert article.title == expected["title"], ident
        assert article.language == expected["language"], ident
        if expected["published"]:
            assert article.published == datetime.fromisoformat(
                expected["published"].replace("Z", "+00:00")), ident


def test_demo_broken_files_rejected_with_reasons(demo) -> None:
    key, store, report = demo
    rejected = {str(Path(r.path).relative_to(CORPUS_DIR)): r.reason
                for r in report.rejected}
    assert set(rejected) == {entry["file"] for entry in key["rejected"]}
    assert "binary" in rejected["broken/corrupted-page.html"]
    assert rejected["broken/empty.txt"] == "empty file"


def test_demo_reingest_adds_nothing(demo, settings) -> None:
    _, store, _ = demo
    before = store.article_count()
    again = ingest_paths(store, [str(CORPUS_DIR)], settings)
    assert again.added == [] and len(again.duplicates) == before
    assert store.article_count() == before


def test_demo_search_finds_text(demo) -> None:
    _, store, _ = demo
    hits = store.search("Brenmoor")
    assert hits and all(h.kind == "article" for h in hits)
    assert any("Brenmoor" in h.snippet for h in hits)
