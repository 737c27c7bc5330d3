"""Rebuild ``corpus/warc/valleytimes-crawl-2026-03.warc.gz`` from ``warc_sources/``.

The demo WARC imitates a small crawl of the fictional outlet Valley Times Online. It holds,
in this order: a ``warcinfo`` record; a request and a ``text/plain`` response for
``robots.txt``; a request and an HTML response for each page listed in
``warc_sources/manifest.json``; a request and an ``image/png`` response for the site icon.
Ingestion must keep the HTML responses (one article each) and skip every other record.

The output is deterministic: WARC dates come from a fixed crawl start, record ids are UUID5
values derived from the record type and target URI, and warcio's gzip members carry no
timestamp, so rebuilding gives the same bytes. Run it with the project's interpreter::

    .venv/bin/python src/corroborator/demo/build_warc.py
"""

from __future__ import annotations

import json
import struct
import uuid
import zlib
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders  # type: ignore[import-untyped]
from warcio.warcwriter import WARCWriter  # type: ignore[import-untyped]

HERE = Path(__file__).parent
SOURCES = HERE / "warc_sources"
OUTPUT = HERE / "corpus" / "warc" / "valleytimes-crawl-2026-03.warc.gz"

SITE = "https://valleytimes.example"
CRAWL_START = datetime(2026, 3, 28, 9, 0, 0, tzinfo=UTC)
USER_AGENT = "corroborator-demo-crawler/1.0 (+https://corroborator.example/demo)"
ID_NAMESPACE = uuid.UUID("6f1d8a52-4c1e-5b7a-9d8e-2b0c3a7f5e11")

ROBOTS_TXT = (
    b"User-agent: *\n"
    b"Disallow: /account/\n"
    b"Disallow: /search\n"
    b"\n"
    b"Sitemap: https://valleytimes.example/sitemap.xml\n"
)


def _png_icon() -> bytes:
    """A 16x16 single-colour PNG, built byte by byte so no imaging library is needed."""

    def chunk(kind: bytes, payload: bytes) -> bytes:
        crc = zlib.crc32(kind + payload) & 0xFFFFFFFF
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0)  # 8-bit RGB
    rows = b"".join(b"\x00" + b"\x1f\x4e\x79" * 16 for _ in range(16))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


def _record_id(kind: str, uri: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(ID_NAMESPACE, kind + ' ' + uri)}>"


def _warc_date(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _http_date(moment: datetime) -> str:
    return format_datetime(moment, usegmt=True)


class _Crawl:
    """Writes request/response pairs with fixed dates and ids."""

    def __init__(self, writer: WARCWriter) -> None:
        self.writer = writer
        self.clock = CRAWL_START

    def fetch(
        self, uri: str, body: bytes, content_type: str, last_modified: datetime | None = None
    ) -> None:
        moment = self.clock
        self.clock += timedelta(seconds=7)
        path = uri[len(SITE) :] or "/"
        request_headers = StatusAndHeaders(
            f"GET {path} HTTP/1.1",
            [
                ("Host", "valleytimes.example"),
                ("User-Agent", USER_AGENT),
                ("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"),
                ("Accept-Language", "en"),
            ],
            is_http_request=True,
        )
        response_headers = [
            ("Date", _http_date(moment)),
            ("Server", "nginx"),
            ("Content-Type", content_type),
            ("Content-Length", str(len(body))),
            ("Cache-Control", "max-age=300"),
        ]
        if last_modified is not None:
            response_headers.append(("Last-Modified", _http_date(last_modified)))
        response_id = _record_id("response", uri)
        response = self.writer.create_warc_record(
            uri,
            "response",
            payload=BytesIO(body),
            length=len(body),
            http_headers=StatusAndHeaders("200 OK", response_headers, protocol="HTTP/1.1"),
            warc_headers_dict={
                "WARC-Record-ID": response_id,
                "WARC-Date": _warc_date(moment),
                "WARC-IP-Address": "192.0.2.44",
            },
        )
        request = self.writer.create_warc_record(
            uri,
            "request",
            http_headers=request_headers,
            warc_headers_dict={
                "WARC-Record-ID": _record_id("request", uri),
                "WARC-Date": _warc_date(moment),
                "WARC-Concurrent-To": response_id,
            },
        )
        self.writer.write_record(request)
        self.writer.write_record(response)


def build(output: Path = OUTPUT) -> Path:
    """Write the demo WARC and return its path."""
    manifest = json.loads((SOURCES / "manifest.json").read_text(encoding="utf-8"))
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True, warc_version="1.0")
        info = (
            b"software: corroborator demo/build_warc.py (warcio)\r\n"
            b"format: WARC File Format 1.0\r\n"
            b"operator: corroborator demo corpus (fictional outlets)\r\n"
            b"isPartOf: valleytimes-crawl-2026-03\r\n"
            b"robots: obey\r\n"
        )
        writer.write_record(
            writer.create_warc_record(
                "",
                "warcinfo",
                payload=BytesIO(info),
                length=len(info),
                warc_content_type="application/warc-fields",
                warc_headers_dict={
                    "WARC-Record-ID": _record_id("warcinfo", output.name),
                    "WARC-Date": _warc_date(CRAWL_START),
                    "WARC-Filename": output.name,
                },
            )
        )
        crawl = _Crawl(writer)
        crawl.fetch(f"{SITE}/robots.txt", ROBOTS_TXT, "text/plain; charset=utf-8")
        for page in manifest["articles"]:
            body = (SOURCES / page["file"]).read_bytes()
            published = datetime.fromisoformat(page["published"].replace("Z", "+00:00"))
            crawl.fetch(page["url"], body, "text/html; charset=utf-8", published)
        crawl.fetch(f"{SITE}/favicon.png", _png_icon(), "image/png")
    return output


if __name__ == "__main__":
    print(build())
