"""MSRP quality gate: the reuse stage's same-or-paraphrase decision on sentence pairs.

Reads only ``msr_paraphrase_train.txt`` (the test file is held out) and splits it 80/20 with
a fixed seed: the model is trained on the 80 % part (``--train`` writes
``src/corroborator/reuse/_coefficients.py``) and scored on the 20 % dev part.

    .venv/bin/python eval/msrp.py                 # print dev accuracy / F1
    .venv/bin/python eval/msrp.py --train         # retrain the shipped coefficients
    .venv/bin/python eval/msrp.py --gate          # compare with eval/baselines/msrp.json
    .venv/bin/python eval/msrp.py --update-floors # pin the current figures
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpora" / "msrp" / "msr_paraphrase_train.txt"
COEFFICIENTS = REPO / "src" / "corroborator" / "reuse" / "_coefficients.py"
CACHE = Path.home() / ".cache" / "corroborator" / "msrp-embeddings"
SEED = 13
DEV_FRACTION = 0.2


def load_pairs(path: Path = CORPUS) -> list[tuple[int, str, str]]:
    pairs = []
    for line in path.read_text("utf-8-sig").splitlines():
        parts = line.lstrip("\ufeff").split("\t")
        if len(parts) != 5 or not parts[0].strip().isdigit():
            continue
        pairs.append((int(parts[0]), parts[3], parts[4]))
    return pairs


def split(pairs: list[tuple[int, str, str]]) -> tuple[list, list]:
    """Fixed seeded 80/20 split of the train file into (train, dev)."""
    order = np.random.default_rng(SEED).permutation(len(pairs))
    cut = int(round(len(pairs) * (1 - DEV_FRACTION)))
    return [pairs[i] for i in order[:cut]], [pairs[i] for i in order[cut:]]


def embeddings(texts: list[str]) -> np.ndarray:
    """Sentence embeddings, cached on disk outside the repo (they never change)."""
    from corroborator.embeddings import embed

    digest = hashlib.sha256("\x1e".join(texts).encode("utf-8")).hexdigest()[:16]
    path = CACHE / f"{digest}.npy"
    if path.exists():
        return np.load(path)
    vectors = embed(texts)
    CACHE.mkdir(parents=True, exist_ok=True)
    np.save(path, vectors)
    return vectors


def feature_matrix(pairs: list[tuple[int, str, str]]) -> tuple[np.ndarray, np.ndarray]:
    from corroborator.reuse.classify import features
    from corroborator.reuse.signals import signals

    left = embeddings([a for _, a, _ in pairs])
    right = embeddings([b for _, _, b in pairs])
    cosines = (left * right).sum(axis=1)
    x = np.stack([features(signals(a), signals(b), float(c))
                  for (_, a, b), c in zip(pairs, cosines, strict=True)])
    y = np.array([label for label, _, _ in pairs])
    return x, y


def train(pairs: list[tuple[int, str, str]]) -> None:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_predict

    from corroborator.reuse.classify import write_coefficients

    x, y = feature_matrix(pairs)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    model = LogisticRegression(C=10.0, max_iter=2000)
    # The decision threshold is chosen by cross-validation on the train part only.
    probs = cross_val_predict(model, z, y, cv=5, method="predict_proba")[:, 1]
    grid = np.linspace(0.3, 0.7, 41)
    threshold = float(grid[np.argmax([((probs >= t) == y).mean() for t in grid])])
    model.fit(z, y)
    write_coefficients(
        str(COEFFICIENTS), model.coef_[0].tolist(), float(model.intercept_[0]),
        mean.tolist(), scale.tolist(), threshold,
        f"Trained by eval/msrp.py --train on the 80 % train part of MSRP train "
        f"({len(pairs)} pairs, seed {SEED}); threshold from 5-fold CV on that part.",
    )


def score(pairs: list[tuple[int, str, str]]) -> dict[str, float]:
    from corroborator.reuse.classify import load_model

    model = load_model()
    x, y = feature_matrix(pairs)
    predicted = (model.probability(x) >= model.threshold).astype(int)
    tp = int(((predicted == 1) & (y == 1)).sum())
    fp = int(((predicted == 1) & (y == 0)).sum())
    fn = int(((predicted == 0) & (y == 1)).sum())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    majority = float(max(y.mean(), 1 - y.mean()))
    return {
        "accuracy": round(float((predicted == y).mean()), 4),
        "f1": round(f1, 4),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "majority_accuracy": round(majority, 4),
        "pairs": float(len(pairs)),
    }


def subset(limit: int = 240) -> list[tuple[int, str, str]]:
    """The fixed small dev subset scored by the CI gate test."""
    return split(load_pairs())[1][:limit]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--train", action="store_true", help="retrain the shipped coefficients")
    parser.add_argument("--gate", action="store_true", help="fail if below the pinned floors")
    parser.add_argument("--update-floors", action="store_true", help="pin current figures")
    parser.add_argument("--allow-regression", action="store_true")
    args = parser.parse_args(argv)
    if not CORPUS.exists():
        print(f"MSRP train file not found at {CORPUS}", file=sys.stderr)
        return 2
    train_part, dev_part = split(load_pairs())
    if args.train:
        train(train_part)
    figures = score(dev_part)
    print(json.dumps({"gate": "msrp", "split": "dev (20% of train, seed 13)", **figures},
                     indent=2))
    gated = {"accuracy": figures["accuracy"], "f1": figures["f1"]}
    from corroborator.evaluation import gate

    return gate.apply("msrp", gated, update_floors=args.update_floors, enforce=args.gate,
                      allow_regression=args.allow_regression)


if __name__ == "__main__":
    sys.exit(main())
