"""Attribution on the dependency parse: who (speaker) says (cue) what (content), and how (stance).

One pass over the tokens of a parsed paragraph finds cue words from the lexicon
(:mod:`corroborator.nlp.cues`) and reads speaker and content off their dependents:

- subject–verb–complement: "Officials said [that the bridge collapsed]" (ccomp, xcomp,
  a noun-phrase object for verbs that take one: "denied [the allegations]");
- inverted and parenthetical: "[The economy is strong], said Smith" / "..., he said";
- passive: "it was confirmed by [the ministry] that ..."; without an agent ("it is
  believed that ...") the claim has no speaker and a hedged stance;
- "according to X" / "per X" anywhere in the sentence: the rest of the clause is the content;
- participial cues: "He criticised the plan, saying [it was too expensive]" (speaker from
  the governing clause);
- chains: "Yonhap, citing the NIS, reported ..." gives ``via = [Yonhap, NIS]``;
- hearsay adverbs: "North Korea has reportedly sent troops" (no speaker, stance reported);
- "X said in a statement / in an interview" (the medium joins the cue) and
  "Reuters quoted a spokesman as saying ..." (the quoted person is the speaker).

Cues outside the lexicon ("ripped", "mused") come from a trained tagger
(:mod:`corroborator.nlp.tagger`) run on the tokens the rules left alone; a learned check
(:mod:`corroborator.nlp.keep`) drops relations that are likely no attribution at all.

The result is a list of :class:`Attribution` with absolute character offsets; quotations,
pronoun resolution and name normalisation are added at article level by the callers.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import cues as lex
from .boundary import refit, release
from .constructions import (
    according_to,
    adjective_attribution,
    bare_attribution,
    finding_in,
    hearsay,
    learned_noun_attribution,
    noun_attribution,
    speaker_colon,
)
from .keep import screen
from .learned import learned_entry
from .relations import Attribution
from .subjects import describing_relative
from .tagger import tagged_attributions
from .tokenspans import TEXT_KEY
from .verbcues import (
    deal_reached,
    figure_cue,
    particle_of_no_speech,
    revision_attribution,
    trailing_participle,
    verb_attribution,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


__all__ = ["Attribution", "drop_nested", "find_attributions"]


def find_attributions(doc: Doc, offset: int = 0) -> list[Attribution]:
    """All attributions in the parsed paragraph ``doc`` (offsets shifted by ``offset``).

    Attributions nested inside the content of another are dropped (the outer statement
    already carries them), so each token plays one role, as in the PolNeAR annotation.
    """
    found: list[Attribution] = []
    headline = speaker_colon(doc, offset)
    if headline is not None:
        found.append(headline)
    for tok in doc:
        lower = tok.lower_
        att = None
        if lower in ("according", "per") and tok.dep_ == "prep":
            att = according_to(tok, offset)
        elif lower == "in" and tok.dep_ == "prep":
            att = finding_in(tok, offset)
        elif lower in lex.HEARSAY_ADVERBS and tok.dep_ == "advmod":
            att = hearsay(tok, offset)
        elif tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "compound"):
            att = revision_attribution(tok, offset)
            entry = None if att is not None or particle_of_no_speech(tok) else (
                lex.verb_cue(tok.lemma_) or learned_entry(tok.lemma_))
            if att is None and entry is None:  # "put the death toll at 300"
                entry = figure_cue(tok)
            if entry is not None:
                att = verb_attribution(tok, entry, offset)
            elif att is None:  # "..., police said, bringing the toll to 40"
                att = trailing_participle(tok, offset)
            if att is None:  # "Asked about X, ...": no one in the sentence speaks
                att = bare_attribution(tok, "bare_verb", offset)
        elif tok.pos_ == "NOUN":
            entry = lex.noun_cue(tok.lemma_)
            if entry is not None:
                att = noun_attribution(tok, entry, offset)
            if att is None and (entry := learned_entry(tok.lemma_, "noun")) is not None:
                att = learned_noun_attribution(tok, entry, offset)
            for kind in ("held_noun", "bare_noun"):  # "X voiced concerns about Y"
                if att is None:
                    att = bare_attribution(tok, kind, offset)
        elif tok.pos_ == "ADJ" and tok.dep_ == "acomp":
            entry = learned_entry(tok.lemma_, "adj")
            if entry is not None:
                att = adjective_attribution(tok, entry, offset)
        if att is not None:
            found.append(att)
    found.extend(tagged_attributions(doc, offset, taken_tokens(doc, offset, found)))
    # "Rovers have agreed a fee": a deal reached is no statement, whichever part found it
    deals = {tok.idx + offset for tok in doc if deal_reached(tok)}
    found = [att for att in found if att.cue is None or att.cue[0] not in deals]
    found = [att for att in found if not _cues_a_comparison(doc, att, offset)
             and not _cues_a_description(doc, att, offset)
             and not _content_is_a_record(doc, att, offset)]
    _end_before_inner_statements(doc, found, offset)
    nested = [a for a in found if a.cue is not None and _inside(a.cue, found, a)]
    unnested = drop_nested(found)
    dropped = [a for a in nested if all(a is not b for b in unnested)]
    found = screen(doc, refit(doc, unnested, offset), offset)
    found += _freed(doc, dropped, found, offset)
    for att in found:
        _leave_time_with_cue(doc, att, offset)
        _take_in_the_addressee(doc, att, offset)
    _end_before_introduced_quotes(doc.text, found, offset)
    _start_at_set_off_quotation(doc.text, found, offset)
    doc.user_data.pop(TEXT_KEY, None)
    release(doc)
    return found


def _cues_a_comparison(doc: Doc, att: Attribution, offset: int) -> bool:
    """Whether the cue is the verb of a "than"-clause: "far more than the commission has
    acknowledged", "higher than officials said" measure a figure against someone's word;
    what they said is not told, and the compared word ("far more") is no statement."""
    if att.cue is None:
        return False
    return any(att.cue[0] <= tok.idx + offset < att.cue[1] and any(
        c.dep_ == "mark" and c.lower_ == "than" for c in tok.children) for tok in doc)


def _cues_a_description(doc: Doc, att: Attribution, offset: int) -> bool:
    """Whether the cue is a relative clause that describes its noun ("volunteers who want to
    help can register", "owners who are unsure ... can check"), which says who its noun is,
    not what anyone holds; the tagger's cues too."""
    if att.cue is None:
        return False
    return any(att.cue[0] <= tok.idx + offset < att.cue[1] and describing_relative(tok)
               for tok in doc)


def _content_is_a_record(doc: Doc, att: Attribution, offset: int) -> bool:
    """Whether the content is only a record the speaker's words rest on: one cited ("citing
    satellite images taken on Monday morning") or one a statement is made on ("based its
    estimate on underwater video of the wellhead", where the parse hangs "on" on the noun).
    It names evidence, and says nothing that could be corroborated or contradicted. A
    record that carries a clause of its own ("footage showing that the guards fled",
    "called for footage to be released") still tells something, and one asked for or
    published is the act PolNeAR annotates ("asked for a photo", "published the cellphone
    video"): only a cited record or one a statement rests on is dropped."""
    head = _head_in(doc, att.content, offset)
    if head is None or head.pos_ not in ("NOUN", "PROPN") or (
            head.lemma_.lower() not in lex.RECORD_NOUNS and head.lower_ not in lex.RECORD_NOUNS):
        return False
    inside = [t for t in doc if att.content[0] <= t.idx + offset < att.content[1]]
    # a participle only says which record it is ("taken on Monday morning")
    if any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN" for t in inside):
        return False
    cue = _head_in(doc, att.cue, offset) if att.cue is not None else None
    if cue is None:
        return False
    # "asked for a photo" asks for the record itself: only a noun's "on" gives its basis
    rests_on = cue.pos_ == "NOUN" and head.dep_ == "pobj" and head.head.lower_ in ("on", "upon")
    return rests_on or cue.lemma_.lower() == "cite"


def _leave_time_with_cue(doc: Doc, att: Attribution, offset: int) -> None:
    """"The authority said on Thursday it had opened a review": the day right after the cue,
    before the reported clause's subject, says when it was said (the parse may hang it on
    the clause's verb); the content starts at the subject."""
    if att.cue is None or att.fixed or att.content[0] < att.cue[1]:
        return
    span = doc.char_span(att.content[0] - offset, att.content[1] - offset,
                         alignment_mode="expand")
    if span is None or len(span) < 4 or span[0].dep_ != "prep" or span[0].i == 0:
        return
    if doc[span[0].i - 1].idx + len(doc[span[0].i - 1]) + offset != att.cue[1]:
        return  # something stands between the cue and the phrase
    when = [t for t in span[1:3] if t.head == span[0] and t.dep_ == "pobj"]
    if not when or when[0].ent_type_ != "DATE" or when[0].i + 1 >= span.end:
        return
    subject = span.doc[when[0].i + 1]
    while subject.dep_ in ("det", "poss", "compound", "amod") and subject.head.i > subject.i:
        subject = subject.head  # "its third-quarter net profit": the phrase's head
    if subject.dep_ not in ("nsubj", "nsubjpass") or subject.head != span[0].head:
        return
    att.content = (doc[when[0].i + 1].idx + offset, att.content[1])


def _take_in_the_addressee(doc: Doc, att: Attribution, offset: int) -> None:
    """"The council urged residents to boil their water": the object of a cue whose content
    is an infinitive after it is whom the request or the question is put to, and part of
    what was asked (on PolNeAR train the annotation takes it in 100 of 144 such contents)."""
    if att.cue is None or att.fixed or att.content[0] < att.cue[1]:
        return
    span = doc.char_span(att.content[0] - offset, att.content[1] - offset,
                         alignment_mode="expand")
    if span is None or span[0].dep_ != "aux" or span[0].tag_ != "TO":
        return
    verb = span[0].head
    if verb.dep_ != "xcomp" or verb.head.idx + offset >= att.content[0]:
        return
    cue = verb.head
    if not att.cue[0] <= cue.idx + offset < att.cue[1]:
        return
    objects = [c for c in cue.children if c.dep_ in ("dobj", "dative")
               and c.right_edge.i == span.start - 1]
    if objects:
        att.content = (objects[0].left_edge.idx + offset, att.content[1])


def _end_before_introduced_quotes(text: str, atts: list[Attribution], offset: int) -> None:
    """A content that runs over a colon into the quotation another cue after it reports ends
    at the colon: in "Kim told how the roof fell: “The beams cracked,” she said" Kim told how
    the roof fell, and the quotation is what she said (the two had shared it)."""
    for att in atts:
        c0, c1 = att.content
        for other in atts:
            if other is att or other.cue is None or other.cue[0] < c1:
                continue
            start = other.content[0]
            if not c0 < start < c1:
                continue
            lead = text[c0 - offset : start - offset].rstrip(" \"“‘'")
            if lead.endswith(":"):
                att.content = (c0, c0 + len(lead) - 1)
                break


# A quotation set off by a dash or a colon after a clause: "... plan - “We have ...".
_SET_OFF_QUOTATION = re.compile(r"(?:\s[-—–]{1,2}|[—–]|:)\s*([\"“‘]|'')")
_CLOSING_QUOTES = ('"', "”", "’", "''")


def _start_at_set_off_quotation(text: str, atts: list[Attribution], offset: int) -> None:
    """A content before its cue that runs over a dash or a colon into the quotation the cue
    reports is that quotation: in "The mayor waved the plan away - “We have heard it all
    before,” she said" the mayor waving the plan away is the writer's account, and the
    quoted words are what she said (the parse reads the whole sentence as her clause)."""
    for att in atts:
        if att.cue is None or att.fixed or att.cue[0] < att.content[1]:
            continue
        c0, c1 = att.content[0] - offset, att.content[1] - offset
        marks = list(_SET_OFF_QUOTATION.finditer(text, c0, c1))
        if not marks:
            continue
        start = marks[-1].start(1)
        lead, quoted = text[c0:start], text[start : att.cue[0] - offset]
        if not any(ch.isalnum() for ch in lead) or _quotation_open(lead):
            continue
        if any(q in quoted[len(marks[-1].group(1)):] for q in _CLOSING_QUOTES):
            att.content = (start + offset, att.content[1])


# What a content trimmed before another statement may end with: the punctuation or the
# coordinator that joined the two ("A, and B said C", "A, but B warned C").
_TRAILING_JOINERS = frozenset({"and", "but", "or", "while", "as", "even"})


def _head_in(doc: Doc, span: tuple[int, int], offset: int) -> Token | None:
    """The token of the characters ``span`` (absolute) whose head lies outside them."""
    toks = [t for t in doc if span[0] <= t.idx + offset < span[1]]
    ids = {t.i for t in toks}
    return next((t for t in toks if t.head.i not in ids or t.head == t), None)


def _own_statement(cue: Token, root: Token) -> bool:
    """Whether the cue ``cue`` heads a statement of its own joined to the clause ``root``
    heads, after it: a clause with its own subject joined to it ("A, and one in four said
    C"; not "A and that B", a second complement of the same cue), or a clause set beside
    it. Participles and adverbial clauses stay in the content: on PolNeAR train, of the
    statements the rules find there, the annotators gave few a relation of their own
    ("because B asked", "when asked": part of what was said)."""
    if cue.head != root or cue.i < root.i:
        return False
    if cue.dep_ == "parataxis":
        return True
    if cue.dep_ == "conj":
        return any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children) and not any(
            c.dep_ == "mark" for c in cue.children)
    return False


