"""View models: plain dicts built from the store and the dossier, shared by HTML and JSON.

Each page's template and its JSON twin render the same dict, so the two cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..errors import NotFound
from ..records import Article, Derivation, Story
from ..report.dossier import claims_in_updates
from ..store import Store
from .dossier import DossierBuilder, story_with_derivations
from .graph import layout_graph
from .highlight import STATUS_PRIORITY, Mark, find_quote, segments

SORTS = ("recent", "conflicts", "articles")


def article_summary(article: Article) -> dict[str, Any]:
    return {
        "id": article.id, "title": article.title, "outlet": article.outlet, "url": article.url,
        "path": article.path, "language": article.language,
        "published": article.published.isoformat() if article.published else None,
    }


def _lookup(kind: str, ident: str, fetch):  # type: ignore[no-untyped-def]
    """Fetch by id or prefix; the message names the id but not the database's location."""
    try:
        return fetch(ident)
    except NotFound as exc:
        if "ambiguous" in str(exc):
            raise NotFound(f"{kind} id prefix {ident!r} is ambiguous; give more characters"
                           ) from None
        raise NotFound(f"no {kind} with id {ident!r}") from None


def get_story(store: Store, story_id: str) -> Story:
    return _lookup("story", story_id, store.get_story)  # type: ignore[no-any-return]


def get_article(store: Store, article_id: str) -> Article:
    return _lookup("article", article_id, store.get_article)  # type: ignore[no-any-return]


def _story_of(store: Store, article_id: str) -> Story | None:
    for story in store.stories():
        if article_id in story.article_ids:
            return story
    return None


def _cached(store: Store, name: str, compute):  # type: ignore[no-untyped-def]
    """Through the server's read cache when the store has one (see cache.py)."""
    cached = getattr(store, "cached", None)
    return cached(name, compute) if cached is not None else compute()


def story_summaries(store: Store, sort: str = "recent") -> list[dict[str, Any]]:
    """One row per story: size, independent sources, conflicts, date range."""
    rows = [dict(r) for r in _cached(store, "summaries", lambda: _summaries(store))]  # callers may annotate rows; the cache keeps its own
    # Newest first, then a stable sort on the chosen key keeps recency inside ties.
    rows.sort(key=lambda r: r["last_published"] or "", reverse=True)
    if sort == "conflicts":
        rows.sort(key=lambda r: r["conflicts"], reverse=True)
    elif sort == "articles":
        rows.sort(key=lambda r: r["articles"], reverse=True)
    return rows


def _summaries(store: Store) -> list[dict[str, Any]]:
    from ..reuse import independent_sources

    articles = {a.id: a for a in store.articles()}
    by_article: dict[str, list[Derivation]] = {}
    for derivation in store.derivations():  # indexed once: a scan per story is quadratic
        by_article.setdefault(derivation.article_id, []).append(derivation)
    rows: list[dict[str, Any]] = []
    for story in store.stories():
        members = [articles[a] for a in story.article_ids if a in articles]
        ids = {a.id for a in members}
        inside = [d for a in ids for d in by_article.get(a, ()) if d.source_id in ids]
        # ISO strings sort like the dates and never fail on mixed naive/aware datetimes.
        dates = sorted(a.published.isoformat() for a in members if a.published)
        rows.append({
            "id": story.id, "title": story.title or (members[0].title if members else None),
            "articles": len(members),
            "outlets": len({a.outlet for a in members if a.outlet}),
            "independent_sources": max(1, independent_sources(ids, inside, articles)) if ids
            else 0,
            "conflicts": len(store.conflicts(story.id)),
            "first_published": dates[0] if dates else None,
            "last_published": dates[-1] if dates else None,
        })
    return rows


def unassigned_articles(store: Store) -> list[dict[str, Any]]:
    """Articles in no story yet (e.g. just uploaded, before the stages ran)."""
    def compute() -> list[dict[str, Any]]:
        placed = {a for s in store.stories() for a in s.article_ids}
        return [article_summary(a) for a in store.articles() if a.id not in placed]

    return list(_cached(store, "unassigned", compute))


def _dossier_story(store: Store, builder: DossierBuilder | None, story_id: str
                   ) -> tuple[dict[str, Any], list[Derivation]]:
    story = get_story(store, story_id)  # resolves a prefix; raises NotFound
    return story_with_derivations(store, story, builder)


def edge_conflicts(story: dict[str, Any]) -> dict[tuple[str, str], list[str]]:
    """Figure conflicts between an article and the one it derives from, per graph edge.

    A misreport between a copy and its source is a figure that changed along the edge; this
    shows it even when the reuse stage recorded no change there.
    """
    claims = {c["id"]: c for c in story["claims"]}
    found: dict[tuple[str, str], list[str]] = {}
    for conflict in story["conflicts"]:
        if conflict["kind"] != "misreport" or len(conflict["claims"]) != 2:
            continue
        first, second = (claims.get(c) for c in conflict["claims"])
        if not first or not second or not first["quantities"] or not second["quantities"]:
            continue
        where = ({m["article"] for m in first["mentions"]},
                 {m["article"] for m in second["mentions"]})
        for article in story["articles"]:
            for edge in article["derived_from"]:
                source, target = edge["article"], article["id"]
                for a, b, side_a, side_b in ((first, second, *where),
                                             (second, first, *reversed(where))):
                    if source in side_a and target in side_b and target not in side_a:
                        text = (f"{a['quantities'][0]['text']} → {b['quantities'][0]['text']}")
                        found.setdefault((target, source), []).append(text)
    return found


