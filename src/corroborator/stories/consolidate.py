"""End-of-run consolidation: stories the learned model calls one event, joined as groups.

The merge step and the regroup judge two stories at a time, each with its own guards: the
regroup takes fragments of at most ``regroup_max_articles`` articles into a story twice
their size, and the merge step's veto keeps apart two stories the split check would part
(a test that counts each half's own pairs with their diagonal, so a half of three weighs
itself highly). A one-event story that the split check cut into 11 + 3, or two pieces of
3 + 5, therefore ends the run in two pieces although the learned model reads the pieces as
one event (mean same-event probability 0.8 across them). This step looks at each group of
undated stories that are one another's candidates (connected through join scores of at
least ``threshold``) and joins stories by average linkage over their members' learned
probabilities: the two stories (or groups already joined) with the highest mean
probability across their members join while it reaches ``consolidate_probability``. The
probabilities are computed over the whole group, so each field is centred on what the
group shares, as the model was fitted (each ECB+ train topic whole). See docs/stories.md.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from .split import full_at_median


def connected_groups(order: Sequence[str], edges: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """The connected components of ``edges`` over the ids of ``order`` that hold two or more
    ids, each in the order given and listed by its first id (deterministic)."""
    parent = {node: node for node in order}
    rank = {node: position for position, node in enumerate(order)}

    def root(node: str) -> str:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for node in order:
        for other in edges.get(node, ()):
            if other in parent:
                first, second = root(node), root(other)
                if first != second:
                    # the earlier id stays the root, so groups are listed by first id
                    parent[max(first, second, key=rank.__getitem__)] = min(
                        first, second, key=rank.__getitem__)
    groups: dict[str, list[str]] = {}
    for node in order:
        groups.setdefault(root(node), []).append(node)
    return [group for group in groups.values() if len(group) > 1]


def average_link(matrix: np.ndarray, sizes: Sequence[int], bar: float,
                 words: Sequence[int] | None = None, min_words: int = 0) -> list[list[int]]:
    """Blocks of ``matrix`` (consecutive rows of ``sizes`` members each) joined by average
    linkage: while the highest mean of ``matrix`` across the members of two groups reaches
    ``bar``, those two groups join (ties go to the earlier pair). With ``words`` (each
    member's distinct content words) two groups may join only when one of them is made of
    full articles (``min_words`` at the median): the learned model reads a short report
    against the bodies of full ones, while snippets against snippets it cannot tell apart.
    Returns the groups as lists of block indices, each sorted, in the order of their first
    block."""
    starts = np.cumsum([0, *sizes])
    groups = [[block] for block in range(len(sizes))]
    members = [list(range(starts[b], starts[b + 1])) for b in range(len(sizes))]
    while len(groups) > 1:
        best, pair = -np.inf, (0, 0)
        for i, j in itertools.combinations(range(len(groups)), 2):
            if words is not None and not any(
                    full_at_median([words[m] for m in members[k]], min_words) for k in (i, j)):
                continue
            mean = float(matrix[np.ix_(members[i], members[j])].mean())
            if mean > best:
                best, pair = mean, (i, j)
        if best < bar:
            break
        i, j = pair
        groups[i] = sorted(groups[i] + groups[j])
        members[i] = members[i] + members[j]
        del groups[j], members[j]
    return groups


__all__ = ["average_link", "connected_groups"]
