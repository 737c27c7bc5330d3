"""The neural attribution tagger (nlp/neural_tags.py): windows, decoding of tags into
relations, and saving and loading adapters. Texts are written for these tests."""

from __future__ import annotations

import numpy as np
import pytest

from corroborator.nlp import neural_tags as nt

pytestmark = pytest.mark.embeddings

TEXT = ("Senator Ada Quill said the levy would be scrapped by spring.\n"
        "“We will not back down,” the mayor replied. Rain fell all day.")


@pytest.fixture(scope="module")
def tokenizer():
    from corroborator.reuse.cross_encoder import load_tokenizer

    return load_tokenizer()


def _probs(tokens: nt.Tokens, text: str, tags: list[tuple[str, str]]) -> np.ndarray:
    """One-hot label probabilities: each ``(role, phrase)`` of ``tags`` tagged B then I."""
    labels = np.zeros(len(tokens.ids), dtype=int)
    for role, phrase in tags:
        start = text.index(phrase)
        inside = [i for i, (s, e) in enumerate(tokens.offsets)
                  if start <= s and e <= start + len(phrase)]
        labels[inside] = nt.label_index(role, False)
        labels[inside[0]] = nt.label_index(role, True)
    return np.eye(len(nt.LABELS))[labels]


def test_windows_cover_every_token_and_end_at_paragraphs(tokenizer) -> None:
    paragraph = " ".join(f"word{i} is here." for i in range(40))
    text = "\n".join([paragraph] * 6)
    tokens = nt.tokenize(tokenizer, text)
    spans = nt.windows(text, tokens, size=120, stride=80)
    covered = np.zeros(len(tokens.ids), dtype=int)
    for a, b in spans:
        assert b - a <= 118
        covered[a:b] += 1
    assert covered.min() >= 1
    starts = {i for i in range(1, len(tokens.ids))
              if "\n" in text[tokens.offsets[i - 1][1]:tokens.offsets[i][0]]}
    # a paragraph longer than a window is read in overlapping pieces, which start inside it
    assert len(tokens.ids) // 6 > 118 and covered.max() == 2
    assert {a for a, _ in spans} & starts


def test_short_paragraphs_share_a_window(tokenizer) -> None:
    tokens = nt.tokenize(tokenizer, TEXT)
    assert nt.windows(TEXT, tokens) == [(0, len(tokens.ids))]


def test_tags_become_relations_by_proximity(tokenizer) -> None:
    tokens = nt.tokenize(tokenizer, TEXT)
    probs = _probs(tokens, TEXT, [
        ("SOURCE", "Senator Ada Quill"), ("CUE", "said"),
        ("CONTENT", "the levy would be scrapped by spring"),
        ("CONTENT", "We will not back down,"), ("SOURCE", "the mayor"), ("CUE", "replied")])
    found = nt.spans(TEXT, tokens, probs)
    assert [(s.role, TEXT[s.start:s.end]) for s in found][:3] == [
        ("SOURCE", "Senator Ada Quill"), ("CUE", "said"),
        ("CONTENT", "the levy would be scrapped by spring")]
    rels = nt.relations(TEXT, found)

    def text_of(pieces):  # noqa: ANN001, ANN202
        return [TEXT[s:e] for s, e in pieces]

    assert [(text_of(r.content), text_of(r.cue), text_of(r.source)) for r in rels] == [
        (["the levy would be scrapped by spring"], ["said"], ["Senator Ada Quill"]),
        (["We will not back down,"], ["replied"], ["the mayor"])]


def test_a_quotation_split_by_its_cue_is_one_relation(tokenizer) -> None:
    text = "“The bridge is safe,” the engineer said, “and it will reopen soon.”"
    tokens = nt.tokenize(tokenizer, text)
    probs = _probs(tokens, text, [
        ("CONTENT", "The bridge is safe,"), ("SOURCE", "the engineer"), ("CUE", "said"),
        ("CONTENT", "and it will reopen soon.")])
    rels = nt.relations(text, nt.spans(text, tokens, probs))
    assert len(rels) == 1 and len(rels[0].content) == 2
    assert text[slice(*rels[0].source[0])] == "the engineer"


def test_a_content_with_no_cue_in_reach_stands_alone_or_goes(tokenizer) -> None:
    text = "He spoke.\nNothing here.\nStill nothing.\nThe vote was rigged."
    tokens = nt.tokenize(tokenizer, text)
    probs = _probs(tokens, text, [("CUE", "spoke"), ("CONTENT", "The vote was rigged.")])
    found = nt.spans(text, tokens, probs)
    (rel,) = nt.relations(text, found, cueless=True)
    assert rel.cue == () and text[slice(*rel.content[0])] == "The vote was rigged."
    assert nt.relations(text, found) == []


def test_saved_adapters_load_merged_and_score_as_trained(tokenizer, tmp_path) -> None:
    import torch

    from corroborator.reuse.cross_encoder import save_adapters

    torch.manual_seed(0)
    network = nt.build_network(rank=2, alpha=4.0).eval()
    with torch.no_grad():
        for name, parameter in network.named_parameters():
            if parameter.requires_grad and "lora_b" in name:
                parameter.normal_(0, 0.02)
    path = tmp_path / "tags.safetensors"
    save_adapters(network, path, {"rank": "2", "alpha": "4.0"})
    tokens, trained = nt.token_logits(network, tokenizer, TEXT)
    nt.load_model.cache_clear()
    try:
        tagger = nt.load_model(path)
        again, loaded = nt.token_logits(tagger.network, tagger.tokenizer, TEXT)
    finally:
        nt.load_model.cache_clear()
    assert again == tokens and loaded.shape == (len(tokens.ids), len(nt.LABELS))
    # float16 storage of adapters and head is the only difference
    assert np.abs(loaded - trained).max() < 0.05
    assert (loaded.argmax(1) == trained.argmax(1)).mean() > 0.9


def test_missing_weights_are_a_config_error(tmp_path) -> None:
    from corroborator.errors import ConfigError

    nt.load_model.cache_clear()
    with pytest.raises(ConfigError):
        nt.load_model(tmp_path / "none.safetensors")


def test_words_keep_their_first_piece_and_content_gaps_close_inside_a_paragraph(
        tokenizer) -> None:
    text = "Okonkwo claimed the refinery was unsafe and leaking.\nA storm hit the coast today."
    tokens = nt.tokenize(tokenizer, text)
    probs = _probs(tokens, text, [
        ("SOURCE", "Okonkwo"), ("CUE", "claimed"), ("CONTENT", "the refinery was unsafe"),
        ("CONTENT", "leaking."), ("CONTENT", "A storm hit the coast today.")])
    # a later piece of "Okonkwo" tagged otherwise still belongs to the word's source span
    pieces = [i for i, (s, e) in enumerate(tokens.offsets) if s >= 1 and e <= 7]
    assert pieces, "the name is split into wordpieces"
    probs[pieces] = np.eye(len(nt.LABELS))[nt.label_index("CUE", True)]
    found = nt.spans(text, tokens, probs, gap=1)
    assert [(s.role, text[s.start:s.end]) for s in found] == [
        ("SOURCE", "Okonkwo"), ("CUE", "claimed"),
        ("CONTENT", "the refinery was unsafe and leaking."),
        ("CONTENT", "A storm hit the coast today.")]
    # without the gap the short second piece is a stray fragment and is dropped
    assert "leaking." not in [text[s.start:s.end] for s in
                              nt.spans(text, tokens, probs, gap=0, shortest=4)]
