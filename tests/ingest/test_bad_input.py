"""Bad input is rejected with a reason naming the file; nothing stored is lost."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest

from corroborator.ingest.decoding import decode
from corroborator.pipeline.ingest import ingest_paths
from corroborator.store import open_store

GOOD = ("Harbour officials in Port Ellery said on Monday that two cargo ships collided "
        "near the breakwater, spilling about 40 tonnes of fuel oil into the bay.")


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "reason_part"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t\n ", "only whitespace"),
        ("photo.html", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG image"),
        ("scan.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
        ("noise.html", random.Random(7).randbytes(4000), "binary"),
        ("script.html", "<html><head><script>var a = 1;</script></head><body>"
         "<script>document.write('hi')</script></body></html>", "no article text"),
        ("deep.html", "<html><body>" + "<div>" * 5000 + "x" + "</div>" * 5000 + "</body></html>",
         "no article text"),
        ("short.txt", "Too short.", "too little text"),
        ("broken.rss", "<?xml version='1.0'?><rss><channel><title>x</chan", "malformed feed"),
        ("hollow.rss", "<?xml version='1.0'?><rss><channel><item><title>x</title></item>"
         "</channel></rss>", "entry 1 has no content"),
        ("notfeed.xml", "<?xml version='1.0'?><catalog><book>x</book></catalog>",
         "neither an RSS nor an Atom feed"),
        ("info.warc", b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n",
         "no HTML responses"),
        ("garbage.warc", b"WARC/1.0\r\nthis is not a header\r\n", "WARC"),
    ],
)
def test_bad_input_rejected_with_reason(tmp_path: Path, settings, name, data, reason_part):
    path = write(tmp_path / name, data)
    with open_store(":memory:") as store:
        report = ingest_paths(store, [str(path)], settings)
        assert report.stored == []
        assert len(report.rejected) >= 1
        assert report.rejected[0].path == str(path)
        assert reason_part in report.rejected[0].reason
        assert store.rejections()[0].path == str(path)


def test_bad_input_huge_file_over_limit(tmp_path: Path, settings) -> None:
    small = settings.with_overrides({"ingest": {"max_file_mb": 1}})
    path = write(tmp_path / "huge.txt", (GOOD + "\n") * 8000)  # ~1.2 MB
    with open_store(":memory:") as store:
        report = ingest_paths(store, [str(path)], small)
    assert "over the 1 MB limit" in report.rejected[0].reason


def test_bad_input_missing_path_and_unmatched_glob(tmp_path: Path, settings) -> None:
    with open_store(":memory:") as store:
        report = ingest_paths(store, [str(tmp_path / "nope.txt"), str(tmp_path / "*.md")],
                              settings)
    assert [r.reason for r in report.rejected] == [
        "no such file or directory", "no file matches this pattern"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_bad_input_unreadable_file(tmp_path: Path, settings) -> None:
    path = write(tmp_path / "secret.txt", GOOD)
    path.chmod(0)
    with open_store(":memory:") as store:
        report = ingest_paths(store, [str(path)], settings)
    assert report.rejected[0].reason == "permission denied"


def test_bad_input_symlink_loop_and_broken_link(tmp_path: Path, settings) -> None:
    write(tmp_path / "news" / "a.txt", GOOD)
    (tmp_path / "news" / "loop").symlink_to(tmp_path / "news")
    (tmp_path / "news" / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    with open_store(":memory:") as store:
        report = ingest_paths(store, [str(tmp_path / "news")], settings)
    assert len(report.stored) == 1
    reasons = sorted(r.reason for r in report.rejected)
    assert reasons[0] == "broken symbolic link"
    assert reasons[1].startswith("symbolic link loop")


def test_bad_input_among_good_keeps_good_ones(tmp_path: Path, settings) -> None:
    write(tmp_path / "a" / "good.txt", GOOD)
    write(tmp_path / "a" / "bad.html", b"\x00\x01\x02" * 100)
    write(tmp_path / "a" / "mixed.jsonl",
          json.dumps({"text": GOOD, "url": "https://x.example/1"}) + "\n{oops\n")
    with open_store(":memory:") as store:
        report = ingest_paths(store, [str(tmp_path / "a")], settings)
        assert len(report.stored) == 2
        assert len(report.rejected) == 2
        assert store.article_count() == 2


@pytest.mark.parametrize(
    ("data", "expected_text", "warned"),
    [
        ("Caf\u00e9 owners said".encode(), "Caf\u00e9 owners said", False),
        ("Caf\u00e9 owners said".encode("utf-16"), "Caf\u00e9 owners said", False),
        (b"\xef\xbb\xbfCaf\xc3\xa9 owners", "Caf\u00e9 owners", False),
        ("Caf\u00e9 owners said".encode("latin-1"), "Caf\u00e9 owners said", True),
        ("Caf\u00e9 line one\n".encode() + "Na\u00efve line two".encode("latin-1"),
         "Caf\u00e9 line one\nNa\u00efve line two", True),
    ],
)
def test_bad_input_encodings_detected(data: bytes, expected_text: str, warned: bool) -> None:
    decoded = decode(data)
    assert decoded.text == expected_text
    assert (decoded.warning is not None) == warned


def test_bad_input_latin1_file_is_stored_with_warning(tmp_path: Path, settings) -> None:
    path = write(tmp_path / "old.txt", (GOOD + " The caf\u00e9 reopened.").encode("latin-1"))
    with open_store(":memory:") as store:
        report = ingest_paths(store, [str(path)], settings)
    [article] = report.stored
    assert "caf\u00e9" in article.text
    assert any("Latin-1" in w for _, w in report.warnings)
