"""Character spans from parsed tokens: contiguous, trimmed of separators, quotes balanced.

The attribution finders pick tokens off the dependency tree; these helpers turn them into
``[start, end)`` character offsets into the article the way the claim records need them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


_TRIM_CHARS = " \t,;:–—-"
QUOTE_CHARS = "\"“”‘’'«»"


def char_span(tokens: list[Token], offset: int, text: str) -> tuple[int, int] | None:
    """Characters covered by ``tokens`` (contiguous), trimmed of edge punctuation."""
    if not tokens:
        return None
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return trim(text, start, end, offset)


def trim(text: str, start: int, end: int, offset: int) -> tuple[int, int] | None:
    """Trim separators at both edges; keep a final period only inside quotation marks."""
    while start < end and text[start] in _TRIM_CHARS:
        start += 1
    while end > start and text[end - 1] in _TRIM_CHARS + ".":
        end -= 1
    if end <= start:
        return None
    # a quotation mark left dangling at an edge (its partner outside the span) is noise
    inner = text[start:end]
    if inner[0] in QUOTE_CHARS and not any(c in inner[1:] for c in QUOTE_CHARS):
        start += 1
    elif inner[-1] in QUOTE_CHARS and not any(c in inner[:-1] for c in QUOTE_CHARS):
        end -= 1
        while end > start and text[end - 1] in _TRIM_CHARS + ".":
            end -= 1
    if end <= start:
        return None
    start, end = _balance_quotes(text, start, end)
    return (start + offset, end + offset)


_OPENERS = "“\""
_CLOSERS = "”\""


def _balance_quotes(text: str, start: int, end: int) -> tuple[int, int]:
    """Take in the closing (or opening) mark of a quotation the span leaves half open."""
    inner = text[start:end]
    opens, closes = inner.count("“"), inner.count("”")
    straight = inner.count('"')
    if opens > closes or straight % 2 == 1 and text[start] == '"':
        j = end
        while j < len(text) and j - end < 3 and text[j] in ".,!?;":
            j += 1
        if j < len(text) and text[j] in _CLOSERS:
            return start, j + 1
    if inner.count("''") % 2 == 1 and not inner.endswith("''"):
        # newspaper style ''quote'': the closing pair sits after the final punctuation
        j = end
        while j < len(text) and j - end < 3 and text[j] in ".,!?;":
            j += 1
        if text.startswith("''", j):
            return start, j + 2
    if closes > opens or straight % 2 == 1 and text[end - 1] == '"':
        i = start
        while i > 0 and start - i < 2 and text[i - 1] == " ":
            i -= 1
        if i > 0 and text[i - 1] in _OPENERS:
            return i - 1, end
    return start, end


def subtree(token: Token, exclude: tuple[Token, ...] = ()) -> list[Token]:
    skip: set[int] = set()
    for ex in exclude:
        skip.update(t.i for t in ex.subtree)
    return [t for t in token.subtree if t.i not in skip]


def contiguous(tokens: list[Token]) -> list[Token]:
    """The tokens from the first to the last of ``tokens`` (subtrees may have gaps)."""
    if not tokens:
        return []
    doc = tokens[0].doc
    # edge punctuation may hang off a far head: it must not stretch the span over a gap
    # ("%" counts as punctuation to spaCy but is a word of "2%")
    words = sorted((t for t in tokens if not t.is_punct or t.is_quote or t.pos_ != "PUNCT"),
                   key=lambda t: t.i)
    if not words:
        return []
    lo, hi = words[0].i, words[-1].i
    return list(doc[lo : hi + 1])


TEXT_KEY = "corroborator.attribution.text"


def doc_text(doc: Doc) -> str:
    """``doc.text`` joins every token on each access; keep it for the duration of a pass."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.text
        doc.user_data[TEXT_KEY] = text
    return text


def chars_of(spans: Iterable[tuple[int, int] | None]) -> set[int]:
    """Every character offset the ranges cover (a missing range covers none)."""
    return {c for span in spans if span is not None for c in range(*span)}


def strip_pieces(pieces: Iterable[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Character ranges of ``text`` without their edge whitespace; ranges of only spaces go."""
    out = []
    for s, e in pieces:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out
