"""Hand-built records for compare tests: no models, a bag-of-words stand-in for embeddings."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import numpy as np

from corroborator.nlp.numbers import scan_quantities
from corroborator.records import Article, Claim, Derivation, Quantity, Span, Story

if TYPE_CHECKING:
    from corroborator.compare.story import StoryComparison
    from corroborator.settings import Settings


def bow_embed(texts: Sequence[str]) -> np.ndarray:
    """Unit vectors of hashed lower-cased words (plural s stripped): a model-free cosine."""
    out = np.zeros((len(texts), 512), dtype=np.float32)
    for i, text in enumerate(texts):
        for word in re.findall(r"[a-z]+", text.lower()):
            word = word[:-1] if word.endswith("s") and len(word) > 3 else word
            out[i, int(hashlib.md5(word.encode()).hexdigest(), 16) % 512] += 1.0
        norm = np.linalg.norm(out[i])
        if norm:
            out[i] /= norm
    return out


def compare_by_story(reports: Sequence[Article], claims: Sequence[Claim], settings: Settings,
                     edges: Sequence[Derivation] = ()) -> dict[str, StoryComparison]:
    """Each story's comparison, a report's story being the name before the dash of its id
    ("mill-a" → "mill")."""
    from corroborator.compare import compare_story

    stories: dict[str, list[str]] = {}
    for report in reports:
        stories.setdefault(report.id.split("-")[0], []).append(report.id)
    return {name: compare_story(Story(name, None, tuple(ids)), reports, claims, list(edges),
                                settings)
            for name, ids in stories.items()}


def parse_reports(reports: Sequence[Article], settings: Settings, nlp: Any) -> list[Claim]:
    """The claims the NLP stage finds in ``reports``."""
    from corroborator.nlp.analyze import analyze_articles

    return [c for a in analyze_articles(reports, settings, nlp=nlp) for c in a.claims]


def article(ident: str, outlet: str, text: str, day: int | None = 4, hour: int = 9) -> Article:
    when = datetime(2026, 5, day, hour, tzinfo=UTC) if day else None
    return Article(ident, f"{ident}.txt", None, outlet, None, when, "en", text, "")


def claim(
    art: Article, content: str, speaker: str | None, *, quote: str | None = None,
    measured: str | None = None, stance: str = "stated", speaker_type: str | None = None,
    via: tuple[str, ...] = (),
) -> Claim:
    """A claim over ``content`` (which must occur in the article) with its figures scanned."""
    start = art.text.index(content)
    span = Span(start, start + len(content))
    quantities = tuple(
        Quantity(q.text, q.span, q.value, q.low, q.high, q.qualifier, q.unit, measured,
                 q.change, q.kind)
        for q in scan_quantities(content, start)
    )
    sent_start = max(art.text.rfind(".", 0, start) + 1, art.text.rfind("\n", 0, start) + 1)
    sent_end = art.text.find(".", span.end)
    sentence = Span(sent_start, len(art.text) if sent_end < 0 else sent_end + 1)
    ident = hashlib.sha1(f"{art.id}:{start}:{speaker}".encode()).hexdigest()[:12]
    return Claim(ident, art.id, speaker, None, "said", None, span, quote, stance, via,
                 quantities, (), sentence, "test", speaker_type)


# -- a worked example shared by compare and report tests ---------------------------------

WIRE = article(
    "wire", "Meridian Press",
    "Defence Minister Lena Vostrikova said nearly 2,000 Halvorian soldiers were killed or "
    "wounded. The bureau said that around 800 Halvorian soldiers were killed or wounded. "
    "Halvoria has massed thousands of troops on the border, the general staff said. "
    "The National Security Bureau said that Halvorian units had little experience of "
    "mountain warfare and were losing men.",
    day=6, hour=9,
)
COPY = article("copy", "Valley Times", WIRE.text, day=6, hour=12)
REWRITE = article(
    "rewrite", "Daily Rundown",
    "More than 2,000 Halvorian soldiers were killed or wounded, Lena Vostrikova said. "
    "Halvoria deployed more than 10,000 troops on the border, the general staff said. "
    "The National Security Bureau said: \"Halvorian units were never trained for mountain "
    "warfare and are losing men.\"",
    day=6, hour=15,
)
LATER = article(
    "later", "Kestrel Bay Tribune",
    "Lena Vostrikova raised her estimate to 2,400 Halvorian soldiers killed or wounded.",
    day=7, hour=11,
)
KILLED = "Halvorian soldiers killed or wounded"
TROOPS = "Halvorian troops on the border"


def example_claims() -> list[Claim]:
    """A wire report, its copy, a rewrite and a next-day update (Brenmoor style)."""
    return [
        claim(WIRE, "nearly 2,000 Halvorian soldiers were killed or wounded", "Lena Vostrikova",
              measured=KILLED, speaker_type="PERSON"),
        claim(WIRE, "around 800 Halvorian soldiers were killed or wounded",
              "National Security Bureau", measured=KILLED, speaker_type="ORG"),
        claim(WIRE, "Halvoria has massed thousands of troops on the border", "general staff",
              measured=TROOPS),
        claim(WIRE, "Halvorian units had little experience of mountain warfare and were losing "
              "men", "National Security Bureau", speaker_type="ORG"),
        claim(COPY, "nearly 2,000 Halvorian soldiers were killed or wounded", "Lena Vostrikova",
              measured=KILLED, speaker_type="PERSON"),
        claim(REWRITE, "More than 2,000 Halvorian soldiers were killed or wounded",
              "Lena Vostrikova", measured=KILLED, speaker_type="PERSON"),
        claim(REWRITE, "Halvoria deployed more than 10,000 troops on the border",
              "general staff", measured=TROOPS),
        claim(REWRITE, "Halvorian units were never trained for mountain warfare and are losing "
              "men", "National Security Bureau", speaker_type="ORG",
              quote="Halvorian units were never trained for mountain warfare and are losing men."),
        claim(LATER, "her estimate to 2,400 Halvorian soldiers killed or wounded",
              "Lena Vostrikova", measured=KILLED, speaker_type="PERSON"),
    ]
