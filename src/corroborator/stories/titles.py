"""What a reader sees of a story: a title, a summary line, its outlets and its dates.

The title is the headline of the most central article (the one whose embedding is closest
to the story's centroid) rather than of the first one: the first report of an event is often
a short breaking-news line, while the central one names what most reports agree on.
"""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np

from ..records import Story
from .features import first_sentence
from .online import StoryState

SUMMARY_CHARS = 240


def central_member_index(story: StoryState) -> int | None:
    """Index in ``story.members`` of the most central article (ties: smallest article id)."""
    if not story.members:
        return None
    if story.emb_sum is None:
        return 0
    centre = story.unit_embedding().astype(np.float32)
    matrix = np.stack([m.embedding.astype(np.float32) for m in story.members])
    scores = matrix @ centre
    # Round so that a float16 wobble cannot reorder near-equal articles between runs.
    ranked = sorted(
        range(len(story.members)),
        key=lambda i: (-round(float(scores[i]), 4), story.members[i].article_id),
    )
    return ranked[0]


def central_title(story: StoryState) -> tuple[str, str]:
    """(title, summary line) from the story's most central article."""
    if story.frozen_title is not None:
        return story.frozen_title
    index = central_member_index(story)
    if index is None:
        return "", ""
    member = story.members[index]
    summary = first_sentence(member.lead, SUMMARY_CHARS) if member.lead else ""
    return member.title, summary


def _when(timestamp: float | None) -> datetime | None:
    return None if timestamp is None else datetime.fromtimestamp(timestamp, tz=UTC)


def summary_line(story: StoryState, lead: str) -> str:
    """"N articles, M outlets, dates: first sentence of the central lead"."""
    return summary_text(len(story.article_ids), len(story.outlets), _when(story.first_time),
                        _when(story.last_time), lead)


def summary_text(articles: int, outlets: int, first: datetime | None, last: datetime | None,
                 lead: str) -> str:
    """The summary line of a story of ``articles`` articles from ``outlets`` outlets."""
    parts = [f"{articles} article{'s' if articles != 1 else ''}"]
    if outlets:
        parts.append(f"{outlets} outlet{'s' if outlets != 1 else ''}")
    if first is not None and last is not None:
        span = first.date().isoformat()
        if last.date() != first.date():
            span += f" to {last.date().isoformat()}"
        parts.append(span)
    head = ", ".join(parts)
    return f"{head}: {lead}" if lead else head


def describe(story: StoryState) -> Story:
    """The :class:`Story` record of a clusterer's story state."""
    title, lead = central_title(story)
    outlets = tuple(sorted(story.outlets, key=lambda o: (-story.outlets[o], o)))
    return Story(
        id=story.id,
        title=title or None,
        article_ids=tuple(story.article_ids),
        summary=summary_line(story, lead),
        outlets=outlets,
        first_published=_when(story.first_time),
        last_published=_when(story.last_time),
    )
