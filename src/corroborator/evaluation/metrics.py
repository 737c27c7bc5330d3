"""Precision/recall/F1 and cluster scores (B-cubed, pairwise) used by every quality gate."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Score:
    """Precision, recall and F1 from counts; zero denominators give 0.0, never an error."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def as_dict(self) -> dict[str, float]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def set_score(predicted: Iterable[Hashable], gold: Iterable[Hashable]) -> Score:
    """Score two multisets of items by exact match."""
    pred, ref = Counter(predicted), Counter(gold)
    tp = sum((pred & ref).values())
    return Score(tp, sum(pred.values()) - tp, sum(ref.values()) - tp)


def bcubed(
    predicted: Mapping[Hashable, Hashable], gold: Mapping[Hashable, Hashable]
) -> Score:
    """B-cubed precision/recall (Bagga & Baldwin 1998) of item→cluster assignments.

    Returned as a :class:`Score` whose precision/recall are the B-cubed averages (the
    ``tp/fp/fn`` fields are chosen to reproduce them).
    """
    items = [i for i in gold if i in predicted]
    if not items:
        return Score(0, 0, 0)
    pred_members: dict[Hashable, set[Hashable]] = defaultdict(set)
    gold_members: dict[Hashable, set[Hashable]] = defaultdict(set)
    for item in items:
        pred_members[predicted[item]].add(item)
        gold_members[gold[item]].add(item)
    precision = recall = 0.0
    for item in items:
        mine = pred_members[predicted[item]]
        truth = gold_members[gold[item]]
        shared = len(mine & truth)
        precision += shared / len(mine)
        recall += shared / len(truth)
    precision /= len(items)
    recall /= len(items)
    # Express as counts over n items so Score's properties give back the averages.
    n = len(items)
    tp = 1.0
    fp = (1 / precision - 1) if precision else float(n)
    fn = (1 / recall - 1) if recall else float(n)
    return Score(tp, fp, fn)


def pairwise(
    predicted: Mapping[Hashable, Hashable], gold: Mapping[Hashable, Hashable]
) -> Score:
    """Pairwise precision/recall: over item pairs put in the same cluster."""
    items = [i for i in gold if i in predicted]

    def pairs(assign: Mapping[Hashable, Hashable]) -> set[tuple[Hashable, Hashable]]:
        groups: dict[Hashable, list[Hashable]] = defaultdict(list)
        for item in items:
            groups[assign[item]].append(item)
        out: set[tuple[Hashable, Hashable]] = set()
        for members in groups.values():
            ordered = sorted(members, key=repr)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1 :]:
                    out.add((a, b))
        return out

    pred_pairs, gold_pairs = pairs(predicted), pairs(gold)
    tp = len(pred_pairs & gold_pairs)
    return Score(tp, len(pred_pairs) - tp, len(gold_pairs) - tp)


def span_overlap_ratio(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Shared characters over the longer of the two spans (0..1)."""
    shared = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    longest = max(a[1] - a[0], b[1] - b[0])
    return shared / longest if longest else 0.0
