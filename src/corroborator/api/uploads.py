"""Write access: token checks, upload size limits and the ingest of uploaded files."""

from __future__ import annotations

import hmac
import html
import json
import re
import shutil
import tempfile
import threading
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

from fastapi import Request
from starlette.datastructures import UploadFile

from ..errors import CorroboratorError
from ..settings import Settings
from ..store import Store
from .envelope import ApiError, error_body
from .settings import ServerSettings

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
_CHUNK = 1 << 16
# Multipart framing and the form's small fields ride on top of the file bytes.
_FORM_OVERHEAD = 64 * 1024
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._ -]+")

# One write at a time: the stages rewrite whole tables, so two concurrent runs would only
# duplicate work (and the store serialises their transactions anyway).
_write_lock = threading.Lock()


def require_write(request: Request) -> None:
    """Dependency of the JSON write endpoints: runs before the body is validated."""
    check_token(request.app.state.server, presented_token(request))


def presented_token(request: Request, form_token: str | None = None) -> str | None:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return request.headers.get("x-corroborator-token") or form_token


def check_token(server: ServerSettings, presented: str | None) -> None:
    """Raise 403 when writes are disabled, 401 when the token is missing or wrong."""
    if not server.writes_enabled:
        raise ApiError(403, "writes are disabled on this server: set [server] token in the "
                            "settings or the CORROBORATOR_SERVER_TOKEN environment variable",
                       code="writes_disabled")
    # compare_digest: the comparison time does not leak how much of the token matched.
    if not presented or not hmac.compare_digest(presented.encode(), server.token.encode()):
        raise ApiError(401, "a valid token is required for this request: send it as "
                            "'Authorization: Bearer TOKEN' (or the form's token field)",
                       headers={"www-authenticate": 'Bearer realm="corroborator"'})


def too_large(server: ServerSettings) -> ApiError:
    return ApiError(413, f"upload larger than the limit of {server.upload_max_mb} MB "
                         "([server] upload_max_mb)")


class BodyLimitMiddleware:
    """Refuse write requests whose body exceeds the upload limit, declared or streamed.

    Checking Content-Length alone would let a chunked upload past; counting the bytes as they
    arrive stops it before the form parser spools it to disk.
    """

    def __init__(self, app: Any, limit_bytes: int, server: ServerSettings) -> None:
        self.app = app
        self.limit = limit_bytes + _FORM_OVERHEAD
        self.server = server

    async def __call__(self, scope: MutableMapping[str, Any],
                       receive: Callable[[], Awaitable[MutableMapping[str, Any]]],
                       send: Callable[..., Awaitable[None]]) -> None:
        if scope["type"] != "http" or scope["method"] not in WRITE_METHODS:
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(scope, send)
            return
        seen = 0
        exceeded = False

        async def counting_receive() -> MutableMapping[str, Any]:
            nonlocal seen, exceeded
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    exceeded = True
                    raise too_large(self.server)
            return message

        refused = False

        async def guarded_send(message: MutableMapping[str, Any]) -> None:
            # The body parser turns any error while reading into a 400; once the limit was
            # crossed, answer 413 instead of whatever the app was about to say.
            nonlocal refused
            if exceeded:
                if not refused:
                    refused = True
                    await self._refuse(scope, send)
                return
            await send(message)

        await self.app(scope, counting_receive, guarded_send)

    async def _refuse(self, scope: MutableMapping[str, Any],
                      send: Callable[..., Awaitable[None]]) -> None:
        """Answer 413 at once, without reading the body the client declared too large."""
        error = too_large(self.server)
        if scope["path"].startswith("/api/"):
            body = json.dumps(error_body(413, error.message, error.code)).encode()
            kind = b"application/json"
        else:
            body = html.escape(error.message).encode()
            kind = b"text/html; charset=utf-8"
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", kind), (b"connection", b"close"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


def safe_filename(name: str | None) -> str:
    """The uploaded name without folders or odd characters (it becomes a temp file name)."""
    base = Path((name or "").replace("\\", "/")).name
    base = _SAFE_NAME.sub("_", base).strip(" .") or "upload.txt"
    return base[-120:]


