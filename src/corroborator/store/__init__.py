"""Storage: one interface (:class:`Store`), SQLite by default, chosen by URL."""

from .base import AddOutcome, SearchHit, Store, open_store

__all__ = ["AddOutcome", "SearchHit", "Store", "open_store"]
