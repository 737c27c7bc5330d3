"""Quantities of a parsed paragraph: figures as intervals with unit, measured thing and change.

:func:`find_quantities` reads the figures with the spaCy-free scanner
(:mod:`corroborator.nlp.numbers`: value, interval, hedge, currency/percent/measurement unit)
and adds what needs the dependency parse:

- ``unit`` for plain counts: the counted thing's head noun as written ("3,000 soldiers" →
  "soldiers", "dozens of people" → "people", "one of the students" → "students");
  currencies, percentages and measurement units keep the scanner's canonical name
  ("dollar", "percent", "kilometre");
- ``measured``: a short phrase for what the figure counts or measures, built from the
  counted noun with its modifiers, the predicate that counts it and, when the figure is not
  the subject, the subject or the noun it belongs to: "North Korean soldiers killed or
  wounded", "troops deployed", "Vecturas shares rose", "disorderly exit cost",
  "survey employers", "raised estimate losses killed or wounded" (a past participle right
  after the figure is kept: "2,400 killed or wounded");
- ``change``: ``up``/``down`` when the figure is the amount of a verb of increase or
  decrease ("rose 6.5%", "grew by 125,600 positions", "fell to 49.55 Hz"; an amount after
  "from" keeps its own label); otherwise the hedge's label from the scanner (``=``, ``~``,
  ``>``, ``<``), as NewsQuant defines them. A verb's direction wins over a hedge ("rose
  under 4%" is ``up``): the hedge stays readable in ``qualifier`` and the interval.

The parse also settles two things the scanner cannot: a year-like number that counts a
plural noun ("2000 troops") is a quantity, and "one" used as a pronoun ("the one") is not.
Spans are character offsets into ``doc.text`` plus ``offset`` (the paragraph's position in
the article).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from .ages import AGE_UNIT, age_group_of, age_of
from .counted_phrases import counted_first
from .cues import reports_clauses
from .dimensions import owned_measure
from .numbers import (
    DEFAULT_SETTINGS,
    Candidate,
    QuantitySettings,
    scan_candidates,
    to_quantity,
)
from .numlex import VERB_QUALIFIERS
from .raising import harm_told_after, is_passive, raised_infinitive
from .referents import restates_named_count
from .revisions import FIGURE_NOUNS, Placed, mark_revisions, revises
from .sums import names_a_sum, valued_thing
from .tokenspans import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

from ..people_nouns import counts_people
from ..records.claims import Quantity

__all__ = ["find_quantities", "UP_VERBS", "DOWN_VERBS", "ELIDED"]

UP_VERBS = frozenset(
    [
        "rise",
        "gain",
        "climb",
        "jump",
        "advance",
        "increase",
        "grow",
        "surge",
        "soar",
        "rally",
        "add",
        "raise",
        "boost",
        "hike",
        "spike",
        "rebound",
        "recover",
        "expand",
        # a recall, a gap or a deficit "widened to 468,300": its size grew
        "widen",
        "broaden",
        "enlarge",
        "improve",
        "balloon",
        "swell",
        "mount",
        "inflate",
        "double",
        "triple",
        "skyrocket",
        "leap",
        "edge_up",
        "tick_up",
    ]
)
DOWN_VERBS = frozenset(
    [
        "fall",
        "drop",
        "decline",
        "slide",
        "slip",
        "lose",
        "tumble",
        "plunge",
        "sink",
        "dip",
        "decrease",
        "shed",
        "ease",
        "cut",
        "reduce",
        "lower",
        "slump",
        "plummet",
        "retreat",
        "shrink",
        "contract",
        "slash",
        "trim",
        "erode",
        "crash",
        "dive",
        "sag",
        "shrivel",
        "diminish",
        "halve",
        "drain",
    ]
)
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss"})
_SKIP_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "my",
        "which",
        "who",
        "whom",
        "whose",
    ]
)
_MAX_MEASURED_WORDS = 12
# The words of a clause after "be" that a measured phrase keeps ("how long outage lasted").
_MAX_CLAUSE_WORDS = 5
# Where the figure stands in a measured clause written out as the sentence has it ("the
# cuts would cost … jobs"); a reader's noun phrase ("the slick's area") has none.
ELIDED = "…"


@lru_cache(maxsize=1)
def _default_settings() -> QuantitySettings:
    try:
        from ..settings import load_settings

        return load_settings().get(QuantitySettings)
    except Exception:  # settings file problems surface elsewhere; fall back to the defaults
        return DEFAULT_SETTINGS


def find_quantities(
    doc: Doc, offset: int = 0, settings: QuantitySettings | None = None
) -> list[Quantity]:
    """Every quantity in ``doc`` with unit, measured thing and change, in text order.

    Args:
        doc: a parsed paragraph (needs the dependency parse; entities are used when present).
        offset: character position of ``doc.text`` in the article; added to every span.
        settings: interval margins (``[quantities]``); the packaged defaults when ``None``.
    """
    settings = settings or _default_settings()
    text = doc_text(doc)
    out: list[Quantity] = []
    placed: list[Placed] = []
    from_to: set[int] = set()
    for cand in scan_candidates(text):
        span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        if cand.excluded == "year" and _counts_a_plural(span):
            cand.excluded = None
        if cand.excluded is not None:
            continue
        if not settings.treat_one_as_quantity and text[cand.start : cand.end].lower() == "one":
            continue
        if _pronoun_one(cand, text, span) or _inside_name(cand, span):
            continue
        if cand.kind == "count" and cand.qualifier is None \
                and restates_named_count(span, cand.value):
            continue
        quantity = to_quantity(text, cand, offset, settings)
        span = _number_part(doc, text, cand) or span
        anchor = span.root
        # what a range counts and measures is read from its number, how it moved from the
        # root ("rose from 200 to 300")
        number = _range_number(span) or anchor
        noun = _counted_noun(number, span, cand)
        if noun is not None and cand.kind == "count" and names_a_sum(noun):
            # a currency the scanner does not know, told as one by its sentence
            cand.kind = "money"
            quantity = replace(quantity, kind="money")
        unit = quantity.unit
        if unit is None and noun is not None:
            unit = _counted_word(noun)
        measured, named = _measured(number, noun, span, cand)
        person = age_of(anchor, quantity.value) if cand.kind == "count" and unit is None \
            and not cand.qualifier else None
        if person is not None:
            quantity = replace(quantity, kind="measure")
            unit, measured, named = AGE_UNIT, " ".join(t.text for t in _phrase(person, set())), None
        elif cand.kind == "count" and (group := age_group_of(
                span, quantity.high if quantity.value is None else quantity.value)) is not None:
            quantity = replace(quantity, kind="measure")
            unit, measured, named = AGE_UNIT, group.text, None
        change = _verb_change(anchor, span) or quantity.change
        if unit is None and cand.kind == "count" and out and not cand.vague:
            unit = _unit_of_previous(out[-1], quantity, text, offset)
        out.append(replace(quantity, unit=unit, measured=measured, change=change, named=named))
        first_low = None
        if cand.is_range and text[cand.start : cand.end].lower().startswith("from"):
            from_to.add(len(placed))
            ends = [n for n in cand.notes if n.startswith("range:")]
            if ends:
                _, a, b = ends[0].split(":")
                first_low = float(a) < float(b) if a != b else None
        placed.append(Placed(out[-1], anchor, frozenset(range(span.start, span.end)), first_low))
    return mark_revisions(placed, from_to) if placed else out


def _number_part(doc: Doc, text: str, cand: Candidate) -> Span | None:
    """The tokens of a figure after a verb that qualifies it ("could top $5 billion"): the
    verb stays the clause's predicate for what the figure measures."""
    if cand.qualifier not in VERB_QUALIFIERS:
        return None
    written = text[cand.start : cand.end]
    rest = written[len(cand.qualifier or "") :]
    start = cand.start + len(written) - len(rest.lstrip())
    return doc.char_span(start, cand.end, alignment_mode="expand")


