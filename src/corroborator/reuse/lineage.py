"""Lineages: articles joined by derivation edges are one source, however many outlets ran them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..records import Derivation


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


def independent_sources(article_ids: Iterable[str], derivations: Sequence[Derivation]) -> int:
    """How many lineages the given articles belong to (the articles carrying one claim)."""
    roots = lineages(article_ids, derivations)
    return len(set(roots.values()))
