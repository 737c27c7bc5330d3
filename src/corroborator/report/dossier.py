"""The dossier: every story with its articles, derivations, aligned claims and conflicts.

The output is a plain dict valid against ``shared/contracts/dossier.schema.json``
(schema_version 1.x). A dossier "claim" is a proposition: one thing reported, with every
mention of it (``[article, span]``), the number of independent sources (lineages) carrying it
and its status. Conflicts name the dossier claims they oppose (proposition ids); the raw
per-article claim ids stay available under ``claim_ids``.

:func:`story_entry` is pure (records in, dict out) so callers holding records in memory can
build a dossier without a store; :func:`build_dossier` reads everything from a store.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from ..compare.speakers import OUTLET, StorySpeakers
from ..compare.timeline import build_timeline
from ..records import (
    Article,
    Claim,
    Conflict,
    Derivation,
    Proposition,
    Quantity,
    Rejection,
    Story,
)
from ..records.article import publication_key
from ..reuse.lineage import independent_origins, lineages
from ..store import Store

SCHEMA_VERSION = "1.0"


def _iso(when: datetime | None) -> str | None:
    return when.isoformat() if when else None


def _when_key(article: Article | None) -> tuple[int, float, str]:
    return (1, 0.0, "") if article is None else publication_key(article)


def _quantity(q: Quantity) -> dict[str, Any]:
    return {
        "text": re.sub(r"\s+", " ", q.text).strip(),
        "value": q.value,
        "low": q.low,
        "high": q.high,
        "qualifier": q.qualifier,
        "measured": q.measured,
        "unit": q.unit,
        "kind": q.kind,
    }


def article_entry(article: Article, derivations: Sequence[Derivation]) -> dict[str, Any]:
    return {
        "id": article.id,
        "path": article.path,
        "url": article.url,
        "title": article.title,
        "outlet": article.outlet,
        "published": _iso(article.published),
        "language": article.language,
        "derived_from": [
            {"article": d.source_id, "relation": d.relation, "score": round(float(d.score), 4)}
            for d in derivations
            if d.article_id == article.id
        ],
    }


def _claim_text(claim: Claim, article: Article | None) -> str:
    if article is None:
        return claim.quote or ""
    return re.sub(r"\s+", " ", claim.content_span.of(article.text)).strip()


def proposition_entry(
    prop: Proposition, claims: Mapping[str, Claim], articles: Mapping[str, Article],
    speakers: StorySpeakers | None = None,
) -> dict[str, Any] | None:
    """The dossier claim for one proposition (None when none of its claims is known)."""
    members = [claims[c] for c in prop.claim_ids if c in claims]
    if not members:
        return None
    members.sort(key=lambda c: (_when_key(articles.get(c.article_id)), c.content_span.start))
    first = members[0]
    speaker = next((c.speaker for c in members if c.speaker), None)
    speaker_kind = None
    if speakers is not None:
        # the story-level identity ("Amara Kestin", not "Kestin" or a dateline); a claim
        # nobody is named for is the outlet's own
        resolved = [speakers.of(c) for c in members]
        best = next((r for r in resolved if r.kind != OUTLET and r.known), resolved[0])
        speaker, speaker_kind = best.label, best.kind
    quote = next((c.quote for c in members if c.quote), None)
    return {
        "id": prop.id,
        "speaker": speaker,
        "speaker_kind": speaker_kind,
        "speakers": sorted({c.speaker for c in members if c.speaker}),
        "stance": first.stance,
        "text": _claim_text(first, articles.get(first.article_id)),
        "quote": quote,
        "quantities": [_quantity(q) for q in first.quantities],
        "mentions": [
            {"article": c.article_id, "span": c.content_span.as_list(), "claim": c.id}
            for c in members
        ],
        "independent_sources": max(1, prop.independent_sources),
        "status": prop.status,
    }


def conflict_entry(conflict: Conflict, prop_of: Mapping[str, str]) -> dict[str, Any] | None:
    props = list(dict.fromkeys(prop_of[c] for c in conflict.claim_ids if c in prop_of))
    if len(props) < 2:
        return None
    return {
        "kind": conflict.kind,
        "claims": props,
        "claim_ids": list(conflict.claim_ids),
        "explanation": conflict.explanation,
    }


def claims_in_updates(story: Mapping[str, Any]) -> set[str]:
    """Ids of a dossier story's claims that an update conflict names: figures a source
    changed over time, which a reader should see beside the claim, not only in the list."""
    return {cid for conflict in story.get("conflicts", []) if conflict["kind"] == "update"
            for cid in conflict["claims"]}


def story_entry(
    story: Story,
    articles: Sequence[Article],
    claims: Sequence[Claim],
    derivations: Sequence[Derivation],
    propositions: Sequence[Proposition],
    conflicts: Sequence[Conflict],
) -> dict[str, Any]:
    """One story of the dossier from records (claims without a proposition get their own)."""
    by_id = {a.id: a for a in articles if a.id in set(story.article_ids)}
    ordered = sorted(by_id.values(), key=_when_key)
    edges = [d for d in derivations if d.article_id in by_id and d.source_id in by_id]
    claim_map = {c.id: c for c in claims if c.article_id in by_id}
    props = list(propositions)
    covered = {cid for p in props for cid in p.claim_ids}
    roots = lineages(list(by_id), edges)
    for claim in claim_map.values():
        if claim.id not in covered:  # compare has not run (or skipped it): stands alone
            props.append(Proposition(f"c-{claim.id}", story.id, (claim.id,), "single-source", 1))
    speakers = StorySpeakers(list(claim_map.values()), list(by_id.values()))
    entries = [e for p in props
               if (e := proposition_entry(p, claim_map, by_id, speakers)) is not None]
    prop_of = {cid: p.id for p in props for cid in p.claim_ids}
    conflict_entries = [e for c in conflicts if (e := conflict_entry(c, prop_of)) is not None]
    return {
        "id": story.id,
        "title": story.title,
        "articles": [article_entry(a, edges) for a in ordered],
        # counted as the claims count them: one outlet's own reports are one source
        "independent_sources": max(1, len(set(independent_origins(by_id, roots).values()))),
        "claims": entries,
        "conflicts": conflict_entries,
        "timeline": build_timeline(props, claim_map, by_id, conflicts),
    }


def mark_unread(entry: dict[str, Any], store: Store) -> None:
    """Give each article of the story that was stored but not read for claims (another
    language, no sentences) the reason, as ``not_analysed``: it counts among the story's
    articles and sources, and a reader must not take its silence for agreement."""
    for article in entry["articles"]:
        analysis = store.analysis(article["id"])
        if analysis is not None and analysis.error:
            article["not_analysed"] = analysis.error


def build_dossier(
    store: Store,
    story_ids: Sequence[str] | None = None,
    rejected: Sequence[Rejection] = (),
) -> dict[str, Any]:
    """The dossier of ``story_ids`` (every story when None) from what ``store`` holds.

    Args:
        store: the store the pipeline wrote (stories, claims, derivations, comparisons).
        story_ids: stories to include (unique id prefixes are accepted); None = all.
        rejected: inputs of this run that were not ingested, reported with their reason.

    Raises:
        NotFound: a story id is not in the store.
    """
    stories = store.stories() if story_ids is None else [store.get_story(s) for s in story_ids]
    derivations = store.derivations()
    out = []
    for story in stories:
        articles = [store.get_article(a) for a in story.article_ids]
        claims = store.claims(list(story.article_ids))
        entry = story_entry(story, articles, claims, derivations,
                            store.propositions(story.id), store.conflicts(story.id))
        mark_unread(entry, store)
        out.append(entry)
    return {
        "schema_version": SCHEMA_VERSION,
        "stories": out,
        "rejected": [{"path": r.where, "reason": r.reason} for r in rejected],
    }
