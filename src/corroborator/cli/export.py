"""``corroborator export``: a story's dossier as Markdown, JSON Lines, CSV, PROV-JSON, ClaimReview."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ._context import DbOption, QuietOption, command_state, err, fail, guarded

FORMAT_HELP = ("markdown (report), jsonl or csv (one claim per line), prov (W3C PROV-JSON), "
               "claimreview (schema.org JSON-LD for conflicting claims)")


def register(app: typer.Typer) -> None:
    @app.command("export")
    def export_cmd(
        ctx: typer.Context,
        story_id: Annotated[
            str | None, typer.Argument(help="Story id (a unique prefix is enough).")
        ] = None,
        all_stories: Annotated[bool, typer.Option("--all", help="Export every story.")] = False,
        fmt: Annotated[str, typer.Option("--format", "-f", help=FORMAT_HELP)] = "markdown",
        output: Annotated[
            Path | None, typer.Option("--output", "-o", help="Write to this file, not stdout.")
        ] = None,
        db: Annotated[str | None, DbOption] = None,
        quiet: Annotated[bool, QuietOption] = False,
    ) -> None:
        """Export one story (or --all) in a format other tools read.

        Example: corroborator export s-4e0e --format prov -o story.prov.json
        """
        from ..report.dossier import build_dossier
        from ..report.exports import FORMATS, export

        if (story_id is None) == (not all_stories):
            raise fail("give a STORY id or --all (not both)", code=2)
        if fmt not in FORMATS:
            raise fail(f"unknown --format {fmt!r}; choose one of {', '.join(FORMATS)}", code=2)
        app_state = command_state(ctx, db, quiet)
        with guarded(), app_state.open_store() as store:
            dossier = build_dossier(store, None if all_stories else [story_id or ""])
            text = export(dossier, fmt)
        if output is None:
            typer.echo(text, nl=not text.endswith("\n"))
        else:
            output.write_text(text, encoding="utf-8")
            if not app_state.quiet:
                err.print(f"Wrote {fmt} export of {len(dossier['stories'])} story(ies) to "
                          f"{output}", highlight=False)
