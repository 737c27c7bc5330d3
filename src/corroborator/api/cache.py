"""A read cache in front of the store for the tables every page reads in full.

The store can only return all derivations and all stories at once, and rebuilding them is
most of a story page's cost with 1,000 stories. They are kept between requests while the
database files are unchanged: any commit, from this server or another process (a CLI
``ingest`` running next to ``serve``), appends to the SQLite write-ahead log or rewrites the
database file, which changes their size or modification time. A time limit bounds staleness
in the rare case where two commits land within one filesystem timestamp tick and leave the
log the same size.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from ..records import Derivation, Story
from ..store import Store

T = TypeVar("T")


def _files(url: str) -> tuple[Path, ...] | None:
    if url == ":memory:" or "://" in url.removeprefix("sqlite:///"):
        return None
    path = Path(url.removeprefix("sqlite:///"))
    return (path, Path(str(path) + "-wal"))


class CachedStore:
    """The store, with ``derivations()``, ``stories()`` and named results cached.

    Everything else is passed through. ``max_age`` 0 turns caching off.
    """

    def __init__(self, store: Store, max_age: float) -> None:
        self._store = store
        self._files = _files(store.url) if max_age > 0 else None
        self._max_age = max_age
        self._entries: dict[str, tuple[Any, float, Any]] = {}
        self._lock = threading.Lock()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def _fingerprint(self) -> Any:
        if self._files is None:
            return None
        stamp: list[tuple[int, int, int] | None] = []
        for path in self._files:
            try:
                info = os.stat(path)
            except FileNotFoundError:
                stamp.append(None)
                continue
            stamp.append((info.st_mtime_ns, info.st_size, info.st_ino))
        return tuple(stamp)

    def cached(self, name: str, compute: Callable[[], T]) -> T:
        key = self._fingerprint()
        if key is None:
            return compute()
        now = time.monotonic()
        with self._lock:
            entry = self._entries.get(name)
        if entry is not None and entry[0] == key and now - entry[1] < self._max_age:
            return entry[2]  # type: ignore[no-any-return]
        value = compute()
        with self._lock:
            self._entries[name] = (key, now, value)
        return value

    def invalidate(self) -> None:
        with self._lock:
            self._entries.clear()

    def derivations(self) -> list[Derivation]:
        return list(self.cached("derivations", self._store.derivations))

    def stories(self) -> list[Story]:
        return list(self.cached("stories", self._store.stories))
