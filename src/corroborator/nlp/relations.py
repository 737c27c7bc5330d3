"""The attribution relation found in a paragraph, and how it is built from tokens."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import cues as lex
from .speakers import initials
from .subjects import Speaker, name_of, source_like
from .tokenspans import char_span, contiguous, doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@dataclass
class Attribution:
    """One attribution with absolute ``[start, end)`` character offsets into the article."""

    content: tuple[int, int]
    stance: str
    cue: tuple[int, int] | None = None
    cue_lemma: str | None = None
    speaker: tuple[int, int] | None = None
    speaker_text: str | None = None  # best name found in the speaker phrase
    speaker_label: str | None = None  # entity label (PERSON, ORG, GPE, NORP) when known
    pronoun: bool = False  # speaker is a pronoun to resolve at article level
    via: list[tuple[str, tuple[int, int]]] = field(default_factory=list)
    kind: str = "indirect"  # indirect, direct, mixed, hearsay, evidence
    pending_colon: bool = False  # "X said:" at paragraph end; content is the next paragraph
    sentence: tuple[int, int] | None = None
    quote: str | None = None
    # "according to": the characters of the word the phrase hangs on (the clause's verb)
    governor: tuple[int, int] | None = None
    # the content was built on purpose (a revised figure "from X to Y"): keep its bounds
    fixed: bool = False
    # the cue tagger's probability for its cue (None: the rules found it)
    score: float | None = None


def _medium_end(verb: Token) -> int:
    """End token index of "said [in a statement]": the medium phrase joins the cue."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "in" and prep.i == verb.i + 1:
            objs = [c for c in prep.children if c.dep_ == "pobj"]
            if objs and objs[0].lemma_.lower() in lex.MEDIUM_NOUNS:
                return objs[0].i
    return verb.i


def cue_tokens(verb: Token) -> tuple[int, int]:
    """Token range of the cue: auxiliaries and negation directly before, medium after."""
    doc = verb.doc
    start = verb.i
    while start > 0 and doc[start - 1].head.i == verb.i and doc[start - 1].dep_ in (
        "aux", "auxpass", "neg", "advmod"
    ) and doc[start - 1].lower_ not in lex.HEARSAY_ADVERBS:
        if doc[start - 1].dep_ == "advmod" and doc[start - 1].lower_ != "also":
            break
        start -= 1
    end = _medium_end(verb)
    for prep in verb.children:  # "pointed to", "talked about": the preposition joins the cue
        verbs = lex.CONTENT_PREPOSITIONS.get(prep.lower_)
        if prep.dep_ == "prep" and verbs and verb.lemma_ in verbs and prep.i <= end + 2 and \
                prep.i > end:
            end = prep.i
    particle = [c for c in verb.children if c.dep_ == "prt" and c.i == end + 1]
    if particle:
        end = particle[0].i
    return start, end


# Verbs of refusing, and what is refused when nothing is said: "declined to comment".
_REFUSING = frozenset(["decline", "refuse"])


def _refused_to_speak(entry: lex.CueEntry, content: list[Token]) -> bool:
    """Whether the cue refuses to speak ("declined to comment on the timing", "refused to
    say whether ..."): its content is an infinitive of a speech verb, which asserts nothing."""
    if entry.lemma not in _REFUSING or not content:
        return False
    ids = {t.i for t in content}
    roots = [t for t in content if t.head.i not in ids or t.head.i == t.i]
    return any(lex.SPEECH_VERBS.get(root.lemma_.lower()) is not None and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in root.children) for root in roots[:1])


def stance_of(entry: lex.CueEntry, content: list[Token], subject: Speaker | None,
            passive: bool, verb: Token | None = None) -> str:
    stance = entry.stance
    if verb is not None and any(c.dep_ == "neg" for c in verb.children) \
            or _no_one(subject) or _refused_to_speak(entry, content):
        # "has not acknowledged sending troops", "did not deny", "Neither side has
        # explained the gap", "declined to comment": nothing is asserted
        return "hedged"
    if entry.lemma == "report" and (subject is None or subject.head.lemma_ == "report"):
        return "reported"
    if _understood_by_a_publication(entry, subject, verb):
        return "reported"
    if passive and subject is None and entry.kind in ("speech", "cognition"):
        if entry.lemma == "ask":
            return "stated"
        return "reported" if entry.lemma in ("report", "say", "tell") else "hedged"
    if stance in ("stated", "confirmed") and content:
        ids = {t.i for t in content}
        roots = [t for t in content if t.head.i not in ids or t.head.i == t.i]
        for root in roots[:1]:
            if any(c.lower_ in ("may", "might", "could") for c in root.children if c.dep_ == "aux"):
                return "hedged"
    if stance == "stated" and entry.kind == "cognition":
        return "hedged" if entry.lemma in lex.COGNITION_VERBS and entry.lemma not in (
            "know", "find", "learn", "see", "realize", "understand", "discover", "decide",
            "determine") else stance  # a decision is made, not a belief held
    return stance


