"""The JSON API under ``/api/``: every response is the envelope from :mod:`.envelope`."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from .envelope import ok
from .uploads import edit_story_and_rerun, ingest_files, read_upload, require_write
from .views import (
    article_summary,
    article_view,
    claims_listing,
    search_view,
    story_summaries,
    story_view,
    unassigned_articles,
)

router = APIRouter(prefix="/api", tags=["api"])

Sort = Literal["recent", "conflicts", "articles"]
Status = Literal["corroborated", "single-source", "conflicting"]
Limit = Annotated[int, Query(ge=1, le=1000, description="At most this many items.")]
Offset = Annotated[int, Query(ge=0, description="Skip this many items (see `next`).")]


def _page(rows: list[Any], limit: int, offset: int) -> dict[str, Any]:
    chunk = rows[offset : offset + limit]
    more = offset + limit < len(rows)
    body = ok(chunk, next_offset=offset + limit if more else None, paged=True)
    body["total"] = len(rows)
    return body


@router.get("/stories", summary="Stories with their size, independent sources and conflicts")
def api_stories(request: Request, sort: Sort = "recent", limit: Limit = 100,
                offset: Offset = 0) -> dict[str, Any]:
    """JSON twin of the story list page (`/`). `next` is the offset of the next page."""
    return _page(story_summaries(request.app.state.store, sort), limit, offset)


@router.get("/stories/{story_id}", summary="One story: the dossier entry and its graph")
def api_story(request: Request, story_id: str) -> dict[str, Any]:
    """JSON twin of `/stories/{story_id}`: articles, claims, conflicts, timeline, graph."""
    state = request.app.state
    view = story_view(state.store, state.builder, story_id)
    return ok({"story": view["story"], "graph": view["graph"], "changes": view["changes"]})


@router.get("/stories/{story_id}/graph", summary="Layout of a story's derivation graph")
def api_story_graph(request: Request, story_id: str) -> dict[str, Any]:
    """JSON twin of `/stories/{story_id}/graph.svg`."""
    state = request.app.state
    return ok(story_view(state.store, state.builder, story_id)["graph"])


@router.get("/articles", summary="Articles (metadata only), or those in no story yet")
def api_articles(request: Request, unassigned: bool = False, limit: Limit = 100,
                 offset: Offset = 0) -> dict[str, Any]:
    """Stored articles in ingestion order with the story each belongs to. With
    `unassigned=true`: only articles the story stage has not placed (e.g. just uploaded)."""
    store = request.app.state.store
    if unassigned:
        return _page(unassigned_articles(store), limit, offset)
    story_of = {a: s.id for s in store.stories() for a in s.article_ids}
    rows = [dict(article_summary(a), story=story_of.get(a.id))
            for a in store.articles(limit=limit, offset=offset)]
    total = store.article_count()
    body = ok(rows, next_offset=offset + limit if offset + limit < total else None, paged=True)
    body["total"] = total
    return body


@router.get("/articles/{article_id}", summary="One article with its claims and highlights")
def api_article(request: Request, article_id: str) -> dict[str, Any]:
    """JSON twin of `/articles/{article_id}`: text, claim marks (status, quote, figure) and
    where each claim appears in other outlets."""
    state = request.app.state
    view = article_view(state.store, state.builder, article_id)
    return ok({k: v for k, v in view.items() if k != "segments"})


@router.get("/claims", summary="Claims of a story, of an article, or all stored claims")
def api_claims(request: Request, story: str | None = None, article: str | None = None,
               status: Status | None = None, limit: Limit = 100,
               offset: Offset = 0) -> dict[str, Any]:
    """With `story`: the story's aligned claims (status, independent sources, mentions).
    With `article`: the claims found in that article. Neither: every stored claim record."""
    state = request.app.state
    rows = claims_listing(state.store, state.builder, story=story, article=article,
                          status=status)
    return _page(rows, limit, offset)


@router.get("/search", summary="Full-text search over titles, texts and claims")
def api_search(request: Request,
               q: Annotated[str, Query(min_length=1, max_length=500,
                                       description="Words to look for (all required).")],
               limit: Annotated[int, Query(ge=1, le=200)] = 20) -> dict[str, Any]:
    """JSON twin of `/search?q=...`."""
    return ok(search_view(request.app.state.store, q, limit))


@router.post("/ingest", summary="Upload files to ingest (token required)", status_code=201,
             dependencies=[Depends(require_write)])
async def api_ingest(request: Request,
                     file: Annotated[list[UploadFile], File(description="One or more files: "
                                     ".txt, .html, .jsonl, RSS/Atom or WARC.")],
                     outlet: Annotated[str | None, Form(max_length=100, description=(
                         "Outlet of plain-text files (HTML, feeds and JSONL carry their "
                         "own)."))] = None,
                     ) -> dict[str, Any]:
    """Store the uploaded articles, then update stories and claims. Needs the server token
    (`Authorization: Bearer TOKEN`); the body may not exceed `[server] upload_max_mb`."""
    state = request.app.state
    files = [(f.filename or "upload", await read_upload(f, state.server)) for f in file]
    result = await run_in_threadpool(ingest_files, state.store, state.settings, state.server,
                                     files, outlet)
    return ok(result)


class StoryEdits(BaseModel):
    """An editor's corrections to one story; they are kept and applied on every later run."""

    merge: list[str] = Field(default_factory=list, max_length=50,
                             description="Ids (or unique prefixes) of stories to join into "
                                         "this one: the same event the clustering kept apart.")
    detach: list[str] = Field(default_factory=list, max_length=50,
                              description="Ids (or prefixes) of articles to take out of this "
                                          "story, each into a story of its own.")
    undo: bool = Field(False, description="First forget every edit touching this story.")


@router.post("/stories/{story_id}/edits", summary="Join stories or detach articles (token "
             "required)", dependencies=[Depends(require_write)])
async def api_story_edits(request: Request, story_id: str, edits: StoryEdits) -> dict[str, Any]:
    """Store the corrections, bring stories, derivations and comparisons up to date, and say
    which story holds the edited one now (`story`; detaching its first article renames it)."""
    state = request.app.state
    return ok(await run_in_threadpool(edit_story_and_rerun, state.store, state.settings,
                                      state.server, story_id, edits.merge, edits.detach,
                                      edits.undo))
