"""The analyse stage gives the same stored analyses on one process and on a worker pool."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from corroborator.nlp import analyze
from corroborator.pipeline import analyse
from corroborator.pipeline.analyse import analyse_store
from corroborator.records import Article
from corroborator.records.article import article_id, content_hash
from corroborator.store import open_store

pytestmark = pytest.mark.model

REPORTS = [
    "Mayor Ilse Brandt said more than 2,000 residents of Port Ellery were evacuated on Monday.",
    "Nearly 400 homes were flooded, according to the regional fire service.",
    "\u201cWe are working around the clock,\u201d fire chief Tomas Vale told reporters.",
    "The coast guard said it had rescued 37 people from the harbour overnight.",
    "Interior Minister Lena Okafor put the damage at about 12 million euros.",
    "",
    "Rosa Demir, the union leader, denied that 300 dock workers had walked out.",
]


def _articles() -> list[Article]:
    out = []
    for n, text in enumerate(REPORTS * 2):
        text = f"{text} Report {n}." if text else text
        url = f"https://outlet{n}.example/{n}"
        out.append(Article(article_id(text, f"Outlet {n}", url, f"Report {n}"), None, url,
                           f"Outlet {n}", f"Report {n}",
                           datetime(2026, 3, 2, tzinfo=UTC) + timedelta(hours=n), "en", text,
                           content_hash(text)))
    return out


def _analyse(tmp_path, settings, name: str, processes: int) -> list:
    overrides = {"pipeline": {"analyse_processes": processes, "parallel_min_articles": 1}}
    with open_store(str(tmp_path / f"{name}.db")) as store:
        articles = _articles()
        for article in articles:
            store.add_article(article)
        report = analyse_store(store, settings.with_overrides(overrides))
        assert report.analysed == len(articles)
        return [store.analysis(a.id) for a in articles]


def test_pooled_analysis_equals_single_process(tmp_path, settings, nlp, monkeypatch) -> None:
    monkeypatch.setattr(analyze, "CHUNK", 3)  # several chunks per worker
    single = _analyse(tmp_path, settings, "one", 1)
    pooled = _analyse(tmp_path, settings, "two", 2)
    assert pooled == single
    assert sum(len(a.claims) for a in single if a is not None) >= 4


def test_records_written_in_batches_inside_one_transaction(tmp_path, settings, nlp,
                                                           monkeypatch) -> None:
    whole = _analyse(tmp_path, settings, "whole", 1)
    monkeypatch.setattr(analyse, "WRITE_BATCH", 3)  # several writes, one transaction
    batched = _analyse(tmp_path, settings, "batched", 1)
    assert batched == whole


def test_a_failed_run_stores_nothing(tmp_path, settings, nlp, monkeypatch) -> None:
    """The writes made before an error roll back with the stage's transaction."""
    monkeypatch.setattr(analyse, "WRITE_BATCH", 2)
    calls = []

    def fail_late(*_args) -> None:
        calls.append(1)
        if len(calls) == 5:
            raise RuntimeError("interrupted")

    with open_store(str(tmp_path / "failed.db")) as store:
        for article in _articles():
            store.add_article(article)
        with pytest.raises(RuntimeError):
            analyse_store(store, settings, progress=fail_late)
        assert store.analysed_ids() == set()
