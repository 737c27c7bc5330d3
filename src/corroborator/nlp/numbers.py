"""Fast, spaCy-free scanner for the figures in raw text, each read as an interval.

``scan_quantities(text)`` finds every figure in a string (digits with separators, decimals,
"2.5 million", "$4.5 billion", "three", "a dozen", "two-thirds", "thousands", ranges,
percentages, money, measures) together with the hedge written before or after it, and turns
the hedge into an interval ``[low, high]`` (``None`` = open-ended). It is deterministic,
needs no model, and is fast enough to compare figures between sentences in bulk (the reuse
stage calls it on every aligned sentence pair). ``corroborator.nlp.quantities`` adds units,
the measured thing and verb-based change from a spaCy parse on top of it.

Interval semantics (margins are settings, ``[quantities]`` in ``defaults.toml``):

=========================================  ======================================  ======
written                                    interval                                change
=========================================  ======================================  ======
"3,000" (no hedge)                         [3000, 3000]                            ``=``
"about / around / roughly / some / an      [N(1-a), N(1+a)],  a = ``approx_margin``  ``~``
estimated / approximately N", "N or so"
"nearly / almost / close to N"             [N(1-n), N)  (high strictly below N)    ``~``
"just under / just below N"                [N(1-n), N)                             ``<``
"just over N"                              (N, N(1+n)]                             ``>``
"more than / over / above / exceeding N"   (N, N(1+b)],  b = ``bound_margin``;      ``>``
                                           (N, ∞) when ``open_ended_bounds``
"at least / no fewer than N", "N or more"  [N, ∞)                                  ``>``
"fewer than / less than / under / below N" [N(1-b), N); [0, N) when open-ended     ``<``
"up to / as many as / at most N"           [0, N]                                  ``<``
"between A and B", "A-B", "A to B"         [A, B] (widened by a hedge on it)       ``=``/``~``
percentages (every margin above)          x ``percent_margin_scale`` (not a fraction
                                           word told as a change: "up almost half")
"dozens"                                   [24, ``dozens_high``]                    ``=``
"hundreds" / "thousands" / "millions"      [2M, M·``plural_high_factor`` - 1]       ``=``
"tens of thousands" (tens/hundreds of M)   [20M, 100M - 1] / [200M, 1000M - 1]      ``=``
"several hundred" / "a few thousand"       [3M, 9M] / [2M, 5M]                      ``=``
=========================================  ======================================  ======

Open bounds are stored with :func:`math.nextafter`, so "nearly 3,000" ends just below 3000
and "more than 3,000" starts just above it: the two never overlap, while "about 3,000" overlaps
both. The change labels follow NewsQuant (Almasian et al., 2023): its gold writes "nearly" and
"almost" as ``~``, "under"/"just under"/"up to"/"fewer than" as ``<`` and "more than"/"at
least" as ``>``; vague magnitudes ("thousands", "dozens") keep ``=`` there because the interval
itself carries the vagueness.

Why a bare plural magnitude spans two decades: reporters write "thousands of troops" both for
2,500 and for 20,000 when they do not want to commit to a figure, and a corroboration engine
must not call "thousands" and "more than 10,000" a conflict. So "thousands" is [2,000, 99,999]
(the plural needs at least two thousand; below "hundreds of thousands"). The explicit decade
forms ("tens of thousands") name their decade and stay within it.

``value`` is the number as written: the hedged number ("nearly 3,000" → 3000), the nominal
magnitude of a vague plural ("thousands" → 1000, "tens of thousands" → 10000, "dozens" → 12)
and ``None`` for a range or "several hundred" (read ``low``/``high``).

Not quantities, and never returned: years (1900–2100 standing alone, "in 2019", "the 1988
film") and other date parts ("September 8", "9 May"), clock times ("10:30", "3 p.m.",
"1.56pm"), phone numbers ("555-0142"), ordinals ("11th Corps"), sports scores ("a 9-2 lead"),
street addresses ("575 Wilbraham Road") and numbers inside identifiers ("COVID-19", "XC40",
"iPhone 11", "Game 6", "5G", "S&P 500").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from ..records.claims import Quantity
from ..records.spans import Span
from .change_fractions import FRACTION_NOTE, fractions_of_change_as_percent
from .decades import temperature_decades
from .numlex import (
    APPROX,
    AT_LEAST,
    CHANGE_OF_CLASS,
    CURRENCY_CODES_AFTER,
    CURRENCY_PREFIX,
    CURRENCY_WORDS,
    EXACT,
    FUNCTION_WORDS,
    IDENTIFIER_CUES,
    JUST_OVER,
    LESS,
    MONTHS,
    MORE,
    NEAR,
    NEAR_BELOW,
    PERCENT_UNITS,
    POSTFIX_QUALIFIERS,
    QUALIFIERS,
    SCALE_WORDS,
    STREET_SUFFIX,
    SYMBOL_UNITS,
    UP_TO,
    WORD_UNITS,
)
from .numwords import Candidate, parse_number_words, prev_word, word_candidates

__all__ = [
    "QuantitySettings",
    "scan_quantities",
    "parse_number_words",
    "Candidate",
    "scan_candidates",
]


@dataclass(frozen=True)
class QuantitySettings:
    """Margins of the intervals (``[quantities]`` in ``defaults.toml``)."""

    SECTION = "quantities"
    approx_margin: float = 0.1
    near_margin: float = 0.1
    bound_margin: float = 0.5
    percent_margin_scale: float = 0.5
    open_ended_bounds: bool = False
    plural_high_factor: float = 100.0
    dozens_high: float = 143.0
    treat_one_as_quantity: bool = True


DEFAULT_SETTINGS = QuantitySettings()


# --------------------------------------------------------------------------- candidates


_NUM = r"(?:\d{1,3}(?:,\d{3})+(?![\d])|\d+)(?:\.\d+)?|\.\d+"
_DIGITS = re.compile(rf"(?<![\d.,])(?:{_NUM})(?![.,]\d)")
_ANY_DIGIT = re.compile(r"\d")
_SCI = re.compile(r"(\d+(?:\.\d+)?)\s*[×xX*]\s*10\s*(?:\^|\*\*)?\s*([−\-–]?)\s*(\d+)")
_TIME = re.compile(
    r"\b\d{1,2}(?::\d{2}){1,2}(?:\.\d+)?(?:\s*(?:[ap]\.?\s?m\.?|[AP]\.?M\.?))?(?!\w)"
    r"|\b\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.m\.|[ap]m\b|[AP]\.M\.|[AP]M\b)"
    r"|\b\d{1,2}\s*o['’]clock\b"
)
_PHONE = re.compile(
    r"(?<![\w,.])(?:\+?\d{1,3}[\s.-])?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?!\d)"
    r"|(?<![\w,.\-])\d{3}-\d{4}(?![\d\-])"
)
_NUMERIC_DATE = re.compile(
    r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b|\b\d{1,2}/\d{1,2}\b(?!\s*(?:of|th))"
)
_MONTH_DATE = re.compile(
    rf"\b(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}}\b)?"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s*(?:of\s+)?(?:{MONTHS})\b\.?(?:,?\s+\d{{4}}\b)?"
    rf"|\b(?:{MONTHS})\.?,?\s+(?:of\s+)?\d{{4}}\b",
    re.IGNORECASE,
)
_ADDRESS = re.compile(
    rf"\b\d+(?:-\d+)?\s+(?:[NSEW]\.?\s+)?(?:\d+(?:st|nd|rd|th)\s+|[A-Z][a-z]+\s+){{0,3}}"
    rf"{STREET_SUFFIX}"
    r"|\b[A-Z]{1,2}\d{1,2}[A-Z]?\s+\d[A-Z]{2}\b",  # UK postcodes
)


def _dec(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def _to_float(value: Decimal) -> float:
    return float(value)


@lru_cache(maxsize=1)
def _symbol_unit_re() -> re.Pattern[str]:
    units = sorted(SYMBOL_UNITS, key=len, reverse=True)
    alts = "|".join(re.escape(u) for u in units)
    return re.compile(rf"(?P<sp>\s?|-)(?P<u>{alts})(?![\w/])")


@lru_cache(maxsize=1)
def _word_unit_re() -> re.Pattern[str]:
    units = sorted(WORD_UNITS, key=len, reverse=True)
    alts = "|".join(re.escape(u).replace(r"\ ", r"\s+") for u in units)
    return re.compile(rf"(?P<sp>[\s-]?)(?P<u>{alts})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _currency_word_re() -> re.Pattern[str]:
    alts = "|".join(sorted(CURRENCY_WORDS, key=len, reverse=True))
    return re.compile(rf"\s+(?P<u>{alts})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _currency_prefix_re() -> re.Pattern[str]:
    alts = "|".join(re.escape(c) for c in sorted(CURRENCY_PREFIX, key=len, reverse=True))
    return re.compile(rf"(?:(?<=[^\w$])|^)(?P<c>{alts})\s?$")


@lru_cache(maxsize=1)
def _qualifier_re() -> re.Pattern[str]:
    alts = "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
    return re.compile(rf"(?:^|(?<=[\s(\"'“‘]))(?P<q>{alts})\s*$", re.IGNORECASE)


_SCALE_AFTER = re.compile(
    r"(?P<sp>\s?)(?P<s>thousand|million|billion|trillion|mln|mn|mil|bn|trn|tn|lakh|crore)\b"
    r"|(?P<g>[kKmMbBT])(?![\w])"
    r"|(?P<sp2>\s)(?P<s2>[MBK])(?=\s+[a-z]|[\s.,;:]|$)"
)


# --------------------------------------------------------------------------- word numbers


def _attach_suffix(text: str, cand: Candidate) -> None:
    """Read scale words, percent signs, currency words and units after the number."""
    pos = cand.end
    rest = text[pos : pos + 40]
    # scale: "2.5 million", "4.3M", "$1.7bn", "8 B people"
    m = _SCALE_AFTER.match(rest)
    if m:
        word = m.group("s") or m.group("g") or m.group("s2") or ""
        scale: float | None
        if m.group("s"):
            scale = SCALE_WORDS[word.lower()]
        elif m.group("s2"):
            scale = {"M": 1e6, "B": 1e9, "K": 1e3}[word]
        else:  # glued letter: k/K thousand, M million, B/b billion (money), m million (money)
            letter = word
            rest[m.end() : m.end() + 3]
            if letter in "kK":
                scale = 1e3
            elif letter == "M":
                scale = 1e6
            elif letter == "B":
                scale = 1e9
            elif letter == "T":
                scale = 1e12 if cand.kind == "money" else None
            elif letter == "m":
                # "$5.4m" and "12.3m tonnes" are millions; "400m" alone is metres
                decimal_then_word = "." in text[cand.start : cand.end] and re.match(
                    r"\s+[A-Za-z]", rest[m.end() :]
                )
                scale = 1e6 if cand.kind == "money" or decimal_then_word else None
            elif letter == "b":
                scale = 1e9 if cand.kind == "money" else None
            else:
                scale = None
        if scale is not None:
            cand.has_scale = True
            cand.scale = scale
            if cand.value is not None:
                cand.value = _to_float(Decimal(str(cand.value)) * Decimal(str(scale)))
            cand.end = pos + m.end()
            pos = cand.end
            rest = text[pos : pos + 40]
    # currency word after: "92 million yuan", "3.23 shekels"
    m = _currency_word_re().match(rest)
    if m and cand.kind != "money":
        cand.kind = "money"
        cand.unit = CURRENCY_WORDS[m.group("u").lower()]
        cand.unit_text = m.group("u")
        cand.end = pos + m.end()
        return
    m = re.match(r"\s?(?P<u>[A-Z]{3})\b", rest)
    if m and cand.kind != "money" and m.group("u") in CURRENCY_CODES_AFTER:
        cand.kind = "money"
        cand.unit = CURRENCY_CODES_AFTER[m.group("u")]
        cand.unit_text = m.group("u")
        cand.end = pos + m.end()
        return
    if cand.kind == "money":
        m2 = re.match(r"\s?(US|USD|AUD|CAD)\b", rest)
        if m2:
            cand.end = pos + m2.end()
        return
    # pence glued to the number: "164p"
    if re.match(r"p(?!\w|\.\w)", rest):
        cand.kind = "money"
        cand.unit = "pence"
        cand.unit_text = "p"
        cand.end = pos + 1
        return
    # a compound unit written with a slash: "1.3 A/cm2", "10 kV/cm", "5 mg/dL"
    m = re.match(r"\s?(?P<u>[A-Za-zμµ]{1,4}/[A-Za-z]{1,4}\d?)(?![\w/])", rest)
    if m and m.group("u") not in SYMBOL_UNITS:
        _set_unit(cand, m.group("u"), m.group("u"))
        cand.end = pos + m.end()
        return
    # a temperature written with its scale's letter glued on: "41.3C", "106.3F"
    m = _GLUED_TEMPERATURE.match(rest)
    if m and _temperature_glued(text, cand):
        _set_unit(cand, _TEMPERATURE_LETTERS[m.group("u")], m.group("u"))
        cand.end = pos + m.end()
        return
    # symbol unit: "60GB", "87 mph", "35%", "1.38pc"
    m = _symbol_unit_re().match(rest)
    if m:
        symbol = m.group("u")
        after = rest[m.end() :]
        # a lone letter after a space is a unit only before a capital, a digit or the end:
        # "a 5 W USB-C charger", "230 V." but not "5 m away", "Plan 2 A levels"
        lone_ok = symbol in ("V", "W") and re.match(r"(?:\s+[A-Z0-9(]|[.,;:)]|\s*$)", after)
        if not (m.group("sp") == " " and symbol in _LONE_LETTERS and not lone_ok):
            _set_unit(cand, SYMBOL_UNITS[symbol], symbol)
            cand.end = pos + m.end()
            return
    m = _word_unit_re().match(rest)
    if m:
        unit = WORD_UNITS[re.sub(r"\s+", " ", m.group("u").lower())]
        if _sterling(cand, unit, rest[m.end() :]):
            cand.kind, cand.unit, cand.unit_text = "money", "pound sterling", m.group("u")
            cand.end = pos + m.end()
            return
        _set_unit(cand, unit, m.group("u"))
        cand.end = pos + m.end()
        return


_GLUED_TEMPERATURE = re.compile(r"(?P<u>[CF])(?![\w/&'’-])")
_TEMPERATURE_LETTERS = {"C": "celsius", "F": "fahrenheit"}


def _temperature_glued(text: str, cand: Candidate) -> bool:
    """Whether a letter C or F glued to the number reads as its temperature scale ("hit 41.3C",
    "a record 106.3F"), not as part of a label: a seat, flat or form ("seat 12F", "Flat 5C",
    "Form 10F") is named by the word before it, capitalised or an identifier cue, and a
    temperature lies within what weather and ovens reach."""
    if cand.kind != "count" or cand.has_scale or cand.value is None:
        return False
    if not -90 <= cand.value <= 600:
        return False
    word, _ = prev_word(text, cand.start)
    if not word:
        return True
    lower = word.lower().rstrip(".")
    if lower in IDENTIFIER_CUES or lower in _LABEL_NOUNS:
        return False
    return not any(ch.isupper() for ch in word) or lower in FUNCTION_WORDS or lower in QUALIFIERS


# Nouns that name things labelled with a number and a letter ("seat 12F", "flat 5C").
_LABEL_NOUNS = frozenset(["seat", "seats", "flat", "apartment", "apt", "row", "bay", "block",
                          "floor", "suite", "form", "grade", "cabin", "bed", "box", "pier",
                          "stand", "berth", "locker", "exit", "class", "size", "type"])


def _sterling(cand: Candidate, unit: str, after: str) -> bool:
    """"an 80 million pound fee", "12 billion pounds": millions of pounds are money, unless
    what they weigh follows ("two million pounds of beef")."""
    return unit == "pound" and cand.has_scale and not re.match(r"\s+of\b", after)


_LONE_LETTERS = frozenset({"m", "g", "t", "l", "A", "V", "W", "L", "°"})


def _set_unit(cand: Candidate, unit: str, surface: str) -> None:
    cand.unit = unit
    cand.unit_text = surface
    if unit in PERCENT_UNITS:
        cand.kind = "percent"
    elif cand.kind == "count":
        cand.kind = "measure"


def _attach_prefix(text: str, cand: Candidate) -> None:
    """Read a currency symbol or sign before the number ("$4.5", "US$113", "-1.3", "+0.2")."""
    before = text[max(0, cand.start - 8) : cand.start]
    # sign directly before the digits
    if before.endswith(("-", "−", "+", "–")) and len(before) >= 1:
        ch = before[-1]
        prior = before[:-1]
        if not prior or prior[-1] in " ([/$€£¥\t\n" or prior.endswith(("US$", "$")):
            cand.sign = "+" if ch == "+" else "-"
            cand.start -= 1
            if cand.value is not None and cand.sign == "-":
                cand.value = -cand.value
            before = before[:-1]
    m = _currency_prefix_re().search(before)
    if m:
        cand.kind = "money"
        cand.unit = CURRENCY_PREFIX[m.group("c")]
        cand.unit_text = m.group("c")
        cand.start -= len(before) - m.start("c")
        before = text[max(0, cand.start - 8) : cand.start]
        if cand.sign is None and before.endswith(("-", "−", "+")):
            prior = before[:-1]
            if not prior or prior[-1] in " (":
                cand.sign = "+" if before.endswith("+") else "-"
                cand.start -= 1
                if cand.value is not None and cand.sign == "-":
                    cand.value = -cand.value
    wm = re.search(r"\bminus[\s-]$", text[max(0, cand.start - 7) : cand.start], re.IGNORECASE)
    if wm and cand.sign is None and cand.value is not None:
        cand.sign = "-"
        cand.value = -cand.value
        cand.start -= 6


# --------------------------------------------------------------------------- scanning


def _excluded_regions(text: str) -> list[tuple[int, int, str]]:
    regions: list[tuple[int, int, str]] = []
    for regex, reason in (
        (_TIME, "time"),
        (_PHONE, "phone"),
        (_NUMERIC_DATE, "date"),
        (_MONTH_DATE, "date"),
        (_ADDRESS, "address"),
    ):
        for m in regex.finditer(text):
            regions.append((m.start(), m.end(), reason))
    return regions


def _in_region(regions: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    for s, e, reason in regions:
        if s <= start and end <= e:
            return reason
    return None


def _digit_candidates(text: str, regions: list[tuple[int, int, str]]) -> list[Candidate]:
    out: list[Candidate] = []
    sci_spans: list[tuple[int, int]] = []
    for m in _SCI.finditer(text):
        try:
            mant = Decimal(m.group(1))
            exp = int(m.group(3)) * (-1 if m.group(2) else 1)
        except (InvalidOperation, ValueError):
            continue
        cand = Candidate(m.start(), m.end(), _to_float(mant * (Decimal(10) ** exp)))
        _attach_suffix(text, cand)
        out.append(cand)
        sci_spans.append((m.start(), m.end()))
    for m in _DIGITS.finditer(text):
        start, end = m.span()
        if any(s <= start < e for s, e in sci_spans):
            continue
        raw = m.group()
        try:
            value = _dec(raw)
        except InvalidOperation:
            continue
        cand = Candidate(start, end, _to_float(value))
        cand.integer_like = "." not in raw and "," not in raw
        reason = _in_region(regions, start, end)
        after = text[end : end + 6]
        before_char = text[start - 1] if start > 0 else ""
        # ordinals and decades: "11th", "1990s", "3s"
        if re.match(r"(?:st|nd|rd|th)\b", after, re.IGNORECASE):
            cand.excluded = "ordinal"
        elif (
            re.match(r"['’]?s\b", after)
            and cand.integer_like
            or before_char.isalpha()
            and not _currency_prefix_re().search(text[max(0, start - 8) : start])
        ):
            cand.excluded = "identifier"
        elif (
            before_char == "-"
            and start >= 2
            and text[start - 2].isalnum()
            and not re.search(r"minus-$", text[:start], re.IGNORECASE)
        ):
            # "COVID-19", "F-150"; a hyphen after a digit is a range, handled later
            if not text[start - 2].isdigit():
                cand.excluded = "identifier"
        elif before_char and before_char in "#№":
            cand.excluded = "identifier"
        if reason and cand.excluded is None:
            cand.excluded = reason
        if cand.excluded is None:
            _attach_prefix(text, cand)
            _attach_suffix(text, cand)
            tail = text[cand.end : cand.end + 3]
            # glued letters that are no unit: "5G", "4K" handled as scale, "A1"
            if tail[:1].isalpha() and cand.unit is None and not cand.has_scale:
                if not re.match(r"[a-z]+-", text[cand.end : cand.end + 20]):
                    cand.excluded = "identifier"
            elif tail[:1] == "." and re.match(r"\.\d", tail):
                cand.excluded = "identifier"  # version numbers "1.0.2", IP addresses
        out.append(cand)
    return out


# A bound on when, not on how many: "since at least 2021", "until at least 2030" keep the
# year a year (the qualifier rescues "more than 1950 people")
_BOUNDED_TIME = re.compile(r"\b(?:since|until|till|through)\s+(?:at\s+least|as\s+early\s+as|"
                           r"at\s+the\s+(?:latest|earliest))\s*$", re.IGNORECASE)


def _is_year(text: str, cand: Candidate) -> bool:
    if not cand.integer_like or cand.value is None or cand.words:
        return False
    era_before = re.search(r"\b(?:A\.D\.|AD|CE)\s*$", text[max(0, cand.start - 6) : cand.start])
    era_after = re.match(r"\s*(?:B\.C\.|BC|BCE|A\.D\.|AD|CE)\b", text[cand.end : cand.end + 6])
    if era_before or era_after:
        return True
    if not 1900 <= cand.value <= 2100 or cand.kind != "count" or cand.has_scale:
        return False
    return not (cand.sign is not None or cand.unit is not None)


def _hyphenated_identifiers(text: str, cands: list[Candidate]) -> None:
    """A number hyphened onto an identifier is part of it: the "800" of "Boeing 737-800",
    the "6" of "beat Larsen 4-6, 6-3" (a score after the loser's name), not a figure left
    over once its first half was read as a label."""
    ordered = sorted(cands, key=lambda c: c.start)
    for a, b in zip(ordered, ordered[1:], strict=False):
        if a.excluded == "identifier" and b.excluded is None and b.integer_like \
                and text[a.end : b.start] in ("-", "–"):
            b.excluded = "identifier"


def _identifier_context(text: str, cand: Candidate) -> bool:
    """A capitalised name right before the number ("Game 6", "Stoxx 600") marks an identifier,
    and "number" a rank written in words ("Europe's number one supplier")."""
    if cand.kind != "count" or cand.unit is not None or cand.has_scale:
        return False
    if cand.words:
        word, at = prev_word(text, cand.start)
        return (word or "").lower() == "number" and not cand.vague \
            and not _number_as_verb(text, at)
    raw = text[cand.start : cand.end]
    if "," in raw:
        return False
    word, at = prev_word(text, cand.start)
    if not word:
        return False
    lower = word.lower().rstrip(".")
    if lower == "number" and _number_as_verb(text, at):
        return False
    if lower in IDENTIFIER_CUES or word.lower() in IDENTIFIER_CUES:
        return True
    if lower in FUNCTION_WORDS or word.lower() in QUALIFIERS:
        return False
    if re.fullmatch(MONTHS, lower):
        return False
    return any(ch.isupper() for ch in word)


# Words before "number" that make it a verb: "deaths could already number several hundred",
# "the dead now number 300" (a count, not a rank or a label).
_BEFORE_VERB_NUMBER = frozenset(["could", "may", "might", "will", "would", "should", "must",
                                 "can", "already", "now", "to", "still", "together"])


def _number_as_verb(text: str, at: int) -> bool:
    """Whether the word "number" at ``text[at:]`` is a verb, by the word before it."""
    if at < 0:
        return False
    word, _ = prev_word(text, at)
    return word.lower() in _BEFORE_VERB_NUMBER


# Verbs whose "over" is their particle, not a bound: "it handed over 95 prisoners", "turned
# over 300 documents". Verbs where "over" may be either ("took over 40 hours", "won over 60%
# of the vote", "carried over 200 passengers") keep it as a bound.
_PARTICLE_OVER = re.compile(
    r"\b(?:hand(?:s|ed|ing)?|turn(?:s|ed|ing)?|sign(?:s|ed|ing)?)\s+over\s*$", re.IGNORECASE)


def _attach_qualifiers(text: str, cand: Candidate) -> None:
    before = text[max(0, cand.start - 30) : cand.start]
    m = _qualifier_re().search(before)
    if (
        m
        and m.group("q").lower() == "up to"
        and re.search(
            r"\b(?:back|go|goes|went|gone|going|move[sd]?|moving|climb(?:ed|s)?|inching)\s+up to\s*$",
            before,
            re.IGNORECASE,
        )
    ):
        m = None  # "inching back up to 4.8 percent" is a movement, not a bound
    if m and m.group("q").lower() == "over" and _PARTICLE_OVER.search(before):
        m = None  # "handed over 95 prisoners" hands over 95, not more than 95
    if m:
        q = m.group("q")
        qlow = q.lower()
        # "some" and "over" need care: "over 3 years" is fine, "some of" is not adjacent
        cand.qclass = QUALIFIERS[qlow]
        cand.qualifier = qlow if not cand.vague else f"{qlow} {cand.qualifier}"
        cand.start -= len(before) - m.start("q")
        if cand.vague and cand.value is not None and cand.qclass != EXACT:
            cand.vague = False  # "more than thousands" is read on its nominal value
    after = text[cand.end : cand.end + 20]
    pm = re.match(
        r"(?:\s+(or so|or thereabouts|or more|or fewer|or less)\b|(-odd\b|\+(?!\d)|-plus\b|\s+plus\b(?!\s+(?:the|a|an)\b)))",
        after,
    )
    if pm and cand.qualifier is None:
        word = (pm.group(1) or pm.group(2)).lstrip("-").strip()
        cand.qclass = POSTFIX_QUALIFIERS[word]
        cand.qualifier = word
        cand.end += pm.end()


def _inherit_hedge_in_conversions(text: str, cands: list[Candidate]) -> None:
    """A converted figure in brackets shares the hedge: "just under 296 hp (224 kW / 300 PS)"."""
    live = [c for c in cands if c.excluded is None]
    for prev, cur in zip(live, live[1:], strict=False):
        between = text[prev.end : cur.start]
        if cur.qualifier is not None or prev.qualifier is None or prev.vague or cur.vague:
            continue
        if prev.kind not in ("measure", "money") or cur.kind != prev.kind:
            continue
        if re.fullmatch(r"\s*\(\s*|\s*/\s*", between):
            cur.qclass, cur.qualifier = prev.qclass, prev.qualifier


def _merge_ranges(text: str, cands: list[Candidate]) -> list[Candidate]:
    cands = sorted(cands, key=lambda c: c.start)
    out: list[Candidate] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        if i + 1 < len(cands) and a.excluded == "year" and cands[i + 1].excluded is None:
            # "between A.D. 1000 and 1260", "from 2019 to 2021": the other end is a year too
            b = cands[i + 1]
            if b.integer_like and re.fullmatch(r"\s*(?:-|–|to|and)\s*", text[a.end : b.start]):
                b.excluded = "year"
        if i + 1 < len(cands) and a.excluded is None and cands[i + 1].excluded is None:
            b = cands[i + 1]
            between = text[a.end : b.start]
            if b.qualifier == "up to" and not between.strip():
                between = " up to "  # "from 450 sq ft up to 900 sq ft"
            joiner = re.fullmatch(r"\s*(-|–|—|to|and|or|through|to\s+about|up\s+to)\s*", between)
            tight_dash = between in ("-", "–") or (between.strip() in ("-", "–") and bool(between))
            if (
                joiner
                and a.value is not None
                and b.value is not None
                and not a.vague
                and not b.vague
            ):
                word = joiner.group(1)
                pre = text[max(0, a.start - 10) : a.start].lower()
                ok = True
                if word == "and" and not re.search(r"between\s+$", pre):
                    ok = False
                if word.startswith("up") and not re.search(r"from\s+$", pre):
                    ok = False
                if ok and word.startswith("up") and b.qualifier == "up to":
                    b.qualifier, b.qclass = None, EXACT
                if word == "or" and not ((a.words and b.words) or b.value == a.value + 1):
                    ok = False
                if a.unit and b.unit and a.unit != b.unit:
                    ok = False
                if a.unit and not b.unit and not (a.kind == "money" and b.kind == "count"):
                    ok = False
                if a.kind == "ratio" or b.kind == "ratio":
                    ok = False
                # sports scores: "a 9-2 lead", "2-2", "89-89"
                if (
                    (
                        ok
                        and tight_dash
                        and a.integer_like
                        and b.integer_like
                        and not a.unit
                        and not b.unit
                    )
                    and a.value >= b.value
                    and a.value < 1000
                ):
                    a.excluded = b.excluded = "score"
                    out.extend([a, b])
                    i += 2
                    continue
                if ok:
                    out.append(_range(text, a, b, pre))
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


def _range(text: str, a: Candidate, b: Candidate, pre: str) -> Candidate:
    b_value = b.value if b.value is not None else 0.0
    a_value = a.value if a.value is not None else 0.0
    if (
        b.has_scale
        and not a.has_scale
        and abs(a_value) <= abs(b_value / b.scale) + 1e-9
        or b.has_scale
        and not a.has_scale
        and a_value * b.scale <= b_value * 10
    ):
        a_value = _to_float(Decimal(str(a_value)) * Decimal(str(b.scale)))
    lo, hi = sorted((a_value, b_value))
    start = a.start
    qualifier = a.qualifier
    m = re.search(r"(between|from)\s+$", pre)
    if m and qualifier is None:
        start = a.start - (len(pre) - m.start())
    merged = Candidate(
        start,
        b.end,
        None,
        low=lo,
        high=hi,
        kind=b.kind if b.kind != "count" else a.kind,
        unit=b.unit or a.unit,
        unit_text=b.unit_text or a.unit_text,
        qualifier=qualifier,
        qclass=a.qclass,
        is_range=True,
        has_scale=b.has_scale,
        scale=b.scale,
        words=a.words and b.words,
    )
    merged.notes.append(f"range:{a_value}:{b_value}")
    return merged


def _join_and_a_half(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Join "two and a half" into 2.5."""
    cands = sorted(cands, key=lambda c: c.start)
    out: list[Candidate] = []
    skip = False
    for i, c in enumerate(cands):
        if skip:
            skip = False
            continue
        if i + 1 < len(cands):
            nxt = cands[i + 1]
            between = text[c.end : nxt.start]
            if (
                nxt.kind == "ratio"
                and nxt.value == 0.5
                and re.fullmatch(r"\s+and\s+an?\s+", between)
                and c.value is not None
                and c.kind == "count"
            ):
                c = replace(c, end=nxt.end, value=c.value + 0.5, integer_like=False)
                if c.unit is None:
                    _attach_suffix(text, c)
                skip = True
        out.append(c)
    return out


def _interval(c: Candidate, s: QuantitySettings) -> tuple[float | None, float | None]:
    if c.kind == "percent" and FRACTION_NOTE not in c.notes:
        # a share of a whole is rounded more finely than a count: "nearly 70 percent" is no
        # 63 percent, "about 34 percent" no 31.8; a fraction word is not ("almost a quarter"
        # of change, like "almost a quarter of voters", is 23 percent as well)
        k = s.percent_margin_scale
        s = replace(s, approx_margin=s.approx_margin * k, near_margin=s.near_margin * k,
                    bound_margin=s.bound_margin * k)
    if c.vague:
        if c.qualifier and c.qualifier.startswith(("tens of", "hundreds of")):
            assert c.value is not None
            return 2 * c.value, 10 * c.value - 1
        for note in c.notes:
            if note.startswith("few:"):
                _, few, mag_text = note.split(":")
                mag = float(mag_text)
                if few == "several":
                    return 3 * mag, 9 * mag
                if few.startswith("a couple"):
                    return 2 * mag * (1 - s.approx_margin), 2 * mag * (1 + s.approx_margin)
                if few == "many":
                    return 2 * mag, mag * s.plural_high_factor - 1
                return 2 * mag, 5 * mag
        assert c.value is not None
        if c.value == 12.0:
            return 24.0, s.dozens_high
        return 2 * c.value, c.value * s.plural_high_factor - 1
    if c.is_range:
        lo, hi = c.low, c.high
        assert lo is not None and hi is not None
        if c.qclass in (APPROX, NEAR):
            return _approx_low(lo, s.approx_margin), _approx_high(hi, s.approx_margin)
        return lo, hi
    v = c.value
    assert v is not None
    cls = c.qclass
    if cls == EXACT:
        return v, v
    if cls == APPROX:
        return tuple(sorted((v * (1 - s.approx_margin), v * (1 + s.approx_margin))))  # type: ignore[return-value]
    if cls in (NEAR, NEAR_BELOW):
        return v - abs(v) * s.near_margin, math.nextafter(v, -math.inf)
    if cls == JUST_OVER:
        return math.nextafter(v, math.inf), v + abs(v) * s.near_margin
    if cls == MORE:
        return math.nextafter(v, math.inf), (
            None if s.open_ended_bounds else v + abs(v) * s.bound_margin
        )
    if cls == AT_LEAST:
        return v, None
    if cls == LESS:
        low = 0.0 if s.open_ended_bounds else v - abs(v) * s.bound_margin
        return (min(low, 0.0) if v <= 0 else low), math.nextafter(v, -math.inf)
    if cls == UP_TO:
        return (0.0 if v >= 0 else None), v
    return v, v


def _approx_low(v: float, m: float) -> float:
    return v - abs(v) * m


def _approx_high(v: float, m: float) -> float:
    return v + abs(v) * m


def scan_candidates(text: str) -> list[Candidate]:
    """Every numeric candidate in ``text``, excluded ones included (with a reason)."""
    # every region and digit pattern needs a digit: most paragraphs of prose have none
    if _ANY_DIGIT.search(text):
        regions = _excluded_regions(text)
        cands = _digit_candidates(text, regions)
    else:
        regions, cands = [], []
    taken = [(c.start, c.end) for c in cands]
    # keep word numbers out of date/time regions too ("nine o'clock")
    taken += [(s, e) for s, e, r in regions if r in ("time",)]
    words = word_candidates(text, taken)
    for w in words:
        if w.kind == "count" and not w.vague:
            _attach_prefix(text, w)
            _attach_suffix(text, w)
    cands.extend(words)
    for c in cands:
        if c.excluded is None and _is_year(text, c):
            c.excluded = "year"
        if c.excluded is None and _identifier_context(text, c):
            c.excluded = "identifier"
    _hyphenated_identifiers(text, cands)
    cands = _join_and_a_half(text, cands)
    for c in cands:
        if c.excluded is None:
            _attach_qualifiers(text, c)
    # a qualifier rescues a year-like number: "about 2000 people", "more than 1950"
    for c in cands:
        if c.excluded == "year" and c.value is not None:
            before = text[max(0, c.start - 30) : c.start]
            if _qualifier_re().search(before) and not _BOUNDED_TIME.search(before):
                c.excluded = None
                _attach_qualifiers(text, c)
    cands.extend(temperature_decades(text, cands))
    live = [(c.start, c.end) for c in cands if c.excluded is None]
    cands = [
        c
        for c in cands
        if c.excluded is None or not any(s <= c.start and c.end <= e for s, e in live)
    ]
    cands = _merge_ranges(text, cands)
    _inherit_hedge_in_conversions(text, cands)
    fractions_of_change_as_percent(text, cands)
    # years in a range with a non-year: "2000 - 2500 Calories"
    return sorted(cands, key=lambda c: c.start)


def to_quantity(
    text: str, c: Candidate, offset: int = 0, settings: QuantitySettings = DEFAULT_SETTINGS
) -> Quantity:
    low, high = _interval(c, settings)
    change = "=" if c.vague else CHANGE_OF_CLASS.get(c.qclass, "=")
    if c.sign == "+" and change == "=":
        change = "up"
    elif c.sign == "-" and change == "=" and c.kind == "percent":
        change = "down"
    return Quantity(
        text=text[c.start : c.end],
        span=Span(c.start + offset, c.end + offset),
        value=c.value,
        low=low,
        high=high,
        qualifier=c.qualifier,
        unit=c.unit,
        measured=None,
        change=change,
        kind=c.kind,
    )


def scan_quantities(
    text: str, offset: int = 0, settings: QuantitySettings = DEFAULT_SETTINGS
) -> list[Quantity]:
    """Every figure in ``text`` as a :class:`Quantity` interval, in text order.

    Args:
        text: raw text (a sentence, paragraph or article).
        offset: added to every span (the position of ``text`` inside the article).
        settings: interval margins; defaults match ``[quantities]`` in ``defaults.toml``.

    Returns:
        Quantities with ``unit`` set for currencies, percentages and known measurement units
        (``None`` for plain counts) and ``measured`` always ``None``.

    Examples:
        >>> [q.text for q in scan_quantities("nearly 3,000 soldiers in 2019")]
        ['nearly 3,000']
    """
    out = []
    for cand in scan_candidates(text):
        if cand.excluded is not None:
            continue
        if not settings.treat_one_as_quantity and text[cand.start : cand.end].lower() == "one":
            continue
        out.append(to_quantity(text, cand, offset, settings))
    return out
