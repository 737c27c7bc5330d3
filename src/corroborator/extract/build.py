"""Turn one raw document into an :class:`Article` or a :class:`Rejection`."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import PurePath
from typing import Any
from urllib.parse import urlparse

import dateparser

from ..records import Article, RawDocument, Rejection
from ..records.article import article_id, content_hash
from ..settings import IngestSettings
from .html import extract_fragment, extract_html
from .language import detect_language

_TITLE_MAX = 160
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _plain_title(text: str) -> str | None:
    """The first line when it looks like a headline: short, no final full stop, text follows."""
    stripped = text.lstrip()
    first, sep, rest = stripped.partition("\n")
    first = first.strip()
    if not sep or not rest.strip() or not first or len(first) > _TITLE_MAX:
        return None
    if first.endswith((".", ",", ";", ":")) and not first.endswith("..."):
        return None
    if len(first.split()) > 25:
        return None
    return first


# A dateline of its own under the headline of a plain-text report ("3 November 2026",
# "Published: 2026-11-03"), within its first lines.
_DATE_LINE_SCAN = 6
_DATE_LINE_MAX_WORDS = 8
_STAMP = re.compile(r"^(?:published|updated|posted|filed|date)\s*:?\s*", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _plain_date(text: str) -> datetime | None:
    """The date a plain-text report gives on a line of its own near the top, if any.

    Only a full calendar date counts (day, month and year): "Tuesday" or "last week" on a
    line of their own would be resolved against today, which says nothing of the report.
    """
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    for line in lines[1 : 1 + _DATE_LINE_SCAN]:
        parsed = _date_line(line)
        if parsed is not None:
            return parsed
    return None


def _date_line(line: str) -> datetime | None:
    """The date a line of its own gives ("3 November 2026", "Published: 2026-11-03 14:05")."""
    candidate = _STAMP.sub("", line.strip())
    if len(candidate.split()) > _DATE_LINE_MAX_WORDS or not _YEAR.search(candidate):
        return None
    parsed = dateparser.parse(candidate, settings={
        "STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": True, "TO_TIMEZONE": "UTC"})
    if parsed is None:
        return None
    # a day without a time of day: its middle is at most half a day off
    return parsed if ":" in candidate else parsed.replace(hour=12, minute=0)


_BYLINE_START = re.compile(r"^(?:By|BY|by)\s+[A-Z]")
# small words a byline may hold beside names ("By Ana Ruiz and Tom Lee | The Ledger")
_BYLINE_SMALL = frozenset("and of the de van von der in at for & | / - – —".split())  # noqa: SIM905


def _is_byline(line: str) -> bool:
    """"By Ana Ruiz, Northern Ledger": a name line, not a sentence ("By Monday, rescuers
    had reached the village.")."""
    words = line.split()
    if not _BYLINE_START.match(line) or len(words) > 12 or line.endswith((".", "!", "?")):
        return False
    return all(w[:1].isupper() or w.lower() in _BYLINE_SMALL for w in words[1:])


def _plain_body_start(text: str) -> int:
    """Where a plain-text report's body begins after its headline, date and byline lines
    (0 when it has no such lines): the lead a reader and the story clustering read."""
    offset, seen_title, end = 0, False, 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        offset += len(line)
        if not stripped:
            continue
        if not seen_title:
            seen_title = True
            continue
        if _date_line(stripped) is None and not _is_byline(stripped):
            break
        end = offset
    return end


def parse_published(value: Any) -> datetime | None:
    """A timezone-aware datetime from ISO 8601, RFC 822 or a plain date; ``None`` if unreadable."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if not value or not isinstance(value, str):
        return None
    value = value.strip()
    parsed: datetime | None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        parsed = dateparser.parse(
            value, settings={"RETURN_AS_TIMEZONE_AWARE": True, "TO_TIMEZONE": "UTC"}
        )
    if parsed is None:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


# A byline of its own near the top of a plain-text report that names the outlet after the
# writer: "By Paolo Venn, Northern Ledger", "By Ana Ruiz | The Coastal Times".
_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
_BYLINE_OUTLET = re.compile(
    rf"^(?:By|BY|by)\s+{_NAME}(?:\s+and\s+{_NAME})?\s*[,|/–—-]\s*"
    r"(?P<outlet>(?:The\s+)?[A-Z][\w&.'’-]*(?:\s+[A-Z&][\w&.'’-]*){0,4})$")


# "By Ana Ruiz, Chief Correspondent": a title after the name, not an outlet
_JOB_WORDS = frozenset(
    """correspondent correspondents editor editors reporter reporters writer writers staff
    contributor columnist analyst chief bureau producer photographer""".split())  # noqa: SIM905


def _plain_outlet(text: str) -> str | None:
    """The outlet a plain-text report's byline names, else the issuer its header names."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    for line in lines[1 : 1 + _DATE_LINE_SCAN]:
        match = _BYLINE_OUTLET.match(line)
        if match and not _JOB_WORDS & set(match.group("outlet").lower().split()):
            return match.group("outlet")
    return _issuer(lines)


# The most capitalised words an issuer's name on a line of its own has ("Ministry of Health
# and Social Affairs" has four), and the most words with its small ones ("Ministry of Defence
# of the Republic of Orlavia": a state's full style doubles the count, not the names).
_ISSUER_MAX_WORDS = 6
_ISSUER_MAX_WORDS_WITH_SMALL = 10


def _issuer(lines: list[str]) -> str | None:
    """A statement's issuer: the name on a line of its own right under the header's date
    line ("Brannock Mobile statement ...", "19 November 2026", "Brannock Mobile"), as a
    press release or a court's statement sets it out. A line in capitals ("FOR IMMEDIATE
    RELEASE") is a label, not a name."""
    for before, line in zip(lines[1:_DATE_LINE_SCAN], lines[2 : 1 + _DATE_LINE_SCAN],
                            strict=False):
        if _date_line(before) is None:
            continue
        words = line.split()
        names = [w for w in words if w.lower() not in _BYLINE_SMALL]
        if (len(names) <= _ISSUER_MAX_WORDS and len(words) <= _ISSUER_MAX_WORDS_WITH_SMALL
                and not line.isupper()
                and not line.endswith((".", "!", "?", ":", ","))
                and not any(ch.isdigit() for ch in line)
                and words[0][:1].isupper()
                and all(w[:1].isupper() or w.lower() in _BYLINE_SMALL for w in words)):
            return line
        return None
    return None


def _outlet(metadata_outlet: str | None, url: str | None, path: str) -> str | None:
    if metadata_outlet and metadata_outlet.strip():
        return metadata_outlet.strip()
    if url:
        host = urlparse(url).hostname
        if host:
            return host.removeprefix("www.")
    if path and path != "-":
        parent = PurePath(path).parent.name
        if parent:
            return parent
    return None


def build_article(raw: RawDocument, settings: IngestSettings) -> Article | Rejection:
    """Decode and extract ``raw``; every failure is a rejection naming the reason."""
    from ..ingest.decoding import decode

    hints = dict(raw.hints)
    warnings = list(hints.pop("warnings", []))
    decoded = decode(raw.data, use_declared=raw.media_type == "text/html")
    if decoded.warning:
        warnings.append(decoded.warning)
    title = hints.pop("title", None)
    url = hints.pop("url", None)
    outlet = hints.pop("outlet", None)
    published = hints.pop("published", None)
    language = hints.pop("language", None)
    if raw.media_type == "text/html":
        extraction = extract_html(decoded.text, url)
        if extraction is None:
            return Rejection(
                raw.path,
                "no article text found in the HTML (empty, script-only or not a news page)",
                raw.locator,
            )
        text = extraction.text
        title = title or extraction.title
        url = url or extraction.url
        outlet = outlet or extraction.sitename
        published = published or extraction.published
        if extraction.author:
            hints.setdefault("author", extraction.author)
        hints.update(extraction.hints)
    elif raw.media_type == "text/html-fragment":
        text = extract_fragment(decoded.text)
    else:
        # Plain text is kept verbatim: offsets into it are offsets into the input file.
        text = decoded.text
        title = title or _plain_title(text)
        published = published or _plain_date(text)
        outlet = outlet or _plain_outlet(text)
        if title and (body_start := _plain_body_start(text)):
            hints["body_start"] = body_start
    if _CONTROL.search(text):
        warnings.append("control characters found in the text")
    if len(text.strip()) < settings.min_text_chars:
        return Rejection(
            raw.path,
            f"too little text ({len(text.strip())} characters; [ingest] min_text_chars is "
            f"{settings.min_text_chars})",
            raw.locator,
        )
    language = language or detect_language(
        text, min_chars=settings.min_chars_for_language, default=settings.default_language
    )
    if warnings:
        hints["warnings"] = warnings
    outlet = _outlet(outlet, url, raw.path)
    when = parse_published(published)
    if published and when is None:
        warnings.append(f"unreadable publication date {published!r}")
        hints["warnings"] = warnings
    return Article(
        id=article_id(text, outlet, url, title),
        path=raw.path,
        url=url,
        outlet=outlet,
        title=title,
        published=when,
        language=language,
        text=text,
        content_hash=content_hash(text),
        hints=hints,
        locator=raw.locator,
    )
