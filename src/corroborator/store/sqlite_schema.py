"""Versioned SQLite migrations. Append new ones; never edit a released one.

Each migration runs in one transaction and is recorded in ``schema_migrations``. A database
whose recorded version is newer than the last migration here was written by a newer
corroborator and is refused rather than damaged.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "articles, versions, rejected inputs, full-text search over articles",
        (
            """CREATE TABLE articles (
                id TEXT PRIMARY KEY,
                path TEXT,
                locator TEXT,
                url TEXT,
                outlet TEXT,
                title TEXT,
                published TEXT,
                language TEXT,
                text TEXT NOT NULL,
                content_hash TEXT NOT NULL,
                hints TEXT NOT NULL DEFAULT '{}',
                version INTEGER NOT NULL DEFAULT 1,
                superseded_by TEXT,
                ingested_at TEXT NOT NULL
            )""",
            "CREATE INDEX articles_url ON articles(url)",
            "CREATE INDEX articles_hash ON articles(content_hash)",
            """CREATE TABLE rejections (
                id INTEGER PRIMARY KEY,
                path TEXT NOT NULL,
                locator TEXT NOT NULL DEFAULT '',
                reason TEXT NOT NULL,
                at TEXT NOT NULL,
                UNIQUE (path, locator, reason)
            )""",
            """CREATE VIRTUAL TABLE articles_fts USING fts5(
                title, text, content='articles', content_rowid='rowid',
                tokenize='unicode61 remove_diacritics 2'
            )""",
            """CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
                INSERT INTO articles_fts(rowid, title, text)
                VALUES (new.rowid, coalesce(new.title, ''), new.text);
            END""",
            """CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
                INSERT INTO articles_fts(articles_fts, rowid, title, text)
                VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text);
            END""",
        ),
    ),
    Migration(
        2,
        "per-article analysis: claims (searchable), quantities, dates",
        (
            """CREATE TABLE analyses (
                article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
                quantities TEXT NOT NULL DEFAULT '[]',
                dates TEXT NOT NULL DEFAULT '[]',
                error TEXT,
                analysed_at TEXT NOT NULL
            )""",
            """CREATE TABLE claims (
                id TEXT PRIMARY KEY,
                article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                ordinal INTEGER NOT NULL,
                speaker TEXT,
                stance TEXT NOT NULL,
                content TEXT NOT NULL,
                data TEXT NOT NULL
            )""",
            "CREATE INDEX claims_article ON claims(article_id, ordinal)",
            """CREATE VIRTUAL TABLE claims_fts USING fts5(
                speaker, content, content='claims', content_rowid='rowid',
                tokenize='unicode61 remove_diacritics 2'
            )""",
            """CREATE TRIGGER claims_ai AFTER INSERT ON claims BEGIN
                INSERT INTO claims_fts(rowid, speaker, content)
                VALUES (new.rowid, coalesce(new.speaker, ''), new.content);
            END""",
            """CREATE TRIGGER claims_ad AFTER DELETE ON claims BEGIN
                INSERT INTO claims_fts(claims_fts, rowid, speaker, content)
                VALUES ('delete', old.rowid, coalesce(old.speaker, ''), old.content);
            END""",
        ),
    ),
    Migration(
        3,
        "cross-article results: derivations, stories, propositions, conflicts, stage state",
        (
            """CREATE TABLE derivations (
                article_id TEXT NOT NULL,
                source_id TEXT NOT NULL,
                relation TEXT NOT NULL,
                score REAL NOT NULL,
                data TEXT NOT NULL,
                PRIMARY KEY (article_id, source_id)
            )""",
            """CREATE TABLE stories (
                id TEXT PRIMARY KEY,
                title TEXT,
                summary TEXT,
                ordinal INTEGER NOT NULL
            )""",
            """CREATE TABLE story_articles (
                story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
                article_id TEXT NOT NULL,
                ordinal INTEGER NOT NULL,
                PRIMARY KEY (story_id, article_id)
            )""",
            "CREATE INDEX story_articles_article ON story_articles(article_id)",
            """CREATE TABLE propositions (
                id TEXT PRIMARY KEY,
                story_id TEXT NOT NULL,
                ordinal INTEGER NOT NULL,
                status TEXT NOT NULL,
                data TEXT NOT NULL
            )""",
            "CREATE INDEX propositions_story ON propositions(story_id, ordinal)",
            """CREATE TABLE conflicts (
                id INTEGER PRIMARY KEY,
                story_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                data TEXT NOT NULL
            )""",
            "CREATE INDEX conflicts_story ON conflicts(story_id)",
            "CREATE TABLE stage_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        ),
    ),
    Migration(
        4,
        "stories keep their outlets and date range (the whole record as JSON)",
        ("ALTER TABLE stories ADD COLUMN data TEXT",),
    ),
    Migration(
        5,
        "sentence vectors, so a run does not embed again what an earlier run embedded",
        (
            # key: a hash of the embedding model and the normalised sentence; vector: float32.
            """CREATE TABLE sentence_vectors (
                key BLOB PRIMARY KEY,
                vector BLOB NOT NULL
            ) WITHOUT ROWID""",
        ),
    ),
)

LATEST_VERSION = MIGRATIONS[-1].version
