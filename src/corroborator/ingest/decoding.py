"""Bytes to text: UTF-8, UTF-16/32 with a byte-order mark, declared charsets, Latin-1 last.

Every guess that is not certain is reported as a warning attached to the article, so a
reader can see that "café" may have been "cafÃ©" in the source.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warning: str | None = None


def _declared(data: bytes) -> str | None:
    head = data[:4096]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes, *, use_declared: bool = False) -> Decoded:
    """Decode ``data``; never raises. Byte-order marks are removed (they are not content)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(encoding), encoding)
            except UnicodeDecodeError:
                text = data[len(bom) :].decode(encoding, errors="replace")
                return Decoded(text, encoding, f"invalid {encoding} bytes replaced")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if use_declared:
        declared = _declared(data)
        if declared and declared not in ("utf-8",):
            try:
                return Decoded(data.decode(declared), declared)
            except UnicodeDecodeError:
                pass
    # Mixed encodings: a file stitched from UTF-8 and Windows-1252 parts. Decode each line
    # by itself so the UTF-8 parts survive intact.
    lines = data.splitlines(keepends=True)
    utf8_lines = 0
    parts = []
    for line in lines:
        try:
            parts.append(line.decode("utf-8"))
            if any(b > 127 for b in line):
                utf8_lines += 1
        except UnicodeDecodeError:
            parts.append(line.decode("cp1252", errors="replace").replace("\ufffd", "?"))
    if utf8_lines:
        return Decoded(
            "".join(parts),
            "mixed",
            "mixed encodings: lines that are not valid UTF-8 were decoded as Windows-1252",
        )
    try:
        text = data.decode("cp1252")
        encoding = "cp1252"
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        encoding = "latin-1"
    return Decoded(text, encoding, f"not valid UTF-8; decoded as {encoding} (Latin-1 family)")
