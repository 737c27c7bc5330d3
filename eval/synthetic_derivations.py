"""Synthetic-derivation quality gate: derivation edges and changed figures on ECB+ families.

Derived articles (copies, near-copies, partial copies, rewrites, some with a changed figure)
are generated from ECB+ documents of the train or dev topics (``eval/derivation_generator.py``);
the topic's other documents are distractors. Scores: directed and undirected edge P/R/F1,
lineage pairwise P/R/F1, recall per derivation kind, changed-figure recall. Reported, not
gated: the same corpus with a drifted rewrite of each source (``drift_*``, see
:func:`drift_figures`), and with a reordered condensed rewrite of each (``reorder_*``, see
:func:`reorder_figures`).

    .venv/bin/python eval/synthetic_derivations.py                 # dev topics
    .venv/bin/python eval/synthetic_derivations.py --split train   # tune here
    .venv/bin/python eval/synthetic_derivations.py --gate | --update-floors
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from derivation_generator import (  # noqa: E402
    DEV_TOPICS,
    TRAIN_TOPICS,
    Corpus,
    add_drifted_rewrites,
    add_reordered_rewrites,
    generate,
    shared_fivegram_rate,
)

from corroborator.evaluation.metrics import pairwise, set_score  # noqa: E402
from corroborator.records import Derivation  # noqa: E402


def topic_candidates(corpus: Corpus) -> list[tuple[str, str]]:
    """All pairs inside a topic: what a perfect story clustering would hand over."""
    by_topic: dict[str, list[str]] = {}
    for article in corpus.articles:
        by_topic.setdefault(article.id.split("_", 1)[0], []).append(article.id)
    return [(a, b) for ids in by_topic.values() for i, a in enumerate(ids) for b in ids[i + 1:]]


def score(corpus: Corpus, derivations: Sequence[Derivation]) -> dict[str, float]:
    from corroborator.reuse import lineages

    predicted = {(d.article_id, d.source_id) for d in derivations}
    directed = set_score(predicted, corpus.edges)
    undirected = set_score({frozenset(e) for e in predicted}, {frozenset(e) for e in corpus.edges})
    ids = [a.id for a in corpus.articles]
    gold_edges = [Derivation(a, b, "copy", 1.0) for a, b in corpus.edges]
    lineage = pairwise(lineages(ids, list(derivations)), lineages(ids, gold_edges))
    figures: dict[str, float] = {}
    by_article: dict[str, list[Derivation]] = {}
    for d in derivations:
        by_article.setdefault(d.article_id, []).append(d)
    found = 0
    for ident, (start, end), _before, _after in corpus.figures:
        changes = [c for d in by_article.get(ident, []) for c in d.changes if c.kind == "figure"]
        if any(c.article_sentence and c.article_sentence[0] < end and start < c.article_sentence[1]
               for c in changes):
            found += 1
    figure_changes = sum(1 for d in derivations for c in d.changes if c.kind == "figure")
    figures["changed_figure_recall"] = found / len(corpus.figures) if corpus.figures else 1.0
    undirected_found = {frozenset(e) for e in predicted}
    per_kind: dict[str, list[int]] = {}
    for edge_ in corpus.edges:
        kind = corpus.kinds[edge_[0]]
        per_kind.setdefault(kind, []).append(int(frozenset(edge_) in undirected_found))
    text = {a.id: a.text for a in corpus.articles}
    rewrite_rates = [shared_fivegram_rate(text[s], text[d]) for d, s in corpus.edges
                     if corpus.kinds[d].startswith("rewrite")]
    return {
        "directed_precision": round(directed.precision, 4),
        "directed_recall": round(directed.recall, 4),
        "directed_f1": round(directed.f1, 4),
        "undirected_precision": round(undirected.precision, 4),
        "undirected_recall": round(undirected.recall, 4),
        "undirected_f1": round(undirected.f1, 4),
        "lineage_pair_f1": round(lineage.f1, 4),
        **{k: round(v, 4) for k, v in figures.items()},
        **{f"recall_{k}": round(sum(v) / len(v), 4) for k, v in sorted(per_kind.items())},
        "figure_changes_reported": float(figure_changes),
        "gold_edges": float(len(corpus.edges)),
        "articles": float(len(corpus.articles)),
        "rewrite_shared_5gram_mean": round(statistics.mean(rewrite_rates), 4)
        if rewrite_rates else 0.0,
    }


def run(topics: tuple[int, ...], candidates: str, max_docs: int | None = None,
        sources: int = 2) -> tuple[dict[str, float], list[Derivation], Corpus]:
    from corroborator.reuse import find_derivations
    from corroborator.settings import load_settings

    corpus = generate(topics, sources_per_topic=sources, max_docs_per_topic=max_docs)
    pairs = topic_candidates(corpus) if candidates == "topic" else None
    started = time.perf_counter()
    derivations = find_derivations(corpus.articles, load_settings(environ={}), candidates=pairs)
    elapsed = time.perf_counter() - started
    figures = score(corpus, derivations)
    figures["seconds"] = round(elapsed, 1)
    return figures, derivations, corpus


def drift_figures(topics: tuple[int, ...], candidates: str) -> dict[str, float]:
    """Reported, not gated: the same corpus with a *rewrite-drift* of each source (cut, a
    sentence of its own, every figure rounded or re-hedged by up to 10%), run on its own so
    the gated figures above stay as they were. Recall: drifted rewrites put in their source's
    lineage (an edge to a sibling copy counts); false edges: edges joining two lineages (the
    topic's independent documents are the negatives that matter); and the share of drifted
    figures reported as changed figures on the drifted rewrites' edges."""
    corpus = add_drifted_rewrites(generate(topics, sources_per_topic=2))
    derivations, drifted, joined, false_edges = _family_run(corpus, candidates, "rewrite-drift")
    reported = sum(min(corpus.drifted[d.article_id],
                       sum(1 for c in d.changes if c.kind == "figure"))
                   for d in derivations if d.article_id in corpus.drifted)
    return {
        "drift_rewrites": float(len(drifted)),
        "drift_recall": round(len(joined) / len(drifted), 4) if drifted else 1.0,
        "drift_false_edges": float(false_edges),
        "drift_figures_reported": round(reported / sum(corpus.drifted.values()), 4)
        if corpus.drifted else 1.0,
    }


def _family_run(corpus, candidates: str, kind: str) -> tuple[list, list, list, int]:  # noqa: ANN001
    """Derivations over ``corpus``; its articles of ``kind`` (with their sources), those put
    in their source's lineage (an edge to a sibling copy counts), and the edges joining two
    lineages."""
    from corroborator.reuse import find_derivations, lineages
    from corroborator.settings import load_settings

    pairs = topic_candidates(corpus) if candidates == "topic" else None
    derivations = find_derivations(corpus.articles, load_settings(environ={}), candidates=pairs)
    family = dict(corpus.edges)
    lineage_of = lineages([a.id for a in corpus.articles], list(derivations))
    members = [(d, s) for d, s in corpus.edges if corpus.kinds[d] == kind]
    joined = [d for d, s in members if lineage_of[d] == lineage_of[s]]
    false_edges = sum(1 for d in derivations
                      if family.get(d.article_id, d.article_id)
                      != family.get(d.source_id, d.source_id))
    return list(derivations), members, joined, false_edges


def reorder_figures(topics: tuple[int, ...], candidates: str) -> dict[str, float]:
    """Reported, not gated: the same corpus with a *rewrite-reorder* of each source (50-80%
    of its sentences kept, most reworded, a sentence or two moved, some figures drifted:
    ``derivation_generator.reorder_condensed``), run on its own like :func:`drift_figures`.
    Recall: reordered rewrites put in their source's lineage; false edges: edges joining
    two lineages."""
    corpus = add_reordered_rewrites(generate(topics, sources_per_topic=2))
    _, reordered, joined, false_edges = _family_run(corpus, candidates, "rewrite-reorder")
    return {
        "reorder_rewrites": float(len(reordered)),
        "reorder_recall": round(len(joined) / len(reordered), 4) if reordered else 1.0,
        "reorder_false_edges": float(false_edges),
    }


GATED = ("directed_f1", "undirected_f1", "lineage_pair_f1", "changed_figure_recall")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    parser.add_argument("--candidates", choices=("index", "topic"), default="index",
                        help="rewrite candidates from the keyword index or all pairs of a topic")
    parser.add_argument("--gate", action="store_true")
    parser.add_argument("--update-floors", action="store_true")
    parser.add_argument("--allow-regression", action="store_true")
    parser.add_argument("--errors", action="store_true", help="list wrong and missed edges")
    args = parser.parse_args(argv)
    topics = DEV_TOPICS if args.split == "dev" else TRAIN_TOPICS
    figures, derivations, corpus = run(topics, args.candidates)
    figures.update(drift_figures(topics, args.candidates))
    figures.update(reorder_figures(topics, args.candidates))
    print(json.dumps({"gate": "derivations", "split": args.split,
                      "candidates": args.candidates, **figures}, indent=2))
    if args.errors:
        predicted = {(d.article_id, d.source_id): d for d in derivations}
        for edge_ in sorted(corpus.edges - set(predicted)):
            print("missed", edge_, corpus.kinds[edge_[0]])
        for edge_, d in sorted(predicted.items()):
            if edge_ not in corpus.edges:
                print("extra", edge_, d.relation, d.score, d.direction_from)
        for ident, (start, end), before, after in corpus.figures:
            reported = [(c.before, c.after) for d in derivations if d.article_id == ident
                        for c in d.changes if c.kind == "figure" and c.article_sentence
                        and c.article_sentence[0] < end and start < c.article_sentence[1]]
            if not reported:
                print("figure missed", ident, repr(before), "->", repr(after))
    gate_name = "derivations" if args.candidates == "index" else "derivations-topic"
    gated = {k: figures[k] for k in GATED}
    from corroborator.evaluation import gate

    return gate.apply(gate_name, gated, update_floors=args.update_floors, enforce=args.gate,
                      allow_regression=args.allow_regression)


if __name__ == "__main__":
    sys.exit(main())
