"""Lineages and independent-source counts."""

from __future__ import annotations

from corroborator.records import Derivation
from corroborator.reuse import independent_origins, independent_sources, lineages


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


def test_one_outlets_own_reports_are_one_source() -> None:
    from datetime import UTC, datetime

    from corroborator.records import Article

    def art(aid: str, outlet: str | None, day: int) -> Article:
        return Article(id=aid, path=f"{aid}.html", url=None, outlet=outlet, title=aid,
                       published=datetime(2026, 3, day, tzinfo=UTC), language="en",
                       text="x", content_hash=aid)

    # the wire's report (day 1), its copy by a paper, the wire's own follow-up (day 3), an
    # unnamed outlet's report and a paper's own later piece
    articles = {a.id: a for a in (art("w1", "Orrin Wire", 1), art("p", "Daily Post", 1),
                                  art("w2", "Orrin Wire", 3), art("u", None, 2),
                                  art("p2", "Daily Post", 4))}
    edges = [Derivation("p", "w1", "copy", 1.0)]
    roots = lineages(list(articles), edges)
    assert independent_sources(list(articles), edges) == 4  # lineages: w1, w2, u, p2
    origins = independent_origins(articles, roots)
    assert origins == {"w1": "w1", "p": "w1", "w2": "w1", "u": "u", "p2": "p2"}
    # the paper's copy of the wire is no report of the paper's own: its later piece stands
    assert independent_sources(list(articles), edges, articles) == 3
