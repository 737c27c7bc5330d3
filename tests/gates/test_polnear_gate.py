"""Quality gate: attribution on a fixed PolNeAR dev subset must not fall below pinned floors.

The subset is the first ``SUBSET_SIZE`` dev articles in file-name order (a few seconds of
parsing). Floors live in ``eval/baselines/polnear-subset.json``; the full dev figures are
pinned in ``eval/baselines/polnear-dev.json`` (``eval/polnear.py --gate``). Raise floors with
``eval/polnear.py --subset --update-floors`` and never lower one silently.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from corroborator.evaluation import gate

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "eval" / "polnear.py"

pytestmark = [pytest.mark.gate, pytest.mark.model]


def _script():
    spec = importlib.util.spec_from_file_location("eval_polnear", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("eval_polnear", module)
    spec.loader.exec_module(module)
    return module


def test_polnear_subset_meets_floors(corpora):
    if not (corpora / "polnear" / "dev").is_dir():
        pytest.skip("PolNeAR dev split not available")
    script = _script()
    figures = script.evaluate("dev", names=script.subset_names())
    assert figures["articles"] == script.SUBSET_SIZE
    gated = {k: figures[k] for k in script.GATED}
    assert gate.load_floors("polnear-subset"), "floors of polnear-subset are not pinned"
    assert gate.check("polnear-subset", gated) == []


def test_brat_reader_takes_discontinuous_spans(tmp_path):
    script = _script()
    text = "Smith said: “One thing.” Then: “Another.”"
    ann = tmp_path / "a_x.ann"
    ann.write_text(
        "T1\tSource 0 5\tSmith\nT2\tCue 6 10\tsaid\nT3\tContent 12 24;31 41\t…\n"
        "E1\tAttribution:T2 Cue:T2 Source:T1 Content:T3\n",
        "utf-8",
    )
    (rel,) = script.read_ann(ann, text)
    assert rel.source == ((0, 5),) and rel.cue == ((6, 10),)
    assert rel.content == ((12, 24), (31, 41))


def test_univocal_content_leaves_out_its_own_cue_and_source():
    script = _script()
    text = "Her rivals, she said, should not listen to them."
    rel = script.Relation(((0, 47),), ((16, 20),), ((12, 15),))
    assert [text[s:e] for s, e in script.univocal(rel, text).content] == [
        "Her rivals", "should not listen to them"]
    # a content apart from its cue and source is left as it is
    plain = script.Relation(((0, 10),), ((16, 20),), ((12, 15),))
    assert script.univocal(plain, text) == plain
