""""CLAUSE, the agency said on Friday, forcing ...": the clause before an inverted cue is
its content (the parser may coordinate the cue with it), and a participle after the cue
goes on with that clause: a second statement of the speaker, whose figures count what the
clause's subject did."""

from __future__ import annotations

import pytest

from corroborator.nlp.attribution import find_attributions
from corroborator.nlp.quantities import find_quantities

pytestmark = pytest.mark.model


def _said(nlp, text: str) -> tuple[str | None, str]:
    """Speaker and content of the first statement whose cue is "said"."""
    doc = nlp(text)
    att = min((a for a in find_attributions(doc) if text[a.cue[0]:a.cue[1]] == "said"),
              key=lambda a: a.content[0])
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


def test_a_participle_after_an_inverted_cue_is_the_speakers_too(nlp) -> None:
    text = ("Five more bodies were pulled from the rubble overnight, police said on Monday, "
            "bringing the death toll to 43.")
    atts = find_attributions(nlp(text))
    assert {(a.speaker_text, text[a.content[0]:a.content[1]]) for a in atts} == {
        ("police", "Five more bodies were pulled from the rubble overnight"),
        ("police", "bringing the death toll to 43")}


def test_manner_participles_and_cues_after_the_cue_are_not_contents(nlp) -> None:
    text = ("Heavy rain has damaged nearly 600 houses across the province, the disaster "
            "agency said on Sunday, adding that rescue teams were on their way.")
    contents = {text[a.content[0]:a.content[1]] for a in find_attributions(nlp(text))}
    assert contents == {"Heavy rain has damaged nearly 600 houses across the province",
                        "that rescue teams were on their way"}


def test_the_participles_figure_counts_what_the_reported_subject_did(nlp) -> None:
    text = ("A landslide has buried at least 40 homes in the mountain village of Ostrava Dol, "
            "the civil protection agency said on Friday, forcing 300 villagers from their "
            "homes.")
    measured = {q.text: q.measured for q in find_quantities(nlp(text))}
    assert "agency" not in measured["300"] and "landslide" in measured["300"]
