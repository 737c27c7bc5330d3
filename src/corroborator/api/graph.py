"""Server-side layout of a story's derivation graph (drawn as SVG by a template).

Articles are nodes; each lineage (articles joined by copy/rewrite edges) is one horizontal
band, laid out as a tree from its origin on the left to later copies on the right (column =
derivation depth, row = publication order). Edges carry the relation and the figures that
changed along them. Only numbers and strings are produced here: the template escapes all
text, so an outlet name can never inject markup into the SVG.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping, Sequence
from typing import Any

from ..records import Derivation

NODE_W = 210
NODE_H = 44
COL_GAP = 230  # room for edge labels between columns
ROW_GAP = 18
BAND_PAD = 14
BAND_HEAD = 22  # the lineage caption above each band
MARGIN = 12
MAX_LABEL = 30
ALONE_PER_ROW = 3  # at least this many single-article lineages side by side
ALONE_GAP = 24


def _clip(text: str | None, limit: int = MAX_LABEL) -> str:
    text = (text or "").strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _bezier(p0, p1, p2, p3, t: float) -> tuple[float, float]:
    u = 1 - t
    a, b, c, d = u**3, 3 * u * u * t, 3 * u * t * t, t**3
    return (a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0],
            a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1])


def _figure_changes(derivation: Derivation | None) -> list[str]:
    if derivation is None:
        return []
    return [f"{c.before or '—'} → {c.after or '—'}" for c in derivation.changes
            if c.kind == "figure"]


def layout_graph(articles: Sequence[Mapping[str, Any]],
                 derivations: Sequence[Derivation] = (),
                 conflicts: Mapping[tuple[str, str], Sequence[str]] | None = None
                 ) -> dict[str, Any]:
    """Positions for the story's articles (dossier ``articles`` entries) and their edges.

    ``derivations`` (from the store) add what changed along each edge; ``conflicts`` maps
    (derived article, source article) to conflicting figures found along that edge by the
    compare stage. The edges themselves come from the dossier's ``derived_from`` so the
    picture matches the dossier.
    """
    ids = [a["id"] for a in articles]
    by_id = {a["id"]: a for a in articles}
    detail = {(d.article_id, d.source_id): d for d in derivations}
    edges = [(src["article"], a["id"], src) for a in articles
             for src in a.get("derived_from", []) if src["article"] in by_id]

    # Lineages: connected components of the edges.
    parent = {i: i for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for source, target, _ in edges:
        parent[find(source)] = find(target)
    components: dict[str, list[str]] = {}
    for i in ids:
        components.setdefault(find(i), []).append(i)

    def when(i: str) -> str:
        return by_id[i].get("published") or "9999"

    children: dict[str, list[str]] = {i: [] for i in ids}
    has_source: set[str] = set()
    for source, target, _ in edges:
        children[source].append(target)
        has_source.add(target)

    bands: list[dict[str, Any]] = []
    nodes: list[dict[str, Any]] = []
    positions: dict[str, tuple[float, float]] = {}
    y = MARGIN
    width = MARGIN * 2 + NODE_W

    def place(i: str, x: float, ny: float, origin: bool, number: int) -> None:
        positions[i] = (x, ny)
        article = by_id[i]
        nodes.append({
            "id": i, "x": x, "y": ny, "w": NODE_W, "h": NODE_H,
            "label": _clip(article.get("outlet") or article.get("path") or i),
            "sub": (article.get("published") or "date unknown")[:16].replace("T", " "),
            "title": article.get("title") or "", "origin": origin, "lineage": number,
        })

    ordered = sorted(components.values(), key=lambda m: (-len(m), min(when(i) for i in m)))
    linked = [m for m in ordered if len(m) > 1]
    alone = sorted((m[0] for m in ordered if len(m) == 1), key=when)
    for number, members in enumerate(linked, start=1):
        roots = sorted((i for i in members if i not in has_source), key=when) or [
            min(members, key=when)]
        depth: dict[str, int] = {}
        queue = deque((r, 0) for r in roots)
        while queue:  # BFS; `depth` doubles as the visited set, so cycles cannot loop
            node, d = queue.popleft()
            if node in depth:
                continue
            depth[node] = d
            queue.extend((c, d + 1) for c in children[node])
        for i in members:
            depth.setdefault(i, 0)
        columns: dict[int, list[str]] = {}
        for i in sorted(members, key=when):
            columns.setdefault(depth[i], []).append(i)
        rows = max(len(col) for col in columns.values())
        top = y + BAND_HEAD
        height = BAND_HEAD + BAND_PAD * 2 + rows * NODE_H + (rows - 1) * ROW_GAP
        for col, column in columns.items():
            for row, i in enumerate(column):
                place(i, MARGIN + BAND_PAD + col * (NODE_W + COL_GAP),
                      top + BAND_PAD + row * (NODE_H + ROW_GAP), i in roots, number)
        band_w = BAND_PAD * 2 + len(columns) * NODE_W + (len(columns) - 1) * COL_GAP
        origin = by_id[roots[0]]
        bands.append({
            "x": MARGIN, "y": y, "w": band_w, "h": height, "number": number,
            "label": f"Lineage {number}: {len(members)} articles, origin "
                     f"{_clip(origin.get('outlet') or origin['id'], 40)}",
        })
        width = max(width, MARGIN * 2 + band_w)
        y += height + MARGIN
    if alone:
        # Articles that copy nothing and are copied by nobody: one band, packed in a grid,
        # so that ten independent reports do not take ten bands of height.
        per_row = max(ALONE_PER_ROW, (width - MARGIN * 2 - BAND_PAD * 2 + ALONE_GAP)
                      // (NODE_W + ALONE_GAP))
        per_row = min(per_row, len(alone))
        rows = -(-len(alone) // per_row)
        number = len(linked) + 1
        top = y + BAND_HEAD
        for k, i in enumerate(alone):
            place(i, MARGIN + BAND_PAD + (k % per_row) * (NODE_W + ALONE_GAP),
                  top + BAND_PAD + (k // per_row) * (NODE_H + ROW_GAP), True, number)
        band_w = BAND_PAD * 2 + per_row * NODE_W + (per_row - 1) * ALONE_GAP
        height = BAND_HEAD + BAND_PAD * 2 + rows * NODE_H + (rows - 1) * ROW_GAP
        bands.append({"x": MARGIN, "y": y, "w": band_w, "h": height, "number": number,
                      "label": f"{len(alone)} independent article(s): each its own lineage"})
        width = max(width, MARGIN * 2 + band_w)
        y += height + MARGIN

    out_edges = []
    for source, target, entry in edges:
        sx, sy = positions[source]
        tx, ty = positions[target]
        p0 = (sx + NODE_W, sy + NODE_H / 2)
        p3 = (tx, ty + NODE_H / 2)
        if tx <= sx:  # same column (should not happen in a tree): route around the right
            p0 = (sx + NODE_W, sy + NODE_H / 2)
            p3 = (tx + NODE_W, ty + NODE_H / 2)
            bend = sx + NODE_W + COL_GAP / 2
            p1, p2 = (bend, p0[1]), (bend, p3[1])
        else:
            mid = (p0[0] + p3[0]) / 2
            p1, p2 = (mid, p0[1]), (mid, p3[1])
        lx, ly = _bezier(p0, p1, p2, p3, 0.72)
        changes = _figure_changes(detail.get((target, source)))
        changes += [c for c in (conflicts or {}).get((target, source), ()) if c not in changes]
        out_edges.append({
            "source": source, "target": target, "relation": entry.get("relation", ""),
            "score": entry.get("score"),
            "path": "M {:.1f} {:.1f} C {:.1f} {:.1f}, {:.1f} {:.1f}, {:.1f} {:.1f}".format(
                *p0, *p1, *p2, *p3),
            "label_x": round(lx, 1), "label_y": round(ly, 1),
            "label": f"{entry.get('relation', '')} {float(entry.get('score') or 0):.2f}".strip(),
            "changes": [_clip(c, 40) for c in changes[:3]],
            "changed": bool(changes),
        })
    return {"width": width, "height": max(y, MARGIN * 2 + NODE_H), "nodes": nodes,
            "edges": out_edges, "bands": bands}
