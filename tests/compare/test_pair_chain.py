"""The whole chain on a fictional pair of reports written in the style of DESIGN.md's worked
example: a wire report and a rewrite of it that share no five-word sequence."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "pass-clashes"


@pytest.fixture(scope="module")
def chain(settings, nlp, embedder, tmp_path_factory):
    from corroborator.compare import compare_story
    from corroborator.nlp.analyze import analyze_articles
    from corroborator.pipeline.ingest import ingest_paths
    from corroborator.reuse import find_derivations
    from corroborator.store import open_store
    from corroborator.stories import cluster_articles

    store = open_store(str(tmp_path_factory.mktemp("pair") / "pair.db"))
    report = ingest_paths(store, [str(DATA)], settings)
    articles = store.articles()
    claims = [c for a in analyze_articles(articles, settings, nlp=nlp) for c in a.claims]
    derivations = find_derivations(articles, settings)
    stories = cluster_articles(articles, settings)
    results = [compare_story(s, articles, claims, derivations, settings) for s in stories]
    return report, articles, claims, stories, results


@pytest.mark.model
@pytest.mark.embeddings
def test_pair_is_one_story_of_two_articles(chain) -> None:
    report, articles, _, stories, _ = chain
    assert not report.rejected
    assert len(articles) == 2
    assert len(stories) == 1


@pytest.mark.model
@pytest.mark.embeddings
def test_pair_conflicts(chain) -> None:
    _, _, claims, _, (result,) = chain
    kinds = {c.kind for c in result.conflicts}
    assert "misreport" in kinds
    assert kinds & {"source-disagreement", "update"}
    assert "quote-variant" in kinds
    figures = {c.id: {q.text.lower() for q in c.quantities} for c in claims}
    for conflict in result.conflicts:
        both = set().union(*(figures.get(cid, set()) for cid in conflict.claim_ids))
        assert not {"thousands", "more than 10,000"} <= both, conflict.explanation
        assert "10,000" not in conflict.explanation and "thousands" not in conflict.explanation


@pytest.mark.model
@pytest.mark.embeddings
def test_pair_misreport_explained(chain) -> None:
    _, _, _, _, (result,) = chain
    misreport = next(c for c in result.conflicts if c.kind == "misreport")
    for needle in ("nearly 3,000", "3,000", "Amara Kestin", "The Evening Ledger",
                   "Coastal Wire Service"):
        assert needle in misreport.explanation
