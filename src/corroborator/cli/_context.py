"""Options shared by every command (store, settings, verbosity) and output helpers."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from ..errors import CorroboratorError
from ..settings import Settings, StoreSettings, load_settings
from ..store import Store, open_store

# Exit codes (documented in the README): 0 everything ingested/analysed; 3 some inputs
# were rejected (the rest was processed); 2 usage error (Click's own); 1 any other error.
EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_REJECTED = 3


@dataclass
class AppState:
    db: str | None = None
    config: Path | None = None
    quiet: bool = False
    verbose: int = 0
    _settings: Settings | None = field(default=None, repr=False)

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = load_settings(self.config)
        return self._settings

    @property
    def db_url(self) -> str:
        return self.db or self.settings.get(StoreSettings).url

    def open_store(self) -> Store:
        return open_store(self.db_url)


out = Console(soft_wrap=False)
err = Console(stderr=True)


def state(ctx: typer.Context) -> AppState:
    obj = ctx.find_root().obj
    if not isinstance(obj, AppState):  # invoked without the root callback (tests)
        obj = AppState()
        ctx.find_root().obj = obj
    return obj


def configure_logging(verbose: int, quiet: bool) -> None:
    level = logging.ERROR if quiet else logging.DEBUG if verbose > 1 else (
        logging.INFO if verbose else logging.WARNING
    )
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s",
                        stream=sys.stderr)
    for noisy in ("trafilatura", "htmldate", "urllib3", "sentence_transformers",
                  "transformers", "huggingface_hub", "filelock"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING) if verbose < 2 else level)


def print_json(data: Any) -> None:
    """Machine output goes to stdout untouched by Rich markup or wrapping."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()


def fail(message: str, code: int = EXIT_ERROR) -> typer.Exit:
    err.print(f"[bold red]Error:[/] {escape(message)}", highlight=False)
    return typer.Exit(code)


@contextmanager
def guarded() -> Iterator[None]:
    """Turn library errors into a one-line message and exit code 1, never a traceback."""
    try:
        yield
    except CorroboratorError as exc:
        raise fail(str(exc)) from None


@contextmanager
def progress_bar(description: str, total: int | None, quiet: bool) -> Iterator[Any]:
    """A Rich progress bar on stderr; a no-op advance function when quiet or when stderr is
    not a terminal (a log file or a pipe would only get a blank line per finished bar)."""
    if quiet or not err.is_terminal:
        yield lambda *_args, **_kw: None
        return
    columns = [SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(),
               MofNCompleteColumn() if total else TextColumn("{task.completed} done"),
               TimeElapsedColumn()]
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task(description, total=total)

        def advance(*_args: Any, **_kw: Any) -> None:
            progress.advance(task)

        yield advance


DbOption = typer.Option(
    "--db", help="Database file (default: ./corroborator.db, or the \\[store] url setting)."
)
QuietOption = typer.Option("--quiet", "-q", help="Print only errors.")
JsonOption = typer.Option("--json", help="Print JSON instead of a table.")


def command_state(ctx: typer.Context, db: str | None, quiet: bool) -> AppState:
    """The shared state, with this command's own --db/--quiet applied on top of the global ones."""
    current = state(ctx)
    if db is not None:
        current.db = db
    if quiet:
        current.quiet = True
        configure_logging(0, True)
    return current
