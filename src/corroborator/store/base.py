"""The store interface every backend implements, and the factory that picks one.

Callers only see :class:`Store`. A backend is chosen from the URL: a file path or
``sqlite:///path`` gives SQLite; ``postgresql://...`` is reserved for the server backend
(a later addition behind this same interface). Records go in and come out; rows never leak.
"""

from __future__ import annotations

import abc
import enum
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

from ..errors import ConfigError
from ..records import (
    Article,
    Claim,
    Conflict,
    DateMention,
    Derivation,
    Proposition,
    Quantity,
    Rejection,
    Story,
)


class AddOutcome(enum.Enum):
    """What :meth:`Store.add_article` did."""

    ADDED = "added"
    DUPLICATE = "duplicate"  # the same content was already stored: nothing changed
    NEW_VERSION = "new-version"  # same URL, new content: stored as a new version


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A full-text match: an article, or a claim inside one."""

    kind: str  # "article" or "claim"
    article_id: str
    claim_id: str | None
    title: str | None
    outlet: str | None
    snippet: str
    rank: float


@dataclass(frozen=True, slots=True)
class StoredAnalysis:
    """The per-article NLP output as stored."""

    article_id: str
    claims: tuple[Claim, ...]
    quantities: tuple[Quantity, ...]
    dates: tuple[DateMention, ...]
    error: str | None


class Store(abc.ABC):
    """Persistent home of every record. Each stage's writes happen in one transaction."""

    url: str

    # -- lifecycle -------------------------------------------------------------------------
    @abc.abstractmethod
    def atomic(self) -> AbstractContextManager[None]:
        """A transaction; nested calls become savepoints. Rolls back on any exception."""

    @abc.abstractmethod
    def close(self) -> None: ...

    @abc.abstractmethod
    def schema_version(self) -> int: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- articles ----------------------------------------------------------------------------
    @abc.abstractmethod
    def add_article(self, article: Article) -> tuple[AddOutcome, Article]:
        """Store ``article`` unless its content is already there; returns what was stored."""

    @abc.abstractmethod
    def get_article(self, article_id: str) -> Article:
        """The article with this id (a unique id prefix is accepted); raises NotFound."""

    @abc.abstractmethod
    def articles(
        self, *, latest_only: bool = True, limit: int | None = None, offset: int = 0
    ) -> list[Article]:
        """Articles in ingestion order; ``latest_only`` hides superseded versions."""

    @abc.abstractmethod
    def article_count(self, *, latest_only: bool = True) -> int: ...

    @abc.abstractmethod
    def versions(self, article_id: str) -> list[Article]:
        """Every stored version of the article's URL, oldest first."""

    # -- rejected inputs --------------------------------------------------------------------
    @abc.abstractmethod
    def record_rejection(self, rejection: Rejection) -> None: ...

    @abc.abstractmethod
    def rejections(self) -> list[Rejection]: ...

    # -- search ------------------------------------------------------------------------------
    @abc.abstractmethod
    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Full-text search over article titles, texts and claims."""

    # -- per-article analysis ------------------------------------------------------------
    @abc.abstractmethod
    def save_analyses(self, analyses: Iterable[StoredAnalysis]) -> None:
        """Replace the stored analysis of each article given."""

    @abc.abstractmethod
    def analysis(self, article_id: str) -> StoredAnalysis | None: ...

    @abc.abstractmethod
    def analysed_ids(self) -> set[str]: ...

    @abc.abstractmethod
    def claims(self, article_ids: Sequence[str] | None = None) -> list[Claim]: ...

    # -- cross-article results -------------------------------------------------------------
    @abc.abstractmethod
    def replace_derivations(self, derivations: Iterable[Derivation]) -> None: ...

    @abc.abstractmethod
    def derivations(self) -> list[Derivation]: ...

    @abc.abstractmethod
    def replace_stories(self, stories: Iterable[Story]) -> None: ...

    @abc.abstractmethod
    def stories(self) -> list[Story]: ...

    @abc.abstractmethod
    def get_story(self, story_id: str) -> Story:
        """The story with this id (a unique prefix is accepted); raises NotFound."""

    @abc.abstractmethod
    def replace_comparison(
        self, story_id: str, propositions: Iterable[Proposition], conflicts: Iterable[Conflict]
    ) -> None: ...

    @abc.abstractmethod
    def propositions(self, story_id: str | None = None) -> list[Proposition]: ...

    @abc.abstractmethod
    def conflicts(self, story_id: str | None = None) -> list[Conflict]: ...

    # -- stage state (e.g. the online clusterer's centroids) ----------------------------
    @abc.abstractmethod
    def put_state(self, key: str, value: Any) -> None: ...

    @abc.abstractmethod
    def get_state(self, key: str) -> Any | None: ...

    # -- sentence vectors (a cache: a store without them just embeds again) -------------
    def sentence_vectors(self, keys: Sequence[bytes]) -> dict[bytes, bytes]:
        """Stored vectors (raw float32 bytes) of the ``keys`` that have one."""
        return {}

    def put_sentence_vectors(self, items: Iterable[tuple[bytes, bytes]]) -> None:
        """Keep ``(key, float32 bytes)`` pairs; keys already stored keep their vector."""
        return None  # a store that keeps none: the next run embeds again

    def iter_articles(self, batch: int = 500) -> Iterator[Article]:
        offset = 0
        while True:
            chunk = self.articles(limit=batch, offset=offset)
            if not chunk:
                return
            yield from chunk
            offset += len(chunk)


def open_store(url: str) -> Store:
    """Open (creating and migrating if needed) the store at ``url``."""
    if url.startswith(("postgresql://", "postgres://")):
        raise ConfigError(
            f"store url {url!r}: the PostgreSQL backend is not available in this version; "
            "use a SQLite file path (e.g. corroborator.db)."
        )
    path = url.removeprefix("sqlite:///").removeprefix("sqlite://")
    if "://" in path:
        raise ConfigError(
            f"store url {url!r} has an unknown scheme; expected a file path, sqlite:///PATH "
            "or postgresql://..."
        )
    from .sqlite import SQLiteStore

    return SQLiteStore(path)
