"""A total and its parts: "214 passengers and 6 crew" on board, and "220 people" on board.

A report often gives a count in parts ("9 killed and 63 injured", "214 passengers and 6
crew") and another report, or the same outlet a day later, gives the whole ("72 casualties",
"220 people"). The whole is no second value of either part: set against "214 passengers" it
is neither an update nor a disagreement. A claim's counts of different nouns are parts whose
sum another claim's count may be; counts of one noun ("seven of its nine carriages") are no
parts of one whole, nor is a count the report says is among another ("four people had died,
among them two farm workers": the two are some of the four).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from itertools import combinations

from ..records import Article, Claim, Quantity
from . import intervals

# A claim rarely gives more parts than this; the subsets of more would cost for nothing.
_MOST_PARTS = 5


# Words that make the count after them some of a count told before: no addend of a sum.
_SUBSET_BEFORE = re.compile(r"\b(?:among (?:them|whom|those)|including|of (?:them|whom|which)|"
                            r"such as)\s+$", re.IGNORECASE)


def _subset(q: Quantity, text: str | None) -> bool:
    """Whether the report's words put the count among another ("among them two ...")."""
    return text is not None and bool(_SUBSET_BEFORE.search(
        text[max(0, q.span.start - 30) : q.span.start]))


def _parts(claim: Claim, text: str | None = None) -> list[Quantity]:
    """The claim's bounded counts that name what they count, one per noun, leaving out a
    count its article (``text``) tells as some of another."""
    seen: set[str] = set()
    out = []
    for q in claim.quantities:
        if q.kind != "count" or not q.unit or q.low is None or q.high is None:
            continue
        if _subset(q, text):
            continue
        noun = q.unit.lower()
        if noun not in seen and intervals.is_figure(q):
            seen.add(noun)
            out.append(q)
    return out[:_MOST_PARTS]


def _sum(parts: Sequence[Quantity]) -> Quantity:
    low = sum(q.low for q in parts if q.low is not None)
    high = sum(q.high for q in parts if q.high is not None)
    value = sum(q.value if q.value is not None else q.low or 0.0 for q in parts)
    return replace(parts[0], value=value, low=low, high=high, unit=None, qualifier=None)


def sums_to(parts_claim: Claim, total: Quantity, text: str | None = None) -> bool:
    """Whether ``total`` fits the sum of two or more of ``parts_claim``'s counts of different
    nouns ("214 passengers and 6 crew" for "220 people"); ``text``: the parts' article."""
    if total.kind != "count" or not intervals.is_figure(total):
        return False
    parts = _parts(parts_claim, text)
    return any(intervals.compatible(_sum(chosen), total)
               for size in range(2, len(parts) + 1)
               for chosen in combinations(parts, size))


def total_of_parts(a: Claim, qa: Quantity, b: Claim, qb: Quantity,
                   articles: Mapping[str, Article] | None = None) -> bool:
    """Whether one of the two figures is the total of the other claim's parts (their
    articles, in ``articles``, tell which counts are some of another)."""
    def text(claim: Claim) -> str | None:
        article = (articles or {}).get(claim.article_id)
        return article.text if article is not None else None

    return sums_to(a, qb, text(a)) or sums_to(b, qa, text(b))
