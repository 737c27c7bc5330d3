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


def _rel(script, text: str, content: str, cue: str, source: str = ""):
    def span(words: str):
        return ((text.index(words), text.index(words) + len(words)),) if words else ()
    return script.Relation(span(content), span(cue), span(source))


def test_miss_cause_tells_why_an_annotated_relation_was_missed():
    script = _script()
    text = ("Mayor Ann Cole: the budget holds\n"
            "Officials said that the bridge had collapsed after the storm. "
            "Aid groups warned of floods, and residents fear the river will rise. "
            "Then he added it. The repairs will take a year.")
    said = _rel(script, text, "that the bridge had collapsed after the storm", "said")
    warned = _rel(script, text, "floods", "warned of")
    fear = _rel(script, text, "the river will rise", "fear")
    headline = _rel(script, text, "the budget holds", ":", "Mayor Ann Cole")
    later = _rel(script, text, "The repairs will take a year", "added")
    cut_short = _rel(script, text, "that the bridge", "said")
    swallowing = _rel(script, text, "floods, and residents fear the river will rise",
                      "warned of")
    pred = [cut_short, swallowing]
    taken: set[int] = set()  # no prediction matches another annotated relation
    assert script.miss_cause(text, said, pred, taken) == "cue_found/content_too_short"
    assert script.miss_cause(text, fear, pred, taken) == "swallowed/cue_inside_other_content"
    assert script.miss_cause(text, headline, pred, taken) == "no_cue/headline"
    assert script.miss_cause(text, later, pred, taken) == "no_cue/content_in_other_sentence"
    total, causes = script.miss_table([("a", text, pred, [said, warned, fear, headline])])
    assert total == 4
    assert {cause: len(rows) for cause, rows in causes.items()} == {
        "cue_found/content_too_short": 1, "cue_found/content_too_long": 1,
        "swallowed/cue_inside_other_content": 1, "no_cue/headline": 1}
