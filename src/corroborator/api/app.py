"""The FastAPI application: HTML pages, the JSON API and their shared store."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, StrictUndefined

from .. import __version__
from ..settings import Settings
from ..store import open_store
from . import api_routes, web_routes
from .cache import CachedStore
from .dossier import DossierBuilder
from .envelope import install_error_handlers
from .security import SECURITY_HEADERS, HostCheckMiddleware, allowed_hosts
from .settings import ServerSettings
from .uploads import BodyLimitMiddleware


def _templates() -> Jinja2Templates:
    # autoescape=True for every template (html and svg alike), not only by file extension.
    env = Environment(loader=PackageLoader("corroborator.web", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["short_date"] = lambda v: (v or "")[:10]
    env.filters["short_id"] = lambda v: (v or "")[:10]
    # Uploaded files live in a temp folder: its name means nothing to a reader.
    env.filters["basename"] = lambda v: (v or "").replace("\\", "/").rsplit("/", 1)[-1]
    env.filters["web_url"] = web_url
    return Jinja2Templates(env=env)


def web_url(value: str | None) -> str | None:
    """``value`` when it is an http(s) address, else None: article URLs are untrusted, and a
    ``javascript:`` or ``data:`` link must never become clickable."""
    from urllib.parse import urlsplit

    if not value:
        return None
    try:
        parts = urlsplit(value.strip())
    except ValueError:
        return None
    return value.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def create_app(store_url: str, settings: Settings, *,
               builder: DossierBuilder | None = None) -> FastAPI:
    """The web dossier and JSON API over the store at ``store_url``.

    ``builder`` makes the dossier dicts the pages render (default: the report stage's
    ``story_entry`` over records read once per request, or a store-only stand-in when the
    report stage is not installed).
    """
    server = settings.get(ServerSettings)
    store = open_store(store_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="corroborator", version=__version__, lifespan=lifespan,
        description="What many news reports of one event agree on. Every response is "
                    '`{"ok": true, "data": ...}` or `{"ok": false, "error": {"code", '
                    '"message"}}`; each HTML page has a JSON twin under `/api/`.',
        docs_url=None, redoc_url=None, openapi_url="/api/openapi.json",
    )
    app.state.store = CachedStore(store, server.cache_seconds)
    app.state.settings = settings
    app.state.server = server
    app.state.builder = builder  # None: the report stage's story_entry (see dossier.py)
    app.state.templates = _templates()
    app.state.logger = logging.getLogger("corroborator.api")
    install_error_handlers(app)
    app.add_middleware(BodyLimitMiddleware, limit_bytes=server.upload_max_bytes, server=server)
    hosts = allowed_hosts(server)
    if hosts is not None:
        app.add_middleware(HostCheckMiddleware, hosts=hosts)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    app.mount("/static", StaticFiles(packages=[("corroborator.web", "static")]), name="static")
    app.include_router(api_routes.router)
    app.include_router(web_routes.router)
    return app
