"""Every input format turns into articles with the right text and metadata."""

from __future__ import annotations

import gzip
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from corroborator.extract import build_article
from corroborator.ingest import iter_inputs
from corroborator.records import Article, Rejection
from corroborator.settings import IngestSettings

PARAGRAPHS = [
    "HALVERSTAD, April 2 (Northwind Wire) - Flood waters forced more than 4,000 residents "
    "from their homes in the river town of Halverstad on Thursday, regional officials said.",
    "\u201cThe water rose faster than anyone expected,\u201d said Mayor Ilse Brandt, who "
    "ordered the evacuation shortly after midnight.",
    "Emergency crews used boats to reach about 300 people stranded on rooftops, according "
    "to the regional fire service.",
]


def page(title: str, paragraphs: list[str], *, site: str = "Valley Courier",
         published: str = "2026-04-02T08:15:00Z", canonical: str | None = None,
         original: str | None = None, charset: str = "utf-8") -> str:
    head = [
        f'<meta charset="{charset}">',
        f"<title>{title} | {site}</title>",
        f'<meta property="og:site_name" content="{site}">',
        f'<meta property="og:title" content="{title}">',
        f'<meta property="article:published_time" content="{published}">',
        '<meta name="author" content="Pia Lund">',
    ]
    if canonical:
        head.append(f'<link rel="canonical" href="{canonical}">')
    if original:
        head.append(f'<meta name="original-source" content="{original}">')
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!DOCTYPE html><html><head>" + "".join(head) + "</head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
        "<div class='cookie'>We use cookies to improve your experience. Accept all?</div>"
        f"<main><article><h1>{title}</h1><p class='byline'>By Pia Lund</p>{body}</article>"
        "<aside><h3>Related stories</h3><ul><li><a href='/a'>Bridge reopens</a></li>"
        "<li><a href='/b'>Council vote delayed</a></li></ul></aside></main>"
        "<footer>Sign up for our newsletter. (c) 2026 Valley Courier. All rights reserved."
        "</footer></body></html>"
    )


@pytest.fixture
def ingest_settings(settings) -> IngestSettings:
    return settings.get(IngestSettings)


def read_all(paths: list[str], ingest_settings: IngestSettings, stdin=None):
    articles, rejected = [], []
    for item in iter_inputs(paths, ingest_settings, stdin=stdin):
        result = item if isinstance(item, Rejection) else build_article(item, ingest_settings)
        (rejected if isinstance(result, Rejection) else articles).append(result)
    return articles, rejected


def test_ingest_plain_text_is_kept_verbatim(tmp_path: Path, ingest_settings) -> None:
    folder = tmp_path / "Valley Courier"
    folder.mkdir()
    content = "Floods force thousands from homes\n\n" + "\r\n\r\n".join(PARAGRAPHS) + "\n"
    (folder / "flood.txt").write_text(content, encoding="utf-8", newline="")
    [article], rejected = read_all([str(tmp_path)], ingest_settings)
    assert rejected == []
    assert article.text == content  # offsets into the file are offsets into the text
    assert article.title == "Floods force thousands from homes"
    assert article.outlet == "Valley Courier"  # from the parent folder
    assert article.language == "en"
    assert article.path == str(folder / "flood.txt")


@pytest.mark.parametrize(("stamp", "published"), [
    ("3 November 2026", datetime(2026, 11, 3, 12, tzinfo=UTC)),
    ("Published: 2026-11-03 14:05", datetime(2026, 11, 3, 14, 5, tzinfo=UTC)),
    ("Tuesday", None),  # no calendar date: nothing to resolve it against
])
def test_ingest_plain_text_date_line_under_the_headline(tmp_path: Path, ingest_settings, stamp,
                                                        published) -> None:
    content = f"Floods force thousands from homes\n\nBy Ann Lee\n{stamp}\n\n" + \
        "\n\n".join(PARAGRAPHS)
    (tmp_path / "flood.txt").write_text(content, encoding="utf-8")
    [article], _ = read_all([str(tmp_path / "flood.txt")], ingest_settings)
    assert article.published == published
    assert article.text == content


@pytest.mark.parametrize(("byline", "outlet"), [
    ("By Ann Lee, Northern Ledger", "Northern Ledger"),
    ("By Ann Lee and Piet Kors | The Harbour Gazette", "The Harbour Gazette"),
    ("By Ann Lee, Staff Writer", "reports"),  # a title, not an outlet: the folder's name
    ("By Ann Lee", "reports"),
    # a statement sets out its issuer on a line of its own under the date line
    ("12 May 2026\n\nMinistry of Water Affairs", "Ministry of Water Affairs"),
    # a state's full style: seven words, four of them names
    ("12 May 2026\n\nMinistry of Defence of the Republic of Orlavia",
     "Ministry of Defence of the Republic of Orlavia"),
    ("12 May 2026\n\nFOR IMMEDIATE RELEASE", "reports"),  # a label in capitals, not a name
    ("Ministry of Water Affairs\n\n12 May 2026", "reports"),  # not under the date line
])
def test_ingest_plain_text_outlet_from_the_byline_or_issuer(tmp_path: Path, ingest_settings,
                                                            byline, outlet) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    content = f"Floods force thousands from homes\n\n{byline}\n\n" + "\n\n".join(PARAGRAPHS)
    (folder / "flood.txt").write_text(content, encoding="utf-8")
    [article], _ = read_all([str(folder / "flood.txt")], ingest_settings)
    assert article.outlet == outlet


