"""Check that ``answer_key.json`` agrees with the files of the demo corpus.

The loader here is deliberately crude and independent of corroborator's own ingestion and
extraction code: HTML body paragraphs are the attribute-less ``<p>`` elements inside
``<article>``, feed items are read with ``xml.etree``, WARC responses with warcio, JSONL
``text`` is split on blank lines, and ``.txt`` files are split on blank lines after their
first line (the headline). What it checks:

* every article of the key loads, with the key's title, outlet and publication time;
* every file under ``corpus/`` is an article container or a listed rejection, and every
  article record in a container is in the key;
* every sentence, phrase, quote and figure the key cites occurs verbatim in its article
  (whitespace collapsed);
* stories and lineages partition the articles; each story has at least two articles; the
  corpus has at least 24 articles from at least 8 outlets;
* copies contain every paragraph of their source, near-copies drop and add exactly the listed
  sentences, partial copies share some paragraphs, derived articles are published after
  their source, and rewrites share no lower-cased word 5-gram with their source.

Run it with ``.venv/bin/python src/corroborator/demo/check_answer_key.py``; it prints the
problems found and exits with status 1 if there are any. Tests call :func:`check`.
"""

from __future__ import annotations

import html
import json
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
CORPUS_DIR = HERE / "corpus"
ANSWER_KEY = HERE / "answer_key.json"

CONTENT_NS = "{http://purl.org/rss/1.0/modules/content/}encoded"
MIN_ARTICLES = 24
MIN_OUTLETS = 8
SHINGLE = 5


@dataclass
class Loaded:
    """What the crude loader found for one article."""

    title: str
    paragraphs: list[str]
    outlet: str | None
    published: str | None  # ISO 8601 in UTC with a Z, or None
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def norm(text: str) -> str:
    """Collapse whitespace so that line wrapping never decides a match."""
    return re.sub(r"\s+", " ", text).strip()


def to_utc(value: str | None) -> str | None:
    if not value:
        return None
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _strip_tags(fragment: str) -> str:
    return norm(html.unescape(re.sub(r"<[^>]+>", "", fragment)))


def _declared_charset(data: bytes) -> str:
    found = re.search(rb'<meta\s+charset="([^"]+)"', data[:2048], re.IGNORECASE)
    return found.group(1).decode("ascii") if found else "utf-8"


def _meta(page: str, attr: str, name: str) -> str | None:
    found = re.search(rf'<meta\s+{attr}="{re.escape(name)}"\s+content="([^"]*)"', page)
    return html.unescape(found.group(1)) if found else None


def parse_html(data: bytes) -> Loaded:
    page = data.decode(_declared_charset(data))
    article = re.search(r"<article\b[^>]*>(.*?)</article>", page, re.DOTALL)
    if article is None:
        raise ValueError("no <article> element")
    inner = article.group(1)
    title = re.search(r"<h1\b[^>]*>(.*?)</h1>", inner, re.DOTALL)
    paragraphs = [_strip_tags(p) for p in re.findall(r"<p>(.*?)</p>", inner, re.DOTALL)]
    notes = [_strip_tags(p) for p in re.findall(r"<p class=[^>]*>(.*?)</p>", inner, re.DOTALL)]
    extra = {}
    for hint in ("original-source", "syndication-source"):
        value = _meta(page, "name", hint)
        if value:
            extra[hint] = value
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', page)
    if canonical:
        extra["canonical"] = canonical.group(1)
    extra["notes"] = "\n".join(notes)
    return Loaded(
        title=_strip_tags(title.group(1)) if title else "",
        paragraphs=paragraphs,
        outlet=_meta(page, "property", "og:site_name"),
        published=to_utc(_meta(page, "property", "article:published_time")),
        extra=extra,
    )


