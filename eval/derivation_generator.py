"""Synthetic derivation families built from ECB+ news documents (train/dev topics only).

For each topic a few documents become *sources*; from each source the generator writes
derived articles of known kind: exact copies with other outlet furniture (bylines, "Read
more", "This article first appeared on ...", copyright lines), near-copies (a sentence
dropped, one added, a few words edited), partial copies (the first half), and rewrites that
restructure every sentence (attribution moved, time phrases fronted, clauses swapped,
synonyms, sentences merged and reordered) so that few five-word sequences survive. Some
derived articles carry a changed figure ("nearly 2,000" -> "more than 2,000", or another
value). The topic's other documents are distractors: same event type, often the same event,
written independently. Publication times are given for most articles; the rest are oriented
by a ``canonical_url`` hint or by added material.

Nothing here is corpus text in the repository: documents are read from the shared corpus at
run time.
"""

from __future__ import annotations

import random
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from corroborator.records import Article

ECB = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ecbplus" / "ECB+"
DEV_TOPICS = (2, 5, 12, 18, 21, 23, 34, 35)
TEST_TOPICS = tuple(range(36, 46))  # held out: never read
TRAIN_TOPICS = tuple(t for t in range(1, 36) if t not in DEV_TOPICS and t not in (15, 17))


def _detokenize(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = text.replace("``", '"').replace("''", '"')
    text = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", text)
    text = re.sub(r" ([.,;:!?%)\]])", r"\1", text)
    text = re.sub(r"([(\[$]) ", r"\1", text)
    text = re.sub(r"(\d), (\d{3})\b", r"\1,\2", text)
    text = re.sub(r'" ([^"]*?) "', r'"\1"', text)
    return text.strip()


def read_document(path: Path) -> list[str]:
    """Sentences of an ECB+ XML document, detokenised; URL and dateline lines dropped."""
    root = ET.parse(path).getroot()
    by_sentence: dict[int, list[str]] = defaultdict(list)
    for token in root.iter("token"):
        by_sentence[int(token.get("sentence", "0"))].append(token.text or "")
    sentences = []
    for number in sorted(by_sentence):
        text = _detokenize(by_sentence[number])
        if "http" in text or "www" in text or len(text.split()) < 5:
            continue
        if not text.endswith((".", "!", "?", '"')):
            continue  # headlines and datelines without a full stop
        sentences.append(text)
    return sentences


def topic_documents(topic: int) -> dict[str, list[str]]:
    if topic in TEST_TOPICS:
        raise ValueError(f"topic {topic} is a held-out test topic")
    folder = ECB / str(topic)
    if not folder.is_dir():
        # a missing corpus must stop the evaluation, not score zero articles as a pass
        raise FileNotFoundError(f"ECB+ topic {topic} not found at {folder} (the corpora are "
                                "read from ../shared/corpora beside the repository)")
    docs = {}
    for path in sorted(folder.glob("*.xml")):
        sentences = read_document(path)
        if len(sentences) >= 3:
            docs[path.stem] = sentences
    return _drop_native_duplicates(docs)


def _drop_native_duplicates(docs: dict[str, list[str]]) -> dict[str, list[str]]:
    """Leave out documents that already reuse another one of the topic (ECB+ holds a few
    syndicated copies): their true relation is unknown, so they are neither gold nor
    distractors."""
    def grams(sentences: list[str]) -> set[tuple[str, ...]]:
        words = re.findall(r"\w+", " ".join(sentences).lower())
        return {tuple(words[i : i + 5]) for i in range(len(words) - 4)}

    kept: dict[str, list[str]] = {}
    kept_grams: list[set[tuple[str, ...]]] = []
    for name, sentences in docs.items():
        mine = grams(sentences)
        if any(len(mine & other) / max(1, min(len(mine), len(other))) >= 0.2
               for other in kept_grams):
            continue
        kept[name] = sentences
        kept_grams.append(mine)
    return kept


# --- rewriting ----------------------------------------------------------------------------

SYNONYMS = {
    "said": "stated", "says": "states", "told": "informed", "announced": "made public",
    "killed": "left dead", "died": "lost their lives", "injured": "hurt", "wounded": "hurt",
    "arrested": "detained", "police": "officers", "officials": "authorities",
    "people": "individuals", "man": "male", "woman": "female", "children": "youngsters",
    "after": "following", "before": "prior to", "because": "since", "about": "roughly",
    "also": "additionally", "however": "but", "near": "close to", "during": "in the course of",
    "began": "started", "start": "begin", "started": "began", "big": "large", "large": "big",
    "small": "little", "quickly": "rapidly", "later": "subsequently", "help": "assist",
    "helped": "assisted", "show": "demonstrate", "showed": "revealed", "found": "discovered",
    "home": "residence", "house": "dwelling", "car": "vehicle", "city": "town",
    "country": "nation", "company": "firm", "film": "movie", "movie": "film",
    "won": "took", "win": "take", "lost": "was defeated in", "team": "squad",
    "game": "match", "hospital": "medical centre", "attack": "assault", "shot": "gunned down",
    "fire": "blaze", "struck": "hit", "hit": "struck", "earthquake": "quake",
    "magnitude": "strength", "reported": "said", "will": "is set to",
    "would": "was going to", "could": "might", "several": "a number of", "many": "numerous",
    "new": "fresh", "first": "initial", "last": "previous", "top": "leading", "major": "key",
    "chief": "head", "head": "chief", "leader": "head", "member": "part", "members": "parts",
    "statement": "release", "spokesman": "spokesperson", "spokeswoman": "spokesperson",
    "investigation": "probe", "building": "structure", "area": "district", "region": "zone",
    "week": "seven days", "old": "aged", "named": "appointed", "hired": "appointed",
    "fired": "dismissed", "replaced": "succeeded", "played": "performed", "released": "freed",
    "launched": "started", "plans": "intends", "planned": "intended", "expected": "anticipated",
    "including": "among them", "while": "whereas", "when": "as", "and": "as well as",
    "was": "had been", "is": "remains", "were": "had been", "has": "had", "have": "had",
    "in": "within", "on": "upon", "at": "in",
}
_FUNCTION_STARTS = {"The", "A", "An", "He", "She", "It", "They", "This", "That", "In", "On",
                    "At", "His", "Her", "Their", "Its", "We", "There", "After", "When"}
_HEDGE_WORDS = {"than", "nearly", "about", "around", "over", "some", "almost", "least", "to",
                "roughly", "approximately", "more", "less", "fewer", "under"}
FILLERS = ["reportedly", "notably", "apparently", "indeed", "then", "now", "also"]


def _lower_first(text: str) -> str:
    first = text.split(" ", 1)[0]
    return text[0].lower() + text[1:] if first in _FUNCTION_STARTS else text


def break_fivegrams(source: str, sentences: list[str], rng: random.Random) -> list[str]:
    """Insert a neutral word inside every five-word run still shared with ``source``."""
    def norm(word: str) -> str:
        return re.sub(r"\W+", "", word.lower())

    src = [w for w in (norm(x) for x in source.split()) if w]
    grams = {tuple(src[i : i + 5]) for i in range(len(src) - 4)}
    out = []
    for sentence in sentences:
        words = sentence.split(" ")
        for _ in range(40):
            normed = [norm(w) for w in words]
            hit = next((i for i in range(len(words) - 4)
                        if tuple(normed[i : i + 5]) in grams), None)
            if hit is None:
                break
            # Never split a hedged figure ("more than 300"): that would change the claim.
            spots = [k for k in (hit + 2, hit + 1, hit + 3)
                     if not any(ch.isdigit() for ch in words[k])
                     and norm(words[k - 1]) not in _HEDGE_WORDS]
            if not spots:
                break
            words.insert(spots[0], rng.choice(FILLERS))
        out.append(" ".join(words))
    return out
_TIME = re.compile(
    r"(?P<pre>.*?)(?P<time>,? (?:on|last|this|early|late) (?:Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday|week|night|morning|evening|year)(?: (?:night|morning|evening|"
    r"afternoon))?)(?P<post>[^.]*)\.$"
)
_ATTRIB_END = re.compile(r'^(?P<body>.+?),?"? (?P<who>(?:[A-Z][\w.-]+ ){0,3}(?:he|she|they|'
                         r"[A-Z][\w.-]+|police|officials)) (?P<verb>said|says|told \w+)\.$")


def _swap_words(sentence: str, rng: random.Random) -> str:
    words = sentence.split(" ")
    out = []
    for word in words:
        core = word.strip('.,;:"')
        lower = core.lower()
        if lower in SYNONYMS and core and (core.islower() or rng.random() < 0.3):
            replacement = SYNONYMS[lower]
            if lower == "the" and rng.random() < 0.5:
                replacement = "that" if rng.random() < 0.2 else "the"
            if core[0].isupper():
                replacement = replacement[0].upper() + replacement[1:]
            word = word.replace(core, replacement, 1)
        out.append(word)
    return " ".join(out)


def rewrite_sentence(sentence: str, rng: random.Random) -> str:
    """Restructure one sentence: move attribution and time phrases, swap clauses, synonyms."""
    text = sentence.rstrip()
    match = _ATTRIB_END.match(text)
    if match and not text.startswith('"'):
        body = match["body"].strip().rstrip(",")
        who = match["who"]
        text = f"According to {who}, {_lower_first(body)}."
    else:
        time = _TIME.match(text)
        if time and time["pre"] and len(time["pre"].split()) > 3:
            phrase = time["time"].strip(" ,")
            rest = (time["pre"] + time["post"]).strip()
            text = f"{phrase[0].upper() + phrase[1:]}, {_lower_first(rest)}."
        elif ", " in text[:-1] and not text.startswith('"'):
            head, tail = text[:-1].split(", ", 1)
            if len(tail.split()) >= 3 and len(head.split()) >= 3 and '"' not in text:
                text = f"{tail[0].upper() + tail[1:]}, {_lower_first(head)}."
    return _swap_words(text, rng)


def rewrite(sentences: list[str], rng: random.Random) -> list[str]:
    out = [rewrite_sentence(s, rng) for s in sentences]
    # Merge a pair of short neighbours and swap two later sentences: structure, not words.
    for i in range(1, len(out) - 1):
        if len(out[i].split()) < 12 and len(out[i + 1].split()) < 12 and rng.random() < 0.5:
            out[i] = out[i].rstrip(".") + ", and " + _lower_first(out[i + 1])
            del out[i + 1]
            break
    if len(out) > 3:
        i = rng.randrange(1, len(out) - 1)
        out[i], out[i + 1] = out[i + 1], out[i]
    return break_fivegrams(" ".join(sentences), out, rng)


# --- figures -----------------------------------------------------------------------------

_FIGURE = re.compile(r"(?<![\w.,:/-])(\d{1,3}(?:,\d{3})+|\d+)(?![\w.:/-]|,\d)")
_MONTH = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+$")
_NOT_FIGURE_AFTER = re.compile(r":|\s*(?:a\.m|p\.m|o'clock)|\s+[A-Z]")
_NAME_BEFORE = re.compile(r"\b[A-Z][a-z]+\.? $")  # "Route 52", "Interstate 805", "No. 3"
_QUALIFIED = re.compile(r"\b(nearly|almost|about|around|more than|over|some)\s+$", re.I)


def change_figure(sentences: list[str], rng: random.Random) -> tuple[list[str], int, str,
                                                                         str] | None:
    """Change one figure; returns (sentences, sentence index, before, after) or None."""
    options = []
    for i, s in enumerate(sentences):
        for m in _FIGURE.finditer(s):
            value = int(m.group(1).replace(",", ""))
            if 1900 <= value <= 2030 or value == 0:
                continue  # years and zero make poor figures
            if (_MONTH.search(s[: m.start()]) or _NOT_FIGURE_AFTER.match(s, m.end())
                    or _NAME_BEFORE.search(s[: m.start()])):
                continue  # a date, a clock time, a street or route number is not a figure
            options.append((i, m))
    if not options:
        return None
    i, m = rng.choice(options)
    s = sentences[i]
    value = int(m.group(1).replace(",", ""))
    qualifier = _QUALIFIED.search(s[: m.start()])
    if qualifier and qualifier.group(1).lower() in ("nearly", "almost"):
        before = s[qualifier.start() : m.end()]
        after = "more than " + m.group(1)
        start = qualifier.start()
    elif value >= 100 and rng.random() < 0.5:
        start = m.start() - 1 if s[m.start() - 1 : m.start()] in "$£€" else m.start()
        before = s[start : m.end()]
        after = "nearly " + before
    else:
        new = value + max(1, round(value * rng.choice([0.5, 1.0, 2.0]))) * rng.choice([1, 1, 3])
        before, after, start = m.group(1), f"{new:,}" if value >= 1000 else str(new), m.start()
    changed = s[:start] + after + s[start + len(before):]
    out = list(sentences)
    out[i] = changed
    return out, i, before, after


# --- families ----------------------------------------------------------------------------

BYLINES = ["By Mara Quill", "By Tom Serrat and Ana Lobo", "From staff reporters"]
FOOTERS = [
    "Read more: Latest news from the region",
    "This article first appeared on The Northern Ledger.",
    "Copyright 2024 Harbor Media Group. All rights reserved.",
    "Sign up for our morning newsletter.",
]
ADDED = [
    "The story is developing and will be updated as more information becomes available.",
    "Readers with information were asked to contact the newsroom.",
    "Local residents gathered outside for most of the afternoon to watch events unfold.",
]


@dataclass
class Corpus:
    articles: list[Article] = field(default_factory=list)
    edges: set[tuple[str, str]] = field(default_factory=set)  # (derived, source)
    kinds: dict[str, str] = field(default_factory=dict)  # derived id -> generated kind
    figures: list[tuple[str, tuple[int, int], str, str]] = field(default_factory=list)
    drifted: dict[str, int] = field(default_factory=dict)  # rewrite-drift id -> figures drifted


def _layout(sentences: list[str], furniture: bool, rng: random.Random) -> str:
    paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
    if furniture:
        paragraphs = [rng.choice(BYLINES)] + paragraphs + rng.sample(FOOTERS, 2)
    return "\n".join(paragraphs)


def generate(topics: tuple[int, ...], seed: int = 7, sources_per_topic: int = 2,
             max_docs_per_topic: int | None = None) -> Corpus:
    rng = random.Random(seed)
    corpus = Corpus()
    base = datetime(2024, 3, 1, 8, 0)
    for topic in topics:
        docs = topic_documents(topic)
        names = sorted(docs)
        rng.shuffle(names)
        if max_docs_per_topic is not None:
            names = names[:max_docs_per_topic]
        long_enough = [n for n in names if len(docs[n]) >= 5]
        sources = long_enough[:sources_per_topic]
        for name in names:
            when = base + timedelta(days=topic, hours=rng.randrange(0, 12))
            text = _layout(docs[name], False, rng)
            corpus.articles.append(_article(name, text, when, outlet=f"outlet-{name}"))
        for source in sources:
            _family(corpus, source, docs[source], base + timedelta(days=topic), rng)
    return corpus


def _article(ident: str, text: str, when: datetime | None, outlet: str,
             hints: dict | None = None) -> Article:
    return Article(ident, None, f"https://{outlet}.example/{ident}", outlet, None, when, "en",
                   text, "", hints or {})


def _family(corpus: Corpus, source: str, sentences: list[str], day: datetime,
            rng: random.Random) -> None:
    source_url = f"https://outlet-{source}.example/{source}"
    kinds = ["copy", "near-copy", "partial", "rewrite", "rewrite-figure", "near-copy-figure"]
    for number, kind in enumerate(kinds):
        ident = f"{source}~{kind}"
        body = list(sentences)
        figure = None
        if kind.startswith("near-copy"):
            body.pop(rng.randrange(1, len(body)))
            body.append(rng.choice(ADDED))
        elif kind == "partial":
            body = body[: max(2, (len(body) + 1) // 2)]
        elif kind.startswith("rewrite"):
            body = rewrite(body, rng)
        if kind.endswith("figure"):
            figure = change_figure(body, rng)
            if figure is None:
                continue
            body = figure[0]
        text = _layout(body, kind == "copy" or rng.random() < 0.5, rng)
        # Most articles are dated; one in five undated ones is oriented by a hint instead.
        dated = rng.random() < 0.8 or kind == "copy"
        when = day + timedelta(hours=14 + number) if dated else None
        hints = {} if dated else {"canonical_url": source_url}
        article = _article(ident, text, when, outlet=f"o{number}", hints=hints)
        corpus.articles.append(article)
        corpus.edges.add((ident, source))
        corpus.kinds[ident] = kind
        if figure is not None:
            _, index, before, after = figure
            changed = body[index]
            start = text.find(changed)
            corpus.figures.append((ident, (start, start + len(changed)), before, after))


# --- drifted rewrites ----------------------------------------------------------------------

# A tabloid or trade-site rewrite rounds and re-hedges its source's figures: a figure moves
# by at most this share of its value (reuse.docpair.DRIFT is the detector's own bound).
DRIFT_AT_MOST = 0.1
_DRIFT_QUALIFIERS = ("more than", "nearly", "about", "over", "almost")
# A hedge already in front of a figure (the rewrite's synonyms included) is replaced.
_HEDGED = re.compile(r"\b(nearly|almost|about|around|roughly|approximately|more than|over|"
                     r"some)\s+$", re.I)


def drift_value(value: int, rng: random.Random) -> int:
    """A nearby value a rewrite might print for ``value``: rounded to two significant digits
    up or down, or moved by a few per cent, never by more than :data:`DRIFT_AT_MOST`."""
    for _ in range(20):
        moved = value * (1 + rng.choice([-1, 1]) * rng.uniform(0.02, DRIFT_AT_MOST))
        digits = max(0, len(str(int(moved))) - 2)
        new = int(round(moved, -digits))
        if new != value and abs(new - value) <= DRIFT_AT_MOST * value:
            return new
    return value


def drift_figures(sentences: list[str], rng: random.Random) -> tuple[list[str], int]:
    """Every figure of 20 or more (not a year, date, time or route number) drifted, a hedge
    put in front or changed; returns the sentences and how many figures drifted."""
    out, drifted = [], 0
    for sentence in sentences:
        pieces, last = [], 0
        for m in _FIGURE.finditer(sentence):
            value = int(m.group(1).replace(",", ""))
            if (value < 20 or 1900 <= value <= 2030 or _MONTH.search(sentence[: m.start()])
                    or _NOT_FIGURE_AFTER.match(sentence, m.end())
                    or _NAME_BEFORE.search(sentence[: m.start()])):
                continue
            new = drift_value(value, rng)
            if new == value:
                continue
            qualifier = _HEDGED.search(sentence[: m.start()])
            start = max(last, qualifier.start()) if qualifier else m.start()
            hedge = rng.choice(_DRIFT_QUALIFIERS)
            pieces.append(sentence[last:start])
            pieces.append(f"{hedge} {new:,}" if value >= 1000 else f"{hedge} {new}")
            last = m.end()
            drifted += 1
        out.append("".join(pieces) + sentence[last:])
    return out, drifted


def _extended(corpus: Corpus) -> Corpus:
    """A copy of ``corpus`` that a family of added articles can extend."""
    return Corpus(list(corpus.articles), set(corpus.edges), dict(corpus.kinds),
                  list(corpus.figures), dict(corpus.drifted))


def _source_sentences(corpus: Corpus) -> Iterator[tuple[str, list[str]]]:
    """Each source of ``corpus``'s edges with its document's sentences (each topic read
    once)."""
    documents: dict[int, dict[str, list[str]]] = {}
    for source in sorted({s for _, s in corpus.edges}):
        topic = int(source.split("_", 1)[0])
        if topic not in documents:
            documents[topic] = topic_documents(topic)
        yield source, documents[topic][source]


def add_drifted_rewrites(corpus: Corpus, seed: int = 11) -> Corpus:
    """``corpus`` with a *rewrite-drift* of each source that has two figures to drift: a
    rewrite (:func:`rewrite`) cut by a sentence in four after the lead, with a sentence of
    its own, and every figure drifted (:func:`drift_figures`). Its own random stream, so the
    families of :func:`generate` stay as they are."""
    rng = random.Random(seed)
    published = {a.id: a.published for a in corpus.articles}
    out = _extended(corpus)
    for source, sentences in _source_sentences(corpus):
        kept = [s for k, s in enumerate(sentences) if k == 0 or rng.random() >= 0.25]
        body, drifted = drift_figures(rewrite(kept, rng) + [rng.choice(ADDED)], rng)
        if drifted < 2:
            continue
        ident = f"{source}~rewrite-drift"
        when = published[source]
        assert when is not None  # every ECB+ document is dated by generate()
        when += timedelta(hours=20)
        out.articles.append(_article(ident, _layout(body, rng.random() < 0.5, rng), when,
                                     outlet="odrift"))
        out.edges.add((ident, source))
        out.kinds[ident] = "rewrite-drift"
        out.drifted[ident] = drifted
    return out


def shared_fivegram_rate(a: str, b: str) -> float:
    """Share of ``b``'s five-word sequences also found in ``a`` (how much wording survived)."""
    def grams(text: str) -> set[tuple[str, ...]]:
        words = re.findall(r"\w+", text.lower())
        return {tuple(words[i : i + 5]) for i in range(len(words) - 4)}

    ga, gb = grams(a), grams(b)
    return len(ga & gb) / len(gb) if gb else 0.0


# --- reordered condensed rewrites -----------------------------------------------------------

# A tabloid's cut of a wire story keeps this share of its sentences (drawn per rewrite).
REORDER_KEEP = (0.5, 0.8)


def reorder_condensed(sentences: list[str], rng: random.Random) -> list[str]:
    """A tabloid's condensed rewrite that reorders its source: the lead and 50-80% of the
    other sentences kept, most reworded (:func:`rewrite_sentence`), a sentence or two moved
    elsewhere, some figures drifted (:func:`drift_figures` on half the sentences), perhaps a
    sentence of its own; five-word runs left from the source broken."""
    rest = list(range(1, len(sentences)))
    keep = round(rng.uniform(*REORDER_KEEP) * len(sentences)) - 1
    kept = [sentences[0]] + [sentences[k] for k in sorted(rng.sample(rest, max(1, keep)))]
    out = [rewrite_sentence(s, rng) if rng.random() < 0.7 else s for s in kept]
    for _ in range(rng.choice([1, 2])):
        if len(out) < 4:
            break
        # Move one sentence (or two neighbours, a paragraph) at least two places away.
        start = rng.randrange(1, len(out) - 1)
        block = out[start : start + rng.choice([1, 2])]
        del out[start : start + len(block)]
        spots = [k for k in range(1, len(out) + 1) if abs(k - start) >= 2]
        where = rng.choice(spots) if spots else len(out)
        out[where:where] = block
    drifted = [drift_figures([s], rng)[0][0] if rng.random() < 0.5 else s for s in out]
    if rng.random() < 0.5:
        drifted.insert(rng.randrange(1, len(drifted) + 1), rng.choice(ADDED))
    return break_fivegrams(" ".join(sentences), drifted, rng)


def add_reordered_rewrites(corpus: Corpus, seed: int = 17) -> Corpus:
    """``corpus`` with a *rewrite-reorder* of each source (:func:`reorder_condensed`), dated
    a day after it. Its own random stream, so the families of :func:`generate` stay as they
    are."""
    rng = random.Random(seed)
    published = {a.id: a.published for a in corpus.articles}
    out = _extended(corpus)
    for source, sentences in _source_sentences(corpus):
        body = reorder_condensed(sentences, rng)
        ident = f"{source}~rewrite-reorder"
        when = published[source]
        assert when is not None  # every ECB+ document is dated by generate()
        out.articles.append(_article(ident, _layout(body, rng.random() < 0.5, rng),
                                     when + timedelta(hours=22), outlet="oreorder"))
        out.edges.add((ident, source))
        out.kinds[ident] = "rewrite-reorder"
    return out
