"""Attributions without a cue verb: "according to X", "reportedly", "his claim that",
and headline speakers ("Name: words")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import cues as lex
from .cues import words
from .learned import learned_content, learned_entry
from .relations import Attribution, cue_tokens, make, relay_chain
from .subjects import SOURCE_NOUNS, Speaker, speaker_from, subject_of
from .tokenspans import subtree

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


# What a speaker says things in, rather than who says them.
_MEDIA = frozenset(["statement", "release", "filing", "transcript", "letter", "memo", "post",
                    "tweet", "interview", "briefing", "announcement", "email", "message"])


# Documents a publication carries: "a report in The Back Page", "an interview in Le Monde".
_PUBLISHED = frozenset(["report", "reports", "story", "article", "statement", "interview"])


def _publisher_of(document: Token) -> Token | None:
    """The publication that carried the document, when the phrase names it: "a report in The
    Back Page" is The Back Page's word, not an unnamed report's. (A report "by" or "from" a
    body is left as the report: PolNeAR's annotators name the document there.)"""
    if document.lemma_.lower() not in _PUBLISHED:
        return None
    for prep in document.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            for name in prep.children:
                if name.dep_ == "pobj" and (name.pos_ == "PROPN" or name.ent_type_ in (
                        "ORG", "PERSON", "GPE", "NORP", "WORK_OF_ART")):
                    return name
    return None


def according_to(tok: Token, offset: int) -> Attribution | None:
    """"..., according to X" / "per X": the governing clause is the content."""
    doc = tok.doc
    if tok.lower_ == "according":
        tos = [c for c in tok.children if c.lower_ == "to"]
        if not tos:
            return None
        objs = [c for c in tos[0].children if c.dep_ == "pobj"]
        cue_range = (tok.i, tos[0].i)
    else:  # per: "per the ministry" is a source, "per line" / "per cent" are not
        objs = [c for c in tok.children if c.dep_ == "pobj" and (
            c.ent_type_ in ("ORG", "PERSON", "GPE", "NORP") or c.pos_ == "PROPN"
            or c.lemma_.lower() in SOURCE_NOUNS or lex.is_evidence_subject(c.lemma_))]
        cue_range = (tok.i, tok.i)
    if not objs:
        return None
    # the whole sentence is what the source vouches for, wherever the phrase sits
    sent = tok.sent
    phrase = {t.i for t in tok.subtree}
    governor = tok.head if tok.head.i != tok.i and tok.head.pos_ in ("VERB", "AUX") else None
    if tok.i > sent.start + 1 and any(t.is_alpha for t in doc[sent.start : tok.left_edge.i]):
        if governor is not None and governor.i > tok.i:
            # "Fundraising, according to the campaign, has surged": the phrase interrupts
            # its clause, which runs on past it
            content = [t for t in sent if t.i not in phrase]
        else:
            # "A, according to X, and B" / "A, according to X.": the clause before it
            content = [t for t in sent if t.i < tok.left_edge.i]
    else:  # "According to X, A"
        content = [t for t in sent if t.i not in phrase and t.i > tok.i]
    if not content:
        return None
    if objs[0].lemma_.lower() in _MEDIA and any(
            lex.verb_cue(a.lemma_) is not None and a.pos_ in ("VERB", "AUX")
            and any(c.dep_ == "nsubj" for c in a.children) for a in tok.ancestors):
        # "Norvex said X, according to a company statement" (the phrase may hang anywhere
        # in X): the statement is how Norvex said it; the cue's attribution names the speaker
        return None
    document = objs[0]
    speaker = speaker_from(_publisher_of(document) or document)
    stance = "reported" if document.lemma_ in ("report", "reports") else "stated"
    # "according to an estimate by the commission", "according to a claim by the party"
    entry = lex.noun_cue(document.lemma_.lower())
    if entry is not None and entry.stance in ("estimated", "alleged"):
        stance = entry.stance
    # "according to the agency ORNA, which cited the ministry": the ministry speaks, via ORNA;
    # "according to the ombudsman, quoted by the radio": the ombudsman, via the radio
    via = relay_chain(document)
    if via:
        speaker = speaker_from(via[-1][1])
    # a cue inside the content ("X said Y, according to Z") keeps the nested speaker as via
    att = make(doc, offset, content, cue_range, "according to", stance, speaker, "indirect",
               via or None)
    if att is not None:
        # a phrase that names its own source ("ORNA, which cited the ministry") tells who
        # spoke: the sentence's verb is then only what the chain vouches for
        governor = tok.head if via else _vouched_verb(tok)
        att.governor = (governor.idx + offset, governor.idx + len(governor.text) + offset)
    return att


