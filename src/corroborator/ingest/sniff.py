"""Decide what kind of input some bytes are, without trusting the file name alone."""

from __future__ import annotations

from pathlib import PurePath

# Signatures of common non-text files, so they are rejected by name rather than decoded to
# garbage. Gzip is absent on purpose: a .warc.gz is gzip and is a valid input.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or office document)"),
    (b"\x7fELF", "executable program"),
    (b"RIFF", "RIFF media file"),
    (b"\x00\x00\x01\x00", "icon image"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"SQLite format 3\x00", "SQLite database"),
)

_EXTENSIONS = {
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/plain",
    ".html": "text/html",
    ".htm": "text/html",
    ".xhtml": "text/html",
    ".jsonl": "application/jsonl",
    ".ndjson": "application/jsonl",
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".xml": "application/xml",
    ".warc": "application/warc",
}


def binary_kind(head: bytes) -> str | None:
    """A description of the binary format ``head`` starts with, or ``None`` for text."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16 with a byte-order mark: text with NUL bytes by design
    sample = head[:8192]
    if not sample:
        return None
    if b"\x00" in sample:
        return "binary data (contains NUL bytes)"
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    if controls / len(sample) > 0.05:
        return "binary data (mostly control characters)"
    return None


def media_type(path: str, head: bytes) -> str:
    """The media type to read ``path`` as: from its content first, then its extension."""
    name = PurePath(path).name.lower()
    if name.endswith((".warc.gz", ".warc")) or head.startswith(b"WARC/"):
        return "application/warc"
    if head.startswith(b"\x1f\x8b"):
        return "application/gzip"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1024].lower()
    if b"<rss" in start or b"<rdf:rdf" in start:
        return "application/rss+xml"
    if b"<feed" in start:
        return "application/atom+xml"
    if start.startswith((b"<!doctype html", b"<html")):
        return "text/html"
    by_name = _EXTENSIONS.get(PurePath(name).suffix)
    if by_name:
        return by_name
    if start.startswith(b"{"):
        return "application/jsonl"
    return "text/plain"
