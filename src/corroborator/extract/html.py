"""Main text and metadata from HTML pages (trafilatura), plus derivation hints.

trafilatura does the heavy lifting (boilerplate removal, title, author, date, site name,
canonical URL). What it does not keep is read here from the ``<head>``: the full publication
timestamp (trafilatura keeps only the day) and the ``original-source`` /
``syndication-source`` meta tags that point from a syndicated copy to its origin.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)

_TIME_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "dc.date",
    "dc.date.issued",
    "pubdate",
    "publishdate",
    "sailthru.date",
)
_SOURCE_META = {
    "original-source": "original_source",
    "syndication-source": "syndication_source",
}


@dataclass
class HtmlExtraction:
    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    sitename: str | None = None
    url: str | None = None
    hints: dict[str, Any] = field(default_factory=dict)


def _head_metadata(html: str) -> dict[str, str]:
    """Metadata trafilatura drops: exact publication time, canonical and source links."""
    import lxml.html

    found: dict[str, str] = {}
    try:
        tree = lxml.html.fromstring(html[:200_000])
    except (ValueError, lxml.etree.ParserError):
        return found
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = (meta.get("content") or "").strip()
        if not key or not content:
            continue
        if key in _TIME_META and "published" not in found:
            found["published"] = content
        elif key in _SOURCE_META:
            found[_SOURCE_META[key]] = content
        elif key == "og:site_name":
            found.setdefault("sitename", content)
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        href = (link.get("href") or "").strip()
        if "canonical" in rel and href:
            found.setdefault("canonical_url", href)
    for time_el in tree.iter("time"):
        stamp = time_el.get("datetime")
        if stamp and "published" not in found and time_el.get("itemprop", "") in (
            "datePublished",
            "",
        ):
            found["published"] = stamp.strip()
            break
    return found


def extract_html(html: str, url: str | None = None) -> HtmlExtraction | None:
    """Main text and metadata of a full page; ``None`` when no article text is found."""
    import trafilatura
    from trafilatura.settings import Document

    try:
        document = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            deduplicate=False,
        )
    except (ValueError, RecursionError, TypeError) as exc:
        log.debug("trafilatura failed: %s", exc)
        document = None
    head = _head_metadata(html)
    # Without as_dict=True trafilatura returns a Document or None; its annotation admits a dict.
    if not isinstance(document, Document) or not document.text or not document.text.strip():
        return None
    text = document.text.strip()
    title = document.title
    # trafilatura repeats the <h1> as the first line of text; it is the title, not content.
    first, _, rest = text.partition("\n")
    if title and first.strip() == title.strip() and rest.strip():
        text = rest.strip()
    hints: dict[str, str] = {
        k: head[k] for k in ("canonical_url", "original_source", "syndication_source") if k in head
    }
    if document.url and "canonical_url" not in hints:
        hints["canonical_url"] = document.url
    return HtmlExtraction(
        text=text,
        title=title,
        author=document.author,
        published=head.get("published") or document.date,
        sitename=head.get("sitename") or document.sitename,
        url=head.get("canonical_url") or document.url or url,
        hints=hints,
    )


def extract_fragment(html: str) -> str:
    """Paragraph text of an HTML fragment (a feed entry's content), one paragraph a line."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return ""
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    blocks = root.xpath("//p|//h1|//h2|//h3|//h4|//li|//blockquote")
    if blocks:
        lines = [" ".join(b.text_content().split()) for b in blocks]
    else:
        lines = [" ".join(line.split()) for line in root.text_content().splitlines()]
    return "\n".join(line for line in lines if line)
