"""find_derivations: copies, near-copies, partial copies and rewrites among a set of articles.

Cost stays near-linear in the number of articles: identical content is grouped by hash
(a thousand copies of one story become one representative plus a thousand copy edges);
near-copy candidates come from the MinHash LSH index, rewrite candidates from the story
clustering (``candidates``) or from a keyword MinHash index, each query capped at
``max_candidates``. Sentence alignment runs only on those pairs, never on all pairs.

The answer is a spanning forest: exact copies first, then edges to the earliest source
(then relation strength, then score), and an edge is kept only if it joins two lineages
not yet joined. Ten syndicated copies of a wire story thus give ten edges to the wire
story, not forty-five edges among themselves.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import numpy as np

from ..records import Article, Derivation
from ..settings import EmbeddingSettings, Settings
from .align import EmbeddingCache, Prepared
from .classify import SentencePairModel, load_pair_model
from .derive import (
    RELATION_RANK,
    PairResult,
    Profile,
    aligned_rewrite,
    copy_edge,
    copy_like,
    edge,
    keywords,
    may_share_facts,
    profile,
    with_changes,
)
from .lineage import UnionFind
from .minhash import LshIndex, signature, signature_of_hashes
from .settings import ReuseSettings, reuse_settings

# Called as ``progress(done, total)`` once per article, like the story clustering's.
Progress = Callable[[int, int], None]


def _time_key(article: Article) -> tuple[int, float, str]:
    published = article.published
    if published is None:
        return (1, 0.0, article.id)
    try:
        stamp = published.timestamp()
    except (OverflowError, OSError, ValueError):
        stamp = 0.0
    return (0, stamp, article.id)


class StoredVectors:
    """Sentence vectors kept in a store (``Store.sentence_vectors``), one vector space's apart
    (``embeddings.vector_space``: the model and its precision).

    Derivations are recomputed over the whole store on every run; without this each run
    would embed every sentence of every candidate article again. Keys are normalised
    sentences; with ``exact`` they are texts as given, in a key space of their own (the
    comparison's masked sentences differ from a measured phrase only in a "#" that
    normalisation would drop).
    """

    def __init__(self, store: Any, model: str, exact: bool = False) -> None:
        self.store = store
        self.model = model
        self.prefix = f"{model}\0exact\0" if exact else f"{model}\0"

    def _key(self, norm: str) -> bytes:
        return hashlib.blake2b(f"{self.prefix}{norm}".encode(), digest_size=16).digest()

    def load(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        by_key = {self._key(k): k for k in keys}
        found = self.store.sentence_vectors(list(by_key))
        return {by_key[key]: np.frombuffer(raw, dtype=np.float32).copy()
                for key, raw in found.items() if key in by_key}

    def save(self, vectors: dict[str, np.ndarray]) -> None:
        self.store.put_sentence_vectors(
            (self._key(k), np.asarray(v, dtype=np.float32).tobytes()) for k, v in vectors.items())


def _embedding_cache(settings: Settings | None, config: ReuseSettings,
                     store: Any = None,
                     embed_fn: Callable[..., np.ndarray] | None = None) -> EmbeddingCache:
    chosen = EmbeddingSettings.of(settings)
    backing = StoredVectors(store, chosen.vector_space()) if store is not None else None
    return EmbeddingCache(config.embedding_cache, backing=backing, embed_fn=embed_fn,
                          **chosen.embed_options())


def candidate_pairs(
    reps: Sequence[Profile],
    config: ReuseSettings,
    with_keywords: bool,
) -> set[tuple[str, str]]:
    """Pairs of representatives worth checking, from the shingle and keyword LSH indexes."""
    pairs: set[tuple[str, str]] = set()
    near = LshIndex(config.num_perm, config.lsh_bands, config.lsh_rows)
    words = LshIndex(config.num_perm, config.keyword_bands, config.keyword_rows)
    for rep in reps:
        if rep.empty:
            continue
        sig = signature_of_hashes(rep.shingles, config.num_perm)
        for other, _ in near.query(sig, limit=config.max_candidates):
            pairs.add((other, rep.id))
        near.insert(rep.id, sig)
        if with_keywords:
            key_sig = signature(keywords(rep.article), config.num_perm)
            for other, _ in words.query(key_sig, limit=config.max_candidates):
                pairs.add((other, rep.id))
            words.insert(rep.id, key_sig)
    return pairs


def story_candidates(
    groups: Iterable[Sequence[str]],
    articles: Sequence[Article],
    settings: Settings | None,
) -> set[tuple[str, str]]:
    """Rewrite candidates inside each group (story) of article ids, at most a bounded number
    per article.

    A story of up to ``max_candidates + 1`` articles gives all its pairs (each article then
    has at most ``max_candidates`` partners). A larger story is read in publication order
    through its own keyword MinHash index, each article taking the ``max_candidates``
    earlier members most alike, so a story copied thousands of times costs linear work,
    not all its pairs.
    """
    config = reuse_settings(settings)
    by_id = {a.id: a for a in articles}
    pairs: set[tuple[str, str]] = set()
    for group in groups:
        members = sorted({i for i in group if i in by_id})
        if len(members) <= config.max_candidates + 1:
            pairs.update(itertools.combinations(members, 2))
            continue
        index = LshIndex(config.num_perm, config.keyword_bands, config.keyword_rows)
        for article in sorted((by_id[i] for i in members), key=_time_key):
            sig = signature(keywords(article), config.num_perm)
            for other, _ in index.query(sig, limit=config.max_candidates):
                pairs.add((other, article.id) if other < article.id else (article.id, other))
            index.insert(article.id, sig)
    return pairs


def find_derivations(
    articles: Sequence[Article],
    settings: Settings | None,
    candidates: Iterable[tuple[str, str]] | None = None,
    progress: Progress | None = None,
    store: Any = None,
    embed_fn: Callable[..., np.ndarray] | None = None,
    workers: int = 1,
) -> list[Derivation]:
    """Derivation edges among ``articles`` (a spanning forest; see the module docstring).

    ``candidates`` are article-id pairs to check for rewrites (from story clustering); when
    ``None`` the keyword index proposes them. Near-copies are always found through the
    shingle index. Empty articles take part in nothing. ``progress(done, total)`` is called
    once per article read. With a ``store`` (:class:`corroborator.store.Store`), sentence
    vectors are read from it and the ones embedded are kept there for the next run.
    ``embed_fn`` replaces ``corroborator.embeddings.embed`` (same signature), e.g. with one
    that spreads the work over processes. ``workers`` above 1 aligns the candidate pairs on
    that many forked processes (each pair is decided on its own; the answer is the same).
    """
    config = reuse_settings(settings)
    model = load_pair_model(config.pair_model)
    profiles: dict[str, Profile] = {}
    for done, article in enumerate(articles, start=1):
        if article.id not in profiles:
            profiles[article.id] = profile(article, config)
        if progress:
            progress(done, len(articles))
    ordered = sorted(profiles.values(), key=lambda p: _time_key(p.article))

    # Identical content: one representative (the earliest) per hash.
    groups: dict[str, list[Profile]] = {}
    for item in ordered:
        if not item.empty:
            groups.setdefault(item.content_hash, []).append(item)
    representative = {p.id: members[0] for members in groups.values() for p in members}
    reps = [members[0] for members in groups.values()]
    proposals: list[tuple[tuple, Derivation]] = []
    for members in groups.values():
        for other in members[1:]:
            found = copy_edge(other, members[0], config)
            proposals.append((_rank(found, profiles), found))

    pairs = candidate_pairs(reps, config, with_keywords=candidates is None)
    for a_id, b_id in candidates or ():
        a, b = profiles.get(a_id), profiles.get(b_id)
        if a is None or b is None or a.empty or b.empty:
            continue
        ra, rb = representative[a.id].id, representative[b.id].id
        if ra != rb:
            pairs.add((ra, rb) if ra < rb else (rb, ra))
    unique = {tuple(sorted(pair)) for pair in pairs}

    cache = _embedding_cache(settings, config, store, embed_fn)
    # Copy-like pairs are settled by shingles alone; the rest need sentence alignment, but
    # only those sharing enough facts can be rewrites, and the facts need no embedding.
    unsettled: list[tuple[Profile, Profile]] = []
    results: dict[tuple[str, str], PairResult] = {}

    def settle(a: Profile, b: Profile, result: PairResult | None) -> None:
        if result is not None:
            found = edge(a, b, result, config)
            results[(found.article_id, found.source_id)] = result
            proposals.append((_rank(found, profiles), found))

    for a_id, b_id in sorted(unique):
        a, b = profiles[a_id], profiles[b_id]
        if a.empty or b.empty:
            continue
        result = copy_like(a, b, config)
        if result is None:
            unsettled.append((a, b))
        else:
            settle(a, b, result)
    _prepare(unsettled, workers)
    undecided = [(a, b) for a, b in unsettled if may_share_facts(a, b, config)]
    for chunk in _chunks(undecided, config.embedding_cache):
        _attach_vectors(chunk, cache)
        for (a, b), result in zip(chunk, _decisions(chunk, model, config, cache, workers),
                                  strict=True):
            settle(a, b, result)
        for pair in chunk:
            for p in pair:
                p.prepared.vectors = None
    kept = []
    for found in _forest(proposals):
        result = results.get((found.article_id, found.source_id))
        if result is not None:
            found = with_changes(found, profiles[found.source_id], profiles[found.article_id],
                                 result, model, config, cache.vectors)
        kept.append(found)
    return kept


def _prepared(index: int, state: list[Profile]) -> Prepared:
    return state[index].prepared


def _prepare(pairs: list[tuple[Profile, Profile]], workers: int) -> None:
    """Read the sentences of every article in ``pairs`` (normalised text, figures, names)
    on ``workers`` processes; the pairs' alignment then finds them made."""
    todo = list({p.id: p for pair in pairs for p in pair
                 if "prepared" not in p.__dict__}.values())
    if workers <= 1 or len(todo) < 4 * _PAIRS_PER_TASK:
        return  # made on first use
    from ..pipeline.workers import forked_map

    made = forked_map(_prepared, range(len(todo)), workers, todo, chunksize=_PAIRS_PER_TASK)
    for item, prepared in zip(todo, made, strict=True):
        item.__dict__["prepared"] = prepared  # Profile.prepared is a cached_property


