"""``corroborator analyze``: ingest, then every stage, then the dossier of the stories touched."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Annotated, Any

import typer
from rich.text import Text

from ..pipeline.ingest import IngestReport, ingest_paths
from ..pipeline.run import RunReport, run_stages
from ..report.terminal import counted
from ..store import Store
from ._context import (
    EXIT_OK,
    EXIT_REJECTED,
    AppState,
    DbOption,
    QuietOption,
    command_state,
    err,
    guarded,
    out,
    print_json,
    progress_bar,
)
from .ingest import print_ingest_summary, short_path


def stage_progress(quiet: bool) -> Callable[[str, int | None], Any]:
    @contextmanager
    def factory(description: str, total: int | None) -> Iterator[Callable[..., None]]:
        with progress_bar(description, total, quiet) as advance:
            yield advance

    return factory


def analyse_inputs(
    app_state: AppState, store: Store, paths: Sequence[str], quiet: bool,
    base: str | None = None,
) -> tuple[IngestReport, RunReport]:
    """Ingest ``paths`` and bring every stage up to date (library calls, CLI progress)."""
    with progress_bar("Ingesting", None, quiet) as advance:
        ingest_report = ingest_paths(store, paths, app_state.settings, progress=advance)
    print_ingest_summary(ingest_report, quiet, base)
    run_report = run_stages(store, app_state.settings, progress=stage_progress(quiet))
    return ingest_report, run_report


def print_unanalysed(ingest_report: IngestReport, run_report: RunReport,
                     base: str | None = None) -> None:
    """Name the articles stored but not analysed in this run (another language, no
    sentences, a failure), which the dossier would otherwise show with no claims."""
    if not run_report.analyse.errors:
        return
    where = {a.id: a.where for a in ingest_report.seen}
    err.print(Text.assemble(
        (f"{counted(len(run_report.analyse.errors), 'article')} stored but not analysed",
         "yellow"),
        " (claims are read from the languages in [ingest] analysed_languages):"))
    for article_id, reason in run_report.analyse.errors:
        err.print(Text(f"  {short_path(where.get(article_id, article_id), base)}: {reason}"))


def touched_stories(store: Store, article_ids: set[str]) -> list[str]:
    return [s.id for s in store.stories() if article_ids & set(s.article_ids)]


def print_dossier(dossier: dict[str, Any]) -> None:
    from ..report.terminal import render_story

    for story in dossier["stories"]:
        out.print(render_story(story))


def register(app: typer.Typer) -> None:
    @app.command("analyze")
    def analyze_cmd(
        ctx: typer.Context,
        paths: Annotated[list[str], typer.Argument(help="Files, folders, globs or - for stdin.")],
        db: Annotated[str | None, DbOption] = None,
        quiet: Annotated[bool, QuietOption] = False,
        as_json: Annotated[
            bool, typer.Option("--json", help="One JSON dossier "
                               "(contracts/dossier.schema.json) on stdout.")
        ] = False,
        all_stories: Annotated[
            bool, typer.Option("--all", help="Report every story in the database, not only "
                               "those of PATHS.")
        ] = False,
    ) -> None:
        """Run the whole pipeline on PATHS and show, per story, what the reports agree on.

        Ingests PATHS into the database, extracts attributed claims, clusters stories, finds
        copies and rewrites, aligns claims across outlets, and prints a dossier per story:
        claims with their status (corroborated / single-source / conflicting), the number of
        independent sources, conflicts with explanations, derivations and a timeline.

        Example: corroborator analyze reports/ --json > dossier.json
        """
        from ..report.dossier import build_dossier

        app_state = command_state(ctx, db, quiet)
        silent = app_state.quiet or as_json
        with guarded(), app_state.open_store() as store:
            ingest_report, run_report = analyse_inputs(app_state, store, paths, silent)
            seen = {a.id for a in ingest_report.seen}
            story_ids = None if all_stories else touched_stories(store, seen)
            dossier = build_dossier(store, story_ids, rejected=ingest_report.rejected)
        if as_json:
            print_json(dossier)
        else:
            print_dossier(dossier)
            if not app_state.quiet:
                print_unanalysed(ingest_report, run_report)
                err.print(Text(
                    ", ".join((counted(run_report.stories, "story", "stories"),
                               counted(run_report.derivations, "derivation"),
                               counted(run_report.propositions, "aligned claim"),
                               counted(run_report.conflicts, "conflict")))
                    + f" (database: {app_state.db_url})"))
        raise typer.Exit(EXIT_REJECTED if ingest_report.rejected else EXIT_OK)
