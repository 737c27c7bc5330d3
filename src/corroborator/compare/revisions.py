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

The value replaced may sit in another claim of the revision's sentence: "has grown to 6,200
hectares, the chief said, up from his estimate of nearly 4,000" reads as two attributions
("his estimate" is a cue of its own). Such a sentence's previous values count for its new
figure (``replaced_in_sentences``); when the sentence gives none, those of the article's
other sentences do ("raised its figure to 103. The headquarters had earlier said 101").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ..records import Claim, Quantity
from . import intervals
from .measures import outcomes_agree

if TYPE_CHECKING:  # candidates imports this module
    from .candidates import Figure, StoryVectors

NEW = frozenset(["new", "from-to"])
EARLIER = "earlier"


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


# A sentence of one article: the claims of one revision share it.
SentenceKey = tuple[str, int]
Replaced = Mapping[SentenceKey, Sequence[Quantity]]


def _sentence_of(claim: Claim) -> SentenceKey | None:
    return None if claim.sentence_span is None else (claim.article_id, claim.sentence_span.start)


def replaced_in_sentences(figures: Sequence[Figure]) -> dict[SentenceKey, list[Quantity]]:
    """The values revisions replaced, by the sentence giving them, and the figures told as
    said before ("had earlier said 101"), which a revision told in another sentence of the
    article may have replaced."""
    out: dict[SentenceKey, list[Quantity]] = {}
    for figure in figures:
        key = _sentence_of(figure.claim)
        if key is not None and (is_previous(figure.quantity)
                                or figure.quantity.revision == EARLIER):
            out.setdefault(key, []).append(figure.quantity)
    return out


def revised_pairs(
    figures: Sequence[Figure], vectors: StoryVectors,
    same_speaker: Callable[[Claim, Claim], bool], threshold: float,
    replaced: Replaced | None = None,
) -> list[tuple[int, int]]:
    """Index pairs ``(earlier, revised)``: figure ``earlier`` of one article, compatible with
    the previous value of a revision whose new figure ``revised`` (another article, same
    speaker) it does not overlap, and whose measured phrase relates to it."""
    replaced = replaced_in_sentences(figures) if replaced is None else replaced
    out = []
    for j, fj in enumerate(figures):
        if fj.quantity.revision not in NEW:
            continue
        for i, fi in enumerate(figures):
            if fi.claim.article_id == fj.claim.article_id or is_previous(fi.quantity):
                continue
            if not (same_speaker(fi.claim, fj.claim) and revises(fj, fi, replaced)):
                continue
            if not intervals.conflicting(fi.quantity, fj.quantity):
                continue
            if float(vectors.measured[i] @ vectors.measured[j]) >= threshold:
                out.append((i, j))
    return out


def revises(later: Figure, earlier: Figure, replaced: Replaced | None = None) -> bool:
    """True when ``later`` is a revision's new figure whose own claim, or sentence
    (``replaced``: from ``replaced_in_sentences``), gives ``earlier``'s figure as the value
    replaced (or is a "from M to N" span starting there)."""
    if later.quantity.revision not in NEW:
        return False
    previous = [q for q in later.claim.quantities if is_previous(q)]
    key = _sentence_of(later.claim)
    if replaced and key is not None:
        previous += [q for q in replaced.get(key, ()) if q not in previous and is_previous(q)]
    previous += [q for q in split_from_to(later.quantity) if is_previous(q)]
    if not previous and replaced and key is not None:
        # "Tesmark raised its figure to 103. The headquarters had earlier said 101 ...": the
        # value replaced told in another sentence of the article
        previous = [q for (article, _), told in replaced.items() if article == key[0]
                    for q in told]
    if not previous:
        # "Orvane raised its offer to 40 euros a share", the 38 it replaced told only in an
        # earlier report: a sum, share or measure on the side the revision moved from. (A
        # count raised, "the toll rose to 47", is left to the measured phrases: the same
        # police's 12 arrested are no toll it replaced.)
        return later.quantity.kind != "count" and outcomes_agree(
            later.measured, earlier.measured) and _moved_from(later.quantity, earlier.quantity)
    return any(intervals.same_scale(p, earlier.quantity)
               and intervals.compatible(p, earlier.quantity) for p in previous)


def _moved_from(new: Quantity, earlier: Quantity) -> bool:
    """Whether ``earlier`` lies wholly on the side a revision to ``new`` moved from: below a
    figure raised, above one cut."""
    if new.revision != "new" or not intervals.same_scale(new, earlier):
        return False
    if new.change == "up":
        return earlier.high is not None and new.low is not None and earlier.high < new.low
    if new.change == "down":
        return earlier.low is not None and new.high is not None and earlier.low > new.high
    return False
