"""SQLite backend: one file, WAL journal, FTS5 search, versioned migrations."""

from __future__ import annotations

import dataclasses
import functools
import json
import re
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import MigrationError, NotFound, StoreError
from ..records import (
    Article,
    Claim,
    Conflict,
    DateMention,
    Derivation,
    Proposition,
    Quantity,
    Rejection,
    Span,
    Story,
    from_dict,
    to_dict,
)
from ..records.article import words_spaced_alike
from .base import AddOutcome, SearchHit, Store, StoredAnalysis
from .sqlite_schema import MIGRATIONS, Migration

_ARTICLE_COLUMNS = (
    "id, path, locator, url, outlet, title, published, language, text, content_hash, hints, "
    "version"
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def _same_words(stored: str, new: str) -> bool:
    """Whether two texts of one address differ only in spacing: a feed's entry and another
    tool's export of it are the same content, not a new version of it."""
    return words_spaced_alike(stored) == words_spaced_alike(new)


_SCALARS = (str, int, float, bool, type(None))


def _plain(value: Any) -> Any:
    """:func:`to_dict`, with the record types' fields looked up once per type: claims are
    written by the thousand and the generic walk costs more than the JSON encoding."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is Span:
        return [value.start, value.end]
    if kind is tuple or kind is list:
        return [_plain(v) for v in value]
    if dataclasses.is_dataclass(kind):
        return {name: _plain(getattr(value, name)) for name in _field_names(kind)}
    return to_dict(value)  # dates, mappings and anything else: the shared rules


def _dumps(value: Any) -> str:
    return json.dumps(_plain(value), ensure_ascii=False, separators=(",", ":"))


def _article_from_row(row: sqlite3.Row) -> Article:
    published = row["published"]
    return Article(
        id=row["id"],
        path=row["path"],
        url=row["url"],
        outlet=row["outlet"],
        title=row["title"],
        published=datetime.fromisoformat(published) if published else None,
        language=row["language"],
        text=row["text"],
        content_hash=row["content_hash"],
        hints=json.loads(row["hints"]),
        locator=row["locator"],
        version=row["version"],
    )


def _fts_query(query: str) -> str:
    """Turn free text into a safe FTS5 query: each word a quoted term, all required.

    Raw user input would otherwise hit FTS5 syntax errors on characters like ``-`` or ``"``.
    """
    words = re.findall(r"\w+", query, flags=re.UNICODE)
    return " ".join(f'"{w}"' for w in words)


class SQLiteStore(Store):
    """The default store: a single SQLite file (``:memory:`` for throwaway use)."""

    def __init__(self, path: str | Path) -> None:
        self.url = str(path)
        if self.url != ":memory:":
            parent = Path(self.url).expanduser().resolve().parent
            if not parent.is_dir():
                raise StoreError(f"cannot create database {self.url}: folder {parent} does not exist")
        try:
            # Autocommit mode: transactions are opened explicitly by atomic().
            self._conn = sqlite3.connect(
                self.url, isolation_level=None, check_same_thread=False, timeout=30
            )
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open database {self.url}: {exc}") from exc
        self._conn.row_factory = sqlite3.Row
        self._lock = threading.RLock()
        self._depth = 0
        try:
            self._conn.execute("PRAGMA foreign_keys = ON")
            if self.url != ":memory:":
                self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise StoreError(
                f"{self.url} is not a corroborator database or is damaged ({exc})"
            ) from exc

    # -- lifecycle -------------------------------------------------------------------------
    @contextmanager
    def atomic(self) -> Iterator[None]:
        with self._lock:
            savepoint = f"sp{self._depth}"
            if self._depth == 0:
                self._conn.execute("BEGIN IMMEDIATE")
            else:
                self._conn.execute(f"SAVEPOINT {savepoint}")
            self._depth += 1
            try:
                yield
            except BaseException:
                self._depth -= 1
                if self._depth == 0:
                    self._conn.execute("ROLLBACK")
                else:
                    self._conn.execute(f"ROLLBACK TO {savepoint}")
                    self._conn.execute(f"RELEASE {savepoint}")
                raise
            else:
                self._depth -= 1
                if self._depth == 0:
                    self._conn.execute("COMMIT")
                else:
                    self._conn.execute(f"RELEASE {savepoint}")

    def close(self) -> None:
        self._conn.close()

    def schema_version(self) -> int:
        row = self._conn.execute("SELECT max(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)

    def _migrate(self, migrations: Sequence[Migration] = MIGRATIONS) -> None:
        self._conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        current = self.schema_version()
        latest = migrations[-1].version if migrations else 0
        if current > latest:
            raise MigrationError(
                f"{self.url} has schema version {current}, newer than this corroborator "
                f"understands ({latest}); upgrade corroborator or use another --db file"
            )
        for migration in migrations:
            if migration.version <= current:
                continue
            try:
                with self.atomic():
                    for statement in migration.statements:
                        self._conn.execute(statement)
                    self._conn.execute(
                        "INSERT INTO schema_migrations VALUES (?, ?, ?)",
                        (migration.version, migration.name, _now()),
                    )
            except sqlite3.Error as exc:
                raise MigrationError(
                    f"migration {migration.version} ({migration.name}) failed on {self.url}: {exc}"
                ) from exc

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    def _resolve_id(self, table: str, ident: str) -> str:
        rows = self._query(
            f"SELECT id FROM {table} WHERE id = ? OR id LIKE ? LIMIT 2", (ident, ident + "%")
        )
        exact = [r["id"] for r in rows if r["id"] == ident]
        if exact:
            return exact[0]
        if len(rows) == 1:
            return str(rows[0]["id"])
        what = {"articles": "article", "stories": "story"}.get(table, table)
        if not rows:
            raise NotFound(f"no {what} with id {ident!r}")
        raise NotFound(f"{what} id prefix {ident!r} is ambiguous; give more characters")

    # -- articles ----------------------------------------------------------------------------
    def add_article(self, article: Article) -> tuple[AddOutcome, Article]:
        with self.atomic():
            existing = self._query("SELECT id FROM articles WHERE id = ?", (article.id,))
            if existing:
                return AddOutcome.DUPLICATE, self.get_article(article.id)
            outcome = AddOutcome.ADDED
            version = 1
            if article.url:
                previous = self._query(
                    "SELECT id, version, content_hash, text FROM articles "
                    "WHERE url = ? AND superseded_by IS NULL",
                    (article.url,),
                )
                if previous:
                    prior = previous[0]
                    if prior["content_hash"] == article.content_hash or _same_words(
                            prior["text"], article.text):
                        return AddOutcome.DUPLICATE, self.get_article(prior["id"])
                    version = int(prior["version"]) + 1
                    outcome = AddOutcome.NEW_VERSION
            stored = Article(
                id=article.id,
                path=article.path,
                url=article.url,
                outlet=article.outlet,
                title=article.title,
                published=article.published,
                language=article.language,
                text=article.text,
                content_hash=article.content_hash,
                hints=article.hints,
                locator=article.locator,
                version=version,
            )
            self._conn.execute(
                f"INSERT INTO articles ({_ARTICLE_COLUMNS}, ingested_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    stored.id,
                    stored.path,
                    stored.locator,
                    stored.url,
                    stored.outlet,
                    stored.title,
                    stored.published.isoformat() if stored.published else None,
                    stored.language,
                    stored.text,
                    stored.content_hash,
                    _dumps(stored.hints),
                    stored.version,
                    _now(),
                ),
            )
            if outcome is AddOutcome.NEW_VERSION:
                self._conn.execute(
                    "UPDATE articles SET superseded_by = ? WHERE id = ?",
                    (stored.id, previous[0]["id"]),
                )
            return outcome, stored

    def get_article(self, article_id: str) -> Article:
        resolved = self._resolve_id("articles", article_id)
        rows = self._query(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?", (resolved,))
        return _article_from_row(rows[0])

    def articles(
        self, *, latest_only: bool = True, limit: int | None = None, offset: int = 0
    ) -> list[Article]:
        where = "WHERE superseded_by IS NULL" if latest_only else ""
        rows = self._query(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles {where} ORDER BY rowid LIMIT ? OFFSET ?",
            (-1 if limit is None else limit, offset),
        )
        return [_article_from_row(r) for r in rows]

    def article_count(self, *, latest_only: bool = True) -> int:
        where = "WHERE superseded_by IS NULL" if latest_only else ""
        return int(self._query(f"SELECT count(*) FROM articles {where}")[0][0])

    def versions(self, article_id: str) -> list[Article]:
        article = self.get_article(article_id)
        if not article.url:
            return [article]
        rows = self._query(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE url = ? ORDER BY version",
            (article.url,),
        )
        return [_article_from_row(r) for r in rows]

    # -- rejected inputs --------------------------------------------------------------------
    def record_rejection(self, rejection: Rejection) -> None:
        with self.atomic():
            self._conn.execute(
                "INSERT OR IGNORE INTO rejections (path, locator, reason, at) VALUES (?, ?, ?, ?)",
                (rejection.path, rejection.locator or "", rejection.reason, _now()),
            )

    def rejections(self) -> list[Rejection]:
        rows = self._query("SELECT path, locator, reason FROM rejections ORDER BY id")
        return [Rejection(r["path"], r["reason"], r["locator"] or None) for r in rows]

    # -- search ------------------------------------------------------------------------------
    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        match = _fts_query(query)
        if not match:
            return []
        article_rows = self._query(
            "SELECT a.id, a.title, a.outlet, "
            "snippet(articles_fts, 1, '[', ']', ' … ', 12) AS snip, bm25(articles_fts) AS rank "
            "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            "WHERE articles_fts MATCH ? AND a.superseded_by IS NULL ORDER BY rank LIMIT ?",
            (match, limit),
        )
        claim_rows = self._query(
            "SELECT c.id, c.article_id, a.title, a.outlet, "
            "snippet(claims_fts, 1, '[', ']', ' … ', 12) AS snip, bm25(claims_fts) AS rank "
            "FROM claims_fts JOIN claims c ON c.rowid = claims_fts.rowid "
            "JOIN articles a ON a.id = c.article_id "
            "WHERE claims_fts MATCH ? AND a.superseded_by IS NULL ORDER BY rank LIMIT ?",
            (match, limit),
        )
        hits = [
            SearchHit("article", r["id"], None, r["title"], r["outlet"], r["snip"], r["rank"])
            for r in article_rows
        ] + [
            SearchHit("claim", r["article_id"], r["id"], r["title"], r["outlet"], r["snip"],
                      r["rank"])
            for r in claim_rows
        ]
        hits.sort(key=lambda h: h.rank)
        return hits[:limit]

    # -- per-article analysis ------------------------------------------------------------
    def save_analyses(self, analyses: Iterable[StoredAnalysis]) -> None:
        with self.atomic():
            for analysis in analyses:
                self._conn.execute("DELETE FROM claims WHERE article_id = ?", (analysis.article_id,))
                self._conn.execute(
                    "INSERT OR REPLACE INTO analyses VALUES (?, ?, ?, ?, ?)",
                    (
                        analysis.article_id,
                        _dumps(analysis.quantities),
                        _dumps(analysis.dates),
                        analysis.error,
                        _now(),
                    ),
                )
                text = self._query(
                    "SELECT text FROM articles WHERE id = ?", (analysis.article_id,)
                )[0]["text"]
                self._conn.executemany(
                    "INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [
                        (
                            claim.id,
                            claim.article_id,
                            ordinal,
                            claim.speaker,
                            claim.stance,
                            claim.content_span.of(text),
                            _dumps(claim),
                        )
                        for ordinal, claim in enumerate(analysis.claims)
                    ],
                )

    def analysis(self, article_id: str) -> StoredAnalysis | None:
        rows = self._query("SELECT * FROM analyses WHERE article_id = ?", (article_id,))
        if not rows:
            return None
        row = rows[0]
        return StoredAnalysis(
            article_id=article_id,
            claims=tuple(self.claims([article_id])),
            quantities=tuple(from_dict(Quantity, q) for q in json.loads(row["quantities"])),
            dates=tuple(from_dict(DateMention, d) for d in json.loads(row["dates"])),
            error=row["error"],
        )

    def analysed_ids(self) -> set[str]:
        return {r[0] for r in self._query("SELECT article_id FROM analyses")}

    def claims(self, article_ids: Sequence[str] | None = None) -> list[Claim]:
        if article_ids is None:
            rows = self._query("SELECT data FROM claims ORDER BY article_id, ordinal")
        else:
            rows = []
            ids = list(article_ids)
            for start in range(0, len(ids), 500):  # stay under SQLite's variable limit
                chunk = ids[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows += self._query(
                    f"SELECT data FROM claims WHERE article_id IN ({marks}) "
                    "ORDER BY article_id, ordinal",
                    chunk,
                )
        return [from_dict(Claim, json.loads(r["data"])) for r in rows]

    # -- cross-article results -------------------------------------------------------------
    def replace_derivations(self, derivations: Iterable[Derivation]) -> None:
        with self.atomic():
            self._conn.execute("DELETE FROM derivations")
            self._conn.executemany(
                "INSERT OR REPLACE INTO derivations VALUES (?, ?, ?, ?, ?)",
                [(d.article_id, d.source_id, d.relation, d.score, _dumps(d)) for d in derivations],
            )

    def derivations(self) -> list[Derivation]:
        rows = self._query("SELECT data FROM derivations ORDER BY rowid")
        return [from_dict(Derivation, json.loads(r["data"])) for r in rows]

    def replace_stories(self, stories: Iterable[Story]) -> None:
        with self.atomic():
            self._conn.execute("DELETE FROM story_articles")
            self._conn.execute("DELETE FROM stories")
            for ordinal, story in enumerate(stories):
                self._conn.execute(
                    "INSERT INTO stories (id, title, summary, ordinal, data) VALUES (?, ?, ?, ?, ?)",
                    (story.id, story.title, story.summary, ordinal, _dumps(story)),
                )
                self._conn.executemany(
                    "INSERT OR IGNORE INTO story_articles VALUES (?, ?, ?)",
                    [(story.id, a, i) for i, a in enumerate(story.article_ids)],
                )
            # A story merged into another takes its comparison with it.
            for table in ("propositions", "conflicts"):
                self._conn.execute(
                    f"DELETE FROM {table} WHERE story_id NOT IN (SELECT id FROM stories)")

    def _story_from_row(self, row: sqlite3.Row) -> Story:
        if row["data"]:
            return from_dict(Story, json.loads(row["data"]))
        # Written before migration 4: rebuild from the membership table.
        members = self._query(
            "SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY ordinal",
            (row["id"],),
        )
        return Story(row["id"], row["title"], tuple(m[0] for m in members), row["summary"])

    def stories(self) -> list[Story]:
        rows = self._query("SELECT id, title, summary, data FROM stories ORDER BY ordinal")
        return [self._story_from_row(r) for r in rows]

    def get_story(self, story_id: str) -> Story:
        resolved = self._resolve_id("stories", story_id)
        rows = self._query("SELECT id, title, summary, data FROM stories WHERE id = ?",
                           (resolved,))
        return self._story_from_row(rows[0])

    def replace_comparison(
        self, story_id: str, propositions: Iterable[Proposition], conflicts: Iterable[Conflict]
    ) -> None:
        with self.atomic():
            self._conn.execute("DELETE FROM propositions WHERE story_id = ?", (story_id,))
            self._conn.execute("DELETE FROM conflicts WHERE story_id = ?", (story_id,))
            self._conn.executemany(
                "INSERT INTO propositions VALUES (?, ?, ?, ?, ?)",
                [(p.id, story_id, i, p.status, _dumps(p)) for i, p in enumerate(propositions)],
            )
            self._conn.executemany(
                "INSERT INTO conflicts (story_id, kind, data) VALUES (?, ?, ?)",
                [(story_id, c.kind, _dumps(c)) for c in conflicts],
            )

    def propositions(self, story_id: str | None = None) -> list[Proposition]:
        if story_id is None:
            rows = self._query("SELECT data FROM propositions ORDER BY story_id, ordinal")
        else:
            rows = self._query(
                "SELECT data FROM propositions WHERE story_id = ? ORDER BY ordinal", (story_id,)
            )
        return [from_dict(Proposition, json.loads(r["data"])) for r in rows]

    def conflicts(self, story_id: str | None = None) -> list[Conflict]:
        if story_id is None:
            rows = self._query("SELECT data FROM conflicts ORDER BY id")
        else:
            rows = self._query(
                "SELECT data FROM conflicts WHERE story_id = ? ORDER BY id", (story_id,)
            )
        return [from_dict(Conflict, json.loads(r["data"])) for r in rows]

    # -- stage state -------------------------------------------------------------------------
    def put_state(self, key: str, value: Any) -> None:
        with self.atomic():
            self._conn.execute(
                "INSERT OR REPLACE INTO stage_state VALUES (?, ?)", (key, json.dumps(value))
            )

    def get_state(self, key: str) -> Any | None:
        rows = self._query("SELECT value FROM stage_state WHERE key = ?", (key,))
        return json.loads(rows[0]["value"]) if rows else None

    def sentence_vectors(self, keys: Sequence[bytes]) -> dict[bytes, bytes]:
        found: dict[bytes, bytes] = {}
        unique = list(dict.fromkeys(keys))
        # SQLite caps the number of bound parameters per statement.
        for start in range(0, len(unique), 500):
            part = unique[start : start + 500]
            rows = self._query(
                f"SELECT key, vector FROM sentence_vectors WHERE key IN "
                f"({', '.join('?' * len(part))})", tuple(part))
            found.update((bytes(r["key"]), bytes(r["vector"])) for r in rows)
        return found

    def put_sentence_vectors(self, items: Iterable[tuple[bytes, bytes]]) -> None:
        with self.atomic():
            self._conn.executemany("INSERT OR IGNORE INTO sentence_vectors VALUES (?, ?)",
                                   list(items))
