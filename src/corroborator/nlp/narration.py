"""Figures an outlet states in its own voice: "Telmark employs about 9,000 people."

Much of what a report counts carries no attribution at all: a bulletin's toll, a deal's
price, a company's workforce, the raised offer of a follow-up. The outlet asserts them, so
they are the outlet's claims, and they must be compared across reports like any other: a
tabloid's rounded figure is a misreport of the wire it rewrites, a wire's final count an
update of its preliminary one. A sentence becomes such a claim, with no speaker and no cue, when it

- carries a figure a reader would compare (a count, a sum, a share or a measure, not an age,
  a ratio or a bare "one");
- is a statement: it has a verb, is no heading, byline, question or notice to readers;
- holds no attribution the parse found and no quotation: those sentences are someone's words,
  and a figure left outside an attribution's content there is usually still theirs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..records import Quantity
from . import cues as lex
from .relations import Attribution
from .segment import list_marker_length
from .subjects import addressed_class

if TYPE_CHECKING:
    from spacy.tokens import Span as SentenceSpan

    from .quotes import Quote

NARRATION = "narration"  # Attribution.kind of a sentence the outlet states itself
# Claim.extractor of those claims: they are no attribution relation (evaluations of
# attribution leave them out), and the compare stage gives them to the outlet
EXTRACTOR = "corroborator.nlp/narration-1"

# a bare "one" is mostly a determiner ("one of the", "one survivor, X, said")
_DETERMINERS = frozenset(["one", "a", "an"])
# an age tells who someone is, not what happened ("Lise Andrak, 34,")
_AGE_UNITS = frozenset(["year of age", "month of age", "week of age", "day of age"])


def _year_like(q: Quantity) -> bool:
    """"built around 1880", "a warehouse built in 1884": a year the scanner kept as a count."""
    digits = re.sub(r"\D", "", q.text)
    return (q.kind == "count" and not q.unit and len(digits) == 4 and "," not in q.text
            and 1000 <= int(digits) <= 2100)


def is_comparable_figure(q: Quantity) -> bool:
    """A figure worth setting against other reports' figures."""
    if q.low is None and q.high is None:
        return False
    if q.kind == "ratio" or (q.unit or "") in _AGE_UNITS or _year_like(q):
        return False
    return q.text.strip().lower() not in _DETERMINERS


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _is_notice(sentence: SentenceSpan) -> bool:
    """"Relatives seeking information can call our emergency line, open 24 hours a day": a
    notice to the people it picks out by what they want, not a fact the outlet reports."""
    return any(t.dep_ in ("nsubj", "nsubjpass") and addressed_class(t) for t in sentence)


def _is_statement(sentence: SentenceSpan) -> bool:
    text = sentence.text.rstrip()
    if not text or text.endswith("?") or _is_notice(sentence):
        return False
    return any(t.pos_ in ("VERB", "AUX") for t in sentence)


def _stance(sentence: SentenceSpan) -> str:
    # "Shares could fall 10 percent": the outlet hedges its own figure
    return "hedged" if any(t.lower_ in lex.HEDGE_WORDS for t in sentence) else "stated"


def narrated_figures(
    sentences: Iterable[tuple[SentenceSpan, int]],
    attributions: Sequence[Attribution],
    quotes: Sequence[Quote],
    quantities: Sequence[Quantity],
) -> list[Attribution]:
    """The outlet's own figure statements among ``sentences`` (each a parsed sentence and
    the offset of its paragraph in the article), as attributions with no speaker or cue."""
    taken = [a.sentence or a.content for a in attributions] + \
        [a.content for a in attributions] + [(q.start, q.end) for q in quotes]
    found = []
    for sentence, offset in sentences:
        span = (offset + sentence.start_char, offset + sentence.end_char)
        if any(_overlaps(span, other) for other in taken):
            continue
        if not any(span[0] <= q.span.start and q.span.end <= span[1]
                   and is_comparable_figure(q) for q in quantities):
            continue
        if not _is_statement(sentence):
            continue
        # the content ends where a reported statement's would: before the full stop; a
        # key-points item's bullet is no part of it
        content = (span[0] + list_marker_length(sentence.text),
                   span[0] + len(sentence.text.rstrip().rstrip(".!;")))
        found.append(Attribution(content=content, stance=_stance(sentence), kind=NARRATION,
                                 sentence=span))
    return found
