"""Defences that do not depend on the route: Host checking and response security headers."""

from __future__ import annotations

import html
import json
from collections.abc import Awaitable, Callable, MutableMapping, Sequence
from typing import Any

from .envelope import error_body
from .settings import ServerSettings, is_loopback

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")

# Article text is untrusted: no inline script or style may run, whatever slips through.
SECURITY_HEADERS = {
    "content-security-policy": "default-src 'self'; script-src 'self'; style-src 'self'; "
                               "img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                               "frame-ancestors 'none'; form-action 'self'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


def allowed_hosts(server: ServerSettings) -> tuple[str, ...] | None:
    """Host names to accept; None accepts any (a public bind without a configured list)."""
    if server.allowed_hosts:
        return tuple(h.lower() for h in server.allowed_hosts)
    if is_loopback(server.host):
        return LOOPBACK_NAMES
    return None


def host_name(header: str) -> str:
    """The name in a Host header, without port; IPv6 literals lose their brackets."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class HostCheckMiddleware:
    """Answer 400 to requests for a host name the server does not serve.

    A page on another site can make the browser resolve its own name to 127.0.0.1 (DNS
    rebinding) and then read a loopback server as same-origin; checking Host stops that.
    """

    def __init__(self, app: Any, hosts: Sequence[str]) -> None:
        self.app = app
        self.hosts = set(hosts)

    async def __call__(self, scope: MutableMapping[str, Any],
                       receive: Callable[[], Awaitable[Any]],
                       send: Callable[..., Awaitable[None]]) -> None:
        if scope["type"] in ("http", "websocket"):
            headers = dict(scope.get("headers") or [])
            name = host_name(headers.get(b"host", b"").decode("latin-1"))
            if name not in self.hosts:
                message = (f"host {name!r} is not served here; add it to [server] "
                           "allowed_hosts if this is intended")
                if scope["path"].startswith("/api/"):
                    body = json.dumps(error_body(400, message, "invalid_host")).encode()
                    kind = b"application/json"
                else:
                    body = html.escape(message).encode()
                    kind = b"text/plain; charset=utf-8"
                await send({"type": "http.response.start", "status": 400,
                            "headers": [(b"content-type", kind),
                                        (b"content-length", str(len(body)).encode())]})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)
