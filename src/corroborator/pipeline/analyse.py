"""Analyse stage: stored articles → stored claims, quantities and dates (one transaction).

With several processes, each forked worker parses *and* analyses a chunk of articles and
sends back only the small records (:func:`corroborator.nlp.analyze.analyze_articles`). The
records are written as they arrive, inside the stage's one transaction, so the writes overlap
the parsing instead of following it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..nlp.analyze import ArticleAnalysis, analyze_articles
from ..records import Article
from ..settings import Settings
from ..store import Store
from ..store.base import StoredAnalysis
from .settings import for_batch

# Analyses written per store call: one statement batch each, bounded memory.
WRITE_BATCH = 64


@dataclass
class AnalyseReport:
    analysed: int = 0
    claims: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (article id, error)


def stored(analysis: ArticleAnalysis) -> StoredAnalysis:
    return StoredAnalysis(analysis.article_id, analysis.claims, analysis.quantities,
                          analysis.dates, analysis.error)


def analyse_store(
    store: Store,
    settings: Settings,
    *,
    force: bool = False,
    progress: Callable[..., None] | None = None,
    articles: Sequence[Article] | None = None,
) -> AnalyseReport:
    """Analyse every stored article not analysed yet (all of them with ``force``).

    ``articles`` saves reading the store again when the caller already holds them.
    """
    done = set() if force else store.analysed_ids()
    todo = [a for a in (store.articles() if articles is None else articles) if a.id not in done]
    report = AnalyseReport()
    if not todo:  # nothing new: do not load the parser just to parse nothing
        return report
    settings = for_batch(settings, len(todo))
    batch: list[StoredAnalysis] = []
    with store.atomic():
        for analysis in analyze_articles(todo, settings):
            batch.append(stored(analysis))
            report.analysed += 1
            report.claims += len(analysis.claims)
            if analysis.error:
                report.errors.append((analysis.article_id, analysis.error))
            if len(batch) >= WRITE_BATCH:
                store.save_analyses(batch)
                batch = []
            if progress is not None:
                progress()
        store.save_analyses(batch)
    return report
