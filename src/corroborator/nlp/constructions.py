"""Attributions without a cue verb: "according to X", "reportedly", "his claim that",
and headline speakers ("Name: words")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import cues as lex
from .cues import words
from .learned import learned_content
from .relations import Attribution, cue_tokens, make
from .subjects import SOURCE_NOUNS, Speaker, speaker_from, subject_of
from .tokenspans import subtree

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


# What a speaker says things in, rather than who says them.
_MEDIA = frozenset(["statement", "release", "filing", "transcript", "letter", "memo", "post",
                    "tweet", "interview", "briefing", "announcement", "email", "message"])


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
    if tok.i > sent.start + 1 and any(t.is_alpha for t in doc[sent.start : tok.left_edge.i]):
        # "A, according to X, and B" / "A, according to X.": the clause before the phrase
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
    speaker = speaker_from(objs[0])
    stance = "reported" if speaker.head.lemma_ in ("report", "reports") else "stated"
    # a cue inside the content ("X said Y, according to Z") keeps the nested speaker as via
    att = make(doc, offset, content, cue_range, "according to", stance, speaker, "indirect")
    if att is not None:
        att.governor = (tok.head.idx + offset, tok.head.idx + len(tok.head.text) + offset)
    return att


def hearsay(tok: Token, offset: int) -> Attribution | None:
    """"North Korea has reportedly sent troops": unattributed hearsay about the clause."""
    verb = tok.head
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


def speaker_colon(doc: Doc, offset: int) -> Attribution | None:
    """"Paul Ryan: FBI Decision 'Defies Explanation'" (headlines, transcripts): name, colon, words."""
    limit = min(len(doc), 6)
    for i in range(1, limit):
        if doc[i].text != ":":
            continue
        name = doc[:i]
        words = [t for t in name if not t.is_punct]
        if not words or any(not (t.is_alpha or t.text in ("'s", "’s", ".")) for t in name):
            return None
        if not all(t.text[0].isupper() or t.text in ("'s", "’s") for t in words):
            return None
        if any(t.lower_ in _NOT_SPEAKERS for t in words):
            return None
        rest = doc[i + 1 :]
        if len([t for t in rest if t.is_alpha]) < 3:
            return None
        speaker = Speaker(list(name), name.text, name.root.ent_type_ or None,
                           False, name.root)
        return make(doc, offset, list(rest), (i, i), ":", "stated", speaker, "direct")
    return None
