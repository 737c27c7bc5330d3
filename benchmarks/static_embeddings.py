"""Research: a static (model2vec) embedding distilled from all-MiniLM-L6-v2 beside MiniLM itself.

Not part of the pipeline; needs ``model2vec`` (not a dependency of the project) and a model
distilled from the packaged MiniLM (docs/speed.md says how). Two uses are measured:

* ``stories-ecb`` / ``stories-allsides``: the story clusterer's title + lead embedding replaced
  by the static one, then ``eval/ecbplus_stories.py`` or ``eval/allsides_stories.py`` as usual
  (figures only: never pins floors).
* ``pairs-bench`` / ``pairs-synthetic``: the sentence pairs the reuse stage's alignment would
  propose with MiniLM (``reuse.align``: each sentence of the derived article proposes its 3
  nearest source sentences at cosine >= ``propose_cosine``; sentences equal after
  normalisation are matched without embeddings and left out) on article pairs of the analyze
  benchmark's generated corpus (same story) or of eval/synthetic_derivations.py's corpus (dev
  topics: every derivation edge and the topic's other pairs), and the share of them the
  static model finds among its k nearest (recall@k), with the cosines' correlation and the CPU
  seconds of each model per 1,000 sentences.

    .venv/bin/python benchmarks/static_embeddings.py pairs-bench --model /tmp/m2v-256
    .venv/bin/python benchmarks/static_embeddings.py stories-ecb --model /tmp/m2v-256
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "eval"))

KS = (1, 3, 5, 10)


def static_encoder(path: str, centre: np.ndarray | None = None):  # type: ignore[no-untyped-def]
    """Texts -> unit float32 vectors of the distilled model at ``path`` (no network), minus
    ``centre`` before normalising when given."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from model2vec import StaticModel

    model = StaticModel.from_pretrained(path)

    def encode(texts: Sequence[str]) -> np.ndarray:
        vectors = np.asarray(model.encode(list(texts), show_progress_bar=False), dtype=np.float32)
        if centre is not None:
            vectors = vectors - centre
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.where(norms == 0, 1.0, norms)

    return encode


def benchmark_mean(path: str) -> np.ndarray:
    """The mean static vector of the title + lead texts of the analyze benchmark's 2,000
    generated articles: generic news text, drawn from neither evaluation corpus."""
    from analyze import build_articles

    from corroborator.stories.features import title_and_lead

    texts = []
    for article in build_articles(2000, 120, 13):
        title, lead = title_and_lead(article, 500)
        texts.append(f"{title}. {lead}".strip(" .") if lead else title)
    return static_encoder(path)(texts).mean(axis=0)


def bench_pairs(count: int, stories: int, per_story: int) -> tuple[dict, list[tuple[str, str]]]:
    """Generated articles (analyze benchmark) and the pairs: each derived article with its
    source, and all pairs among the first ``per_story`` articles of each story."""
    from analyze import generated

    made = generated(count, stories, 13)
    texts = {a.id: a.text for a, _ in made}
    ids = [a.id for a, _ in made]
    pairs = {(a.id, ids[item.source]) for a, item in made if item.source is not None}
    by_story: dict[int, list[str]] = {}
    for a, item in made:
        by_story.setdefault(item.story, []).append(a.id)
    for members in by_story.values():
        pairs.update(itertools.combinations(members[:per_story], 2))
    return texts, sorted(pairs)


def synthetic_pairs(per_topic: int) -> tuple[dict, list[tuple[str, str]]]:
    """eval/synthetic_derivations.py's dev corpus: every edge, plus pairs of the topic's
    first ``per_topic`` articles (independent reports of one event)."""
    from derivation_generator import DEV_TOPICS, generate
    from synthetic_derivations import topic_candidates

    corpus = generate(tuple(sorted(DEV_TOPICS)))
    texts = {a.id: a.text for a in corpus.articles}
    pairs = set(corpus.edges)
    by_first: dict[str, int] = {}
    for a, b in topic_candidates(corpus):
        if by_first.get(a, 0) < per_topic:
            by_first[a] = by_first.get(a, 0) + 1
            pairs.add((a, b))
    return texts, sorted(pairs)