def _decide(index: int, state: tuple) -> PairResult | None:
    chunk, model, config, cache = state
    a, b = chunk[index]
    return aligned_rewrite(a, b, model, config, cache.vectors)


def _decisions(chunk: list[tuple[Profile, Profile]], model: SentencePairModel,
               config: ReuseSettings, cache: EmbeddingCache,
               workers: int) -> Iterator[PairResult | None]:
    """``decide`` for each pair of ``chunk`` (vectors attached), in order."""
    state = (chunk, model, config, cache)
    if workers <= 1 or len(chunk) < 2 * _PAIRS_PER_TASK:
        return (_decide(i, state) for i in range(len(chunk)))
    from ..pipeline.workers import forked_map  # the profiles reach the workers by fork

    return forked_map(_decide, range(len(chunk)), workers, state, chunksize=_PAIRS_PER_TASK)


_PAIRS_PER_TASK = 16


def _chunks(pairs: list[tuple[Profile, Profile]],
            capacity: int) -> Iterator[list[tuple[Profile, Profile]]]:
    """Consecutive runs of ``pairs`` whose articles have at most ``capacity`` sentences.

    Each article's sentences are embedded once per run while they fit the embedding cache;
    a batch larger than that is aligned in pieces so memory stays bounded.
    """
    chunk: list[tuple[Profile, Profile]] = []
    seen: set[str] = set()
    size = 0
    for a, b in pairs:
        extra = sum(p.n_sentences for p in {a.id: a, b.id: b}.values() if p.id not in seen)
        if chunk and size + extra > capacity:
            yield chunk
            chunk, seen, size = [], set(), 0
            extra = a.n_sentences + (b.n_sentences if b.id != a.id else 0)
        chunk.append((a, b))
        seen.update((a.id, b.id))
        size += extra
    if chunk:
        yield chunk


def _attach_vectors(pairs: list[tuple[Profile, Profile]], cache: EmbeddingCache) -> None:
    """Embed the sentences of every article in ``pairs`` in one batch; keep them per article."""
    needed = {p.id: p for pair in pairs for p in pair}
    texts = [s.text for p in needed.values() for s in p.sentences]
    vectors = cache.vectors(texts)
    start = 0
    for p in needed.values():
        p.prepared.vectors = vectors[start : start + len(p.sentences)]
        start += len(p.sentences)


def _rank(found: Derivation, profiles: dict[str, Profile]) -> tuple:
    # An article is attached to the earliest article it derives from (the wire story, not a
    # sibling reprint of it); score breaks ties.
    source_time = _time_key(profiles[found.source_id].article)
    exact = 0 if found.relation == "copy" else 1
    return (exact, source_time, RELATION_RANK[found.relation], -found.score, found.article_id)


def _forest(proposals: list[tuple[tuple, Derivation]]) -> list[Derivation]:
    sets = UnionFind()
    kept = []
    for _, found in sorted(proposals, key=lambda item: item[0]):
        if sets.union(found.article_id, found.source_id):
            kept.append(found)
    return kept
