"""A speaker told as "the company", "the utility", "the bank": the organisation named before.

News text names a firm once and then refers to it by what it is: "a power line owned by
Veltra Power sparked the blaze. The utility said ...". Left as it stands, "utility" is a
speaker of its own in every article, and its statements never meet the firm's. The
description goes to the nearest organisation named before it in the article that reads as a
firm: a name ending in a firm's word ("Halden Textile Works", "Veltra Power"), introduced
or followed by a firm's description ("chipmaker Norvex", "Brannock Mobile, the second-largest
operator"), or an organisation that is a clause's subject ("Norvex said ..."). Any organisation would not do: the
recogniser labels towns and surnames as organisations often enough ("Prosecutors in Corvel
...; the company insists" is not Corvel's statement).

A description whose noun is the head of an organisation's name goes to that organisation when
it is the only one so named before it: "the bank" is the National Bank of Estmark, "the
agency" the National Disaster Management Agency (the head is the last word, or the word
before "of"). Two banks named before it leave "the bank" as it stands.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .speakers import FIRM_WORDS, Mention, clean_name

# Heads of descriptions that stand for a firm ("the carmaker", "the regional airline").
COMPANY_NOUNS = frozenset(
    """company firm utility carrier airline lender insurer retailer manufacturer maker
    automaker carmaker chipmaker drugmaker shipbuilder operator conglomerate corporation
    developer supplier producer miner broadcaster publisher startup owner""".split()  # noqa: SIM905
)
# Last words of organisation names that are public bodies, not firms.
_PUBLIC_BODIES = frozenset(
    """ministry department agency police court council army government committee commission
    authority office parliament assembly senate congress navy force forces guard service
    services brigade university hospital school union party board bureau administration
    inspectorate regulator tribunal directorate ombudsman""".split()  # noqa: SIM905
)
_DETERMINERS = frozenset(["the"])
# Modifiers a description may add to a name's head without naming another body: "the central
# bank" is still the National Bank of Estmark, "the regional bank" is no Nordvik Bank.
_LOOSE_MODIFIERS = frozenset(["central", "national", "state", "federal"])


def resolve_organisation(description: str, position: int,
                         mentions: Sequence[Mention]) -> str | None:
    """The organisation ``description`` ("the utility", "The company") at ``position``
    refers to, or None when it is no firm's description or no firm was named before it."""
    raw = description.split()
    if raw and raw[-1].lower() in _PLURAL_COMPANY_NOUNS:
        return _firms_together([w.lower() for w in raw[:-1]], position, mentions)
    # "Ostmark's spy agency": a place's body, which the report may name only later
    possessed = len(raw) >= 2 and raw[0].endswith(("'s", "’s")) and raw[0][:1].isupper()
    if not 2 <= len(raw) <= 3 or raw[0].lower() not in _DETERMINERS and not possessed:
        return None
    headed = _named_by_head([w.lower() for w in raw[1:]], position, mentions,
                            anywhere=possessed)
    if headed is not None or possessed:
        return headed
    if raw[-1].lower() not in COMPANY_NOUNS:
        return None
    best = None
    for mention in mentions:
        if mention.start >= position:
            break
        if mention.label == "ORG" and reads_as_firm(mention):
            best = mention
    return clean_name(best.name) if best is not None else None


def _plural_noun(noun: str) -> str:
    return noun[:-1] + "ies" if noun.endswith("y") else noun + "s"


_PLURAL_COMPANY_NOUNS = frozenset(_plural_noun(n) for n in COMPANY_NOUNS)
# How many firms a plural description counts: "both companies", "the two firms".
_HOW_MANY = {"both": 2, "two": 2, "three": 3, "four": 4}


def _firms_together(before: Sequence[str], position: int,
                    mentions: Sequence[Mention]) -> str | None:
    """"The two companies said": the firms named last before ``position``, as many as the
    description counts ("both", "two"; "the companies" when exactly two were named), joined
    as one speaker ("Orvane Systems and Telmark Industries"); None when the text names
    fewer, or a determiner-less plural ("companies said") that may be any firms."""
    if not before or before[0] not in ("the", "both"):
        return None
    counted = [_HOW_MANY[w] for w in before if w in _HOW_MANY]
    if len(before) > 2 or len(before) == 2 and not counted:
        return None  # "the Swiss companies": a qualifier that may pick out others
    firms: list[str] = []
    for mention in mentions:
        if mention.start >= position:
            break
        name = clean_name(mention.name)
        if mention.label == "ORG" and reads_as_firm(mention) and not _named_already(name, firms):
            firms.append(name)
    wanted = counted[0] if counted else 2
    if len(firms) < wanted or not counted and len(firms) != wanted:
        return None
    chosen = firms[-wanted:]
    return ", ".join(chosen[:-1]) + " and " + chosen[-1]


