"""Expand the inputs a user names (files, folders, globs, ``-``) into raw documents.

Nothing here raises for a bad input: each problem becomes a :class:`Rejection` naming the
path and the reason, and the walk goes on with the next input.
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from ..records import RawDocument, Rejection
from ..settings import IngestSettings
from .containers import read_feed, read_jsonl, read_warc
from .sniff import binary_kind, media_type

ReadResult = RawDocument | Rejection

_GLOB_CHARS = set("*?[")


# What SQLite keeps beside a database file while it writes.
_DATABASE_SUFFIXES = ("", "-wal", "-shm", "-journal")


def database_files(path: str) -> frozenset[str]:
    """The real paths of a SQLite database ``path`` and its companion files."""
    if path == ":memory:":
        return frozenset()
    return frozenset(os.path.realpath(os.path.expanduser(path) + suffix)
                     for suffix in _DATABASE_SUFFIXES)


def iter_inputs(
    inputs: Sequence[str], settings: IngestSettings, stdin: BinaryIO | None = None,
    own_files: frozenset[str] = frozenset(),
) -> Iterator[ReadResult]:
    """Raw documents and rejections for every input, in a stable order.

    ``own_files`` (real paths: the database being written) are passed over inside folders
    and globs, so ``corroborator analyze .`` beside ``./corroborator.db`` does not reject
    its own database on every run; named on their own they are rejected with that reason.
    """
    limit = settings.max_file_mb * 1024 * 1024
    for given in inputs:
        if given == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read(limit + 1)
            if len(data) > limit:
                yield Rejection("-", _too_big(len(data), settings, "at least "))
            else:
                yield from read_bytes("-", data)
        elif _GLOB_CHARS & set(given) and not os.path.lexists(given):
            matches = sorted(glob.glob(given, recursive=True))
            if not matches:
                yield Rejection(given, "no file matches this pattern")
            for match in matches:
                if os.path.realpath(match) not in own_files:
                    yield from _walk(Path(match), settings, frozenset(), own_files)
        elif os.path.realpath(given) in own_files:
            yield Rejection(given, "the database this run writes to, not a news article")
        else:
            yield from _walk(Path(given), settings, frozenset(), own_files)


def _too_big(size: int, settings: IngestSettings, prefix: str = "") -> str:
    return (
        f"file is {prefix}{size / 1024 / 1024:.1f} MB, over the {settings.max_file_mb} MB limit "
        "(raise [ingest] max_file_mb to accept it)"
    )


def _walk(path: Path, settings: IngestSettings, ancestors: frozenset[str],
          own_files: frozenset[str] = frozenset()) -> Iterator[ReadResult]:
    name = str(path)
    if not os.path.lexists(path):
        yield Rejection(name, "no such file or directory")
        return
    if path.is_symlink():
        if not path.exists():
            yield Rejection(name, "broken symbolic link")
            return
        if path.is_dir() and not settings.follow_symlinks:
            return
    if path.is_dir():
        real = os.path.realpath(path)
        if real in ancestors:
            yield Rejection(name, f"symbolic link loop: {real} is already being read")
            return
        try:
            children = sorted(os.scandir(path), key=lambda entry: entry.name)
        except OSError as exc:
            yield Rejection(name, f"cannot list folder: {exc.strerror or exc}")
            return
        for child in children:
            if child.name.startswith("."):
                continue  # hidden files and folders (.git, .DS_Store) are never articles
            if os.path.realpath(child.path) in own_files:
                continue
            yield from _walk(path / child.name, settings, ancestors | {real}, own_files)
        return
    if not path.is_file():
        yield Rejection(name, "not a regular file (device, socket or pipe)")
        return
    try:
        size = path.stat().st_size
        if size > settings.max_file_mb * 1024 * 1024:
            yield Rejection(name, _too_big(size, settings))
            return
        data = path.read_bytes()
    except PermissionError:
        yield Rejection(name, "permission denied")
        return
    except OSError as exc:
        yield Rejection(name, f"cannot read file: {exc.strerror or exc}")
        return
    yield from read_bytes(name, data)


def read_bytes(path: str, data: bytes) -> Iterator[ReadResult]:
    """Raw documents (or rejections) from the content of one input."""
    if not data.strip():
        yield Rejection(path, "empty file" if not data else "file contains only whitespace")
        return
    kind = media_type(path, data[:4096])
    if kind == "application/warc":
        yield from read_warc(path, data)
        return
    if kind == "application/gzip":
        yield Rejection(path, "gzip-compressed file that is not a WARC; decompress it first")
        return
    binary = binary_kind(data[:8192])
    if binary:
        yield Rejection(path, f"{binary}, not a news article")
        return
    if kind in ("application/rss+xml", "application/atom+xml"):
        yield from read_feed(path, data)
    elif kind == "application/jsonl":
        yield from read_jsonl(path, data)
    elif kind == "application/xml":
        yield Rejection(path, "XML file that is neither an RSS nor an Atom feed")
    else:
        yield RawDocument(path=path, data=data, media_type=kind)
