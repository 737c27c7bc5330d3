"""Stories, the propositions aligned inside them and the conflicts between claims."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

PROPOSITION_STATUSES = ("corroborated", "single-source", "conflicting")
CONFLICT_KINDS = ("misreport", "source-disagreement", "update", "quote-variant")


@dataclass(frozen=True, slots=True)
class Story:
    """Articles about one real-world event."""

    id: str
    title: str | None
    article_ids: tuple[str, ...]
    summary: str | None = None
    # Added by the stories stage (optional, so older readers and rows still build a Story):
    # outlets by number of articles, and the publication date range when dates are known.
    outlets: tuple[str, ...] = ()
    first_published: datetime | None = None
    last_published: datetime | None = None


@dataclass(frozen=True, slots=True)
class Proposition:
    """Claims from several articles that report the same thing."""

    id: str
    story_id: str
    claim_ids: tuple[str, ...]
    status: str
    independent_sources: int

    def __post_init__(self) -> None:
        if self.status not in PROPOSITION_STATUSES:
            raise ValueError(f"status {self.status!r} is not one of {PROPOSITION_STATUSES}")


@dataclass(frozen=True, slots=True)
class Conflict:
    """Claims that disagree, the kind of disagreement and a sentence a reader understands."""

    kind: str
    claim_ids: tuple[str, ...]
    explanation: str
    story_id: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in CONFLICT_KINDS:
            raise ValueError(f"conflict kind {self.kind!r} is not one of {CONFLICT_KINDS}")
