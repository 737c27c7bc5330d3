"""Online story clustering in the spirit of Miranda et al. (EMNLP 2018).

Each article joins the most similar open story when the similarity clears ``threshold``, or
starts a new story. Similarity is a weighted mean of four cosines against the story's
centroids (sentence embedding, TF-IDF of content words, entities, numbers/dates) minus a
penalty that grows with the time between the article and the story. Fields the article
lacks (no entities, no numbers) drop out of the mean instead of counting as zero, and a
missing publication date simply removes the time penalty.

Cost per article does not grow with the number of stories: candidates come from an inverted
index of each story's distinctive keys (its entities and highest-weighted terms) whose
posting lists keep only the ``max_postings`` most recently updated stories, and stories
silent for longer than ``window_days`` are closed (their centroids are dropped). Every
``merge_every`` articles, stories updated since the last merge are compared with their own
candidates and joined when they have converged.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .config import SIMILARITY_WEIGHTS, StorySettings
from .features import ArticleFeatures

FIELDS = ("terms", "entities", "numbers")
# Fields an article carries for the split check's pair model only: never pooled into story
# centroids nor scored by the similarity that places an article.
BODY_FIELDS = ("names",)
VECTOR_FIELDS = FIELDS + BODY_FIELDS
_FIELD_WEIGHT = {"terms": "tfidf_weight", "entities": "entity_weight", "numbers": "number_weight"}


@dataclass
class Member:
    """What a story keeps of an article to choose its title (bounded per story)."""

    article_id: str
    title: str
    lead: str
    embedding: np.ndarray  # float16 to halve memory; only used to rank centrality


@dataclass
class Vectors:
    """An article or story as the similarity sees it: unit vectors per field and a time span."""

    embedding: np.ndarray
    fields: dict[str, dict[Any, float]]
    first_time: float | None
    last_time: float | None


@dataclass
class Part:
    """What a story keeps of each member while it may still be split (see split.py)."""

    article_id: str
    seq: int
    item: Vectors
    outlet: str | None
    anchors: tuple[str, ...]
    title: str
    lead: str


@dataclass
class StoryState:
    """Mutable centroid state of one story."""

    id: str
    seq: int  # arrival number of its first article: the order stories are listed in
    article_ids: list[str]
    emb_sum: np.ndarray | None  # sum of unit embeddings (None once closed)
    centroids: dict[str, dict[Any, float]]  # field -> sum of unit TF-IDF vectors
    sq_norms: dict[str, float]
    first_time: float | None = None
    last_time: float | None = None
    last_seq: int = 0
    outlets: dict[str, int] = field(default_factory=dict)
    members: list[Member] = field(default_factory=list)
    closed: bool = False
    frozen_title: tuple[str, str] | None = None  # (title, summary) fixed when closed
    # Members that contributed a non-empty vector per field (for the spread penalty).
    field_counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    # Anchor key ("<speaker head>|<figure>") -> number of its articles quoting it, oldest
    # first (bounded): a figure several reports repeat is the story's, one mention may be chance.
    anchors: dict[str, int] = field(default_factory=dict)
    # Every member while the story is small enough to be split (None once it is not).
    parts: list[Part] | None = field(default_factory=list)
    split_checked: int = 0  # members when the split check last ran (it reruns on growth)
    # Members written in a language the embedding model does not read: a story made of them
    # only looks for its story again on the translated score (clusterer._place_foreign).
    foreign_members: int = 0

    @property
    def all_foreign(self) -> bool:
        return bool(self.article_ids) and self.foreign_members == len(self.article_ids)

    def unit_embedding(self) -> np.ndarray:
        assert self.emb_sum is not None
        norm = float(np.linalg.norm(self.emb_sum))
        return self.emb_sum / norm if norm else self.emb_sum


class DocumentFrequencies:
    """Running document frequencies per field, for IDF weights that need no fitted vocabulary."""

    def __init__(self) -> None:
        self.n_docs = 0
        self.df: dict[str, dict[Any, int]] = {name: {} for name in VECTOR_FIELDS}

    def observe_article(self, features: ArticleFeatures) -> None:
        self.observe({"terms": features.terms, "entities": features.entities,
                      "numbers": features.numbers, "names": features.names})

    def observe(self, keys: Mapping[str, Iterable[Any]]) -> None:
        self.n_docs += 1
        for name, values in keys.items():
            table = self.df[name]
            for key in values:
                table[key] = table.get(key, 0) + 1

    def idf(self, name: str, key: Any) -> float:
        # sklearn's smoothed IDF: a key seen in every document still weighs 1, never 0.
        return math.log((1 + self.n_docs) / (1 + self.df[name].get(key, 0))) + 1.0


def _unit(vector: dict[Any, float]) -> dict[Any, float]:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {k: v / norm for k, v in vector.items()} if norm else {}


def _dot(a: Mapping[Any, float], b: Mapping[Any, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())


def _gap(a_first: float | None, a_last: float | None, b_first: float | None,
         b_last: float | None) -> float | None:
    """Seconds between two time intervals (0 when they overlap, None when one is unknown)."""
    if a_first is None or b_first is None or a_last is None or b_last is None:
        return None
    return max(0.0, b_first - a_last, a_first - b_last)


class Similarity:
    """The weighted similarity between an article (or story) and a story."""

    def __init__(self, config: StorySettings) -> None:
        self.config = config
        self.weights = {
            "embedding": config.embedding_weight,
            **{name: getattr(config, _FIELD_WEIGHT[name]) for name in FIELDS},
        }
        self.time_scale = max(config.time_scale_hours, 1e-6) * 3600.0

    def time_penalty(self, gap: float | None) -> float:
        if gap is None or self.config.time_weight == 0:
            return 0.0
        return self.config.time_weight * (1.0 - math.exp(-gap / self.time_scale))

    def score(self, item: Vectors, story: StoryState, embedding_cosine: float) -> float:
        spread = self.config.spread_penalty
        if spread and story.emb_sum is not None and story.article_ids:
            # cosine * (|sum| / n) ** spread: at spread 1 this is the mean similarity to the
            # members (average link), which stops a broad topic-like story from attracting
            # every article of its topic; at 0 it is the plain centroid cosine.
            tightness = float(np.linalg.norm(story.emb_sum)) / len(story.article_ids)
            embedding_cosine *= min(1.0, tightness) ** spread
        total = self.weights["embedding"] * embedding_cosine
        weight = self.weights["embedding"]
        for name in FIELDS:
            vector = item.fields[name]
            w = self.weights[name]
            if not vector or w == 0:
                continue  # a field the article lacks says nothing either way
            sq = story.sq_norms[name]
            cosine = _dot(vector, story.centroids[name]) / math.sqrt(sq) if sq > 0 else 0.0
            count = story.field_counts.get(name, 0)
            if spread and count:
                cosine *= min(1.0, math.sqrt(sq) / count) ** spread
            total += w * cosine
            weight += w
        mean = total / weight if weight else 0.0
        gap = _gap(item.first_time, item.last_time, story.first_time, story.last_time)
        return mean - self.time_penalty(gap)


def stems(vector: Mapping[Any, float], chars: int) -> dict[str, float]:
    """A names vector folded onto the first ``chars`` letters of each word: "Ostmarks" and
    "Ostmark's", "Dravnien" and "Dravnia", "Karstiens" and "Karstian" meet, the way a name
    is inflected or spelt in another language (truncation as in cross-language retrieval)."""
    out: dict[str, float] = {}
    for name, weight in vector.items():
        for word in str(name).split():
            key = word[:chars]
            out[key] = out.get(key, 0.0) + weight
    return out


def _cosine(a: Mapping[Any, float], b: Mapping[Any, float]) -> float:
    return _dot(_unit(dict(a)), _unit(dict(b)))


def translated_score(similarity: Similarity, names: Mapping[str, float], item: Vectors,
                     story: StoryState) -> float:
    """How close an article in another language is to a story on what survives translation:
    the cosine of its name stems (``names``, stem -> weight) with the story's names folded to
    stems (:func:`stems`), and of its figures with the story's, weighted as in
    :meth:`Similarity.score`, minus the same time penalty. Embedding and terms are left out:
    the embedding model reads English only, and the words differ by language.

    Without names the score is -inf: figures alone (a year, a round count) are shared by
    unrelated stories too often to place an article on.
    """
    if not names:
        return -math.inf
    w_names, w_numbers = similarity.weights["entities"], similarity.weights["numbers"]
    story_names = stems(story.centroids["entities"], similarity.config.foreign_stem_chars)
    total = w_names * _cosine(names, story_names)
    weight = w_names
    if item.fields["numbers"] and w_numbers:
        total += w_numbers * _cosine(item.fields["numbers"], story.centroids["numbers"])
        weight += w_numbers
    gap = _gap(item.first_time, item.last_time, story.first_time, story.last_time)
    return total / weight - similarity.time_penalty(gap)


def new_story(story_id: str, seq: int) -> StoryState:
    return StoryState(
        id=story_id,
        seq=seq,
        article_ids=[],
        emb_sum=None,
        centroids={name: {} for name in FIELDS},
        sq_norms={name: 0.0 for name in FIELDS},
    )


def add_to_story(
    story: StoryState, item: Vectors, features: ArticleFeatures, seq: int, config: StorySettings
) -> None:
    """Fold one article into a story's centroids (incremental, O(article size))."""
    story.article_ids.append(features.article_id)
    story.foreign_members += int(features.foreign)
    emb = item.embedding.astype(np.float64)
    story.emb_sum = emb.copy() if story.emb_sum is None else story.emb_sum + emb
    for name in FIELDS:
        _add_vector(story, name, item.fields[name], config.max_story_terms)
        if item.fields[name]:
            story.field_counts[name] = story.field_counts.get(name, 0) + 1
    _extend_time(story, item.first_time, item.last_time)
    _add_anchors(story, dict.fromkeys(features.anchors, 1), config.max_story_terms)
    story.last_seq = seq
    if features.outlet:
        story.outlets[features.outlet] = story.outlets.get(features.outlet, 0) + 1
    if len(story.members) < config.title_candidates:
        story.members.append(
            Member(features.article_id, features.title, features.lead,
                   item.embedding.astype(np.float16))
        )
    if story.parts is not None:
        # Only undated stories are split: dated ones have the time penalty and the window to
        # keep two same-kind events apart, and on a dated stream the check split real stories
        # (benchmarks/stories.py, 30k articles: B3 recall 0.76 -> 0.62).
        if (config.split_ratio > 0 and item.first_time is None
                and len(story.parts) < config.split_max_articles):
            story.parts.append(Part(features.article_id, seq, item, features.outlet,
                                    features.anchors, features.title, features.lead))
        else:
            story.parts = None  # dated or too big to split: its members are not kept