def test_ingest_plain_text_lead_starts_after_date_and_byline(tmp_path: Path,
                                                             ingest_settings) -> None:
    from corroborator.stories.features import title_and_lead

    content = ("Floods force thousands from homes\n\n3 November 2026\n\nBy Ann Lee, Northern "
               "Ledger\n\n" + "\n\n".join(PARAGRAPHS))
    (tmp_path / "flood.txt").write_text(content, encoding="utf-8")
    [article], _ = read_all([str(tmp_path / "flood.txt")], ingest_settings)
    assert article.text == content  # kept verbatim; only the lead skips the header lines
    title, lead = title_and_lead(article, 400)
    assert title == "Floods force thousands from homes"
    assert lead.startswith(PARAGRAPHS[0][:40])
    # a first sentence that merely starts with "By" is the lead, not a byline
    opening = "By Monday, rescuers had reached the flooded villages."
    plain = "Floods force thousands from homes\n\n" + opening + "\n\n" + PARAGRAPHS[0]
    (tmp_path / "other.txt").write_text(plain, encoding="utf-8")
    [other], _ = read_all([str(tmp_path / "other.txt")], ingest_settings)
    assert title_and_lead(other, 400)[1].startswith(opening)


def test_ingest_text_without_headline_has_no_title(tmp_path: Path, ingest_settings) -> None:
    (tmp_path / "a.txt").write_text(" ".join(PARAGRAPHS), encoding="utf-8")
    [article], _ = read_all([str(tmp_path / "a.txt")], ingest_settings)
    assert article.title is None


def test_ingest_html_main_text_metadata_and_hints(tmp_path: Path, ingest_settings) -> None:
    html = page("Floods force thousands from homes", PARAGRAPHS,
                canonical="https://courier.example/floods", original="https://wire.example/f1")
    (tmp_path / "flood.html").write_text(html, encoding="utf-8")
    [article], _ = read_all([str(tmp_path / "flood.html")], ingest_settings)
    assert article.title == "Floods force thousands from homes"
    assert article.outlet == "Valley Courier"
    assert article.published == datetime(2026, 4, 2, 8, 15, tzinfo=UTC)
    assert article.url == "https://courier.example/floods"
    assert article.hints["original_source"] == "https://wire.example/f1"
    assert article.hints["canonical_url"] == "https://courier.example/floods"
    assert "more than 4,000 residents" in article.text
    for boilerplate in ("cookies", "Related stories", "newsletter", "Sport"):
        assert boilerplate not in article.text


def test_ingest_jsonl_reads_fields_and_reports_bad_lines(tmp_path: Path, ingest_settings) -> None:
    good = {"text": "\n\n".join(PARAGRAPHS), "title": "Floods", "url": "https://n.example/1",
            "outlet": "North News", "published": "2026-04-02T09:00:00+02:00"}
    other = dict(good, url="https://n.example/2", title="Floods, day two",
                 text=good["text"] + "\n\nThe river crested on Friday.")
    lines = [json.dumps(good), "{not json", "[1, 2]", json.dumps({"title": "no text"}),
             "", json.dumps(other)]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    articles, rejected = read_all([str(tmp_path / "feed.jsonl")], ingest_settings)
    assert [a.url for a in articles] == ["https://n.example/1", "https://n.example/2"]
    assert articles[0].outlet == "North News"
    assert articles[0].published == datetime(2026, 4, 2, 7, 0, tzinfo=UTC)
    assert [r.locator for r in rejected] == ["line 2", "line 3", "line 4"]
    assert "invalid JSON" in rejected[0].reason
    assert "text" in rejected[2].reason


