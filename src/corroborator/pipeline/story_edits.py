"""An editor's corrections to the stories: join stories the clusterer kept apart, take an
article out of a story it does not belong to.

The clusterer stays a function of the articles alone (streaming gives what batch gives, a
re-run gives the same stories); the editor's decisions are a log kept in the store and laid
over its output on every run, in the order they were made. So they survive re-runs and new
articles: a join takes in whatever stories then hold the articles the joined stories held
when it was made, new articles that joined them since included; a later edit overrides an
earlier one (an article detached after a join leaves the joined story again).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from ..errors import EditError, StoreError
from ..records import Article, Story
from ..store import Store

EDITS_KEY = "stories.edits"
JOIN, DETACH = "join", "detach"


@dataclass(frozen=True, slots=True)
class StoryEdit:
    """One decision. ``join``: the stories holding ``articles`` become one story, named and
    titled after the one holding ``articles[0]``. ``detach``: ``articles[0]`` becomes a
    story of its own (the rest name the story it left, so that undoing its edits finds
    this one)."""

    kind: str
    articles: tuple[str, ...]
    made: str

    def __post_init__(self) -> None:
        if self.kind not in (JOIN, DETACH):
            raise ValueError(f"story edit kind {self.kind!r} is not {JOIN!r} or {DETACH!r}")
        if not self.articles:
            raise ValueError("a story edit names at least one article")

    def as_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "articles": list(self.articles), "made": self.made}


def load_edits(store: Store) -> list[StoryEdit]:
    saved = store.get_state(EDITS_KEY) or []
    try:
        return [StoryEdit(item["kind"], tuple(item["articles"]), item["made"]) for item in saved]
    except (KeyError, TypeError, ValueError) as exc:
        # Unlike the clusterer's state, edits cannot be rebuilt: never drop them silently.
        raise StoreError(f"the story edits stored under {EDITS_KEY!r} are damaged ({exc}); "
                          "nothing was changed") from exc


def save_edits(store: Store, edits: Sequence[StoryEdit]) -> None:
    store.put_state(EDITS_KEY, [e.as_json() for e in edits])


def record_edit(store: Store, kind: str, articles: Sequence[str]) -> StoryEdit:
    edit = StoryEdit(kind, tuple(articles), datetime.now(UTC).isoformat(timespec="seconds"))
    save_edits(store, [*load_edits(store), edit])
    return edit


def forget_edits(store: Store, article_ids: Iterable[str]) -> int:
    """Drop every edit that names one of ``article_ids``; returns how many were dropped."""
    touched = set(article_ids)
    edits = load_edits(store)
    kept = [e for e in edits if not touched & set(e.articles)]
    save_edits(store, kept)
    return len(edits) - len(kept)


def apply_edits(stories: Sequence[Story], edits: Sequence[StoryEdit],
                articles: Mapping[str, Article]) -> list[Story]:
    """``stories`` with each edit applied in turn; articles no longer stored (replaced by a
    new version, for one) are passed over."""
    current = list(stories)
    for edit in edits:
        named = [a for a in edit.articles if a in articles]
        if edit.kind == JOIN:
            current = _join(current, named, articles)
        elif named:
            current = _detach(current, named[0], articles)
    return current


def _join(stories: list[Story], named: list[str], articles: Mapping[str, Article]) -> list[Story]:
    wanted = set(named)
    holding = [i for i, s in enumerate(stories) if wanted & set(s.article_ids)]
    if len(holding) < 2:
        return stories
    main_index = next(i for i in holding if named[0] in stories[i].article_ids)
    main = stories[main_index]
    members = [a for i in holding for a in stories[i].article_ids]
    joined = _described(main.id, main.title, _lead(main), _by_publication(members, articles),
                        articles)
    return [joined if i == main_index else s for i, s in enumerate(stories)
            if i == main_index or i not in holding]


def _detach(stories: list[Story], article_id: str, articles: Mapping[str, Article]) -> list[Story]:
    from ..stories.clusterer import story_id_for

    out: list[Story] = []
    for story in stories:
        if article_id not in story.article_ids or len(story.article_ids) == 1:
            out.append(story)
            continue
        rest = [a for a in story.article_ids if a != article_id]
        own_title, own_lead = _title_and_lead(articles[article_id])
        title, lead = story.title, _lead(story)
        if title == own_title:
            # The title was the detached article's: the rest is named after its first.
            title, lead = _title_and_lead(articles[rest[0]])
        keeps_id = story.id != story_id_for(article_id)
        out.append(_described(story.id if keeps_id else story_id_for(rest[0]), title, lead,
                              rest, articles))
        out.append(_described(story_id_for(article_id), own_title, own_lead, [article_id],
                              articles))
    return out


def _title_and_lead(article: Article) -> tuple[str, str]:
    from ..stories.features import first_sentence, title_and_lead
    from ..stories.titles import SUMMARY_CHARS

    # as a story's summary quotes its central article: the lead's first sentence
    title, lead = title_and_lead(article, 4 * SUMMARY_CHARS)
    return title, first_sentence(lead, SUMMARY_CHARS) if lead else ""


def _lead(story: Story) -> str:
    # A stored summary is "<counts and dates>: <the central article's first sentence>".
    return (story.summary or "").partition(": ")[2]


def _by_publication(ids: Iterable[str], articles: Mapping[str, Article]) -> list[str]:
    # the order the clusterer reads articles in, so a joined story reads like any other
    from ..stories import publication_order

    return [a.id for a in publication_order([articles[i] for i in dict.fromkeys(ids)])]


def _utc(moment: datetime | None) -> datetime | None:
    # The clusterer's dates are UTC; a naive publication time is read as UTC too.
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _described(story_id: str, title: str | None, lead: str, members: Sequence[str],
               articles: Mapping[str, Article]) -> Story:
    """A story record over ``members``, its outlets and dates counted again."""
    from ..stories.titles import summary_text

    outlets = Counter(o for a in members if (o := articles[a].outlet))
    dates = sorted(d for a in members if (d := _utc(articles[a].published)) is not None)
    first, last = (dates[0], dates[-1]) if dates else (None, None)
    return replace(
        Story(story_id, title or None, tuple(members)),
        summary=summary_text(len(members), len(outlets), first, last, lead),
        outlets=tuple(o for o, _ in sorted(outlets.items(), key=lambda kv: (-kv[1], kv[0]))),
        first_published=first, last_published=last)


def edit_story(store: Store, story: Story, merge: Sequence[str], detach: Sequence[str],
               undo: bool = False) -> tuple[str, list[str]]:
    """Store the edits asked for on ``story`` (stories and articles by id or unique prefix).

    Returns an article that stays in the story (to find it again once the stages have run:
    its id may change) and one line per edit done. The stages are not run here.
    """
    from ..report.terminal import counted

    members = list(story.article_ids)
    done = []
    if undo:
        dropped = forget_edits(store, members)
        done.append(f"Forgot {counted(dropped, 'edit')} touching story {story.id}.")
    for other_id in merge:
        other = store.get_story(other_id)
        if other.id == story.id:
            raise EditError(f"{other_id!r} is story {story.id} itself: nothing to merge")
        record_edit(store, JOIN, [*members, *other.article_ids])
        done.append(f"Joined story {other.id} ({counted(len(other.article_ids), 'article')}, "
                    f"{other.title or 'untitled'}) into {story.id}.")
        members += other.article_ids
    for article_ref in detach:
        article = store.get_article(article_ref)
        if article.id not in members:
            raise EditError(f"article {article.id} is not in story {story.id}")
        if len(members) == 1:
            raise EditError(f"story {story.id} has no other article: nothing to detach")
        members.remove(article.id)
        # the story's other articles are named too, so undoing its edits finds this one
        record_edit(store, DETACH, [article.id, *members])
        done.append(f"Took article {article.id[:10]} ({article.title or 'untitled'}) out of "
                    f"story {story.id}.")
    return members[0], done
