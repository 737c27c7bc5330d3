"""Article text cut into segments that carry their marks (claim status, quote, figure).

The template renders each segment's text escaped inside one ``<span>`` with classes, so the
marks can overlap freely and untrusted text never becomes markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

# When claims overlap, the segment shows the status a reader most needs to see.
STATUS_PRIORITY = {"conflicting": 3, "single-source": 2, "corroborated": 1, None: 0}


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # "claim", "quote" or "figure"
    status: str | None = None
    claim: str | None = None


@dataclass
class Segment:
    text: str
    start: int
    status: str | None = None
    claim: str | None = None
    in_claim: bool = False
    quote: bool = False
    figure: bool = False
    anchors: list[str] = field(default_factory=list)

    @property
    def classes(self) -> str:
        names = []
        if self.in_claim:
            names.append("claim")
            names.append(f"status-{self.status}" if self.status else "status-none")
        if self.quote:
            names.append("quote")
        if self.figure:
            names.append("figure")
        return " ".join(names)

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "classes": self.classes,
                "claim": self.claim, "anchors": self.anchors}


def find_quote(text: str, quote: str | None, lo: int, hi: int) -> tuple[int, int] | None:
    """Where ``quote`` occurs in ``text[lo:hi]`` (widened a little for the quote marks)."""
    if not quote:
        return None
    start = text.find(quote, max(0, lo - 2), min(len(text), hi + 2))
    return (start, start + len(quote)) if start >= 0 else None


def segments(text: str, marks: Sequence[Mark]) -> list[Segment]:
    """Split ``text`` at every mark boundary; adjacent pieces with equal marks are merged."""
    size = len(text)
    valid = [m for m in marks if 0 <= m.start < m.end <= size]
    cuts = sorted({0, size, *(m.start for m in valid), *(m.end for m in valid)})
    starts: dict[int, list[str]] = {}
    seen: set[str] = set()  # an element id may occur once per page: anchor the first mention
    for mark in sorted(valid, key=lambda m: m.start):
        if mark.kind == "claim" and mark.claim and mark.claim not in seen:
            seen.add(mark.claim)
            starts.setdefault(mark.start, []).append(mark.claim)
    out: list[Segment] = []
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        if lo >= hi:
            continue
        active = [m for m in valid if m.start <= lo and hi <= m.end]
        claims = [m for m in active if m.kind == "claim"]
        best = max(claims, key=lambda m: STATUS_PRIORITY.get(m.status, 0), default=None)
        seg = Segment(
            text=text[lo:hi], start=lo,
            status=best.status if best else None, claim=best.claim if best else None,
            in_claim=best is not None,
            quote=any(m.kind == "quote" for m in active),
            figure=any(m.kind == "figure" for m in active),
            anchors=starts.get(lo, []),
        )
        prev = out[-1] if out else None
        if (prev is not None and not seg.anchors and prev.classes == seg.classes
                and prev.claim == seg.claim):
            prev.text += seg.text
        else:
            out.append(seg)
    return out
