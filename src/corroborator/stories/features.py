"""What the story clusterer knows about one article.

Per article: a unit-length sentence embedding of title + lead, hashed content-word counts of
the text (weighted by running document frequencies inside the clusterer, so streaming never
needs a fitted vocabulary), the names (capitalised words) and numbers of title + lead, the
capitalised words of the whole text (for the split check's pair model) and the publication
time. An article in a language the embedding model does not read also carries the words a
name's stem may show in, and its figures are read in either decimal convention. Features are independent of arrival order; everything order-dependent
(document frequencies, centroids) lives in :mod:`corroborator.stories.online`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np

from ..datelines import without_dateline
from ..errors import require_extra
from ..records import Article
from .config import StorySettings
from .names import body_names

if TYPE_CHECKING:
    from ..settings import Settings


def anchors_of(anchors: Mapping[str, Iterable[str]] | None, article_id: str) -> tuple[str, ...]:
    """The sorted, unique anchor keys of one article (none when no mapping is given)."""
    if not anchors:
        return ()
    return tuple(sorted(set(anchors.get(article_id, ()))))

# Words of two or more letters: digits are handled by the number feature, where "6.1" and
# "7.0" stay distinct instead of dissolving into tokens shared by every earthquake story.
_TOKEN_PATTERN = r"(?u)\b[^\W\d_][^\W\d_]+\b"
_SENTENCE_END = re.compile(
    r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)]))\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*\n|\n(?=\S)"
)
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
# Words of a date or time stamp ("Posted 11/27/2005 7:21 AM", "Last updated: Monday, 28
# November 2005, 02:24 GMT"): a line made only of these is a dateline, not a headline. The
# single letters are "a.m."/"p.m." split by a tokeniser ("8 : 41 p . m .").
_STAMP_WORDS = frozenset((
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat",
    "sun", "am", "pm", "a.m.", "p.m.", "a", "p", "m", "gmt", "utc", "bst", "est", "edt", "pst",
    "pdt", "cet", "ist", "et", "pt", "updated", "posted", "published", "last", "modified",
    "at", "on", "by", "th", "st", "nd", "rd", "article",
))
_WORD = re.compile(r"[^\W\d_][\w.'’]*")
# A head cut after an abbreviation or inside a number ("Alaska Gov." + "Sarah Palin ...",
# "Gunman kills L." + "A. deputy", "Thieves nab $2." + "5 million ..."): a full stop after a
# single letter or a number, or a head of at most two words ending in a full stop.
_FRAGMENT_END = re.compile(r"(?:(?<![^\W_])[^\W\d_]|\d)\s?\.$")
_FRAGMENT_WORDS = 2
_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    """Order-independent features of one article (numpy inside: never stored as a record)."""

    article_id: str
    published: float | None  # POSIX seconds, None when the date is unknown
    embedding: np.ndarray  # float32, unit length
    terms: dict[int, float]  # hashed content word -> raw count
    entities: tuple[str, ...]  # normalised names, sorted, unique
    numbers: tuple[str, ...]  # normalised numbers and dates, sorted, unique
    title: str = ""
    lead: str = ""
    outlet: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    # "<speaker head>|<figure>" keys from the article's claims (see anchors.py); empty when
    # the caller has no claims, which only turns the anchor link off.
    anchors: tuple[str, ...] = ()
    # Capitalised words across the whole text (names.body_names): evidence for the split
    # check's pair model only, not for the similarity that places an article.
    names: tuple[str, ...] = ()
    # Written in a language the embedding model does not read (``embedding_languages``):
    # its embedding and terms cannot meet an English story's, so it is also scored on the
    # signals that survive translation (online.translated_score).
    foreign: bool = False
    # A foreign article's names and the longer words of its title + lead, lower-cased (empty
    # for other articles): a name's stem shows in either ("dravnische" is "Dravnia"'s
    # adjective in German, in lower case; "Dravnien" opens the headline).
    words: tuple[str, ...] = ()


def _split_first(text: str) -> tuple[str, str]:
    stripped = text.strip()
    match = _SENTENCE_END.search(stripped)
    if not match:
        return stripped, ""
    return stripped[: match.start()], stripped[match.end() :]


def _cut(text: str, limit: int) -> str:
    text = " ".join(text[: limit * 2].split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit]


def first_sentence(text: str, limit: int = 300) -> str:
    """The first sentence (or line) of ``text``, at most ``limit`` characters."""
    return _cut(_split_first(text)[0], limit)


def is_dateline(line: str) -> bool:
    """True when ``line`` holds only a date, a time and stamp words ("APR 28", "Posted
    11 / 27 / 2005 7 : 21 AM"): crawled text often opens with one above the headline."""
    words = [w.lower().rstrip(".,:;|") for w in _WORD.findall(line)]
    has_digit = any(ch.isdigit() for ch in line)
    return (has_digit or bool(words)) and all(w in _STAMP_WORDS for w in words)


def _head_sentence(body: str) -> tuple[str, str]:
    """The first sentence that can serve as a title, and the text after it.

    Datelines above the headline are skipped; a fragment cut after an abbreviation is
    joined with the sentence that follows it.
    """
    rest = body
    while True:
        head, rest = _split_first(rest)
        while rest and _is_fragment(head):
            more, rest = _split_first(rest)
            head = f"{head} {more}"
        if not rest or not is_dateline(head):
            return head, rest


def _is_fragment(head: str) -> bool:
    if not head.endswith("."):
        return False
    return bool(_FRAGMENT_END.search(head)) or len(_WORD.findall(head)) <= _FRAGMENT_WORDS


def headline(article: Article) -> str:
    """The title shown for an article: its own, else its first sentence that reads as one
    (datelines above it skipped, a head cut after an abbreviation completed)."""
    title = " ".join((article.title or "").split())
    return title or _cut(_head_sentence(article.text.strip())[0], 300)


def title_and_lead(article: Article, lead_chars: int) -> tuple[str, str]:
    """Title (the first sentence when the article has none) and the lead that follows it
    (after a plain-text report's date and byline lines, ``hints["body_start"]``).

    This is the text the clusterer embeds. An untitled article's first sentence is taken
    as it is, dateline or not: skipping datelines here (:func:`headline`) was measured on
    ECB+ and changed nothing beyond noise, so the clustering input stays as tuned.
    """
    title = " ".join((article.title or "").split())
    body = article.text.strip()
    start = article.hints.get("body_start")
    if title and isinstance(start, int) and 0 < start < len(article.text):
        # a plain-text report's headline, date and byline lines are not its lead
        body = article.text[start:].strip()
    if not title:
        # The sentence used as title is not repeated in the lead.
        head, body = _split_first(body)
        title = _cut(head, 300)
    elif " ".join(body[: len(title) * 2].split()).startswith(title):
        body = body[len(title) :]
    return title, _cut(body, lead_chars).lstrip(" .:;-—")


# "Indonesian", "Koreans", "the Lestrian capital": the people or adjective of a place named
# in "-ia"/"-ea" is that place's name plus "n", so both read as one name.
_DEMONYM = re.compile(r"^(\w{3,}[ie]a)ns?$")


def normalise_entity(text: str) -> str:
    """Case-, article- and possessive-insensitive form of a name ("the U.N.'s" → "u.n.")."""
    value = unicodedata.normalize("NFKC", text).strip().lower()
    value = _LEADING_ARTICLE.sub("", value)
    value = _POSSESSIVE.sub("", value)
    return " ".join(_DEMONYM.sub(r"\1", word) for word in value.split())


def normalise_numbers(text: str) -> list[str]:
    """Each number in a numeric or date mention, without thousands separators.

    Mentions without digits ("Wednesday", "thousands") are dropped: they recur in every
    story and would only add noise. "September 18, 2013" gives ["18", "2013"].
    """
    return [d.replace(",", "") for d in _DIGITS.findall(text)]


# A figure as any convention writes it: "1,100", "1.100", "3,5", "1.234,5", "1 100" (no-break
# spaces), "18.11.2026".
_FIGURE = re.compile(r"\d+(?:[.,\u00a0\u202f]\d+)*")
_GROUPED = re.compile(r"\d{1,3}(?:[.,\u00a0\u202f]\d{3})+")


def normalise_figure(mention: str) -> list[str]:
    """One written figure in the English reading of :func:`normalise_numbers`, whichever
    convention wrote it ("1.100" and "1,100" → "1100", "3,5" → "3.5", "1.234,5" → "1234.5").

    The separator that ends the figure marks its decimals when both kinds occur; a single
    kind marks thousands when every group after the first has three digits ("1.100",
    "1,100,000"), decimals when it occurs once otherwise ("3,5", "8.2"), and a date or a
    version when it recurs with other groups ("18.11.2026" gives its three numbers). The
    one misreading, a decimal of exactly three places ("1,250" for 1.25), is rare in news.
    """
    spaced = mention.replace("\u00a0", "").replace("\u202f", "")
    if "." in spaced and "," in spaced:
        decimal = max(spaced.rfind("."), spaced.rfind(","))
        whole = spaced[:decimal].replace(".", "").replace(",", "")
        return [f"{whole}.{spaced[decimal + 1:]}"]
    if _GROUPED.fullmatch(mention):
        return [spaced.replace(".", "").replace(",", "")]
    parts = re.split(r"[.,]", spaced)
    if len(parts) == 2:
        return [f"{parts[0]}.{parts[1]}"]
    return parts


def normalise_figures(text: str) -> list[str]:
    """Every figure of ``text`` as :func:`normalise_figure` reads it (any convention)."""
    return [number for mention in _FIGURE.findall(text) for number in normalise_figure(mention)]


_LETTERS = re.compile(r"[^\W\d_]+")


def lower_words(text: str, min_letters: int) -> tuple[str, ...]:
    """The distinct words of at least ``min_letters`` letters of ``text``, lower-cased and
    sorted. Shorter words are mostly function words ("der", "los", "un"), which would meet
    names ("von der Leyen", "Los Angeles", "UN") by chance; short names come as names."""
    return tuple(sorted({word.lower() for word in _LETTERS.findall(text)
                         if len(word) >= min_letters}))


def is_foreign(language: str | None, embedding_languages: Sequence[str]) -> bool:
    """True when ``language`` is known and not one the embedding model reads (an unknown
    language is taken as the model's, as the articles were clustered before)."""
    return bool(language) and language not in embedding_languages


def _timestamp(value: datetime | None) -> float | None:
    if value is None:
        return None
    if value.tzinfo is None:
        # Naive times are taken as UTC so that the same input always gives the same order.
        value = value.replace(tzinfo=UTC)
    return value.timestamp()


@lru_cache(maxsize=4)
def _hasher(n_features_log2: int, max_text_chars: int) -> Any:
    text_module = require_extra(
        "sklearn.feature_extraction.text", "embeddings", "Story clustering (TF-IDF)"
    )
    return text_module.HashingVectorizer(  # type: ignore[attr-defined]
        n_features=2**n_features_log2,
        lowercase=True,
        stop_words="english",
        token_pattern=_TOKEN_PATTERN,
        alternate_sign=False,
        norm=None,
        preprocessor=lambda t: t[:max_text_chars].lower(),
    )


class FeatureExtractor:
    """Turns articles into :class:`ArticleFeatures`, in batches (the embedding dominates).

    ``embed_fn`` maps texts to unit vectors (tests, benchmarks and worker pools replace it).
    Names and numbers of title + lead are read by regular expressions
    (:func:`.names.lead_mentions`); ``ner_fn``, when given, finds them instead: it maps texts
    to lists of (text, label) pairs, kept by ``entity_labels`` and ``number_labels``
    (:meth:`spacy_mentions` is spaCy's recogniser).
    """

    def __init__(
        self,
        settings: Settings,
        embed_fn: Callable[[Sequence[str]], np.ndarray] | None = None,
        ner_fn: Callable[[Sequence[str]], list[list[tuple[str, str]]]] | None = None,
    ) -> None:
        from ..settings import EmbeddingSettings, NlpSettings

        self.config = settings.get(StorySettings)
        self._embedding = settings.get(EmbeddingSettings)
        self._nlp_settings = settings.get(NlpSettings)
        self._embed_fn = embed_fn or self._default_embed
        self._ner_fn = ner_fn

    def _default_embed(self, texts: Sequence[str]) -> np.ndarray:
        from ..embeddings import embed

        return embed(texts, **self._embedding.embed_options())

    def spacy_mentions(self, texts: Sequence[str]) -> list[list[tuple[str, str]]]:
        """spaCy's entities of ``texts`` as (text, label) pairs: an ``ner_fn``. Not the
        default: a second spaCy pass over every title + lead cost a third of the stage and
        clustered worse than capitalised words (docs/speed.md)."""
        from ..nlp.loader import load_pipeline

        nlp = load_pipeline(self._nlp_settings.model)
        # Only the entity recogniser runs: it has its own tok2vec in the small English
        # pipelines, so tagging, parsing and lemmatising would be wasted time here.
        enabled = [name for name in nlp.pipe_names if name == "ner"]
        with nlp.select_pipes(enable=enabled):
            docs = nlp.pipe(texts, batch_size=self._nlp_settings.batch_size)
            return [[(ent.text, ent.label_) for ent in doc.ents] for doc in docs]

    def extract(
        self,
        articles: Sequence[Article],
        anchors: Mapping[str, Iterable[str]] | None = None,
    ) -> list[ArticleFeatures]:
        """Features of ``articles`` in the given order (one embedding and NER pass per batch).

        ``anchors`` maps article ids to anchor keys (:func:`.anchors.claim_anchors`).
        """
        out: list[ArticleFeatures] = []
        size = max(1, self.config.batch_size)
        for start in range(0, len(articles), size):
            out.extend(self._extract_batch(articles[start : start + size], anchors))
        return out

    def _extract_batch(
        self, articles: Sequence[Article], anchors: Mapping[str, Iterable[str]] | None
    ) -> list[ArticleFeatures]:
        cfg = self.config
        heads = [title_and_lead(a, cfg.lead_chars) for a in articles]
        short = [f"{t}. {lead}".strip(" .") if lead else t for t, lead in heads]
        vectors = np.asarray(self._embed_fn(short), dtype=np.float32)
        # Rounding makes an embedding independent of the batch it was computed in (padding
        # changes the last bits), so streaming one by one equals batch clustering.
        vectors = np.round(vectors, 5)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        vectors = (vectors / np.where(norms == 0, 1.0, norms)).astype(np.float32)
        counts = _hasher(cfg.hash_bits, cfg.max_text_chars).transform(
            [without_dateline(f"{t}\n{a.text}" if a.title else a.text)
             for a, (t, _) in zip(articles, heads, strict=True)]
        )
        # a wire dateline's agency and date are shared by all it files that day: no names or
        # numbers of the story
        mentions = self._mentions([f"{t}. {without_dateline(lead)}" if lead else t
                                   for t, lead in heads])
        result = []
        for row, (article, (title, lead)) in enumerate(zip(articles, heads, strict=True)):
            lo, hi = counts.indptr[row], counts.indptr[row + 1]
            terms = {
                int(i): float(c) for i, c in zip(counts.indices[lo:hi], counts.data[lo:hi], strict=True)
            }
            entities, numbers = mentions[row]
            foreign = is_foreign(article.language, cfg.embedding_languages)
            words: tuple[str, ...] = ()
            if foreign:
                # "1.100" is 1,100 in German: its figures must read as the English story's
                lead_text = f"{title}. {without_dateline(lead)}" if lead else title
                numbers = tuple(sorted(set(normalise_figures(lead_text))))
                words = tuple(sorted({*entities,
                                      *lower_words(lead_text, cfg.foreign_stem_chars)}))
            result.append(
                ArticleFeatures(
                    article_id=article.id,
                    published=_timestamp(article.published),
                    embedding=vectors[row],
                    terms=terms,
                    entities=entities,
                    numbers=numbers,
                    title=headline(article) if not article.title else title,
                    lead=lead,
                    outlet=article.outlet,
                    anchors=anchors_of(anchors, article.id),
                    names=body_names(article.text[: cfg.max_text_chars]),
                    foreign=foreign,
                    words=words,
                )
            )
        return result

    def _mentions(self, texts: Sequence[str]) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
        """(names, numbers) of each text, sorted and unique: from ``ner_fn`` when given."""
        if self._ner_fn is None:
            return [lead_mentions(text) for text in texts]
        entity_labels = set(self.config.entity_labels)
        number_labels = set(self.config.number_labels)
        out = []
        for found in self._ner_fn(texts):
            entities, numbers = set(), set()
            for text, label in found:
                if label in entity_labels:
                    name = normalise_entity(text)
                    if name:
                        entities.add(name)
                elif label in number_labels:
                    numbers.update(normalise_numbers(text))
            out.append((tuple(sorted(entities)), tuple(sorted(numbers))))
        return out


def lead_mentions(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The names (:func:`.names.body_names`) and numbers (:func:`normalise_numbers`) of a
    title + lead, each sorted and unique: what the entity and number cosines compare."""
    names = {normalise_entity(name) for name in body_names(text)}
    names.discard("")
    return tuple(sorted(names)), tuple(sorted(set(normalise_numbers(text))))
