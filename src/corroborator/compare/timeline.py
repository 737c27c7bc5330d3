"""Per-story timeline: when each proposition first appeared, where, and how it changed.

Built from records only (propositions, claims, articles, conflicts), without models, so the
dossier can rebuild it from the store. Entries are JSON-ready dicts ordered by first
appearance (undated propositions last).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from ..nlp.narration import is_comparable_figure
from ..records import Article, Claim, Conflict, Proposition, Quantity
from .entry_times import claim_time
from .intervals import same_scale
from .measures import names_a_limit, outcomes_agree
from .revisions import is_previous, split_from_to


def _when_key(when: datetime | None, article_id: str) -> tuple[int, float, str]:
    return (0, when.timestamp(), article_id) if when else (1, 0.0, article_id)


def _compared(claim: Claim) -> list[Quantity]:
    """The claim's figures a change can be told of: an age ("The 24-year-old scored 31
    goals") or a year tells who or when, and its coming or going is no change of a figure."""
    return [q for q in claim.quantities if is_comparable_figure(q)]


def _figures(claim: Claim) -> list[str]:
    return [_written(q) for q in _compared(claim)]


def _written(q: Quantity) -> str:
    return re.sub(r"\s+", " ", q.text).strip()


def _alike(a: Quantity, b: Quantity) -> bool:
    """Whether two figures may count one thing: one scale (a speed is no headcount), no
    outcomes that exclude each other ("died" and "missing") and both or neither a limit
    ("licensed to carry")."""
    return same_scale(a, b) and outcomes_agree(a.measured, b.measured) and \
        names_a_limit(a.measured) == names_a_limit(b.measured) and _near_in_size(a, b)


# How many times larger one figure may be than another it is a new value of: a price of 38
# euros a share is raised to 40, not to the 4.4 billion euros the same sentence values the
# company at.
_MAX_RATIO = 1000.0


def _near_in_size(a: Quantity, b: Quantity) -> bool:
    va = next((v for v in (a.value, a.low, a.high) if v is not None), None)
    vb = next((v for v in (b.value, b.low, b.high) if v is not None), None)
    if va is None or vb is None or va == 0 or vb == 0:
        return True
    ratio = abs(va) / abs(vb)
    return 1 / _MAX_RATIO <= ratio <= _MAX_RATIO


def _changed(before: Claim, after: Claim) -> tuple[str, str]:
    """The figures of ``before`` that ``after`` gives another value, each beside its new
    value, as written: "27" → "28", not "27, 60" → "28, 60, 24" when the later report keeps
    "of the 60 seats" and adds "up from 24". Without such a pair (figures of other kinds),
    the figures of each that count what the other's do: "At least 31" → "47", not "At least
    31, about 60" → "47" when "about 60" are missing."""
    moved = _moved(before, after)
    if moved:
        return (", ".join(_written(old) for old, _ in moved),
                ", ".join(_written(new) for _, new in moved))
    given, told = _compared(before), _compared(after)
    old = [q for q in given if any(_alike(q, n) for n in told)]
    new = [q for q in told if any(_alike(q, o) for o in given)]
    return (", ".join(_written(q) for q in old or given),
            ", ".join(_written(q) for q in new or told))


def _moved(before: Claim, after: Claim) -> list[tuple[Quantity, Quantity]]:
    """Each figure of ``before`` paired with the one of ``after`` that counts the same thing,
    where the two are written differently, in ``before``'s order. A figure both write alike
    ("of the 60 seats") is paired with itself and did not move; a value the report gives as
    the one replaced ("up from 24", the "3" of "from 3 to 4") is where a change starts, no
    figure's new value."""
    # "raised the level from 3 to 4": the level it was moved to is the figure that moved
    given = [q for w in _compared(before) for q in split_from_to(w) if not is_previous(q)]
    told = [q for w in _compared(after) for q in split_from_to(w) if not is_previous(q)]
    candidates = sorted(
        ((_likeness(a, b, i - j), i, j) for i, a in enumerate(given)
         for j, b in enumerate(told) if _alike(a, b)),
        key=lambda c: (-c[0][0], -c[0][1], c[0][2], c[0][3], c[1], c[2]))
    partner: dict[int, int] = {}
    for _, i, j in candidates:
        if i not in partner and j not in partner.values():
            partner[i] = j
    return [(given[i], told[j]) for i, j in sorted(partner.items())
            if _written(given[i]).lower() != _written(told[j]).lower()]


def _likeness(a: Quantity, b: Quantity, shift: int) -> tuple[int, int, float, int]:
    """How surely two figures are one figure told twice: written alike first, then the words
    their measured phrases share ("Unity Party had vote", "Unity Party took vote"), then how
    near their values are ("412 passengers and 28 crew", then "more than 400": the 412),
    then how near they stand in their claims."""
    words_a = set(re.findall(r"\w+", (a.measured or "").lower()))
    words_b = set(re.findall(r"\w+", (b.measured or "").lower()))
    return (int(_written(a).lower() == _written(b).lower()), len(words_a & words_b),
            _value_distance(a, b), abs(shift))


