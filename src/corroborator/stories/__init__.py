"""Story clustering: group articles that report the same real-world event.

Entry points: :func:`cluster_articles` (batch) and :class:`StoryClusterer` (streaming,
with :meth:`~StoryClusterer.state` / :meth:`~StoryClusterer.from_state` to continue later).
"""

from .batch import cluster_articles, publication_order
from .clusterer import StoryClusterer, story_id_for
from .config import StorySettings
from .features import ArticleFeatures, FeatureExtractor

__all__ = [
    "ArticleFeatures",
    "FeatureExtractor",
    "StoryClusterer",
    "StorySettings",
    "cluster_articles",
    "publication_order",
    "story_id_for",
]
