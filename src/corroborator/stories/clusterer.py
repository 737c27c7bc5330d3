"""The streaming story clusterer: ``add(article) -> story id``, ``stories()``, ``state()``."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from ..records import Article, Story
from .config import StorySettings
from .consolidate import average_link, connected_groups
from .features import ArticleFeatures, FeatureExtractor
from .online import (
    ANCHOR_PREFIX,
    DocumentFrequencies,
    Part,
    Similarity,
    StoryState,
    Vectors,
    add_to_story,
    article_vectors,
    index_keys,
    merge_into,
    new_story,
    stems,
    story_vectors,
    translated_score,
)
from .split import (
    affinity,
    apart,
    cohesion,
    content_words,
    full_length,
    learned_matrix,
    split_side,
    together,
)
from .titles import describe

if TYPE_CHECKING:
    from ..settings import Settings

STORY_PREFIX = "s-"


def story_id_for(first_article_id: str) -> str:
    """A story is named after its first article, so ids are stable across runs."""
    return STORY_PREFIX + first_article_id


class StoryClusterer:
    """Online clustering of articles into stories; see :mod:`corroborator.stories.online`.

    Feed articles in publication order with :meth:`add` (or :meth:`add_many`, which embeds
    in batches and gives the same result). :meth:`state` / :meth:`from_state` persist
    everything needed to continue later with new articles.
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        config: StorySettings | None = None,
        extractor: FeatureExtractor | None = None,
    ) -> None:
        if config is None:
            if settings is None:
                from ..settings import load_settings

                settings = load_settings()
            config = settings.get(StorySettings)
        self.config = config
        self._settings = settings
        self._extractor = extractor
        self.similarity = Similarity(config)
        self.df = DocumentFrequencies()
        self._stories: dict[str, StoryState] = {}
        self._article_story: dict[str, str] = {}
        self._redirect: dict[str, str] = {}  # merged story id -> the story it went into
        self._index: dict[str, dict[str, None]] = {}  # blocking key -> story ids, oldest first
        self._dirty: dict[str, None] = {}  # stories changed since the last merge step
        # Dated open stories, least recently updated first: closing idle stories looks only
        # at the front of this queue, never at every story.
        self._recent: dict[str, None] = {}
        self._seq = 0
        self._max_time: float | None = None
        # Name stem -> the entity index keys of that stem (derived from _index, never saved):
        # how an article in another language finds its candidate stories.
        self._stem_keys: dict[str, dict[str, None]] | None = None

    # -- adding ---------------------------------------------------------------------------
    @property
    def extractor(self) -> FeatureExtractor:
        if self._extractor is None:
            if self._settings is None:
                from ..settings import load_settings

                self._settings = load_settings()
            self._extractor = FeatureExtractor(self._settings)
        return self._extractor

    def add(self, article: Article) -> str:
        """Cluster one article; returns the id of the story it is in now."""
        return self.add_many([article])[0]

    def add_many(
        self,
        articles: Sequence[Article],
        progress: Callable[[int, int], None] | None = None,
        anchors: Mapping[str, Iterable[str]] | None = None,
    ) -> list[str]:
        """Cluster ``articles`` in the order given (features computed in batches).

        ``anchors``: article id → anchor keys from its claims (:func:`.anchors.claim_anchors`),
        which let the merge step link dated stories that quote the same figure.
        """
        out: list[str] = []
        size = self.config.batch_size
        for start in range(0, len(articles), size):
            batch = [a for a in articles[start : start + size]]
            for features in self.extractor.extract(batch, anchors):
                out.append(self.add_features(features))
                if progress is not None:
                    # Once per article, so counters that ignore the arguments still add up.
                    progress(len(out), len(articles))
        return out

    def add_features(self, features: ArticleFeatures) -> str:
        """Cluster one article given its features (the streaming step proper)."""
        known = self._article_story.get(features.article_id)
        if known is not None:
            return self.resolve(known)  # the same article again is a no-op
        self._seq += 1
        self.df.observe_article(features)
        item = article_vectors(features, self.df)
        keys = index_keys(item, self.config.index_terms, features.anchors)
        best, best_score = self._best_story(item, keys, exclude=None)
        if best is not None and best_score < self.config.threshold:
            # An article in another language that reads as no story in its own words may
            # still be a report of one: its names and figures say which.
            best = (self._translated_match(features.words, item, exclude=None)
                    if features.foreign else None)
        elif best is None and features.foreign:
            best = self._translated_match(features.words, item, exclude=None)
        if best is None:
            best = new_story(story_id_for(features.article_id), self._seq)
            self._stories[best.id] = best
        add_to_story(best, item, features, self._seq, self.config)
        self._article_story[features.article_id] = best.id
        self._post(best.id, keys)
        self._dirty[best.id] = None
        self._touch(best)
        if features.published is not None:
            self._max_time = max(self._max_time or features.published, features.published)
        if self._seq % self.config.merge_every == 0:
            self._merge()
        return best.id

    # -- candidates -----------------------------------------------------------------------
    def _post(self, story_id: str, keys: list[str]) -> None:
        cap = self.config.max_postings
        for key in keys:
            if key not in self._index and self._stem_keys is not None:
                self._add_stem_key(key)
            posting = self._index.setdefault(key, {})
            posting.pop(story_id, None)
            posting[story_id] = None  # most recently updated last
            if len(posting) > cap:
                del posting[next(iter(posting))]

    def _open(self, story_id: str, item: Vectors) -> StoryState | None:
        story = self._stories.get(self.resolve(story_id))
        if story is None or story.closed:
            return None
        window = self.config.window_days * 86400.0
        t = item.first_time
        first, last = story.first_time, story.last_time
        if t is not None and first is not None and last is not None and (
            t - last > window or first - t > window
        ):
            return None
        return story

    def _candidates(self, item: Vectors, keys: list[str], exclude: str | None) -> list[StoryState]:
        hits: dict[str, int] = {}
        for key in keys:
            for story_id in self._index.get(key, ()):
                sid = self.resolve(story_id)
                hits[sid] = hits.get(sid, 0) + 1
        return self._open_ranked(hits, item, exclude)

    def _open_ranked(self, hits: dict[str, int], item: Vectors,
                     exclude: str | None) -> list[StoryState]:
        """The open stories among ``hits`` (story id -> keys shared), most shared first, at
        most ``max_candidates``."""
        hits.pop(exclude, None)  # type: ignore[arg-type]
        out = []
        for sid, _ in sorted(hits.items(), key=lambda kv: (-kv[1], kv[0])):
            story = self._open(sid, item)
            if story is not None:
                out.append(story)
                if len(out) >= self.config.max_candidates:
                    break
        return out

    # -- articles in another language ----------------------------------------------------
    def _add_stem_key(self, key: str) -> None:
        assert self._stem_keys is not None
        if key.startswith("e"):
            for stem in stems({key[1:]: 1.0}, self.config.foreign_stem_chars):
                self._stem_keys.setdefault(stem, {})[key] = None

    def _stems(self) -> dict[str, dict[str, None]]:
        if self._stem_keys is None:
            self._stem_keys = {}
            for key in self._index:
                self._add_stem_key(key)
        return self._stem_keys

    def _name_stems(self, words: Iterable[str], exclude: str | None) -> dict[str, float]:
        """The stems of ``words`` that are stems of names of other stories, IDF-weighted by
        the most frequent name of the stem. Only these can match a story: a word no story
        names (a German noun, capitalised like a name) says nothing about which one."""
        chars = self.config.foreign_stem_chars
        out: dict[str, float] = {}
        for stem in stems(dict.fromkeys(words, 1.0), chars):
            keys = [key for key in self._stems().get(stem, ())
                    if any(self.resolve(sid) != exclude for sid in self._index[key])]
            if keys:
                most = max(self.df.df["entities"].get(key[1:], 0) for key in keys)
                out[stem] = math.log((1 + self.df.n_docs) / (1 + most)) + 1.0
        return out

    def _translated_candidates(self, names: Mapping[str, float], item: Vectors,
                               exclude: str | None) -> list[StoryState]:
        """Open stories indexed under a name of one of the ``names`` stems, most shared
        stems first (at most ``max_candidates``)."""
        hits: dict[str, int] = {}
        for stem in sorted(names):
            found = {self.resolve(sid) for key in self._stems().get(stem, ())
                     for sid in self._index[key]}
            for sid in found:
                hits[sid] = hits.get(sid, 0) + 1
        return self._open_ranked(hits, item, exclude)

    def translated_best(self, words: Iterable[str], item: Vectors,
                        exclude: str | None) -> tuple[StoryState | None, float]:
        """The story closest to an article in another language on the translated score
        (:func:`.online.translated_score`), and that score; ``words`` are the article's."""
        names = self._name_stems(words, exclude)
        best: StoryState | None = None
        best_score = -np.inf
        for story in self._translated_candidates(names, item, exclude):
            score = translated_score(self.similarity, names, item, story)
            if score > best_score + 1e-12 or (
                abs(score - best_score) <= 1e-12 and best is not None and story.id < best.id
            ):
                best, best_score = story, score
        return best, best_score

    def _translated_match(self, words: Iterable[str], item: Vectors,
                          exclude: str | None) -> StoryState | None:
        """The story an article in another language joins (``foreign_threshold``), or None."""
        best, score = self.translated_best(words, item, exclude)
        return best if best is not None and score >= self.config.foreign_threshold else None

    def _place_foreign(self, stories: Iterable[StoryState]) -> int:
        """Let stories made only of articles in another language join the story their
        names and figures match: such an article that came before its story's English
        reports started a story of its own, which these reports cannot find by their words.
        The story's names stand in for its articles' words here.
        """
        merges = 0
        for story in sorted(stories, key=lambda s: s.seq):
            if story.id not in self._stories or story.closed or not story.all_foreign:
                continue
            item = story_vectors(story)
            words = [word for name in story.centroids["entities"] for word in str(name).split()]
            other = self._translated_match(words, item, exclude=story.id)
            if other is not None:
                self._join(story, other, index_keys(item, self.config.index_terms,
                                                    story.anchors))
                merges += 1
        return merges

    def _best_story(
        self, item: Vectors, keys: list[str], exclude: str | None
    ) -> tuple[StoryState | None, float]:
        best: StoryState | None = None
        best_score = -np.inf
        for story, score in self._scored(item, keys, exclude):
            if score > best_score + 1e-12 or (
                abs(score - best_score) <= 1e-12 and best is not None and story.id < best.id
            ):
                best, best_score = story, score
        return best, best_score

    def _scored(
        self, item: Vectors, keys: list[str], exclude: str | None
    ) -> list[tuple[StoryState, float]]:
        """The ``rerank`` candidates closest by embedding, with their full similarity."""
        candidates = self._candidates(item, keys, exclude)
        if not candidates:
            return []
        matrix = np.stack([c.unit_embedding() for c in candidates]).astype(np.float32)
        cosines = matrix @ item.embedding.astype(np.float32)
        # Full similarity only for the closest few by embedding: the dict cosines cost more.
        order = sorted(range(len(candidates)), key=lambda i: (-float(cosines[i]), candidates[i].id))
        return [(candidates[i], self.similarity.score(item, candidates[i], float(cosines[i])))
                for i in order[: self.config.rerank]]

    # -- merging and closing --------------------------------------------------------------
    def merge_step(self) -> int:
        """Settle the stories: the periodic merge step, regroup the fragments, move single
        misplaced members (``reassign_min_articles``), check again every story that grew
        since its last split check, then join the stories the learned model calls one event,
        group by group (``consolidate_probability``).

        Returns the number of merges. The periodic step runs by itself every
        ``merge_every`` articles; call this at the end of a run (batch mode does) to settle
        the last articles and give every small story a second chance to join the story it
        belongs to (``stories()`` does not).
        """
        merges = self._merge() + self._regroup()
        self._reassign()
        merges += self._place_foreign(list(self._stories.values()))
        # Between periodic steps a story is checked again only once it has grown by a
        # quarter (the check costs n^2), and the merge (which checks before it joins) and
        # the regroup above grow stories after that check: a story that took in a second
        # event since its last check would otherwise end the run whole. A story that has
        # not grown is not checked again, so repeated runs cost nothing more.
        for story in sorted(self._stories.values(), key=lambda s: s.seq):
            self._split(story, settle=True)
        # After the settling check: the pieces it and the merge step's veto leave apart are
        # what the consolidation reads again, as groups.
        return merges + self._consolidate()

    def _merge(self) -> int:
        """Join stories that converged and close stories outside the time window."""
        merges = 0
        dirty = sorted(
            (self._stories[s] for s in self._dirty if s in self._stories), key=lambda s: s.seq
        )
        self._dirty = {}
        # Split mixed stories first, so that the merge below sees the halves (and does not
        # join them again: see split.apart).
        split_off = [piece.id for story in dirty if (piece := self._split(story)) is not None]
        if split_off:
            ids = dict.fromkeys([*(s.id for s in dirty), *split_off])
            dirty = sorted((self._stories[i] for i in ids if i in self._stories),
                           key=lambda s: s.seq)
        # Stories made by an anchor link in this step -> the anchors they may be linked by
        # again (the linked-to story's own, not those the link brought in).
        linked: dict[str, frozenset[str]] = {}
        for story in dirty:
            if story.id not in self._stories or story.closed:
                continue
            item = story_vectors(story)
            keys = index_keys(item, self.config.index_terms, story.anchors)
            other, score = self._best_story(item, keys, exclude=story.id)
            own: frozenset[str] | None = None
            if other is not None and score >= self.config.merge_threshold and (
                    story.parts and other.parts
                    and apart(story.parts, other.parts, self.similarity)):
                other = None  # the two would be split again at once
            elif (other is not None and self.config.threshold <= score
                  and story.parts and other.parts
                  and together(story.parts, other.parts, self.similarity)):
                score = self.config.merge_threshold  # the learned score vouches for the merge
            if other is None or score < self.config.merge_threshold:
                other = self._anchor_link(story, item, linked)
                if other is None:
                    continue
                own = linked.get(other.id, frozenset(other.anchors))
            keep = self._join(story, other, keys)
            if own is not None:
                linked[keep.id] = own
            merges += 1
        merges += self._place_foreign(dirty)
        self._close_idle()
        return merges

    def _regroup(self) -> int:
        """Let each small undated story join the larger story the learned model calls the
        same event, among its candidates that clear the join ``threshold`` now.

        An article that arrives before the story it belongs to has formed, or while that
        story is too young to look like it, starts a story of its own and stays a fragment:
        the merge step wants ``merge_threshold`` and looks only at stories that changed.
        Stories of at most ``regroup_max_articles`` articles therefore take the join
        decision again against the stories as they stand at the end of a run (oldest first,
        so the result is deterministic); see :meth:`_regroup_target`. Only at the end of a
        run: done at every periodic step, a fragment joins the larger story of a
        neighbouring event before its own has formed. Only undated stories keep the members
        the learned model needs; a small dated story takes the join decision again only with
        ``regroup_dated`` (on by default), on similarity alone
        (:meth:`_dated_regroup_target`). See docs/stories.md.
        """
        cfg = self.config
        merges = 0
        for story in sorted(self._stories.values(), key=lambda s: s.seq):
            if (story.id not in self._stories or story.closed
                    or len(story.article_ids) > cfg.regroup_max_articles):
                continue
            dated = story.first_time is not None and cfg.regroup_dated
            if not story.parts and not dated:
                continue
            item = story_vectors(story)
            keys = index_keys(item, cfg.index_terms, story.anchors)
            other = (self._dated_regroup_target(story, item, keys) if dated
                     else self._regroup_target(story, item, keys))
            if other is not None:
                self._join(story, other, keys)
                merges += 1
        return merges

    def _dated_regroup_target(self, story: StoryState, item: Vectors,
                              keys: list[str]) -> StoryState | None:
        """The dated story a small dated story joins at the end of a run (``regroup_dated``):
        the most similar one scoring at least ``threshold`` with ``regroup_ratio`` times its
        articles, the decision an article arriving now would get. An issuer's statement
        published before the reports of its event scores under the bar against the first of
        them (another side's account) and over it against the story they form."""
        cfg = self.config
        best: StoryState | None = None
        best_score = cfg.threshold
        for other, score in sorted(self._scored(item, keys, story.id), key=lambda kv: kv[0].id):
            if (other.first_time is None or score < best_score
                    or len(other.article_ids) < cfg.regroup_ratio * len(story.article_ids)):
                continue
            if best is None or score > best_score:
                best, best_score = other, score
        return best

    def _regroup_target(self, story: StoryState, item: Vectors,
                        keys: list[str]) -> StoryState | None:
        """The story a fragment joins at the end of a run, or None.

        A candidate qualifies when it scores at least ``threshold`` (the join bar), has at
        least ``regroup_ratio`` times the fragment's articles, is made of full articles
        (:func:`.split.full_length` at ``regroup_min_words``), the learned model's mean
        same-event probability reaches ``regroup_probability`` both across the two and
        among its own members, and the split check would not part them again. Of those, the
        one the learned model gives the highest probability wins, not the one with the
        highest centroid similarity: the centroid of a neighbouring event of the same kind
        can sit closer to a fragment's headline and lead, while the bodies' names and
        particulars say which event it reports.
        """
        cfg = self.config
        bar = cfg.regroup_probability
        if bar <= 0 or cfg.split_model != "learned" or story.parts is None:
            return None
        best: StoryState | None = None
        best_cross = -1.0
        # Ascending ids, and a strictly higher probability to replace: ties go to the older id.
        for other, score in sorted(self._scored(item, keys, story.id), key=lambda kv: kv[0].id):
            if (not other.parts or len(other.parts) < 2 or score < cfg.threshold
                    or len(other.article_ids) < cfg.regroup_ratio * len(story.article_ids)
                    or not full_length(other.parts, cfg.regroup_min_words)):
                continue
            cross, within = affinity(story.parts, other.parts)
            if (cross > best_cross and cross >= bar and within >= bar
                    and not apart(story.parts, other.parts, self.similarity)):
                best, best_cross = other, cross
        return best

    def _consolidate(self) -> int:
        """Join undated stories the learned model calls one event, group by group (average
        linkage at ``consolidate_probability``; :mod:`.consolidate`); returns the merges.

        A group is a connected set of undated stories, each scoring at least
        ``consolidate_threshold`` against another of them (their candidates, so the cost
        per story is bounded as for the regroup), of at most ``split_max_articles`` members
        in all (the pair matrix costs n^2). Two stories (or groups joined) may join only
        when one of them is of full articles (``regroup_min_words`` at the median): a story
        of short reports may join full ones, never another short one, since snippets
        against snippets the model cannot tell apart. Joined stories count as split-checked
        at their new size: the settling check of the next run does not part again what
        this step joined.
        """
        cfg = self.config
        if cfg.consolidate_probability <= 0 or cfg.split_model != "learned":
            return 0
        eligible = {story.id: story
                    for story in sorted(self._stories.values(), key=lambda s: s.seq)
                    if not story.closed and story.parts}
        edges: dict[str, list[str]] = {}
        keys: dict[str, list[str]] = {}
        for sid, story in eligible.items():
            item = story_vectors(story)
            keys[sid] = index_keys(item, cfg.index_terms, story.anchors)
            edges[sid] = [other.id for other, score in self._scored(item, keys[sid], sid)
                          if other.id in eligible and score >= cfg.consolidate_threshold]
        merges = 0
        for group in connected_groups(list(eligible), edges):
            stories = [eligible[sid] for sid in group]
            parts = [part for story in stories for part in story.parts or ()]
            if len(parts) > cfg.split_max_articles or not any(
                    full_length(story.parts or (), cfg.regroup_min_words) for story in stories):
                continue  # too big to read, or only short stories: none may take another in
            matrix = learned_matrix([part.item for part in parts])
            sizes = [len(story.parts or ()) for story in stories]
            words = [content_words(part) for part in parts]
            for joined in average_link(matrix, sizes, cfg.consolidate_probability,
                                       words, cfg.regroup_min_words):
                keep = stories[joined[0]]
                for index in joined[1:]:
                    keep = self._join(stories[index], keep, keys[stories[index].id])
                    merges += 1
                keep.split_checked = len(keep.parts or ())
        return merges

    def _reassign(self) -> int:
        """Move single members that the learned model places in another story; returns the
        number of moves.

        An article that joined a story of a neighbouring event of the same kind (its headline
        and lead closer to that story's centroid when it arrived) stays there: the merge step
        joins or splits whole stories, and the split check wants stories of
        ``split_min_articles`` and halves of ``split_min_side``. At the end of a run each
        member of an undated story of at least ``reassign_min_articles`` articles is read
        against the story's other members and against its candidates
        (:meth:`_reassign_target`); a member whose own story's members are the less likely
        by ``reassign_margin`` moves. A story's first article, which names it, stays. Stories
        of headline + lead snippets take no members (the regroup's word bar), and dated
        stories keep no members to read, so only undated full articles move.
        """
        cfg = self.config
        if cfg.reassign_min_articles <= 0 or cfg.split_model != "learned":
            return 0
        moves = 0
        for story in sorted(self._stories.values(), key=lambda s: s.seq):
            while (story.id in self._stories and not story.closed and story.parts
                   and len(story.parts) >= max(2, cfg.reassign_min_articles)):
                found = self._misplaced_member(story)
                if found is None:
                    break
                part, target = found
                story = self._move(story, part, target)
                moves += 1
        return moves

    def _misplaced_member(self, story: StoryState) -> tuple[Part, StoryState] | None:
        """The member of ``story`` that most clearly belongs to another story, with that story."""
        assert story.parts is not None
        own = cohesion(story.parts)
        best: tuple[Part, StoryState] | None = None
        best_gain = 0.0
        margin = self.config.reassign_margin
        for part, belonging in zip(story.parts, own, strict=True):
            if story_id_for(part.article_id) == story.id:
                continue  # the article the story is named after stays in it
            if belonging > 1.0 - margin:
                continue  # no story can beat its own by the margin: spare the candidates
            target, cross = self._reassign_target(part, story.id)
            gain = cross - float(belonging)
            if target is not None and gain >= margin and gain > best_gain:
                best, best_gain = (part, target), gain
        return best

    def _reassign_target(self, part: Part, story_id: str) -> tuple[StoryState | None, float]:
        """The other story a member reads as most surely the same event (the regroup's guards:
        a join score of at least ``threshold``, full articles, and the mean probability across
        and within at least ``reassign_probability``), and that probability."""
        cfg = self.config
        keys = index_keys(part.item, cfg.index_terms, part.anchors)
        best: StoryState | None = None
        best_cross = -1.0
        # Ascending ids, and a strictly higher probability to replace: ties go to the older id.
        for other, score in sorted(self._scored(part.item, keys, story_id),
                                   key=lambda kv: kv[0].id):
            if (not other.parts or len(other.parts) < 2 or score < cfg.threshold
                    or not full_length(other.parts, cfg.regroup_min_words)):
                continue
            cross, within = affinity([part], other.parts)
            if cross > best_cross and min(cross, within) >= cfg.reassign_probability:
                best, best_cross = other, cross
        return best, best_cross

    def _move(self, story: StoryState, part: Part, target: StoryState) -> StoryState:
        """Move one member from ``story`` to ``target``; returns ``story`` rebuilt without it
        (centroids are sums, so the story is summed again from its remaining members)."""
        assert story.parts is not None
        rest = [p for p in story.parts if p.article_id != part.article_id]
        rebuilt = new_story(story.id, story.seq)
        for member in rest:
            self._add_part(rebuilt, member)
        rebuilt.split_checked = story.split_checked
        self._stories[story.id] = rebuilt
        self._add_part(target, part)
        for piece in (rebuilt, target):
            self._post(piece.id, index_keys(story_vectors(piece), self.config.index_terms,
                                            piece.anchors))
            self._touch(piece)
        return rebuilt

    def _add_part(self, story: StoryState, part: Part) -> None:
        """Add a kept member (a :class:`Part`) to ``story``, as when it first arrived."""
        features = ArticleFeatures(
            article_id=part.article_id, published=part.item.first_time,
            embedding=part.item.embedding, terms={}, entities=(), numbers=(),
            title=part.title, lead=part.lead, outlet=part.outlet, anchors=part.anchors)
        add_to_story(story, part.item, features, part.seq, self.config)
        self._article_story[part.article_id] = story.id

    def _join(self, story: StoryState, other: StoryState, keys: list[str]) -> StoryState:
        """Merge two stories into the older one (indexed under ``keys`` too); returns it."""
        keep, gone = (story, other) if story.seq < other.seq else (other, story)
        merge_into(keep, gone, self.config)
        for article_id in gone.article_ids:
            self._article_story[article_id] = keep.id
        self._redirect[gone.id] = keep.id
        del self._stories[gone.id]
        self._recent.pop(gone.id, None)
        self._dirty.pop(gone.id, None)
        self._touch(keep)
        self._post(keep.id, keys)
        return keep

    def _split(self, story: StoryState, settle: bool = False) -> StoryState | None:
        """Split ``story`` in two when its members fall into two far-apart halves (see
        :mod:`.split`); returns the new story, or None when the story stays whole.
        ``settle`` checks any story that grew since its last check (end of a run).

        The half holding the story's first article keeps the story's id; the other half
        becomes a story named after its own first article.
        """
        if story.closed or not story.parts:
            return None
        parts = story.parts
        # The check costs O(members^2): it runs again only once the story has grown by a
        # quarter, so a story is checked O(log size) times in all.
        grown = story.split_checked + 1 if settle else story.split_checked * 5 // 4 + 1
        if len(parts) < max(self.config.split_min_articles, grown):
            return None
        story.split_checked = len(parts)
        moved = split_side(parts, self.similarity)
        if moved is None:
            return None
        kept = new_story(story.id, story.seq)
        first_moved = next(p for p, out in zip(parts, moved, strict=True) if out)
        other = new_story(story_id_for(first_moved.article_id), first_moved.seq)
        # An earlier story started by the same article was merged into this one: its id
        # must name the new story again, not redirect into the old one.
        self._redirect.pop(other.id, None)
        for part, out in zip(parts, moved, strict=True):
            self._add_part(other if out else kept, part)
        kept.split_checked = len(kept.parts or ())
        other.split_checked = len(other.parts or ())
        self._stories[kept.id] = kept
        self._stories[other.id] = other
        for piece in (kept, other):
            self._post(piece.id, index_keys(story_vectors(piece), self.config.index_terms,
                                            piece.anchors))
            self._touch(piece)
        return other

    def _anchor_link(
        self, story: StoryState, item: Vectors, linked: Mapping[str, frozenset[str]]
    ) -> StoryState | None:
        """The most similar open story sharing a key anchor with ``story``, if similar enough.

        Only dated stories are linked, and only inside the time window: a figure attributed
        to the same speaker within days is strong evidence of one story, across years it is
        not (undated corpora never link). A shared anchor counts only when at least
        ``anchor_min_articles`` articles of the two stories quote it: a story's key figure
        is repeated by its reports, while a figure that two unrelated reports happen to
        share (a speaker of the beat, a round number) is not. Links do not chain within a
        step: a story that linked does not link onward, and a story that was linked to is
        reached only through its own anchors, not those it just took in. So one chance
        collision cannot sweep a whole beat into one story, while several reports quoting
        the key figure of one story all join it.
        """
        cfg = self.config
        if (not cfg.link_anchors or not story.anchors or story.first_time is None
                or story.id in linked):
            return None
        shared: dict[str, None] = {}
        for key, count in story.anchors.items():
            for story_id in self._index.get(ANCHOR_PREFIX + key, ()):
                sid = self.resolve(story_id)
                other = self._stories.get(sid)
                if (other is not None and sid != story.id
                        and (sid not in linked or key in linked[sid])
                        and count + other.anchors.get(key, 0) >= cfg.anchor_min_articles):
                    shared[sid] = None
        best: StoryState | None = None
        best_score = cfg.link_threshold
        for sid in sorted(shared):
            other = self._open(sid, item)
            if other is None or other.first_time is None or other.emb_sum is None:
                continue
            cosine = float(other.unit_embedding() @ item.embedding.astype(np.float64))
            score = self.similarity.score(item, other, cosine)
            if score >= best_score and (best is None or score > best_score):
                best, best_score = other, score
        return best

    def _touch(self, story: StoryState) -> None:
        if story.last_time is not None:
            self._recent.pop(story.id, None)
            self._recent[story.id] = None

    def _close_idle(self) -> None:
        if self._max_time is None:
            return
        horizon = self._max_time - self.config.window_days * 86400.0
        while self._recent:
            story = self._stories[next(iter(self._recent))]
            if story.last_time is None or story.last_time >= horizon:
                break  # the rest were updated later (publication order) and stay open
            del self._recent[story.id]
            if not story.closed:
                story.frozen_title = describe_title(story)
                story.closed = True
                story.emb_sum = None
                story.centroids = {name: {} for name in story.centroids}
                story.sq_norms = {name: 0.0 for name in story.sq_norms}
                story.members = []
                story.parts = None

    # -- reading --------------------------------------------------------------------------
    def resolve(self, story_id: str) -> str:
        """The current id of a story that may have been merged into another."""
        while story_id in self._redirect:
            story_id = self._redirect[story_id]
        return story_id

    def story_of(self, article_id: str) -> str | None:
        known = self._article_story.get(article_id)
        return None if known is None else self.resolve(known)

    def assignments(self) -> dict[str, str]:
        """Article id → current story id."""
        return {a: self.resolve(s) for a, s in self._article_story.items()}

    def stories(self) -> list[Story]:
        """Stories in order of their first article, with title, summary, outlets and dates."""
        ordered = sorted(self._stories.values(), key=lambda s: s.seq)
        return [describe(s) for s in ordered]

    def __len__(self) -> int:
        return len(self._stories)

    # -- persistence ----------------------------------------------------------------------
    def state(self) -> dict[str, Any]:
        from .persist import dump_state

        return dump_state(self)

    @classmethod
    def from_state(
        cls,
        state: dict[str, Any],
        settings: Settings | None = None,
        *,
        config: StorySettings | None = None,
        extractor: FeatureExtractor | None = None,
    ) -> StoryClusterer:
        from .persist import load_state

        clusterer = cls(settings, config=config, extractor=extractor)
        load_state(clusterer, state)
        return clusterer


def describe_title(story: StoryState) -> tuple[str, str]:
    from .titles import central_title

    return central_title(story)
