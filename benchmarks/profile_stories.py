"""Where the stories stage spends its CPU on the analyze benchmark's corpus.

Builds the generated articles of ``benchmarks/analyze.py`` (same seed and sizes), runs the
analyse stage once into a store kept at ``--store`` (reused when it exists: the stories stage
reads the claims it wrote), then runs only the stories stage
(``corroborator.pipeline.stories_stage.update_stories``, from a fresh state each time) in
this process under cProfile, with the embedding on one thread as a forked worker would run
it. Prints the CPU seconds of the stage, of its parts (embedding, NER, hashing, names,
clustering, merge step) and cProfile's top functions by cumulative time. ``--spacy-ner``
measures the clusterer as it was before its names and numbers came from regular expressions.

    .venv/bin/python benchmarks/profile_stories.py --articles 600 --stories 40
    .venv/bin/python benchmarks/profile_stories.py --store /tmp/bench.db --top 40
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from analyze import build_articles  # noqa: E402


def _cpu() -> float:
    return time.process_time()


def prepared_store(path: Path, count: int, stories: int, seed: int):  # type: ignore[no-untyped-def]
    """The store with the generated articles analysed (analysed once, then reused)."""
    from corroborator.pipeline.analyse import analyse_store
    from corroborator.settings import load_settings
    from corroborator.store import open_store

    fresh = not path.exists()
    store = open_store(str(path))
    if fresh:
        settings = load_settings(environ={}, overrides={
            "pipeline": {"analyse_processes": 1, "parallel_min_articles": 1}})
        articles = build_articles(count, stories, seed)
        with store.atomic():
            for article in articles:
                store.add_article(article)
        analyse_store(store, settings, articles=articles)
    return store


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--stories", type=int, default=120)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--store", type=Path, help="analysed store to reuse or create")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--no-profile", action="store_true",
                        help="CPU seconds only (cProfile adds its own overhead)")
    parser.add_argument("--spacy-ner", action="store_true",
                        help="names and numbers of title + lead by spaCy's recogniser (a "
                             "second spaCy pass: the clusterer's input before 2026-11-26)")
    args = parser.parse_args(argv)

    import torch

    import corroborator.stories.features as features
    from corroborator.embeddings import load_model
    from corroborator.nlp.loader import load_pipeline
    from corroborator.pipeline.stories_stage import STATE_KEY, update_stories
    from corroborator.settings import load_settings

    torch.set_num_threads(1)
    store_path = args.store or Path(f"/tmp/profile-stories-{args.articles}-{args.stories}.db")
    store = prepared_store(store_path, args.articles, args.stories, args.seed)
    settings = load_settings(environ={})
    load_pipeline(settings.raw("nlp")["model"])
    load_model()
    store.put_state(STATE_KEY, {})  # cluster everything again

    parts: dict[str, float] = {}

    def timed(name, fn):  # type: ignore[no-untyped-def]
        def wrapper(*a, **k):  # type: ignore[no-untyped-def]
            began = _cpu()
            try:
                return fn(*a, **k)
            finally:
                parts[name] = parts.get(name, 0.0) + _cpu() - began
        return wrapper

    extractor = features.FeatureExtractor
    if args.spacy_ner:
        plain_init = extractor.__init__

        def with_spacy(self, settings, embed_fn=None, ner_fn=None):  # type: ignore[no-untyped-def]
            plain_init(self, settings, embed_fn, ner_fn or self.spacy_mentions)

        extractor.__init__ = with_spacy  # type: ignore[method-assign]
        extractor.spacy_mentions = timed("ner", extractor.spacy_mentions)
    features.lead_mentions = timed("names and numbers of title + lead", features.lead_mentions)
    extractor._default_embed = timed("embed", extractor._default_embed)
    extractor._extract_batch = timed("features (all)", extractor._extract_batch)
    features.body_names = timed("names", features.body_names)
    from corroborator.stories.clusterer import StoryClusterer

    StoryClusterer.merge_step = timed("final merge step", StoryClusterer.merge_step)
    StoryClusterer._merge = timed("merge (periodic + final)", StoryClusterer._merge)
    StoryClusterer._regroup = timed("regroup", StoryClusterer._regroup)
    StoryClusterer._split = timed("split checks", StoryClusterer._split)
    StoryClusterer.state = timed("state", StoryClusterer.state)

    profiler = None if args.no_profile else cProfile.Profile()
    began = _cpu()
    if profiler:
        profiler.enable()
    stories = update_stories(store, settings)
    if profiler:
        profiler.disable()
    total = _cpu() - began
    print(json.dumps({"articles": args.articles, "stories_found": len(stories),
                      "cpu_seconds": round(total, 2),
                      "parts": {k: round(v, 2) for k, v in parts.items()}}, indent=2))
    if profiler:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(args.top)
        print(out.getvalue())
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(args.top)
        print(out.getvalue())
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