# Subjects that deny anyone spoke: "Neither side", "No official", "Nobody", "None of them".
_NO_ONE_DETERMINERS = frozenset(["neither", "no"])
_NO_ONE_WORDS = frozenset(["nobody", "none", "neither", "noone"])


def _no_one(subject: Speaker | None) -> bool:
    """Whether the subject says no one spoke ("Neither side has explained the gap")."""
    if subject is None or subject.pronoun:
        return False
    head = subject.head
    return head.lower_ in _NO_ONE_WORDS or any(
        c.dep_ == "det" and c.lower_ in _NO_ONE_DETERMINERS for c in head.children)


def _understood_by_a_publication(entry: lex.CueEntry, subject: Speaker | None,
                                 verb: Token | None) -> bool:
    """"..., The Back Page understands": a paper or a broadcaster that "understands" in the
    present tells what its unnamed sources told it, as "it is understood" does; a person who
    understands states what they know."""
    return (entry.lemma == "understand" and verb is not None and verb.tag_ in ("VBZ", "VBP")
            and subject is not None and not subject.pronoun
            and "PERSON" not in (subject.label, subject.head.ent_type_))


def _named_by(tok: Token) -> Token | None:
    """The source a participle or relative clause names: the pobj of "quoted by Y", the
    object of "which cited Y" (a source, not a reason: "citing weak exports")."""
    for child in tok.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
        if child.dep_ == "dobj" and source_like(child):
            return child
    return None


def relay_chain(source: Token) -> list[tuple[str, Token]]:
    """The chain a source's own phrase tells, outlet inwards: "X, quoted by Y" gives [Y, X],
    "X, which cited Y" gives [X, Y]; [] when it tells none. The phrase may hang on the
    source's description or on the name beside it ("the agency ORNA, which cited ...")."""
    hosts = [source] + [c for c in source.children if c.dep_ == "appos"]
    for host in hosts:
        for child in host.children:
            quoted = child.dep_ == "acl" and child.lemma_ == "quote" and child.tag_ == "VBN"
            cited = child.dep_ == "relcl" and child.lemma_ == "cite"
            named = _named_by(child) if quoted or cited else None
            if named is None or not source_like(named):
                continue
            outer, inner = (named, source) if quoted else (source, named)
            return [(name_of(outer)[0], outer), (name_of(inner)[0], inner)]
    return []


def via_chain(verb: Token, subject: Speaker | None) -> list[tuple[str, Token]]:
    """"X, citing Y, reported": the chain [X, Y] (outlet inwards); "X, quoted by Y, said":
    [Y, X]. The parse may hang the "citing" clause on the subject ("State broadcaster MTV,
    citing the interior ministry, said"), and the subject's head may be the description
    ("broadcaster") it stands by."""
    if subject is not None and (relayed := relay_chain(subject.head)) \
            and relayed[-1][1] is subject.head:
        return [(subject.name, subject.head) if tok is subject.head else (name, tok)
                for name, tok in relayed]
    hosts = [verb] + ([subject.head] if subject is not None else [])
    for child in (c for host in hosts for c in host.children):
        if child.lemma_ == "cite" and child.dep_ in ("advcl", "xcomp", "conj", "prep", "acl"):
            objs = [g for g in child.children if g.dep_ in ("dobj", "pobj")]
            # "citing weak exports" gives a reason, "citing the NIS" a source
            if objs and subject is not None and source_like(objs[0]):
                name, _ = name_of(objs[0])
                return [(subject.name, subject.head), (name, objs[0])]
    return []


# Words of a news outlet's name, by where in it they stand: an outlet's name opens with
# "Radio" or "Daily" ("Radio Lorvana", "the Daily Beacon") or ends with what it is ("Harlow
# Times", "Lorvana Public Radio"). The place matters: "Network Rail", "the Post Office", "Royal
# Mail" and "the Environment Agency" hold such words and are no outlets.
_OUTLET_OPENINGS = frozenset(lex.words("radio tv television daily channel"))
_OUTLET_ENDINGS = frozenset(lex.words(
    "radio tv television news press times post herald gazette tribune journal telegraph "
    "courier ledger observer monitor chronicle broadcaster broadcasting channel magazine "
    "wire standard newspaper"))
# An agency is a news agency when its name says so: "Harlow Press Agency", "Yonhap News Agency".
_NEWS_OF_AGENCY = frozenset(lex.words("news press"))


def _outlet_name(words: list[str]) -> bool:
    """Whether a name, as its words in lower case, reads as a news outlet's."""
    if words[-1] == "agency":
        return bool(_NEWS_OF_AGENCY & set(words[:-1]))
    return words[0] in _OUTLET_OPENINGS or words[-1] in _OUTLET_ENDINGS


# Nouns that introduce a name as a news outlet's: "the broadcaster TPR", "news agency NPA".
_OUTLET_NOUNS = ("broadcaster", "agency", "newspaper", "paper", "channel", "network",
                 "station", "outlet", "wire", "radio", "television", "daily")
