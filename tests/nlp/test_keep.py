"""The learned keep check (nlp/keep.py): features of a relation, the drop, the shipped model."""

from __future__ import annotations

import numpy as np
import pytest

from corroborator.nlp import keep
from corroborator.nlp.attribution import find_attributions
from corroborator.nlp.relations import Attribution

pytestmark = pytest.mark.model


def _att(text: str, cue: str, content: str, score: float | None = None) -> Attribution:
    c0, s0 = text.index(cue), text.index(content)
    return Attribution(content=(s0, s0 + len(content)), stance="stated",
                       cue=(c0, c0 + len(cue)), cue_lemma=cue, score=score)


def test_features_tell_the_cue_word_and_the_tagger_score_apart(nlp):
    text = "The senator said the plan would fail, and critics slammed the deal."
    doc = nlp(text)
    said = keep.features(doc, _att(text, "said", "the plan would fail"), 0)
    slammed = keep.features(doc, _att(text, "slammed", "the deal", 0.7), 0)
    assert said != slammed
    sure = keep.features(doc, _att(text, "slammed", "the deal", 0.95), 0)
    assert sure != slammed and len(sure) == len(slammed)


def test_screen_drops_below_the_threshold_and_keeps_relations_without_a_cue(nlp):
    text = "The senator said the plan would fail, and critics slammed the deal."
    doc = nlp(text)
    said = _att(text, "said", "the plan would fail")
    slammed = _att(text, "slammed", "the deal", 0.7)
    quoted = Attribution(content=(0, 11), stance="stated")
    weights = np.zeros(1 << keep.NBITS, dtype=np.float32)
    # what sets "slammed" apart counts against it; what both share weighs nothing
    own = set(keep.features(doc, slammed, 0)) - set(keep.features(doc, said, 0))
    weights[sorted(own)] = -1.0
    model = keep.Model(weights, 0.0, 0.5)
    assert keep.probabilities(doc, [said, quoted], 0, model) == [0.5, 1.0]
    assert keep.screen(doc, [said, slammed, quoted], 0, model) == [said, quoted]
    assert keep.screen(doc, [said, slammed], 0, keep.Model(weights, 0.0, 0.0)) == [said,
                                                                                   slammed]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Officials said that the bridge had collapsed.", "the bridge had collapsed"),
        ("The mayor told reporters the roads would reopen on Monday.",
         "the roads would reopen on Monday"),
    ],
)
def test_the_shipped_model_keeps_plain_reports(nlp, text, content):
    assert keep.load_model() is not None
    found = [text[a.content[0]: a.content[1]] for a in find_attributions(nlp(text))]
    assert any(content in f for f in found)


def test_without_weights_every_relation_stays(nlp, tmp_path):
    text = "Officials said that the bridge had collapsed."
    doc = nlp(text)
    att = _att(text, "said", "the bridge had collapsed")
    assert keep.load_model(tmp_path / "absent.npz") is None
    saved = keep.WEIGHTS
    keep.WEIGHTS = tmp_path / "absent.npz"
    try:
        assert keep.screen(doc, [att], 0) == [att]
    finally:
        keep.WEIGHTS = saved
