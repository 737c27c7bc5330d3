"""Lineages: articles joined by derivation edges are one source, however many outlets ran them;
and the lineages one outlet began itself are one source, however many reports it wrote."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from ..records import Article, Derivation
from ..records.article import publication_key


class UnionFind:
    """Disjoint sets with path halving and union by size."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}
        self._size: dict[str, int] = {}

    def add(self, item: str) -> None:
        if item not in self._parent:
            self._parent[item] = item
            self._size[item] = 1

    def find(self, item: str) -> str:
        self.add(item)
        parent = self._parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, a: str, b: str) -> bool:
        """Join the sets of ``a`` and ``b``; False when they were already one."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if self._size[ra] < self._size[rb]:
            ra, rb = rb, ra
        self._parent[rb] = ra
        self._size[ra] += self._size[rb]
        return True


def lineages(article_ids: Iterable[str], derivations: Sequence[Derivation]) -> dict[str, str]:
    """Each article's lineage root: the lineage's earliest source.

    The root is an article of the lineage that derives from nothing in it; when several do
    (an article that merged two sources), the smallest id among them, so the answer is stable.
    """
    ids = list(dict.fromkeys(article_ids))
    sets = UnionFind()
    for article_id in ids:
        sets.add(article_id)
    derived: set[str] = set()
    for edge in derivations:
        sets.union(edge.article_id, edge.source_id)
        derived.add(edge.article_id)
    members: dict[str, list[str]] = {}
    for article_id in list(sets._parent):
        members.setdefault(sets.find(article_id), []).append(article_id)
    root_of: dict[str, str] = {}
    for group in members.values():
        origins = sorted(a for a in group if a not in derived) or sorted(group)
        for article_id in group:
            root_of[article_id] = origins[0]
    return {article_id: root_of[article_id] for article_id in ids}


def independent_origins(articles: Mapping[str, Article], roots: Mapping[str, str]
                        ) -> dict[str, str]:
    """Each article of ``roots`` (article -> lineage root) mapped to its independent source:
    its lineage root, except that the lineages an outlet began itself all go to that outlet's
    earliest report. A follow-up repeating what the outlet reported days before is the same
    outlet's word again, not a second source. Articles missing from ``articles`` keep their
    root."""
    first_origin: dict[str, str] = {}
    for article in sorted(
        (articles[a] for a in set(roots.values()) if a in articles),
        key=publication_key,
    ):
        if article.outlet:
            first_origin.setdefault(article.outlet.lower(), article.id)
    out = {}
    for article_id, root in roots.items():
        outlet = articles[root].outlet if root in articles else None
        out[article_id] = first_origin.get((outlet or "").lower(), root) if outlet else root
    return out


def independent_sources(article_ids: Iterable[str], derivations: Sequence[Derivation],
                        articles: Mapping[str, Article] | None = None) -> int:
    """How many independent sources the given articles (those carrying one claim, or a
    story's) come from: their lineages, and with ``articles`` (for outlets and dates) one
    source per outlet among the lineages it began (:func:`independent_origins`)."""
    roots = lineages(article_ids, derivations)
    if articles is not None:
        roots = independent_origins(articles, roots)
    return len(set(roots.values()))