# A run of capitalised words, a connective allowed inside ("Bank of England"): names.
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’]*(?:[ \t]+(?:(?:of|for|and|the|on)[ \t]+)?"
                              r"[A-Z][\w'’]*)+")


def is_initialism(name: str) -> bool:
    """Whether a name is a bare initialism of 2-5 letters ("NPA", "the UN")."""
    bare = name.removeprefix("the ").strip()
    return 2 <= len(bare) <= 5 and bare.isalpha() and bare.isupper()


def initialism_is_outlet(initialism: str, text: str, outlet: str | None) -> bool:
    """Whether a report gives evidence that an initialism it names ("told NPA") is a news
    outlet, as the letters alone do not: "told the UN" names a hearer, no outlet. Evidence is
    the report's own outlet having those initials, an outlet's name in its text that has them
    ("Northline Press Agency"), a dateline crediting them ("RIVNA, Nov 10 (NPA) —") or a
    noun that introduces them as an outlet ("the broadcaster TPR"). Another report's outlet
    is no evidence here: the stage reads one article at a time, so a copy that says "told
    NPA" and never names the agency keeps no chain."""
    letters = initialism.removeprefix("the ").strip()
    if outlet and initials(outlet) == letters:
        return True
    for run in _CAPITALISED_RUN.finditer(text):
        words = run.group(0).split()
        # a sentence may open with a capitalised word before the name ("Yesterday Radio X")
        if any(initials(" ".join(words[i:])) == letters
               and _outlet_name([w.lower() for w in words[i:]]) for i in range(len(words) - 1)):
            return True
    escaped = re.escape(letters)
    nouns = "|".join(_OUTLET_NOUNS)
    credited = re.search(rf"\(\s*{escaped}\s*\)\s*[-–—]", text)
    introduced = re.search(rf"\b(?i:{nouns})\s+(?:the\s+)?{escaped}\b", text)
    return bool(credited or introduced)


def _outlet_like(tok: Token) -> bool:
    """Whether the name headed by ``tok`` reads as a news outlet's (:func:`_outlet_name`:
    "Radio Lorvana", "the Herald") or is an organisation's initials ("the BBC")."""
    if tok.pos_ != "PROPN" or tok.ent_type_ in ("GPE", "NORP"):
        return False
    name = [t for t in tok.subtree if t.pos_ == "PROPN"]
    initials = len(name) == 1 and tok.text.isupper() and 2 <= len(tok.text) <= 5 \
        and tok.text.isalpha()
    return initials or _outlet_name([t.lower_ for t in name])


def told_chain(verb: Token, subject: Speaker | None) -> list[tuple[str, Token]]:
    """"A passenger told Radio Lorvana that ...": the outlet told is the channel the words
    came through, [Radio Lorvana, passenger] (the article's own outlet, "told the Herald" in
    the Herald, is dropped at article level); [] for any other hearer ("told reporters",
    "told Congress")."""
    if verb.lemma_ != "tell" or subject is None:
        return []
    told = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i]
    if not told or not _outlet_like(told[0]):
        return []
    name, _ = name_of(told[0])
    return [(name, told[0]), (subject.name, subject.head)]


def make(doc: Doc, offset: int, content_tokens: list[Token], verb_range: tuple[int, int],
          lemma: str, stance: str, speaker: Speaker | None, kind: str,
          via: list[tuple[str, Token]] | None = None) -> Attribution | None:
    text = doc_text(doc)
    if lemma != "according to":
        skip = {t.i for t in content_tokens if t.lower_ == "according" and t.dep_ == "prep"}
        if skip:
            drop = {d.i for t in content_tokens if t.i in skip for d in t.subtree}
            content_tokens = [t for t in content_tokens if t.i not in drop]
            if not content_tokens:
                return None
    content = char_span(contiguous(content_tokens), offset, text)
    if content is None:
        return None
    cue_start = doc[verb_range[0]].idx
    cue_end = doc[verb_range[1]].idx + len(doc[verb_range[1]].text)
    att = Attribution(content=content, stance=stance, cue=(cue_start + offset, cue_end + offset),
                      cue_lemma=lemma, kind=kind)
    if speaker is not None:
        span = char_span(speaker.tokens, offset, text)
        while span and span[1] - span[0] > 1 and text[span[0] - offset] in "([":
            span = (span[0] + 1, span[1])
        while span and span[1] - span[0] > 1 and text[span[1] - offset - 1] in ")]" and \
                "(" not in text[span[0] - offset : span[1] - offset]:
            span = (span[0], span[1] - 1)
        att.speaker = span
        att.speaker_text = speaker.name
        att.speaker_label = speaker.label
        att.pronoun = speaker.pronoun
    if via:
        att.via = [(name, (tok.idx + offset, tok.idx + len(tok.text) + offset))
                   for name, tok in via]
    sent = content_tokens[0].sent
    att.sentence = (sent.start_char + offset, sent.end_char + offset)
    return att
