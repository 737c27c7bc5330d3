"""Files that hold many articles: JSON Lines, RSS/Atom feeds and WARC crawls.

A damaged record rejects that record only (with its line number or position); the other
records of the file are still read.
"""

from __future__ import annotations

import io
import json
import logging
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from ..records import RawDocument, Rejection
from .decoding import decode

log = logging.getLogger(__name__)

ReadResult = RawDocument | Rejection

JSONL_FIELDS = ("text", "title", "url", "outlet", "published", "author", "language")


def read_jsonl(path: str, data: bytes) -> Iterator[ReadResult]:
    """One article per line with the fields ``text``, ``title``, ``url``, ``outlet``, ``published``."""
    for number, raw_line in enumerate(data.splitlines(), start=1):
        if not raw_line.strip():
            continue
        where = f"line {number}"
        decoded = decode(raw_line)
        try:
            record = json.loads(decoded.text)
        except json.JSONDecodeError as exc:
            yield Rejection(path, f"invalid JSON ({exc.msg} at column {exc.colno})", where)
            continue
        if not isinstance(record, dict):
            yield Rejection(path, f"expected a JSON object, got {type(record).__name__}",
                            where)
            continue
        text = record.get("text")
        html = record.get("html")
        if isinstance(text, str) and text.strip():
            body, media_type = text, "text/plain"
        elif isinstance(html, str) and html:
            body, media_type = html, "text/html"
        else:
            yield Rejection(path, "no 'text' field with article text", where)
            continue
        hints: dict[str, Any] = {
            key: record[key] for key in JSONL_FIELDS[1:] if isinstance(record.get(key), str)
        }
        if decoded.warning:
            hints["warnings"] = [decoded.warning]
        yield RawDocument(path, body.encode("utf-8"), media_type, where, hints)


def _entry_time(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return datetime(*parsed[:6]).replace(tzinfo=UTC).isoformat()


def _local_page(feed_path: str, link: str) -> Path | None:
    """The local file a feed entry links to, if it is one (file:// or a relative path)."""
    parsed = urlparse(link)
    if parsed.scheme == "file":
        candidate = Path(unquote(parsed.path))
    elif not parsed.scheme and not parsed.netloc and feed_path != "-":
        candidate = Path(feed_path).parent / unquote(parsed.path)
    else:
        return None
    return candidate if candidate.is_file() else None


# "Norvan Press Agency - Politics", "Harbor News | World", "Ledger: Top stories": a feed's
# title names the outlet, then the section the feed carries
_FEED_SECTION = re.compile(r"^(?P<outlet>.+?)(?:\s+[-|–—]|:)\s+(?P<section>[^-|–—:]+)$")
# the most words a section's name has ("Top stories", "UK politics and policy")
_SECTION_WORDS = 4


def feed_outlet(title: str | None) -> str | None:
    """The outlet a feed's title names, without the section the feed carries ("Norvan
    Press Agency - Politics" is Norvan Press Agency's, as the agency's pages say): the
    outlet's reports from its site and its feed are then one outlet's word."""
    if not title or not title.strip():
        return None
    title = title.strip()
    found = _FEED_SECTION.match(title)
    if found is None or len(found.group("section").split()) > _SECTION_WORDS:
        return title
    return found.group("outlet").strip()


def read_feed(path: str, data: bytes) -> Iterator[ReadResult]:
    """Entries of an RSS or Atom feed: their full content, or the linked page when local."""
    import feedparser

    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        reason = getattr(feed, "bozo_exception", "unknown error")
        yield Rejection(path, f"malformed feed: {reason}")
        return
    if not feed.entries:
        yield Rejection(path, "feed has no entries")
        return
    if feed.bozo:
        log.warning("%s: feed is not well-formed (%s); read what could be parsed", path,
                    getattr(feed, "bozo_exception", ""))
    outlet = feed_outlet(feed.feed.get("title"))
    for number, entry in enumerate(feed.entries, start=1):
        link = entry.get("link")
        where = link or f"entry {number}"
        hints: dict[str, Any] = {
            "title": entry.get("title"),
            "url": link,
            "outlet": outlet,
            "published": _entry_time(entry),
            "author": entry.get("author"),
        }
        hints = {k: v for k, v in hints.items() if v}
        page = _local_page(path, link) if link else None
        if page is not None:
            hints.pop("url", None)  # a file path is not the article's address
            yield RawDocument(path, page.read_bytes(), "text/html", where, hints)
            continue
        contents = entry.get("content") or []
        body = contents[0].get("value") if contents else entry.get("summary")
        if not body or not body.strip():
            yield Rejection(path, f"entry {number} has no content and no local page", where)
            continue
        yield RawDocument(path, body.encode("utf-8"), "text/html-fragment", where, hints)


def read_warc(path: str, data: bytes) -> Iterator[ReadResult]:
    """HTML responses of a WARC (ISO 28500) file; other records are skipped."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    stream = io.BytesIO(data)
    count = pages = 0
    try:
        for record in ArchiveIterator(stream):
            count += 1
            if record.rec_type != "response":
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or f"record {count}"
            http = record.http_headers
            content_type = (http.get_header("Content-Type") if http else None) or ""
            if "html" not in content_type.lower():
                log.debug("%s: skipped %s record %s", path, content_type or "untyped", uri)
                continue
            status = http.get_statuscode() if http else "200"
            if status and not str(status).startswith("2"):
                yield Rejection(path, f"HTTP status {status} for {uri}", uri)
                continue
            pages += 1
            body = record.content_stream().read()
            # A truncated gzip member decompresses to a prefix of the page without any error;
            # only the bytes still owed to the declared Content-Length reveal the cut.
            missing = getattr(record.raw_stream, "limit", 0)
            if missing:
                yield Rejection(path, f"truncated WARC record for {uri}: {missing} bytes "
                                "missing", uri)
                continue
            hints = {"url": uri}
            yield RawDocument(path, body, "text/html", uri, hints)
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
        yield Rejection(
            path,
            f"truncated or damaged WARC after {count} record(s): {exc}".strip(),
            f"record {count + 1}",
        )
    if count == 0:
        yield Rejection(path, "WARC file contains no records")
    elif pages == 0:
        yield Rejection(path, f"WARC file holds no HTML responses ({count} other record(s))")
