"""The neural tagger as evidence for the rules' attributions ([nlp] neural_tagger,
nlp/neural_evidence.py). Texts are written for these tests; most use a stand-in tagger whose
tags the test sets, so they check the combination, not the network."""

from __future__ import annotations

import re

import numpy as np
import pytest

from corroborator.nlp import neural_evidence as ne
from corroborator.nlp import neural_tags as nt
from corroborator.nlp.analyze import analyze_article
from corroborator.records import Article
from corroborator.records.article import article_id, content_hash
from corroborator.settings import NlpSettings

QUILL = "Mayor Ada Quill said the bridge would reopen in May."
HARBOUR = "The harbour is silting up. That is the pilots' verdict."
TEXT = f"{QUILL}\n{HARBOUR}"


class StandInTagger:
    """Word-level one-hot tags: each ``(role, phrase)`` tagged B then I, the rest O."""

    def __init__(self, tags: list[tuple[str, str]]) -> None:
        self.tags = tags

    def probabilities(self, text: str) -> tuple[nt.Tokens, np.ndarray]:
        words = list(re.finditer(r"\w+|[^\w\s]", text))
        tokens = nt.Tokens(list(range(len(words))), [(m.start(), m.end()) for m in words])
        labels = np.zeros(len(words), dtype=int)
        for role, phrase in self.tags:
            start = text.index(phrase)
            inside = [i for i, m in enumerate(words)
                      if start <= m.start() and m.end() <= start + len(phrase)]
            labels[inside] = nt.label_index(role, False)
            labels[inside[0]] = nt.label_index(role, True)
        return tokens, np.eye(len(nt.LABELS))[labels]


QUILL_TAGS = [("SOURCE", "Mayor Ada Quill"), ("CUE", "said"),
              ("CONTENT", "the bridge would reopen in May.")]
HARBOUR_TAGS = [("CONTENT", "The harbour is silting up."), ("CUE", "verdict"),
                ("SOURCE", "the pilots'")]


def _article(text: str) -> Article:
    return Article(id=article_id(text, None, "t", None), path="t.txt", url=None, outlet=None,
                   title=None, published=None, language="en", text=text,
                   content_hash=content_hash(text))


def _claims(text: str, settings, nlp, on: bool) -> list[tuple[str, str | None, str | None]]:  # noqa: ANN001
    run = settings.with_overrides({"nlp": {"neural_tagger": on}})
    analysis = analyze_article(_article(text), run, nlp=nlp)
    assert analysis.error is None
    return [(text[c.content_span.start:c.content_span.end], c.cue,
             text[c.speaker_span.start:c.speaker_span.end] if c.speaker_span else None)
            for c in analysis.claims]


@pytest.fixture
def stand_in(monkeypatch):  # noqa: ANN201
    """Install a stand-in tagger with the given tags in place of the shipped one."""
    def install(tags: list[tuple[str, str]]) -> None:
        monkeypatch.setattr(nt, "load_model", lambda *_: StandInTagger(tags))
    return install


def test_off_by_default(settings) -> None:
    assert settings.get(NlpSettings).neural_tagger is False


def test_the_tagger_adds_a_relation_the_rules_miss(settings, nlp, stand_in) -> None:
    stand_in(QUILL_TAGS + HARBOUR_TAGS)
    rules = _claims(TEXT, settings, nlp, on=False)
    assert rules == [("the bridge would reopen in May", "said", "Mayor Ada Quill")]
    # the tagger's copy of Quill's statement touches the rules' own: not added twice
    assert _claims(TEXT, settings, nlp, on=True) == rules + [
        ("The harbour is silting up.", "verdict", "the pilots'")]


def test_a_relation_the_tagger_doubts_is_dropped(settings, nlp, stand_in) -> None:
    stand_in(HARBOUR_TAGS)
    assert [c for c, _, _ in _claims(TEXT, settings, nlp, on=True)] == [
        "The harbour is silting up."]


def test_a_cue_the_tagger_doubts_drops_its_relation() -> None:
    from corroborator.nlp.relations import Attribution

    text = QUILL
    content = (text.index("the bridge"), len(text) - 1)
    att = Attribution(content=content, stance="stated", cue=(16, 20))
    content_only = [t for t in QUILL_TAGS if t[0] == "CONTENT"]
    assert ne.check_attributions([att], text, StandInTagger(QUILL_TAGS)) == [att]
    assert ne.check_attributions([att], text, StandInTagger(content_only)) == []


@pytest.mark.embeddings
def test_the_shipped_tagger_finds_a_statement_the_rules_miss(settings, nlp) -> None:
    if not nt.WEIGHTS.exists():
        pytest.skip("no tagger weights shipped")
    text = "The senator made her position clear in a tweet: the tariffs will hurt farmers."
    assert _claims(text, settings, nlp, on=False) == []
    assert _claims(text, settings, nlp, on=True) == [
        ("the tariffs will hurt farmers", "made her position clear", "The senator")]