def _vouched_verb(tok: Token) -> Token:
    """The word an "according to" phrase (``tok``) vouches for: the one it hangs on, or,
    when the phrase closes its sentence, the verb of the clause that reports the clause it
    hangs on. In "Anders said the rescuers had reached the chamber, according to KTA" the
    parse hangs the phrase on "reached", the nearest verb, but KTA reports what Anders said
    (a phrase inside the sentence, "the rescuers, according to KTA, had reached", stays
    with its clause)."""
    head = tok.head
    rest = tok.doc[tok.right_edge.i + 1 : tok.sent.end]
    if any(not t.is_punct for t in rest):
        return head
    while head.dep_ == "ccomp" and head.head.pos_ in ("VERB", "AUX") and head.head.i < head.i:
        head = head.head
    return head


# What a finding is reported "in" when the finding, not a speaker, carries the claim: "Cruz
# had a 10-point lead in a Des Moines Register poll", "In the survey, Kasich was at 25%".
_FINDING_NOUNS = frozenset(["poll", "survey"])


def _finding_phrase(obj: Token) -> bool:
    """One poll or survey, or an average of them ("the RealClearPolitics average of polls").

    "In the polls" at large is a standing ("he rose in the polls"), not a report: on PolNeAR
    train 23 of 80 such phrases were annotated as sources, against 24 of 44 singular ones."""
    if obj.lemma_.lower() in _FINDING_NOUNS:
        return obj.tag_ != "NNS"
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(
        g.dep_ == "pobj" and g.lemma_.lower() in _FINDING_NOUNS for g in c.children)
        for c in obj.children)


def finding_in(tok: Token, offset: int) -> Attribution | None:
    """"X leads in the poll" / "In a new survey, X": the poll vouches for the clause it is
    a phrase of, as "according to the poll" would. A clause whose verb is a cue of its own
    ("said in a poll released Sunday") is left to that cue."""
    objs = [c for c in tok.children if c.dep_ == "pobj"]
    if not objs or not _finding_phrase(objs[0]):
        return None
    # the parser often hangs the phrase on a noun ("a lead in the poll"): its clause is the
    # nearest verb above it
    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or lex.verb_cue(verb.lemma_) is not None:
        return None
    phrase = {t.i for t in tok.subtree}
    clause = [t for t in verb.subtree if t.i not in phrase]
    fronted = not any(t.is_alpha for t in clause if t.i < tok.i)
    content = [t for t in clause if t.i > tok.i] if fronted else clause
    if tok.i > verb.i:  # a trailing phrase: the clause before it
        content = [t for t in clause if t.i < tok.i]
    if not any(t.is_alpha for t in content):
        return None
    return make(tok.doc, offset, content, (tok.i, tok.i), "in", "stated",
                speaker_from(objs[0]), "evidence")


def hearsay(tok: Token, offset: int) -> Attribution | None:
    """"North Korea has reportedly sent troops": unattributed hearsay about the clause.
    "The commission has reportedly denied any wrongdoing" tells who denied it: the cue's own
    attribution names the speaker, and the adverb is left to it. Only for a statement the
    cue tells (a reported clause) or a stance it takes (a denial, a confirmation): "Dravenia
    has reportedly asked its partners for more air defences" reports a request, which stays
    hearsay about the act."""
    verb = tok.head
    entry = lex.verb_cue(verb.lemma_) if verb.pos_ in ("VERB", "AUX") else None
    if entry is not None and any(
            c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in verb.children) and (
            entry.stance != "stated" or any(c.dep_ == "ccomp" for c in verb.children)):
        return None
    content = subtree(verb)
    stance = lex.HEARSAY_ADVERBS[tok.lower_]
    return make(tok.doc, offset, content, (tok.i, tok.i), tok.lower_, stance, None, "hearsay")


