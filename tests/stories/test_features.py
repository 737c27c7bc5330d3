"""Per-article features: title and lead, names and numbers (regular expressions or spaCy)."""

from __future__ import annotations

import numpy as np
import pytest

from corroborator.records import Article
from corroborator.records.article import content_hash
from corroborator.stories.features import (
    FeatureExtractor,
    first_sentence,
    headline,
    is_dateline,
    normalise_entity,
    normalise_numbers,
    title_and_lead,
)


def _article(text: str, title: str | None = None) -> Article:
    return Article("a1", None, None, None, title, None, "en", text, content_hash(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Floods close the Tarn valley road. Police said more rain is due.",
         "Floods close the Tarn valley road."),
        ("Mayor resigns\nThe mayor of Osk stepped down on Friday.", "Mayor resigns"),
        ('He said: "We will rebuild." Then he left.', 'He said: "We will rebuild."'),
        ("No full stop at all", "No full stop at all"),
    ],
)
def test_first_sentence(text: str, expected: str) -> None:
    assert first_sentence(text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected_title", "expected_lead"),
    [
        # No title: the first sentence becomes the title and is not repeated in the lead.
        (None, "Storm hits Osk. Roofs were torn off in the night.", "Storm hits Osk.",
         "Roofs were torn off in the night."),
        # A title that also opens the text is not repeated either.
        ("Storm hits Osk", "Storm hits Osk\n\nRoofs were torn off.", "Storm hits Osk",
         "Roofs were torn off."),
        ("Storm hits Osk", "Roofs were torn off.", "Storm hits Osk", "Roofs were torn off."),
    ],
)
def test_title_and_lead(title, text, expected_title, expected_lead) -> None:
    assert title_and_lead(_article(text, title), 500) == (expected_title, expected_lead)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("APR 28", True),
        ("Posted 11 / 27 / 2005 7 : 21 AM", True),
        ("Last Updated : Monday , 28 November 2005 , 02 : 24 GMT", True),
        ("September 18th , 2013 , 05 : 31 GMT", True),
        ("Tuesday", True),
        ("Storm hits Osk on Monday", False),
        ("5.9 earthquake jolts Osk", False),
        ("THE WHITE HOUSE", False),
        ("* * *", False),
    ],
)
def test_is_dateline(line: str, expected: bool) -> None:
    assert is_dateline(line) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Datelines above an untitled article's headline are not its title.
        ("April 27 , 2009\nRiver breaks its banks at Osk\nThe Tarn rose overnight.",
         "River breaks its banks at Osk"),
        ("updated 8 : 41 p . m .\nEST , Tue March 3 , 2009\nOsk council resigns\nAll nine.",
         "Osk council resigns"),
        # A head cut after an abbreviation or inside a figure is completed.
        ("Osk Gov.\nAnna Berg resigned on Friday.\nShe had served two terms.",
         "Osk Gov. Anna Berg resigned on Friday."),
        ("Thieves nab $2 .\n5 million in jewels from an Osk store\nPolice said.",
         "Thieves nab $2 . 5 million in jewels from an Osk store"),
        ("Floods close the Tarn valley road. Police said more rain is due.",
         "Floods close the Tarn valley road."),
    ],
)
def test_headline_of_untitled_text(text: str, expected: str) -> None:
    assert headline(_article(text)) == expected


def test_headline_keeps_an_articles_own_title() -> None:
    assert headline(_article("April 27 , 2009\nText.", "Storm hits Osk")) == "Storm hits Osk"


def test_lead_is_cut_at_a_word_boundary() -> None:
    text = "Title line.\n" + "word " * 400
    _, lead = title_and_lead(_article(text), 100)
    assert len(lead) <= 100 and lead.endswith("word")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the United Nations", "united nations"),
        ("Velm's", "velm"),
        ("  The   Kestrel  Cup ", "kestrel cup"),
        ("NATO’s", "nato"),
        # a people or adjective of a place in -ia/-ea is that place: one name
        ("the Lestrian", "lestria"),
        ("Koreans", "korea"),
        ("Indonesian Red Cross", "indonesia red cross"),
        ("Sean", "sean"),
    ],
)
def test_normalise_entity(text: str, expected: str) -> None:
    assert normalise_entity(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("September 18, 2013", ["18", "2013"]),
        ("12,500 people", ["12500"]),
        ("magnitude 6.4", ["6.4"]),
        ("Wednesday", []),
        ("thousands", []),
    ],
)
def test_normalise_numbers(text: str, expected: list[str]) -> None:
    assert normalise_numbers(text) == expected


def test_features_with_stand_in_models(fake_features, story_articles) -> None:
    articles = story_articles()
    features = fake_features.extract(articles)
    assert [f.article_id for f in features] == [a.id for a in articles]
    first = features[0]
    assert first.published == articles[0].published.timestamp()
    assert abs(float(np.linalg.norm(first.embedding)) - 1.0) < 1e-5
    assert "6.4" in first.numbers and "12" in first.numbers
    assert first.terms and all(c > 0 for c in first.terms.values())
    assert first.title == articles[0].title


def test_names_and_numbers_of_title_and_lead_without_a_model(settings) -> None:
    extractor = FeatureExtractor(settings, embed_fn=lambda texts: np.ones((len(texts), 4)))
    text = (
        "Finance minister Ilse Rautan told the parliament in Berlin on Tuesday that "
        "4 billion euros would go to new rail lines by 2032. The plan costs 120,000 jobs."
    )
    (features,) = extractor.extract([_article(text, "Rautan unveils rail budget")])
    assert {"ilse", "rautan", "berlin", "tuesday"} <= set(features.entities)
    # sentence openers are not names, lower-case words are not either
    assert "finance" not in features.entities and "the" not in features.entities
    assert {"2032", "4", "120000"} <= set(features.numbers)


@pytest.mark.model
def test_spacy_mentions_as_ner_fn_find_people_places_and_numbers(settings) -> None:
    plain = FeatureExtractor(settings, embed_fn=lambda texts: np.ones((len(texts), 4)))
    extractor = FeatureExtractor(settings, embed_fn=lambda texts: np.ones((len(texts), 4)),
                                 ner_fn=plain.spacy_mentions)
    text = (
        "Finance minister Ilse Rautan told the parliament in Berlin on Tuesday that "
        "4 billion euros would go to new rail lines by 2032."
    )
    (features,) = extractor.extract([_article(text, "Rautan unveils rail budget")])
    assert "ilse rautan" in features.entities
    assert "berlin" in features.entities
    assert "2032" in features.numbers and "4" in features.numbers