def _add_vector(story: StoryState, name: str, vector: Mapping[Any, float], cap: int) -> None:
    centroid = story.centroids[name]
    sq = story.sq_norms[name]
    # |c + v|^2 = |c|^2 + 2 c.v + |v|^2 keeps the norm without a pass over the centroid.
    sq += 2 * _dot(vector, centroid) + sum(v * v for v in vector.values())
    for key, value in vector.items():
        centroid[key] = centroid.get(key, 0.0) + value
    if len(centroid) > cap * 3 // 2:
        # Keep the heaviest keys only: bounded memory per story, and the long tail of
        # once-mentioned words barely moves a cosine.
        kept = sorted(centroid.items(), key=lambda kv: (-kv[1], str(kv[0])))[:cap]
        centroid = dict(kept)
        story.centroids[name] = centroid
        sq = sum(v * v for v in centroid.values())
    story.sq_norms[name] = max(sq, 0.0)


def _add_anchors(story: StoryState, anchors: Mapping[str, int], cap: int) -> None:
    for key, count in anchors.items():
        if key in story.anchors:
            story.anchors[key] += count
        elif len(story.anchors) < cap:
            # Past the cap only known keys are counted: the first reports' figures are the
            # ones later reports cite.
            story.anchors[key] = count


def _extend_time(story: StoryState, first: float | None, last: float | None) -> None:
    if first is not None:
        story.first_time = first if story.first_time is None else min(story.first_time, first)
    if last is not None:
        story.last_time = last if story.last_time is None else max(story.last_time, last)


