"""Where the pages get their dossier: the report stage's builder, or a store-only stand-in.

The web layer renders the dossier dict (``contracts/dossier.schema.json``). The report stage's
``build_dossier`` is the authority; :func:`store_dossier` builds the same shape straight from
the store so the server still works (with fewer details) where the report stage is absent.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..errors import NotFound
from ..nlp.narration import EXTRACTOR as NARRATION
from ..records import Article, Claim, Derivation, Quantity, Story
from ..store import Store

DossierBuilder = Callable[[Store, Sequence[str] | None], dict[str, Any]]
SCHEMA_VERSION = "1.0"


def default_builder() -> DossierBuilder:
    """The report stage's ``build_dossier`` when installed, else :func:`store_dossier`."""
    try:
        from ..report.dossier import build_dossier
    except ImportError:
        return store_dossier

    def build(store: Store, story_ids: Sequence[str] | None) -> dict[str, Any]:
        return build_dossier(store, story_ids=list(story_ids) if story_ids is not None else None)

    return build


def story_with_derivations(store: Store, story: Story, builder: DossierBuilder | None = None
                           ) -> tuple[dict[str, Any], list[Derivation]]:
    """One story's dossier entry and the derivations between its articles.

    Reads every stored derivation once per call (the store cannot filter them by article) and
    hands the same list to the report stage's pure ``story_entry``, instead of letting
    ``build_dossier`` read them a second time. A custom ``builder`` (tests) is used as given.
    """
    derivations = store.derivations()
    members = set(story.article_ids)
    inside = [d for d in derivations if d.article_id in members and d.source_id in members]
    if builder is not None:
        for entry in builder(store, [story.id]).get("stories", []):
            if entry["id"] == story.id:
                return entry, inside
        raise NotFound(f"story {story.id!r} is stored but missing from the dossier")
    articles = [store.get_article(a) for a in story.article_ids]
    claims = store.claims(list(story.article_ids))
    try:
        from ..report.dossier import mark_unread, story_entry
    except ImportError:
        return _story_entry(store, story, articles, claims, inside), inside
    entry = story_entry(story, articles, claims, inside, store.propositions(story.id),
                        store.conflicts(story.id))
    mark_unread(entry, store)
    return entry, inside


def _iso(article: Article) -> str | None:
    return article.published.isoformat() if article.published else None


def _quantity(q: Quantity) -> dict[str, Any]:
    return {"text": q.text, "value": q.value, "low": q.low, "high": q.high,
            "qualifier": q.qualifier, "measured": q.measured}


def _claim_span(claim: Claim) -> list[int]:
    span = claim.sentence_span or claim.content_span
    return [span.start, span.end]


def _article_entry(article: Article, derivations: Sequence[Derivation]) -> dict[str, Any]:
    return {
        "id": article.id, "path": article.path, "url": article.url, "title": article.title,
        "outlet": article.outlet, "published": _iso(article),
        "derived_from": [{"article": d.source_id, "relation": d.relation, "score": d.score}
                         for d in derivations if d.article_id == article.id],
    }


def _story_entry(store: Store, story: Story, members: Sequence[Article],
                 story_claims: Sequence[Claim], derivations: Sequence[Derivation]
                 ) -> dict[str, Any]:
    from ..reuse import independent_origins, lineages

    by_id = {a.id: a for a in members}
    inside = [d for d in derivations if d.article_id in by_id and d.source_id in by_id]
    root_of = lineages(by_id, inside)
    claims = {c.id: c for c in story_claims}
    propositions = store.propositions(story.id)
    groups: list[tuple[str, list[Claim], str, int | None]] = []
    grouped: set[str] = set()
    for prop in propositions:
        members_of = [claims[c] for c in prop.claim_ids if c in claims]
        if members_of:
            groups.append((prop.id, members_of, prop.status, prop.independent_sources))
            grouped.update(c.id for c in members_of)
    for claim in claims.values():  # claims the compare stage did not align stand alone
        if claim.id not in grouped:
            groups.append((claim.id, [claim], "single-source", None))
    group_of_claim = {c.id: gid for gid, members_of, _, _ in groups for c in members_of}
    out_claims = []
    timeline: list[dict[str, Any]] = []
    for gid, members_of, status, independent in groups:
        first = members_of[0]
        text = by_id[first.article_id].text
        if independent is None:
            independent = len({root_of.get(c.article_id, c.article_id) for c in members_of})
        # a figure a report states itself is its outlet's (the CLI dossier names it so too)
        own = first.extractor == NARRATION
        out_claims.append({
            "id": gid, "speaker": by_id[first.article_id].outlet if own else first.speaker,
            "speaker_kind": "outlet" if own else None, "stance": first.stance,
            "text": first.content_span.of(text), "quote": first.quote,
            "quantities": [_quantity(q) for q in first.quantities],
            "mentions": [{"article": c.article_id, "span": _claim_span(c)} for c in members_of],
            "independent_sources": max(1, independent), "status": status,
        })
        dated = [by_id[c.article_id] for c in members_of if by_id[c.article_id].published]
        if dated:
            earliest = min(dated, key=lambda a: a.published)  # type: ignore[arg-type,return-value]
            timeline.append({"date": _iso(earliest), "claim": gid, "article": earliest.id,
                             "text": first.content_span.of(text)})
    timeline.sort(key=lambda item: item["date"] or "")
    conflicts = []
    for conflict in store.conflicts(story.id):
        ids = list(dict.fromkeys(group_of_claim.get(c, c) for c in conflict.claim_ids))
        if len(ids) < 2:  # both sides were aligned into one proposition: name the claims
            ids = list(dict.fromkeys(conflict.claim_ids))
        conflicts.append({"kind": conflict.kind, "claims": ids,
                          "explanation": conflict.explanation})
    return {
        "id": story.id, "title": story.title,
        "articles": [_article_entry(a, inside) for a in members],
        "independent_sources": max(1, len(set(independent_origins(by_id, root_of).values()))),
        "claims": out_claims, "conflicts": conflicts, "timeline": timeline,
    }


def store_dossier(store: Store, story_ids: Sequence[str] | None = None) -> dict[str, Any]:
    """A schema-valid dossier from what the store holds (no recomputation)."""
    derivations = store.derivations()
    stories = ([store.get_story(s) for s in story_ids] if story_ids is not None
               else store.stories())
    entries = []
    for story in stories:
        members = [store.get_article(a) for a in story.article_ids]
        claims = store.claims(list(story.article_ids))
        entries.append(_story_entry(store, story, members, claims, derivations))
    return {"schema_version": SCHEMA_VERSION, "stories": entries}
