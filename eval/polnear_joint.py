"""Fit the cue tagger and the keep model together on the PolNeAR TRAIN split, choosing
both thresholds by one held-out sweep.

Usage::

    .venv/bin/python eval/polnear_joint.py --sweep --cache /tmp/parses
    .venv/bin/python eval/polnear_joint.py --train --cache /tmp/parses --items /tmp/items.pkl
    .venv/bin/python eval/polnear_joint.py --sweep --deep --cache /tmp/parses

The keep model (:mod:`corroborator.nlp.keep`) reads the tagger's probability and drops the
doubtful relations, so a better tagger moves the scores where the keep model reads them:
fitted and thresholded one after the other (``polnear_tagger.py``, then
``polnear_keep.py``), each choice is made for the other model's old state. Here the tagger
is fitted on four fifths of train (articles whose index is not divisible by
:data:`polnear_learning.FOLD`), the whole stage runs over train with it at the lowest
tagger threshold swept and the keep model off, and for each tagger threshold the keep model
is fitted on the four fifths' relations that threshold lets through (rule relations, and
tagger relations scored at or above it: the tagger's other choices barely move with its
threshold, and collecting the relations once per threshold would cost six minutes each).
Every pair (tagger threshold, keep threshold) is then scored by the whole system on the
held-out fifth, and the pair with the best sum of content overlap and exact F1 is chosen.
With ``--train`` both models are refitted on all of train: the tagger, then the keep model
on what the stage finds with that tagger (as ``polnear_keep.py --train`` collects it).
``--deep`` fits the wide-and-deep cue model over the construction features
(``polnear_tagger.fit_deep``) instead of the logistic regression shipped. Only numbers are
written; dev is never read.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

sys.path.insert(0, str(Path(__file__).resolve().parent))

import polnear as pn  # noqa: E402
import polnear_keep as pk  # noqa: E402
import polnear_tagger as pt  # noqa: E402
from polnear_learning import FOLD, SCORED, pipeline, records, save  # noqa: E402

from corroborator.nlp import keep, tagger  # noqa: E402

TAGGER_THRESHOLDS = (0.3, 0.4, 0.5, 0.6)
KEEP_THRESHOLDS = (0.0, 0.15, 0.25, 0.3, 0.4)


def keep_examples(data, nlp) -> list[tuple[str, list[int], int, float | None]]:  # noqa: ANN001
    """``(article, features, label, tagger probability)`` per relation with a cue, as the
    keep model receives them (keep model off, the tagger as :data:`tagger.WEIGHTS` holds)."""

    def relation(doc, offset, atts):  # noqa: ANN001, ANN202
        return [(att.cue, att.content, keep.features(doc, att, offset), att.score)
                for att in atts if att.cue is not None and not att.pending_colon]

    out = []
    for (name, _, gold), found in zip(data, records(data, nlp, relation, keep, "screen"),
                                      strict=True):
        out.extend((name, feats, pk.label(cue, content, gold), score)
                   for cue, content, feats, score in found)
    return out


def using(module: ModuleType, path: Path, run: Callable[[], object]) -> object:
    """``run()`` with ``module``'s model read from ``path``."""
    saved, module.WEIGHTS = module.WEIGHTS, path
    module.load_model.cache_clear()
    try:
        return run()
    finally:
        module.WEIGHTS = saved
        module.load_model.cache_clear()


