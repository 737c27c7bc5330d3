"""HTML pages. Each renders the same view model as its JSON twin under ``/api/``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from .envelope import ApiError
from .uploads import check_token, ingest_files, presented_token, read_upload
from .views import (
    SORTS,
    article_view,
    search_view,
    snippet_parts,
    story_summaries,
    story_view,
    unassigned_articles,
)

router = APIRouter(include_in_schema=False)


def _render(request: Request, template: str, context: dict[str, Any],
            status_code: int = 200) -> HTMLResponse:
    context = dict(context, json_url=context.get("json_url"),
                   writes_enabled=request.app.state.server.writes_enabled)
    return request.app.state.templates.TemplateResponse(request, template, context,
                                                        status_code=status_code)


PAGE_SIZE = 100


@router.get("/", response_class=HTMLResponse)
def story_list(request: Request, sort: str = "recent",
               q: str | None = Query(None, max_length=500),
               offset: int = Query(0, ge=0)) -> HTMLResponse:
    if sort not in SORTS:
        raise ApiError(422, f"sort={sort!r} is not one of {list(SORTS)}")
    store = request.app.state.store
    if q and q.strip():
        hits = search_view(store, q.strip(), limit=50)
        for hit in hits:
            hit["parts"] = snippet_parts(hit["snippet"])
        return _render(request, "search.html", {"q": q, "hits": hits,
                                                "json_url": request.url_for("api_search")
                                                .include_query_params(q=q)})
    rows = story_summaries(store, sort)
    return _render(request, "stories.html", {
        "stories": rows[offset : offset + PAGE_SIZE], "total": len(rows), "offset": offset,
        "page_size": PAGE_SIZE, "sort": sort, "sorts": SORTS,
        "unassigned": unassigned_articles(store),
        "json_url": request.url_for("api_stories").include_query_params(
            sort=sort, offset=offset, limit=PAGE_SIZE),
    })


@router.get("/stories")
def stories_redirect(request: Request) -> RedirectResponse:
    return RedirectResponse(request.url_for("story_list").include_query_params(
        **request.query_params), status_code=307)


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str = Query("", max_length=500)) -> HTMLResponse:
    return story_list(request, "recent", q or None, 0)


STATUSES = ("corroborated", "single-source", "conflicting")


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str, status: str | None = None) -> HTMLResponse:
    if status is not None and status not in STATUSES:
        raise ApiError(422, f"status={status!r} is not one of {list(STATUSES)}")
    state = request.app.state
    view = story_view(state.store, state.builder, story_id)
    story_url = request.url_for("story_page", story_id=view["story"]["id"])
    shown = [c for c in view["claims"] if status is None or c["status"] == status]
    json_url = (request.url_for("api_claims").include_query_params(
        story=view["story"]["id"], status=status) if status
        else request.url_for("api_story", story_id=view["story"]["id"]))
    return _render(request, "story.html", dict(
        view, shown_claims=shown, status=status, statuses=STATUSES,
        story_url=story_url.path, json_url=json_url))


@router.get("/stories/{story_id}/graph.svg")
def story_graph_svg(request: Request, story_id: str) -> Response:
    state = request.app.state
    view = story_view(state.store, state.builder, story_id)
    body = state.templates.get_template("graph.svg").render(graph=view["graph"],
                                                            standalone=True)
    # Opened on its own, the picture needs its inline <style>; it never needs scripts.
    return Response(body, media_type="image/svg+xml", headers={
        "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'"})


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> HTMLResponse:
    state = request.app.state
    view = article_view(state.store, state.builder, article_id)
    return _render(request, "article.html", dict(
        view, json_url=request.url_for("api_article", article_id=view["article"]["id"])))


@router.get("/upload", response_class=HTMLResponse)
def upload_form(request: Request) -> HTMLResponse:
    return _render(request, "upload.html", {"result": None,
                                            "limit_mb": request.app.state.server.upload_max_mb})


@router.post("/upload", response_class=HTMLResponse)
async def upload_submit(request: Request) -> HTMLResponse:
    state = request.app.state
    form = await request.form(max_files=20)
    token = form.get("token")
    check_token(state.server, presented_token(request, token if isinstance(token, str) else None))
    uploads = [f for f in form.getlist("file") if not isinstance(f, str)]
    files = [(f.filename or "upload", await read_upload(f, state.server)) for f in uploads]
    outlet = form.get("outlet")
    outlet = outlet.strip()[:100] if isinstance(outlet, str) and outlet.strip() else None
    result = await run_in_threadpool(ingest_files, state.store, state.settings, state.server,
                                     files, outlet)
    return _render(request, "upload.html", {"result": result,
                                            "limit_mb": state.server.upload_max_mb},
                   status_code=201)


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The OpenAPI description rendered offline (Swagger UI would load from a CDN)."""
    spec = request.app.openapi()
    endpoints = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            endpoints.append({
                "method": method.upper(), "path": path, "summary": op.get("summary", ""),
                "description": op.get("description", ""),
                "parameters": [{"name": p["name"], "in": p["in"],
                                "required": p.get("required", False),
                                "description": p.get("description", ""),
                                "schema": p.get("schema", {})}
                               for p in op.get("parameters", [])],
                "body": "requestBody" in op,
            })
    return _render(request, "api_docs.html", {"endpoints": endpoints, "spec": spec,
                                              "json_url": "/api/openapi.json"})