def _value_distance(a: Quantity, b: Quantity) -> float:
    """How many times apart two figures' values are, on a log scale (unknown: farthest)."""
    va = next((v for v in (a.value, a.low, a.high) if v is not None), None)
    vb = next((v for v in (b.value, b.low, b.high) if v is not None), None)
    if va is None or vb is None or va <= 0 or vb <= 0:
        return math.inf
    return abs(math.log(va / vb))


def _excerpt(claim: Claim, article: Article | None, limit: int = 200) -> str:
    if article is None:
        return claim.quote or ""
    text = article.text[claim.content_span.start : claim.content_span.end]
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def build_timeline(
    propositions: Sequence[Proposition],
    claims: Mapping[str, Claim],
    articles: Mapping[str, Article],
    conflicts: Sequence[Conflict] = (),
) -> list[dict[str, Any]]:
    """One entry per proposition: first appearance and every later change of its figures or
    wording; update conflicts add the figure a proposition superseded, with the report that
    gave it when that figure is another proposition's (``from_article``, ``from_outlet``)."""
    prop_of = {cid: p.id for p in propositions for cid in p.claim_ids}
    entries = []
    # where each entry's first claim stands in its article: one report's claims keep the
    # order the report tells them in, not the order of their propositions' hashes
    places: dict[str, tuple[str, int]] = {}
    for prop in propositions:
        mentions = [claims[c] for c in prop.claim_ids if c in claims]
        if not mentions:
            continue
        mentions.sort(key=lambda c: _when_key(claim_time(c, articles.get(c.article_id)),
                                              c.article_id))
        first = mentions[0]
        article = articles.get(first.article_id)
        changes: list[dict[str, Any]] = []
        previous, previous_claim = _figures(first), first
        for claim in mentions[1:]:
            figures = _figures(claim)
            # a report that gives some of the figures as written ("about 60" of "at least 31
            # ... about 60") changes none of them, nor does one that keeps them all and adds
            # its own (a paper repeating a tabloid's "around £80m" with the wage it gave too),
            # nor one that drops one figure and adds others of other kinds: no figure of the
            # one has another value in the other
            given, told = {f.lower() for f in previous}, {f.lower() for f in figures}
            if figures and previous and not told <= given and not given <= told \
                    and _moved(previous_claim, claim):
                later = articles.get(claim.article_id)
                was, now = _changed(previous_claim, claim)
                when = claim_time(claim, later)
                changes.append({
                    "kind": "wording",
                    "published": when.isoformat() if when else None,
                    "article": claim.article_id,
                    "outlet": later.outlet if later else None,
                    "from": was,
                    "to": now,
                })
                previous, previous_claim = figures, claim
        for conflict in conflicts:
            if conflict.kind != "update" or len(conflict.claim_ids) < 2:
                continue
            earlier, later_id = conflict.claim_ids[0], conflict.claim_ids[-1]
            if prop_of.get(later_id) != prop.id or earlier not in claims:
                continue
            later_claim = claims.get(later_id)
            later = articles.get(later_claim.article_id) if later_claim else None
            was, now = (_changed(claims[earlier], later_claim) if later_claim
                        else (", ".join(_figures(claims[earlier])), ""))
            when = claim_time(later_claim, later) if later_claim else None
            change = {
                "kind": "update",
                "published": when.isoformat() if when else None,
                "article": later_claim.article_id if later_claim else None,
                "outlet": later.outlet if later else None,
                "from": was,
                "to": now,
                "superseded": prop_of.get(earlier),
            }
            if prop_of.get(earlier) != prop.id:
                # the figure that moved is another row's (a wire's "Nearly 2,000" under a
                # tabloid's "More than 2,000" that the later count also words anew): the
                # row says whose it was
                given_in = articles.get(claims[earlier].article_id)
                change["from_article"] = claims[earlier].article_id
                change["from_outlet"] = given_in.outlet if given_in else None
            changes.append(change)
        places[prop.id] = (first.article_id, first.content_span.start)
        first_told = claim_time(first, article)
        entries.append({
            "proposition": prop.id,
            "first_seen": first_told.isoformat() if first_told else None,
            "article": first.article_id,
            "outlet": article.outlet if article else None,
            "text": _excerpt(first, article),
            "figures": _figures(first),
            "appearances": len({c.article_id for c in mentions}),
            "changes": changes,
        })
    entries.sort(key=lambda e: (e["first_seen"] is None, e["first_seen"] or "",
                                *places[str(e["proposition"])], e["proposition"]))
    return entries
