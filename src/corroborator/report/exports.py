"""Exports of a dossier dict: Markdown, JSON Lines, CSV, W3C PROV-JSON, schema.org ClaimReview.

Every function takes the dict :func:`corroborator.report.dossier.build_dossier` returns and
gives back a string; none reads the store, so any valid dossier (even one loaded from a file)
can be exported.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from typing import Any

FORMATS = ("markdown", "jsonl", "csv", "prov", "claimreview")
_BADGE = {"corroborated": "✅ corroborated", "single-source": "◻ single source",
          "conflicting": "⚠ conflicting"}


def _claims(dossier: dict[str, Any]) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    for story in dossier.get("stories", []):
        for claim in story.get("claims", []):
            yield story, claim


def _figures(claim: dict[str, Any]) -> str:
    return "; ".join(q["text"] for q in claim.get("quantities", []))


def _cell(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "")).replace("|", "\\|").strip()


# -- Markdown ------------------------------------------------------------------------------


def export_markdown(dossier: dict[str, Any]) -> str:
    """A readable report: per story its articles, claims, conflicts and timeline."""
    lines = ["# Corroboration dossier", ""]
    for story in dossier.get("stories", []):
        articles = {a["id"]: a for a in story["articles"]}

        def name(aid: str, articles: dict[str, Any] = articles) -> str:
            art = articles.get(aid, {})
            return art.get("outlet") or art.get("title") or aid[:8]

        lines += [f"## {story.get('title') or story['id']}", "",
                  f"{len(story['articles'])} articles, {story['independent_sources']} "
                  "independent sources.", "", "### Articles", ""]
        for art in story["articles"]:
            line = f"- **{art.get('outlet') or '?'}** — {art.get('title') or art['id']}"
            if art.get("published"):
                line += f" ({art['published']})"
            for d in art.get("derived_from", []):
                line += f"; {d['relation']} of {name(d['article'])}"
            lines.append(line)
        lines += ["", "### Claims", "", "| status | sources | speaker | claim | figures |",
                  "|---|---|---|---|---|"]
        order = {"conflicting": 0, "corroborated": 1, "single-source": 2}
        for claim in sorted(story["claims"], key=lambda c: (order[c["status"]],
                                                            -c["independent_sources"])):
            lines.append(
                f"| {_BADGE[claim['status']]} | {claim['independent_sources']} | "
                f"{_cell(claim.get('speaker'))} | {_cell(claim['text'])} | "
                f"{_cell(_figures(claim))} |"
            )
        lines += ["", "### Conflicts", ""]
        if not story["conflicts"]:
            lines.append("No conflicts found.")
        for conflict in story["conflicts"]:
            lines.append(f"- **{conflict['kind']}**: {conflict['explanation']}")
        lines += ["", "### Timeline", ""]
        for entry in story.get("timeline", []):
            when = entry.get("first_seen") or "undated"
            lines.append(f"- {when} — {entry.get('outlet') or '?'}: {_cell(entry.get('text'))}")
            for change in entry.get("changes", []):
                # a figure another row gave says whose it was, where another outlet gave it
                given = (f" ({change['from_outlet']})" if change.get("from_outlet")
                         and change["from_outlet"] != change.get("outlet") else "")
                lines.append(f"  - {change['kind']} in {change.get('outlet') or '?'} "
                             f"({change.get('published') or 'undated'}): {change['from']}"
                             f"{given} → {change['to']}")
        lines.append("")
    if dossier.get("rejected"):
        lines += ["## Rejected inputs", ""]
        lines += [f"- `{r['path']}`: {r['reason']}" for r in dossier["rejected"]]
        lines.append("")
    return "\n".join(lines)


# -- JSON Lines and CSV --------------------------------------------------------------------


def _flat(story: dict[str, Any], claim: dict[str, Any]) -> dict[str, Any]:
    return {
        "story": story["id"],
        "story_title": story.get("title"),
        "id": claim["id"],
        "status": claim["status"],
        "independent_sources": claim["independent_sources"],
        "speaker": claim.get("speaker"),
        "stance": claim["stance"],
        "text": claim["text"],
        "quote": claim.get("quote"),
        "quantities": claim.get("quantities", []),
        "mentions": claim["mentions"],
    }


def export_jsonl(dossier: dict[str, Any]) -> str:
    """One JSON object per claim (proposition), with its story id."""
    return "".join(json.dumps(_flat(s, c), ensure_ascii=False) + "\n" for s, c in _claims(dossier))


CSV_COLUMNS = ("story", "story_title", "id", "status", "independent_sources", "speaker",
               "stance", "text", "quote", "figures", "articles")


def export_csv(dossier: dict[str, Any]) -> str:
    """One row per claim; figures and mentioning articles joined with "; "."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for story, claim in _claims(dossier):
        row = _flat(story, claim)
        row["figures"] = _figures(claim)
        row["articles"] = "; ".join(dict.fromkeys(m["article"] for m in claim["mentions"]))
        del row["quantities"], row["mentions"]
        writer.writerow(row)
    return buffer.getvalue()


# -- W3C PROV ------------------------------------------------------------------------------

NAMESPACE = "urn:corroborator:"


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text).strip("_") or "unknown"