def _range_number(span: Span) -> Token | None:
    """The number that stands for a range whose parse hangs on its preposition ("said
    between 40 and 50 people were hurt", "win between 26 and 30 of the 60 seats"): the one
    whose head is outside the range ("40" of "people"), else the first; None when the
    range's root is no preposition (the root then stands for it already)."""
    if span.root.pos_ != "ADP":
        return None
    numbers = [t for t in span if t.like_num or t.pos_ == "NUM"]
    outside = [t for t in numbers if not span.start <= t.head.i < span.end]
    chosen = outside or numbers
    return chosen[0] if chosen else None


def _unit_of_previous(prev: Quantity, current: Quantity, text: str, offset: int) -> str | None:
    """A bare count right after a counted one shares its noun: "435 homes ... and 187 by
    tender", "6 million homes including 1.5 million in LA", "14-18 mpg to 24"."""
    if prev.unit is None or prev.kind not in ("count", "measure"):
        return None
    between = text[prev.span.end - offset : current.span.start - offset]
    if len(between) > 40 or re.search(r"[.;:!?]", between):
        return None
    return prev.unit


def _inside_name(cand: Candidate, span: Span) -> bool:
    """A bare number inside a product or organisation name: "737 Max", "BBC One"."""
    if cand.kind != "count" or cand.unit is not None or cand.qualifier is not None:
        return False
    root = span.root
    if root.ent_type_ not in ("PRODUCT", "ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW"):
        return False
    ent = next((e for e in root.doc.ents if e.start <= root.i < e.end), None)
    if ent is None:
        return False
    return any(
        t.is_alpha and t.text[:1].isupper() and t.i not in range(span.start, span.end) for t in ent
    )


# --------------------------------------------------------------------------- spaCy checks


def _counts_a_plural(span: Span) -> bool:
    """A year-like number that counts a plural noun: "2000 troops", not "the 2019 elections"."""
    root = span.root
    if root.dep_ != "nummod" or root.head.tag_ not in ("NNS", "NNPS"):
        return False
    if root.i > 0 and root.doc[root.i - 1].pos_ in ("DET", "ADP", "PRON", "PROPN", "ADJ"):
        return False
    return root.head.i == root.i + 1


def _pronoun_one(cand: Candidate, text: str, span: Span) -> bool:
    if text[cand.start : cand.end].lower() != "one":
        return False
    tok = span.root
    has_of = any(child.dep_ == "prep" and child.lower_ == "of" for child in tok.children)
    return tok.pos_ in ("PRON", "NOUN") and not has_of


