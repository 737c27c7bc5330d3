"""``corroborator ingest``: read files, folders, globs, feeds, crawls or stdin into the store."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from ..pipeline.ingest import IngestReport, ingest_paths
from ..report.terminal import counted
from ._context import (
    EXIT_OK,
    EXIT_REJECTED,
    DbOption,
    JsonOption,
    QuietOption,
    command_state,
    err,
    guarded,
    print_json,
    progress_bar,
)


def short_path(where: str, base: str | None) -> str:
    """``where`` relative to ``base`` when inside it (the demo corpus lives deep in the package)."""
    if base and where.startswith(base.rstrip("/") + "/"):
        return where[len(base.rstrip("/")) + 1 :]
    return where


def print_ingest_summary(report: IngestReport, quiet: bool, base: str | None = None) -> None:
    """Counts, then every rejected input with its reason (on stderr: stdout may be JSON)."""
    if not quiet:
        err.print(
            f"[bold]{counted(len(report.added), 'article')}[/] added, "
            f"{counted(len(report.new_versions), 'new version')}, "
            f"{len(report.duplicates)} already stored, "
            f"[{'red' if report.rejected else 'green'}]{len(report.rejected)} rejected[/]",
            highlight=False,
        )
        for where, warning in report.warnings:
            err.print(f"  [yellow]warning[/] {escape(short_path(where, base))}: {escape(warning)}",
                      highlight=False)
        for where, first in report.repeats:
            err.print(f"  repeated: {escape(short_path(where, base))} is “{escape(first.title or first.id)}”, "
                      "read earlier in this run; counted once", highlight=False)
    if report.rejected:
        table = Table("rejected input", "reason", title=None, show_edge=False)
        for rejection in report.rejected:
            table.add_row(Text(short_path(rejection.where, base)), Text(rejection.reason))
        err.print(table)


def register(app: typer.Typer) -> None:
    @app.command("ingest")
    def ingest_cmd(
        ctx: typer.Context,
        paths: Annotated[
            list[str],
            typer.Argument(
                help="Files, folders (read recursively), glob patterns, or - for stdin. "
                "Formats: .txt, .html, .jsonl, RSS/Atom, WARC."
            ),
        ],
        db: Annotated[str | None, DbOption] = None,
        quiet: Annotated[bool, QuietOption] = False,
        as_json: Annotated[bool, JsonOption] = False,
    ) -> None:
        """Store articles from PATHS; report every input that could not be read and why.

        Exit code 0 when every input was stored (or already there), 3 when some inputs were
        rejected (the others are stored), 1 on an error that stopped the run.

        Example: corroborator ingest news/ feeds/*.rss crawl.warc.gz
        """
        app_state = command_state(ctx, db, quiet)
        with guarded(), app_state.open_store() as store:
            with progress_bar("Ingesting", None, app_state.quiet or as_json) as advance:
                report = ingest_paths(store, paths, app_state.settings, progress=advance)
        if as_json:
            print_json(report.as_dict())
        print_ingest_summary(report, app_state.quiet or as_json)
        raise typer.Exit(EXIT_REJECTED if report.rejected else EXIT_OK)