def _inner_start(doc: Doc, inner: Attribution, outer: Attribution, offset: int) -> int | None:
    """Where ``inner`` begins, when it is a statement of its own joined to the clause that
    is the content of ``outer`` (its cue heads a clause attached to that clause's head,
    after it); ``None`` otherwise (its cue outside that content, or inside the reported
    clause itself: "X said Y told her Z", "the reports alleging that she claimed Z")."""
    if inner.cue is None or inner is outer:
        return None
    c0, c1 = outer.content
    if not (c0 <= inner.cue[0] and inner.cue[1] <= c1):
        return None
    root, cue = _head_in(doc, outer.content, offset), _head_in(doc, inner.cue, offset)
    if root is None or cue is None or not _own_statement(cue, root):
        return None
    parts = [inner.cue, inner.content] + ([inner.speaker] if inner.speaker else [])
    start = min(p[0] for p in parts if c0 <= p[0] < c1)
    if start <= root.idx + offset or _quotation_open(doc.text[: start - offset]):
        # it opens the content, or lies inside a quotation: all of that is the quoted
        # speaker's words
        return None
    return start


def _quotation_open(text: str) -> bool:
    """Whether a quotation opened in ``text`` (a paragraph's start) is still open at its end."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1 or \
        text.count("''") % 2 == 1


def _trimmed_end(text: str, start: int, end: int, offset: int) -> int | None:
    """``end`` moved back over the spaces, punctuation and coordinators that join the text
    before it to what follows; ``None`` when no word is left."""
    piece = text[start - offset : end - offset]
    while True:
        stripped = piece.rstrip(" \t,;:—–-")
        words = stripped.rsplit(None, 1)
        if words and words[-1].lower() in _TRAILING_JOINERS:
            stripped = words[0] if len(words) == 2 else ""
        if stripped == piece:
            break
        piece = stripped
    if not any(ch.isalnum() for ch in piece):
        return None
    return start + len(piece)


def _end_before_inner_statements(doc: Doc, atts: list[Attribution], offset: int) -> None:
    """A content that runs on into another attribution joined to its clause ends where that
    one begins: in "Most said the economy was weak, and one in four said it was failing" the
    first speakers said the economy was weak, and the second statement is its own speakers'
    (PolNeAR gives each token one role: an annotated content stops before the next
    statement). A statement inside the reported clause stays nested, as before; an
    "according to" keeps the clause it vouches for whole."""
    for outer in atts:
        if outer.cue is None or outer.fixed or outer.cue_lemma == "according to" or \
                outer.kind == "direct":
            continue
        starts = [s for inner in atts
                  if (s := _inner_start(doc, inner, outer, offset)) is not None]
        if not starts:
            continue
        end = _trimmed_end(doc.text, outer.content[0], min(starts), offset)
        if end is not None:
            outer.content = (outer.content[0], end)


def taken_tokens(doc: Doc, offset: int, atts: list[Attribution]) -> set[int]:
    """Ids of the tokens inside the cue or content of ``atts`` (they already play a role)."""
    ranges = [r for a in atts for r in (a.cue, a.content) if r is not None]
    if not ranges:
        return set()
    return {t.i for t in doc for s, e in ranges if s <= t.idx + offset < e}


def _evidence(att: Attribution) -> bool:
    """An evidence verb ("show", "find"): "according to the ombudsman, many of the men showed
    signs of beatings" is the ombudsman's word; the men showing signs are no source."""
    entry = lex.verb_cue(att.cue_lemma) if att.cue_lemma else None
    return entry is not None and entry.kind == "evidence"


