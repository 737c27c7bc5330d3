"""Boilerplate stripping, normalised hashes and the sentence splitter."""

from __future__ import annotations

import pytest

from corroborator.reuse.normalize import (
    content_sentences,
    is_boilerplate,
    normalized_content,
    normalized_hash,
    split_sentences,
)

STORY = (
    "The river Elbrin burst its banks on Tuesday, flooding nearly 2,000 homes in Marsk.\n"
    "Mayor Ilse Varga said crews had rescued 140 people overnight."
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Read more: Floods across the region", True),
        ("By Jane Doe and John Smith", True),
        ("BY JANE DOE", True),
        ("This article first appeared on The Marsk Courier.", True),
        ("This story was originally published by Harbor News.", True),
        ("Copyright 2024 Harbor Media. All rights reserved.", True),
        ("© Harbor Media 2024", True),
        ("(Reporting by Ana Lobo; Editing by Tom Serrat)", True),
        ("Advertisement", True),
        ("By Friday the river had risen another metre.", False),
        ("Mayor Ilse Varga said crews had rescued 140 people overnight.", False),
        ("Read the full statement below, the mayor urged residents on Tuesday. " * 4, False),
    ],
)
def test_boilerplate_lines(line: str, expected: bool) -> None:
    assert is_boilerplate(line) is expected


def test_copies_with_different_furniture_share_the_hash() -> None:
    first = "By Jane Doe\n" + STORY + "\nRead more: Weather news\n"
    second = (
        "MARSK (Harbor News) - " + STORY.lower().replace("tuesday", "Tuesday")
        + "\nThis article first appeared on The Daily Planet.\n© Planet Media 2024"
    )
    assert normalized_hash(first) == normalized_hash(second) == normalized_hash(STORY)
    assert normalized_hash(STORY) != normalized_hash(STORY.replace("2,000", "3,000"))


def test_normalized_content_folds_case_punctuation_and_accents() -> None:
    assert normalized_content("Café  OWNER — said: “yes”.") == "cafe owner said yes"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
        ("The U.S. Army said 3.5 million left. It was hard.",
         ["The U.S. Army said 3.5 million left.", "It was hard."]),
        ('"We are safe," she said. Then it rained!',
         ['"We are safe," she said.', "Then it rained!"]),
        ("J. R. Ewing spoke. done.", ["J. R. Ewing spoke. done."]),
        ("No final stop", ["No final stop"]),
        ("", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected


def test_sentence_offsets_index_the_original_text() -> None:
    text = "By Jane Doe\nLONDON (Reuters) - Rain fell. Rivers rose.\nRead more: x"
    sentences = content_sentences(text)
    assert [s.text for s in sentences] == ["Rain fell.", "Rivers rose."]
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
