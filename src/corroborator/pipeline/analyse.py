"""Analyse stage: stored articles → stored claims, quantities and dates (one transaction).

With several processes, each worker parses *and* analyses a chunk of articles and sends
back only the small records. spaCy's own ``n_process`` would ship every parsed ``Doc`` back to
this process and leave the claim extraction (about a third of the cost) on one core.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from ..nlp.analyze import ArticleAnalysis, analyze_articles
from ..records import Article
from ..settings import NlpSettings, Settings
from ..store import Store
from ..store.base import StoredAnalysis
from .settings import analyse_processes
from .workers import can_fork, forked_map

# Articles per task handed to a worker: large enough that a task's overhead is small, small
# enough that both workers stay busy to the end and progress moves.
CHUNK = 24


@dataclass
class AnalyseReport:
    analysed: int = 0
    claims: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (article id, error)


def stored(analysis: ArticleAnalysis) -> StoredAnalysis:
    return StoredAnalysis(analysis.article_id, analysis.claims, analysis.quantities,
                          analysis.dates, analysis.error)


def _analyse_chunk(chunk: list[Article], settings: Settings) -> list[ArticleAnalysis]:
    return list(analyze_articles(chunk, settings))


def _pooled(todo: Sequence[Article], settings: Settings,
            processes: int) -> Iterator[ArticleAnalysis]:
    """``analyze_articles`` over ``processes`` forked workers, results in input order."""
    single = settings.with_overrides({"nlp": {"n_process": 1}})
    chunks = [list(todo[i : i + CHUNK]) for i in range(0, len(todo), CHUNK)]
    for results in forked_map(_analyse_chunk, chunks, processes, single):
        yield from results


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
    results = []
    processes = analyse_processes(settings, len(todo))
    if processes > 1 and can_fork():
        analyses: Iterator[ArticleAnalysis] = _pooled(todo, settings, processes)
    else:
        if processes != settings.get(NlpSettings).n_process:
            settings = settings.with_overrides({"nlp": {"n_process": processes}})
        analyses = analyze_articles(todo, settings)
    for analysis in analyses:
        results.append(stored(analysis))
        report.analysed += 1
        report.claims += len(analysis.claims)
        if analysis.error:
            report.errors.append((analysis.article_id, analysis.error))
        if progress is not None:
            progress()
    store.save_analyses(results)
    return report
