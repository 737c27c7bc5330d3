"""Global fixtures. Models load once per test session: they dominate the suite's run time."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CONTRACTS = SHARED / "contracts"
CORPORA = SHARED / "corpora"


@pytest.fixture(scope="session")
def nlp():
    """The configured spaCy English pipeline, loaded once."""
    from corroborator.nlp.loader import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def embedder():
    """The packaged all-MiniLM-L6-v2 sentence encoder, loaded once."""
    from corroborator.embeddings import load_model

    return load_model()


@pytest.fixture(scope="session")
def settings():
    from corroborator.settings import load_settings

    return load_settings(environ={})


@pytest.fixture
def corpora() -> Path:
    if not CORPORA.is_dir():
        pytest.skip(f"shared corpora not found at {CORPORA}")
    return CORPORA


@pytest.fixture(scope="session")
def demo_run(tmp_path_factory, settings):
    """The whole pipeline run once on the demo corpus: (store path, ingest report, dossier)."""
    from corroborator.demo import CORPUS_DIR
    from corroborator.pipeline.ingest import ingest_paths
    from corroborator.pipeline.run import run_stages
    from corroborator.report.dossier import build_dossier
    from corroborator.store import open_store

    path = tmp_path_factory.mktemp("demo-run") / "demo.db"
    with open_store(str(path)) as store:
        report = ingest_paths(store, [str(CORPUS_DIR)], settings)
        run_stages(store, settings)
        dossier = build_dossier(store, rejected=report.rejected)
    return path, report, dossier


@pytest.fixture(scope="session")
def folder_cli(tmp_path_factory):
    """A user's two commands on a folder of reports, from the command line: ``analyze(folder)``
    (the dossier JSON, checked against the contract) and ``extract(folder)`` (every claim)."""
    import json

    import jsonschema
    from typer.testing import CliRunner

    from corroborator.cli.app import app

    schema = json.loads((CONTRACTS / "dossier.schema.json").read_text("utf-8"))

    class FolderCli:
        @staticmethod
        def analyze(folder: Path) -> dict:
            db = str(tmp_path_factory.mktemp(folder.name) / f"{folder.name}.db")
            result = CliRunner().invoke(app, ["analyze", str(folder), "--db", db, "--json"])
            assert result.exit_code == 0, result.output
            dossier = json.loads(result.stdout)
            jsonschema.validate(dossier, schema)
            return dossier

        @staticmethod
        def extract(folder: Path) -> list[dict]:
            result = CliRunner().invoke(app, ["extract", str(folder), "--json"])
            assert result.exit_code == 0, result.output
            return [c for line in result.stdout.splitlines() for c in json.loads(line)["claims"]]

    return FolderCli


@pytest.fixture(scope="module")
def dossier(folder_cli, request) -> dict:
    """The dossier of the story-set folder the test module names as ``FOLDER``, from the
    command line (checked against the contract); a module may define its own."""
    return folder_cli.analyze(request.module.FOLDER)


@pytest.fixture(scope="module")
def claims(folder_cli, request) -> list[dict]:
    """Every claim ``extract --json`` gives for the module's ``FOLDER``."""
    return folder_cli.extract(request.module.FOLDER)


def _conflict_figures(story: dict, conflict: dict) -> set[str]:
    claims = {c["id"]: c for c in story["claims"]}
    return {q["text"] for p in conflict["claims"] for q in claims[p]["quantities"]}


@pytest.fixture(scope="session")
def conflict_figures():
    """``conflict_figures(story, conflict)``: the figures, as written, of the claims a
    conflict of a dossier's story sets against each other (the story-set tests)."""
    return _conflict_figures