def _unnamed_before_named(inner: Attribution, according: Attribution) -> bool:
    """"Hospitals in the region reported a jump, according to the Velmora Hospitals
    Association": a bare plural names no one who could be asked ("Hospitals"), so the
    named body the sentence cites is the source, and the clause with its subject is what
    that body says."""
    name = inner.speaker_text or ""
    return (according.speaker_label is not None and inner.speaker_label is None
            and not inner.pronoun and not inner.via and len(name.split()) == 1
            and name.isalpha() and name.lower().endswith("s"))


def _vouches_inside(inner: Attribution, outer: Attribution) -> bool:
    """"X said that, according to its count, the party had won": an "according to" inside
    another statement's content names where the reported words come from within what X
    said, and PolNeAR annotates it as a relation of its own (on train, 58 of the 63 such
    phrases the rules had dropped), so both stay."""
    return inner.cue_lemma == "according to" and outer.cue_lemma != "according to"


def _inside(cue: tuple[int, int], atts: list[Attribution],
            itself: Attribution | None = None) -> bool:
    """Whether the characters ``cue`` lie inside the content of one of ``atts`` other than
    ``itself``."""
    return any(a is not itself and a.content[0] <= cue[0] and cue[1] <= a.content[1]
               for a in atts)


def _freed(doc: Doc, dropped: list[Attribution], kept: list[Attribution],
           offset: int) -> list[Attribution]:
    """The statements ``dropped`` as nested in another's content that no kept content holds
    any more: the boundary model cut the outer content before them ("A said B, and C
    warned D", read at first as one content) or the keep check dropped the outer relation,
    so nothing carries them; they are read as relations of their own, refitted and checked
    like the rest."""
    free = [a for a in dropped if a.cue is not None and not _inside(a.cue, kept)]
    if not free:
        return []
    return screen(doc, refit(doc, drop_nested(free), offset), offset)


