"""Temperatures told by their decade: "in the high 30s", "the upper 90s to low 100s".

A decade alone names no scale ("the 30s" may be an age, a decade of years, or a reading in
Celsius or Fahrenheit), so it is read as a temperature only when its sentence gives the
scale with a figure or a word of its own ("... with overnight minimums of 24 to 26°C");
otherwise it is left alone. The part of the decade gives the interval: low 0-3, mid 4-6,
high or upper 7-9 above its tens, the bare decade all ten degrees.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .numwords import Candidate

_PART = r"(?:(?P<{name}>low|lower|mid|middle|high|upper)[- ]?)?"
_TENS = r"\b(?P<{name}>[1-9]?[0-9]0)s\b"
_DECADE = re.compile(
    r"\bthe\s+" + _PART.format(name="part") + _TENS.format(name="tens")
    + r"(?:\s+(?:to|and)\s+(?:the\s+)?" + _PART.format(name="part2")
    + _TENS.format(name="tens2") + r")?",
    re.IGNORECASE,
)
# Offsets above the tens that each part of a decade spans.
_PARTS = {None: (0, 9), "low": (0, 3), "lower": (0, 3), "mid": (4, 6), "middle": (4, 6),
          "high": (7, 9), "upper": (7, 9)}
_SCALES = {"celsius", "fahrenheit"}
_SCALE_WORDS = (
    (re.compile(r"°\s?C\b|\b(?:celsius|centigrade)\b", re.IGNORECASE), "celsius"),
    (re.compile(r"°\s?F\b|\bfahrenheit\b", re.IGNORECASE), "fahrenheit"),
)
_SENTENCE_END = re.compile(r"[.!?](?=\s+[\"“A-Z]|\s*$)")


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    before = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    after = _SENTENCE_END.search(text, end)
    return (before[-1] if before else 0), (after.end() if after else len(text))


def _scale_of_sentence(text: str, bounds: tuple[int, int], cands: Sequence[Candidate]) -> str | None:
    """The one temperature scale the sentence gives, by a figure or a word; None when it
    gives none, or both."""
    lo, hi = bounds
    found = {c.unit for c in cands if c.excluded is None and c.unit in _SCALES
             and lo <= c.start < hi}
    found |= {scale for pattern, scale in _SCALE_WORDS if pattern.search(text, lo, hi)}
    return found.pop() if len(found) == 1 else None


def _bounds(tens: str, part: str | None) -> tuple[float, float]:
    low, high = _PARTS[part.lower() if part else None]
    return float(int(tens) + low), float(int(tens) + high)


def temperature_decades(text: str, cands: Sequence[Candidate]) -> list[Candidate]:
    """A candidate for each decade of degrees in ``text`` whose sentence names its scale."""
    out = []
    for m in _DECADE.finditer(text):
        first = m.start("part") if m.group("part") else m.start("tens")
        scale = _scale_of_sentence(text, _sentence_bounds(text, first, m.end()), cands)
        if scale is None:
            continue
        low, high = _bounds(m.group("tens"), m.group("part"))
        if m.group("tens2"):
            high = _bounds(m.group("tens2"), m.group("part2"))[1]
        out.append(Candidate(first, m.end(), None, low=low, high=high, kind="measure",
                             unit=scale, is_range=True, notes=["decade"],
                             unit_text=m.group(0)[first - m.start():]))
    return out
