"""The ``corroborator`` command: global options, then one module per group of commands."""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Annotated

import typer

from .. import __version__
from . import analyze, articles, demo, export, extract, ingest, reuse, serve, stories
from ._context import AppState, configure_logging

app = typer.Typer(
    name="corroborator",
    help="What many news reports of one event actually agree on.",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"corroborator {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option("--db", help="Database file (default: ./corroborator.db, or \\[store] url)."),
    ] = None,
    config: Annotated[
        Path | None, typer.Option("--config", help="Settings file overriding the defaults.")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors.")] = False,
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True, help="More detail.")] = 0,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show version.")
    ] = False,
) -> None:
    configure_logging(verbose, quiet)
    ctx.obj = AppState(db=db, config=config, quiet=quiet, verbose=verbose)


def reflowed(doc: str) -> str:
    """A command's docstring with the line breaks inside each paragraph removed.

    Typer's help keeps them and wraps each source line on its own, which left a lone word
    ("finds", "story:") on every other line at 80 columns. Paragraphs stay apart.
    """
    return "\n\n".join(" ".join(paragraph.split())
                       for paragraph in inspect.cleandoc(doc).split("\n\n"))


# Order here is the order of `corroborator --help`.
for module in (ingest, extract, analyze, articles, stories, reuse, export, demo, serve):
    module.register(app)
for command in app.registered_commands:
    if command.help is None and command.callback is not None and command.callback.__doc__:
        command.help = reflowed(command.callback.__doc__)


def main() -> None:
    app()
