"""Quality gate: quantities on NewsQuant dev must not fall below the pinned floors.

Floors live in ``eval/baselines/newsquant-dev.json`` (full pipeline) and
``eval/baselines/newsquant-dev-scanner.json`` (the spaCy-free scanner); raise them with
``eval/newsquant.py --update-floors`` and never lower one silently.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from corroborator.evaluation import gate

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "eval" / "newsquant.py"

pytestmark = pytest.mark.gate


def _script():
    spec = importlib.util.spec_from_file_location("eval_newsquant", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("eval_newsquant", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def newsquant(corpora):
    if not (corpora / "newsquant" / "formatted_test_set" / "NewsQuant_dev.json").is_file():
        pytest.skip("NewsQuant dev file not found")
    return _script()


@pytest.mark.model
def test_newsquant_gate_full_pipeline(newsquant):
    figures, _ = newsquant.evaluate("NewsQuant_dev")
    assert figures["sentences"] == 219
    failures = gate.check("newsquant-dev", {k: figures[k] for k in newsquant.GATED})
    assert not failures, failures


def test_newsquant_gate_scanner(newsquant):
    figures, _ = newsquant.evaluate("NewsQuant_dev", scanner_only=True)
    failures = gate.check("newsquant-dev-scanner", {k: figures[k] for k in newsquant.GATED})
    assert not failures, failures


def test_newsquant_matcher_rules():
    newsquant = _script()
    assert newsquant.canonical_unit("Percent") == newsquant.canonical_unit("%") == "percentage"
    assert newsquant.canonical_unit("soldiers") == "soldier"
    assert newsquant.units_match("different boss", "boss")
    assert not newsquant.units_match("dollar", "-")
    assert newsquant.values_match((10000.0, 100000.0), (100000.0, 10000.0))
    assert not newsquant.values_match(3000.0, (3000.0, 3000.0))
    assert newsquant.parse_gold_value("1.99E-29") == 1.99e-29
    assert newsquant.parse_gold_value("-5.0") == -5.0
    assert newsquant.parse_gold_value("12-120") == (12.0, 120.0)
