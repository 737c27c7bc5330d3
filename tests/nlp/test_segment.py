"""Paragraph segmentation keeps offsets into the stored text; headings stay apart."""

from __future__ import annotations

import pytest

from corroborator.nlp.segment import looks_like_heading, parse_paragraphs, split_paragraphs


def test_paragraph_offsets_index_the_original_text():
    text = "  Title line\n\nFirst paragraph here.\r\nSecond one.  \n\n\n"
    paras = split_paragraphs(text)
    assert [p.text for p in paras] == ["Title line", "First paragraph here.", "Second one."]
    for p in paras:
        assert text[p.start : p.end] == p.text


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("Markets rally after rate cut", True),
        ("Stocks rose on Friday after the central bank cut rates.", False),
        ("“We are ready,” she said.", False),
        ("What happens next?", False),
        # a key-points list item states a fact; a short item is a menu entry or a label
        ("- The train was carrying 214 passengers and 6 crew", False),
        ("\u2022 Nine people have died, police say", False),
        ("- Live updates", True),
        ("", False),
    ],
)
def test_headings(line, heading):
    assert looks_like_heading(line) is heading


def test_empty_text_has_no_paragraphs():
    assert split_paragraphs("\n \n\t\n") == []


@pytest.mark.model
def test_heading_does_not_merge_into_the_next_sentence(nlp):
    text = "Markets rally after rate cut\nStocks rose on Friday, traders said."
    paras = split_paragraphs(text)
    docs = [doc for doc, _ in parse_paragraphs(nlp, ((p, i) for i, p in enumerate(paras)))]
    assert len(docs) == 2
    subjects = [t.text for t in docs[1] if t.dep_ == "nsubj"]
    assert "Stocks" in subjects or "traders" in subjects
    assert "cut" not in [t.text for t in docs[1]]


@pytest.mark.model
def test_parse_keeps_context_in_order(nlp):
    paras = split_paragraphs("One.\nTwo.\nThree.")
    out = list(parse_paragraphs(nlp, ((p, p.start) for p in paras), batch_size=2))
    assert [ctx for _, ctx in out] == [p.start for p in paras]


def test_very_long_line_is_cut_at_sentence_ends():
    text = "The council met again today. " * 2000  # ~58k characters, no line break
    paras = split_paragraphs(text, max_chars=5000)
    assert len(paras) > 10 and all(len(p.text) <= 5000 for p in paras)
    assert all(text[p.start : p.end] == p.text and p.text.endswith(".") for p in paras)


WRAPPED = (
    "Quake toll passes 100\n"
    "\n"
    "By Ann Lee, The Harbour Post\n"
    "3 November 2026\n"
    "\n"
    "Health Minister Lidia Farrow said field hospitals were being set up in Kel Aran and\n"
    "two nearby towns. The prime minister, who visited in the afternoon, promised aid of\n"
    "50 million dinars and said the army would help clear roads in the mountains on\r\n"
    "Wednesday.\n"
    "\n"
    "What residents need:\n"
    "- tents and blankets\n"
    "- clean water\n"
)


def test_hard_wrapped_lines_are_one_paragraph_with_offsets_kept():
    paras = split_paragraphs(WRAPPED)
    assert [p.text.split()[:2] for p in paras] == [
        ["Quake", "toll"], ["By", "Ann"], ["3", "November"], ["Health", "Minister"],
        ["What", "residents"], ["-", "tents"], ["-", "clean"]]
    body = paras[3]
    assert body.text.endswith("roads in the mountains on  Wednesday.")
    assert WRAPPED[body.start:body.end].replace("\r", " ").replace("\n", " ") == body.text


def test_a_heading_above_a_line_is_not_joined_to_it():
    assert [p.text for p in split_paragraphs(
        "Markets rally after rate cut\nStocks rose on Friday, traders said.")] == [
        "Markets rally after rate cut", "Stocks rose on Friday, traders said."]



def test_a_wire_dateline_is_left_out_of_the_paragraph_parsed():
    text = ("Storm kills 14\n\nPORT ALMERE, Nov 16 (Orrin Wire) — Storm Ilsa killed at least "
            "14 people, the agency said.\n\nLONDON is busy — and so is Paris.")
    first, dated, plain = split_paragraphs(text)
    assert dated.text.startswith("Storm Ilsa killed")
    assert text[dated.start : dated.end] == dated.text  # offsets still index the text
    assert plain.text.startswith("LONDON is busy")  # no dateline shape: kept whole
