"""The stage chain is checked before anything runs."""

from __future__ import annotations

import pytest

from corroborator.errors import PipelineError
from corroborator.pipeline.stages import (
    ANALYSE,
    COMPARE,
    FULL_CHAIN,
    INGEST,
    REUSE,
    STORIES,
    check_chain,
)


def test_stages_full_chain_is_satisfiable() -> None:
    check_chain(FULL_CHAIN)


@pytest.mark.parametrize(
    ("order", "missing"),
    [
        ((INGEST, COMPARE, ANALYSE, STORIES, REUSE), "claims"),
        ((ANALYSE,), "article.text"),
        ((INGEST, ANALYSE, REUSE, COMPARE), "stories"),
    ],
)
def test_stages_misordered_chain_names_what_is_missing(order, missing) -> None:
    with pytest.raises(PipelineError, match=missing):
        check_chain(order)


def test_stages_available_inputs_count() -> None:
    check_chain((COMPARE,), available=frozenset({"claims", "stories", "derivations"}))
