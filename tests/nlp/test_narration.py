"""Figures a report states in its own voice become the outlet's claims (nlp/narration.py)."""

from __future__ import annotations

import pytest

from corroborator.nlp import narration
from corroborator.nlp.analyze import analyze_article
from corroborator.records import Article

pytestmark = pytest.mark.model

TEXT = (
    "Ferry capsizes off Kesslo with 312 on board\n"
    "KESSLO, May 4 (Northgate Wire) — The ferry Aster was carrying 312 passengers when it "
    "overturned in a storm on Tuesday. Rescuers pulled 140 people from the water, the coast "
    "guard said.\n"
    "Among the survivors was Maria Holm, 34, a teacher from Kesslo. How many crew were on "
    "board?\n"
    "\"Forty people went into the water at once.\"\n"
    "The Aster, built in 1984, was sold to Kesslo Lines in 2019. The company's shares could "
    "fall 10 percent when trading opens.\n"
)


def _article(text: str = TEXT) -> Article:
    return Article("narr", "narr.txt", None, "Northgate Wire", None, None, "en", text, "")


@pytest.fixture(scope="module")
def narrated(settings, nlp) -> list:
    analysis = analyze_article(_article(), settings, nlp=nlp)
    return [c for c in analysis.claims if c.extractor == narration.EXTRACTOR]


def _content(claim) -> str:  # noqa: ANN001
    return claim.content_span.of(TEXT)


def test_an_unattributed_figure_is_the_outlets_claim(narrated) -> None:
    (ferry,) = [c for c in narrated if "312 passengers" in _content(c)]
    assert _content(ferry) == ("The ferry Aster was carrying 312 passengers when it overturned "
                               "in a storm on Tuesday")  # no dateline, no full stop
    assert ferry.speaker is None and ferry.cue is None and ferry.speaker_span is None
    assert ferry.stance == "stated"
    assert [(q.text, q.unit) for q in ferry.quantities] == [("312", "passengers")]


def test_the_outlet_may_hedge_its_own_figure(narrated) -> None:
    (shares,) = [c for c in narrated if "10 percent" in _content(c)]
    assert shares.stance == "hedged"


def test_attributed_quoted_asked_and_headline_sentences_are_not_narration(narrated) -> None:
    told = " ".join(_content(c) for c in narrated)
    assert "140 people" not in told  # the coast guard's
    assert "Forty" not in told  # someone's words, though unattributed
    assert "How many" not in told
    assert "Ferry capsizes" not in told  # a heading
    assert len(narrated) == 2, [_content(c) for c in narrated]


def test_ages_and_years_make_no_narrated_claim(narrated) -> None:
    told = " ".join(_content(c) for c in narrated)
    assert "Maria Holm, 34" not in told
    assert "built in 1984" not in told


def test_a_notice_to_readers_is_no_narrated_claim(settings, nlp) -> None:
    text = ("Relatives seeking information can call our emergency line, which is open 24 "
            "hours a day.\nThe line has taken 300 calls since Tuesday.\n")
    analysis = analyze_article(_article(text), settings, nlp=nlp)
    told = [c.content_span.of(text) for c in analysis.claims]
    assert told == ["The line has taken 300 calls since Tuesday"]


def test_the_setting_turns_narration_off(settings, nlp) -> None:
    quiet = settings.with_overrides({"nlp": {"narrated_figures": False}})
    claims = analyze_article(_article(), quiet, nlp=nlp).claims
    assert claims and not [c for c in claims if c.extractor == narration.EXTRACTOR]


def test_a_key_points_item_is_the_outlets_claim_without_its_bullet(settings, nlp) -> None:
    # list items state their facts without final stops; a label of a few words stays a label
    text = ("Key points\n- The train was carrying 214 passengers and 6 crew\n"
            "- 3 photos\nRoads around the village are closed.\n")
    analysis = analyze_article(_article(text), settings, nlp=nlp)
    told = [c.content_span.of(text) for c in analysis.claims
            if c.extractor == narration.EXTRACTOR]
    assert told == ["The train was carrying 214 passengers and 6 crew"]