def load_container(path: Path, fmt: str) -> dict[str, Loaded]:
    """All article records of one JSONL, RSS or WARC file, by URL."""
    found: dict[str, Loaded] = {}
    if fmt == "jsonl":
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                found[rec["url"]] = Loaded(
                    rec["title"],
                    [norm(p) for p in rec["text"].split("\n\n")],
                    rec["outlet"],
                    to_utc(rec["published"]),
                )
    elif fmt == "rss":
        channel = ET.parse(path).getroot().find("channel")
        assert channel is not None
        outlet = channel.findtext("title")
        for item in channel.findall("item"):
            content = item.findtext(CONTENT_NS) or ""
            paragraphs = [_strip_tags(p) for p in re.findall(r"<p>(.*?)</p>", content, re.S)]
            published = parsedate_to_datetime(item.findtext("pubDate") or "")
            found[item.findtext("link") or ""] = Loaded(
                item.findtext("title") or "",
                paragraphs,
                outlet,
                to_utc(published.isoformat()),
            )
    elif fmt == "warc":
        from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]

        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                if "html" not in (record.http_headers.get_header("Content-Type") or ""):
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI")
                found[uri] = parse_html(record.content_stream().read())
    return found


def load_text(path: Path, corpus: Path) -> Loaded:
    raw = path.read_bytes().decode("utf-8").replace("\r\n", "\n")
    blocks = [norm(b) for b in re.split(r"\n\s*\n", raw) if b.strip()]
    return Loaded(blocks[0], blocks[1:], path.relative_to(corpus).parts[1], None)


def load_articles(
    key: dict[str, Any], corpus: Path = CORPUS_DIR
) -> tuple[dict[str, Loaded], dict[str, list[str]]]:
    """Every article of the key loaded from the corpus files, and the URLs in each container."""
    containers: dict[str, dict[str, Loaded]] = {}
    loaded: dict[str, Loaded] = {}
    for art_key, entry in key["articles"].items():
        path = corpus / entry["file"]
        fmt = entry["format"]
        if fmt == "html":
            loaded[art_key] = parse_html(path.read_bytes())
        elif fmt == "text":
            loaded[art_key] = load_text(path, corpus)
        else:
            if entry["file"] not in containers:
                containers[entry["file"]] = load_container(path, fmt)
            if art_key in containers[entry["file"]]:
                loaded[art_key] = containers[entry["file"]][art_key]
    return loaded, {file: sorted(found) for file, found in containers.items()}


def shingles(text: str, size: int = SHINGLE) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def sentences_of(paragraphs: list[str]) -> list[str]:
    return [s for p in paragraphs for s in re.split(r"(?<=[.!?”\"])\s+(?=[A-Z“\"(])", p)]