def _of_object(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grand in child.children:
                if grand.dep_ == "pobj" and grand.pos_ in _NOUN_POS:
                    return grand
    return None


def _of_the_described(tok: Token) -> Token | None:
    """An adjective or participle standing for those it describes after "of": "the number
    of dead", "of injured", "of missing" count the dead, the injured, the missing."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grand in child.children:
                if grand.dep_ == "pobj" and grand.tag_ in ("JJ", "VBN", "VBG"):
                    return grand
    return None


def _counted_noun(anchor: Token, span: Span, cand: Candidate) -> Token | None:
    """The noun a count counts ("3,000 soldiers", "dozens of people"); None for units."""
    if cand.kind not in ("count", "ratio") or cand.unit is not None:
        return None
    inside = set(range(span.start, span.end))
    # "dozens of people", "one of the students", "two-thirds of voters", "3,000 of the troops"
    of_obj = _of_object(anchor)
    if of_obj is not None and of_obj.i not in inside:
        return of_obj
    head = anchor.head
    nxt = anchor.doc[span.end] if span.end < len(anchor.doc) else None
    if (
        nxt is not None
        and nxt.tag_ == "NN"
        and nxt.dep_ == "compound"
        and nxt.head == head
        and head.tag_ == "NN"
        and anchor.dep_ == "nummod"
    ):
        return nxt  # "a 12 page document" counts pages
    if (
        anchor.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "det", "predet")
        and head.pos_ in _NOUN_POS
        and head.i not in inside
        and head.i > anchor.i
    ):
        of_obj = _of_object(head) if head.lower_ in ("dozen", "dozens", "score") else None
        return of_obj or head
    return _noun_after_scale(span)


# Nouns for a number of things taken away or added: "1,500 job cuts" are 1,500 jobs cut,
# "40 branch closures" 40 branches closed. The noun before them is what the figure counts,
# so the count compares with "2,000 jobs could go" and "2,500 jobs at risk".
_CHANGE_NOUNS = frozenset(
    "cuts cutbacks losses reductions closures openings additions gains".split()  # noqa: SIM905
)


def _counted_word(noun: Token) -> str:
    """The counted thing as a plural word: the noun as written, or for a noun of change
    ("job cuts") the noun it is of, in the plural ("jobs")."""
    if noun.lower_ not in _CHANGE_NOUNS:
        return noun.text
    before = noun.doc[noun.i - 1] if noun.i > 0 else None
    if before is None or before.dep_ != "compound" or before.head != noun or before.tag_ != "NN":
        return noun.text
    return _plural_of(before.text)


def _plural_of(word: str) -> str:
    """The regular English plural of a singular noun ("job" → "jobs", "branch" →
    "branches", "facility" → "facilities")."""
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if len(word) > 2 and word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _noun_after_scale(span: Span) -> Token | None:
    """"2.5m Brannock Mobile customers": a scale written as a letter is split off as a token
    of its own, and the parser may hang the number on it and leave the noun phrase after it
    stranded; that phrase's head is what is counted."""
    doc = span.doc
    if span.end >= len(doc) or not span[-1].is_alpha or span[-1].pos_ == "NUM":
        return None
    tok = doc[span.end]
    while tok.dep_ in ("compound", "amod") and tok.head.i > tok.i:
        tok = tok.head
    return tok if tok.pos_ == "NOUN" and tok.i - span.end <= 3 else None


def _phrase(tok: Token, exclude: set[int], with_of: bool = True) -> list[Token]:
    """The noun with its adjectival and compound modifiers (and a following "of" object)."""
    words = [
        t
        for t in tok.subtree
        if t.i <= tok.i
        and t.i not in exclude
        and (t.i == tok.i or (t.dep_ in _MODIFIER_DEPS and t.head.i >= t.i)
             or _hyphened_to(t))
        and t.lower_ not in _SKIP_WORDS
        and t.pos_ not in ("NUM", "PUNCT", "DET", "SYM")
    ]
    # keep only the contiguous block that ends with the noun
    block: list[Token] = []
    for t in reversed(words):
        if block and block[-1].i - t.i > 2:
            break
        block.append(t)
    block.reverse()
    if with_of:
        of_obj = _of_object(tok)
        if of_obj is not None and of_obj.i not in exclude:
            block += _phrase(of_obj, exclude, with_of=False)
    return block


def _hyphened_to(tok: Token) -> bool:
    """The first half of a hyphened modifier ("heat" of "heat-related deaths"), which the
    parse hangs on its second half by another relation than a modifier's."""
    doc = tok.doc
    return tok.i + 2 < len(doc) and doc[tok.i + 1].tag_ == "HYPH" and tok.head.i == tok.i + 2 \
        and tok.head.dep_ in _MODIFIER_DEPS


def _revised_thing(obj: Token, inside: set[int]) -> list[Token]:
    """The object of a revision without the word for a figure: "her estimate of Halvorian
    losses" → "Halvorian losses", "the death toll" stays (nothing else names the thing)."""
    of_obj = _of_object(obj)
    if obj.lemma_.lower() in FIGURE_NOUNS and of_obj is not None and of_obj.i not in inside:
        return _phrase(of_obj, inside)
    return _phrase(obj, inside)


def _predicate(tok: Token) -> tuple[Token | None, Token | None]:
    """Walk up from ``tok`` to the verb that governs it, or to the noun it belongs to.

    Returns ``(verb, owner_noun)``: the first verb on the way up, or the first noun the
    figure is attached to through a preposition ("a survey of more than 6,000 employers").
    """
    cur = tok
    for _ in range(6):
        head = cur.head
        if head.i == cur.i:
            return (cur if cur.pos_ in ("VERB", "AUX") else None), None
        if head.pos_ in ("VERB", "AUX"):
            return head, None
        if cur.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in _NOUN_POS:
            return None, head.head
        cur = head
    return None, None


# Verbs that only say a figure must or had to do what their infinitive says: "4,000 people had
# to leave their homes", "were forced to flee". The infinitive and its object carry the meaning.
_SEMI_MODALS = frozenset(["have", "need", "ought", "force", "oblige", "compel"])
# Verbs that value something "at" a figure: "police put the number of protesters at 5,000",
# "estimated the toll at 40". Their object is what is counted, their subject the estimator.
_VALUE_AT_VERBS = frozenset(["put", "estimate", "place", "peg", "set", "fix", "value"])
# Verbs that count or report their object: "volunteers recorded 1,100 damaged homes", "the
# agency had reported 120 deaths". Their subject is the counter, not what is counted.
# (Not every speech verb: "the launches will offer 435 homes", "adding $40,000 to the price".)
_COUNTING_VERBS = frozenset(["record", "count", "tally", "register", "log", "tabulate",
                             "document", "confirm", "report", "list"])


# Verbs that make their infinitive a limit rather than a deed: a ship "licensed to carry 350
# passengers" may carry 412; "designed to hold 500" says what it can hold, not what it held.
LIMIT_VERBS = frozenset(["license", "licence", "certify", "permit", "authorize", "authorise",
                         "design", "rate"])


def _limit_verb(verb: Token) -> list[Token]:
    """The verb that makes ``verb``'s infinitive a limit ("licensed" of "licensed to carry"),
    as a word of the measured phrase; none for a deed."""
    head = verb.head
    to_infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if to_infinitive and verb.dep_ in ("xcomp", "advcl") and head.i != verb.i \
            and head.lemma_.lower() in LIMIT_VERBS:
        return [head]
    return []


def _infinitive(verb: Token) -> Token | None:
    """The infinitive a semi-modal governs ("had to leave" -> "leave"), or None."""
    if verb.lemma_.lower() not in _SEMI_MODALS:
        return None
    for child in verb.children:
        if child.dep_ == "xcomp" and child.pos_ == "VERB" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            return child
    return None


def _bare_object(verb: Token, child: Token) -> bool:
    """True for the bare singular noun of a verb-object idiom right after the verb ("took
    part", "took place", "made progress"): without it the predicate says something else."""
    return (child.dep_ == "dobj" and child.tag_ == "NN" and child.i == verb.i + 1
            and child.n_lefts + child.n_rights == 0)


def _verb_words(verb: Token, conjuncts: bool = True) -> list[Token]:
    """The predicate's words; ``conjuncts``: with the verbs conjoined to it ("killed or
    wounded"), which say what happened to a figure that is their shared subject but not to
    one that is the first verb's object ("hired 300 workers and opened a plant")."""
    infinitive = _infinitive(verb)
    if infinitive is not None:
        objects = [c for c in infinitive.children if c.dep_ == "dobj" and c.pos_ in _NOUN_POS]
        return (_verb_words(infinitive, conjuncts)
                + [t for o in objects[:1] for t in o.subtree])
    words = [verb]
    head = verb.head
    if verb.dep_ == "conj" and head.i < verb.i and head.pos_ == "VERB" and not any(
            c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in head.children) and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        # "had killed or wounded 3,000 soldiers": the object is the earlier verb's too (not
        # in "23 were arrested and 8 officers injured", where the parse may take the
        # officers for an object; nor in "cases doubled, and 14 people died", whose second
        # verb has a subject of its own: another clause)
        words.extend(t for t in head.children if t.dep_ == "cc" and t.i < verb.i)
        words.append(head)
    for child in verb.children:
        if child.dep_ == "prt" or _bare_object(verb, child) or _state_told(verb, child):
            words.append(child)
        words.extend(_goal(verb, child))
        if not conjuncts:
            continue
        if reports_clauses(child.lemma_) and any(t.text == "," for t in verb.doc[verb.i : child.i]):
            continue  # "were killed or wounded ..., the agency told lawmakers": the cue
        # A conjoined verb with a subject of its own is another clause ("had been evacuated
        # and that 12 people were missing"); the parse may hang that subject on its
        # auxiliary, so any subject before it in its subtree counts.
        has_subject = any(t.dep_ in ("nsubj", "nsubjpass") and t.i < child.i
                          for t in child.subtree)
        if child.dep_ == "conj" and child.pos_ == "VERB" and not has_subject \
                and _joined_to(verb, child):
            ccs = [c for c in verb.children if c.dep_ == "cc" and c.i < child.i]
            words.extend(ccs[-1:])
            words.append(child)
    return sorted(words, key=lambda t: t.i)


# Verbs of moving someone that say what befell them only with where they went: "brought to
# the surface" (rescued), "taken to hospital" (hurt). Troops or aid sent or moved somewhere
# are told by the verb alone, and a named place is where, not what befell them.
_GOAL_VERBS = frozenset(["bring", "take", "carry", "pull", "airlift", "fly", "rush", "lift",
                         "winch"])
_GOAL_PREPOSITIONS = frozenset(["to", "into", "onto"])


# Verbs of driving someone out that say what befell them only with the place they left:
# "forcing 12,000 people from their homes" (displaced); "forced" alone may be to do anything.
_AWAY_VERBS = frozenset(["force", "drive", "chase", "evict", "flush", "hound", "uproot"])
_AWAY_PREPOSITIONS = frozenset(["from", "out"])


def _goal(verb: Token, child: Token) -> list[Token]:
    """The destination of a verb of moving, or the place a verb of driving out drove them
    from, as its preposition and the place's own words ("to surface", "to hospital", "from
    homes", "out of homes"), or nothing."""
    if child.dep_ != "prep" or child.i < verb.i:
        return []
    lemma = verb.lemma_.lower()
    if lemma in _AWAY_VERBS and child.lower_ in _AWAY_PREPOSITIONS:
        inner = [g for g in child.children if g.dep_ == "prep" and g.lower_ == "of"]
        if child.lower_ == "out" and inner:  # "out of their homes"
            place = _place_of(inner[0])
            return [child, inner[0], *place] if place else []
        place = _place_of(child)
        return [child, *place] if place else []
    if lemma not in _GOAL_VERBS or child.lower_ not in _GOAL_PREPOSITIONS:
        return []
    place = _place_of(child)
    return [child, *place] if place else []


def _place_of(prep: Token) -> list[Token]:
    """A preposition's place as a measured phrase keeps it: the noun with its compound and
    adjective modifiers (no article, no possessive), or nothing when its object is no
    common noun."""
    places = [g for g in prep.children if g.dep_ == "pobj" and g.pos_ == "NOUN"]
    if not places:
        return []
    place = places[0]
    return [t for t in place.lefts if t.dep_ in ("compound", "amod")] + [place]


def _state_told(verb: Token, child: Token) -> bool:
    """Whether ``child`` is the state the verb says its figure is in: "found dead",
    "reported missing", "feared dead", "fell ill" (without it the phrase says only that
    they were found, reported, feared: no outcome)."""
    if child.i < verb.i or any(c.dep_ == "dobj" for c in verb.children):
        return False  # "left 20 people dead": the object's own adjective, read after it
    # ("missing" may be tagged a participle)
    return child.dep_ == "oprd" and child.pos_ in ("ADJ", "VERB") \
        or child.dep_ == "acomp" and child.pos_ == "ADJ"


def _joined_to(verb: Token, conjunct: Token) -> bool:
    """Whether a verb the parse conjoins to ``verb`` is joined to it by a conjunction or a
    comma of their own ("killed or wounded", "killed, wounded or missing"). In "jobs could
    go as plants in Delmont and Rask are merged" the parse conjoins "merged" to "go" over
    the names' "and": it is the verb of another clause, not a second thing done to the
    jobs."""
    return any(t.head in (verb, conjunct) and (t.dep_ == "cc" or t.text == ",")
               for t in verb.doc[verb.i + 1 : conjunct.i])


def _subject(verb: Token, depth: int = 0) -> Token | None:
    """The verb's subject as a noun: relative pronouns point to their antecedent, personal
    pronouns to the nearest earlier subject in the sentence, and a verb without a subject
    ("plans to hire", "creating") borrows the subject of the verb it depends on."""
    if depth > 4:
        return None
    # the one next to the verb: a dateline ("VELMOUTH, Oct 14 (Wire) — Cyclone Imara tore
    # ...") is parsed as a second subject
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
    if subjects:
        child = min(subjects, key=lambda c: abs(c.i - verb.i))
        if child.lower_ in ("which", "that", "who"):
            antecedent = _antecedent(verb)
            if antecedent is not None:
                return antecedent
        if child.pos_ == "PRON":
            return _earlier_subject(child)
        return child
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in _NOUN_POS:
        return verb.head
    if verb.dep_ == "advcl" and verb.i > verb.head.i and reports_clauses(verb.head.lemma_):
        # "A fire burned 4,000 hectares, officials said, forcing 2,500 from their homes":
        # the participle goes on with the reported clause, whose subject did the forcing
        reported = _reported_clause(verb.head)
        return _subject(reported, depth + 1) if reported is not None else None
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
        return _subject(verb.head, depth + 1)
    return None


def _reported_clause(cue: Token) -> Token | None:
    """The verb of the clause an inverted cue reports ("A, officials said"; the parse hangs
    the cue on that clause as a conjunct, or the clause on the cue as a complement)."""
    if cue.dep_ == "conj" and cue.head.i < cue.i:
        return cue.head
    before = [c for c in cue.children if c.dep_ in ("ccomp", "parataxis") and c.i < cue.i]
    return before[0] if before else None


def _antecedent(verb: Token) -> Token | None:
    """The noun a relative clause headed by ``verb`` modifies, also when the clause reports
    it: in "the bridge, which officials say will cost $80 million" the relative pronoun is
    the subject of "cost", a clausal complement of the relative clause's "say"."""
    while verb.dep_ == "ccomp" and verb.head.i != verb.i:
        verb = verb.head
    return verb.head if verb.dep_ == "relcl" else None


def _earlier_subject(pronoun: Token) -> Token | None:
    if pronoun.lower_ not in ("it", "he", "she", "they", "its", "his", "her", "their"):
        return None
    for i in range(pronoun.i - 1, pronoun.sent.start - 1, -1):
        tok = pronoun.doc[i]
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ in _NOUN_POS:
            return tok
    return None


def _modified_noun(anchor: Token, inside: set[int]) -> Token | None:
    """The noun a figure modifies: "an $800 stone pizza oven", "a 6kW electric motor"."""
    head = anchor.head
    if (
        anchor.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "npadvmod")
        and head.pos_ in _NOUN_POS
        and head.i not in inside
        and head.i > anchor.i
    ):
        return head
    return None