_NOUN_CONTENT_PREPS = frozenset(("of", "for", "on", "about", "against"))


def noun_attribution(noun: Token, entry: lex.CueEntry, offset: int) -> Attribution | None:
    """"his claim that X", "the ministry's statement that X"."""
    clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp", "appos") and c.i > noun.i
               and any(g.lower_ == "that" and g.dep_ == "mark" for g in c.children)]
    if not clauses:
        # "Trump's criticism of the deal", "her support for the bill": possessor and object
        preps = [c for c in noun.children if c.dep_ == "prep" and c.i > noun.i
                 and c.lower_ in _NOUN_CONTENT_PREPS]
        objs = [g for p in preps[:1] for g in p.children if g.dep_ in ("pobj", "pcomp")]
        poss = [c for c in noun.children if c.dep_ == "poss"]
        if not objs or not poss:
            return None
        return make(noun.doc, offset, list(objs[0].subtree), (noun.i, preps[0].i),
                     entry.lemma, entry.stance, speaker_from(poss[0]), "indirect")
    speaker = None
    for child in noun.children:
        if child.dep_ == "poss":
            speaker = speaker_from(child)
        elif child.dep_ == "prep" and child.lower_ in ("by", "from") and child.i < clauses[0].i:
            objs = [g for g in child.children if g.dep_ == "pobj"]
            if objs:
                speaker = speaker_from(objs[0])
    if speaker is None:
        return None
    content = list(clauses[0].subtree)
    return make(noun.doc, offset, content, (noun.i, noun.i), entry.lemma, entry.stance,
                 speaker, "indirect")


def learned_noun_attribution(noun: Token, entry: lex.CueEntry,
                             offset: int) -> Attribution | None:
    """"Trump's embrace of X", "her pledge to X": a fitted noun frame with its possessor."""
    poss = [c for c in noun.children if c.dep_ == "poss"]
    content, prep = learned_content(noun, "noun")
    if not poss or not content:
        return None
    end = prep.i if prep is not None else noun.i
    return make(noun.doc, offset, content, (noun.i, end), entry.lemma, entry.stance,
                speaker_from(poss[0]), "indirect")


def support_holder(noun: Token) -> Speaker | None:
    """The subject of the verb a possessor-less noun is the direct object of: "Trump made
    no mention of X", "the senator voiced concerns about Y" (the verb supports the noun,
    its subject holds the statement). ``None`` for other nouns."""
    if noun.pos_ != "NOUN" or noun.dep_ != "dobj" or noun.head.pos_ != "VERB" or any(
            c.dep_ == "poss" for c in noun.children):
        return None
    return subject_of(noun.head)[0]


def _speaker_of(head: Token, kind: str) -> tuple[bool, Speaker | None]:
    """Whether ``head`` is of ``kind`` and the speaker that kind gives: none for a verb
    without a subject or agent, or a noun without a possessor or a holding subject; the
    subject of the supporting verb for a held noun."""
    if kind == "bare_verb":
        return head.pos_ == "VERB" and subject_of(head)[0] is None, None
    if head.pos_ != "NOUN" or any(c.dep_ == "poss" for c in head.children):
        return False, None
    holder = support_holder(head)
    return (holder is not None) == (kind == "held_noun"), holder


def bare_attribution(head: Token, kind: str, offset: int) -> Attribution | None:
    """A fitted frame of a head without a speaker of its own (``kind``):

    - "bare_verb" / "bare_noun": a verb without a subject or agent, a noun without a
      possessor or a holding subject ("is known for X", "complaints that X"). No one in the
      sentence holds the statement, so the claim has no speaker (never the noun it hangs
      on) and a hedged stance: it is what is said or asked at large;
    - "held_noun": the object of a verb whose subject holds it ("X made no mention of Y"):
      that subject is the speaker.
    """
    entry = learned_entry(head.lemma_, kind)
    if entry is None:
        return None
    fits, speaker = _speaker_of(head, kind)
    if not fits:
        return None
    content, prep = learned_content(head, kind)
    if not content:
        return None
    start, end = cue_tokens(head) if kind == "bare_verb" else (head.i, head.i)
    if prep is not None and end < prep.i <= end + 2:
        end = prep.i  # "questions about", "known for": the preposition joins the cue
    stance = entry.stance
    if (noun := lex.noun_cue(head.lemma_)) is not None and kind == "held_noun":
        stance = noun.stance
    return make(head.doc, offset, content, (start, end), entry.lemma, stance, speaker,
                "indirect")


