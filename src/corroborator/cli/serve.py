"""``corroborator serve``: the web dossier and JSON API over a store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from ..settings import Settings
from ._context import AppState, err, fail, guarded, out, state


def server_url(host: str, port: int) -> str:
    """The address to print: IPv6 hosts need brackets, 0.0.0.0 is not a browsable address."""
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else host
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


def resolve_server(settings: Settings, host: str | None, port: int | None) -> Any:
    """The [server] settings with the command-line --host/--port applied."""
    from ..api.settings import ServerSettings

    overrides: dict[str, Any] = {}
    if host is not None:
        overrides["host"] = host
    if port is not None:
        overrides["port"] = port
    if overrides:
        settings = settings.with_overrides({"server": overrides})
    return settings, settings.get(ServerSettings)


def missing_database(db_url: str) -> str | None:
    """A message when ``db_url`` names a SQLite file that does not exist (serving it would
    silently create an empty database), else None."""
    path = db_url.removeprefix("sqlite:///")
    if "://" in path or path == ":memory:" or Path(path).exists():
        return None
    return (f"no database at {path}; create one with `corroborator ingest FILES --db {path}` "
            f"or `corroborator demo --db {path}`, or pass --db")


def build_app(db_url: str, settings: Settings) -> Any:
    """The ASGI app; a separate function so tests can build it without starting a server."""
    from ..api import create_app

    return create_app(db_url, settings)


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve_cmd(
        ctx: typer.Context,
        db: Annotated[str | None, typer.Option(
            "--db", help="Database file (default: ./corroborator.db, or \\[store] url).")] = None,
        host: Annotated[str | None, typer.Option(
            "--host", help="Address to bind (default \\[server] host, 127.0.0.1).")] = None,
        port: Annotated[int | None, typer.Option(
            "--port", help="Port (default \\[server] port, 8765; 0 picks a free one).")] = None,
    ) -> None:
        """Serve the web dossier and the JSON API (read-only unless a token is set).

        Example: corroborator demo && corroborator serve --db corroborator-demo.db
        """
        from ..errors import require_extra

        app_state: AppState = state(ctx)
        if db is not None:
            app_state.db = db
        problem = missing_database(app_state.db_url)
        if problem:
            raise fail(problem)
        with guarded():
            require_extra("uvicorn", "server", "corroborator serve")
            settings, server = resolve_server(app_state.settings, host, port)
            application = build_app(app_state.db_url, settings)
        import uvicorn

        from ..api.settings import is_loopback

        if not is_loopback(server.host):
            err.print(f"[yellow]warning[/] binding {server.host}: every read page is visible "
                      "to the network.", highlight=False)
        writes = "uploads enabled (token set)" if server.writes_enabled else (
            "read-only: set CORROBORATOR_SERVER_TOKEN to enable uploads")
        config = uvicorn.Config(application, host=server.host, port=server.port,
                                log_level="warning", access_log=False)
        runner = uvicorn.Server(config)
        if server.port == 0:
            # Port 0: the OS picks; the URL is printed once the socket is bound.
            _serve_reporting_port(runner, server.host, app_state.db_url, writes)
            return
        out.print(f"Serving {app_state.db_url} at {server_url(server.host, server.port)} "
                  f"({writes}). Press Ctrl+C to stop.", highlight=False, soft_wrap=True)
        try:
            runner.run()
        except OSError as exc:
            raise fail(f"cannot listen on {server.host}:{server.port}: {exc}") from None


def _serve_reporting_port(runner: Any, host: str, db_url: str, writes: str) -> None:
    import asyncio
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, 0))
    port = sock.getsockname()[1]
    out.print(f"Serving {db_url} at {server_url(host, port)} ({writes}). Press Ctrl+C to stop.",
              highlight=False, soft_wrap=True)
    asyncio.run(runner.serve(sockets=[sock]))
