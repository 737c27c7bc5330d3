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


def _by_cue(nlp, text: str, cue: str):
    doc = nlp(text)
    (att,) = [a for a in find_attributions(doc) if text[a.cue[0]:a.cue[1]].endswith(cue)]
    return att, text[att.content[0]:att.content[1]]


def test_a_speaker_parsed_as_a_conjunct_of_the_clauses_last_noun_still_speaks(nlp) -> None:
    text = ("About 1,100 Karstian soldiers have been killed or wounded fighting for the Velm "
            "Federation against Dravnia, Ostmark's National Intelligence Service (NIS) told "
            "lawmakers on Wednesday.")
    # the parse in question: "Service" a conjunct of "Dravnia", "told" one of "killed"
    assert {t.text: t.dep_ for t in nlp(text)}["Service"] == "conj"
    att, content = _by_cue(nlp, text, "told")
    assert "National Intelligence Service" in att.speaker_text
    assert content == ("About 1,100 Karstian soldiers have been killed or wounded fighting for "
                       "the Velm Federation against Dravnia")
    measured = {q.text: q.measured for q in find_quantities(nlp(text))}
    assert measured["About 1,100"] == "Karstian soldiers killed or wounded"  # not "... told"


def test_an_earlier_conjunct_of_the_clause_is_no_coordination_with_the_cue(nlp) -> None:
    text = ("About 3,000 Karstian soldiers have now been killed or wounded fighting for the "
            "Velm Federation, Ostmark's National Intelligence Service (NIS) said on Tuesday, "
            "nearly three times the figure it gave lawmakers last week.")
    att, content = _by_cue(nlp, text, "said")
    assert content.startswith("About 3,000 Karstian soldiers have now been killed")
    # a real coordination still keeps its own complement
    _, content = _by_cue(nlp, "Crews cleared the road and reopened it, and said the bridge "
                              "was safe.", "said")
    assert content == "the bridge was safe"


def test_an_organisation_the_recogniser_runs_across_a_comma_is_cut_to_the_subject(nlp) -> None:
    text = ("More than 1,100 Karstian soldiers have been killed or wounded in the Velm "
            "Federation's war with Dravnia, Harbour News Agency reported on Wednesday.")
    att, _ = _by_cue(nlp, text, "reported")
    assert att.speaker_text == "Harbour News Agency"


def test_a_negated_cue_asserts_nothing(nlp) -> None:
    att, _ = _by_cue(nlp, "Karstia has not acknowledged sending troops.", "acknowledged")
    assert att.stance == "hedged"
    att, _ = _by_cue(nlp, "Karstia acknowledged sending troops.", "acknowledged")
    assert att.stance == "confirmed"


def test_objects_shared_by_conjoined_verbs_are_counted_by_both(nlp) -> None:
    text = ("Colonel Ivo Tamm said that its forces had killed or wounded at least 3,000 "
            "Karstian soldiers in the past month.")
    measured = {q.text: q.measured for q in find_quantities(nlp(text))}
    assert "killed or wounded" in measured["at least 3,000"]


def test_a_passive_verb_lends_no_object_to_its_conjunct(nlp) -> None:
    measured = {q.text: q.measured for q in find_quantities(
        nlp("Police said 23 people were arrested and 8 officers injured."))}
    assert measured["8"] == "officers injured"


def test_a_figure_in_a_conjunct_without_its_verb_belongs_to_that_conjuncts_noun(nlp) -> None:
    text = ("With 92 percent of ballots counted, the Civic Union had 31.8 percent of the vote "
            "and the Social Democrats 28.9 percent, the Central Electoral Commission said.")
    measured = {q.text: q.measured for q in find_quantities(nlp(text))}
    assert measured["31.8 percent"].startswith("Civic Union")
    assert measured["28.9 percent"].startswith("Social Democrats")


def test_an_outlets_understanding_after_the_clause_is_its_claim_not_the_clubs(nlp) -> None:
    text = ("Kingsbridge Rovers have agreed a fee believed to be around £80m with Sporting "
            "Aldmark for striker Dario Lenk, The Back Page understands.")
    # the parse in question: the cue hangs off the noun before the comma
    assert [t.dep_ for t in nlp(text) if t.text == "understands"] == ["relcl"]
    (att,) = find_attributions(nlp(text))
    assert text[att.cue[0]:att.cue[1]] == "understands"
    assert "Back Page" in (att.speaker_text or "")
    assert text[att.content[0]:att.content[1]].startswith("Kingsbridge Rovers have agreed")


def test_a_deal_agreed_is_no_statement_but_an_agreement_that_is(nlp) -> None:
    assert not find_attributions(nlp("Lenk has already agreed personal terms with Rovers."))
    (att,) = find_attributions(nlp("Both clubs agreed that the fee was too high."))
    assert att.speaker_text == "clubs" and att.cue_lemma == "agree"


def test_what_a_paper_understands_is_reported_and_what_a_person_understands_stated(nlp) -> None:
    text = ("Kingsbridge Rovers have agreed a fee believed to be around £80m with Sporting "
            "Aldmark for striker Dario Lenk, The Back Page understands.")
    assert [a.stance for a in find_attributions(nlp(text))] == ["reported"]
    (person,) = find_attributions(nlp("Maria Lund understands that the club will sell."))
    assert person.stance == "stated"
