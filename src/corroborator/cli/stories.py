"""``corroborator stories`` and ``corroborator story ID``: what the store knows per story."""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from ..pipeline.run import run_stages
from ..pipeline.story_edits import edit_story
from ..store import Store
from ._context import (
    DbOption,
    JsonOption,
    QuietOption,
    command_state,
    err,
    guarded,
    out,
    print_json,
)
from .analyze import stage_progress


def story_rows(store: Store) -> list[dict[str, Any]]:
    from ..reuse import independent_origins, lineages

    stories = store.stories()
    # one lineage pass and one conflicts read for the whole listing: per story, both would
    # cost as much as the store's every derivation and conflict again
    root_of = lineages((a for s in stories for a in s.article_ids), store.derivations())
    # one outlet's own reports are one source, as the dossier counts them
    root_of = independent_origins({a.id: a for a in store.articles()}, root_of)
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


# Below this console width the outlets column is left out (``story ID`` lists them): with it,
# an 80-column terminal squeezed the id a user types next into "s-854cee…".
OUTLETS_MIN_WIDTH = 110


def stories_table(rows: list[dict[str, Any]], width: int) -> Table:
    """The listing: ids and dates whole (never wrapped), title and outlets take what is left."""
    table = Table(show_edge=False)
    table.add_column("id", no_wrap=True)
    table.add_column("title", ratio=3, overflow="fold")
    for name in ("articles", "sources", "conflicts"):
        table.add_column(name, justify="right", no_wrap=True)
    table.add_column("dates", no_wrap=True)
    with_outlets = width >= OUTLETS_MIN_WIDTH
    if with_outlets:
        table.add_column("outlets", ratio=2)
    for row in rows:
        dates = "\n".join(sorted({d[:10] for d in (row["first_published"],
                                                   row["last_published"]) if d}))
        title = row["title"] or ""
        shown = title if len(title) <= 80 else title[:79].rstrip() + "…"
        cells: list[str | Text] = [row["id"][:10], Text(shown), str(row["articles"]),
                                   str(row["independent_sources"]), str(row["conflicts"]),
                                   dates]
        if with_outlets:
            cells.append(Text(", ".join(row["outlets"][:4])
                              + (" …" if len(row["outlets"]) > 4 else "")))
        table.add_row(*cells)
    return table


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
        out.print(stories_table(rows, out.width))

    @app.command("story")
    def story_cmd(
        ctx: typer.Context,
        story_id: Annotated[str, typer.Argument(help="Story id (a unique prefix is enough).")],
        merge: Annotated[list[str] | None, typer.Option(
            "--merge", metavar="STORY",
            help="Join STORY into this one (the same event the clustering kept apart). "
                 "Kept in the database and applied on every later run.")] = None,
        detach: Annotated[list[str] | None, typer.Option(
            "--detach", metavar="ARTICLE",
            help="Take ARTICLE (an article id or unique prefix) out of this story into a "
                 "story of its own. Kept and applied on every later run.")] = None,
        undo_edits: Annotated[bool, typer.Option(
            "--undo-edits", help="Forget every --merge and --detach that touched this "
                                 "story's articles.")] = False,
        db: Annotated[str | None, DbOption] = None,
        quiet: Annotated[bool, QuietOption] = False,
        as_json: Annotated[bool, JsonOption] = False,
    ) -> None:
        """One story's dossier: claims with their status, conflicts, derivations, timeline.

        With --merge, --detach or --undo-edits, the edit is stored first and the stories,
        derivations and comparisons are brought up to date (as `corroborator analyze` would),
        then the edited story is shown.
        """
        from ..report.dossier import build_dossier
        from ..report.terminal import render_story

        app_state = command_state(ctx, db, quiet)
        with guarded(), app_state.open_store() as store:
            story = store.get_story(story_id)
            if merge or detach or undo_edits:
                anchor, done = edit_story(store, story, merge or [], detach or [], undo_edits)
                for line in done:
                    err.print(Text(line))
                run_stages(store, app_state.settings, progress=stage_progress(quiet))
                story = next(s for s in store.stories() if anchor in s.article_ids)
            dossier = build_dossier(store, [story.id])
        if as_json:
            print_json(dossier)
            return
        for story_data in dossier["stories"]:
            out.print(render_story(story_data))