def _own_object(tok: Token, inside: set[int]) -> Token | None:
    """The figure's own "of"/"in" object: "nearly 70kg of gold", "$1 billion in gains"."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "in"):
            for grand in child.children:
                if grand.dep_ == "pobj" and grand.pos_ in _NOUN_POS and grand.i not in inside:
                    return grand
        # "(1.5mm internal diameter)": the noun after the figure that it measures
        if (
            child.dep_ == "npadvmod"
            and child.pos_ in _NOUN_POS
            and child.i > tok.i
            and child.i not in inside
        ):
            return child
    return None


def _preceding_chunk(anchor: Token, inside: set[int]) -> Token | None:
    """The noun right before a figure with no clause around it: "Dow +0.2%", "FTSE -0.6%"."""
    start = min(inside)
    for i in range(start - 1, max(start - 5, anchor.sent.start - 1), -1):
        tok = anchor.doc[i]
        if tok.pos_ in ("VERB", "AUX") or tok.is_punct and tok.text not in ("-", "—"):
            return None
        if tok.pos_ in _NOUN_POS:
            return tok
    return None


_DURATIONS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade"})


def _adverbial(focus: Token, verb: Token) -> bool:
    if focus.dep_ == "npadvmod" and focus.head == verb:
        return True
    return focus.dep_ == "pobj" and focus.head.dep_ == "prep" and focus.head.head == verb


def _price_object(verb: Token, focus: Token, inside: set[int]) -> Token | None:
    """What a price buys: the "for" object of the verb, or its direct object when the
    price itself is the "for" object."""
    price_in_for = focus.dep_ == "pobj" and focus.head.lower_ == "for" and focus.head.head == verb
    for child in verb.children:
        if price_in_for and child.dep_ == "dobj" and child.pos_ in _NOUN_POS:
            return child
        if not price_in_for and child.dep_ == "prep" and child.lower_ == "for":
            for grand in child.children:
                if grand.dep_ == "pobj" and grand.pos_ in _NOUN_POS and grand.i not in inside:
                    return grand
    return None


def _reaches_things(noun: Token | None, verb: Token) -> bool:
    """"cut power to about 200,000 homes": a count of things after "to" is who the act
    reaches, not a level the object was set to ("cut its forecast to 2.1%", "raised the
    toll to 52 people", whose object names a figure). A verb of growth makes its object as
    large as the count ("widened its recall to 468,300 vehicles", "expanded its fleet to 40
    aircraft"): a level, whatever the object."""
    if noun is None or verb.lemma_.lower() in UP_VERBS:
        return False
    return not any(c.dep_ == "dobj" and c.lemma_.lower() in FIGURE_NOUNS for c in verb.children)


def _copula_complement(verb: Token, inside: set[int]) -> list[Token]:
    """What a figure that is the subject of "be" is said to be: "about 120 were on shift",
    "184 people are still unaccounted for". A phrase before the verb sets the scene ("In
    Claymoor, 75 passengers were aboard"): it says where, not what is counted."""
    for child in verb.children:
        if child.dep_ in ("acomp", "attr") and child.i not in inside:
            return [child]
    for child in verb.rights:
        if child.dep_ in ("ccomp", "xcomp") and child.pos_ in ("VERB", "NOUN"):
            # "2,164 jobs are to go", "68 hours is how long the outage lasted", "70 million
            # euros is the expected yearly saving": the clause up to its head says it
            words = [t for t in child.subtree if t.i <= child.i and t.i not in inside
                     and t.pos_ not in ("DET", "PUNCT")]
            return words[-_MAX_CLAUSE_WORDS:]
        # "according to X" says who told the figure, not what it is
        if child.dep_ == "prep" and child.lower_ != "according":
            objects = [g for g in child.children if g.dep_ == "pobj"]
            return [child] + (_phrase(objects[0], inside) if objects else [])
    return []


def _figure_subject(subject: Token, inside: set[int]) -> list[Token]:
    """What a subject that names a figure counts ("the number of people arrested" → "people
    arrested", "the death toll" → nothing: the noun itself says it), or nothing."""
    of_obj = _of_object(subject) or _of_the_described(subject)
    if subject.lemma_.lower() not in FIGURE_NOUNS or of_obj is None or of_obj.i in inside:
        return []
    # the parse may hang the participle on the figure noun: "the number of people killed when
    # the ferry capsized" gives "killed" to "number"; it says what befell the people all the same
    participles = [c for holder in (of_obj, subject) for c in holder.children
                   if c.dep_ == "acl" and c.tag_ == "VBN" and c.i > of_obj.i]
    return _phrase(of_obj, inside) + [t for p in participles[:1] for t in _verb_words(p)]


def _participle_after(tok: Token, span: Span) -> list[Token]:
    """A past participle right after the figure or its noun: "2,400 killed or wounded"; or
    an adjective that says what became of them: "left 20 people dead", "300 homeless"."""
    end = max(span.end, tok.i + 1)
    if end >= len(tok.doc):
        return []
    nxt = tok.doc[end]
    if nxt.pos_ == "ADJ" and nxt.dep_ in ("amod", "oprd", "acomp") and nxt.head.i < nxt.i:
        return [nxt]
    if nxt.tag_ != "VBN" or nxt.dep_ in ("aux", "auxpass"):
        return []
    return _verb_words(nxt)


def _level_token(focus: Token, inside: set[int]) -> Token:
    """The token by which a figure hangs on its clause as a level: the figure itself, or for
    a range the parse builds inside out ("from 4 to 3", "4" modifying "3", the object of
    "from") the number the others modify."""
    level = focus
    while level.dep_ in ("quantmod", "nummod", "compound") and level.head.i in inside \
            and level.head.i != level.i:
        level = level.head
    return level


def _span_root(anchor: Token, inside: set[int]) -> Token:
    """The figure's token that hangs outside the figure ("percent" of "28.9 percent")."""
    root = anchor
    while root.head.i in inside and root.head.i != root.i:
        root = root.head
    return root


def _gapped_owner(anchor: Token, inside: set[int]) -> Token | None:
    """"The Civic Union had 31.8 percent and the Social Democrats 28.9 percent": the second
    conjunct leaves its verb out, and the parse hangs its figure on "Social Democrats" as an
    apposition of a conjunct of the first figure. Those Social Democrats have the figure, not
    the verb's subject."""
    root = _span_root(anchor, inside)
    owner = root.head
    if root.dep_ != "appos" or owner.dep_ != "conj" or owner.pos_ not in _NOUN_POS or \
            owner.i > root.i:
        return None
    first = owner.head  # the first conjunct: a figure of its own
    return owner if any(t.like_num for t in first.subtree if t.i < owner.i) else None


def _own_thing(thing: Token, cand: Candidate) -> bool:
    """A sum the clause's subject sets for what it owns ("its offer", "their bid"), or a
    count of its own deed ("widened its recall to 468,300 vehicles": the firm's recall,
    which another firm's recall is not); a figure noun ("its estimate") names the count
    alone, whoever made it."""
    owned = any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in thing.children)
    return owned and (cand.kind == "money" or (
        cand.kind == "count" and thing.lemma_.lower() not in FIGURE_NOUNS))


def _with_subject(anchor: Token, inside: set[int]) -> Token | None:
    """"Shops were busy, with sales up 40 percent": in a clause after "with" that has no verb,
    the figure says how far its noun moved ("sales"), which the parse makes the object of
    "with"; the sentence's own verb ("were busy") is no part of what is measured."""
    root = _span_root(anchor, inside)
    noun = root.head
    if root.dep_ not in ("advmod", "npadvmod") or noun.pos_ not in _NOUN_POS \
            or noun.dep_ != "pobj" or noun.head.lower_ not in ("with", "without"):
        return None
    return noun


def _standing_owner(anchor: Token, inside: set[int]) -> Token | None:
    """"ahead of the Social Democrats on 27 percent": a share told as where a party or a
    candidate stands ("X on N percent") belongs to the name right before "on", which the parse
    leaves in another phrase, the preposition hanging on the clause's verb."""
    root = _span_root(anchor, inside)
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "on" or prep.head.pos_ not in ("VERB", "AUX") \
            or prep.i == 0:
        return None
    before = anchor.doc[prep.i - 1]
    return before if before.pos_ == "PROPN" and before.head.i != prep.head.i else None


def _measured(anchor: Token, noun: Token | None, span: Span,
              cand: Candidate) -> tuple[str | None, str | None]:
    """Owner + counted/measured thing + predicate, as a short phrase (see module docstring),
    and the same words as the sentence writes them when the phrase joins a subject to its
    verb (:func:`_as_written`)."""
    inside = set(range(span.start, span.end))
    if (valued := valued_thing(anchor, noun)) is not None:
        return " ".join(t.text for t in _phrase(valued, inside) if t.i not in inside), None
    # the figure's place in the clause: "dozens of people were killed" hangs on "dozens"
    focus = anchor if noun is None or noun.head.head == anchor else noun
    thing_tok = noun
    if thing_tok is None:
        thing_tok = _modified_noun(anchor, inside) or _own_object(anchor, inside)
        if (
            thing_tok is not None
            and thing_tok.head == anchor.head
            and thing_tok.i > anchor.i
            or thing_tok is not None
            and thing_tok == anchor.head
        ):
            focus = thing_tok
    thing = _phrase(thing_tok, inside) if thing_tok is not None else []
    verb, owner = _predicate(focus)
    # "14 people are known to have died": what befell them is the infinitive's
    raised = raised_infinitive(focus, verb)
    verb = raised or verb
    if (harmed := harm_told_after(focus, verb)) is not None:
        # "..., killing 17 people": the people killed, whatever the clause before did
        return " ".join([t.text for t in thing if t.i not in inside] + [harmed]), None
    stranded = _stranded_verb(focus, span) if noun is None and cand.kind == "count" else None
    if stranded is not None:
        verb, owner = stranded, None
    owner_words: list[Token] = []
    verb_words: list[Token] = []
    thing_first = False
    subject: Token | None = None
    if verb is not None:
        focus_is_subject = stranded is not None or raised is not None or (
            focus.dep_ in ("nsubj", "nsubjpass") and focus.head == verb)
        verb_words = _verb_words(verb, focus_is_subject) if verb.lemma_ != "be" else []
        verb_words = _limit_verb(verb) + verb_words
        if cand.qualifier in VERB_QUALIFIERS and verb.lower_ == cand.qualifier.split()[-1]:
            verb_words = []  # "losses could top $5 billion": "top" is the hedge, not a deed
        if cand.kind == "percent" and focus.dep_ == "pobj" and focus.head.lower_ in (
                "to", "at") and focus.head.head == verb:
            # a share's level: the verb says how it got there ("turnout soared to 70
            # percent"), not what is measured; a change ("shares rose 6.5%") or a share had
            # at a time ("inflation hit 6% in September") keeps its verb
            verb_words = []
        subject = _subject(verb)
        if focus_is_subject:
            thing_first = True
            if verb.lemma_ == "be":  # "about 120 were on shift"
                verb_words = _copula_complement(verb, inside)
        elif focus.dep_ == "dobj" and focus.head == verb and \
                verb.lemma_.lower() in _COUNTING_VERBS:
            verb_words = []
        elif noun is not None and _caused(focus, verb):
            # "the merger could lead to 1,500 job cuts": the subject is the cause, and the
            # counted noun says what is counted
            verb_words = []
        elif subject is not None and (counted := _figure_subject(subject, inside)):
            # "the number of people arrested has risen to 31": the people arrested are
            # counted; "number" and "risen" say only that the count is told and moved
            owner_words, verb_words = counted, []
        elif subject is not None:
            owner_words = _phrase(subject, inside)
        valued_at = (focus.dep_ == "pobj" and focus.head.lower_ == "at"
                     and focus.head.head == verb and verb.lemma_.lower() in _VALUE_AT_VERBS)
        level = _level_token(focus, inside)
        level_of_verb = valued_at or (
            level.dep_ == "pobj"
            and level.head.lower_ in ("to", "from", "by")
            and level.head.head == verb
            and not _reaches_things(noun, verb)
        )
        if focus.dep_ in ("npadvmod", "advmod") or anchor.dep_ == "npadvmod" or level_of_verb:
            # "pulled the healthcare sector 0.68 percent lower", "raised her estimate of
            # losses to 2,400": the object is what moved
            # the first object only: the parse makes an apposition after a comma a second
            # one ("raised the alert level from 3 to 4, the highest level")
            for child in [c for c in verb.children if c.dep_ == "dobj"][:1]:
                if child.i not in inside and child.pos_ in _NOUN_POS:
                    thing = _revised_thing(child, inside) + thing
                    if valued_at or (level_of_verb and focus.head.lower_ != "by"
                                     and revises(verb)):
                        # a level the subject set ("the minister raised her estimate to
                        # 2,400"): the subject revises the figure, it is not what is counted;
                        # but a firm's own price or deed is the firm's ("raised its offer to
                        # 40 euros a share", "widened its recall to 468,300 vehicles")
                        owner_words = owner_words if _own_thing(child, cand) else []
                        verb_words = []
        if cand.kind == "money" and not thing:
            # a price: "paid $35,538 for a system", "get the ottoman for $149.36"
            goods = _price_object(verb, focus, inside)
            if goods is not None:
                thing = _phrase(goods, inside)
        if cand.kind == "measure" and cand.unit in _DURATIONS and focus is anchor \
                and _adverbial(focus, verb):
            # "after 55 minutes", "for fifty years": the duration measures the event itself;
            # one that modifies a noun ("against his 12-year sentence") measures the noun
            owner_words, thing = [], []
    elif owner is not None:
        owner_words = _phrase(owner, inside, with_of=False)
    gapped = _gapped_owner(anchor, inside) or _with_subject(anchor, inside) or (
        _standing_owner(anchor, inside) if cand.kind == "percent" else None)
    if gapped is not None:
        owner_words, verb_words = _phrase(gapped, inside, with_of=False), []
    if not owner_words and not thing:
        chunk = _preceding_chunk(anchor, inside)
        if chunk is not None:
            owner_words = _phrase(chunk, inside, with_of=False)
    parts = thing + verb_words if thing_first else owner_words + verb_words + thing
    parts += _participle_after(thing_tok or anchor, span)
    # "14 people died": the people who died are counted, and the phrase says so; a passive
    # participle reads as it stands ("people arrested")
    relative_after = (len(thing) if thing_first and verb is not None and verb_words
                      and (focus.dep_ == "nsubj" or raised is not None
                           and not is_passive(raised))
                      and _active_clause(verb_words[0])
                      # "buildings collapsed or damaged": the participle reads for both
                      and not any(t.dep_ == "cc" for t in verb_words) else None)
    seen: set[int] = set()
    words: list[str] = []
    for index, tok in enumerate(parts):
        if index == relative_after and words:
            words.append("who" if thing_tok is not None and counts_people(thing_tok.text)
                         else "that")
        if tok.i in seen or tok.i in inside:
            continue
        seen.add(tok.i)
        words.append(tok.text)
    if not words:
        return None, None
    # a subject that names a figure ("the death toll stands at 5") is itself what is counted
    acts = owner_words and not any(t.lemma_.lower() in FIGURE_NOUNS for t in owner_words)
    named = _as_written(span, owner_words + verb_words + thing) \
        if acts and verb_words and not thing_first else None
    if named is not None and cand.kind == "count" and thing_tok is not None \
            and verb is not None:
        # "the board has received … complaints" reads as a quotation: the complaints the
        # board has received are what a reader calls the count
        first = min(owner_words + verb_words, key=lambda t: t.i)
        named = counted_first(named, ELIDED, thing_tok, first, verb) or named
    if cand.kind == "measure" and verb is not None and subject is not None and not thing_first:
        # "the slick covers …" is the slick's area, in a reader's words
        named = owned_measure(cand.unit, verb, subject, _span_root(anchor, inside)) or named
    return " ".join(words[:_MAX_MEASURED_WORDS]), named


# Words a clause holds its measured words together with: articles, prepositions,
# auxiliaries, "to", possessives ("the risk of stroke", "the cuts would cost").
_BINDING_POS = frozenset(["DET", "ADP", "AUX", "PART"])


def _as_written(span: Span, kept: list[Token]) -> str | None:
    """The measured words of a subject, its verb and what it counts as the sentence writes
    them, with the words that bind them ("tarnexiban reduced the risk of stroke by …", not
    "tarnexiban reduced risk stroke"): a reader's words for what a figure measures. The
    figure is "…"; what else the sentence says between them (an apposition, a clause) is
    left out. None when the words run longer than a measured phrase may."""
    doc = span.doc
    keep = {t.i for t in kept} | set(range(span.start, span.end))
    # a determiner before the first word is the clause's too ("the cuts")
    start = min([min(keep)] + [c.i for t in kept for c in t.lefts
                               if c.pos_ == "DET" or c.dep_ == "poss"])
    words: list[str] = []
    for tok in doc[start : max(keep) + 1]:
        if span.start <= tok.i < span.end:
            if tok.i == span.start:
                words.append(ELIDED)
        elif tok.i in keep or (tok.pos_ in _BINDING_POS or tok.dep_ == "poss") \
                and tok.head.i in keep and not tok.is_punct and _binds_kept(tok, keep):
            # "The wildfire" opening its sentence is "the wildfire" inside another
            binding = tok.i == start and tok.i not in keep
            words.append(tok.lower_ if binding else tok.text)
    if len(words) > _MAX_MEASURED_WORDS + 2:
        return None
    return " ".join(words)


def _binds_kept(tok: Token, keep: set[int]) -> bool:
    """Whether a binding word binds words that are kept: a preposition whose object is left
    out goes with it ("Volunteers from Sil Hill brought" is "Volunteers brought", not
    "Volunteers from brought")."""
    if tok.pos_ != "ADP":
        return True
    objects = [c for c in tok.children if c.dep_ in ("pobj", "pcomp")]
    return not objects or any(c.i in keep for c in objects)


def _stranded_verb(focus: Token, span: Span) -> Token | None:
    """The verb of a figure's own clause that the parse left without its subject: in "11
    ... have been brought to the surface alive and 3 are still missing" it conjoins "3" to
    "alive" and gives "missing" no subject, so the 3 would measure the 11's clause. A figure
    that is no subject, followed by auxiliaries (and adverbs) of a verb that has no subject
    of its own, is that verb's subject (a bare count's: "hire up to 400 to work there" is no
    subject of its infinitive)."""
    if focus.dep_ in ("nsubj", "nsubjpass"):
        return None
    doc, i = focus.doc, max(span.end, focus.i + 1)
    auxiliaries: list[Token] = []
    while i < len(doc) and (doc[i].dep_ in ("aux", "auxpass") or doc[i].pos_ == "ADV"
                            and doc[i].dep_ in ("advmod", "neg")):
        auxiliaries += [doc[i]] if doc[i].dep_ in ("aux", "auxpass") else []
        i += 1
    if not auxiliaries or i >= len(doc) or any(a.tag_ == "TO" for a in auxiliaries):
        return None
    verb = doc[i]
    if verb.pos_ != "VERB" or any(a.head != verb for a in auxiliaries) or any(
            c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children):
        return None
    return verb


def _active_clause(verb: Token) -> bool:
    """Whether ``verb`` heads an active clause: "died", "will go", "have died"; not
    "-ing" ("with 300 people attending") nor a participle whose "were" was left out ("23
    people were arrested and 8 officers injured")."""
    if verb.tag_ == "VBN":
        return any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    return verb.tag_ in ("VBD", "VBZ", "VBP", "VB")


# Verbs of causing, with the preposition that introduces the effect ("" for a direct
# object): "lead to 1,500 job cuts", "resulted in 12 deaths", "caused 300 injuries".
_CAUSE_VERBS = {"lead": "to", "result": "in", "cause": "", "trigger": "", "spark": ""}


def _caused(focus: Token, verb: Token) -> bool:
    """Whether ``focus`` is the effect a verb of causing names."""
    prep = _CAUSE_VERBS.get(verb.lemma_.lower())
    if prep is None:
        return False
    if not prep:
        return focus.dep_ == "dobj" and focus.head == verb
    return (focus.dep_ == "pobj" and focus.head.lower_ == prep
            and focus.head.head == verb)


def _verb_change(anchor: Token, span: Span) -> str | None:
    """``up``/``down`` when the figure is the amount of a verb of increase or decrease."""
    inside = set(range(span.start, span.end))
    cur = anchor
    for _ in range(5):
        head = cur.head
        if head is cur:
            return None
        dep = cur.dep_
        if dep in ("nummod", "quantmod", "compound", "conj", "appos", "amod", "advmod") and (
            head.i in inside or head.pos_ in _NOUN_POS or dep in ("conj", "appos")
        ):
            cur = head
            continue
        if dep == "prep" and cur.i in inside:
            return _direction(head)  # "rose under 4%": the hedge word heads the figure
        if dep == "pobj" and head.dep_ == "prep":
            prep = head.lower_
            if prep == "from":
                return None
            # "fell to 49.55": the level reached keeps its own label; "grew by 5%" is the change
            if prep != "by":
                return None
            return _direction(head.head)
        if dep in ("dobj", "npadvmod", "attr", "oprd", "advmod", "nsubj"):
            if dep == "nsubj":
                return None
            if head.lower_ in ("up", "down") and head.pos_ in ("ADV", "ADP"):
                return "up" if head.lower_ == "up" else "down"
            return _direction(head)
        return None
    return None


def _direction(verb: Token) -> str | None:
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    lemma = verb.lemma_.lower()
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    if particles:
        combined = f"{lemma}_{particles[0]}"
        if combined in UP_VERBS or (lemma == "go" and particles[0] == "up"):
            return "up"
        if combined in DOWN_VERBS or (lemma == "go" and particles[0] == "down"):
            return "down"
    if lemma in UP_VERBS:
        return "up"
    if lemma in DOWN_VERBS:
        return "down"
    return None
