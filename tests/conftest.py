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
