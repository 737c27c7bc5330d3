"""Cross-source comparison inside a story: propositions, conflicts, corroboration, timeline.

Entry point::

    compare_story(story, articles, claims, derivations, settings) -> StoryComparison

Submodules are small and model-free except where noted: ``speakers`` (story-level speaker
identity), ``intervals`` (figure compatibility), ``candidates`` (embedding-proposed pairs),
``conflicts`` (the four conflict kinds), ``propositions`` (grouping and independence),
``timeline`` (first appearances and changes).
"""

from .settings import CompareSettings
from .speakers import Speaker, StorySpeakers
from .story import StoryComparison, compare_story
from .timeline import build_timeline

__all__ = [
    "CompareSettings",
    "Speaker",
    "StoryComparison",
    "StorySpeakers",
    "build_timeline",
    "compare_story",
]
