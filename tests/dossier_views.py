"""Views over a dossier's JSON that the story-set tests share: which claims give a figure,
which begin with given words, what a claim's figures are as written."""

from __future__ import annotations


def figure_texts(claim: dict) -> list[str]:
    """A claim's figures as the report wrote them, in order."""
    return [q["text"] for q in claim["quantities"]]


def claims_starting(claims: list[dict], start: str) -> list[dict]:
    """The claims whose content begins with ``start``."""
    return [c for c in claims if c["content"].startswith(start)]


def claims_with_figure(story: dict, figure: str) -> list[dict]:
    """A story's claims that give ``figure`` as written."""
    return [c for c in story["claims"] if any(q["text"] == figure for q in c["quantities"])]
