"""Quotations: marks, spans, speech vs scare quotes, and attaching quotes to speakers."""

from __future__ import annotations

from datetime import datetime

import pytest

from corroborator.nlp.quotes import find_quotes, is_speech
from corroborator.records import Article
from corroborator.records.article import content_hash


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        ('He said "we will win" and left.', ["we will win"]),
        ("He said “we will win” and left.", ["we will win"]),
        ("''It is over,'' she said.", ["It is over,"]),
        ("She called it ‘a farce from start to finish’ yesterday.", ["a farce from start to finish"]),
        ("Officials don’t know, and the mayor’s office isn’t saying.", []),  # apostrophes only
        ("“First quote,” he said, “second quote.”", ["First quote,", "second quote."]),
        ('"Mixed marks,” he said. “Again," she said.', ["Mixed marks,", "Again,"]),
        # a transcript paragraph opened with a straight mark holds a curly quotation
        ('"HOST: it is “a show.” And it goes on', ["HOST: it is “a show.” And it goes on"]),
    ],
)
def test_find_quotes(text, inner):
    assert [q.inner(text) for q in find_quotes(text)] == inner


def test_unbalanced_quote_runs_to_paragraph_end_without_crashing():
    text = "“This quote never closes, he said"
    quotes = find_quotes(text)
    assert len(quotes) == 1 and not quotes[0].closed and quotes[0].end == len(text)
    assert find_quotes("stray closer” here") == []


def test_scare_quotes_are_not_speech():
    text = "The so-called “reform” passed. “We will keep fighting for every family,” she said."
    quotes = find_quotes(text)
    assert [is_speech(q, text) for q in quotes] == [False, True]


def _analyse(text: str, nlp, settings):
    from corroborator.nlp.analyze import analyze_article

    article = Article("q1", "q.txt", None, None, None, datetime(2024, 5, 3), "en", text,
                      content_hash(text))
    return analyze_article(article, settings, nlp=nlp)


@pytest.mark.model
def test_split_quote_gives_both_parts_to_the_speaker(nlp, settings):
    text = "“We will rebuild the bridge,” Mayor Ellen Park said, “and it will be stronger.”"
    claims = _analyse(text, nlp, settings).claims
    assert {c.speaker for c in claims} == {"Ellen Park"}
    quotes = " ".join(c.quote or "" for c in claims)
    assert "We will rebuild the bridge" in quotes and "it will be stronger" in quotes


@pytest.mark.model
def test_multi_sentence_quote_and_pronoun_speaker(nlp, settings):
    text = (
        "Fire chief Omar Reyes spoke to reporters on Monday.\n"
        "“The fire is contained. Crews will stay overnight,” he said.\n"
    )
    claims = _analyse(text, nlp, settings).claims
    said = [c for c in claims if c.cue == "said"]
    assert said and said[0].speaker == "Omar Reyes"
    assert said[0].content_span.of(text) == "“The fire is contained. Crews will stay overnight,”"


@pytest.mark.model
def test_colon_introduced_quote_in_next_paragraph(nlp, settings):
    text = (
        "The minister, Dana Holt, continued:\n"
        "“Nobody will be left behind by this programme, and nobody will pay more.”\n"
    )
    claims = _analyse(text, nlp, settings).claims
    assert claims and claims[0].speaker == "Dana Holt"
    assert claims[0].content_span.of(text).startswith("“Nobody will be left behind")


@pytest.mark.model
def test_quote_paragraph_continues_previous_speaker(nlp, settings):
    text = (
        "“We have enough food for a week,” said Lena Varga, who runs the shelter.\n"
        "“After that we will need help from the city, and we have asked for it.”\n"
    )
    claims = _analyse(text, nlp, settings).claims
    assert len(claims) == 2 and {c.speaker for c in claims} == {"Lena Varga"}


@pytest.mark.model
def test_mixed_quote_inside_indirect_speech(nlp, settings):
    text = "The general said the conscripts were treated as “expendable” by their commanders."
    claims = _analyse(text, nlp, settings).claims
    assert len(claims) == 1 and claims[0].quote == "expendable"


@pytest.mark.model
def test_scare_quote_alone_is_not_a_claim(nlp, settings):
    text = "The “reform” passed the chamber on Tuesday with a narrow majority."
    assert _analyse(text, nlp, settings).claims == ()


