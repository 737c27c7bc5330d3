"""A speaker's words to one outlet's own reporter, against another outlet's quotation of the
same speaker; and a headline's body described in lower case (fictional reports through the
NLP stage, compared with the packaged sentence encoder)."""

from __future__ import annotations

import pytest

from .helpers import article, compare_by_story, parse_reports

pytestmark = [pytest.mark.model, pytest.mark.embeddings]

QUOTED = ("“The cooling pumps at that plant were flagged as faulty in every audit since 2021, "
          "and nobody replaced them,” said Mara Velde, a safety engineer at Korsby "
          "University.")

REPORTS = [
    article("pumps-a", "Tallin Wire Service",
            "KORSBY — A fire shut the Korsby chemical plant on Monday. " + QUOTED,
            day=10, hour=9),
    # the engineer's own interview with the paper: another occasion, not a misquotation
    article("pumps-b", "Korsby Sentinel",
            "Mara Velde, the Korsby University engineer, told the Sentinel that the plant's "
            "cooling pumps had been rated as faulty since 2021 and that she had warned the "
            "regional council about them in 2024.", day=10, hour=15),
    article("vents-a", "Tallin Wire Service",
            "KORSBY — A fire shut the Korsby chemical plant on Monday. " + QUOTED,
            day=10, hour=9),
    # the same report of her words without an interview of its own is the quotation's
    # counterpart, as before
    article("vents-b", "Korsby Sentinel",
            "Mara Velde, the Korsby University engineer, said that the plant's cooling pumps "
            "had been rated as faulty since 2021 and that she had warned the regional council "
            "about them in 2024.", day=10, hour=15),
    article("toll-a", "Harbour Wire",
            "Fire service puts Orsk ferry toll at 12 as search goes on\n\n"
            "The Orsk Fire and Rescue Service said on Tuesday that 12 people had died when the "
            "ferry Kestrel capsized.", day=11, hour=9),
    article("toll-b", "Orsk Gazette",
            "The Orsk Fire and Rescue Service said nine people had died when the ferry Kestrel "
            "capsized.", day=11, hour=8),
]


@pytest.fixture(scope="module")
def parsed(settings, nlp):
    return parse_reports(REPORTS, settings, nlp)


@pytest.fixture(scope="module")
def compared(settings, parsed):
    return compare_by_story(REPORTS, parsed, settings)


def test_words_told_to_an_outlet_itself_make_no_quote_variant(compared) -> None:
    assert not [c.explanation for c in compared["pumps"].conflicts
                if c.kind == "quote-variant"]
    (variant,) = [c for c in compared["vents"].conflicts if c.kind == "quote-variant"]
    assert "Mara Velde" in variant.explanation


def test_a_headlines_body_in_lower_case_is_the_body_its_report_names(parsed) -> None:
    from corroborator.compare.speakers import StorySpeakers

    toll = [c for c in parsed if c.article_id.startswith("toll")]
    speakers = StorySpeakers(toll, [r for r in REPORTS if r.id.startswith("toll")])
    (headline,) = [c for c in toll if c.speaker == "Fire service"]
    assert speakers.of(headline).label == "Orsk Fire and Rescue Service"
    # a body the report names with each word's capital stays as named
    assert {speakers.of(c).label for c in toll} == {"Orsk Fire and Rescue Service"}
