"""The embedding model is loaded once per process however it is asked for."""

from __future__ import annotations

import pytest

from corroborator.embeddings import PACKAGED_MODEL, load_model


@pytest.mark.embeddings
def test_default_and_explicit_arguments_share_one_model(embedder) -> None:
    assert load_model() is load_model(PACKAGED_MODEL, "cpu")
    assert load_model(name=PACKAGED_MODEL) is load_model(device="cpu")
