"""``corroborator demo``: the whole pipeline on the built-in demo corpus, in a fresh database."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..demo import CORPUS_DIR
from ._context import AppState, QuietOption, err, fail, guarded, out, print_json, state

DEMO_DB = "corroborator-demo.db"


def _fresh_database(path: Path, replace: bool) -> None:
    """Remove a previous demo database; never a file the user did not let us replace."""
    if not path.exists():
        return
    if path.name != DEMO_DB and not replace:
        raise fail(f"{path} exists; pass --replace to overwrite it with the demo, or use "
                   "another --db")
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def register(app: typer.Typer) -> None:
    @app.command("demo")
    def demo_cmd(
        ctx: typer.Context,
        db: Annotated[
            str, typer.Option("--db", help="Database to (re)create for the demo.")
        ] = DEMO_DB,
        replace: Annotated[
            bool, typer.Option("--replace", help="Overwrite an existing --db file.")
        ] = False,
        quiet: Annotated[bool, QuietOption] = False,
        as_json: Annotated[bool, typer.Option("--json", help="Print the dossier as JSON.")] = False,
    ) -> None:
        """Run the whole pipeline on the built-in demo corpus (fictional events).

        Creates a fresh database (default ./corroborator-demo.db), ingests the demo articles
        (HTML pages, text files, JSON Lines, an RSS feed, a WARC crawl and two broken files),
        and prints the dossier of every story found.

        Example: corroborator demo && corroborator search "minister" --db corroborator-demo.db
        """
        from ..report.dossier import build_dossier
        from .analyze import analyse_inputs, print_dossier

        app_state: AppState = state(ctx)
        app_state.db = db
        app_state.quiet = app_state.quiet or quiet
        silent = app_state.quiet or as_json
        _fresh_database(Path(db), replace)
        with guarded(), app_state.open_store() as store:
            ingest_report, run_report = analyse_inputs(app_state, store, [str(CORPUS_DIR)],
                                                       silent, base=str(CORPUS_DIR))
            dossier = build_dossier(store, rejected=ingest_report.rejected)
            outlets = {a.outlet for a in store.articles()}
            articles = store.article_count()
        if as_json:
            print_json(dossier)
            return
        print_dossier(dossier)
        if not app_state.quiet:
            out.print(
                f"[bold]Demo:[/] {articles} articles from {len(outlets)} outlets → "
                f"{run_report.stories} stories, {run_report.derivations} copies/rewrites, "
                f"{run_report.propositions} aligned claims, {run_report.conflicts} conflicts; "
                f"{len(ingest_report.rejected)} input(s) rejected. Database: [bold]{db}[/]")
            err.print(f"Explore it: corroborator stories --db {db}   ·   "
                      f"corroborator search Brenmoor --db {db}   ·   "
                      f"corroborator serve --db {db}", highlight=False)
