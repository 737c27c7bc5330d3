"""An editor's joins and detachments laid over the clusterer's stories."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from corroborator.errors import StoreError
from corroborator.pipeline.story_edits import (
    DETACH,
    JOIN,
    StoryEdit,
    apply_edits,
    forget_edits,
    load_edits,
    record_edit,
)
from corroborator.records import Article, Story
from corroborator.records.article import content_hash
from corroborator.store import open_store


def article(ident: str, outlet: str, day: int, title: str) -> Article:
    text = f"{title}\n\n{title} was reported on day {day}. Officials gave no figure yet."
    return Article(ident, None, f"https://{outlet.lower()}.example/{ident}", outlet, title,
                   datetime(2026, 10, day, 9, tzinfo=UTC), "en", text, content_hash(text))


ARTICLES = {a.id: a for a in (
    article("a1", "Wire", 14, "Cyclone hits the port"),
    article("a2", "Daily", 14, "Cyclone hits the port, copy"),
    article("b1", "Relief", 13, "Aid group counts damaged homes"),
    article("c1", "Gazette", 20, "Chip plant to add jobs"),
)}


def story(*ids: str, title: str) -> Story:
    return Story("s-" + ids[0], title, ids, summary=f"{len(ids)} articles: {title} lead.")


STORIES = [story("a1", "a2", title="Cyclone hits the port"),
           story("b1", title="Aid group counts damaged homes"),
           story("c1", title="Chip plant to add jobs")]


def edit(kind: str, *ids: str) -> StoryEdit:
    return StoryEdit(kind, ids, "2026-11-26T12:00:00+00:00")


def test_join_keeps_the_named_story_and_orders_articles_by_publication() -> None:
    joined, other = apply_edits(STORIES, [edit(JOIN, "a1", "a2", "b1")], ARTICLES)
    assert joined.id == "s-a1" and joined.title == "Cyclone hits the port"
    # b1 was published a day earlier than the wire story
    assert joined.article_ids == ("b1", "a1", "a2")
    assert joined.outlets == ("Daily", "Relief", "Wire")
    assert joined.first_published == datetime(2026, 10, 13, 9, tzinfo=UTC)
    assert joined.summary == ("3 articles, 3 outlets, 2026-10-13 to 2026-10-14: "
                              "Cyclone hits the port lead.")
    assert other == STORIES[2]


def test_join_takes_in_articles_that_joined_either_story_since() -> None:
    later = [story("a1", "a2", "a3", title="Cyclone hits the port"), *STORIES[1:]]
    articles = {**ARTICLES, "a3": article("a3", "Post", 15, "Cyclone toll rises")}
    # the edit was made when the cyclone story held a1 and a2 only
    joined = apply_edits(later, [edit(JOIN, "a1", "a2", "b1")], articles)[0]
    assert set(joined.article_ids) == {"a1", "a2", "a3", "b1"}


def test_detach_gives_the_article_a_story_of_its_own() -> None:
    rest, alone, *_ = apply_edits(STORIES, [edit(DETACH, "a2")], ARTICLES)
    assert rest.id == "s-a1" and rest.article_ids == ("a1",)
    assert alone.id == "s-a2" and alone.article_ids == ("a2",)
    assert alone.title == "Cyclone hits the port, copy"
    assert alone.summary.startswith("1 article, 1 outlet, 2026-10-14: ")


def test_detaching_the_first_article_renames_the_rest_after_its_new_first() -> None:
    rest, alone, *_ = apply_edits(STORIES, [edit(DETACH, "a1")], ARTICLES)
    assert (rest.id, rest.article_ids) == ("s-a2", ("a2",))
    # the title was the detached article's own headline
    assert rest.title == "Cyclone hits the port, copy"
    assert alone.id == "s-a1"


def test_later_edits_override_earlier_ones_and_unknown_articles_are_passed_over() -> None:
    edits = [edit(JOIN, "a1", "a2", "b1"), edit(DETACH, "b1"), edit(JOIN, "c1", "gone")]
    joined, alone, chips = apply_edits(STORIES, edits, ARTICLES)
    assert joined.article_ids == ("a1", "a2")
    assert alone.article_ids == ("b1",)
    assert chips == STORIES[2]


def test_edits_are_kept_in_the_store_and_forgotten_by_article(tmp_path) -> None:
    with open_store(str(tmp_path / "edits.db")) as store:
        record_edit(store, JOIN, ["a1", "a2", "b1"])
        record_edit(store, DETACH, ["c1"])
    with open_store(str(tmp_path / "edits.db")) as store:
        assert [(e.kind, e.articles) for e in load_edits(store)] == [
            (JOIN, ("a1", "a2", "b1")), (DETACH, ("c1",))]
        assert forget_edits(store, ["b1"]) == 1
        assert [e.kind for e in load_edits(store)] == [DETACH]


def test_damaged_edits_are_an_error_not_silently_dropped(tmp_path) -> None:
    with open_store(str(tmp_path / "edits.db")) as store:
        store.put_state("stories.edits", [{"kind": "glue", "articles": ["a1"], "made": "x"}])
        with pytest.raises(StoreError, match="damaged"):
            load_edits(store)
