"""End-to-end throughput of the analysis chain beside spaCy's bare parse of the same texts.

Builds seeded synthetic news articles (``benchmarks/_generate.py``: ≥ 2,000 articles over
≥ 100 stories by default), then in one run:

1. **bare parse**: ``nlp.pipe`` over the article texts (the unavoidable floor of the cost);
2. **end to end**: the articles are stored in a fresh SQLite store (ingest) and the stage
   runner the CLI uses (``corroborator.pipeline.run.run_stages``: analyse → stories →
   reuse → compare) brings every table up to date, each stage timed.

Prints articles/s for both, their ratio (aim: end to end ≥ 0.6 × bare parse), the time per
stage, the CPU seconds per stage (this process and its finished workers: comparable on a
loaded machine, where wall time is not), the texts each stage embedded (``embedded_texts``)
and the CPU seconds spent embedding them (``embedding_cpu_seconds``), the ratio those
embeddings alone allow (``ratio_ceiling_with_these_embeddings``: the bare parse plus the
embedding spread over every process, nothing else),
the number of stories, conflicts (by kind) and propositions found, how the stories and
derivations found compare with how the generator made the articles (``against_generation``),
the load average (the figures are only comparable on a quiet machine) and peak memory
(``ru_maxrss`` of this process and of worker processes). Never asserts on time.

    .venv/bin/python benchmarks/analyze.py                       # 2,000 articles, 120 stories
    .venv/bin/python benchmarks/analyze.py --articles 300 --stories 30 --processes 1
    .venv/bin/python benchmarks/analyze.py --set nlp.narrated_figures=false   # a setting's cost
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _generate import SyntheticArticle, generate  # noqa: E402

from corroborator.evaluation.metrics import pairwise  # noqa: E402
from corroborator.records import Article, Claim, Conflict, Derivation, Story  # noqa: E402
from corroborator.records.article import article_id, content_hash  # noqa: E402
from corroborator.reuse.lineage import lineages  # noqa: E402

# The stage runner's progress descriptions, named as the stages.
STAGES = {"Analysing articles": "analyse", "Clustering stories": "stories",
          "Finding copies and rewrites": "reuse", "Comparing claims across outlets": "compare"}


def build_articles(count: int, stories: int, seed: int) -> list[Article]:
    return [article for article, _ in generated(count, stories, seed)]


def generated(count: int, stories: int, seed: int) -> list[tuple[Article, SyntheticArticle]]:
    """Each generated article as the pipeline reads it, beside how it was made."""
    out = []
    for item in generate(count, stories=stories, seed=seed):
        text = item.title + "\n\n" + "\n\n".join(item.paragraphs)
        published = datetime.fromisoformat(item.published.replace("Z", "+00:00"))
        out.append((Article(article_id(text, item.outlet, item.url, item.title), None,
                            item.url, item.outlet, item.title, published, "en", text,
                            content_hash(text)), item))
    return out


def truth_scores(made: list[tuple[Article, SyntheticArticle]], stories: list[Story],
                 derivations: list[Derivation], claims: list[Claim],
                 conflicts: list[Conflict]) -> dict[str, float]:
    """How the found stories, derivation edges and misreports compare with how the articles
    were made.

    A derivation counts as found when its two articles are joined by an edge either way
    (copies of one wire report may hang off each other rather than off the wire). A rewrite
    the generator gave another figure counts as caught when one of its claims is in a
    misreport; not every such change can be (the generator may turn "about 500" into "at
    least 500", which the first allows), so the figure to watch is its change between runs.
    A misreport none of whose claims is in such a rewrite is one the generation did not make.
    """
    ids = [a.id for a, _ in made]
    gold_story = {a.id: item.story for a, item in made}
    found_story = {i: s.id for s in stories for i in s.article_ids}
    story_pairs = pairwise(found_story, gold_story)
    lineage = lineages(ids, derivations)
    derived = [(a.id, ids[item.source], item.relation) for a, item in made
               if item.source is not None]
    joined = {frozenset((d.article_id, d.source_id)) for d in derivations}
    relation = {a.id: item.relation for a, item in made}
    gold_pairs = {frozenset((a, b)) for a, b, _ in derived}
    out = {"story_pair_precision": round(story_pairs.precision, 3),
           "story_pair_recall": round(story_pairs.recall, 3),
           "derivation_edges_gold": len(derived),
           "derivation_lineage_recall": round(
               sum(lineage[a] == lineage[b] for a, b, _ in derived) / max(1, len(derived)), 3),
           "edges_between_independent_reports": sum(
               1 for pair in joined if pair not in gold_pairs
               and all(relation[i] in ("report", "wire") for i in pair))}
    for kind in ("copy", "near-copy", "partial", "rewrite"):
        mine = [(a, b) for a, b, r in derived if r == kind]
        out[f"recall_{kind}"] = round(
            sum(lineage[a] == lineage[b] for a, b in mine) / max(1, len(mine)), 3)
    changed = {a.id for a, item in made if item.changed_figure}
    article_of = {claim.id: claim.article_id for claim in claims}
    misreported = [{article_of.get(i) for i in conflict.claim_ids}
                   for conflict in conflicts if conflict.kind == "misreport"]
    out["rewrites_with_changed_figure"] = len(changed)
    out["of_them_in_a_misreport"] = len(changed & set().union(*misreported))
    out["misreports_without_changed_rewrite"] = sum(
        1 for articles in misreported if not articles & changed)
    return out


def ceiling_ratio(bare_cpu_seconds: float, embedding_cpu_seconds: float) -> float:
    """The best ratio end to end could reach with the embeddings it computed: as if the
    analysis cost no more than the bare parse, the embedding ran as much in parallel as the
    parse does, and nothing else cost anything. The chain's other work only lowers it. In CPU
    seconds, so a loaded machine does not move it."""
    floor = bare_cpu_seconds + embedding_cpu_seconds
    return round(bare_cpu_seconds / floor, 3) if floor > 0 else 0.0


def _note(stage: str, seconds: float) -> None:
    # progress on stderr, so a run cut short still tells where the time went
    print(f"{stage}: {seconds:.1f} s", file=sys.stderr, flush=True)


def _cpu_seconds() -> float:
    """User + system CPU of this process and of the worker processes it has waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def count_embedded() -> Callable[[], tuple[int, float]]:
    """Count the texts given to ``corroborator.embeddings.embed`` from now on, and the CPU
    seconds spent inside it, in this process and in the workers it forks (the counters live
    in shared memory); returns a function that reads both. Every stage looks ``embed`` up at
    call time."""
    import multiprocessing

    import corroborator.embeddings as embeddings

    context = multiprocessing.get_context("fork")
    texts_seen, cpu_spent = context.Value("q", 0), context.Value("d", 0.0)
    original = embeddings.embed

    def counting(texts, **options):  # type: ignore[no-untyped-def]
        began = _own_cpu_seconds()
        vectors = original(texts, **options)
        spent = _own_cpu_seconds() - began
        with texts_seen.get_lock():
            texts_seen.value += len(texts)
            cpu_spent.value += spent
        return vectors

    embeddings.embed = counting
    return lambda: (int(texts_seen.value), float(cpu_spent.value))


def _own_cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


def _peak_mb() -> dict[str, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"peak_rss_mb": round(own, 1), "peak_rss_children_mb": round(children, 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--stories", type=int, default=120)
    parser.add_argument("--processes", type=int, default=2,
                        help="spaCy worker processes (bare parse and the analyse stage)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--precision", choices=("auto", "float32", "bfloat16"),
                        help="[embeddings] precision (default: the settings')")
    parser.add_argument("--set", action="append", default=[], metavar="SECTION.KEY=VALUE",
                        help="override a setting, e.g. nlp.narrated_figures=false (repeatable)")
    parser.add_argument("--rerun", action="store_true",
                        help="run the stages a second time on the same store (nothing new: "
                             "what a repeated `corroborator analyze` costs)")
    args = parser.parse_args(argv)

    from corroborator.embeddings import load_model, resolve_precision
    from corroborator.nlp.loader import load_pipeline
    from corroborator.pipeline.run import run_stages
    from corroborator.settings import load_settings
    from corroborator.store import open_store

    # The analyse stage picks its own process count; pin it to the bare parse's.
    overrides: dict[str, dict[str, object]] = {
        "pipeline": {"analyse_processes": args.processes, "parallel_min_articles": 1}}
    if args.precision:
        overrides["embeddings"] = {"precision": args.precision}
    for assignment in args.set:
        key, _, value = assignment.partition("=")
        section, _, name = key.partition(".")
        overrides.setdefault(section, {})[name] = json.loads(value)
    settings = load_settings(environ={}, overrides=overrides)
    made = generated(args.articles, args.stories, args.seed)
    articles = [article for article, _ in made]
    texts = [a.text for a in articles]
    nlp = load_pipeline(settings.raw("nlp")["model"])
    load_model()  # model loading is not throughput: load both before timing

    started, started_cpu = time.perf_counter(), _cpu_seconds()
    parsed = sum(1 for _ in nlp.pipe(texts, batch_size=settings.raw("nlp")["batch_size"],
                                     n_process=args.processes))
    bare = time.perf_counter() - started
    bare_cpu = _cpu_seconds() - started_cpu
    _note("bare parse", bare)

    stages: dict[str, float] = {}
    cpu: dict[str, float] = {}
    embedded: dict[str, int] = {}
    embedding_cpu: dict[str, float] = {}
    embedded_so_far = count_embedded()

    @contextmanager
    def timed(description: str, _total: int | None) -> Iterator[Callable[..., None]]:
        began, began_cpu = time.perf_counter(), _cpu_seconds()
        began_texts, began_embedding = embedded_so_far()
        yield lambda *_a, **_k: None
        name = STAGES.get(description, description)
        stages[name] = time.perf_counter() - began
        cpu[name] = _cpu_seconds() - began_cpu
        texts_now, embedding_now = embedded_so_far()
        embedded[name] = texts_now - began_texts
        embedding_cpu[name] = embedding_now - began_embedding
        _note(name, stages[name])

    with tempfile.TemporaryDirectory(prefix="corroborator-bench-") as folder:
        store = open_store(str(Path(folder) / "bench.db"))
        t0 = time.perf_counter()
        with store.atomic():
            for article in articles:
                store.add_article(article)
        stages["ingest"] = time.perf_counter() - t0
        _note("ingest", stages["ingest"])
        report = run_stages(store, settings, progress=timed)
        total = time.perf_counter() - t0
        found_claims, conflicts = store.claims(), store.conflicts()
        claims = len(found_claims)
        conflict_kinds = Counter(conflict.kind for conflict in conflicts)
        truth = truth_scores(made, store.stories(), store.derivations(), found_claims,
                             conflicts)
        rerun: dict[str, float] = {}
        if args.rerun:
            first = dict(stages), dict(cpu), dict(embedded), dict(embedding_cpu)
            t1 = time.perf_counter()
            run_stages(store, settings, progress=timed)
            rerun = {**{k: round(v, 1) for k, v in stages.items()},
                     "total": round(time.perf_counter() - t1, 1),
                     "embedded_texts": dict(embedded)}
            stages, cpu, embedded, embedding_cpu = first
        store.close()

    result = {
        "benchmark": "analyze",
        "machine": f"{platform.machine()} {os.cpu_count()} cores, Python "
                   f"{platform.python_version()}",
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "articles": len(articles),
        "generated_stories": args.stories,
        "processes": args.processes,
        "bare_parse_articles_per_s": round(parsed / bare, 1),
        "end_to_end_articles_per_s": round(len(articles) / total, 1),
        "ratio_end_to_end_to_bare": round((len(articles) / total) / (parsed / bare), 3),
        "seconds": {"bare_parse": round(bare, 1), **{k: round(v, 1) for k, v in stages.items()},
                    "end_to_end": round(total, 1)},
        "cpu_seconds": {"bare_parse": round(bare_cpu, 1),
                        **{k: round(v, 1) for k, v in cpu.items()}},
        "embedded_texts": embedded,
        "embedding_cpu_seconds": {k: round(v, 1) for k, v in embedding_cpu.items()},
        "ratio_ceiling_with_these_embeddings": ceiling_ratio(
            bare_cpu, sum(embedding_cpu.values())),
        "embedding_precision": resolve_precision(settings.raw("embeddings").get("precision")),
        **({"rerun_seconds": rerun} if rerun else {}),
        "found": {"claims": claims, "derivations": report.derivations,
                  "stories": report.stories, "propositions": report.propositions,
                  "conflicts": report.conflicts,
                  "conflict_kinds": dict(sorted(conflict_kinds.items()))},
        "against_generation": truth,
        **_peak_mb(),
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
