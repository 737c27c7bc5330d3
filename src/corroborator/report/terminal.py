"""Rich renderables of a dossier: one per story (the CLI prints them; nothing here prints).

Per story: a header with counts, the claims table with status badges, the conflicts with
their explanations, the derivation tree (which article copies or rewrites which) and the
timeline of first appearances and changes.
"""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from .dossier import claims_in_updates

# Every text from an article or the store goes into a Text, never into a markup string:
# news copy is full of brackets ("[the army]", "[updated]"), which Rich would take for
# style tags and drop (or fail on, for "[/i]").

_BADGES = {
    "corroborated": ("✔ corroborated", "bold green"),
    "single-source": ("● single source", "yellow"),
    "conflicting": ("✖ conflicting", "bold red"),
}
_ORDER = {"conflicting": 0, "corroborated": 1, "single-source": 2}


def _outlet(articles: dict[str, Any], aid: str) -> str:
    art = articles.get(aid, {})
    return art.get("outlet") or art.get("title") or aid[:8]


def _speaker_cell(claim: dict[str, Any]) -> Text:
    """Who says it and how, when not as plain fact: "Varkos Mining (denied)" beside
    "ignoring any safety warnings" is a denial, not the company's own admission."""
    cell = Text(claim.get("speaker") or "—")
    stance = claim.get("stance")
    if stance and stance != "stated":
        cell.append(f" ({stance})", style="italic")
    return cell


def _claims_table(story: dict[str, Any], limit: int | None) -> Table:
    table = Table(title="Claims", expand=True, show_lines=False)
    # every text column shares the width by ratio: with fixed widths the claim column is
    # squeezed to one character on an 80-column terminal (or when the output is piped)
    table.add_column("status", no_wrap=True)
    table.add_column("src", justify="right")
    # a word wider than its column is folded, not cut: "Federat…" hid whose claim it is
    table.add_column("speaker", ratio=1, min_width=10, overflow="fold")
    table.add_column("claim", ratio=3, min_width=24)
    table.add_column("figures", ratio=1, min_width=10, overflow="fold")
    claims = sorted(story["claims"], key=lambda c: (_ORDER[c["status"]],
                                                    -c["independent_sources"]))
    updated = claims_in_updates(story)
    for claim in claims[:limit] if limit else claims:
        label, style = _BADGES[claim["status"]]
        badge = Text(label, style=style)
        if claim["id"] in updated:
            badge.append("\n↻ updated", style="cyan")
        table.add_row(badge, str(claim["independent_sources"]), _speaker_cell(claim),
                      Text(claim["text"]),
                      Text("; ".join(q["text"] for q in claim.get("quantities", []))))
    if limit and len(claims) > limit:
        table.caption = f"{len(claims) - limit} more claims not shown"
    return table


def _conflicts(story: dict[str, Any]) -> RenderableType:
    if not story["conflicts"]:
        return Text("No conflicts found.", style="green")
    table = Table(title="Conflicts", expand=True)
    table.add_column("kind", no_wrap=True, style="bold red")
    table.add_column("explanation", ratio=4)
    for conflict in story["conflicts"]:
        table.add_row(conflict["kind"], Text(conflict["explanation"]))
    return table


def _derivation_tree(story: dict[str, Any]) -> Tree:
    articles = {a["id"]: a for a in story["articles"]}
    children: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    derived = set()
    for art in story["articles"]:
        for d in art.get("derived_from", []):
            if d["article"] in articles:
                children.setdefault(d["article"], []).append((art["id"], d))
                derived.add(art["id"])
    tree = Tree("Articles and derivations")

    def label(aid: str) -> Text:
        art = articles[aid]
        when = (art.get("published") or "undated")[:16]
        text = Text.assemble((art.get("outlet") or "?", "bold"),
                             f" — {art.get('title') or aid} ({when})")
        if art.get("not_analysed"):
            text.append(f" [{art['not_analysed']}]", style="yellow")
        return text

    def add(node: Tree, aid: str, seen: set[str]) -> None:
        for child, d in children.get(aid, []):
            if child in seen:
                continue
            branch = node.add(label(child).append(f" {d['relation']} {d['score']:.2f}",
                                                  style="dim"))
            add(branch, child, seen | {child})

    for art in story["articles"]:
        if art["id"] not in derived:
            add(tree.add(label(art["id"])), art["id"], {art["id"]})
    return tree


def _timeline(story: dict[str, Any], limit: int | None) -> Table:
    articles = {a["id"]: a for a in story["articles"]}
    table = Table(title="Timeline", expand=True)
    table.add_column("first seen", no_wrap=True)
    table.add_column("outlet", max_width=22)
    table.add_column("what", ratio=3)
    entries = story.get("timeline", [])
    for entry in entries[:limit] if limit else entries:
        what = Text(entry.get("text") or "")
        for change in entry.get("changes", []):
            # a figure another row gave says whose it was, where another outlet gave it
            given_by = _outlet(articles, change.get("from_article") or "")
            given = (f" ({given_by})" if change.get("from_article")
                     and given_by != _outlet(articles, change.get("article") or "") else "")
            what.append(f"\n  {change['kind']}: {change['from']}{given} → {change['to']} "
                        f"({_outlet(articles, change.get('article') or '')})", style="cyan")
        table.add_row((entry.get("first_seen") or "undated")[:16],
                      Text(entry.get("outlet") or "?"), what)
    return table


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """"1 conflict", "4 conflicts"; ``plural`` when the noun does not take a plain -s."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def render_story(story: dict[str, Any], max_claims: int | None = 40) -> RenderableType:
    """The terminal dossier of one story (a dossier ``stories`` item)."""
    header = Text.assemble(
        (story.get("title") or story["id"], "bold"),
        "\n" + " · ".join((counted(len(story["articles"]), "article"),
                          counted(story["independent_sources"], "independent source"),
                          counted(len(story["claims"]), "claim"),
                          counted(len(story["conflicts"]), "conflict"))),
    )
    return Panel(
        Group(header, _claims_table(story, max_claims), _conflicts(story),
              _derivation_tree(story), _timeline(story, max_claims)),
        title=f"story {story['id']}", title_align="left",
    )


def render_dossier(dossier: dict[str, Any], max_claims: int | None = 40) -> list[RenderableType]:
    """One renderable per story, then the rejected inputs when there are any."""
    out = [render_story(s, max_claims) for s in dossier.get("stories", [])]
    if dossier.get("rejected"):
        table = Table(title="Rejected inputs")
        table.add_column("path")
        table.add_column("reason")
        for r in dossier["rejected"]:
            table.add_row(Text(r["path"]), Text(r["reason"]))
        out.append(table)
    return out
