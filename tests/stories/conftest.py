"""Fixtures for story tests: fictional articles and cheap stand-ins for the embedding and NER models.

The stand-ins keep the clustering tests fast and independent of model versions; tests
marked ``model``/``embeddings`` run the real models on the same articles.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest

from corroborator.records import Article
from corroborator.records.article import article_id, content_hash
from corroborator.stories import FeatureExtractor

T0 = datetime(2031, 3, 2, 8, 0, tzinfo=UTC)

# Fictional articles (story, outlet, hours after T0, title, text): a data file, so the
# table is read once instead of repeating the same tuple shape ten times in code.
EVENTS = [
    (row["story"], row["outlet"], row["hours"], row["title"], row["text"])
    for row in json.loads((Path(__file__).with_name("events.json")).read_text("utf-8"))
]


def make_articles(shift: timedelta = timedelta(0), dated: bool = True) -> list[Article]:
    out = []
    for index, (_, outlet, hours, title, text) in enumerate(EVENTS):
        url = f"https://news.example/{index}"
        when = T0 + shift + timedelta(hours=hours) if dated else None
        aid = article_id(text, outlet, url, title)
        out.append(Article(aid, None, url, outlet, title, when, "en", text, content_hash(text)))
    return out


def gold_of(articles: Sequence[Article]) -> dict[str, str]:
    by_text = {text: story for story, _, _, _, text in EVENTS}
    return {a.id: by_text[a.text] for a in articles}


_WORD = re.compile(r"[A-Za-z][A-Za-z0-9.]+")


def fake_embed(texts: Sequence[str]) -> np.ndarray:
    """Bag-of-words vectors hashed into 384 dimensions: similar words, similar vectors."""
    out = np.zeros((len(texts), 384), dtype=np.float32)
    for row, text in enumerate(texts):
        for word in _WORD.findall(text.lower()):
            if len(word) > 3:
                out[row, sum(map(ord, word)) * 7919 % 384] += 1.0
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.where(norms == 0, 1, norms)


_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]+(?:\s[A-Z][a-z]+)*)")
_NUMBER = re.compile(r"\b\d+(?:\.\d+)?\b")


def fake_ner(texts: Sequence[str]) -> list[list[tuple[str, str]]]:
    """Capitalised runs as organisations and digits as cardinals: enough to test the plumbing."""
    out = []
    for text in texts:
        found = [(m.group(1), "ORG") for m in _NAME.finditer(text)]
        found += [(m.group(0), "CARDINAL") for m in _NUMBER.finditer(text)]
        out.append(found)
    return out


def fake_extractor(settings) -> FeatureExtractor:
    return FeatureExtractor(settings, embed_fn=fake_embed, ner_fn=fake_ner)


@pytest.fixture
def story_articles():
    """``make_articles(shift=timedelta(0), dated=True)`` over the fictional events."""
    return make_articles


@pytest.fixture
def story_gold():
    return gold_of


@pytest.fixture
def fake_features(settings):
    """A feature extractor with the fast stand-in models."""
    return fake_extractor(settings)
