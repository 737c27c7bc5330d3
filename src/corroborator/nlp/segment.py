"""Paragraph segmentation with character offsets, and batched parsing of the paragraphs.

Articles are parsed paragraph by paragraph: a heading without final punctuation otherwise
merges into the next sentence and corrupts its subject ("Markets rally Stocks rose ..."). A
line break ends a paragraph (extracted news text keeps one paragraph per line); a line that
looks like a heading (short, no final punctuation) is kept as its own paragraph, which it
already is when it sits on its own line. Offsets always index into the article text as stored.

Plain text is often hard-wrapped (lines of ~70 characters, a blank line between paragraphs):
there a line break inside a sentence is no paragraph end, and parsing each line alone cut
speakers from their statements and figures from what they count. A line is joined to the
next one of its block when it cannot end a paragraph: it ends with a comma or a dash, or with
no final punctuation and either the next line starts in lower case (or with a figure after
a lower-case word), or the
block is hard-wrapped (three lines or more, none over ~120 characters) and the line is about
as long as its longest. Headings stay apart: they are short.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..datelines import dateline_end

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

_LINE = re.compile(r"[^\n\r\u2028\u2029]+")
_FINAL_PUNCT = tuple(".!?:;\"'”’)…")
HEADING_MAX_WORDS = 16
LIST_ITEM_HEADING_MAX_WORDS = 4


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
    words = len(stripped.split())
    if _LIST_ITEM.match(stripped) and words > LIST_ITEM_HEADING_MAX_WORDS:
        # a key-points list states its facts without final stops ("- The train was carrying
        # 214 passengers and 6 crew"): an item of a few words is a menu entry or a label
        return False
    return not stripped.endswith(_FINAL_PUNCT) and words <= HEADING_MAX_WORDS


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
    """Paragraphs of ``text`` (a non-blank line, or wrapped lines joined), trimmed, with
    offsets into ``text``; the paragraph text has its line breaks read as spaces."""
    paragraphs = []
    for start, end in _joined_lines(text):
        # a wire dateline ("VELLEN, Nov 19 (Orrin Wire) — ") is no part of the first
        # sentence: parsed with it, the place becomes the sentence's subject or the clause a
        # cue reports is lost
        start = dateline_end(text, start, end)
        for piece_start, piece_end in _pieces(text, start, end, max_chars):
            body = text[piece_start:piece_end].rstrip()
            if body:
                # same length as the stored text: offsets into the paragraph stay offsets
                flat = _BREAKS.sub(" ", body)
                paragraphs.append(Paragraph(piece_start, piece_start + len(body), flat,
                                            looks_like_heading(flat)))
    return paragraphs


_BREAKS = re.compile(r"[\n\r\u2028\u2029]")
_BREAK = re.compile(r"\r\n|[\n\r\u2028\u2029]")
# Hard-wrapped text has lines of at most this many characters (one paragraph per line gives
# longer ones); in a block of three lines or more so short, a line reaching this share of the
# longest is a wrapped one (a wrapped line falls short of the width by less than a word).
WRAP_WIDTH_MAX = 120
WRAPPED_LINE_SHARE = 0.8
_CONTINUES = tuple(",-–—")
# extraction writes list items as lines opening with a bullet or a number ("- ", "2. ")
_LIST_ITEM = re.compile(r"\d+[.)]\s|[-*•]\s")


def list_marker_length(line: str) -> int:
    """How many characters a list item's bullet or number and the space after it take at the
    start of ``line`` ("- ", "2. "); 0 when the line is no list item."""
    marker = _LIST_ITEM.match(line)
    if marker is None:
        return 0
    return len(line) - len(line[marker.end():].lstrip())


def _joined_lines(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each paragraph: trimmed lines, wrapped lines joined."""
    blocks: list[list[tuple[int, int]]] = [[]]
    last_end = 0
    for match in _LINE.finditer(text):
        line = match.group()
        left, right = len(line) - len(line.lstrip()), len(line.rstrip())
        if right <= left:
            continue
        if len(_BREAK.findall(text, last_end, match.start())) > 1:
            blocks.append([])  # a blank line (or more) between
        blocks[-1].append((match.start() + left, match.start() + right))
        last_end = match.end()
    out: list[tuple[int, int]] = []
    for block in blocks:
        longest = max((e - s for s, e in block), default=0)
        for index, (start, end) in enumerate(block):
            if index and _wraps(text, block[index - 1], (start, end),
                                longest if len(block) >= 3 else 0):
                out[-1] = (out[-1][0], end)
            else:
                out.append((start, end))
    return out


def _wraps(text: str, line: tuple[int, int], following: tuple[int, int], longest: int) -> bool:
    """True when the break between ``line`` and ``following`` falls inside a paragraph
    (``longest``: the block's longest line, 0 when the block is too short to tell)."""
    head, tail = text[line[0]:line[1]], text[following[0]:following[1]]
    if _LIST_ITEM.match(tail):
        return False
    if head.endswith(_CONTINUES):
        return True
    if head.endswith(_FINAL_PUNCT):
        return False
    if tail[0].islower() or tail[0].isdigit() and head.split()[-1][0].islower():
        # "... promised aid of / 50 million dinars"; not "By Ann Lee, The Courier / 3 May"
        return True
    return 0 < longest <= WRAP_WIDTH_MAX and len(head) >= WRAPPED_LINE_SHARE * longest


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
