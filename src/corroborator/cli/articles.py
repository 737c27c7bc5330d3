"""``corroborator articles`` and ``corroborator search``: look at what is stored."""

from __future__ import annotations

import re
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from ..records import Article
from ..report.terminal import counted
from ._context import DbOption, JsonOption, QuietOption, command_state, guarded, out, print_json


def marked(snippet: str) -> Text:
    """A search snippet with its ``[match]`` markers shown as highlighting."""
    text = Text()
    for index, part in enumerate(re.split(r"\[([^\]]*)\]", snippet)):
        text.append(part, style="bold yellow" if index % 2 else None)
    return text


def article_summary(article: Article) -> dict[str, object]:
    return {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published.isoformat() if article.published else None,
        "language": article.language,
        "url": article.url,
        "path": article.path,
        "locator": article.locator,
        "version": article.version,
        "chars": len(article.text),
    }


def register(app: typer.Typer) -> None:
    @app.command("articles")
    def articles_cmd(
        ctx: typer.Context,
        db: Annotated[str | None, DbOption] = None,
        quiet: Annotated[bool, QuietOption] = False,
        as_json: Annotated[bool, JsonOption] = False,
        limit: Annotated[int | None, typer.Option(help="Show at most this many.")] = None,
        all_versions: Annotated[
            bool, typer.Option("--all-versions", help="Include superseded versions.")
        ] = False,
    ) -> None:
        """List stored articles (latest version of each URL) in ingestion order."""
        app_state = command_state(ctx, db, quiet)
        with guarded(), app_state.open_store() as store:
            rows = store.articles(latest_only=not all_versions, limit=limit)
        if as_json:
            print_json([article_summary(a) for a in rows])
            return
        table = Table("id", "published", "outlet", "lang", "title", show_edge=False)
        for article in rows:
            table.add_row(
                article.id[:10],
                article.published.strftime("%Y-%m-%d %H:%M") if article.published else "",
                Text(article.outlet or ""),
                article.language or "",
                Text((article.title or "")[:70]
                     + (f" [v{article.version}]" if article.version > 1 else "")),
            )
        out.print(table)
        out.print(counted(len(rows), 'article'))

    @app.command("search")
    def search_cmd(
        ctx: typer.Context,
        query: Annotated[str, typer.Argument(help="Words to find (all must occur).")],
        db: Annotated[str | None, DbOption] = None,
        quiet: Annotated[bool, QuietOption] = False,
        as_json: Annotated[bool, JsonOption] = False,
        limit: Annotated[int, typer.Option(help="Show at most this many hits.")] = 20,
    ) -> None:
        """Full-text search over article titles, texts and extracted claims.

        Example: corroborator search "casualties minister"
        """
        app_state = command_state(ctx, db, quiet)
        with guarded(), app_state.open_store() as store:
            hits = store.search(query, limit=limit)
        if as_json:
            print_json([
                {"kind": h.kind, "article": h.article_id, "claim": h.claim_id, "title": h.title,
                 "outlet": h.outlet, "snippet": h.snippet}
                for h in hits
            ])
            return
        if not hits:
            out.print(f"No match for {query!r}.")
            return
        table = Table("kind", "article", "outlet", "snippet", show_edge=False)
        for hit in hits:
            table.add_row(hit.kind, hit.article_id[:10], Text(hit.outlet or ""),
                          marked(hit.snippet))
        out.print(table)
