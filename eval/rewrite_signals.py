"""How well document-pair signals separate rewrites from independent reports of one event.

Positives: the synthetic rewrites of ECB+ topics (``eval/derivation_generator.py``), each
against its source and the source's exact copy, and (with ``--demo``) the demo answer key's
rewrites. Negatives: every other pair inside a topic (or demo story) that is not one
lineage: independent reports of one event, or of two events of one kind, which a story
clustering hands to the reuse stage. Features (``reuse/docpair.py``) are computed on all
such pairs, not only those that pass ``derive.could_be_rewrite``; for each the script prints
where positives and negatives lie, and what the loose-rewrite rule
(``derive.rewrite_chain``: whole or condensed, figures kept or drifted) finds.

    .venv/bin/python eval/rewrite_signals.py                # dev topics
    .venv/bin/python eval/rewrite_signals.py --split train  # tune here
    .venv/bin/python eval/rewrite_signals.py --demo         # and the demo corpus' pairs
    .venv/bin/python eval/rewrite_signals.py --benchmark 300  # and the benchmark generator's
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from derivation_generator import DEV_TOPICS, TRAIN_TOPICS, generate  # noqa: E402
from synthetic_derivations import topic_candidates  # noqa: E402

from corroborator.records import Article  # noqa: E402


@dataclass
class Row:
    a: str
    b: str
    label: int
    x: np.ndarray
    chain_pairs: int  # sentence pairs of the order-preserving chain (derive.rewrite_chain)
    chain_share: float  # the lower of its two shares: sentences and facts of the longer
    fact_order: float
    accepted: bool  # derive.rewrite_chain accepts the pair (whole or condensed)


def pair_rows(articles: Sequence[Article], pairs: Iterable[tuple[str, str]],
              label_of: Callable[[str, str], int | None]) -> list[Row]:
    """Features of each labelled pair (``label_of`` returns ``None`` to skip a pair)."""
    from corroborator.reuse.align import EmbeddingCache, align_prepared
    from corroborator.reuse.classify import load_model
    from corroborator.reuse.derive import profile, rewrite_chain
    from corroborator.reuse.docpair import chain, pair_features
    from corroborator.reuse.settings import reuse_settings
    from corroborator.settings import load_settings

    config = reuse_settings(load_settings(environ={}))
    model = load_model()
    cache = EmbeddingCache(10**6)
    profiles = {a.id: profile(a, config) for a in articles}
    rows = []
    for a_id, b_id in pairs:
        label = label_of(a_id, b_id)
        pa, pb = profiles[a_id], profiles[b_id]
        if label is None or pa.empty or pb.empty:
            continue
        for p in (pa, pb):
            if p.prepared.vectors is None:
                p.prepared.vectors = cache.vectors([s.text for s in p.sentences])
        alignment = align_prepared(pa.prepared, pb.prepared, model, config)
        va, vb = pa.prepared.vectors, pb.prepared.vectors
        assert va is not None and vb is not None
        found = chain(pa.prepared, pb.prepared, va @ vb.T, config.propose_cosine)
        rows.append(Row(a_id, b_id, label, pair_features(pa.prepared, pb.prepared, alignment),
                        len(found.pairs), min(found.share_long, found.fact_share_long),
                        found.fact_order,
                        rewrite_chain(pa.prepared, pb.prepared, va @ vb.T, config) is not None))
    return rows


def synthetic_rows(topics: tuple[int, ...], max_docs: int | None = None) -> list[Row]:
    corpus = generate(topics, sources_per_topic=2, max_docs_per_topic=max_docs)
    source_of = dict(corpus.edges)
    kinds = corpus.kinds

    def label_of(a: str, b: str) -> int | None:
        if source_of.get(a, a) != source_of.get(b, b):
            return 0
        # One lineage: a rewrite against its source or the source's exact copy is a
        # positive; copies, near-copies and partial copies are the shingle rules' business.
        pair = {kinds.get(a, "source"), kinds.get(b, "source")}
        rewritten = any(k.startswith("rewrite") for k in pair)
        return 1 if rewritten and pair & {"source", "copy"} else None

    return pair_rows(corpus.articles, topic_candidates(corpus), label_of)


def demo_rows() -> list[Row]:
    """Pairs inside each demo story: the key's rewrites and the pairs of other lineages."""
    import tempfile

    from corroborator.demo import ANSWER_KEY, CORPUS_DIR
    from corroborator.pipeline.ingest import ingest_paths
    from corroborator.settings import load_settings
    from corroborator.store import open_store

    key = json.loads(ANSWER_KEY.read_text("utf-8"))
    with tempfile.TemporaryDirectory() as folder, \
            open_store(str(Path(folder) / "demo.db")) as store:
        ingest_paths(store, [str(CORPUS_DIR)], load_settings(environ={}))
        stored = store.articles()
    articles, name = [], {}
    for article in stored:
        ident = article.url or str(Path(article.path or "").relative_to(CORPUS_DIR))
        if ident in key["articles"]:
            articles.append(article)
            name[article.id] = key["articles"][ident]["id"]
    lineage = {key["articles"][u]["id"]: n for n, group in enumerate(key["lineages"])
               for u in group}
    rewrites = {frozenset((key["articles"][d["article"]]["id"],
                           key["articles"][d["source"]]["id"]))
                for d in key["derivations"] if d["relation"] == "rewrite"}

    def label_of(a: str, b: str) -> int | None:
        na, nb = name[a], name[b]
        if frozenset((na, nb)) in rewrites:
            return 1
        return None if lineage[na] == lineage[nb] else 0

    story = {a.id: name[a.id][0] for a in articles}
    ids = sorted(story)
    pairs = [(x, y) for i, x in enumerate(ids) for y in ids[i + 1:] if story[x] == story[y]]
    rows = pair_rows(articles, pairs, label_of)
    for row in rows:
        row.a, row.b = name[row.a], name[row.b]
    return rows


