"""``corroborator demo``: the whole available pipeline on the built-in demo corpus."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..demo import CORPUS_DIR
from ..pipeline.ingest import ingest_paths
from ._context import AppState, QuietOption, err, fail, guarded, out, progress_bar, state
from .ingest import print_ingest_summary

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
    ) -> None:
        """Run the pipeline on the built-in demo corpus (fictional events) in a fresh database.

        Example: corroborator demo && corroborator search "minister" --db corroborator-demo.db
        """
        app_state: AppState = state(ctx)
        app_state.db = db
        app_state.quiet = app_state.quiet or quiet
        _fresh_database(Path(db), replace)
        with guarded(), app_state.open_store() as store:
            with progress_bar("Ingesting demo corpus", None, app_state.quiet) as advance:
                report = ingest_paths(store, [str(CORPUS_DIR)], app_state.settings,
                                      progress=advance)
            print_ingest_summary(report, app_state.quiet)
            outlets = sorted({a.outlet or "?" for a in report.stored})
            if not app_state.quiet:
                out.print(f"Stored {store.article_count()} articles from {len(outlets)} outlets "
                          f"in [bold]{db}[/].")
        err.print(f"Explore it: corroborator articles --db {db}", highlight=False)
