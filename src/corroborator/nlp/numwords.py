"""Number words, fractions and vague magnitudes for the figure scanner.

Part of :mod:`corroborator.nlp.numbers`: "three", "a dozen", "two hundred and five",
"two-thirds", "one in five", "half", "thousands", "tens of thousands", "several hundred".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .change_fractions import told_as_change
from .numlex import (
    EXACT,
    FRACTION_WORDS,
    MULTIPLIERS,
    ONE_EXCLUDED_AFTER,
    ONE_EXCLUDED_BEFORE,
    SCALE_WORDS,
    SMALL,
)

__all__ = ["Candidate", "parse_number_words", "word_candidates", "prev_word"]


# "half an hour", "half a kilometre": "half" before "a"/"an" and a unit of measure
_HALF_A_UNIT = re.compile(
    r"\s+(?P<article>an?)(?=\s+(?:hour|minute|second|day|week|month|year|mile|kilometre|"
    r"kilometer|metre|meter|foot|inch|pound|kilogram|kilo|litre|liter|gallon|ton|tonne)s?\b)",
    re.I)


@dataclass
class Candidate:
    """A figure found in text before hedges and ranges turn it into a :class:`Quantity`.

    ``excluded`` names why it is not a quantity ("year", "date", "time", "phone",
    "ordinal", "identifier", "score", "address"); the spaCy layer may overrule "year" for a
    CARDINAL such as "2000 troops".
    """

    start: int
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    kind: str = "count"
    unit: str | None = None
    qualifier: str | None = None
    qclass: str = EXACT
    change: str | None = None
    vague: bool = False
    is_range: bool = False
    excluded: str | None = None
    has_scale: bool = False
    scale: float = 1.0
    words: bool = False
    sign: str | None = None
    integer_like: bool = False
    unit_text: str | None = None
    notes: list[str] = field(default_factory=list)


_WORD_NUM = "|".join(sorted([*SMALL, *MULTIPLIERS, "dozen"], key=len, reverse=True))
_WORD_RUN = re.compile(
    rf"\b(?:(?:an?|one)\s+(?=(?:dozen|hundred|thousand|million|billion|trillion)\b))?"
    rf"(?:{_WORD_NUM})(?:(?:\s+and\s+|\s+|-)(?:{_WORD_NUM}))*\b",
    re.IGNORECASE,
)
_VAGUE = re.compile(
    r"\b(?:(?P<decade>tens|hundreds)\s+of\s+(?P<dmag>thousands|millions|billions)"
    r"|(?P<few>several|a\s+few|a\s+couple\s+of|a\s+couple|many)\s+"
    r"(?P<fmag>dozen|hundred|thousand|million|billion)(?!s)"
    r"|(?P<plural>dozens|hundreds|thousands|millions|billions|trillions)"
    # "scores of people": twenties; "scores" alone is mostly a tally ("test scores")
    r"|(?P<scores>scores)(?=\s+of\b))\b",
    re.IGNORECASE,
)
_FRACTION = re.compile(
    r"\b(?P<num>one|two|three|four|five|six|seven|eight|nine|a|an)[\s-]+"
    r"(?P<den>halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|tenths?)\b"
    r"|\b(?P<n2>one|two|three|four|five|\d+)\s+(?:in|out\s+of)\s+"
    r"(?P<d2>two|three|four|five|six|seven|eight|nine|ten|\d+)\b"
    r"|\b(?P<half>half)\b",
    re.IGNORECASE,
)


def parse_number_words(text: str) -> float | None:
    """Value of an English number phrase ("two hundred and five" → 205, "a dozen" → 12)."""
    tokens = [t for t in re.split(r"[\s-]+", text.lower().strip()) if t and t != "and"]
    if not tokens:
        return None
    total = 0.0
    current = 0.0
    seen = False
    for i, tok in enumerate(tokens):
        if tok in ("a", "an"):
            if i + 1 < len(tokens) and tokens[i + 1] in (*MULTIPLIERS, "dozen"):
                current = max(current, 1.0)
                seen = True
                continue
            return None
        if tok in SMALL:
            current += SMALL[tok]
            seen = True
        elif tok == "dozen":
            current = max(current, 1.0) * 12
            seen = True
        elif tok == "hundred":
            current = max(current, 1.0) * 100
            seen = True
        elif tok in MULTIPLIERS:
            total += max(current, 1.0) * MULTIPLIERS[tok]
            current = 0.0
            seen = True
        else:
            return None
    return total + current if seen else None


def _split_word_run(run: str) -> list[tuple[int, int]]:
    """Split "one two" or "five six" into separately valid number phrases (char offsets)."""
    parts = [(m.start(), m.end(), m.group().lower()) for m in re.finditer(r"[A-Za-z]+", run)]
    pieces: list[tuple[int, int]] = []
    start_idx = 0
    last_level = None  # "unit" (1-9), "teen", "ten" (20..90), "mult"

    def level(word: str) -> str:
        if word in ("a", "an", "and"):
            return "filler"
        if word in MULTIPLIERS or word == "dozen":
            return "mult"
        v = SMALL[word]
        if v < 10:
            return "unit"
        if v < 20:
            return "teen"
        return "ten"

    for idx, (_s, _e, word) in enumerate(parts):
        lv = level(word)
        if lv == "filler":
            continue
        if last_level is not None and lv != "mult":
            ok = last_level == "mult" or (last_level == "ten" and lv == "unit")
            if not ok:
                pieces.append((parts[start_idx][0], parts[idx - 1][1]))
                start_idx = idx
        last_level = lv
    pieces.append((parts[start_idx][0], parts[-1][1]))
    cleaned = []
    for s, e in pieces:
        seg = run[s:e]
        seg_stripped = re.sub(r"(?:\s+and)+$", "", seg, flags=re.IGNORECASE)
        cleaned.append((s, s + len(seg_stripped)))
    return cleaned


# --------------------------------------------------------------------------- helpers


def prev_word(text: str, pos: int) -> tuple[str, int]:
    """The word right before ``pos`` (separated by spaces only) and its start."""
    m = re.search(r"([A-Za-z][\w&.'’]*)[ \t]+$", text[max(0, pos - 40) : pos])
    if not m:
        return "", -1
    return m.group(1), max(0, pos - 40) + m.start(1)


# words before "scores of" that make it tallies ("the test scores of pupils"), not twenties
_TALLY_BEFORE = frozenset(["the", "a", "his", "her", "their", "its", "our", "your", "my",
                           "whose", "these", "those", "test", "exam", "credit", "average",
                           "high", "low", "top", "approval", "final", "match", "he", "she",
                           "it", "who", "which"])


def _tally_scores(text: str, start: int) -> bool:
    word, _ = prev_word(text, start)
    return word.lower() in _TALLY_BEFORE


def word_candidates(text: str, taken: list[tuple[int, int]]) -> list[Candidate]:
    out: list[Candidate] = []

    def free(s: int, e: int) -> bool:
        return not any(s < te and ts < e for ts, te in taken)

    # vague magnitudes first: "tens of thousands", "several hundred", "thousands"
    for m in _VAGUE.finditer(text):
        if not free(m.start(), m.end()):
            continue
        if m.group("scores") and _tally_scores(text, m.start()):
            continue
        cand = Candidate(m.start(), m.end(), None, vague=True, words=True)
        if m.group("decade"):
            base = 10.0 if m.group("decade").lower() == "tens" else 100.0
            mag = SCALE_WORDS[m.group("dmag").lower()[:-1]]
            cand.value = base * mag
            cand.qualifier = m.group().lower()
        elif m.group("few"):
            mag = (
                12.0 if m.group("fmag").lower() == "dozen" else SCALE_WORDS[m.group("fmag").lower()]
            )
            few = re.sub(r"\s+", " ", m.group("few").lower())
            cand.value = None
            cand.qualifier = f"{few} {m.group('fmag').lower()}"
            cand.notes.append(f"few:{few}:{mag}")
        elif m.group("scores"):
            cand.value = 20.0
            cand.qualifier = "scores"
        else:
            word = m.group("plural").lower()
            mag = 12.0 if word == "dozens" else SCALE_WORDS[word[:-1]]
            # "hundreds of thousands" is caught above; "millions of dollars" keeps "millions"
            cand.value = mag
            cand.qualifier = word
        out.append(cand)
        taken.append((m.start(), m.end()))
    # fractions: "two-thirds", "a quarter of", "one in five", "half"
    for m in _FRACTION.finditer(text):
        if not free(m.start(), m.end()):
            continue
        if m.group("half"):
            before = text[max(0, m.start() - 12) : m.start()].lower()
            after = text[m.end() : m.end() + 12].lower()
            if re.search(r"(?:first|second|other|latter|back|front|top|bottom)\s+$", before):
                continue
            if re.match(
                r"[-\s]?(?:time|way|hearted|brother|sister|life|court|volley|back|dozen|an?\s)",
                after,
            ) and not re.match(r"\s+an?\s", after):
                continue
            if re.match(r"\s+an?\s+dozen\b", after):
                am = re.match(r"\s+an?\s+dozen\b", text[m.end() :])
                assert am is not None
                cand = Candidate(m.start(), m.end() + am.end(), 6.0, words=True)
                out.append(cand)
                taken.append((cand.start, cand.end))
                continue
            scale_m = re.match(
                r"\s+an?\s+(million|billion|trillion|thousand|hundred)\b", text[m.end() :]
            )
            if scale_m:
                half = 0.5 * MULTIPLIERS[scale_m.group(1).lower()]
                cand = Candidate(m.start(), m.end() + scale_m.end(), half, words=True)
                out.append(cand)
                taken.append((cand.start, cand.end))
                continue
            one_unit = _HALF_A_UNIT.match(text, m.end())
            if one_unit:
                # "half an hour", "half a mile": half of one unit, which the unit reader
                # then finds right after "an" (it was a bare ratio, "about half", unitless)
                cand = Candidate(m.start(), one_unit.end("article"), 0.5, words=True)
                out.append(cand)
                taken.append((cand.start, cand.end))
                continue
            # "two and a half": the whole-number part is joined later
            cand = Candidate(m.start(), m.end(), 0.5, kind="ratio", words=True)
            out.append(cand)
            taken.append((m.start(), m.end()))
            continue
        if m.group("den"):
            num_word = m.group("num").lower()
            if num_word in ("a", "an"):
                # "a third of", "a quarter of" and a change ("down by a third") only: "a
                # third time" is an ordinal
                if not re.match(r"\s+of\b", text[m.end() : m.end() + 5]) \
                        and not told_as_change(text, m.start(), m.end()):
                    continue
                num = 1.0
            else:
                num = float(SMALL[num_word])
            den_word = m.group("den").lower()
            den = FRACTION_WORDS[den_word]
            ordinal_like = ("fourth", "fifth", "sixth", "seventh", "eighth", "tenth", "third")
            if den_word in ordinal_like and num_word not in ("a", "an", "one"):
                continue  # "the two fifth graders" is no fraction
            cand = Candidate(m.start(), m.end(), num / den, kind="ratio", words=True)
        else:
            n = m.group("n2")
            d = m.group("d2")
            nv = float(SMALL.get(n.lower(), 0) or (int(n) if n.isdigit() else 0))
            dv = float(SMALL.get(d.lower(), 0) or (int(d) if d.isdigit() else 0))
            if not nv or not dv or nv >= dv:
                continue
            cand = Candidate(m.start(), m.end(), nv / dv, kind="ratio", words=True)
        out.append(cand)
        taken.append((cand.start, cand.end))
    # number words: "three", "a dozen", "two hundred and five"
    for m in _WORD_RUN.finditer(text):
        for s, e in _split_word_run(m.group()):
            start, end = m.start() + s, m.start() + e
            if not free(start, end):
                continue
            phrase = text[start:end]
            value = parse_number_words(phrase)
            if value is None:
                continue
            low = phrase.lower()
            if low == "one":
                before, _ = prev_word(text, start)
                after_m = re.match(r"[\s-]+([A-Za-z]+)", text[end : end + 20])
                after = after_m.group(1).lower() if after_m else ""
                if before.lower() in ONE_EXCLUDED_BEFORE or after in ONE_EXCLUDED_AFTER:
                    continue
                if re.match(r"['’]s\b|-(?:off|on|time|way|sided)\b", text[end : end + 7]):
                    continue
            if re.search(r"[A-Za-z]-$", text[max(0, start - 2) : start]):
                continue  # "production-four-door", "COVID-nineteen"
            if low == "one" and re.match(r"\s+\d", text[end : end + 3]):
                continue  # "just one 52,000 barrel-a-day refinery": "one" is the article
            if low.endswith("dozen") and re.search(
                r"baker['’]s\s+$", text[max(0, start - 12) : start]
            ):
                continue  # "a baker's dozen" is an idiom for 13
            cand = Candidate(start, end, value, words=True, integer_like=True)
            last = low.split()[-1].split("-")[-1]
            if last in MULTIPLIERS and value >= MULTIPLIERS[last]:
                cand.has_scale, cand.scale = True, float(MULTIPLIERS[last])
            out.append(cand)
            taken.append((start, end))
    return out
