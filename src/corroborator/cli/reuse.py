"""``corroborator reuse``: which articles copy or rewrite which, and what changed on the way."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from ..records import to_dict
from ._context import DbOption, JsonOption, QuietOption, command_state, guarded, out, print_json


def register(app: typer.Typer) -> None:
    @app.command("reuse")
    def reuse_cmd(
        ctx: typer.Context,
        db: Annotated[str | None, DbOption] = None,
        quiet: Annotated[bool, QuietOption] = False,
        as_json: Annotated[bool, JsonOption] = False,
    ) -> None:
        """List derivations (copy, near-copy, partial, rewrite) with their changes and lineages.

        Derivations are found by `corroborator analyze` (or `demo`).
        """
        from ..reuse import lineages

        app_state = command_state(ctx, db, quiet)
        with guarded(), app_state.open_store() as store:
            articles = {a.id: a for a in store.articles()}
            derivations = store.derivations()
        roots = lineages(list(articles), derivations)
        if as_json:
            rows: list[dict[str, Any]] = []
            for derivation in derivations:
                row = to_dict(derivation)
                row["lineage"] = roots.get(derivation.article_id)
                rows.append(row)
            print_json({"derivations": rows,
                        "independent_sources": len(set(roots.values()))})
            return
        if not derivations:
            out.print("No copies or rewrites found (run `corroborator analyze PATH...` first).")
            return

        def label(article_id: str) -> str:
            article = articles.get(article_id)
            if article is None:
                return article_id[:10]
            when = f"{article.published:%m-%d %H:%M}" if article.published else "undated"
            return f"{article.outlet or '?'} ({when})"

        table = Table("article", "derives from", "relation", "score", "changes", show_edge=False)
        for derivation in derivations:
            changes = Text()
            for change in derivation.changes:
                if change.kind.startswith("sentence"):
                    continue
                changes.append(f"{change.kind}: ", style="bold")
                changes.append(f"{change.before or '∅'} → {change.after or '∅'}\n")
            dropped = sum(c.kind == "sentence-dropped" for c in derivation.changes)
            added = sum(c.kind == "sentence-added" for c in derivation.changes)
            if added or dropped:
                changes.append(f"+{added} / -{dropped} sentences", style="dim")
            table.add_row(Text(label(derivation.article_id)), Text(label(derivation.source_id)),
                          derivation.relation, f"{derivation.score:.2f}", changes)
        out.print(table)
        out.print(f"{len(articles)} articles form {len(set(roots.values()))} independent "
                  "lineage(s).")
