"""Run the cross-article stages over a store: analyse → stories → reuse → compare.

Each stage reads what earlier stages stored and writes its own results in one transaction,
so an interrupted run leaves every finished stage's output intact and consistent.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field, replace

import numpy as np

from ..compare.story import StoryComparison, default_embed, story_texts
from ..compare.vectors import embed_ahead
from ..records import Article, Claim, Derivation, Story
from ..settings import Settings
from ..store import Store
from .analyse import AnalyseReport, analyse_store
from .settings import analyse_processes
from .stages import FULL_CHAIN, check_chain
from .stories_stage import update_stories
from .workers import can_fork, forked_map, parallel_embed

# A progress factory opens a progress display for (description, total) and yields a
# function to call once per finished item. The CLI passes Rich bars; the library stays silent.
ProgressFactory = Callable[[str, int | None], AbstractContextManager[Callable[..., None]]]


@contextmanager
def _silent(_description: str, _total: int | None) -> Iterator[Callable[..., None]]:
    yield lambda *_a, **_k: None


@dataclass
class RunReport:
    analyse: AnalyseReport = field(default_factory=AnalyseReport)
    stories: int = 0
    derivations: int = 0
    propositions: int = 0
    conflicts: int = 0


def run_stages(
    store: Store,
    settings: Settings,
    *,
    progress: ProgressFactory | None = None,
    reanalyse: bool = False,
) -> RunReport:
    """Bring every derived table up to date with the stored articles."""
    from ..reuse import find_derivations, story_candidates

    check_chain(FULL_CHAIN)
    progress = progress or _silent
    report = RunReport()
    articles = store.articles()
    pending = len(articles) if reanalyse else len(
        {a.id for a in articles} - store.analysed_ids())
    with progress("Analysing articles", pending) as advance:
        report.analyse = analyse_store(store, settings, force=reanalyse, progress=advance,
                                       articles=articles)

    # processes for the stages after the parse: as many as the parse of this batch uses
    workers = analyse_processes(settings, len(articles)) if can_fork() else 1
    embed_fn = functools.partial(parallel_embed, workers=workers) if workers > 1 else None
    with progress("Clustering stories", None) as advance:
        stories = update_stories(store, settings, progress=advance, articles=articles,
                                 embed_fn=_story_embed(settings, embed_fn))
    report.stories = len(stories)

    # Rewrites are only looked for inside a story (plus what the near-copy index finds),
    # a bounded number per article: never across all pairs of the corpus or of a big story.
    candidates = story_candidates((s.article_ids for s in stories), articles, settings)
    with progress("Finding copies and rewrites", len(articles)) as advance:
        derivations = find_derivations(articles, settings, candidates=candidates,
                                       progress=advance, store=store, embed_fn=embed_fn,
                                       workers=workers)
    store.replace_derivations(derivations)
    report.derivations = len(derivations)

    by_id = {a.id: a for a in articles}
    with progress("Comparing claims across outlets", len(stories)) as advance:
        tasks = _tasks(store, stories, by_id, derivations)
        # every story's texts in one batch over all workers, read from / kept in the store
        vectors = embed_ahead((t for task in tasks for t in story_texts(*task, settings)),
                              settings, store, embed_fn)
        with store.atomic():
            _compare_all(store, tasks, settings, workers, vectors, report, advance)
    return report


def _story_embed(settings: Settings,
                 embed_fn: Callable[..., np.ndarray] | None) -> Callable[..., np.ndarray] | None:
    """The story clusterer's embedding (texts -> vectors) through ``embed_fn``, with the
    ``[embeddings]`` options the clusterer would use; None without an ``embed_fn``."""
    if embed_fn is None:
        return None
    from ..settings import EmbeddingSettings

    return functools.partial(embed_fn, **settings.get(EmbeddingSettings).embed_options())


def _compare_all(store: Store, tasks: list[CompareTask], settings: Settings, workers: int,
                 vectors: dict[str, np.ndarray], report: RunReport,
                 advance: Callable[..., None]) -> None:
    for comparison in compare_stories(tasks, settings, workers, vectors):
        # Conflicts may cite claims the comparison made for sentences whose figure
        # changed along a derivation edge; store them so the dossier can show them.
        _store_added_claims(store, comparison.added_claims)
        store.replace_comparison(comparison.story_id, comparison.propositions,
                                 comparison.conflicts)
        report.propositions += len(comparison.propositions)
        report.conflicts += len(comparison.conflicts)
        advance()


# (story, its articles, their claims, derivation edges inside the story)
CompareTask = tuple[Story, list[Article], list[Claim], list[Derivation]]


def _tasks(store: Store, stories: Sequence[Story], by_id: dict[str, Article],
           derivations: Sequence[Derivation]) -> list[CompareTask]:
    """Each story's comparison input; the claims read in one query, not one per story."""
    claims: dict[str, list[Claim]] = defaultdict(list)
    for claim in store.claims():  # ordered by article id, then ordinal
        claims[claim.article_id].append(claim)
    out = []
    for story in stories:
        members = [by_id[i] for i in story.article_ids if i in by_id]
        inside = {a.id for a in members}
        # compare_story reads only the edges inside its story: a worker need not receive all
        edges = [d for d in derivations if d.article_id in inside and d.source_id in inside]
        out.append((story, members, [c for i in sorted(inside) for c in claims.get(i, ())],
                    edges))
    return out


def _compare_task(task: CompareTask, state: tuple[Settings, dict | None]) -> StoryComparison:
    from ..compare import compare_story
    from ..compare.vectors import TextVectors

    settings, vectors = state
    # texts missed ahead (none when listed by story_texts) are embedded as before
    embed_fn = TextVectors(vectors, default_embed(settings)) if vectors is not None else None
    return compare_story(*task, settings, embed_fn=embed_fn)


def compare_stories(tasks: Iterable[CompareTask], settings: Settings,
                    workers: int = 1,
                    vectors: dict[str, np.ndarray] | None = None) -> Iterator[StoryComparison]:
    """``compare_story`` of each task, in order; on ``workers`` forked processes when more
    than one (stories are compared independently of each other). ``vectors`` are the
    tasks' texts embedded ahead (``compare.vectors.embed_ahead``)."""
    state = (settings, vectors)
    if workers <= 1 or not can_fork():
        for task in tasks:
            yield _compare_task(task, state)
        return
    # a few stories per worker at a time; the vectors reach the workers through the fork
    yield from forked_map(_compare_task, tasks, workers, state, batch=8 * workers)


def _store_added_claims(store: Store, added: Sequence[Claim]) -> None:
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for claim in added:
        by_article[claim.article_id].append(claim)
    updates = []
    for article_id, extra in by_article.items():
        current = store.analysis(article_id)
        if current is None:
            continue
        known = {c.id for c in current.claims}
        new = tuple(c for c in extra if c.id not in known)
        if new:
            updates.append(replace(current, claims=current.claims + new))
    if updates:
        store.save_analyses(updates)