def merge_into(target: StoryState, other: StoryState, config: StorySettings) -> None:
    """Fold story ``other`` into ``target`` (centroids, members, outlets, time span)."""
    target.article_ids.extend(other.article_ids)
    target.foreign_members += other.foreign_members
    if other.emb_sum is not None:
        target.emb_sum = other.emb_sum.copy() if target.emb_sum is None else (
            target.emb_sum + other.emb_sum
        )
    for name in FIELDS:
        _add_vector(target, name, other.centroids[name], config.max_story_terms)
        target.field_counts[name] = target.field_counts.get(name, 0) + other.field_counts.get(
            name, 0
        )
    _extend_time(target, other.first_time, other.last_time)
    _add_anchors(target, other.anchors, config.max_story_terms)
    target.last_seq = max(target.last_seq, other.last_seq)
    for outlet, count in other.outlets.items():
        target.outlets[outlet] = target.outlets.get(outlet, 0) + count
    room = config.title_candidates - len(target.members)
    if room > 0:
        target.members.extend(other.members[:room])
    if (target.parts is None or other.parts is None
            or len(target.parts) + len(other.parts) > config.split_max_articles):
        target.parts = None
    else:
        target.parts = sorted([*target.parts, *other.parts], key=lambda p: p.seq)


def story_vectors(story: StoryState) -> Vectors:
    """A story seen as an item (for the merge step)."""
    return Vectors(
        embedding=story.unit_embedding().astype(np.float32),
        fields={name: _scaled(story, name) for name in FIELDS},
        first_time=story.first_time,
        last_time=story.last_time,
    )