def pair_recall(texts: dict, pairs: list[tuple[str, str]], static, propose: float) -> dict:  # type: ignore[no-untyped-def]
    import torch

    from corroborator.embeddings import embed
    from corroborator.reuse.normalize import content_sentences, normalize

    # one thread, as the pipeline's forked workers embed: two intra-op threads on a busy
    # machine spend most of their CPU waiting for each other
    torch.set_num_threads(1)

    sentences = {aid: [s.text for s in content_sentences(text)] for aid, text in texts.items()}
    unique = sorted({s for aid in {x for p in pairs for x in p} for s in sentences[aid]})
    began = time.process_time()
    mini = dict(zip(unique, embed(unique), strict=True))
    mini_cpu = time.process_time() - began
    began = time.process_time()
    flat = dict(zip(unique, static(unique), strict=True))
    static_cpu = time.process_time() - began
    wanted = 0
    found = dict.fromkeys(KS, 0)
    kept_rows = dict.fromkeys((0.3, 0.4, 0.5), 0)
    kept_wanted = dict.fromkeys((0.3, 0.4, 0.5), 0)
    rows = 0
    both_m: list[np.ndarray] = []
    both_s: list[np.ndarray] = []
    for derived, source in pairs:
        art = [s for s in sentences[derived]]
        src = [s for s in sentences[source]]
        src_norm = {normalize(s) for s in src}
        art = [s for s in art if normalize(s) not in src_norm]  # matched verbatim first
        if not art or not src:
            continue
        m = np.stack([mini[s] for s in art]) @ np.stack([mini[s] for s in src]).T
        f = np.stack([flat[s] for s in art]) @ np.stack([flat[s] for s in src]).T
        both_m.append(m.ravel())
        both_s.append(f.ravel())
        top = min(3, len(src))
        for row in range(len(art)):
            rows += 1
            proposals = {int(c) for c in np.argsort(-m[row])[:top] if m[row, c] >= propose}
            wanted += len(proposals)
            order = np.argsort(-f[row]).tolist()
            for k in KS:
                found[k] += len(proposals & set(order[:k]))
            for bar in kept_rows:
                if f[row].max() >= bar:
                    kept_rows[bar] += 1
                    kept_wanted[bar] += len(proposals)
    cm, cs = np.concatenate(both_m), np.concatenate(both_s)
    return {
        "article_pairs": len(pairs), "sentences": len(unique), "rows": rows,
        "minilm_proposals": wanted,
        **{f"recall_at_{k}": round(found[k] / max(1, wanted), 4) for k in KS},
        # rows whose best static cosine reaches the bar: the sentences MiniLM would still
        # embed if the static model screened them, and the proposals kept
        **{f"screen_{bar}": {"rows_kept": round(kept_rows[bar] / max(1, rows), 4),
                             "proposals_kept": round(kept_wanted[bar] / max(1, wanted), 4)}
           for bar in kept_rows},
        "pearson": round(float(np.corrcoef(cm, cs)[0, 1]), 4),
        "cpu_s_per_1000_sentences": {"minilm": round(1000 * mini_cpu / len(unique), 2),
                                     "static": round(1000 * static_cpu / len(unique), 3)},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=("stories-ecb", "stories-allsides", "pairs-bench",
                                          "pairs-synthetic"))
    parser.add_argument("--model", required=True, help="folder of a distilled model2vec model")
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--stories", type=int, default=40)
    parser.add_argument("--per-group", type=int, default=8,
                        help="pairs among this many articles of each story / topic")
    parser.add_argument("--centre", action="store_true",
                        help="subtract the mean static vector of the analyze benchmark's "
                             "title + lead texts (neither evaluation corpus) before normalising")
    parser.add_argument("--config", help="settings file (TOML) overriding the defaults")
    args = parser.parse_args(argv)
    static = static_encoder(args.model, benchmark_mean(args.model) if args.centre else None)
    if args.what.startswith("stories-"):
        from corroborator.stories.features import FeatureExtractor

        FeatureExtractor._default_embed = lambda self, texts: static(texts)  # type: ignore[method-assign]
        if args.what == "stories-ecb":
            import ecbplus_stories

            figures = ecbplus_stories.measure(
                ecbplus_stories.load_settings(args.config, environ={}))
        else:
            import allsides_stories

            figures = allsides_stories.measure(
                allsides_stories.load_settings(args.config, environ={}), None, True)
        print(json.dumps(figures, indent=2))
        return 0
    from corroborator.reuse.settings import ReuseSettings
    from corroborator.settings import load_settings

    propose = load_settings(environ={}).get(ReuseSettings).propose_cosine
    if args.what == "pairs-bench":
        texts, pairs = bench_pairs(args.articles, args.stories, args.per_group)
    else:
        texts, pairs = synthetic_pairs(args.per_group)
    print(json.dumps({"corpus": args.what, "model": args.model,
                      **pair_recall(texts, pairs, static, propose)}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
