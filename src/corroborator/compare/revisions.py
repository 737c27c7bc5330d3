"""Updates the texts themselves report: a speaker's revised figure against the earlier one.

The NLP stage marks revisions (``Quantity.revision``): "raised her estimate to 2,400, up from
nearly 2,000" gives 2,400 as ``new`` and nearly 2,000 as ``previous``; "raised the toll from
40 to 52" is one ``from-to`` span. Two things follow for the comparison:

- an earlier figure a text gives only as the value a revision replaced is context, not the
  speaker's current figure: it never conflicts with anything, and an article that gives it
  is not "also giving the other figure" (the usual sign of two figures in one report);
- when another article has the same speaker giving a figure compatible with the previous
  value, that article's claim and the revised figure are an ``update``. The revision ties the
  two figures to one measured thing, so the measured phrases need only be related
  (``propose_similarity``), not near-identical as for unrelated figures.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ..records import Claim, Quantity
from . import intervals

if TYPE_CHECKING:  # candidates imports this module
    from .candidates import Figure, StoryVectors

NEW = frozenset(["new", "from-to"])


def split_from_to(q: Quantity) -> list[Quantity]:
    """A ``from-to`` span as its previous and new ends; any other figure unchanged."""
    if q.revision != "from-to" or q.low is None or q.high is None:
        return [q]
    first, last = (q.low, q.high) if q.change != "down" else (q.high, q.low)

    def end(v: float, revision: str) -> Quantity:
        return replace(q, value=v, low=v, high=v, revision=revision,
                       text=intervals.number_text(v))

    return [end(first, "previous"), end(last, "new")]


def is_previous(q: Quantity) -> bool:
    return q.revision == "previous"


def revised_pairs(
    figures: Sequence[Figure], vectors: StoryVectors,
    same_speaker: Callable[[Claim, Claim], bool], threshold: float,
) -> list[tuple[int, int]]:
    """Index pairs ``(earlier, revised)``: figure ``earlier`` of one article, compatible with
    the previous value of a revision whose new figure ``revised`` (another article, same
    speaker) it does not overlap, and whose measured phrase relates to it."""
    out = []
    for j, fj in enumerate(figures):
        if fj.quantity.revision not in NEW:
            continue
        for i, fi in enumerate(figures):
            if fi.claim.article_id == fj.claim.article_id or is_previous(fi.quantity):
                continue
            if not (same_speaker(fi.claim, fj.claim) and revises(fj, fi)):
                continue
            if not intervals.conflicting(fi.quantity, fj.quantity):
                continue
            if float(vectors.measured[i] @ vectors.measured[j]) >= threshold:
                out.append((i, j))
    return out


def revises(later: Figure, earlier: Figure) -> bool:
    """True when ``later`` is a revision's new figure whose own claim gives ``earlier``'s
    figure as the value replaced (or is a "from M to N" span starting there)."""
    if later.quantity.revision not in NEW:
        return False
    previous = [q for q in later.claim.quantities if is_previous(q)]
    previous += [q for q in split_from_to(later.quantity) if is_previous(q)]
    return any(intervals.same_scale(p, earlier.quantity)
               and intervals.compatible(p, earlier.quantity) for p in previous)
