"""Articles and the raw inputs they come from."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any


@dataclass(frozen=True, slots=True)
class RawDocument:
    """Bytes read from one input, before extraction.

    ``path`` is the input as the user named it (or the file inside a directory they named);
    ``locator`` tells records apart inside one file ("line 3", a URL in a feed or WARC).
    ``hints`` carries metadata the container already knew (JSONL fields, feed entry fields,
    WARC target URI) so that extraction does not have to guess it again.
    """

    path: str
    data: bytes
    media_type: str
    locator: str | None = None
    hints: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that was not ingested, and why. Never silently dropped."""

    path: str
    reason: str
    locator: str | None = None

    @property
    def where(self) -> str:
        return location(self.path, self.locator)


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as stored.

    ``text`` is the main text; every span in every other record indexes into it. For a
    plain-text input it is the decoded file content unchanged. ``hints`` holds derivation
    hints from the page (``canonical_url``, ``original_source``, ``syndication_source``) and
    other extractor metadata (``author``, ``sitename``, ``warnings``).
    """

    id: str
    path: str | None
    url: str | None
    outlet: str | None
    title: str | None
    published: datetime | None
    language: str | None
    text: str
    content_hash: str
    hints: Mapping[str, Any] = field(default_factory=dict)
    locator: str | None = None
    version: int = 1

    @property
    def where(self) -> str:
        """The input and, inside a multi-article file, the record ("feed.jsonl (line 3)")."""
        return location(self.path or "-", self.locator)


def publication_key(article: Article) -> tuple[int, float, str]:
    """Sort key: publication time (naive times read as UTC), then id; undated ones last."""
    when = article.published
    if when is None:
        return (1, 0.0, article.id)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return (0, when.timestamp(), article.id)


def location(path: str, locator: str | None) -> str:
    return f"{path} ({locator})" if locator else path


def content_hash(text: str) -> str:
    """SHA-256 of the article text, the basis of content identity."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def words_spaced_alike(text: str) -> str:
    """The text with every run of whitespace one space: two copies of one article that differ
    only in spacing (a feed's entry and another tool's export of it, paragraphs one line break
    apart or two) read alike."""
    return " ".join(text.split())


def article_id(text: str, outlet: str | None, url: str | None, title: str | None) -> str:
    """Stable id: the same text from the same outlet and address is the same article.

    The outlet and URL are part of identity on purpose: a wire story syndicated verbatim by
    ten outlets is ten articles (one lineage), not one.
    """
    key = "\x1f".join([outlet or "", url or "", title or "", content_hash(text)])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
