"""CI gate: conflicts on a small fixed subset of synthetic changed-figure derivations."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parents[2] / "eval"


def _gate_module():
    import sys

    sys.path.insert(0, str(EVAL))  # the gate script imports its sibling generator
    spec = importlib.util.spec_from_file_location("conflicts_gate", EVAL / "conflicts_gate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["conflicts_gate"] = module  # its dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


@pytest.mark.gate
@pytest.mark.model
@pytest.mark.embeddings
def test_conflicts_gate_subset(corpora) -> None:
    from corroborator.evaluation import gate

    module = _gate_module()
    figures = module.run_subset()
    gated = {k: figures[k] for k in module.SUBSET_GATED}
    assert gate.check("conflicts-subset", gated) == []
    assert figures["synthetic_compatible_kept"] == 1.0  # never a false conflict
