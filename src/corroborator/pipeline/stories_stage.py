"""Stories stage: new articles join the stories of earlier runs (online clustering).

The clusterer's state (centroids, document frequencies, blocking index) is kept in the store,
so each run only clusters the articles it has not seen. The state is thrown away and the
whole store re-clustered when it cannot be continued faithfully: the stories or embedding
settings changed, or an article the state knows was replaced by a new version. An editor's
corrections (:mod:`.story_edits`) are applied to the stories on every run.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

import numpy as np

from ..errors import ConfigError
from ..records import Article, Story
from ..settings import EmbeddingSettings, Settings
from ..store import Store
from .story_edits import apply_edits, load_edits

STATE_KEY = "stories.clusterer"


def _fingerprint(settings: Settings) -> str:
    # The vectors' space (model, and float32 or bfloat16 as [embeddings] precision resolves
    # on this CPU) is part of the state: a state of other vectors is rebuilt.
    relevant = {"stories": dict(settings.raw("stories")),
                "embeddings": settings.get(EmbeddingSettings).vector_space()}
    return json.dumps(relevant, sort_keys=True)


def update_stories(
    store: Store, settings: Settings, progress: Callable[..., None] | None = None,
    articles: Sequence[Article] | None = None,
    embed_fn: Callable[[Sequence[str]], np.ndarray] | None = None,
) -> list[Story]:
    """Cluster the stored articles not clustered yet; store stories and clusterer state.

    ``articles`` (every stored article) saves reading the store again when the caller
    already holds them. ``embed_fn`` (texts -> unit vectors) replaces the clusterer's own
    embedding, e.g. with one spread over worker processes.
    """
    from ..stories import StoryClusterer, publication_order
    from ..stories.anchors import claim_anchors
    from ..stories.features import FeatureExtractor

    if articles is None:
        articles = store.articles()
    current = {a.id for a in articles}
    fingerprint = _fingerprint(settings)
    saved = store.get_state(STATE_KEY)
    clusterer = None
    extractor = FeatureExtractor(settings, embed_fn=embed_fn) if embed_fn else None
    if saved and saved.get("settings") == fingerprint:
        try:
            clusterer = StoryClusterer.from_state(saved["state"], settings, extractor=extractor)
        except (ConfigError, KeyError, TypeError, ValueError):
            clusterer = None  # an older or damaged state: rebuild rather than guess
    if clusterer is not None and not set(clusterer.assignments()) <= current:
        clusterer = None
    if clusterer is None:
        clusterer = StoryClusterer(settings, extractor=extractor)
        new = articles
    else:
        known = set(clusterer.assignments())
        new = [a for a in articles if a.id not in known]
    # Claims come from the analyse stage, which runs first: figures attributed to the same
    # speaker link dated stories that the text similarity alone keeps apart.
    min_value = clusterer.config.anchor_min_value
    anchors = claim_anchors(store.claims([a.id for a in new]), min_value) if new else {}
    clusterer.add_many(publication_order(new), progress=progress, anchors=anchors)
    clusterer.merge_step()
    # An editor's joins and detachments are laid over the clusterer's stories, never fed
    # into its state: the state stays what the articles alone give.
    stories = apply_edits(clusterer.stories(), load_edits(store), {a.id: a for a in articles})
    with store.atomic():
        store.put_state(STATE_KEY, {"settings": fingerprint, "state": clusterer.state()})
        store.replace_stories(stories)
    return stories
