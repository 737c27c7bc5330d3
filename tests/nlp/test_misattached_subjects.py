"""A speech verb that reports a clause but got no subject from the parser (the name beside it
hung on a fronted phrase) takes the noun phrase right before it as its speaker."""

from __future__ import annotations

import pytest

from corroborator.nlp.attribution import find_attributions

pytestmark = pytest.mark.model


def _statements(nlp, text: str) -> set[tuple[str | None, str]]:
    return {(text[a.speaker[0]:a.speaker[1]] if a.speaker else None,
             text[a.content[0]:a.content[1]])
            for a in find_attributions(nlp(text)) if a.cue and text[a.cue[0]:a.cue[1]] == "said"}


def test_a_name_hung_on_a_fronted_phrase_is_the_speaker(nlp) -> None:
    text = ("Friday at the regional party conference in Tessel Gov. Arno Pell (R-Tessel) said "
            "the new ferry contract was a costly mistake.")
    said = _statements(nlp, text)
    assert len(said) == 1
    speaker, content = said.pop()
    assert speaker is not None and "Gov. Arno Pell" in speaker
    assert content == "the new ferry contract was a costly mistake"


def test_a_verb_that_shares_its_subject_takes_no_noun_before_it(nlp) -> None:
    text = "The crews met Mayor Okafor and said that the bridge was unsafe."
    assert _statements(nlp, text) == {("The crews", "that the bridge was unsafe")}


def test_a_name_glued_to_the_outlet_before_it_is_cut_to_the_name(nlp) -> None:
    # the parse reads "the Coast Gazette Okafor" as one name, the object of "of"
    text = ("What is Okafor’s plan for the ferry? In a May meeting with the editorial board "
            "of the Coast Gazette Okafor said that the ferry contract would be cancelled.")
    assert _statements(nlp, text) == {("Okafor", "that the ferry contract would be cancelled")}


def test_the_hearer_after_an_inverted_cue_is_not_its_speaker(nlp) -> None:
    text = ("Among them are 12 seriously injured crew members, the head of the rescue "
            "service, Mirela Kostan, told TPR.")
    speakers = {text[a.speaker[0]:a.speaker[1]] for a in find_attributions(nlp(text))
                if a.speaker and a.cue and text[a.cue[0]:a.cue[1]] == "told"}
    assert "TPR" not in speakers
