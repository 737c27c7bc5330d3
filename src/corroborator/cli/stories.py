"""``corroborator stories`` and ``corroborator story ID``: what the store knows per story."""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Any

import typer
from rich.table import Table

from ..store import Store
from ._context import DbOption, JsonOption, QuietOption, command_state, guarded, out, print_json


def story_rows(store: Store) -> list[dict[str, Any]]:
    from ..reuse import lineages

    stories = store.stories()
    # one lineage pass and one conflicts read for the whole listing: per story, both would
    # cost as much as the store's every derivation and conflict again
    root_of = lineages((a for s in stories for a in s.article_ids), store.derivations())
    conflicts = Counter(c.story_id for c in store.conflicts())
    rows = []
    for story in stories:
        rows.append({
            "id": story.id,
            "title": story.title,
            "summary": story.summary,
            "articles": len(story.article_ids),
            "outlets": list(story.outlets),
            "independent_sources": len({root_of[a] for a in story.article_ids}),
            "conflicts": conflicts[story.id],
            "first_published": story.first_published.isoformat() if story.first_published
            else None,
            "last_published": story.last_published.isoformat() if story.last_published
            else None,
        })
    return rows


def register(app: typer.Typer) -> None:
    @app.command("stories")
    def stories_cmd(
        ctx: typer.Context,
        db: Annotated[str | None, DbOption] = None,
        quiet: Annotated[bool, QuietOption] = False,
        as_json: Annotated[bool, JsonOption] = False,
    ) -> None:
        """List stories: articles, independent sources, outlets, dates, conflicts.

        Stories are built by `corroborator analyze` (or `demo`).
        """
        app_state = command_state(ctx, db, quiet)
        with guarded(), app_state.open_store() as store:
            rows = story_rows(store)
        if as_json:
            print_json(rows)
            return
        if not rows:
            out.print("No stories yet: run `corroborator analyze PATH...` first.")
            return
        table = Table("id", "title", "articles", "sources", "conflicts", "dates", "outlets",
                      show_edge=False)
        for row in rows:
            dates = " → ".join(sorted({d[:10] for d in (row["first_published"],
                                                        row["last_published"]) if d}))
            table.add_row(row["id"][:10], (row["title"] or "")[:60], str(row["articles"]),
                          str(row["independent_sources"]), str(row["conflicts"]), dates,
                          ", ".join(row["outlets"][:4]) + (" …" if len(row["outlets"]) > 4
                                                           else ""))
        out.print(table)

    @app.command("story")
    def story_cmd(
        ctx: typer.Context,
        story_id: Annotated[str, typer.Argument(help="Story id (a unique prefix is enough).")],
        db: Annotated[str | None, DbOption] = None,
        quiet: Annotated[bool, QuietOption] = False,
        as_json: Annotated[bool, JsonOption] = False,
    ) -> None:
        """One story's dossier: claims with their status, conflicts, derivations, timeline."""
        from ..report.dossier import build_dossier
        from ..report.terminal import render_story

        app_state = command_state(ctx, db, quiet)
        with guarded(), app_state.open_store() as store:
            story = store.get_story(story_id)
            dossier = build_dossier(store, [story.id])
        if as_json:
            print_json(dossier)
            return
        for story_data in dossier["stories"]:
            out.print(render_story(story_data))