def benchmark_rows(count: int, stories: int, seed: int = 13) -> list[Row]:
    """Pairs inside each story of the benchmark generator's articles
    (``benchmarks/_generate.py``, as ``benchmarks/analyze.py`` builds them): its rewrites
    against their source are the positives, pairs of two independently generated reports
    (or a report and the wire) the negatives; copies are the shingle rules' business."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from analyze import generated  # type: ignore[import-not-found]

    from corroborator.reuse.pipeline import story_candidates
    from corroborator.settings import load_settings

    made = generated(count, stories, seed)
    articles = [a for a, _ in made]
    number = {a.id: k for k, a in enumerate(articles)}
    how = {a.id: item for a, item in made}
    groups: dict[int, list[str]] = {}
    for a, item in made:
        groups.setdefault(item.story, []).append(a.id)

    def label_of(a: str, b: str) -> int | None:
        x, y = how[a], how[b]
        if {x.relation, y.relation} <= {"report", "wire"}:
            return 0
        rewritten = (x.relation == "rewrite" and x.source == number[b]) or (
            y.relation == "rewrite" and y.source == number[a])
        return 1 if rewritten else None

    pairs = sorted(story_candidates(groups.values(), articles, load_settings(environ={})))
    return pair_rows(articles, pairs, label_of)


def separation(rows: Sequence[Row]) -> dict[str, dict[str, float | None]]:
    """Per feature: lowest positives and highest negatives (quantiles and extremes)."""
    from corroborator.reuse.docpair import FEATURES

    x = np.stack([r.x for r in rows])
    y = np.array([r.label for r in rows])
    out = {}
    for k, name in enumerate(FEATURES):
        pos, neg = x[y == 1, k], x[y == 0, k]
        out[name] = {
            "positive_min": round(float(pos.min()), 3) if len(pos) else None,
            "positive_p05": round(float(np.quantile(pos, 0.05)), 3) if len(pos) else None,
            "negative_p99": round(float(np.quantile(neg, 0.99)), 3) if len(neg) else None,
            "negative_max": round(float(neg.max()), 3) if len(neg) else None,
        }
    return out


def rule_figures(rows: Sequence[Row]) -> dict[str, object]:
    """What ``derive.rewrite_chain`` (the loose-rewrite rule) accepts among the rows."""
    from corroborator.reuse.settings import reuse_settings
    from corroborator.settings import load_settings

    config = reuse_settings(load_settings(environ={}))
    hits = [r for r in rows if r.accepted]
    positives = sum(r.label for r in rows)
    found = sum(r.label for r in hits)
    ranked = sorted((r for r in rows if r.label == 0 and r.chain_pairs
                     >= config.chain_min_sentences), key=lambda r: -r.chain_share)
    return {"positives": positives, "negatives": len(rows) - positives,
            "rule_found": found, "rule_false": len(hits) - found,
            "highest_negatives": [(r.a, r.b, round(r.chain_share, 3), round(r.fact_order, 3))
                                  for r in ranked[:3]],
            "lowest_positives": sorted((round(r.chain_share, 3), r.chain_pairs, r.a, r.b)
                                       for r in rows if r.label)[:3]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    parser.add_argument("--demo", action="store_true", help="score the demo corpus' pairs too")
    parser.add_argument("--max-docs", type=int, default=None,
                        help="at most this many ECB+ documents per topic (a quick look)")
    parser.add_argument("--benchmark", type=int, metavar="ARTICLES", default=0,
                        help="score the benchmark generator's pairs too (that many articles, "
                             "a tenth as many stories)")
    args = parser.parse_args(argv)
    rows = synthetic_rows(TRAIN_TOPICS if args.split == "train" else DEV_TOPICS, args.max_docs)
    report: dict[str, object] = {args.split: {"rule": rule_figures(rows),
                                              "separation": separation(rows)}}
    if args.demo:
        demo = demo_rows()
        report["demo"] = {"rule": rule_figures(demo), "separation": separation(demo)}
    if args.benchmark:
        bench = benchmark_rows(args.benchmark, max(1, args.benchmark // 10))
        report["benchmark"] = {"rule": rule_figures(bench), "separation": separation(bench)}
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
