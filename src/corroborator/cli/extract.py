"""``corroborator extract``: per-article claims, quotes, figures and dates (no cross-article work)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.text import Text

from ..extract import build_article
from ..ingest import iter_inputs
from ..nlp import narration
from ..nlp.analyze import ArticleAnalysis, analyze_articles
from ..nlp.contract import SCHEMA_VERSION, article_analysis_record
from ..pipeline.settings import for_batch
from ..records import Article, Rejection
from ..records.article import words_spaced_alike
from ..settings import IngestSettings
from ._context import (
    EXIT_OK,
    EXIT_REJECTED,
    DbOption,
    QuietOption,
    command_state,
    err,
    guarded,
    out,
    progress_bar,
)


def rejected_record(rejection: Rejection) -> dict[str, Any]:
    """A contract record for an input that never became an article."""
    return {
        "schema_version": SCHEMA_VERSION,
        "path": rejection.where,
        "title": None,
        "outlet": None,
        "published": None,
        "language": None,
        "text": "",
        "claims": [],
        "quantities": [],
        "error": rejection.reason,
    }


def print_listing(article: Article, analysis: ArticleAnalysis) -> None:
    """Speaker — cue — content, one claim per line, figures highlighted."""
    heading = Text(article.title or article.path or article.id, style="bold")
    heading.append(f"  ({article.outlet or 'unknown outlet'}", style="dim")
    heading.append(f", {article.published:%Y-%m-%d})" if article.published else ")", style="dim")
    out.print(heading)
    if analysis.error:
        out.print(Text(f"  {analysis.error}", style="yellow"))
        return
    if not analysis.claims:
        out.print(Text("  no claims found", style="dim"))
    for claim in analysis.claims:
        content_span = claim.content_span
        content = content_span.of(article.text)
        line = Text("  ")
        # a figure the report states in its own voice is the outlet's
        narrated = claim.extractor == narration.EXTRACTOR
        speaker = (article.outlet or "the report") if narrated else \
            (claim.speaker or "(unattributed)")
        # the chain ends with the speaker itself ("company via KTA", not "via KTA → company")
        relays = claim.via[:-1] if claim.via and claim.via[-1] == claim.speaker else claim.via
        if relays:
            speaker += " via " + " → ".join(relays)
        line.append(speaker, style="bold cyan")
        # no cue: a quotation continuing its speaker's earlier paragraph ("quoted"), or a
        # statement whose speech verb was not found
        cue = claim.cue or ("own report" if narrated else "quoted" if claim.quote else "?")
        line.append(f" — {cue} [{claim.stance}] — ", style="dim")
        body = Text(" ".join(content.split()))
        for quantity in claim.quantities:
            body.highlight_words([quantity.text], style="bold magenta")
        line.append_text(body)
        out.print(line)
    out.print()


def register(app: typer.Typer) -> None:
    @app.command("extract")
    def extract_cmd(
        ctx: typer.Context,
        paths: Annotated[list[str], typer.Argument(help="Files, folders, globs or - for stdin.")],
        as_json: Annotated[
            bool,
            typer.Option("--json", help="JSON Lines, one object per article "
                         "(contracts/article-analysis.schema.json)."),
        ] = False,
        db: Annotated[str | None, DbOption] = None,
        quiet: Annotated[bool, QuietOption] = False,
    ) -> None:
        """Attributed claims of each article: speaker, cue, stance, quotes, figures, dates.

        Works on the files directly (nothing is stored unless --db is given).

        Example: corroborator extract report.html --json > claims.jsonl
        """
        app_state = command_state(ctx, db, quiet)
        settings = app_state.settings
        ingest_settings = settings.get(IngestSettings)
        rejected: list[Rejection] = []
        articles: list[Article] = []
        first_read: dict[tuple[str, str], Article] = {}
        repeats: list[tuple[str, Article]] = []
        with guarded():
            for item in iter_inputs(paths, ingest_settings):
                result = item if isinstance(item, Rejection) else build_article(item,
                                                                                ingest_settings)
                if isinstance(result, Rejection):
                    rejected.append(result)
                    if as_json:
                        _emit(rejected_record(result))
                elif (first := first_read.setdefault(_identity(result), result)) is not result:
                    repeats.append((result.where, first))
                else:
                    articles.append(result)

            def analysed() -> Iterator[tuple[Article, ArticleAnalysis]]:
                with progress_bar("Analysing", len(articles), app_state.quiet) as advance:
                    for article, analysis in zip(
                        articles, analyze_articles(articles, for_batch(settings, len(articles))),
                        strict=True
                    ):
                        advance()
                        yield article, analysis

            results = list(analysed()) if db else analysed()
            for article, analysis in results:
                if as_json:
                    _emit(article_analysis_record(article, analysis))
                else:
                    print_listing(article, analysis)
            if db:
                from ..pipeline.analyse import stored

                with app_state.open_store() as store, store.atomic():
                    for article, analysis in results:  # type: ignore[union-attr]
                        _, kept = store.add_article(article)
                        if kept.id == article.id:
                            store.save_analyses([stored(analysis)])
        for rejection in rejected:
            err.print(f"[yellow]rejected[/] {escape(rejection.where)}: {escape(rejection.reason)}",
                      highlight=False)
        if not app_state.quiet:
            for where, first in repeats:
                err.print(f"repeated: {escape(where)} is “{escape(first.title or first.id)}”, "
                          "read earlier in this run; given once", highlight=False)
        raise typer.Exit(EXIT_REJECTED if rejected else EXIT_OK)


def _identity(article: Article) -> tuple[str, str]:
    """What makes two inputs one article for this run: its address (else its id) and its
    words however spaced, as the store has it (a feed's re-posted entry, the same entry in
    another tool's export)."""
    return article.url or article.id, words_spaced_alike(article.text)


def _emit(record: dict[str, Any]) -> None:
    import json
    import sys

    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
