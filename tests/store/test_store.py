"""The SQLite store: identity, versions, transactions, migrations, search, round trips."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from corroborator.errors import MigrationError, NotFound, StoreError
from corroborator.pipeline.ingest import ingest_paths
from corroborator.records import (
    Article,
    Change,
    Claim,
    Conflict,
    DateMention,
    Derivation,
    Proposition,
    Quantity,
    Rejection,
    Span,
    Story,
)
from corroborator.records.article import article_id, content_hash
from corroborator.store import AddOutcome, open_store
from corroborator.store.base import StoredAnalysis
from corroborator.store.sqlite import SQLiteStore
from corroborator.store.sqlite_schema import LATEST_VERSION, MIGRATIONS

TEXT = ("Officials in Port Ellery said on Monday that two cargo ships collided near the "
        "breakwater, spilling about 40 tonnes of fuel oil into the bay.")


def make_article(text: str = TEXT, url: str | None = "https://p.example/1",
                 outlet: str = "Port Daily") -> Article:
    return Article(id=article_id(text, outlet, url, "Ships collide"), path="in/a.html", url=url,
                   outlet=outlet, title="Ships collide",
                   published=datetime(2026, 5, 4, 9, 0, tzinfo=UTC), language="en", text=text,
                   content_hash=content_hash(text), hints={"canonical_url": url})


def test_store_same_content_twice_adds_nothing(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "c.db")) as store:
        assert store.add_article(make_article())[0] is AddOutcome.ADDED
        assert store.add_article(make_article())[0] is AddOutcome.DUPLICATE
        assert store.article_count() == 1


def test_store_same_url_new_content_is_new_version(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "c.db")) as store:
        first = store.add_article(make_article())[1]
        outcome, second = store.add_article(make_article(TEXT + " Clean-up began on Tuesday."))
        assert outcome is AddOutcome.NEW_VERSION and second.version == 2
        assert store.article_count() == 1
        assert store.article_count(latest_only=False) == 2
        assert [a.id for a in store.versions(first.id)] == [first.id, second.id]
        assert [a.id for a in store.articles()] == [second.id]


def test_store_reingest_folder_is_idempotent(tmp_path: Path, settings) -> None:
    for index in range(3):
        (tmp_path / "news").mkdir(exist_ok=True)
        (tmp_path / "news" / f"{index}.txt").write_text(f"Story {index}\n\n{TEXT} {index}",
                                                         encoding="utf-8")
    (tmp_path / "news" / "bad.txt").write_bytes(b"")
    db = str(tmp_path / "c.db")
    with open_store(db) as store:
        first = ingest_paths(store, [str(tmp_path / "news")], settings)
    with open_store(db) as store:
        again = ingest_paths(store, [str(tmp_path / "news")], settings)
        assert (len(first.added), len(again.added), len(again.duplicates)) == (3, 0, 3)
        assert store.article_count() == 3
        assert len(store.rejections()) == 1  # the same rejection is not recorded twice


def test_store_atomic_rolls_back_the_whole_stage(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "c.db")) as store:
        store.add_article(make_article())
        with pytest.raises(RuntimeError), store.atomic():
            store.add_article(make_article(TEXT + " more", url="https://p.example/2"))
            with store.atomic():  # nested: a savepoint
                store.record_rejection(Rejection("x", "empty file"))
            raise RuntimeError("stage failed")
        assert store.article_count() == 1
        assert store.rejections() == []


def test_store_search_articles_and_claims(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "c.db")) as store:
        article = store.add_article(make_article())[1]
        claim = Claim(id=f"{article.id}:0", article_id=article.id, speaker="Port Authority",
                      speaker_span=Span(0, 9), cue="said", cue_span=Span(31, 35),
                      content_span=Span(44, 140), quote=None, stance="stated")
        store.save_analyses([StoredAnalysis(article.id, (claim,), (), (), None)])
        kinds = {hit.kind for hit in store.search("breakwater")}
        assert kinds == {"article", "claim"}
        assert store.search("Authority")[0].claim_id == claim.id
        assert store.search('"unbalanced AND (') == []  # FTS syntax is never passed through
        assert store.search("zeppelin") == []


def test_store_round_trips_every_record(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "c.db")) as store:
        article = store.add_article(make_article())[1]
        assert store.get_article(article.id) == article
        assert store.get_article(article.id[:6]) == article  # unique prefix
        quantity = Quantity("about 40 tonnes", Span(99, 114), 40, 36, 44, "about", "tonnes",
                            "tonnes of fuel oil spilled", "~")
        date = DateMention("on Monday", Span(28, 37), datetime(2026, 5, 4).date())
        claim = Claim(id="c1", article_id=article.id, speaker="Officials",
                      speaker_span=Span(0, 21), cue="said", cue_span=Span(22, 26),
                      content_span=Span(40, 140), quote=None, stance="stated",
                      via=("Port Daily",), quantities=(quantity,), dates=(date,))
        store.save_analyses([StoredAnalysis(article.id, (claim,), (quantity,), (date,), None)])
        assert store.analysis(article.id) == StoredAnalysis(article.id, (claim,), (quantity,),
                                                            (date,), None)
        derivation = Derivation(article.id, "src", "rewrite", 0.8,
                                (Change("figure", "nearly 40", "more than 40"),))
        store.replace_derivations([derivation])
        assert store.derivations() == [derivation]
        story = Story("s1", "Ships collide", (article.id,), "Two ships collided.",
                      outlets=("Port Daily",), first_published=article.published,
                      last_published=article.published)
        store.replace_stories([story])
        assert store.get_story("s1") == story
        assert store.stories() == [story]
        proposition = Proposition("p1", "s1", ("c1",), "single-source", 1)
        conflict = Conflict("misreport", ("c1", "c2"), "Outlets disagree.", "s1")
        store.replace_comparison("s1", [proposition], [conflict])
        assert store.propositions("s1") == [proposition]
        assert store.conflicts("s1") == [conflict]
        store.replace_stories([Story("s2", "Other", (article.id,))])
        assert store.propositions() == [] and store.conflicts() == []  # went with story s1
        store.put_state("stories", {"centroids": [[0.5, 0.5]]})
        assert store.get_state("stories") == {"centroids": [[0.5, 0.5]]}
        with pytest.raises(NotFound):
            store.get_article("ffffffff")


def test_store_migrates_an_older_database_forward(tmp_path: Path) -> None:
    db = tmp_path / "old.db"

    class FirstVersionStore(SQLiteStore):
        def _migrate(self, migrations=MIGRATIONS[:1]):  # what version 1 of the code did
            super()._migrate(migrations)

    with FirstVersionStore(db) as old:
        old.add_article(make_article())
        assert old.schema_version() == 1
    with open_store(str(db)) as store:
        assert store.schema_version() == LATEST_VERSION
        assert store.article_count() == 1  # data written by version 1 survives
        store.replace_derivations([])


def test_store_reads_stories_written_before_migration_4(tmp_path: Path) -> None:
    db = tmp_path / "old.db"

    class ThirdVersionStore(SQLiteStore):
        def _migrate(self, migrations=MIGRATIONS[:3]):
            super()._migrate(migrations)

    with ThirdVersionStore(db) as old:
        old._conn.execute("INSERT INTO stories VALUES ('s1', 'Old story', NULL, 0)")
        old._conn.execute("INSERT INTO story_articles VALUES ('s1', 'a1', 0)")
    with open_store(str(db)) as store:
        assert store.get_story("s1") == Story("s1", "Old story", ("a1",))


def test_store_refuses_a_newer_schema(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    open_store(str(db)).close()
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO schema_migrations VALUES (99, 'future', 'x')")
    conn.commit()
    conn.close()
    with pytest.raises(MigrationError, match="newer"):
        open_store(str(db))


def test_store_rejects_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_text("these are my notes, not a database " * 50)
    with pytest.raises(StoreError, match="not a corroborator database"):
        open_store(str(bad))
    assert bad.read_text().startswith("these are my notes")  # untouched


def test_store_uses_wal_journal(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "c.db")) as store:
        mode = store._conn.execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_store_same_url_same_words_spaced_otherwise_adds_nothing(tmp_path: Path) -> None:
    # a feed's entry read again from another tool's export, its paragraphs two line breaks
    # apart instead of one: the same content, neither lost nor a new version
    first = TEXT.replace(", spilling", ",\nspilling")
    with open_store(str(tmp_path / "c.db")) as store:
        store.add_article(make_article(first))
        outcome, kept = store.add_article(make_article(first.replace("\n", "\n\n")))
        assert outcome is AddOutcome.DUPLICATE and kept.text == first
        assert store.article_count(latest_only=False) == 1
