"""Boilerplate stripping, normalised text and its hash, and a fast offset-keeping sentence splitter.

Copy detection must not be fooled by what outlets add around a wire story: "Read more"
links, bylines, "This article first appeared on ...", copyright lines, datelines such as
"LONDON (Reuters) -". These are recognised line by line (and the dateline at the start of
the first content line) so that the remaining *content spans* still index ``Article.text``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from ..datelines import dateline_end

# Whole lines that carry no content of the story. Anchored at the line start and kept short
# (checked against lines under MAX_BOILERPLATE_CHARS) so that a real sentence beginning with
# "By" or "Copyright" is not thrown away.
_BOILERPLATE_LINE = re.compile(
    r"""^\s*(?:
        (?:read|see|click)\s+(?:more|also|here)\b
      | related(?:\s+(?:stories|articles|coverage|content))?\s*:
      | (?:more|also)\s+on\s+this\s+(?:story|topic)\b
      | (?:advertisement|sponsored(?:\s+content)?|story\s+continues\s+below)\s*$
      | (?:share|follow\s+us|subscribe|sign\s+up|join\s+us|download\s+our)\b
      | (?:photo|image|video|picture)(?:\s+(?:caption|credit))?\s*:
      | (?:©|\(c\)|copyright\b)
      | all\s+rights\s+reserved
      | this\s+(?:article|story|report|piece)\s+(?:was\s+)?(?:first\s+|originally\s+)?
        (?:appeared|published|ran|was\s+published)\b
      | (?:originally|first)\s+(?:published|appeared)\s+(?:on|in|at|by)\b
      | \(?(?:reporting|writing|editing|additional\s+reporting)\s+by\b
      | (?:by|from)\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}
        (?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})*
        (?:\s*[,|/-]\s*[\w .'’-]{0,40})?\s*$
      | (?:posted|published|updated|last\s+updated|first\s+published)\s*(?:on|at)?\s*:?\s*
        [\w ,:./-]{0,40}$
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# "By Jane Doe" must start with a capital name; re.IGNORECASE above would accept any word, so
# the byline alternative is re-checked case-sensitively.
_BYLINE = re.compile(r"^\s*(?:By|BY|From|FROM)\s+[A-Z]")
MAX_BOILERPLATE_CHARS = 160
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article: ``[start, end)`` offsets into ``Article.text``."""

    start: int
    end: int
    text: str


def is_boilerplate(line: str) -> bool:
    """True when a whole line is outlet furniture rather than story content."""
    stripped = line.strip()
    if not stripped:
        return True
    if len(stripped) > MAX_BOILERPLATE_CHARS:
        return False
    match = _BOILERPLATE_LINE.match(stripped)
    if not match:
        return False
    lowered = stripped.lower()
    if lowered.startswith(("by ", "from ")):
        # A byline is a short name list; "By Friday the river had risen" is a sentence.
        return bool(_BYLINE.match(stripped)) and not stripped.endswith((".", "!", "?", '"'))
    return True


def content_spans(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` spans of the lines of ``text`` that are story content.

    Boilerplate lines are left out and an agency dateline is cut from the first content line.
    """
    spans: list[tuple[int, int]] = []
    position = 0
    first = True
    for line in text.splitlines(keepends=True):
        start, end = position, position + len(line)
        position = end
        body = line.rstrip("\r\n")
        if is_boilerplate(body):
            continue
        lead = len(body) - len(body.lstrip())
        start += lead
        end = start + len(body.strip())
        if first:
            start = dateline_end(text, start, end)
            first = False
        if end > start:
            spans.append((start, end))
    return spans


def normalize(text: str) -> str:
    """Case-, accent-, punctuation- and whitespace-insensitive form of some text."""
    if not text.isascii():
        folded = unicodedata.normalize("NFKD", text)
        # Delete the combining marks among the distinct characters (a character-by-character
        # rebuild of the string cost more than the rest of the alignment of a pair).
        marks = {ord(ch): None for ch in set(folded) if unicodedata.combining(ch)}
        text = folded.translate(marks) if marks else folded
    return " ".join(_WORD.findall(text.lower()))


def normalized_content(text: str) -> str:
    """The normalised story content of ``text``, boilerplate removed."""
    return " ".join(normalize(text[s:e]) for s, e in content_spans(text)).strip()


def normalized_hash(text: str) -> str:
    """Hash of the normalised content: equal for copies that differ only in furniture."""
    return hashlib.sha256(normalized_content(text).encode("utf-8")).hexdigest()


def words(text: str) -> list[str]:
    """Lower-cased word tokens (the unit of shingles)."""
    return normalize(text).split()


# --- sentences ----------------------------------------------------------------------------

# Tokens before a full stop that do not end a sentence.
_ABBREVIATIONS = frozenset(
    ["mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "gov", "sen", "rep", "rev", "hon", "pres", "no", "nos", "vs", "etc", "inc", "corp", "ltd", "co", "bros", "dept", "univ", "approx", "est", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "i.e", "e.g", "al"]
)
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+|$)")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Sentences of ``text[start:end]`` with offsets into ``text``.

    A regular-expression splitter: a sentence ends at ``.``/``!``/``?`` (with closing quotes or
    brackets) followed by white space and an upper-case letter, digit or opening quote, unless
    the word before the stop is a known abbreviation or a single initial. Fast enough to run
    on every article of a large corpus, unlike a parser.
    """
    end = len(text) if end is None else end
    sentences: list[Sentence] = []
    begin = start
    for match in _BOUNDARY.finditer(text, start, end):
        stop = match.end()
        nxt = stop
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if nxt < end and not (text[nxt].isupper() or text[nxt].isdigit() or text[nxt] in "\"'“‘("):
            continue
        word_start = match.start()
        while word_start > begin and not text[word_start - 1].isspace():
            word_start -= 1
        previous = text[word_start : match.start()].lower().strip("\"'“‘(")
        if text[match.start()] == "." and (
            previous in _ABBREVIATIONS or (len(previous) == 1 and previous.isalpha())
        ):
            continue
        _append(text, begin, stop, sentences)
        begin = nxt
    _append(text, begin, end, sentences)
    return sentences


def _append(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and any(ch.isalnum() for ch in text[start:end]):
        out.append(Sentence(start, end, text[start:end]))


def content_sentences(text: str) -> list[Sentence]:
    """Sentences of the story content of ``text`` (boilerplate lines left out)."""
    sentences: list[Sentence] = []
    for start, end in content_spans(text):
        sentences.extend(split_sentences(text, start, end))
    return sentences