@pytest.mark.model
def test_quotation_opened_in_the_content_runs_past_the_sentence_end(nlp, settings):
    text = ("Mayor Ellen Park said that the volunteers “saved the harbour. Without them the "
            "boats would be gone.”")
    said = [c for c in _analyse(text, nlp, settings).claims if c.cue == "said"]
    assert said and said[0].content_span.of(text) == (
        "that the volunteers “saved the harbour. Without them the boats would be gone.”")


@pytest.mark.model
def test_resumed_quotation_continues_the_quote_not_the_aside(nlp, settings):
    text = ("“The mill fed every family here,” Lena Varga said, pointing to the empty lot where "
            "it stood. “Nobody has replaced it.”")
    claims = _analyse(text, nlp, settings).claims
    resumed = [c for c in claims if c.content_span.of(text).startswith("“Nobody")]
    assert len(resumed) == 1 and resumed[0].cue == "said"


@pytest.mark.model
def test_quotation_with_mixed_marks_keeps_its_speaker(nlp, settings):
    text = ('"Two people in this race know how to do that,” said Rick Moss, a strategist. '
            '"That is the mayor and her deputy."')
    claims = _analyse(text, nlp, settings).claims
    assert len(claims) == 2 and {c.speaker for c in claims} == {"Rick Moss"}


def test_a_mark_before_digits_opens_no_quotation():
    text = "He said in ‘08 that “we will win,” and left."
    assert [q.inner(text) for q in find_quotes(text)] == ["we will win,"]


@pytest.mark.model
def test_quotation_before_an_inverted_cue_is_its_content(nlp, settings):
    text = ('"Being very, very, very pro-business, backing lower taxes and being open to new '
            'trade deals," said Marsh. "That is what my rival calls reckless."')
    claims = _analyse(text, nlp, settings).claims
    said = [c for c in claims if c.cue == "said"]
    assert {c.speaker for c in said} == {"Marsh"}
    assert any(c.content_span.of(text).startswith('"Being very') for c in said)


@pytest.mark.model
def test_first_part_of_a_split_quotation_joins_the_cue_that_took_the_second(nlp, settings):
    text = ("''The trouble began when the bank lent money to cover deficits,'' Ms. Ortega said, "
            "''and when it lent to agencies with no way to repay.''")
    claims = _analyse(text, nlp, settings).claims
    assert {c.content_span.of(text)[:12] for c in claims} == {"''The troubl", "''and when i"}
    assert {c.speaker for c in claims} == {"Ortega"}


@pytest.mark.model
def test_elided_year_does_not_swallow_the_quotations_after_it(nlp, settings):
    text = ("Rep. Ann Cole (D-Ga.) said in ‘08 that voters had changed. “I do sense that people "
            "are aware of it. It makes their eyes open wider,” she said. “It does away with the "
            "‘blame game’ for good.”")
    claims = _analyse(text, nlp, settings).claims
    quoted = [c for c in claims if c.content_span.of(text).startswith("“")]
    assert len(quoted) == 2 and {c.speaker for c in quoted} == {"Ann Cole"}


@pytest.mark.model
def test_a_quotation_after_an_introducing_colon_is_the_content_alone(nlp, settings):
    text = ("Witness Omar Reyes, 52, described the moment the roof fell: “The beams cracked and "
            "within seconds the hall was full of dust,” he said.")
    claims = _analyse(text, nlp, settings).claims
    said = [c for c in claims if c.cue == "said"]
    assert said and said[0].speaker == "Omar Reyes"
    # the introduction (with the witness's age) is not part of what he said
    assert said[0].content_span.of(text).startswith("“The beams cracked")
    assert not said[0].quantities


@pytest.mark.model
def test_a_cue_that_introduces_a_quotation_another_cue_reports_ends_at_the_colon(nlp,
                                                                                 settings):
    text = ("Witness Omar Reyes, 52, told how the roof fell: “The beams cracked and within "
            "seconds the hall was full of dust,” he said.")
    claims = _analyse(text, nlp, settings).claims
    # each token plays one role: the quotation is what "he said", not also what he "told"
    for claim in claims:
        if claim.cue != "said":
            assert "beams" not in claim.content_span.of(text), claim