def sweep(data, nlp, items: list, fit_tagger: Callable,  # noqa: ANN001
          tagger_values: tuple[float, ...], keep_values: tuple[float, ...],
          ) -> tuple[float, float]:
    """The pair of thresholds the held-out fifth scores best (see the module docstring)."""
    started = time.perf_counter()
    names = [n for n, _, _ in data]
    held = {n for k, n in enumerate(names) if k % FOLD == 0}
    tagger_tmp = tagger.WEIGHTS.with_suffix(".joint.npz")
    keep_tmp = keep.WEIGHTS.with_suffix(".joint.npz")
    tagger_arrays = fit_tagger([it for it in items if it[0] not in held])
    print(f"tagger fitted on {len(names) - len(held)} articles; "
          f"{time.perf_counter() - started:.0f} s", flush=True)
    save(tagger, "threshold", min(tagger_values), tagger_arrays, tagger_tmp, pt.unattributed)
    relations = using(tagger, tagger_tmp, lambda: keep_examples(data, nlp))
    print(f"{len(relations)} relations; {time.perf_counter() - started:.0f} s", flush=True)
    best = (-1.0, tagger_values[0], keep_values[0])
    try:
        for t in tagger_values:
            save(tagger, "threshold", t, tagger_arrays, tagger_tmp, pt.unattributed)
            let_through = [r for r in relations
                           if r[0] not in held and (r[3] is None or r[3] >= t)]
            keep_arrays = pk.fit(let_through)
            for k in keep_values:
                save(keep, "threshold", k, keep_arrays, keep_tmp)
                figures, _ = using(tagger, tagger_tmp, lambda: using(  # type: ignore[misc]
                    keep, keep_tmp, lambda: pn.evaluate_articles(
                        "train", names=sorted(held), nlp=nlp)))
                print(f"  tagger {t:g} keep {k:g}: overlap P "
                      f"{figures['content_overlap_precision']:.4f} R "
                      f"{figures['content_overlap_recall']:.4f} F1 "
                      f"{figures['content_overlap_f1']:.4f}, exact F1 "
                      f"{figures['content_exact_f1']:.4f}, cue F1 {figures['cue_f1']:.4f}, "
                      f"speaker F1 {figures['speaker_f1']:.4f} "
                      f"({time.perf_counter() - started:.0f} s)", flush=True)
                score = sum(figures[key] for key in SCORED)
                if score > best[0]:  # a tie keeps the lower thresholds
                    best = (score, t, k)
    finally:
        tagger_tmp.unlink(missing_ok=True)
        keep_tmp.unlink(missing_ok=True)
    return best[1], best[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--train", action="store_true", help="fit and write both models")
    parser.add_argument("--sweep", action="store_true",
                        help="only print the held-out sweep (writes nothing)")
    parser.add_argument("--cache", type=Path, default=None,
                        help="keep parses in this directory between runs (development)")
    parser.add_argument("--items", type=Path, default=None,
                        help="keep the tagger's examples in this file between runs")
    parser.add_argument("--limit", type=int, default=None, help="first N train articles")
    parser.add_argument("--deep", action="store_true",
                        help="the wide-and-deep cue model over the construction features")
    parser.add_argument("--tagger-threshold", type=float, default=None,
                        help="skip the sweep and use these two thresholds")
    parser.add_argument("--keep-threshold", type=float, default=None)
    args = parser.parse_args(argv)
    if not (args.train or args.sweep):
        raise SystemExit("give --train or --sweep")
    started = time.perf_counter()
    data = pn.load_split("train")[: args.limit]
    nlp = pipeline("train", args.cache)
    if args.items is not None and args.items.exists():
        items = pickle.loads(args.items.read_bytes())
    else:
        items = list(pt.examples(data, nlp, construction=args.deep))
        if args.items is not None:
            args.items.write_bytes(pickle.dumps(items))
    print(f"{len(data)} articles: {len(items)} tagger examples; "
          f"{time.perf_counter() - started:.0f} s", flush=True)
    fit_tagger = pt.fit_deep if args.deep else pt.fit
    t, k = args.tagger_threshold, args.keep_threshold
    if t is None or k is None:
        t, k = sweep(data, nlp, items, fit_tagger, TAGGER_THRESHOLDS, KEEP_THRESHOLDS)
        print(f"chosen: tagger {t:g}, keep {k:g}", flush=True)
    if args.train:
        save(tagger, "threshold", t, fit_tagger(items), tagger.WEIGHTS, pt.unattributed)
        save(keep, "threshold", k, pk.fit(keep_examples(data, nlp)), keep.WEIGHTS)
        print(f"wrote {tagger.WEIGHTS} and {keep.WEIGHTS}; "
              f"{time.perf_counter() - started:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
