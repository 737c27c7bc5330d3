"""Paragraph segmentation with character offsets, and batched parsing of the paragraphs.

Articles are parsed paragraph by paragraph: a heading without final punctuation otherwise
merges into the next sentence and corrupts its subject ("Markets rally Stocks rose ..."). A
line break ends a paragraph (extracted news text keeps one paragraph per line); a line that
looks like a heading (short, no final punctuation) is kept as its own paragraph, which it
already is when it sits on its own line. Offsets always index into the article text as stored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

_LINE = re.compile(r"[^\n\r\u2028\u2029]+")
_FINAL_PUNCT = tuple(".!?:;\"'”’)…")
HEADING_MAX_WORDS = 16


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph: ``[start, end)`` into the article text and whether it looks like a heading."""

    start: int
    end: int
    text: str
    heading: bool = False


def looks_like_heading(line: str) -> bool:
    """Short lines without final punctuation are headings, bylines, datelines or captions."""
    stripped = line.strip()
    if not stripped:
        return False
    return not stripped.endswith(_FINAL_PUNCT) and len(stripped.split()) <= HEADING_MAX_WORDS


# A "paragraph" longer than this (a text without line breaks) is cut at sentence ends so
# no single parse exceeds the pipeline's length limit or its memory.
MAX_PARAGRAPH_CHARS = 20_000


def _pieces(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    out = []
    while end - start > limit:
        cut = max(text.rfind(". ", start, start + limit), text.rfind("\n", start, start + limit))
        cut = cut + 1 if cut > start else start + limit
        out.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append((start, end))
    return out


def split_paragraphs(text: str, max_chars: int = MAX_PARAGRAPH_CHARS) -> list[Paragraph]:
    """Paragraphs of ``text`` (one per non-blank line), trimmed, with offsets into ``text``."""
    paragraphs = []
    for match in _LINE.finditer(text):
        line = match.group()
        left = len(line) - len(line.lstrip())
        right = len(line.rstrip())
        if right <= left:
            continue
        for start, end in _pieces(text, match.start() + left, match.start() + right, max_chars):
            body = text[start:end].rstrip()
            end = start + len(body)
            if body:
                paragraphs.append(Paragraph(start, end, body, looks_like_heading(body)))
    return paragraphs


def parse_paragraphs(
    nlp: Language,
    items: Iterable[tuple[Paragraph, Any]],
    batch_size: int = 64,
    n_process: int = 1,
) -> Iterator[tuple[Doc, Any]]:
    """Parse ``(paragraph, context)`` pairs with ``nlp.pipe``; yields ``(doc, context)`` in order.

    The context travels with each paragraph so callers can regroup paragraphs by article
    after batching across articles (and across worker processes).
    """
    stream = ((para.text, ctx) for para, ctx in items)
    yield from nlp.pipe(stream, as_tuples=True, batch_size=batch_size, n_process=n_process)
