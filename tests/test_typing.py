"""The package ships py.typed, so its annotations are a promise to users: mypy must pass."""

import importlib.util
import multiprocessing
import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from corroborator.pipeline.workers import can_fork

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("mypy") is None, reason="mypy is not installed (extra 'test')"
)


def _mypy(args: list[str]) -> tuple[str, str, int]:
    from mypy import api

    return api.run(args)


def test_mypy_finds_no_errors_in_src() -> None:
    # The repository's own cache (git ignores it) keeps a rerun near a second; a fresh
    # clone pays the full check once.
    args = ["--config-file", str(ROOT / "pyproject.toml"),
            "--cache-dir", str(ROOT / ".mypy_cache"), str(ROOT / "src")]
    if can_fork():
        # mypy keeps millions of objects alive after a run, which every later garbage
        # collection in this session would walk; a forked child drops them at exit.
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
            stdout, stderr, status = pool.submit(_mypy, args).result()
    else:
        stdout, stderr, status = _mypy(args)
    assert status == 0, stdout + stderr
    checked = re.search(r"no issues found in (\d+) source files", stdout)
    assert checked is not None, stdout
    # A config that excluded the package would also report no issues.
    assert int(checked.group(1)) >= 100, stdout
