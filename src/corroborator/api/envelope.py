"""One JSON envelope for every API response, and the handlers that enforce it.

Success: ``{"ok": true, "data": ..., "next": offset-or-null}`` (``next`` only on lists).
Error: ``{"ok": false, "error": {"code": ..., "message": ..., "details": [...]}, "status": N}``.
As in datasette, errors are built by one function (:func:`error_body`) and applied by
exception handlers, so a route cannot invent its own error shape. HTML pages get an HTML error
page with the same message instead.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import ConfigError, CorroboratorError, EditError, InputError, NotFound

# HTTP status → the machine-readable code clients switch on.
_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    422: "invalid_request",
    500: "internal_error",
    503: "unavailable",
}


class ApiError(Exception):
    """A domain error with an HTTP status, raised by routes and turned into the envelope."""

    def __init__(self, status: int, message: str, code: str | None = None,
                 details: list[Any] | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code or _CODES.get(status, "error")
        self.details = details or []
        self.headers = headers


def ok(data: Any, *, next_offset: int | None = None, paged: bool = False) -> dict[str, Any]:
    body: dict[str, Any] = {"ok": True, "data": data}
    if paged:
        body["next"] = next_offset
    return body


def error_body(status: int, message: str, code: str | None = None,
               details: list[Any] | None = None) -> dict[str, Any]:
    error: dict[str, Any] = {"code": code or _CODES.get(status, "error"), "message": message}
    if details:
        error["details"] = details
    return {"ok": False, "error": error, "status": status}


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def _respond(request: Request, status: int, message: str, code: str | None = None,
             details: list[Any] | None = None, headers: dict[str, str] | None = None):
    if _wants_json(request):
        return JSONResponse(error_body(status, message, code, details), status_code=status,
                            headers=headers)
    templates = request.app.state.templates
    return templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message, "details": details or []},
        status_code=status, headers=headers)


def _validation_details(exc: RequestValidationError) -> list[dict[str, Any]]:
    details = []
    for err in exc.errors():
        where = ".".join(str(part) for part in err.get("loc", ()))
        details.append({"field": where, "message": err.get("msg", "invalid")})
    return details


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return _respond(request, exc.status, exc.message, exc.code, exc.details, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no page or endpoint at {request.url.path}"
        return _respond(request, exc.status_code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError):
        details = _validation_details(exc)
        summary = "; ".join(f"{d['field']}: {d['message']}" for d in details) or "invalid request"
        return _respond(request, 422, f"invalid request: {summary}", details=details)

    @app.exception_handler(NotFound)
    async def _not_found(request: Request, exc: NotFound):
        return _respond(request, 404, str(exc))

    @app.exception_handler(InputError)
    async def _input_error(request: Request, exc: InputError):
        return _respond(request, 422, str(exc))

    @app.exception_handler(EditError)
    async def _edit_error(request: Request, exc: EditError):
        return _respond(request, 422, str(exc))

    @app.exception_handler(ConfigError)
    async def _config_error(request: Request, exc: ConfigError):
        return _respond(request, 500, str(exc), code="configuration_error")

    @app.exception_handler(CorroboratorError)
    async def _library_error(request: Request, exc: CorroboratorError):
        return _respond(request, 500, str(exc))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        # Never echo internals (paths, SQL) to the client; the server log has the traceback.
        request.app.state.logger.exception("unhandled error on %s", request.url.path)
        return _respond(request, 500, "internal server error")


__all__ = ["ApiError", "HTMLResponse", "error_body", "install_error_handlers", "ok"]
