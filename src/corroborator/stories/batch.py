"""Batch clustering: the streaming clusterer fed in publication order.

Batch and streaming share one algorithm so that they cannot disagree: sorting by
(publication time, id) makes the result independent of the order the articles were given
in, and articles without a date come after the dated ones, ordered by id.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from ..records import Article, Story
from ..records.article import publication_key
from .clusterer import StoryClusterer
from .features import FeatureExtractor

if TYPE_CHECKING:
    from ..settings import Settings


def publication_order(articles: Sequence[Article]) -> list[Article]:
    """Articles by publication time (naive times read as UTC), then id; undated ones last."""
    return sorted(articles, key=publication_key)


def cluster_articles(
    articles: Sequence[Article],
    settings: Settings,
    progress: Callable[[int, int], None] | None = None,
    *,
    extractor: FeatureExtractor | None = None,
    anchors: Mapping[str, Iterable[str]] | None = None,
) -> list[Story]:
    """Group ``articles`` into stories (deterministic; the number of stories is not given).

    ``progress(done, total)`` is called once per article clustered. ``anchors`` (article id →
    keys from :func:`.anchors.claim_anchors`) lets dated stories quoting the same figure link.
    """
    clusterer = StoryClusterer(settings, extractor=extractor)
    clusterer.add_many(publication_order(articles), progress=progress, anchors=anchors)
    clusterer.merge_step()
    return clusterer.stories()