def adjective_attribution(adj: Token, entry: lex.CueEntry, offset: int) -> Attribution | None:
    """"X is critical of Y", "X was eager to run": an attitude after a copula."""
    subject, _ = subject_of(adj.head)
    content, prep = learned_content(adj, "adj")
    if subject is None or not content:
        return None
    start = cue_tokens(adj.head)[0]
    end = prep.i if prep is not None and prep.i <= adj.i + 2 else adj.i
    return make(adj.doc, offset, content, (start, end), entry.lemma, entry.stance, subject,
                "indirect")


_NOT_SPEAKERS = frozenset(
    words("update updated note editor editors related watch photo photos video correction read see "
    "also warning breaking exclusive analysis opinion live more source sources caption "
    "credit wait example question answer bottom line")
)


_COLON_NAME_TOKENS = 12


def _name_words(name: Span, closed: bool = False) -> list[Token] | None:
    """The words of a name before a colon, without a closing party tag "(R-S.C.)" (``closed``:
    the tokenizer kept its ")" with the colon); ``None`` when the phrase is no name: words in
    capitals, titles and initials ("Dr.", "P."), hyphenated names ("Seitz-Wald"), a
    possessive."""
    toks = list(name)
    if toks and (closed or toks[-1].text == ")"):
        opening = [t for t in toks if t.text == "("]
        if not opening or opening[-1].i == name.start:
            return None
        toks = [t for t in toks if t.i < opening[-1].i]
    words = []
    for t in toks:
        if t.text in ("'s", "’s", "."):
            continue
        glued = t.text == "-" and not t.whitespace_ and t.i > name.start and \
            not t.doc[t.i - 1].whitespace_
        if glued:
            continue
        abbreviation = t.text.endswith(".") and t.text[:-1].replace(".", "").isalpha()
        if not (t.is_alpha or abbreviation) or not t.text[0].isupper():
            return None
        words.append(t)
    return words or None


# Nouns that name a kind of document: "Dunmark High Court: judgment in the case of ...",
# "Ministry of Health: statement on the outbreak" titles a page, it quotes no one.
_DOCUMENT_KINDS = frozenset(
    words("judgment judgement ruling verdict decision statement release announcement notice "
          "report update summary transcript minutes guidance bulletin communique "
          "communiqué briefing factsheet advisory")
)


def _a_label(rest: Span) -> bool:
    """After the name, a noun phrase that opens with the kind of document it is, and holds no
    verb, names the page; "Ann Cole: no cuts to pensions this year" still speaks."""
    first = next((t for t in rest if t.is_alpha), None)
    if first is None or first.lower_ not in _DOCUMENT_KINDS:
        return False
    # the kind itself may be parsed as a verb ("ruling", "briefing")
    return not any(t.pos_ in ("VERB", "AUX") for t in rest if t.i != first.i)


def speaker_colon(doc: Doc, offset: int) -> Attribution | None:
    """"Paul Ryan: FBI Decision 'Defies Explanation'", "Sen. Ann Cole (D-Ga.): We ..."
    (headlines, transcripts): name, colon, words."""
    limit = min(len(doc), _COLON_NAME_TOKENS)
    for i in range(1, limit):
        if doc[i].text not in (":", "):"):
            continue
        name = doc[:i]
        words = _name_words(name, closed=doc[i].text == "):")
        if words is None or any(t.lower_ in _NOT_SPEAKERS for t in words):
            return None
        rest = doc[i + 1 :]
        if len([t for t in rest if t.is_alpha]) < 3 or _a_label(rest):
            return None
        name = doc[: words[-1].i + 1]  # without a party tag: "Sen. Ann Cole (D-Ga.)"
        speaker = Speaker(list(name), name.text, name.root.ent_type_ or None,
                           False, name.root)
        att = make(doc, offset, list(rest), (i, i), ":", "stated", speaker, "direct")
        if att is not None and att.cue is not None:
            att.cue = (att.cue[1] - 1, att.cue[1])  # the colon, not the ")" glued to it
        return att
    return None