def check(key_path: Path = ANSWER_KEY, corpus: Path = CORPUS_DIR) -> list[str]:
    """Problems found; an empty list means the key and the corpus agree."""
    key = json.loads(key_path.read_text(encoding="utf-8"))
    problems: list[str] = []
    say = problems.append
    articles = key["articles"]

    try:
        loaded, containers = load_articles(key, corpus)
    except (OSError, ValueError, ET.ParseError) as exc:
        return [f"cannot load the corpus: {exc}"]

    # -- articles load with the key's metadata
    for art_key, entry in articles.items():
        got = loaded.get(art_key)
        if got is None:
            say(f"{art_key}: not found in {entry['file']}")
            continue
        if norm(got.title) != norm(entry["title"]):
            say(f"{art_key}: title {got.title!r} != key {entry['title']!r}")
        if got.outlet != entry["outlet"]:
            say(f"{art_key}: outlet {got.outlet!r} != key {entry['outlet']!r}")
        if got.published != entry["published"]:
            say(f"{art_key}: published {got.published!r} != key {entry['published']!r}")
        if len(got.paragraphs) < 6:
            say(f"{art_key}: only {len(got.paragraphs)} paragraphs")
        if entry["format"] in ("html", "warc") and got.extra.get("canonical") != art_key:
            say(f"{art_key}: canonical link is {got.extra.get('canonical')!r}")
        for hint, url in entry.get("hints", {}).items():
            if got.extra.get(hint) != url:
                say(f"{art_key}: meta {hint} is {got.extra.get(hint)!r}, key says {url!r}")
        for line in entry.get("boilerplate_in_article", []):
            if norm(line) not in got.extra.get("notes", "") + norm(got.text):
                say(f"{art_key}: boilerplate line missing: {line!r}")
    for file, urls in containers.items():
        for url in urls:
            if url not in articles:
                say(f"{file}: article {url} is not in the answer key")

    # -- every corpus file is accounted for
    listed = {e["file"] for e in articles.values()} | {r["file"] for r in key["rejected"]}
    for path in sorted(p for p in corpus.rglob("*") if p.is_file()):
        rel = path.relative_to(corpus).as_posix()
        if rel not in listed:
            say(f"{rel}: file is neither an article container nor a listed rejection")
    for rej in key["rejected"]:
        data = (corpus / rej["file"]).read_bytes()
        if rej["reason"] == "empty" and data:
            say(f"{rej['file']}: should be empty, has {len(data)} bytes")
        if rej["reason"] == "binary":
            try:
                data.decode("utf-8")
                say(f"{rej['file']}: decodes as UTF-8 text; it should be binary garbage")
            except UnicodeDecodeError:
                pass

    def text_of(art_key: str) -> str:
        got = loaded.get(art_key)
        return norm(got.title + "\n" + got.text) if got else ""

    def must_contain(art_key: str, needle: str, what: str, exact: bool = True) -> None:
        """Sentences must match exactly; figures, quotes and phrases ignore letter case."""
        haystack = text_of(art_key) if exact else text_of(art_key).lower()
        if art_key not in articles:
            say(f"{what}: unknown article {art_key}")
        elif (norm(needle) if exact else norm(needle).lower()) not in haystack:
            say(f"{what}: not found in {art_key}: {needle!r}")

    # -- cited text occurs verbatim
    for claim in key["claims"]:
        for mention in claim["mentions"]:
            must_contain(mention["article"], mention["sentence"], f"claim {claim['id']}")
            for part in ("figure", "quote"):
                value, sentence = mention.get(part), norm(mention["sentence"]).lower()
                if value and norm(value).lower() not in sentence:
                    say(f"claim {claim['id']}: {part} {mention[part]!r} not in its sentence")
            if claim["story"] != articles.get(mention["article"], {}).get("story"):
                say(f"claim {claim['id']}: {mention['article']} is not in story {claim['story']}")
    for item in key["features"]:
        must_contain(item["article"], item["sentence"], f"feature {item['kind']}")
        if item.get("quote"):
            must_contain(item["article"], item["quote"], f"feature {item['kind']}", False)
    for item in key["relative_dates"]:
        must_contain(item["article"], item["phrase"], "relative date", False)
    for item in key["not_quantities"]:
        must_contain(item["article"], item["text"], "not-a-quantity", False)
    for item in key["conflicts"]:
        values = item["figures"] or item.get("quotes", [])
        for art_key, value in zip(item["articles"], values, strict=True):
            must_contain(art_key, value, f"conflict {item['kind']}", False)
        for art_key in item.get("also_in", []):
            if art_key not in articles:
                say(f"conflict {item['kind']}: unknown article {art_key}")
    for item in key["compatible"]:
        for art_key, value in zip(item["articles"], item["figures"], strict=True):
            must_contain(art_key, value, "compatible pair", False)
    for item in key["corroborations"]:
        for art_key in item["articles"]:
            must_contain(art_key, item["figure"], f"corroboration {item['measured']}", False)

    # -- stories, lineages, outlets
    seen: dict[str, str] = {}
    for name, story in key["stories"].items():
        if len(story["articles"]) < 2:
            say(f"story {name} has fewer than two articles")
        for art_key in story["articles"]:
            if art_key in seen:
                say(f"{art_key} is in stories {seen[art_key]} and {name}")
            seen[art_key] = name
            if articles.get(art_key, {}).get("story") != name:
                say(f"{art_key}: listed in story {name} but its entry says otherwise")
    if set(seen) != set(articles):
        say(f"articles without a story: {sorted(set(articles) - set(seen))}")
    lineage_of: dict[str, int] = {}
    for number, lineage in enumerate(key["lineages"]):
        for art_key in lineage:
            if art_key in lineage_of:
                say(f"{art_key} is in two lineages")
            lineage_of[art_key] = number
    if set(lineage_of) != set(articles):
        say(f"articles without a lineage: {sorted(set(articles) - set(lineage_of))}")
    if len(articles) < MIN_ARTICLES:
        say(f"only {len(articles)} articles, want at least {MIN_ARTICLES}")
    outlets = {e["outlet"] for e in articles.values()}
    if len(outlets) < MIN_OUTLETS:
        say(f"only {len(outlets)} outlets, want at least {MIN_OUTLETS}")
    for art_key in key["non_english"]:
        if articles.get(art_key, {}).get("language", "en") == "en":
            say(f"{art_key}: listed as non-English but its language is 'en'")

    # -- derivations
    for d in key["derivations"]:
        copy, source = d["article"], d["source"]
        if copy not in loaded or source not in loaded:
            say(f"derivation {copy} <- {source}: unknown article")
            continue
        if lineage_of.get(copy) != lineage_of.get(source):
            say(f"derivation {copy} <- {source}: not in the same lineage")
        if (articles[copy]["published"] or "") <= (articles[source]["published"] or ""):
            say(f"derivation {copy} <- {source}: copy is not published after its source")
        src_paras = loaded[source].paragraphs
        copy_text = norm(loaded[copy].text)
        missing = [p for p in src_paras if norm(p) not in copy_text]
        relation = d["relation"]
        if relation == "copy" and missing:
            say(f"copy {copy}: {len(missing)} source paragraph(s) missing")
        if relation == "near-copy":
            src_sentences = set(map(norm, sentences_of(src_paras)))
            copy_sentences = set(map(norm, sentences_of(loaded[copy].paragraphs)))
            dropped = src_sentences - copy_sentences
            added = copy_sentences - src_sentences
            if dropped != set(map(norm, d.get("dropped_sentences", []))):
                say(f"near-copy {copy}: dropped sentences are {sorted(dropped)}")
            if added != set(map(norm, d.get("added_sentences", []))):
                say(f"near-copy {copy}: added sentences are {sorted(added)}")
        if relation == "partial" and (not missing or len(missing) == len(src_paras)):
            say(
                f"partial copy {copy}: shares {len(src_paras) - len(missing)} of "
                f"{len(src_paras)} source paragraphs"
            )
        if relation == "rewrite":
            shared = shingles(text_of(copy)) & shingles(text_of(source))
            if shared:
                say(
                    f"rewrite {copy}: shares {len(shared)} 5-gram(s) with its source, e.g. "
                    f"{' '.join(sorted(shared)[0])!r}"
                )
        for change in d.get("changed_figures", []):
            must_contain(source, change["from"], f"derivation {copy}", False)
            must_contain(copy, change["to"], f"derivation {copy}", False)
        for quote in d.get("added_quotes", []):
            must_contain(copy, quote, f"added quote in {copy}")
            if norm(quote) in text_of(source):
                say(f"derivation {copy}: 'added' quote already in the source: {quote!r}")
    return problems


def main() -> int:
    problems = check()
    for problem in problems:
        print(problem)
    key = json.loads(ANSWER_KEY.read_text(encoding="utf-8"))
    print(
        f"{len(key['articles'])} articles, {len(key['claims'])} claims: "
        f"{'OK' if not problems else f'{len(problems)} problem(s)'}"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
