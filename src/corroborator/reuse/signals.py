"""What a sentence asserts that embeddings miss: figures, names, quoted words, negation.

Figures come from the quantities stage (``corroborator.nlp.numbers.scan_quantities``), which
gives each figure as an interval with its hedge, so "nearly 2,000" and "more than 2,000" are
different figures even though the digits agree. While that module is absent a small
fallback reads plain numbers with a few hedge words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..nlp.numlex import FUNCTION_WORDS, WORD_UNITS
from ..records import Quantity, Span
from .normalize import normalize

_NUMBER = re.compile(
    r"(?P<qual>\b(?:nearly|almost|about|around|approximately|roughly|some|over|more than|"
    r"less than|fewer than|at least|at most|up to|under)\s+)?"
    r"(?P<num>\d+(?:[.,]\d+)*)(?:\s*(?P<mult>million|billion|thousand|percent|%))?",
    re.IGNORECASE,
)
_MULTIPLIERS = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
_QUOTE = re.compile(r"[\"“”]([^\"“”]{3,}?)[\"“”]")
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-zA-Z'’-]+(?:\s+[A-Z][a-zA-Z'’-]+)*")
_NEGATION = re.compile(
    r"\b(?:not|no|never|none|nobody|nothing|neither|nor|without|denied|denies|deny|"
    r"refused|rejected)\b|n['’]t\b",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


def _fallback_scan(text: str, offset: int = 0) -> list[Quantity]:
    found = []
    for match in _NUMBER.finditer(text):
        try:
            value = float(match["num"].replace(",", ""))
        except ValueError:
            continue
        mult = (match["mult"] or "").lower()
        value *= _MULTIPLIERS.get(mult, 1.0)
        qual = (match["qual"] or "").strip().lower() or None
        low: float | None = value
        high: float | None = value
        if qual in {"nearly", "almost", "less than", "fewer than", "under", "at most", "up to"}:
            low = None
        elif qual in {"over", "more than", "at least"}:
            high = None
        elif qual is not None:
            low, high = value * 0.9, value * 1.1
        found.append(Quantity(match.group(0), Span(match.start() + offset,
                                                   match.end() + offset),
                              value, low, high, qualifier=qual))
    return found


@lru_cache(maxsize=1)
def quantity_scanner() -> Callable[..., list[Quantity]]:
    """``scan_quantities`` from the quantities stage, else the fallback above."""
    try:
        from ..nlp.numbers import scan_quantities  # type: ignore[import-not-found]
    except ImportError:
        return _fallback_scan
    return scan_quantities  # type: ignore[no-any-return]


@dataclass(frozen=True, slots=True)
class Signals:
    """Facts about one sentence used to compare it with another."""

    tokens: tuple[str, ...]  # normalised words, digits masked as "#"
    figures: tuple[Quantity, ...]
    names: frozenset[str]
    quotes: tuple[str, ...]  # quoted words as written
    negations: int
    units: tuple[str | None, ...] = ()  # per figure, what it is a figure of (figure_units)
    counted: tuple[str | None, ...] = ()  # per figure, the noun it counts, if any

    @property
    def quote_keys(self) -> frozenset[str]:
        """Quoted words normalised, for comparison."""
        return frozenset(normalize(q) for q in self.quotes)


def figure_key(quantity: Quantity) -> tuple[object, ...]:
    """What makes two figures the same claim: the value and the interval asserted."""
    return (quantity.value, quantity.low, quantity.high)


@lru_cache(maxsize=65536)
def signals(text: str) -> Signals:
    """Signals of a sentence (cached: copies of a story repeat the same sentences)."""
    try:
        figures = tuple(quantity_scanner()(text, 0))
    except Exception:  # noqa: BLE001 - a scanner bug must not stop derivation finding
        figures = tuple(_fallback_scan(text))
    masked = _DIGITS.sub(" 0 ", text)
    tokens = tuple("#" if t == "0" else t for t in normalize(masked).split())
    names = frozenset(
        m.group(0).lower() for m in _NAME.finditer(text) if m.group(0).lower() not in _COMMON
    )
    quotes = tuple(q.strip() for q in _QUOTE.findall(text))
    counted = tuple(_counted_word(text, q) for q in figures)
    return Signals(tokens, figures, names, quotes, len(_NEGATION.findall(text)),
                   figure_units(text, figures, counted), counted)


# A word after a bare number that is no noun it counts: "150 were hurt", "nearly 150 more".
_NOT_COUNTED = FUNCTION_WORDS | frozenset(
    """is are was were be been being has have had will would could can may might must shall
    should did do does more less others other later earlier each apiece""".split())  # noqa: SIM905
_NEXT_WORD = re.compile(r"\s+([a-z][a-z'’-]*)\b")
_NEXT_WORDS = re.compile(r"(?:\s+[a-z][a-z'’-]*\b){1,3}")
# What lies between a figure with a unit and a bare one that shares it: "from 130 km/h to
# more than 200", "120 km/h or 130", "40C, then 42".
_SHARED_UNIT_GAP = re.compile(r"\s*(?:,\s*)?(?:to|and|or|then|but|nor|from|vs\.?|versus)?\s*",
                              re.IGNORECASE)


def figure_units(text: str, figures: Sequence[Quantity],
                 counted: Sequence[str | None]) -> tuple[str | None, ...]:
    """Per figure of ``text`` (its spans offsets into ``text``), what it is a figure of, read
    without a parse: the scanner's unit ("km/h"); else the noun a bare count counts
    (``counted``: "200 passengers"); else the unit of the figure it follows in one
    coordination, which the writer did not repeat ("from 130 km/h to more than 200"); else
    None (a bare figure whose unit another sentence named)."""
    out: list[str | None] = []
    for i, figure in enumerate(figures):
        unit = figure.unit or counted[i]
        previous = figures[i - 1] if i else None
        if unit is None and previous is not None and previous.unit is not None \
                and previous.kind in ("measure", "percent"):
            between = text[figures[i - 1].span.end : figure.span.start]
            if _SHARED_UNIT_GAP.fullmatch(between):
                unit = previous.unit
        out.append(unit)
    return tuple(out)


def _counted_word(text: str, figure: Quantity) -> str | None:
    """The word after a bare count when it may be the noun it counts ("200 passengers");
    None when it is no noun, or when a unit of measure follows within three words: "nearly
    150 nautical miles" is a distance whose unit the scanner did not reach."""
    if figure.kind != "count" or figure.unit is not None:
        return None
    match = _NEXT_WORD.match(text, figure.span.end)
    if match is None or match[1] in _NOT_COUNTED or match[1].endswith("ly"):
        return None
    following = _NEXT_WORDS.match(text, figure.span.end)
    if following is not None and any(w in WORD_UNITS for w in following[0].split()):
        return None
    return match[1]


# Capitalised words that are not names when they open a clause after a colon or quote.
_COMMON = frozenset(
    ["the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "this", "that", "these", "those", "in", "on", "at", "but", "and", "or", "if", "when", "while", "after", "before", "as", "for", "from", "by", "with"]
)