def test_ingest_rss_full_content_and_local_linked_page(tmp_path: Path, ingest_settings) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "linked.html").write_text(
        page("River crests in Halverstad", PARAGRAPHS[::-1]), encoding="utf-8")
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    rss = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Riverside Gazette</title><link>https://gazette.example/</link>
<item><title>Floods force thousands from homes</title><link>https://gazette.example/f</link>
<pubDate>Thu, 02 Apr 2026 10:00:00 GMT</pubDate>
<content:encoded><![CDATA[{body}]]></content:encoded></item>
<item><title>River crests</title><link>pages/linked.html</link>
<pubDate>Fri, 03 Apr 2026 07:30:00 GMT</pubDate><description>short</description></item>
</channel></rss>"""
    (tmp_path / "gazette.rss").write_text(rss, encoding="utf-8")
    articles, rejected = read_all([str(tmp_path / "gazette.rss")], ingest_settings)
    assert rejected == []
    first, second = articles
    assert first.outlet == "Riverside Gazette"
    assert first.url == "https://gazette.example/f"
    assert first.published == datetime(2026, 4, 2, 10, 0, tzinfo=UTC)
    assert first.text.splitlines() == PARAGRAPHS
    assert second.title == "River crests"
    assert PARAGRAPHS[2] in second.text  # read from the linked local page


def _warc(records: list[tuple[str, str, bytes]], truncate: int = 0) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for uri, content_type, payload in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)],
                                   protocol="HTTP/1.1")
        record = writer.create_warc_record(uri, "response", payload=io.BytesIO(payload),
                                           http_headers=headers)
        writer.write_record(record)
    data = buffer.getvalue()
    return data[: len(data) - truncate] if truncate else data


def test_ingest_warc_reads_html_responses_only(tmp_path: Path, ingest_settings) -> None:
    html = page("Floods force thousands from homes", PARAGRAPHS).encode()
    data = _warc([("https://courier.example/f", "text/html; charset=utf-8", html),
                  ("https://courier.example/logo.png", "image/png", b"\x89PNG...."),
                  ("https://courier.example/robots.txt", "text/plain", b"User-agent: *")])
    (tmp_path / "crawl.warc.gz").write_bytes(data)
    articles, rejected = read_all([str(tmp_path / "crawl.warc.gz")], ingest_settings)
    assert rejected == []
    assert [a.url for a in articles] == ["https://courier.example/f"]
    assert articles[0].locator == "https://courier.example/f"


def test_ingest_truncated_warc_keeps_earlier_records(tmp_path: Path, ingest_settings) -> None:
    html = page("Floods force thousands from homes", PARAGRAPHS).encode()
    later = page("River crests", PARAGRAPHS[:2], site="Other").encode()
    data = _warc([("https://a.example/1", "text/html", html),
                  ("https://a.example/2", "text/html", later)], truncate=200)
    (tmp_path / "cut.warc.gz").write_bytes(data)
    articles, rejected = read_all([str(tmp_path / "cut.warc.gz")], ingest_settings)
    assert [a.url for a in articles] == ["https://a.example/1"]
    assert len(rejected) == 1 and "WARC" in rejected[0].reason


def test_ingest_globs_and_stdin(tmp_path: Path, ingest_settings) -> None:
    for name in ("a.txt", "b.txt", "c.html"):
        (tmp_path / name).write_text(f"Story {name}\n\n" + PARAGRAPHS[0] + name, encoding="utf-8")
    articles, _ = read_all([str(tmp_path / "*.txt")], ingest_settings)
    assert sorted(Path(a.path).name for a in articles) == ["a.txt", "b.txt"]
    stdin = io.BytesIO(("Piped story\n\n" + PARAGRAPHS[1]).encode())
    [piped], _ = read_all(["-"], ingest_settings, stdin=stdin)
    assert piped.path == "-" and piped.title == "Piped story"


def test_ingest_non_english_is_marked(tmp_path: Path, ingest_settings) -> None:
    text = ("Las inundaciones obligaron a más de 4.000 vecinos a abandonar sus casas en la "
            "ciudad de Halverstad el jueves, según informaron las autoridades regionales. "
            "La alcaldesa ordenó la evacuación poco después de la medianoche.")
    (tmp_path / "es.txt").write_text(text, encoding="utf-8")
    [article], _ = read_all([str(tmp_path / "es.txt")], ingest_settings)
    assert article.language == "es"
    assert article.language not in ingest_settings.analysed_languages


def test_ingest_gzip_json_lines_are_refused_with_advice(tmp_path: Path, ingest_settings) -> None:
    (tmp_path / "x.jsonl.gz").write_bytes(gzip.compress(b'{"text": "x"}'))
    _, [rejection] = read_all([str(tmp_path / "x.jsonl.gz")], ingest_settings)
    assert "decompress" in rejection.reason


def test_article_ids_differ_per_outlet_for_identical_text(tmp_path: Path, ingest_settings):
    for outlet in ("Alpha Daily", "Beta Post"):
        (tmp_path / outlet).mkdir()
        (tmp_path / outlet / "wire.txt").write_text("\n\n".join(PARAGRAPHS), encoding="utf-8")
    articles, _ = read_all([str(tmp_path)], ingest_settings)
    assert len({a.id for a in articles}) == 2
    assert len({a.content_hash for a in articles}) == 1
    assert all(isinstance(a, Article) for a in articles)



@pytest.mark.parametrize(("title", "outlet"), [
    ("Norvan Press Agency - Politics", "Norvan Press Agency"),
    ("Harbor News | World", "Harbor News"),
    ("Ledger: Top stories", "Ledger"),
    ("Riverside Gazette", "Riverside Gazette"),
    ("Tri-City Herald", "Tri-City Herald"),
    # a tagline of many words is no section: the title is kept whole
    ("Lakeshore Courier - News from the lakes and the valleys beyond",
     "Lakeshore Courier - News from the lakes and the valleys beyond"),
])
def test_a_feeds_outlet_is_its_title_without_the_section(title: str, outlet: str) -> None:
    from corroborator.ingest.containers import feed_outlet

    assert feed_outlet(title) == outlet