def drop_nested(atts: list[Attribution]) -> list[Attribution]:
    """Keep attributions whose cue is not inside another attribution's content.

    Exception: "X estimated Y, according to Z" keeps the inner statement of X, with the
    chain ``via = [Z, X]``, and drops the outer "according to" (Z vouches for X's words).
    """
    dropped: set[int] = set()
    for i, att in enumerate(atts):
        for j, other in enumerate(atts):
            if i == j or att.cue is None or j in dropped:
                continue
            c0, c1 = other.content
            if not (c0 <= att.cue[0] and att.cue[1] <= c1):
                continue
            if (c1 - c0) <= (att.content[1] - att.content[0]):
                continue
            # the inner statement must be what Z vouches for, not a cue deep inside it
            # ("mailings to voters that oppose B, according to filings")
            if other.cue_lemma == "according to" and att.speaker is not None and (
                    other.governor is None
                    or att.cue[0] <= other.governor[0] < att.cue[1]) and not _evidence(att) \
                    and not _unnamed_before_named(att, other):
                dropped.add(j)
                if other.speaker_text and not att.via:
                    # Z's own chain ("according to ORNA, which cited the ministry") leads in
                    att.via = list(other.via) or [
                        (other.speaker_text, other.speaker or other.content)]
                    if att.speaker_text:
                        att.via.append((att.speaker_text, att.speaker))
                continue
            if _vouches_inside(att, other):
                continue
            dropped.add(i)
            break
    return [a for k, a in enumerate(atts) if k not in dropped]
