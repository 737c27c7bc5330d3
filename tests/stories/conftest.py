"""Fixtures for story tests: fictional articles and cheap stand-ins for the embedding and NER models.

The stand-ins keep the clustering tests fast and independent of model versions; tests
marked ``model``/``embeddings`` run the real models on the same articles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from corroborator.records import Article
from corroborator.records.article import article_id, content_hash
from corroborator.stories import FeatureExtractor

T0 = datetime(2031, 3, 2, 8, 0, tzinfo=UTC)

# (story, outlet, hours after T0, title, text)
EVENTS = [
    ("quake", "Daily Ledger", 0, "Magnitude 6.4 earthquake strikes Port Velm",
     "A magnitude 6.4 earthquake struck Port Velm on Sunday morning, collapsing two bridges "
     "and killing at least 12 people, the Velm civil defence agency said."),
    ("quake", "Harbour Times", 2, "Deadly quake hits Port Velm, bridges collapse",
     "At least 12 people died when a 6.4 magnitude earthquake shook Port Velm, bringing down "
     "two bridges over the Sarn river, according to civil defence officials in Velm."),
    ("quake", "Coast Courier", 5, "Port Velm earthquake: rescuers search rubble",
     "Rescuers in Port Velm searched collapsed buildings after Sunday's 6.4 earthquake, which "
     "killed 12 people and destroyed two bridges, the civil defence agency of Velm reported."),
    ("quake2", "Daily Ledger", 20, "Earthquake of magnitude 5.1 shakes Lake Orrin villages",
     "A magnitude 5.1 earthquake shook villages around Lake Orrin in the Tessary highlands on "
     "Monday, damaging a school; no deaths were reported, Tessary police said."),
    ("quake2", "Valley Post", 23, "Lake Orrin quake damages school, no deaths",
     "Villages near Lake Orrin in the Tessary highlands were shaken by a 5.1 magnitude quake "
     "that damaged a school building. Tessary police reported no deaths."),
    ("final", "Sports Wire", 3, "Brenmoor Rovers win the Kestrel Cup final 3-1",
     "Brenmoor Rovers beat Alder City 3-1 in the Kestrel Cup final at Hollin Park, with two "
     "goals from striker Mara Quist in the second half."),
    ("final", "Harbour Times", 4, "Quist double gives Rovers the Kestrel Cup",
     "Mara Quist scored twice in the second half as Brenmoor Rovers defeated Alder City 3-1 "
     "to lift the Kestrel Cup at Hollin Park."),
    ("final", "Valley Post", 6, "Alder City beaten 3-1 in Kestrel Cup final",
     "Alder City lost the Kestrel Cup final 3-1 to Brenmoor Rovers at Hollin Park after Mara "
     "Quist scored two goals for the Rovers."),
    ("budget", "Daily Ledger", 30, "Velm parliament passes 2032 budget with rail spending",
     "The parliament of Velm approved the 2032 budget on Tuesday, including 4 billion crowns "
     "for new rail lines, finance minister Ilse Rautan announced."),
    ("budget", "Coast Courier", 33, "Rautan budget approved: 4 billion crowns for rail",
     "Finance minister Ilse Rautan won approval for the 2032 budget in the Velm parliament, "
     "which sets aside 4 billion crowns for railway construction."),
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
