"""Save and restore a :class:`StoryClusterer` as plain JSON-ready data.

The CLI stores the state after clustering and restores it when new articles are ingested,
so clustering continues where it stopped instead of starting over. Restoring and then
adding articles gives exactly the stories an uninterrupted run would have given.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import ConfigError
from .online import FIELDS, VECTOR_FIELDS, Member, Part, StoryState, Vectors

if TYPE_CHECKING:
    from .clusterer import StoryClusterer

STATE_VERSION = 1


def _keys_out(name: str, table: dict[Any, Any]) -> dict[str, Any]:
    return {str(k): v for k, v in table.items()}


def _keys_in(name: str, table: dict[str, Any]) -> dict[Any, Any]:
    # Hashed term ids are ints in memory; JSON object keys are always strings.
    if name == "terms":
        return {int(k): v for k, v in table.items()}
    return dict(table)


def _story_out(story: StoryState) -> dict[str, Any]:
    return {
        "id": story.id,
        "seq": story.seq,
        "article_ids": list(story.article_ids),
        "emb_sum": None if story.emb_sum is None else story.emb_sum.tolist(),
        "centroids": {n: _keys_out(n, story.centroids[n]) for n in FIELDS},
        "sq_norms": dict(story.sq_norms),
        "first_time": story.first_time,
        "last_time": story.last_time,
        "last_seq": story.last_seq,
        "outlets": dict(story.outlets),
        "members": [
            [m.article_id, m.title, m.lead, m.embedding.astype(np.float32).tolist()]
            for m in story.members
        ],
        "closed": story.closed,
        "frozen_title": None if story.frozen_title is None else list(story.frozen_title),
        "field_counts": dict(story.field_counts),
        "anchors": dict(story.anchors),
        "parts": None if story.parts is None else [_part_out(p) for p in story.parts],
        "split_checked": story.split_checked,
        "foreign_members": story.foreign_members,
    }


def _part_out(part: Part) -> list[Any]:
    item = part.item
    return [part.article_id, part.seq, part.outlet, list(part.anchors), part.title, part.lead,
            item.embedding.astype(np.float32).tolist(),
            {n: _keys_out(n, item.fields.get(n, {})) for n in VECTOR_FIELDS}, item.first_time,
            item.last_time]


def _part_in(data: list[Any]) -> Part:
    article_id, seq, outlet, anchors, title, lead, emb, fields, first, last = data
    # A state written before the body fields existed has none: the pair model reads them as
    # missing for those members.
    item = Vectors(np.asarray(emb, dtype=np.float32),
                   {n: _keys_in(n, fields.get(n, {})) for n in VECTOR_FIELDS}, first, last)
    return Part(article_id, int(seq), item, outlet, tuple(anchors), title, lead)


def _story_in(data: dict[str, Any]) -> StoryState:
    emb = data["emb_sum"]
    frozen = data["frozen_title"]
    return StoryState(
        id=data["id"],
        seq=int(data["seq"]),
        article_ids=list(data["article_ids"]),
        emb_sum=None if emb is None else np.asarray(emb, dtype=np.float64),
        centroids={n: _keys_in(n, data["centroids"][n]) for n in FIELDS},
        sq_norms={n: float(data["sq_norms"][n]) for n in FIELDS},
        first_time=data["first_time"],
        last_time=data["last_time"],
        last_seq=int(data["last_seq"]),
        outlets=dict(data["outlets"]),
        members=[
            Member(a, t, lead, np.asarray(e, dtype=np.float16))
            for a, t, lead, e in data["members"]
        ],
        closed=bool(data["closed"]),
        frozen_title=None if frozen is None else (frozen[0], frozen[1]),
        field_counts={n: int(data.get("field_counts", {}).get(n, 0)) for n in FIELDS},
        anchors=_anchors_in(data.get("anchors", ())),
        # A state from before the split check kept no members: such a story is not split.
        parts=None if data.get("parts") is None else [_part_in(p) for p in data["parts"]],
        split_checked=int(data.get("split_checked", 0)),
        foreign_members=int(data.get("foreign_members", 0)),
    )


def _anchors_in(data: Any) -> dict[str, int]:
    # States written before anchors were counted hold a plain list: one article each.
    if isinstance(data, dict):
        return {str(k): int(v) for k, v in data.items()}
    return dict.fromkeys((str(k) for k in data), 1)


def dump_state(clusterer: StoryClusterer) -> dict[str, Any]:
    """Everything the clusterer knows, as JSON-serialisable data."""
    df = clusterer.df
    return {
        "version": STATE_VERSION,
        "seq": clusterer._seq,
        "max_time": clusterer._max_time,
        "n_docs": df.n_docs,
        "df": {n: _keys_out(n, df.df[n]) for n in VECTOR_FIELDS},
        "stories": [_story_out(s) for s in sorted(clusterer._stories.values(), key=lambda s: s.seq)],
        "article_story": dict(clusterer._article_story),
        "redirect": dict(clusterer._redirect),
        "index": {k: list(v) for k, v in clusterer._index.items()},
        "dirty": list(clusterer._dirty),
        "recent": list(clusterer._recent),
    }


def load_state(clusterer: StoryClusterer, state: dict[str, Any]) -> None:
    """Restore ``state`` (from :func:`dump_state`) into a fresh clusterer."""
    version = state.get("version")
    if version != STATE_VERSION:
        raise ConfigError(
            f"story clusterer state version {version!r} is not supported (expected "
            f"{STATE_VERSION}); re-run clustering from the stored articles."
        )
    clusterer._seq = int(state["seq"])
    clusterer._max_time = state["max_time"]
    clusterer.df.n_docs = int(state["n_docs"])
    clusterer.df.df = {n: _keys_in(n, state["df"].get(n, {})) for n in VECTOR_FIELDS}
    clusterer._stories = {s["id"]: _story_in(s) for s in state["stories"]}
    clusterer._article_story = dict(state["article_story"])
    clusterer._redirect = dict(state["redirect"])
    clusterer._index = {k: dict.fromkeys(v) for k, v in state["index"].items()}
    clusterer._dirty = dict.fromkeys(state["dirty"])
    clusterer._recent = dict.fromkeys(state["recent"])
