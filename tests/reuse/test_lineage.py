"""Lineages and independent-source counts."""

from __future__ import annotations

from corroborator.records import Derivation
from corroborator.reuse import independent_sources, lineages


def test_lineage_roots_and_independent_sources() -> None:
    edges = [
        Derivation("b", "a", "copy", 1.0),
        Derivation("c", "a", "rewrite", 0.8),
        Derivation("d", "c", "near-copy", 0.9),
        Derivation("f", "e", "partial", 0.9),
    ]
    roots = lineages(["a", "b", "c", "d", "e", "f", "g"], edges)
    assert roots == {"a": "a", "b": "a", "c": "a", "d": "a", "e": "e", "f": "e", "g": "g"}
    assert independent_sources(["b", "d"], edges) == 1
    assert independent_sources(["b", "f", "g"], edges) == 3
    assert independent_sources([], edges) == 0


def test_merged_lineage_root_is_stable() -> None:
    # "m" merges two sources: one lineage, rooted at the smaller of the two origins.
    edges = [Derivation("m", "x", "partial", 0.9), Derivation("m", "y", "partial", 0.9)]
    assert set(lineages(["m", "x", "y"], edges).values()) == {"x"}
