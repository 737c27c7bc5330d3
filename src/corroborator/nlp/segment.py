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


def split_paragraphs(text: str) -> list[Paragraph]:
    """Paragraphs of ``text`` (one per non-blank line), trimmed, with offsets into ``text``."""
    paragraphs = []
    for match in _LINE.finditer(text):
        line = match.group()
        left = len(line) - len(line.lstrip())
        right = len(line.rstrip())
        if right <= left:
            continue
        start, end = match.start() + left, match.start() + right
        body = text[start:end]
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
