"""Shared machinery of the small PolNeAR-trained models of the attribution stage
(``polnear_tagger.py``, ``polnear_boundary.py``): record what the stage finds, fit a sparse
logistic regression, choose its one setting on held-out train, write the weights."""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import numpy as np
import polnear as pn

from corroborator.nlp import attribution, tagger

FOLD = 5  # every FOLD-th train article is held out to choose the model's one setting


def hashed_matrix(feats: list[list[int]], rows: list[np.ndarray | None] | None):  # noqa: ANN202
    from scipy import sparse

    indptr = np.cumsum([0] + [len(f) for f in feats])
    indices = np.fromiter((i for f in feats for i in f), dtype=np.int64, count=int(indptr[-1]))
    x = sparse.csr_matrix((np.ones(len(indices), dtype=np.float32), indices, indptr),
                      shape=(len(feats), 1 << tagger.NBITS))
    x.sum_duplicates()
    if rows is not None:
        x = sparse.hstack([x, sparse.csr_matrix(np.vstack(rows))], format="csr")
    return x


def pipeline(split: str, cache: Path | None):  # noqa: ANN201
    from corroborator.nlp.loader import load_pipeline
    from corroborator.settings import NlpSettings, load_settings

    model = load_settings(environ={}).get(NlpSettings).model
    nlp = load_pipeline(model)
    if cache is None:
        return nlp
    return pn.CachedPipeline(nlp, cache, f"polnear-{split}-{model}")


def records(data, nlp, record: Callable, disabled: ModuleType,  # noqa: ANN001
            hook: str = "refit") -> Iterator[list]:
    """Per article, what ``record(doc, offset, atts)`` returns for the attributions of each
    paragraph as the stage ``hook`` of :mod:`corroborator.nlp.attribution` (the boundary
    model's ``refit``, the keep model's ``screen``) receives them, with ``disabled``'s model
    off."""
    from corroborator.nlp.analyze import analyze_articles
    from corroborator.settings import load_settings

    found: list = []
    original = getattr(attribution, hook)
    saved_model = disabled.load_model

    def recording(doc, atts, offset=0):  # noqa: ANN001, ANN202
        found.extend(record(doc, offset, atts))
        return original(doc, atts, offset)

    meta = pn._metadata()
    articles = [pn.to_article(n, t, meta.get(n)) for n, t, _ in data]
    settings = load_settings(environ={})
    setattr(attribution, hook, recording)
    disabled.load_model = lambda *a, **k: None  # type: ignore[assignment]
    try:
        # the claim layer of article k runs just before its analysis is yielded
        for _ in analyze_articles(articles, settings, nlp=nlp):
            yield list(found)
            found.clear()
    finally:
        setattr(attribution, hook, original)
        disabled.load_model = saved_model  # type: ignore[assignment]


def fit_sparse(feats: list[list[int]], labels: list[int], c: float) -> dict[str, np.ndarray]:
    """Nonzero hashed weights (float16 values) and the bias of a logistic regression."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, max_iter=2000, solver="liblinear", random_state=0)
    model.fit(hashed_matrix(feats, None), np.array(labels))
    w = model.coef_[0]
    idx = np.flatnonzero(np.abs(w) > 1e-4)
    return {"idx": idx.astype(np.int32), "val": w[idx].astype(np.float16),
            "bias": np.array(model.intercept_[0], dtype=np.float32)}


def save(module: ModuleType, key: str, value: float, arrays: dict[str, np.ndarray],
         path: Path, extra: Callable[[float], dict[str, np.ndarray]] | None = None) -> None:
    """Write ``arrays``, the chosen ``key`` = ``value`` and what ``extra(value)`` adds."""
    np.savez_compressed(path, **{key: np.array(value, dtype=np.float32)}, **arrays,
                        **(extra(value) if extra else {}))
    module.load_model.cache_clear()


def parser(doc: str, module: ModuleType, key: str, c: float = 0.5) -> argparse.ArgumentParser:
    out = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    out.add_argument("--train", action="store_true", help="fit and write the weights")
    out.add_argument("--sweep", action="store_true",
                     help="only print the held-out sweep (writes nothing)")
    out.add_argument("--cache", type=Path, default=None,
                     help="keep parses in this directory between runs (development)")
    out.add_argument("--out", type=Path, default=module.WEIGHTS)
    out.add_argument("--c", type=float, default=c, help="inverse regularisation strength")
    out.add_argument("--limit", type=int, default=None, help="first N train articles")
    out.add_argument(f"--{key}", type=float, default=None,
                     help=f"skip the sweep and use this {key}")
    return out


# Both content F1s are scored: a setting must not buy overlap with exactness.
SCORED = ("content_overlap_f1", "content_exact_f1")


def command(doc: str, module: ModuleType, key: str, values: tuple[float, ...],
            examples: Callable, fit: Callable, argv: list[str] | None = None, c: float = 0.5,
            extra: Callable[[float], dict[str, np.ndarray]] | None = None) -> int:
    """A training script's command line: ``--train`` or ``--sweep`` over ``values`` of
    ``key`` (see :func:`parser` and :func:`train`)."""
    args = parser(doc, module, key, c).parse_args(argv)
    if not (args.train or args.sweep):
        raise SystemExit("give --train or --sweep")
    return train(args, module, key, values, examples, fit, SCORED, extra)


def train(args: argparse.Namespace, module: ModuleType, key: str, values: tuple[float, ...],
          examples: Callable, fit: Callable, scored: tuple[str, ...],
          extra: Callable[[float], dict[str, np.ndarray]] | None = None) -> int:
    """Collect the examples, choose ``key`` among ``values`` on held-out train by the sum of
    the ``scored`` figures, refit on all of train and write the weights (with ``extra``'s
    arrays for the chosen value)."""
    started = time.perf_counter()
    data = pn.load_split("train")[: args.limit]
    nlp = pipeline("train", args.cache)
    items = list(examples(data, nlp))
    print(f"{len(data)} articles: {len(items)} examples; {time.perf_counter() - started:.0f} s")
    names = [n for n, _, _ in data]
    held = {n for k, n in enumerate(names) if k % FOLD == 0}
    value = getattr(args, key)
    if value is None:
        arrays = fit([it for it in items if it[0] not in held], args.c)
        tmp = args.out.with_suffix(".fold.npz")
        best = (-1.0, values[0])
        for v in values:
            save(module, key, v, arrays, tmp, extra)
            saved, module.WEIGHTS = module.WEIGHTS, tmp
            try:
                figures, _ = pn.evaluate_articles("train", names=sorted(held), nlp=nlp)
            finally:
                module.WEIGHTS = saved
                module.load_model.cache_clear()
            print(f"  {key} {v:g}: overlap P {figures['content_overlap_precision']:.3f} "
                  f"R {figures['content_overlap_recall']:.3f} F1 "
                  f"{figures['content_overlap_f1']:.4f}, exact F1 "
                  f"{figures['content_exact_f1']:.4f}, cue F1 {figures['cue_f1']:.4f}")
            best = max(best, (sum(figures[k] for k in scored), v))
        tmp.unlink(missing_ok=True)
        value = best[1]
    if args.train:
        save(module, key, value, fit(items, args.c), args.out, extra)
        print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB), {key} {value}, "
              f"{time.perf_counter() - started:.0f} s")
    return 0
