"""Seeded generator of varied, news-like synthetic articles for the benchmarks."""

from __future__ import annotations

import random
from dataclasses import dataclass

PLACES = ["Port Ellery", "Halverstad", "Kestrel Bay", "Marrow Hill", "Östervik", "San Lucan",
          "Dunmere", "Arkov", "Tesselby", "Valdra", "Corran Ford", "Lyme Reach"]
EVENTS = [("flood", "flood waters", "residents evacuated"), ("fire", "a warehouse fire",
          "workers evacuated"), ("quake", "an earthquake", "people injured"),
          ("strike", "a port strike", "containers stranded"), ("storm", "a storm",
          "homes without power"), ("collision", "a train collision", "passengers hurt")]
SPEAKERS = ["Mayor Ilse Brandt", "the regional fire service", "police spokesman Tomas Vale",
            "Interior Minister Lena Okafor", "the coast guard", "union leader Rosa Demir",
            "the health ministry", "Governor Paul Anand"]
CUES = ["said", "told reporters", "said in a statement", "confirmed", "estimated", "added"]
QUALIFIERS = ["more than", "nearly", "about", "at least", "some", "up to", ""]
OUTLETS = [f"{a} {b}" for a in ("Valley", "Harbour", "North", "Evening", "Daily", "Coastal",
                                "Metro", "Capital") for b in ("Courier", "Post", "Herald",
                                                              "Times", "Gazette", "Wire")]


@dataclass
class SyntheticArticle:
    title: str
    paragraphs: list[str]
    outlet: str
    url: str
    published: str
    story: int


def generate(count: int, *, stories: int = 200, seed: int = 13) -> list[SyntheticArticle]:
    rng = random.Random(seed)
    story_specs = []
    for index in range(stories):
        kind, phrase, effect = rng.choice(EVENTS)
        story_specs.append((index, kind, phrase, effect, rng.choice(PLACES),
                            rng.randrange(1, 28)))
    articles = []
    for number in range(count):
        index, kind, phrase, effect, place, day = rng.choice(story_specs)
        paragraphs = []
        for _ in range(rng.randrange(6, 14)):
            speaker = rng.choice(SPEAKERS)
            figure = f"{rng.choice(QUALIFIERS)} {rng.randrange(2, 9000):,}".strip()
            paragraphs.append(
                f"{place.upper()}, March {day} - {phrase.capitalize()} left {figure} "
                f"{effect} in {place} on {rng.choice(['Monday', 'Tuesday', 'Friday'])}, "
                f"{speaker} {rng.choice(CUES)}. "
                f"\u201cWe are working around the clock,\u201d {speaker.split()[-1]} added, "
                f"as crews cleared {rng.randrange(2, 40)} streets near the river."
            )
        outlet = rng.choice(OUTLETS)
        articles.append(SyntheticArticle(
            title=f"{phrase.capitalize()} hits {place} ({number})",
            paragraphs=paragraphs,
            outlet=outlet,
            url=f"https://{outlet.lower().replace(' ', '')}.example/{kind}/{number}",
            published=f"2026-03-{day:02d}T{rng.randrange(0, 24):02d}:{rng.randrange(60):02d}:00Z",
            story=index,
        ))
    return articles


def to_html(article: SyntheticArticle) -> str:
    body = "".join(f"<p>{p}</p>" for p in article.paragraphs)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{article.title}</title>"
        f"<meta property='og:site_name' content='{article.outlet}'>"
        f"<meta property='article:published_time' content='{article.published}'>"
        f"<link rel='canonical' href='{article.url}'></head><body>"
        "<nav><a href='/'>Home</a><a href='/world'>World</a><a href='/sport'>Sport</a></nav>"
        f"<article><h1>{article.title}</h1>{body}</article>"
        "<aside><h3>Most read</h3><ul><li>Bridge reopens</li><li>Budget vote</li></ul></aside>"
        f"<footer>(c) 2026 {article.outlet}. Newsletter sign-up.</footer></body></html>"
    )


def to_text(article: SyntheticArticle) -> str:
    return article.title + "\n\n" + "\n\n".join(article.paragraphs) + "\n"
