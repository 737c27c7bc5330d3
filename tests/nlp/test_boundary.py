"""The learned content boundary (nlp/boundary.py): readings from the parse, the choice."""

from __future__ import annotations

import numpy as np
import pytest

from corroborator.nlp import boundary
from corroborator.nlp.attribution import find_attributions
from corroborator.nlp.relations import Attribution

pytestmark = pytest.mark.model


def _att(text: str, cue: str, content: str, speaker: str | None = None) -> Attribution:
    c0 = text.index(cue)
    s0 = text.index(content)
    att = Attribution(content=(s0, s0 + len(content)), stance="stated",
                      cue=(c0, c0 + len(cue)), cue_lemma=cue)
    if speaker:
        p0 = text.index(speaker)
        att.speaker, att.speaker_text = (p0, p0 + len(speaker)), speaker
    return att


def _texts(doc, att: Attribution) -> list[tuple[str, str]]:
    cands, _ = boundary.readings(doc, att, 0)
    return [(r.kind, doc[r.lo: r.hi + 1].text) for r in cands]


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker", "expected"),
    [
        # a clause describing the object: a cut before it
        ("Critics discussed the plan that the council passed in May.", "discussed",
         "the plan that the council passed in May", "Critics", ("cut", "the plan")),
        # a view of the object after it ("the plan as a giveaway"): an extension
        ("Critics ripped the plan as a giveaway to developers.", "ripped", "the plan",
         "Critics", ("sib", "the plan as a giveaway to developers")),
        # a second clause after a comma
        ("The mayor said the roads were closed, and schools stayed shut.", "said",
         "the roads were closed, and schools stayed shut", "The mayor",
         ("comma", "the roads were closed")),
    ],
)
def test_readings_offer_cuts_and_extensions(nlp, text, cue, content, speaker, expected):
    doc = nlp(text)
    found = _texts(doc, _att(text, cue, content, speaker))
    assert found[0] == ("cur", content)
    assert expected in found


def test_readings_never_take_in_the_cue_or_speaker(nlp):
    text = "The report on the flood, the mayor said, was wrong."
    doc = nlp(text)
    att = _att(text, "said", "The report on the flood", "the mayor")
    for _, reading in _texts(doc, att):
        assert "said" not in reading.split() and "mayor" not in reading


def test_refit_takes_the_reading_a_model_prefers_by_its_margin(nlp):
    text = "Critics discussed the plan that the council passed in May."
    whole = "the plan that the council passed in May"
    doc = nlp(text)
    cands, cue = boundary.readings(doc, _att(text, "discussed", whole, "Critics"), 0)
    cut = next(r for r in cands if r.kind == "cut" and doc[r.hi].text == "plan")
    weights = np.zeros(1 << boundary.NBITS, dtype=np.float32)
    weights[boundary.features(doc, _att(text, "discussed", whole, "Critics"), cut, cands[0],
                              cue)] = 1.0
    for margin, content in ((0.5, "the plan"), (1e6, whole)):
        att = _att(text, "discussed", whole, "Critics")
        boundary.refit(doc, [att], 0, boundary.Model(weights, 0.0, margin))
        assert text[att.content[0]: att.content[1]] == content


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # the shipped models keep plain reports as the rules read them
        ("Officials said that the bridge had collapsed.", "said",
         "that the bridge had collapsed"),
        ("The minister told parliament that taxes would rise next year.", "told",
         "that taxes would rise next year"),
        ("“We will rebuild the harbour,” the mayor said.", "said",
         "We will rebuild the harbour"),
    ],
)
def test_shipped_models_keep_plain_reports(nlp, text, cue, content):
    atts = [a for a in find_attributions(nlp(text)) if text[a.cue[0]: a.cue[1]] == cue]
    assert atts and text[atts[0].content[0]: atts[0].content[1]] == content
