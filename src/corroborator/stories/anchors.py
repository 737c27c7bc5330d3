"""Anchors: a figure attributed to a speaker, the most specific link between two reports.

Two articles that both say "the bureau estimates 800 soldiers were killed" are about the same
story even when their headlines and leads look different (a sidebar, an earlier estimate
that a later report cites). The claim extractor of the analyse stage already finds speakers
and figures, so the stories stage turns its claims into anchor keys ``"<speaker head>|<value>"``
and the clusterer links dated stories that share one (see ``link_threshold``).

The speaker head is the last word of the speaker's name ("Estmere's National Security
Bureau" and "the bureau" both give ``bureau``), so a name and its short form meet; the
similarity gate in the clusterer keeps two unrelated bureaus apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..records import Claim
from .features import normalise_entity

_WORD = re.compile(r"[^\W\d_]+")


def speaker_head(speaker: str) -> str | None:
    """The last word of a speaker's name, lower-cased ("Lena Vostrikova" → "vostrikova")."""
    words = _WORD.findall(normalise_entity(speaker))
    return words[-1] if words else None


def anchor_key(speaker: str, value: float) -> str | None:
    head = speaker_head(speaker)
    if head is None:
        return None
    return f"{head}|{value:g}"


def claim_anchors(claims: Iterable[Claim], min_value: float = 0.0) -> dict[str, tuple[str, ...]]:
    """Article id → its anchor keys (sorted, unique), from claims with a speaker and a figure.

    Figures below ``min_value`` (in absolute value) are left out: small counts (days, ages,
    percentages, "two meetings") recur in unrelated stories of a frequent speaker.
    """
    found: dict[str, set[str]] = {}
    for claim in claims:
        if not claim.speaker:
            continue
        for quantity in claim.quantities:
            if quantity.value is None or abs(quantity.value) < min_value:
                continue
            key = anchor_key(claim.speaker, quantity.value)
            if key is not None:
                found.setdefault(claim.article_id, set()).add(key)
    return {article: tuple(sorted(keys)) for article, keys in found.items()}


__all__ = ["anchor_key", "claim_anchors", "speaker_head"]
