"""CI gates of the reuse stage on small fixed subsets, against their own pinned floors.

``msrp-subset``: the pair classifier on the first 160 pairs of the MSRP dev part.
``msrp-cross-subset``: the cross-encoder pair model (shipped adapters) on the same pairs.
``msrp-cascade-subset``: the cascade (logistic, the cross-encoder where it is unsure), ditto.
``derivations-subset``: derivation edges and changed figures on one ECB+ dev topic.
Full figures: ``eval/msrp.py`` and ``eval/synthetic_derivations.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from corroborator.evaluation import gate

EVAL = Path(__file__).resolve().parents[2] / "eval"


@pytest.fixture(scope="module")
def eval_scripts():
    sys.path.insert(0, str(EVAL))
    yield
    sys.path.remove(str(EVAL))


@pytest.mark.gate
@pytest.mark.embeddings
@pytest.mark.parametrize(("kind", "name"), [("logistic", "msrp-subset"),
                                            ("cross", "msrp-cross-subset"),
                                            ("cascade", "msrp-cascade-subset")])
def test_msrp_subset_gate(corpora, embedder, eval_scripts, kind: str, name: str) -> None:
    import msrp

    figures = msrp.score(msrp.subset(160), kind)
    gated = {"accuracy": figures["accuracy"], "f1": figures["f1"]}
    assert gate.load_floors(name), f"floors of {name} are not pinned"
    assert gate.check(name, gated) == []


@pytest.mark.gate
@pytest.mark.embeddings
def test_derivations_subset_gate(corpora, embedder, eval_scripts) -> None:
    import synthetic_derivations as sd

    figures, _, _ = sd.run((2,), "index", max_docs=8, sources=1)
    gated = {k: figures[k] for k in sd.GATED}
    assert gate.load_floors("derivations-subset"), "floors of derivations-subset are not pinned"
    assert gate.check("derivations-subset", gated) == []