def _named_already(name: str, firms: Sequence[str]) -> bool:
    """Whether ``name`` is one of ``firms`` or a short form of one ("Orvane" of "Orvane
    Systems")."""
    words = name.split()
    return any(f.split()[: len(words)] == words for f in firms)


def name_head(name: str) -> str:
    """The noun an organisation's name is about: "Bank" in "National Bank of Estmark" and in
    "Nordvik Bank", "Agency" in "National Disaster Management Agency"."""
    words = name.split()
    if "of" in words[1:]:
        words = words[: words.index("of", 1)]
    return words[-1].lower() if words else ""


# Name heads a description noun stands for when no name has that noun itself: "the agency"
# is the National Intelligence Service or the Statistics Office when no agency was named.
_HEADS_DESCRIBED_AS = {
    "agency": frozenset(
        "service directorate bureau office administration authority".split()),  # noqa: SIM905
}
# Words of a description that a body's name says otherwise ("spy agency": Intelligence).
_MODIFIER_NAMES = {"spy": "intelligence", "weather": "meteorological"}


def _named_by_head(words: Sequence[str], position: int, mentions: Sequence[Mention],
                   anywhere: bool = False) -> str | None:
    """The one organisation named before ``position`` (``anywhere``: in the whole report)
    whose head is the description's noun (``words``: the description without its determiner)
    and whose name holds its modifiers; failing any, the one whose head is a kind of body
    the noun describes."""
    head, modifiers = words[-1], words[:-1]
    for heads in (frozenset([head]), _HEADS_DESCRIBED_AS.get(head, frozenset())):
        found = set()
        for mention in mentions:
            if mention.start >= position and not anywhere:
                break
            if mention.label != "ORG":
                continue
            name = clean_name(mention.name)
            named = name.lower().split()
            if name_head(name) in heads and all(
                    m in named or m in _LOOSE_MODIFIERS or _MODIFIER_NAMES.get(m) in named
                    for m in modifiers):
                found.add(name)
        if found:
            return found.pop() if len(found) == 1 else None
    return None


def reads_as_firm(mention: Mention) -> bool:
    """A name ending in a firm's word, introduced with a firm's description, or an
    organisation that is itself a clause's subject or a speaker ("Norvex said ... The
    chipmaker said ..."); a town named in passing ("prosecutors in Corvel") is none, nor a
    public body named with its owner ("Civil Aviation Authority of Lorvana" is an authority,
    not "the manufacturer")."""
    name = clean_name(mention.name)
    words = name.lower().split()
    if not words or words[-1] in _PUBLIC_BODIES or name_head(name) in _PUBLIC_BODIES:
        return False
    return words[-1] in FIRM_WORDS or is_described_firm(mention.titles) or mention.subject


def without_descriptor(name: str) -> str:
    """"Chipmaker Norvex" → "Norvex": a firm's description capitalised before its name (at
    the start of a sentence, or as a title) is not part of the name."""
    words = name.split()
    if len(words) >= 2 and words[0].lower() in COMPANY_NOUNS and words[0][:1].isupper() \
            and words[1][:1].isupper():
        return " ".join(words[1:])
    return name


def is_described_firm(titles: frozenset[str]) -> bool:
    """Whether the words before a name describe it as a firm ("chipmaker Norvex"), which the
    recogniser may label a product or a person."""
    return bool(titles & COMPANY_NOUNS)


def firm_named_before(text: str, position: int, names: Sequence[str]) -> str | None:
    """Of ``names`` that read as firms' ("Brantwell Energy"), the one ``text`` names last
    before ``position``: what "the company" in "the company's spokeswoman, Nora Keel" at
    ``position`` refers to, where only names are known (a story's speakers), not the parse.
    None when no firm's name comes before it."""
    best: tuple[int, str] | None = None
    for name in names:
        words = clean_name(name).lower().split()
        if len(words) < 2 or words[-1] not in FIRM_WORDS or words[-1] in _PUBLIC_BODIES:
            continue
        starts = [m.start() for m in re.finditer(rf"\b{re.escape(name)}\b", text[:position])]
        if starts and (best is None or starts[-1] > best[0]):
            best = (starts[-1], name)
    return best[1] if best is not None else None
