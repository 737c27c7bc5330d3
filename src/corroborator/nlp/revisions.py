"""Revisions a sentence reports: the revised figure and the figure it replaced.

A speaker who changes a figure is reported in a few fixed constructions, all read from the
dependency parse of the sentence, never from the wording of one example:

- a level with an earlier level beside it: "raised her estimate of losses to 2,400, up from
  nearly 2,000", "cut its forecast to 3% from 4%", "climbed to 6.7% from 6.29%": the "to"
  figure is ``new`` and the "from" figure ``previous``;
- "up/down from M" after any figure: "78% will be paid in cash, up from 50%"; M may be told
  as a figure noun's value ("up from his earlier estimate of nearly 2,300");
- a transitive verb of revision with a level: "revised the toll upward to 52", "lowered its
  guidance to $84 billion": the level is ``new`` (no earlier figure given);
- one span from the earlier to the later level: "raised the toll from 40 to 52" (``from-to``);
- a figure and the one it replaces: "will cut 900 jobs instead of the 1,200 it announced".

The earlier figure measures what the revised one measures ("up from nearly 2,000" counts the
same losses as "2,400 killed or wounded"); its own ``measured`` is kept as parsed (the parse
often hangs "up from" on the participle), so readers pair the two by ``revision``. The direction goes in ``change`` for a level that has an explicit earlier figure or a verb of
revision; a bare "rose to 99.20" keeps the hedge's label, as NewsQuant writes it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..records.claims import Quantity

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["Placed", "mark_revisions", "revises", "FIGURE_NOUNS", "REVISE_VERBS"]

# verbs that revise a figure without saying which way ("revised the toll upward to 52")
REVISE_VERBS = frozenset(["revise", "update", "adjust", "correct", "amend", "restate"])
# nouns that stand for a figure rather than the thing counted: "her estimate of losses"
FIGURE_NOUNS = frozenset(
    ["estimate", "forecast", "toll", "figure", "count", "tally", "number", "guidance",
     "projection", "outlook", "target", "total", "prediction", "assessment", "expectation"]
)
_UP = frozenset(["up", "upward", "upwards", "higher"])
_DOWN = frozenset(["down", "downward", "downwards", "lower"])
_CLIMB_DEPS = frozenset(["nummod", "quantmod", "compound", "amod", "advmod"])
_NOUNS = frozenset(["NOUN", "PROPN"])
_VERBS = frozenset(["VERB", "AUX"])


@dataclass
class Placed:
    """A quantity with its place in the parse (what :func:`mark_revisions` reads)."""

    quantity: Quantity
    anchor: Token
    inside: frozenset[int]
    first_low: bool | None = None  # for a merged range: the first number written is the low end


def _level(p: Placed) -> tuple[str, Token] | None:
    """``("to"|"from", governor)`` when the figure is the object of "to" or "from"."""
    cur = p.anchor
    for _ in range(4):
        head = cur.head
        if head.i == cur.i:
            return None
        if cur.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("to", "from"):
            return head.lower_, head.head
        if (cur.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in _NOUNS
                and head.head.lemma_.lower() in FIGURE_NOUNS):
            # "up from his earlier estimate of nearly 2,300": the estimate is the level
            cur = head.head
            continue
        if cur.dep_ in _CLIMB_DEPS and (head.i in p.inside or head.pos_ in _NOUNS):
            cur = head
            continue
        return None
    return None


def _same_token(a: Token | None, b: Token | None) -> bool:
    return a is not None and b is not None and a.i == b.i


def _level_word(level: tuple[str, Token] | None) -> str | None:
    return level[0] if level is not None else None


def _verb_of(governor: Token) -> Token | None:
    """The verb a "to"/"from" level hangs on, through an "up"/"down" adverb ("up from")."""
    if governor.pos_ in _VERBS:
        return governor
    if governor.lower_ in _UP | _DOWN and governor.head.pos_ in _VERBS:
        return governor.head
    return None


def _direction(verb: Token) -> str | None:
    from .quantities import DOWN_VERBS, UP_VERBS

    lemma = verb.lemma_.lower()
    if lemma in UP_VERBS:
        return "up"
    if lemma in DOWN_VERBS:
        return "down"
    # "revised upward", "revised the toll upward" (the adverb may hang on the object)
    around = list(verb.children) + [t for c in verb.children if c.dep_ == "dobj"
                                     for t in c.subtree]
    for child in around:
        if child.dep_ in ("advmod", "prt", "acomp", "advcl") and child.lower_ in _UP:
            return "up"
        if child.dep_ in ("advmod", "prt", "acomp", "advcl") and child.lower_ in _DOWN:
            return "down"
    return None


def revises(verb: Token) -> bool:
    """A transitive verb that changes a figure: "raised her estimate", "revised the toll"
    (not "gained 0.68 per cent to 3,005.47", whose object is the amount)."""
    from .quantities import DOWN_VERBS, UP_VERBS

    lemma = verb.lemma_.lower()
    if lemma not in UP_VERBS | DOWN_VERBS | REVISE_VERBS:
        return False
    return any(c.dep_ == "dobj" and not any(t.like_num for t in c.subtree)
               for c in verb.children)


def _by_values(new: Quantity, previous: Quantity) -> str | None:
    if new.value is None or previous.value is None or new.value == previous.value:
        return None
    return "up" if new.value > previous.value else "down"


def mark_revisions(placed: list[Placed], from_to: set[int]) -> list[Quantity]:
    """The quantities of one paragraph with ``revision`` (and ``change`` where a revision
    gives the direction) set; ``from_to`` holds the indexes of merged "from M to N" ranges."""
    out = [p.quantity for p in placed]
    levels = [_level(p) for p in placed]
    for j, level in enumerate(levels):
        if level is None or level[0] != "from":
            continue
        governor = level[1]
        verb = _verb_of(governor)
        partners = [k for k, other in enumerate(levels)
                    if k != j and other is not None and other[0] == "to" and verb is not None
                    and _same_token(_verb_of(other[1]), verb)]
        if not partners and governor.lower_ in _UP | _DOWN:
            # "78% will be paid in cash, up from 50%": the clause's figure before it
            sentence = placed[j].anchor.sent.start
            partners = [k for k in range(j) if placed[k].anchor.sent.start == sentence
                        and out[k].revision != "previous"
                        and _level_word(levels[k]) != "from"][-1:]
        if not partners:
            continue
        k = partners[0]
        updown = "up" if governor.lower_ in _UP else "down" if governor.lower_ in _DOWN else None
        new = out[k]
        change = new.change
        if levels[k] is not None:  # a level: the revision says which way it moved
            change = (_direction(verb) if verb is not None else None) or updown or _by_values(
                new, out[j]) or change
        out[k] = replace(new, revision="new", change=change)
        out[j] = replace(out[j], revision="previous")
    for j, p in enumerate(placed):
        # "will cut 900 jobs instead of the 1,200 it announced": the figure replaced
        if out[j].revision is None and _replaced_by_earlier(p):
            sentence = p.anchor.sent.start
            partners = [k for k in range(j) if placed[k].anchor.sent.start == sentence
                        and out[k].revision is None][-1:]
            if partners:
                k = partners[0]
                out[k] = replace(out[k], revision="new",
                                 change=_by_values(out[k], out[j]) or out[k].change)
                out[j] = replace(out[j], revision="previous")
    for k, level in enumerate(levels):
        if out[k].revision is not None or level is None or level[0] != "to":
            continue
        verb = _revising_verb(_verb_of(level[1]))
        if verb is not None:
            out[k] = replace(out[k], revision="new", change=_direction(verb) or out[k].change)
    for k, p in enumerate(placed):
        # "The headquarters had earlier said 101 soldiers had come home": a figure said
        # before, which a revision in another sentence may replace (or not: "the NIS had
        # earlier estimated around 1,000" is still the NIS's figure)
        if out[k].revision is None and _told_earlier(p.anchor):
            out[k] = replace(out[k], revision="earlier")
    for k in from_to:
        verb = _governing_verb(placed[k].anchor)
        if verb is None or not (revises(verb) or _direction(verb)):
            continue
        change = _direction(verb)
        if change is None and placed[k].first_low is not None:
            change = "up" if placed[k].first_low else "down"
        out[k] = replace(out[k], revision="from-to", change=change or out[k].change)
    return out


_REPLACED_BY = (("instead", "of"), ("rather", "than"))
# adverbs of a statement made before the one now reported ("had earlier said")
_EARLIER = frozenset(["earlier", "previously", "initially", "originally"])


def _revising_verb(verb: Token | None) -> Token | None:
    """The verb that revises a figure a "to" level gives: the level's own verb, or the one
    whose figure noun the level's clause describes ("raised its figure for the number of
    its soldiers returned in Tuesday's exchange to 103": the parse hangs "to 103" on
    "returned")."""
    if verb is None:
        return None
    if revises(verb):
        return verb
    from .quantities import DOWN_VERBS, UP_VERBS

    cur = verb
    for _ in range(6):
        # the figure noun's own subtree holds the level, so no check of its object's numbers
        if cur.dep_ == "dobj" and cur.lemma_.lower() in FIGURE_NOUNS and (
                cur.head.lemma_.lower() in UP_VERBS | DOWN_VERBS | REVISE_VERBS):
            return cur.head
        if cur.head.i == cur.i or cur.dep_ not in ("acl", "pobj", "prep", "relcl"):
            return None
        cur = cur.head
    return None


def _told_earlier(anchor: Token) -> bool:
    """The figure is what a speaker "had earlier said" (or "had previously put it at"): the
    past perfect of a statement with an adverb of earlier time."""
    verb = _governing_verb(anchor)
    for _ in range(2):
        if verb is None:
            return False
        children = list(verb.children)
        if any(c.dep_ == "advmod" and c.lower_ in _EARLIER for c in children) and any(
                c.dep_ == "aux" and c.lower_ == "had" for c in children):
            return True
        verb = verb.head if verb.dep_ == "ccomp" and verb.head.pos_ in _VERBS else None
    return False


def _replaced_by_earlier(p: Placed) -> bool:
    """Whether the figure follows "instead of" or "rather than" (an article between): it is
    what the figure before it in the sentence replaces."""
    doc = p.anchor.doc
    first = min(p.inside)
    words = [t.lower_ for t in doc[max(first - 3, 0) : first] if t.lower_ not in ("the", "a")]
    return tuple(words[-2:]) in _REPLACED_BY


def _governing_verb(tok: Token) -> Token | None:
    cur = tok
    for _ in range(4):
        if cur.pos_ in _VERBS:
            return cur
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None
