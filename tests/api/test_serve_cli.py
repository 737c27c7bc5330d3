"""``corroborator serve``: options, printed URL and the app it builds (no server started)."""

from __future__ import annotations

import pytest
import typer
from typer.testing import CliRunner

from corroborator.api.settings import ServerSettings, is_loopback
from corroborator.cli import serve
from corroborator.errors import ConfigError


@pytest.mark.parametrize(("host", "port", "url"), [
    ("127.0.0.1", 8765, "http://127.0.0.1:8765/"),
    ("0.0.0.0", 80, "http://127.0.0.1:80/"),
    ("::1", 9000, "http://[::1]:9000/"),
    ("localhost", 1, "http://localhost:1/"),
])
def test_server_url(host: str, port: int, url: str) -> None:
    assert serve.server_url(host, port) == url


@pytest.mark.parametrize(("host", "loopback"), [
    ("127.0.0.1", True), ("::1", True), ("localhost", True), ("127.8.0.1", True),
    ("0.0.0.0", False), ("192.168.1.4", False), ("example.org", False),
])
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_defaults_bind_loopback_and_disable_writes(settings) -> None:
    _, server = serve.resolve_server(settings, None, None)
    assert server.host == "127.0.0.1" and not server.writes_enabled


def test_command_line_overrides_settings(settings) -> None:
    _, server = serve.resolve_server(settings, "0.0.0.0", 9001)
    assert (server.host, server.port) == ("0.0.0.0", 9001)


def test_token_comes_from_the_environment() -> None:
    from corroborator.settings import load_settings

    configured = load_settings(environ={"CORROBORATOR_SERVER_TOKEN": "t0k"})
    assert configured.get(ServerSettings).writes_enabled


@pytest.mark.parametrize("bad", [{"port": 70000}, {"upload_max_mb": 0}])
def test_bad_server_settings_are_refused(bad) -> None:
    with pytest.raises(ConfigError):
        ServerSettings(**bad)


def test_build_app_serves_the_store(settings, demo_records) -> None:
    from fastapi.testclient import TestClient

    app = serve.build_app(demo_records["path"], settings)
    with TestClient(app, base_url="http://127.0.0.1:8765") as client:
        assert client.get("/api/stories").json()["ok"] is True


def test_serve_command_is_registered_with_help() -> None:
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """Test root."""

    serve.register(app)
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port"):
        assert option in result.output


def test_serving_a_missing_database_is_refused(tmp_path) -> None:
    missing = tmp_path / "nothing.db"
    assert "corroborator demo" in serve.missing_database(str(missing))
    assert serve.missing_database(f"sqlite:///{missing}") is not None
    assert not missing.exists()
    missing.write_bytes(b"")
    assert serve.missing_database(str(missing)) is None
    assert serve.missing_database("postgresql://localhost/x") is None


def test_serve_command_fails_without_a_database(tmp_path) -> None:
    from corroborator.cli.app import main_options

    app = typer.Typer()
    app.callback()(main_options)
    serve.register(app)
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "no database at" in result.output