def _scaled(story: StoryState, name: str) -> dict[Any, float]:
    sq = story.sq_norms[name]
    if sq <= 0:
        return {}
    norm = math.sqrt(sq)
    return {k: v / norm for k, v in story.centroids[name].items()}


def article_vectors(features: ArticleFeatures, df: DocumentFrequencies) -> Vectors:
    """Unit TF-IDF vectors of an article, with IDF from the frequencies seen so far."""
    terms = {
        k: (1.0 + math.log(c)) * df.idf("terms", k) for k, c in features.terms.items() if c > 0
    }
    entities = {k: df.idf("entities", k) for k in features.entities}
    numbers = {k: df.idf("numbers", k) for k in features.numbers}
    names = {k: df.idf("names", k) for k in features.names}
    return Vectors(
        embedding=features.embedding,
        fields={"terms": _unit(terms), "entities": _unit(entities), "numbers": _unit(numbers),
                "names": _unit(names)},
        first_time=features.published,
        last_time=features.published,
    )


def index_keys(item: Vectors, n_terms: int, anchors: Iterable[str] = ()) -> list[str]:
    """Blocking keys: every entity and anchor and the ``n_terms`` heaviest terms (strings)."""
    terms = sorted(item.fields["terms"].items(), key=lambda kv: (-kv[1], kv[0]))[:n_terms]
    keys = [f"t{k}" for k, _ in terms]
    keys.extend(f"e{k}" for k in sorted(item.fields["entities"]))
    keys.extend(anchor_keys(anchors))
    return keys


ANCHOR_PREFIX = "a"


def anchor_keys(anchors: Iterable[str]) -> list[str]:
    """Index keys of anchors (their own prefix, so they never meet entity or term keys)."""
    return [ANCHOR_PREFIX + key for key in anchors]


__all__ = [
    "ANCHOR_PREFIX",
    "BODY_FIELDS",
    "FIELDS",
    "VECTOR_FIELDS",
    "SIMILARITY_WEIGHTS",
    "DocumentFrequencies",
    "Member",
    "Part",
    "Similarity",
    "StoryState",
    "Vectors",
    "add_to_story",
    "anchor_keys",
    "article_vectors",
    "index_keys",
    "merge_into",
    "new_story",
    "stems",
    "story_vectors",
    "translated_score",
]
