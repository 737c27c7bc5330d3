"""Ingest stage: inputs → stored articles, with every rejection recorded and reported."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO

from ..extract import build_article
from ..ingest import database_files, iter_inputs
from ..records import Article, Rejection
from ..settings import IngestSettings, Settings
from ..store import AddOutcome, Store


@dataclass
class IngestReport:
    """What one ingest run did. ``rejected`` names every input that was not stored, and why."""

    added: list[Article] = field(default_factory=list)
    new_versions: list[Article] = field(default_factory=list)
    duplicates: list[Article] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (where, message)
    # inputs that repeat an article this same run stored (a feed's re-posted entry, the
    # same entry again in another export): (where, the article first read)
    repeats: list[tuple[str, Article]] = field(default_factory=list)

    @property
    def stored(self) -> list[Article]:
        return self.added + self.new_versions

    @property
    def seen(self) -> list[Article]:
        """Every article read in this run, stored now or before (in input order)."""
        return self.added + self.new_versions + self.duplicates

    def as_dict(self) -> dict[str, object]:
        return {
            "added": len(self.added),
            "new_versions": len(self.new_versions),
            "duplicates": len(self.duplicates),
            "rejected": [{"path": r.where, "reason": r.reason} for r in self.rejected],
            "warnings": [{"path": w, "warning": m} for w, m in self.warnings],
        }


def ingest_paths(
    store: Store,
    inputs: Sequence[str],
    settings: Settings,
    *,
    stdin: BinaryIO | None = None,
    progress: Callable[[str], None] | None = None,
) -> IngestReport:
    """Read, extract and store every input; one transaction for the whole run.

    A bad input never stops the run: it is recorded as a rejection (in the report and in the
    store) and the next input is read. Re-ingesting stored content changes nothing.
    """
    ingest_settings = settings.get(IngestSettings)
    report = IngestReport()
    with store.atomic():
        for item in iter_inputs(inputs, ingest_settings, stdin=stdin,
                                own_files=database_files(store.url)):
            if isinstance(item, Rejection):
                result: Article | Rejection = item
            else:
                result = build_article(item, ingest_settings)
            if progress is not None:
                progress(result.path or "-")
            if isinstance(result, Rejection):
                report.rejected.append(result)
                store.record_rejection(result)
                continue
            outcome, stored = store.add_article(result)
            if outcome is AddOutcome.ADDED:
                report.added.append(stored)
            elif outcome is AddOutcome.NEW_VERSION:
                report.new_versions.append(stored)
            else:
                report.duplicates.append(stored)
                if any(a.id == stored.id for a in report.stored):
                    report.repeats.append((result.where, stored))
            for warning in result.hints.get("warnings", []):
                report.warnings.append((result.where, warning))
    return report
