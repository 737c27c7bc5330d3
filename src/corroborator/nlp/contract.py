"""The public JSON record of one analysed article (``article-analysis.schema.json``, v1).

``corroborator extract PATH... --json`` writes one of these per line. Field meanings are in
``../shared/contracts/README.md``: offsets index into ``text``; a quantity is an interval.
Extra fields (``notes``, ``dates``, claim ``via``/``sentence_span``/``speaker_type``) are
allowed by the schema and carry what the required ones cannot.
"""

from __future__ import annotations

from typing import Any

from ..records import Article, Claim, DateMention, Quantity, Span
from .analyze import ArticleAnalysis

SCHEMA_VERSION = "1.0"


def _span(span: Span | None) -> list[int] | None:
    return None if span is None else [span.start, span.end]


def _number(value: float | None) -> float | int | None:
    if value is None or value != value or value in (float("inf"), float("-inf")):
        return None  # JSON has no NaN or infinity: open ends are null
    return int(value) if float(value).is_integer() else value


def quantity_record(q: Quantity) -> dict[str, Any]:
    return {
        "text": q.text,
        "span": _span(q.span),
        "value": _number(q.value),
        "low": _number(q.low),
        "high": _number(q.high),
        "qualifier": q.qualifier,
        "unit": q.unit,
        "measured": q.measured,
        "change": q.change,
        "kind": q.kind,
    }


def date_record(d: DateMention) -> dict[str, Any]:
    return {
        "text": d.text,
        "span": _span(d.span),
        "resolved": d.resolved.isoformat() if d.resolved else None,
    }


def claim_record(c: Claim, text: str) -> dict[str, Any]:
    return {
        "id": c.id,
        "speaker": c.speaker,
        "speaker_span": _span(c.speaker_span),
        "speaker_type": c.speaker_type,
        "via": list(c.via),
        "cue": c.cue,
        "cue_span": _span(c.cue_span),
        "content_span": _span(c.content_span),
        "content": c.content_span.of(text),
        "quote": c.quote,
        "stance": c.stance,
        "quantities": [quantity_record(q) for q in c.quantities],
        "dates": [date_record(d) for d in c.dates],
        "sentence_span": _span(c.sentence_span),
        "extractor": c.extractor,
    }


def article_analysis_record(article: Article, analysis: ArticleAnalysis) -> dict[str, Any]:
    """The JSON-ready record of ``article`` and its analysis (one JSON Lines object)."""
    failed = analysis.error is not None
    return {
        "schema_version": SCHEMA_VERSION,
        "id": article.id,
        "path": article.path or article.url or article.id,
        "url": article.url,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published.isoformat() if article.published else None,
        "language": article.language,
        "text": article.text,
        "claims": [] if failed else [claim_record(c, article.text) for c in analysis.claims],
        "quantities": [] if failed else [quantity_record(q) for q in analysis.quantities],
        "dates": [] if failed else [date_record(d) for d in analysis.dates],
        "error": analysis.error,
        "notes": list(analysis.notes),
    }
