"""Article text, titles and outlet names are untrusted: they must render as text."""

from __future__ import annotations

import pytest

from .conftest import XSS

RAW = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<b>Times</b>"]


def pages(records) -> list[str]:
    local = records["local"].id
    return ["/", "/stories/story-spill", f"/articles/{local}", "/search?q=slick",
            "/stories/story-spill/graph.svg", "/search?q=" + XSS]


def test_no_page_contains_raw_markup_from_articles(client, demo_records) -> None:
    for url in pages(demo_records):
        html = client.get(url).text
        for raw in RAW:
            assert raw not in html, (url, raw)


def test_article_shows_the_markup_as_text(client, demo_records) -> None:
    html = client.get(f"/articles/{demo_records['local'].id}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    assert "Coast &lt;b&gt;Times&lt;/b&gt;" in html


@pytest.mark.parametrize("query", ['"><script>alert(1)</script>', "' onmouseover='x"])
def test_search_query_is_escaped_when_echoed(client, query: str) -> None:
    html = client.get("/search", params={"q": query}).text
    assert query not in html


def test_json_keeps_the_text_exact(client, demo_records) -> None:
    data = client.get(f"/api/articles/{demo_records['local'].id}").json()["data"]
    assert XSS in data["article"]["text"]  # JSON is data, escaped by whoever renders it


@pytest.mark.parametrize(("url", "expected"), [
    ("https://example.org/a?b=1", "https://example.org/a?b=1"),
    ("http://example.org", "http://example.org"),
    ("javascript:alert(1)", None),
    ("JaVaScRiPt:alert(1)", None),
    ("data:text/html,<script>alert(1)</script>", None),
    ("//example.org/x", None),
    ("https://", None),
    ("", None),
    (None, None),
])
def test_only_web_addresses_become_links(url, expected) -> None:
    from corroborator.api.app import web_url

    assert web_url(url) == expected