def outlet_folder(outlet: str | None) -> str:
    """A folder name that reads back as the outlet (plain text takes its outlet from it).

    Only what a folder name cannot hold is replaced ("/", "\\", control characters); the
    outlet is otherwise kept as typed, markup included: it is escaped when shown.
    """
    name = re.sub(r"[/\\\x00-\x1f\x7f]+", "-", (outlet or "").strip())[:100].strip()
    return name if name not in ("", ".", "..") else "upload"


async def read_upload(upload: UploadFile, server: ServerSettings) -> bytes:
    data = bytearray()
    while chunk := await upload.read(_CHUNK):
        data += chunk
        if len(data) > server.upload_max_bytes:
            raise too_large(server)
    return bytes(data)


def _forget_cached(store: Store) -> None:
    """Drop the read cache after our own write, rather than wait for its file check."""
    invalidate = getattr(store, "invalidate", None)
    if invalidate is not None:
        invalidate()


def ingest_files(store: Store, settings: Settings, server: ServerSettings,
                 files: list[tuple[str, bytes]], outlet: str | None = None) -> dict[str, Any]:
    """Ingest uploaded files, then run the stages.

    Each file is written under ``<temp>/<outlet>/<name>``: a plain-text article takes its
    outlet from its folder, so the folder must be the outlet (default "upload"), and a stable
    name keeps re-uploading the same file a no-op.
    """
    from ..pipeline.ingest import ingest_paths

    if not files:
        raise ApiError(422, "no file uploaded: send one or more files in the 'file' field")
    empty = [name for name, data in files if not data]
    if len(empty) == len(files):
        raise ApiError(422, f"the uploaded file {empty[0]!r} is empty")
    folder = Path(tempfile.mkdtemp(prefix="corroborator-upload-"))
    try:
        paths = []
        for index, (name, data) in enumerate(files):
            target = folder / outlet_folder(outlet) / safe_filename(name)
            if str(target) in paths:  # two files of one name in one upload
                target = target.with_name(f"{index}-{target.name}")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            paths.append(str(target))
        with _write_lock:
            report = ingest_paths(store, paths, settings)
            stages = run_stages_if_available(store, settings, server) if report.stored else {
                "ran": False, "reason": "nothing new was stored"}
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        _forget_cached(store)
    from .views import article_summary

    result = report.as_dict()
    result["articles"] = [article_summary(a) for a in report.seen]
    result["stages"] = stages
    return result


def edit_story_and_rerun(store: Store, settings: Settings, server: ServerSettings,
                         story_id: str, merge: list[str], detach: list[str],
                         undo: bool) -> dict[str, Any]:
    """Store an editor's corrections to a story, then run the stages (see
    :mod:`corroborator.pipeline.story_edits`); the edited story's id may have changed."""
    from ..pipeline.story_edits import edit_story

    if not (merge or detach or undo):
        raise ApiError(422, "nothing to do: give 'merge', 'detach' or 'undo'")
    try:
        with _write_lock:
            story = store.get_story(story_id)
            anchor, done = edit_story(store, story, merge, detach, undo)
            stages = run_stages_if_available(store, settings, server)
            edited = next((s.id for s in store.stories() if anchor in s.article_ids), None)
    finally:
        _forget_cached(store)
    return {"story": edited, "done": done, "stages": stages}


def run_stages_if_available(store: Store, settings: Settings,
                            server: ServerSettings) -> dict[str, Any]:
    """Bring stories and claims up to date; say why not when the stages cannot run here."""
    if not server.run_stages_after_ingest:
        return {"ran": False, "reason": "[server] run_stages_after_ingest is off"}
    try:
        from ..pipeline.run import run_stages

        report = run_stages(store, settings)
    except ImportError as exc:
        return {"ran": False, "reason": f"analysis stages not available: {exc}"}
    except CorroboratorError as exc:
        return {"ran": False, "reason": f"analysis stages failed: {exc}"}
    return {"ran": True, "stories": report.stories, "derivations": report.derivations,
            "propositions": report.propositions, "conflicts": report.conflicts}
