"""Browser fixtures: the demo store, a live server on a free loopback port, and Chromium.

Chromium is Debian's (``apt-get install chromium``) driven by Python Playwright; never
``playwright install``. Without /usr/bin/chromium the tests skip, except in CI (CI=true)
where they fail with the command that fixes it.
"""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ..conftest import REPO

CHROMIUM = Path(os.environ.get("CORROBORATOR_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = REPO / "test-artifacts"
TOKEN = "browser-test-token"


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"browser tests cannot run: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    if not CHROMIUM.is_file():
        _unavailable(f"{CHROMIUM} not found; install Debian's Chromium with "
                     "`apt-get update && apt-get install -y chromium` (never `playwright "
                     "install`), or point CORROBORATOR_CHROMIUM at a Chromium binary")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _unavailable("the Python package 'playwright' is not installed "
                     "(pip install 'corroborator[test]')")
    return CHROMIUM


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory, demo_run, chromium_path) -> Path:
    """A copy of the session's demo store (built once by the root conftest's ``demo_run``):
    uploads in these tests must not leak into the other tests' view of the demo."""
    path = tmp_path_factory.mktemp("browser") / "demo.db"
    source = Path(demo_run[0])
    with sqlite3.connect(source) as conn:  # fold the WAL in so one file is a whole copy
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(source, path)
    return path


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def live_server(demo_db: Path, settings) -> Iterator[str]:
    """uvicorn serving the demo store on 127.0.0.1 in a background thread."""
    import uvicorn

    from corroborator.api import create_app

    configured = settings.with_overrides(
        # Uploads are checked for storage and display; re-running every stage on the whole
        # demo after an upload would double the suite's run time.
        {"server": {"token": TOKEN, "run_stages_after_ingest": False}})
    app = create_app(str(demo_db), configured)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, name="uvicorn-test", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the test server did not start", pytrace=False)
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser(chromium_path: Path):  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium_path),
                                             args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, request):  # type: ignore[no-untyped-def]
    """A fresh page that records dialogs, script errors and console errors (a blocked inline
    script or style, a missing asset); any of them fails the test."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.dialogs = []
    page.errors = []

    def on_dialog(dialog):  # type: ignore[no-untyped-def]
        page.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.on("console", lambda msg: page.errors.append(msg.text) if msg.type == "error" else None)
    yield page
    context.close()
    assert page.dialogs == [], f"a dialog fired: {page.dialogs}"
    # The wrong-token test expects its 401 page: the browser logs that status as an error.
    expected = getattr(request.node, "expected_console_errors", ())
    errors = [e for e in page.errors if not any(x in e for x in expected)]
    assert errors == [], f"script or console errors: {errors}"


def screenshot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
