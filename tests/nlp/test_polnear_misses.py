"""The PolNeAR miss tracer (eval/polnear_misses.py) on real parses: each annotated cue is
followed to the step of the attribution stage that lost it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from corroborator.nlp.attribution import find_attributions

pytestmark = pytest.mark.model

SCRIPT = Path(__file__).resolve().parents[2] / "eval" / "polnear_misses.py"


@pytest.fixture(scope="module")
def misses():
    spec = importlib.util.spec_from_file_location("eval_polnear_misses", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up
    spec.loader.exec_module(module)
    return module


def _span(text: str, words: str) -> tuple[tuple[int, int], ...]:
    start = text.index(words)
    return ((start, start + len(words)),)


def _relation(misses, text: str, cue: str, content: str):
    return misses.pn.Relation(_span(text, content), _span(text, cue), ())


def test_never_proposed_leaves_out_what_a_prediction_comes_near(misses):
    text = "Officials said that the bridge had collapsed. The children walked to the park."
    found = _relation(misses, text, "said", "that the bridge had collapsed")
    walked = _relation(misses, text, "walked", "to the park")
    same_cue = misses.pn.Relation(_span(text, "bridge"), _span(text, "said"), ())
    assert misses.never_proposed([found], [found, walked, same_cue]) == [walked]


@pytest.mark.parametrize(
    ("cue", "content", "step"),
    [
        ("said", "that the bridge had collapsed", "lost_later"),  # found and kept
        ("bridge", "had collapsed", "inside_rule"),
        ("to", "park", "not_candidate"),
        ("walked", "to the park", "below_"),
    ],
)
def test_stage_names_the_step(nlp, misses, cue, content, step):
    text = "Officials said that the bridge had collapsed. The children walked to the park."
    doc = nlp(text)
    with misses.Recorder() as rec:
        find_attributions(doc, 0)
    assert len(rec.paragraphs) == 1
    name, head = misses.stage(rec.paragraphs[0], _relation(misses, text, cue, content))
    assert name.startswith(step)
    assert head is not None and head.text == cue
