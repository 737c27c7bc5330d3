"""Derivation edges between articles: copies, near-copies, rewrites, partial copies."""

from __future__ import annotations

from dataclasses import dataclass

RELATIONS = ("copy", "near-copy", "rewrite", "partial")
CHANGE_KINDS = ("figure", "quote-changed", "quote-added", "quote-dropped", "negation",
                "sentence-added", "sentence-dropped", "entity")


@dataclass(frozen=True, slots=True)
class Change:
    """One difference along a derivation edge, e.g. a figure that changed.

    ``before`` is the text in the source article, ``after`` in the derived one (either may
    be ``None`` for added/dropped material); ``source_sentence``/``article_sentence`` are the
    ``[start, end)`` offsets of the sentences involved.
    """

    kind: str
    before: str | None
    after: str | None
    source_sentence: tuple[int, int] | None = None
    article_sentence: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Derivation:
    """``article_id`` copies or rewrites ``source_id`` (the earlier article)."""

    article_id: str
    source_id: str
    relation: str
    score: float
    changes: tuple[Change, ...] = ()
    direction_from: str = "published"  # published, containment, hint

    def __post_init__(self) -> None:
        if self.relation not in RELATIONS:
            raise ValueError(f"relation {self.relation!r} is not one of {RELATIONS}")