def story_view(store: Store, builder: DossierBuilder | None, story_id: str) -> dict[str, Any]:
    """The dossier entry of one story, with the derivation graph laid out."""
    story, derivations = _dossier_story(store, builder, story_id)
    by_claim = {c["id"]: c for c in story["claims"]}
    status_counts = {s: 0 for s in ("corroborated", "single-source", "conflicting")}
    for claim in story["claims"]:
        status_counts[claim["status"]] = status_counts.get(claim["status"], 0) + 1
    claims = sorted(story["claims"], key=lambda c: (-STATUS_PRIORITY.get(c["status"], 0),
                                                    -c["independent_sources"]))
    articles = {a["id"]: a for a in story["articles"]}
    return {
        "story": story,
        "claims": claims,
        "claim_index": {cid: i + 1 for i, cid in enumerate(c["id"] for c in claims)},
        "updated": claims_in_updates(story),
        "conflicts": [dict(c, claim_texts=[by_claim[i]["text"] for i in c["claims"]
                                           if i in by_claim]) for c in story["conflicts"]],
        "articles": articles,
        "status_counts": status_counts,
        "graph": layout_graph(story["articles"], derivations, edge_conflicts(story)),
        "changes": [{"article": d.article_id, "source": d.source_id, "relation": d.relation,
                     "changes": [{"kind": c.kind, "before": c.before, "after": c.after}
                                 for c in d.changes]}
                    for d in derivations if d.changes],
    }


def article_view(store: Store, builder: DossierBuilder | None, article_id: str) -> dict[str, Any]:
    """The article's text cut into highlighted segments, and its claims across outlets."""
    article = get_article(store, article_id)
    story = _story_of(store, article.id)
    dossier_story = _dossier_story(store, builder, story.id)[0] if story else None
    marks: list[Mark] = []
    claims_here: list[dict[str, Any]] = []
    outlets: dict[str, dict[str, Any]] = {}
    if dossier_story:
        outlets = {a["id"]: a for a in dossier_story["articles"]}
        for claim in dossier_story["claims"]:
            mine = [m for m in claim["mentions"] if m["article"] == article.id]
            if not mine:
                continue
            for mention in mine:
                start, end = mention["span"]
                marks.append(Mark(start, end, "claim", claim["status"], claim["id"]))
            others: list[dict[str, Any]] = []
            for mention in claim["mentions"]:
                other = outlets.get(mention["article"])
                if mention["article"] != article.id and other and all(
                        o["id"] != other["id"] for o in others):
                    others.append({"id": other["id"], "outlet": other.get("outlet"),
                                   "title": other.get("title")})
            claims_here.append({"id": claim["id"], "status": claim["status"],
                                "text": claim["text"], "speaker": claim["speaker"],
                                "independent_sources": claim["independent_sources"],
                                "start": mine[0]["span"][0], "elsewhere": others})
    marked = {(m.start, m.end) for m in marks}
    for claim in store.claims([article.id]):
        span = claim.sentence_span or claim.content_span
        if (span.start, span.end) not in marked and not any(
                m.start <= span.start and span.end <= m.end for m in marks):
            marks.append(Mark(span.start, span.end, "claim", None, None))
        quote = find_quote(article.text, claim.quote, span.start, span.end)
        if quote:
            marks.append(Mark(*quote, "quote"))
        for quantity in claim.quantities:
            marks.append(Mark(quantity.span.start, quantity.span.end, "figure"))
    analysis = store.analysis(article.id)
    if analysis is not None:
        for quantity in analysis.quantities:
            marks.append(Mark(quantity.span.start, quantity.span.end, "figure"))
    unique = sorted(set(marks), key=lambda m: (m.start, -m.end, m.kind))
    claims_here.sort(key=lambda c: c["start"])
    return {
        "article": dict(article_summary(article), text=article.text, hints=dict(article.hints),
                        version=article.version),
        "story": {"id": story.id, "title": story.title} if story else None,
        "claims": claims_here,
        "marks": [{"start": m.start, "end": m.end, "kind": m.kind, "status": m.status,
                   "claim": m.claim} for m in unique],
        "segments": segments(article.text, unique),
        "analysed": analysis is not None,
    }


def search_view(store: Store, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """FTS5 hits over titles, texts and claims, each with the story it belongs to."""
    story_of = {a: s for s in store.stories() for a in s.article_ids}
    hits = []
    for hit in store.search(query, limit=limit):
        story = story_of.get(hit.article_id)
        hits.append({
            "kind": hit.kind, "article": hit.article_id, "claim": hit.claim_id,
            "title": hit.title, "outlet": hit.outlet, "snippet": hit.snippet,
            "story": story.id if story else None,
            "story_title": story.title if story else None,
        })
    return hits


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """Split an FTS snippet marked with [ ] into (text, matched) pieces for escaping."""
    parts: list[tuple[str, bool]] = []
    rest = snippet
    while rest:
        start = rest.find("[")
        end = rest.find("]", start + 1) if start >= 0 else -1
        if start < 0 or end < 0:
            parts.append((rest, False))
            break
        if start:
            parts.append((rest[:start], False))
        parts.append((rest[start + 1 : end], True))
        rest = rest[end + 1 :]
    return parts


def claims_listing(store: Store, builder: DossierBuilder | None, *, story: str | None,
                   article: str | None, status: str | None) -> list[dict[str, Any]]:
    """Aligned claims of a story, or the claims found in one article, or every claim."""
    if story:
        rows = _dossier_story(store, builder, story)[0]["claims"]
    elif article:
        rows = article_view(store, builder, article)["claims"]
    else:
        from ..records import to_dict

        rows = []
        for claim in store.claims():
            row = to_dict(claim)
            row["status"] = None
            rows.append(row)
    if status:
        rows = [r for r in rows if r.get("status") == status]
    return rows


__all__: Sequence[str] = ["SORTS", "article_view", "claims_listing", "search_view",
                          "snippet_parts", "story_summaries", "story_view", "unassigned_articles"]