def export_prov(dossier: dict[str, Any]) -> str:
    """W3C PROV-JSON: articles ``wasQuotedFrom`` (copies) or ``wasDerivedFrom`` (rewrites)
    their sources and ``hadPrimarySource`` their lineage origin; outlets and speakers are
    agents; each claim ``wasAttributedTo`` its speaker and ``wasDerivedFrom`` the articles
    that carry it, with the earliest as its primary source."""
    from prov.model import ProvDocument

    doc = ProvDocument()
    doc.add_namespace("cor", NAMESPACE)
    doc.add_namespace("schema", "https://schema.org/")
    for story in dossier.get("stories", []):
        articles = {a["id"]: a for a in story["articles"]}
        parents = {a["id"]: [d["article"] for d in a.get("derived_from", [])]
                   for a in story["articles"]}
        for art in story["articles"]:
            attrs: dict[str, Any] = {"prov:label": art.get("title") or art["id"]}
            for key in ("url", "path", "published", "outlet"):
                if art.get(key):
                    attrs[f"cor:{key}"] = art[key]
            entity = doc.entity(f"cor:article/{art['id']}", attrs)
            if art.get("outlet"):
                outlet = doc.agent(f"cor:outlet/{_slug(art['outlet'])}",
                                   {"prov:label": art["outlet"], "prov:type": "prov:Organization"})
                doc.wasAttributedTo(entity, outlet)
        for art in story["articles"]:
            for d in art.get("derived_from", []):
                if d["article"] not in articles:
                    continue
                this, source = f"cor:article/{art['id']}", f"cor:article/{d['article']}"
                attrs = {"cor:relation": d["relation"], "cor:score": d["score"]}
                if d["relation"] == "rewrite":
                    doc.wasDerivedFrom(this, source, other_attributes=attrs)
                else:
                    doc.wasQuotedFrom(this, source, other_attributes=attrs)
            root, seen = art["id"], {art["id"]}
            while parents.get(root):
                root = parents[root][0]
                if root in seen:
                    break
                seen.add(root)
            if root != art["id"]:
                doc.hadPrimarySource(f"cor:article/{art['id']}", f"cor:article/{root}")
        for claim in story["claims"]:
            entity = doc.entity(f"cor:claim/{claim['id']}", {
                "prov:label": claim["text"][:300],
                "cor:status": claim["status"],
                "cor:independent_sources": claim["independent_sources"],
            })
            if claim.get("speaker"):
                agent = doc.agent(f"cor:speaker/{_slug(claim['speaker'])}",
                                  {"prov:label": claim["speaker"]})
                doc.wasAttributedTo(entity, agent)
            mentioned = list(dict.fromkeys(m["article"] for m in claim["mentions"]))
            for aid in mentioned:
                doc.wasDerivedFrom(entity, f"cor:article/{aid}")
            if mentioned:
                doc.hadPrimarySource(entity, f"cor:article/{mentioned[0]}")
    return str(doc.serialize(format="json", indent=2))


# -- schema.org ClaimReview ----------------------------------------------------------------


def export_claimreview(dossier: dict[str, Any]) -> str:
    """schema.org ClaimReview JSON-LD for every conflicting claim.

    No verdict is invented: there is no numeric rating; the rating's name says that reports
    disagree and its explanation is the conflict's own sentence.
    """
    reviews = []
    for story in dossier.get("stories", []):
        articles = {a["id"]: a for a in story["articles"]}
        for claim in story["claims"]:
            if claim["status"] != "conflicting":
                continue
            # an update is a figure changed over time, not reports that disagree
            conflicts = [c for c in story["conflicts"]
                         if claim["id"] in c["claims"] and c["kind"] != "update"]
            appearances = []
            for aid in dict.fromkeys(m["article"] for m in claim["mentions"]):
                art = articles.get(aid, {})
                item: dict[str, Any] = {"@type": "NewsArticle",
                                        "headline": art.get("title") or aid}
                if art.get("url"):
                    item["url"] = art["url"]
                if art.get("published"):
                    item["datePublished"] = art["published"]
                if art.get("outlet"):
                    item["publisher"] = {"@type": "Organization", "name": art["outlet"]}
                appearances.append(item)
            reviewed: dict[str, Any] = {"@type": "Claim", "appearance": appearances}
            if appearances:
                reviewed["firstAppearance"] = appearances[0]
            if claim.get("speaker"):
                reviewed["author"] = {"@type": "Thing", "name": claim["speaker"]}
            kinds = sorted({c["kind"] for c in conflicts})
            reviews.append({
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "claimReviewed": claim["text"],
                "itemReviewed": reviewed,
                "author": {"@type": "Organization", "name": "corroborator (automated comparison)"},
                "reviewRating": {
                    "@type": "Rating",
                    "alternateName": "Reports disagree: " + ", ".join(kinds) if kinds
                    else "Reports disagree",
                    "ratingExplanation": " ".join(c["explanation"] for c in conflicts),
                },
            })
    return json.dumps(reviews, ensure_ascii=False, indent=2) + "\n"


EXPORTERS = {
    "markdown": export_markdown,
    "jsonl": export_jsonl,
    "csv": export_csv,
    "prov": export_prov,
    "claimreview": export_claimreview,
}


def export(dossier: dict[str, Any], fmt: str) -> str:
    """Dispatch on ``fmt`` (one of ``FORMATS``)."""
    from ..errors import ConfigError

    try:
        return EXPORTERS[fmt](dossier)
    except KeyError:
        raise ConfigError(f"unknown export format {fmt!r}; expected one of {FORMATS}") from None
