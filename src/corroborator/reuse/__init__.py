"""Text reuse and derivation: copies, near-copies, partial copies, rewrites, lineages.

Public entry points::

    find_derivations(articles, settings, candidates=None, progress=None, store=None)
        -> list[Derivation]      # store: sentence vectors kept between runs
    story_candidates(groups, articles, settings) -> set[tuple[str, str]]  # bounded per story
    lineages(article_ids, derivations) -> dict[str, str]          # article -> lineage root
    independent_sources(article_ids, derivations, articles=None) -> int  # lineages (per outlet)
    independent_origins(articles, roots) -> dict[str, str]        # article -> its source
    normalized_hash(text) -> str                                   # exact-copy key
"""

from .lineage import independent_origins, independent_sources, lineages
from .normalize import content_sentences, normalized_hash, split_sentences
from .pipeline import find_derivations, story_candidates
from .settings import ReuseSettings

__all__ = [
    "ReuseSettings",
    "content_sentences",
    "find_derivations",
    "independent_origins",
    "independent_sources",
    "lineages",
    "normalized_hash",
    "split_sentences",
    "story_candidates",
]
