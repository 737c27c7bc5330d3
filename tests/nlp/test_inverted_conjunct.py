""""CLAUSE, the agency said on Friday, forcing ...": the parser may coordinate the cue with
the clause it reports; the clause is the content, not what follows the cue."""

from __future__ import annotations

import pytest

from corroborator.nlp.attribution import find_attributions

pytestmark = pytest.mark.model


def _said(nlp, text: str) -> tuple[str | None, str]:
    doc = nlp(text)
    [att] = [a for a in find_attributions(doc) if text[a.cue[0]:a.cue[1]] == "said"]
    return att.speaker_text, text[att.content[0]:att.content[1]]


def test_a_cue_parsed_as_a_conjunct_reports_the_clause_before_its_subject(nlp) -> None:
    text = ("A landslide has buried at least 40 homes in the mountain village of Ostrava Dol, "
            "the civil protection agency said on Friday, forcing hundreds into temporary "
            "shelters.")
    assert [t.dep_ for t in nlp(text) if t.text == "said"] == ["conj"]  # the parse in question
    speaker, content = _said(nlp, text)
    assert "civil protection agency" in speaker
    assert content == ("A landslide has buried at least 40 homes in the mountain village of "
                       "Ostrava Dol")


def test_a_real_coordination_keeps_its_own_complement(nlp) -> None:
    speaker, content = _said(nlp, "Rescue crews reached the village on Monday and said the "
                                  "road was cut.")
    assert speaker == "Rescue crews" and content == "the road was cut"
