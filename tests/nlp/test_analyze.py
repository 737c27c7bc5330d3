"""The per-article stage end to end: claims, bad input, batching and the JSON contract."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import jsonschema
import pytest

from corroborator.errors import ConfigError
from corroborator.nlp import analyze
from corroborator.nlp.analyze import (
    ArticleAnalysis,
    analyze_article,
    analyze_articles,
)
from corroborator.nlp.contract import article_analysis_record
from corroborator.pipeline.workers import can_fork
from corroborator.records import Article
from corroborator.records.article import content_hash
from corroborator.settings import NlpSettings

pytestmark = pytest.mark.model

SCHEMA = Path(__file__).resolve().parents[3] / "shared" / "contracts" / \
    "article-analysis.schema.json"

STORY = """Harbor says nearly 3,000 workers left the port

Port Minister Lea Okafor revealed on Friday that nearly 3,000 dock workers have left the port since March.
The Harbor Workers Union (HWU) had earlier estimated the departures at around 1,000, according to local lawmakers.
“They are treated as expendable,” Okafor said. “The owners do not care about them.”
Coastline Radio, citing the HWU, reported that more than 10,000 containers were stranded.
The operator denied the reports, calling them “fantasies”.
The operator has reportedly hired replacement crews. It is believed that talks could resume.
The minister added that the strike may end next week.
"""


def make(text: str, id_: str = "a1", language: str | None = "en") -> Article:
    return Article(id_, f"{id_}.txt", None, "Harbor Times", "Port strike",
                   datetime(2024, 12, 27), language, text, content_hash(text))


@pytest.fixture(scope="module")
def story(nlp, settings) -> ArticleAnalysis:
    return analyze_article(make(STORY), settings, nlp=nlp)


def _by_cue(analysis, cue):
    found = [c for c in analysis.claims if c.cue == cue]
    assert found, f"no claim with cue {cue!r}: {[c.cue for c in analysis.claims]}"
    return found[0]


def test_claims_of_the_story(story):
    assert story.error is None
    revealed = _by_cue(story, "revealed")
    assert revealed.speaker == "Lea Okafor" and revealed.stance == "stated"
    assert [q.text for q in revealed.quantities] == ["nearly 3,000"]
    estimated = _by_cue(story, "estimated")
    assert estimated.speaker == "Harbor Workers Union" and estimated.stance == "estimated"
    assert estimated.via[0] == "local lawmakers"
    reported = _by_cue(story, "reported")
    assert reported.via == ("Coastline Radio", "Harbor Workers Union")
    assert _by_cue(story, "denied").stance == "denied"
    assert _by_cue(story, "reportedly").speaker is None
    assert _by_cue(story, "is believed").stance == "hedged"
    said = [c for c in story.claims if c.cue == "said"]
    assert {c.speaker for c in said} == {"Lea Okafor"} and len(said) == 2
    assert _by_cue(story, "added").speaker == "Lea Okafor"  # "the minister", unambiguous


def test_every_claim_quantity_is_an_article_quantity(story):
    spans = {q.span for q in story.quantities}
    for claim in story.claims:
        assert all(q.span in spans for q in claim.quantities)
        assert all(claim.content_span.contains(q.span) for q in claim.quantities)


def test_claim_ids_are_stable(nlp, settings, story):
    again = analyze_article(make(STORY), settings, nlp=nlp)
    assert [c.id for c in again.claims] == [c.id for c in story.claims]
    assert len({c.id for c in story.claims}) == len(story.claims)


def test_record_validates_against_the_contract(story):
    schema = json.loads(SCHEMA.read_text("utf-8"))
    record = article_analysis_record(make(STORY), story)
    jsonschema.validate(json.loads(json.dumps(record)), schema)
    assert record["schema_version"].startswith("1.")
    for claim in record["claims"]:
        start, end = claim["content_span"]
        assert record["text"][start:end] == claim["content"]


@pytest.mark.parametrize(
    ("text", "language", "error"),
    [
        ("", "en", "no sentences"),
        ("12 34 56 ... !!!", "en", "no sentences"),
        ("Der Minister sagte, dass der Hafen geschlossen bleibt.", "de",
         "not analysed: language de"),
    ],
)
def test_bad_input_gives_an_error_not_an_exception(nlp, settings, text, language, error):
    result = analyze_article(make(text, language=language), settings, nlp=nlp)
    assert result.error is not None and error in result.error
    assert result.claims == () and result.quantities == ()
    schema = json.loads(SCHEMA.read_text("utf-8"))
    jsonschema.validate(article_analysis_record(make(text, language=language), result), schema)


def test_control_characters_and_unbalanced_quotes(nlp, settings):
    text = "The mayor\x00 said \x07the “road was closed.\nOfficials said\x1b it would reopen."
    result = analyze_article(make(text), settings, nlp=nlp)
    assert result.error is None
    for claim in result.claims:  # offsets still index the stored text
        assert 0 <= claim.content_span.start < claim.content_span.end <= len(text)


def test_long_article_is_cut_with_a_note(nlp, settings):
    small = settings.with_overrides({"nlp": {"max_chars": 2000}})
    text = "Officials said the port was closed. " * 200
    result = analyze_article(make(text), small, nlp=nlp)
    assert result.error is None and result.notes and "max_chars" in result.notes[0]
    assert all(c.content_span.end <= 2000 for c in result.claims)


def test_batch_keeps_order_and_isolates_bad_articles(nlp, settings):
    articles = [
        make("Officials said the bridge was closed.", "b1"),
        make("", "b2"),
        make("Le ministre a dit non.", "b3", language="fr"),
        make("The union said the strike would continue.\nIt added that talks had failed.", "b4"),
    ]
    seen = []
    results = list(analyze_articles(articles, settings, progress=seen.append, nlp=nlp))
    assert [r.article_id for r in results] == ["b1", "b2", "b3", "b4"]
    assert [r.error is None for r in results] == [True, False, False, True]
    assert seen == [1, 2, 3, 4]
    assert results[3].claims and results[3].claims[-1].speaker == "union"


def _mixed_batch() -> list[Article]:
    lines = STORY.splitlines()
    out = [make("\n".join(lines[: 2 + n % 7]), f"m{n}") for n in range(9)]
    out.insert(4, make("", "empty"))
    out.insert(7, make("Le ministre a dit non.", "fr", language="fr"))
    return out


@pytest.mark.skipif(not can_fork(), reason="needs the fork start method")
@pytest.mark.parametrize("stream", [False, True])
def test_forked_workers_give_the_one_process_results(nlp, settings, monkeypatch, stream):
    """Workers parse and analyse chunks and send back records: same results, same order."""
    monkeypatch.setattr(analyze, "CHUNK", 2)  # several chunks per worker for a stream
    articles = _mixed_batch()
    alone = list(analyze_articles(articles, settings, nlp=nlp))
    two = settings.with_overrides({"nlp": {"n_process": 2}})
    seen: list[int] = []
    given = iter(articles) if stream else articles
    pooled = list(analyze_articles(given, two, progress=seen.append, nlp=nlp))
    assert pooled == alone
    assert seen == list(range(1, len(articles) + 1))
    assert sum(len(r.claims) for r in alone) > 9


@pytest.mark.parametrize("size", [1, 3, 1000])
def test_paragraph_batch_size_does_not_change_results(nlp, settings, size):
    articles = _mixed_batch()[:5]
    default = list(analyze_articles(articles, settings, nlp=nlp))
    other = settings.with_overrides({"nlp": {"paragraph_batch_size": size}})
    assert list(analyze_articles(articles, other, nlp=nlp)) == default


def test_paragraph_batch_size_must_be_positive(settings):
    with pytest.raises(ConfigError, match="paragraph_batch_size"):
        settings.with_overrides({"nlp": {"paragraph_batch_size": 0}}).get(NlpSettings)


def test_a_body_named_after_a_title_is_not_the_titled_person(nlp, settings):
    text = ("Coast guard commander Ilse Marrow said 260 people had been rescued overnight.\n\n"
            "More than 40 people are still missing, according to the coast guard.\n\n"
            "The commander said the search would go on through the night.")
    result = analyze_article(make(text), settings, nlp=nlp)
    speakers = {text[c.content_span.start:c.content_span.end]: c.speaker
                for c in result.claims}
    missing = next(s for content, s in speakers.items() if "missing" in content)
    search = next(s for content, s in speakers.items() if "search" in content)
    # "the coast guard" is the body "coast guard commander" qualifies; "the commander" is her
    assert missing != "Ilse Marrow"
    assert search == "Ilse Marrow"


def test_hard_wrapped_text_keeps_statements_whole(nlp, settings) -> None:
    from tests.nlp.test_segment import WRAPPED

    claims = analyze_article(make(WRAPPED), settings, nlp=nlp).claims
    contents = [" ".join(WRAPPED[c.content_span.start:c.content_span.end].split())
                for c in claims]
    assert "field hospitals were being set up in Kel Aran and two nearby towns" in contents
    [aid] = [c for c, text in zip(claims, contents, strict=True) if "dinars" in text]
    assert [q.value for q in aid.quantities] == [50_000_000]


def test_a_name_behind_an_honorific_is_no_firm_the_company_stands_for(nlp, settings):
    # the recogniser reads "Hana Brisk" after "Dr" as an organisation; "the company" after her
    # words is still the firm named before her
    text = ("Ostrava Pharma today announced that its pill met its goal.\n\n"
            "\"The results are clear,\" said Dr Hana Brisk, cardiologist at Orlen General "
            "Hospital, Sarth, and principal investigator of the VELA trial.\n\n"
            "The company expects to launch the pill next year.")
    analysis = analyze_article(make(text), settings, nlp=nlp)
    assert _by_cue(analysis, "expects").speaker == "Ostrava Pharma"


def test_a_speaker_is_not_the_agency_that_relays_it(nlp, settings):
    # KTA is the organisation named last before "the company", but it only relays the words
    text = ("Miners trapped\n\nRescue teams were still digging at the mine on Tuesday, KTA "
            "reported.\n\nRescuers reached the second chamber, the company said, according "
            "to KTA.\n")
    said = _by_cue(analyze_article(make(text), settings, nlp=nlp), "said")
    assert said.speaker == "company" and said.via == ("KTA", "company")


def test_the_chain_ends_with_the_name_its_speaker_was_given(nlp, settings):
    text = ("Miners trapped\n\nVarkos Mining runs the mine.\n\nRescuers reached the second "
            "chamber, the company said, according to KTA.\n")
    said = _by_cue(analyze_article(make(text), settings, nlp=nlp), "said")
    assert said.speaker == "Varkos Mining" and said.via == ("KTA", "Varkos Mining")


@pytest.mark.parametrize(("outlet", "chain"), [
    ("Harbor Times", ("Radio Lorvana", "passenger")),
    # the outlet's own interview, by its full name, last word or initials: no chain
    ("Radio Lorvana", ()),
    ("The Lorvana Herald", ()),
    ("Lorvana Public Radio Herald", ()),
])
def test_told_an_outlet_is_a_chain_unless_it_is_the_article_own(nlp, settings, outlet, chain):
    told = {"Harbor Times": "Radio Lorvana", "Radio Lorvana": "Radio Lorvana",
            "The Lorvana Herald": "the Herald", "Lorvana Public Radio Herald": "LPRH"}[outlet]
    text = f"Engine failure\n\nA passenger told {told} that the cabin filled with smoke.\n"
    article = make(text)
    article = Article(article.id, article.path, None, outlet, article.title,
                      article.published, "en", text, content_hash(text))
    claim = _by_cue(analyze_article(article, settings, nlp=nlp), "told")
    assert claim.speaker == "passenger" and claim.via == chain


@pytest.mark.parametrize(("text", "chain"), [
    # initials alone make no outlet: the UN heard it, no outlet relayed it
    ("The minister told the UN that the cabin filled with smoke.", ()),
    # the report shows the initials are an outlet's: its name, a dateline, an introduction
    ("Kessa Radio News covered the landing. The minister told KRN that the cabin filled "
     "with smoke.", ("KRN", "minister")),
    ("PORTA, May 2 (KRN) - The minister told KRN that the cabin filled with smoke.",
     ("KRN", "minister")),
    ("The minister told the broadcaster KRN that the cabin filled with smoke.",
     ("KRN", "minister")),
])
def test_told_initials_are_an_outlet_only_on_the_reports_word(nlp, settings, text, chain):
    article = make(f"Engine failure\n\n{text}\n")
    claim = _by_cue(analyze_article(article, settings, nlp=nlp), "told")
    assert claim.speaker == "minister" and claim.via == chain


@pytest.mark.parametrize(("name", "outlet", "same"), [
    ("the Herald", "The Northgate Herald", True),
    ("HPA", "Harlow Press Agency", True),
    ("Radio Lorvana", "Radio Lorvana", True),
    ("Radio Lorvana", "AeroBrief", False),
    ("Northgate", "The Northgate Herald", False),
    ("KTV", "KTV News", True),
    ("Sky", "Sky Sports", False),
])
def test_names_outlet(name, outlet, same):
    assert analyze.names_outlet(name, outlet) is same


def test_a_claim_holds_the_whole_figure_its_content_would_cut(nlp, settings):
    """The parse hangs "between" on "said": the content must still hold the range."""
    text = ("Count disputed\n\nIts chair, Mira Olsen, said between 2,000 and 3,000 ballots were "
            "disputed across the region.\n")
    claim = _by_cue(analyze_article(make(text), settings, nlp=nlp), "said")
    assert text[claim.content_span.start:].startswith("between 2,000")
    assert [(q.text, q.unit) for q in claim.quantities] == [("between 2,000 and 3,000",
                                                             "ballots")]


def test_a_figures_owner_told_by_description_is_the_organisation_named_before(nlp, settings):
    text = ("Final count\n\nThe Unity Party won 28 of the 60 seats, final results showed.\n\n"
            "The party took 41.6% of the vote, the electoral commission said. The company said "
            "it employs 300 people.\n")
    found = {q.text: q.measured for q in analyze_article(make(text), settings, nlp=nlp).quantities}
    assert found["41.6%"].startswith("Unity Party")
    # no firm was named: "the company" stays as written
    assert found["300"].startswith("company")


@pytest.mark.parametrize(("text", "speaker"), [
    # the recogniser labels the full names organisations; the surname alone is a person's
    # (or a word the text writes only as a name)
    ("Reef survey\n\nThe institute's team, led by Maja Brink, surveyed the reef on Monday. "
     "\u201cThe damage runs deeper than anyone feared,\u201d Brink told reporters.\n",
     "Maja Brink"),
    ("Wreck found\n\nThe agency's divers, led by Helena Voss, reached the wreck at dawn. "
     "\u201cThe hull is intact,\u201d Voss said.\n", "Helena Voss"),
])
def test_a_person_taken_for_an_organisation_is_named_by_her_surname(nlp, settings, text,
                                                                      speaker):
    (claim,) = [c for c in analyze_article(make(text), settings, nlp=nlp).claims if c.quote]
    assert claim.speaker == speaker
