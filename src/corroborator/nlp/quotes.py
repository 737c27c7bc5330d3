"""Quotations: find quoted stretches and attach them to attributions and speakers.

Handles straight (") and curly (“ ”) double quotes, doubled apostrophes (''...''), and curly
single quotes (‘...’) when they open after a space (so apostrophes are not mistaken for
them). A quote opened and not closed in its paragraph runs to the paragraph end: that is the
newspaper convention for a quotation that continues into the next paragraph, and it keeps
unbalanced marks from swallowing the rest of the article.

Quotes are speech when they are long or hold a sentence ("multi-word quotations"); short
quoted phrases inside a sentence are *scare quotes* ("the so-called “reform”") unless they sit
inside an attribution's content, where they make the claim a *mixed quote* ("calling them
“expendable”").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .attribution import Attribution

_OPEN_CLOSE = {"“": "”", "„": "”", "«": "»", "‘": "’"}
_DOUBLE = frozenset(('"', "“", "„"))
_DOUBLE_CLOSE = frozenset(('"', "”"))
_TOKEN = re.compile(r"''|``|[\"“”„«»‘’]")
SPEECH_MIN_WORDS = 4


@dataclass(frozen=True, slots=True)
class Quote:
    """A quoted stretch: ``[start, end)`` including its marks; ``inner`` excludes them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool

    def words(self, text: str) -> int:
        return len(text[self.inner_start : self.inner_end].split())

    def inner(self, text: str) -> str:
        return text[self.inner_start : self.inner_end].strip()


def _opens_single(text: str, i: int) -> bool:
    # "in ‘08", "the ‘90s": a mark before digits elides the century, it opens nothing
    if i + 1 < len(text) and text[i + 1].isdigit():
        return False
    return i == 0 or not text[i - 1].isalnum()


def find_quotes(text: str, start: int = 0, end: int | None = None) -> list[Quote]:
    """Quotations in ``text[start:end]`` (one paragraph), with absolute offsets."""
    end = len(text) if end is None else end
    quotes: list[Quote] = []
    opener: tuple[str, int] | None = None
    inner_open = False  # a curly quotation opened inside a straight one: its closer is its own
    for m in _TOKEN.finditer(text, start, end):
        mark, pos = m.group(), m.start()
        if opener is not None and opener[0] == '"' and (mark == "“" or inner_open and mark == "”"):
            inner_open = mark == "“"
            continue
        if opener is None:
            if mark in ("”", "»"):
                continue  # stray closer: unbalanced, ignore it
            if mark == "’":
                continue  # an apostrophe
            if mark == "‘" and not _opens_single(text, pos):
                continue
            opener = (mark, pos)
            continue
        open_mark, open_pos = opener
        expected = _OPEN_CLOSE.get(open_mark, open_mark)
        if open_mark == "''" and mark == "''" or open_mark == "``" and mark == "''":
            expected = mark
        # a straight mark closes a curly quotation and the other way round: copy often mixes
        # them ('"We will win,” said X'), and an unclosed quote would run on
        closes = mark == expected or (open_mark in _DOUBLE and mark in _DOUBLE_CLOSE)
        if open_mark == "‘" and mark == "’":
            # an apostrophe inside ("don’t") is followed by a letter; a closer is not
            after = m.end()
            closes = after >= end or not text[after].isalpha()
        if closes:
            quotes.append(Quote(open_pos, m.end(), open_pos + len(open_mark), pos, True))
            opener = None
            inner_open = False
    if opener is not None:
        open_mark, open_pos = opener
        if open_mark != "‘":
            quotes.append(Quote(open_pos, end, open_pos + len(open_mark), end, False))
    return [q for q in quotes if q.inner_end > q.inner_start]


def is_speech(quote: Quote, text: str) -> bool:
    """Long quotes and quotes that hold a sentence are speech; short phrases may be scare quotes."""
    inner = text[quote.inner_start : quote.inner_end].strip()
    if quote.words(text) >= SPEECH_MIN_WORDS:
        return True
    return bool(inner) and inner[-1] in ".!?," and quote.words(text) >= 2


def expand_to_quotes(att: Attribution, quotes: list[Quote], text: str) -> None:
    """Grow the content to the whole quotation when it is a direct quote.

    The parse gives the clause inside the marks ("We will win"); a direct quote's content is
    the quotation with its marks and inner punctuation (“We will win,”), and a multi-sentence
    quotation whose last sentence carries the cue covers all its sentences.
    """
    c0, c1 = att.content
    if att.cue and c1 <= att.cue[0]:
        # "... to let them. “This is a win,” he said": the quote ending at the cue is the content
        for q in quotes:
            if c0 < q.start < c1 and q.end >= c1 - 2 and not text[q.end : att.cue[0]].strip(
                " ,.;:—–-\"”’"
            ) and not text[c0 : q.start].strip().endswith((",", ":")):
                c0 = q.start
    for q in quotes:
        if q.end <= c0 or q.start >= c1:
            continue
        if c0 <= q.start and c1 < q.end and not (att.cue and c1 <= att.cue[0] < q.end):
            # a quotation opened inside the content runs to its closing mark: the parse's
            # sentence split cut it ('said that the crews “saved the harbour. Without ...”')
            c1 = q.end
            continue
        touches_open = not text[q.inner_start : c0].strip(" \"“”‘’'.,;:!?-—–")
        touches_close = not text[c1 : q.inner_end].strip(" \"“”‘’'.,;:!?-—–")
        inside = q.start <= c0 and c1 <= q.end
        if inside and (touches_open or touches_close):
            if att.cue and q.start <= att.cue[0] < q.end:
                continue  # the cue is inside this quote: not a quote of this speaker
            c0, c1 = min(c0, q.start), max(c1, q.end)
            att.kind = "direct"
    att.content = (c0, c1)


def quote_text(att: Attribution, quotes: list[Quote], text: str) -> str | None:
    """The quoted words inside the content (direct quote) or a few quoted words (mixed)."""
    c0, c1 = att.content
    inside = [q for q in quotes if c0 <= q.start and q.end <= c1]
    if not inside:
        return None
    if att.kind != "direct":
        att.kind = "mixed"
    return " … ".join(q.inner(text).rstrip(",;:") for q in inside)


def attach_quotes(
    atts: list[Attribution],
    quotes_by_paragraph: list[list[Quote]],
    paragraphs: list[tuple[int, int]],
    text: str,
    window: int = 2,
) -> list[Attribution]:
    """Attributions for quotations that no cue in their own sentence claimed.

    A quote in the same paragraph as an attribution (“A,” he said, “B.”) continues its
    statement; one in a following paragraph within ``window`` paragraphs is a statement of
    the nearest earlier speaker with no cue of its own; a paragraph ending in "X said:"
    hands its speaker to the next paragraph. Quotes with no speaker in reach are left
    unattributed (they are not turned into claims).
    """
    new: list[Attribution] = []
    ordered = sorted(atts, key=lambda a: a.content[0])
    para_of = {}
    for i, (p0, p1) in enumerate(paragraphs):
        para_of[(p0, p1)] = i

    def paragraph_index(pos: int) -> int:
        for i, (p0, p1) in enumerate(paragraphs):
            if p0 <= pos <= p1:
                return i
        return -1

    # "Cruz continued:" at a paragraph end: the next paragraph is the content
    for att in ordered:
        if att.pending_colon:
            i = paragraph_index(att.content[0])
            if 0 <= i + 1 < len(paragraphs):
                p0, p1 = paragraphs[i + 1]
                att.content = (p0, p1)
                att.kind = "direct"
            att.pending_colon = False
    ordered = [a for a in ordered if a.content[1] > a.content[0]]
    # a cue inside quoted speech is part of what the quoted speaker said, not a new claim
    speech = [q for group in quotes_by_paragraph for q in group if is_speech(q, text)]
    ordered = [a for a in ordered if not a.cue or not any(
        q.start < a.cue[0] < q.end and not (a.content[0] <= q.start and q.end <= a.content[1])
        for q in speech)]
    covered = [a.content for a in ordered]

    def is_covered(q: Quote) -> bool:
        return any(c0 < q.end and q.start < c1 for c0, c1 in covered) or any(
            a.cue and q.start <= a.cue[0] < q.end for a in ordered
        )

    for pi, quotes in enumerate(quotes_by_paragraph):
        for q in quotes:
            if not is_speech(q, text) or is_covered(q):
                continue
            # quotes that sit inside running prose are mixed/scare quotes, not continuations
            p0, p1 = paragraphs[pi]
            before = text[p0 : q.start].strip()
            # “A,” he said, “B.”: the second part follows the cue (or the speaker) directly
            resumed = [a for a in ordered if a.cue and p0 <= a.cue[0] < q.start and a.speaker
                       and not text[max(a.cue[1], a.speaker[1]) : q.start].strip(" ,")]
            if not resumed:
                # “A,” Ms. Acosta said, “B.”: the parse gave the cue the second part; the
                # first ends right before the speaker or the cue of the same statement
                resumed = [a for a in ordered if a.cue and a.speaker and q.end <= a.speaker[0]
                           and a.cue[0] < p1 and a.kind == "direct" and not text[
                               q.end : min(a.cue[0], a.speaker[0])].strip(" ,")][:1]
            if resumed:
                cued = resumed[-1]
                att = Attribution(
                    content=(q.start, q.end), stance=cued.stance, cue=cued.cue,
                    cue_lemma=cued.cue_lemma, speaker=cued.speaker,
                    speaker_text=cued.speaker_text, speaker_label=cued.speaker_label,
                    pronoun=cued.pronoun, via=list(cued.via), kind="direct",
                    sentence=(q.start, q.end),
                )
                new.append(att)
                covered.append(att.content)
                continue
            if before and before[-1] not in ".!?:—–-\"”’" and q.words(text) < 12:
                continue
            prior = [a for a in ordered + new if a.content[1] <= q.start and a.speaker
                     and a.cue_lemma != ":" and (a.kind == "direct" or paragraph_index(
                         a.content[0]) == pi)]
            last = max(prior, key=lambda a: a.content[1]) if prior else None
            quoted = [a for a in prior if a.kind == "direct" and paragraph_index(a.content[0]) == pi]
            if last is not None and last.kind != "direct" and quoted:
                # “A,” she said, pointing out X. “B.”: the quotation resumes the quoted
                # statement of the paragraph, not the aside that ends nearer to it
                last = max(quoted, key=lambda a: a.content[1])
            if last is not None and pi - paragraph_index(last.content[0]) > window:
                last = None
            if last is None:
                continue
            # A quotation in a later paragraph is a statement of its own, with the speaker
            # carried over but no cue in reach: taking the earlier cue made it one piece of
            # the earlier statement, which PolNeAR train annotates apart (of the pieces so
            # joined, 7 of 55 belonged to the earlier statement). A quotation paragraph
            # before “...,” she said was handed to that speaker too: 0 of 10 right.
            own = paragraph_index(last.content[0]) == pi
            att = Attribution(
                content=(q.start, q.end), stance="stated", cue=last.cue if own else None,
                cue_lemma=last.cue_lemma if own else None, speaker=last.speaker,
                speaker_text=last.speaker_text,
                speaker_label=last.speaker_label, pronoun=last.pronoun, via=list(last.via),
                kind="direct", sentence=(q.start, q.end),
            )
            new.append(att)
            covered.append(att.content)
    return ordered + new
