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

The result is a list of :class:`Attribution` with absolute character offsets; quotations,
pronoun resolution and name normalisation are added at article level by the callers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import cues as lex
from .cues import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
CLAUSE_DEPS = ("ccomp",)
RELATIVE_PRONOUNS = frozenset(["who", "which", "that", "whom"])
PRONOUNS = frozenset(["i", "you", "he", "she", "it", "we", "they", "me", "him", "her", "us", "them", "one"])
_TRIM_CHARS = " \t,;:–—-"
_QUOTE_CHARS = "\"“”‘’'«»"


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


# ---------------------------------------------------------------------------- spans


def _char_span(tokens: list[Token], offset: int, text: str) -> tuple[int, int] | None:
    """Characters covered by ``tokens`` (contiguous), trimmed of edge punctuation."""
    if not tokens:
        return None
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return _trim(text, start, end, offset)


def _trim(text: str, start: int, end: int, offset: int) -> tuple[int, int] | None:
    """Trim separators at both edges; keep a final period only inside quotation marks."""
    while start < end and text[start] in _TRIM_CHARS:
        start += 1
    while end > start and text[end - 1] in _TRIM_CHARS + ".":
        end -= 1
    if end <= start:
        return None
    # a quotation mark left dangling at an edge (its partner outside the span) is noise
    inner = text[start:end]
    if inner[0] in _QUOTE_CHARS and not any(c in inner[1:] for c in _QUOTE_CHARS):
        start += 1
    elif inner[-1] in _QUOTE_CHARS and not any(c in inner[:-1] for c in _QUOTE_CHARS):
        end -= 1
        while end > start and text[end - 1] in _TRIM_CHARS + ".":
            end -= 1
    if end <= start:
        return None
    start, end = _balance_quotes(text, start, end)
    return (start + offset, end + offset)


_OPENERS = "“\""
_CLOSERS = "”\""


def _balance_quotes(text: str, start: int, end: int) -> tuple[int, int]:
    """Take in the closing (or opening) mark of a quotation the span leaves half open."""
    inner = text[start:end]
    opens, closes = inner.count("“"), inner.count("”")
    straight = inner.count('"')
    if opens > closes or straight % 2 == 1 and text[start] == '"':
        j = end
        while j < len(text) and j - end < 3 and text[j] in ".,!?;":
            j += 1
        if j < len(text) and text[j] in _CLOSERS:
            return start, j + 1
    if inner.count("''") % 2 == 1 and not inner.endswith("''"):
        # newspaper style ''quote'': the closing pair sits after the final punctuation
        j = end
        while j < len(text) and j - end < 3 and text[j] in ".,!?;":
            j += 1
        if text.startswith("''", j):
            return start, j + 2
    if closes > opens or straight % 2 == 1 and text[end - 1] == '"':
        i = start
        while i > 0 and start - i < 2 and text[i - 1] == " ":
            i -= 1
        if i > 0 and text[i - 1] in _OPENERS:
            return i - 1, end
    return start, end


def _subtree(token: Token, exclude: tuple[Token, ...] = ()) -> list[Token]:
    skip: set[int] = set()
    for ex in exclude:
        skip.update(t.i for t in ex.subtree)
    return [t for t in token.subtree if t.i not in skip]


def _contiguous(tokens: list[Token]) -> list[Token]:
    """The tokens from the first to the last of ``tokens`` (subtrees may have gaps)."""
    if not tokens:
        return []
    doc = tokens[0].doc
    # edge punctuation may hang off a far head: it must not stretch the span over a gap
    # ("%" counts as punctuation to spaCy but is a word of "2%")
    words = sorted((t for t in tokens if not t.is_punct or t.is_quote or t.pos_ != "PUNCT"),
                   key=lambda t: t.i)
    if not words:
        return []
    lo, hi = words[0].i, words[-1].i
    return list(doc[lo : hi + 1])


# ---------------------------------------------------------------------------- speakers


def _phrase(head: Token) -> list[Token]:
    """The speaker phrase: the subtree without relative clauses and trailing clauses."""
    drop = tuple(c for c in head.children if c.dep_ in ("relcl", "acl") and c.i > head.i)
    tokens = _subtree(head, drop)
    # keep the phrase contiguous up to the first dropped clause
    if drop:
        cut = min(d.left_edge.i for d in drop)
        tokens = [t for t in tokens if t.i < cut]
    return tokens


def _entity_at(token: Token) -> tuple[str, str] | None:
    """Text and label of the entity covering ``token`` (from IOB tags: ``doc.ents`` is slow)."""
    if not token.ent_type_:
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end].text, token.ent_type_


def _name_of(head: Token) -> tuple[str, str | None]:
    """The best name for a speaker phrase headed by ``head``: an entity if one covers it."""
    found = _entity_at(head)
    if found:
        return found
    # "the minister, Dana Holt,": the named apposition is the better name
    for child in head.children:
        if child.dep_ == "appos" and child.ent_type_ in ("PERSON", "ORG"):
            found = _entity_at(child)
            if found:
                return found
    doc = head.doc
    # "Halvoria's Defence Ministry", "the state news agency": possessor and modifiers
    lefts = [c for c in head.lefts if c.dep_ in ("compound", "amod", "nmod")
             or c.dep_ == "poss" and c.pos_ == "PROPN"]
    start = min([head.i] + [c.left_edge.i for c in lefts])
    return doc[start : head.i + 1].text, None


@dataclass
class _Speaker:
    tokens: list[Token]
    name: str
    label: str | None
    pronoun: bool
    head: Token


def _speaker_from(head: Token) -> _Speaker:
    if head.lower_ in RELATIVE_PRONOUNS and head.head.dep_ in ("relcl", "acl"):
        antecedent = head.head.head
        name, label = _name_of(antecedent)
        return _Speaker([head], name, label, False, antecedent)
    if head.dep_ == "poss" or head.tag_ in ("PRP", "PRP$"):
        return _Speaker([head], head.text, None, head.lower_ in PRONOUNS or head.tag_ == "PRP$",
                        head)
    name, label = _name_of(head)
    return _Speaker(_phrase(head), name, label, False, head)


_DASHES = frozenset(("—", "–", "--", "-"))


def _after_dateline(subject: Token, verb: Token) -> Token:
    """"KESTREL BAY, March 6 (Agency) — Minister X revealed": the parser takes the dateline
    for the subject; the speaker is the noun phrase between the dash and the verb."""
    if subject.i >= verb.i:
        return subject
    doc = verb.doc
    dashes = [t for t in doc[subject.i : verb.i] if t.text in _DASHES]
    if not dashes:
        return subject
    start = dashes[-1].i + 1
    span = range(start, verb.i)
    heads = [t for t in doc[start : verb.i] if t.pos_ in ("PROPN", "NOUN", "PRON")
             and t.head.i not in span]
    return heads[-1] if heads else subject


def _subject(verb: Token, depth: int = 0) -> tuple[_Speaker | None, bool]:
    """The speaker of ``verb`` and whether the verb is an agentless passive."""
    # "it seems that", "there is": no speaker; with two subjects (one inside a quotation the
    # parser misread) the one next to the verb speaks
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.tag_ != "EX"
                and not (c.lower_ == "it" and verb.lemma_ in lex.SEEM_VERBS)]
    if subjects:
        nearest = min(subjects, key=lambda c: abs(c.i - verb.i))
        return _speaker_from(_after_dateline(nearest, verb)), False
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    if not passive:
        # a surname the tagger took for another word ("Jolly said", "Young said")
        for child in verb.lefts:
            if child.dep_ in ("advmod", "npadvmod", "dep", "nmod", "amod", "intj") and \
                    child.text[:1].isupper() and child.is_alpha and child.i == verb.i - 1 and (
                    child.i == child.sent.start or child.pos_ == "PROPN"):
                return _speaker_from(child), False
    participle = verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children)
    if passive or participle or any(c.dep_ == "auxpass" for c in verb.children):
        for child in verb.children:
            if child.dep_ == "agent":
                objs = [g for g in child.children if g.dep_ == "pobj"]
                if objs:
                    return _speaker_from(objs[0]), False
        return None, True
    # shared subjects: "X said A and added B" (conj), "X left, saying B" (participle),
    # "X wants to explain B" (control); a clause hanging off a noun has no such subject
    head = verb.head
    if verb.dep_ == "conj" and head.dep_ == "ccomp" and verb.tag_ in ("VBD", "VBZ") and \
            lex.verb_cue(head.head.lemma_) and head.head.i < head.i:
        # "The ministry denied that X and called Y": "called" shares the subject of
        # "denied", the parser just attached it inside the complement
        head = head.head
    if depth < 3 and head.i != verb.i and head.pos_ in ("VERB", "AUX") and (
        verb.dep_ in ("xcomp", "conj")
        or verb.dep_ in ("advcl", "pcomp") and verb.tag_ == "VBG"
    ):
        # (a past participle "Asked whether ..., Carson said" is passive: Carson is the one
        # asked, not the asker, so it does not share the subject)
        return _subject(head, depth + 1)
    return None, False


# ---------------------------------------------------------------------------- content


def _clause_content(verb: Token) -> list[Token]:
    """Content of a cue verb: its clausal complements (ccomp; "that" included)."""
    parts = [c for c in verb.children if c.dep_ in CLAUSE_DEPS and c.i > verb.i]
    if not parts:
        return []
    tokens: list[Token] = []
    for part in parts:
        tokens.extend(part.subtree)
    # the complementiser "that" may hang off the verb instead of the clause
    first = min(t.i for t in tokens)
    marks = [c for c in verb.children if c.lower_ in ("that", "whether", "if") and c.i < first
             and c.dep_ in ("mark", "dobj", "nsubj") and c.i > verb.i]
    tokens.extend(marks)
    return tokens


def _after(verb: Token, deps: tuple[str, ...]) -> list[Token]:
    return [c for c in verb.children if c.dep_ in deps and c.i > verb.i]


# Verbs whose direct object is the person addressed, not what is said.
_RECIPIENT_VERBS = frozenset(
    words("tell ask inform brief thank assure reassure invite urge remind warn email text call "
    "order instruct direct beg challenge congratulate encourage lecture scold chide rebuke "
    "question answer address")
)


def _object_content(verb: Token, entry: lex.CueEntry) -> list[Token]:
    if entry.kind == "speech":
        # "said no", "said so", "answered yes": a pro-form stands for the whole answer
        short = [c for c in verb.rights if c.lower_ in ("yes", "no", "so")
                 and c.dep_ in ("intj", "dobj", "advmod", "npadvmod", "ccomp", "attr")]
        if short:
            return short
    if entry.lemma == "ask":
        # "Asked if he would run": the question is an adverbial clause with if/whether
        questions = [c for c in verb.rights if c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)]
        if questions:
            return list(questions[0].subtree)
    if entry.lemma in lex.CLAUSE_ONLY_VERBS:
        objs = _after(verb, ("dobj",))
        if not any(t.text in _QUOTE_CHARS for o in objs for t in o.subtree):
            return []
    xcomps = _after(verb, ("xcomp", "oprd"))
    objs = _after(verb, ("dobj",))
    if xcomps and entry.lemma not in ("say", "tell"):
        # "urged voters [to act]", "called the deal [a disaster]": the complement is the content
        tokens: list[Token] = []
        for tok in xcomps:
            tokens.extend(tok.subtree)
            if tok.dep_ == "oprd":  # "called [Christmas a sham]": object and predicate
                tokens.extend(t for o in objs if o.i < tok.i for t in o.subtree)
        return tokens
    for prep in _after(verb, ("prep",)):
        # "praised Trump [for speaking out]": the reason is what is praised or blamed
        if prep.lower_ == "for" and objs and entry.lemma in lex.NP_CONTENT_VERBS:
            comp = [c for c in prep.children if c.dep_ in ("pcomp", "pobj")]
            if comp:
                return list(comp[0].subtree)
    if objs:
        obj = objs[0]
        quoted = any(t.text in _QUOTE_CHARS for t in obj.subtree)
        says_thing = entry.kind == "speech" and entry.lemma not in _RECIPIENT_VERBS and (
            obj.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP"))
        if entry.lemma in lex.NP_CONTENT_VERBS or quoted or says_thing or (
            entry.kind == "evidence" and not any(
                c.ent_type_ == "PERSON" or c.lower_ in PRONOUNS
                for c in verb.children if c.dep_ == "nsubj")
        ):
            if obj.lower_ in PRONOUNS and not quoted:
                return []
            tokens = list(obj.subtree)
            for extra in _after(verb, ("oprd", "ccomp")):
                tokens.extend(extra.subtree)
            for prep in _after(verb, ("prep",)):
                if prep.lower_ in ("as", "at", "against") and prep.i > obj.i:
                    # "described himself as a moderate", "estimated the toll at 1,000"
                    tokens.extend(prep.subtree)
            return tokens
    for prep in _after(verb, ("prep",)):
        verbs = lex.CONTENT_PREPOSITIONS.get(prep.lower_)
        if verbs and entry.lemma in verbs:
            pobj = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
            if pobj:  # the preposition belongs to the cue ("pointed to", "talked about")
                return list(pobj[0].subtree)
    return []


def _inverted_content(verb: Token) -> list[Token]:
    """"X, he said": the cue hangs off the clause it reports (or heads a clause on its left)."""
    head = verb.head
    if verb.dep_ == "parataxis" and head.i != verb.i and not any(
        c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd") for c in verb.rights
    ):
        # "“A,” he said, “B.”": the cue interrupts the clause it reports
        # the clause around the cue: "The talks, he said, have stalled"
        own = {t.i for t in verb.subtree}
        return _skip_dateline([t for t in head.subtree if t.i not in own])
    if verb.dep_ == "ccomp" and head.i < verb.i and verb.left_edge.i > 0 and \
            verb.doc[verb.left_edge.i - 1].is_punct and not lex.verb_cue(head.lemma_):
        # "The economy is strong, Smith said" parsed with the cue under the clause
        left = verb.left_edge.i
        return _skip_dateline([t for t in head.subtree if t.i < left])
    lefts = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.i < verb.i]
    tokens: list[Token] = []
    for c in lefts:
        tokens.extend(c.subtree)
    return _skip_dateline(tokens)


def _skip_dateline(tokens: list[Token]) -> list[Token]:
    """Drop a dateline ("LISSKA —", "PORT ALDINE, May 3 (Reuters) —") opening the content."""
    ordered = sorted(tokens, key=lambda t: t.i)
    for k, tok in enumerate(ordered[:12]):
        if tok.text in _DASHES and k > 0:
            head = [t for t in ordered[:k] if t.is_alpha]
            if head and head[0].is_upper and len(head[0].text) > 1:
                return ordered[k + 1 :]
            break
    return ordered


def _colon_after(verb: Token, sent: SpacySpan) -> Token | None:
    """A colon right after the cue (or after its medium phrase): "said in a statement:"."""
    doc = verb.doc
    i = verb.i + 1
    limit = min(sent.end, verb.i + 8)
    while i < limit:
        tok = doc[i]
        if tok.text == ":":
            return tok
        if tok.is_punct and tok.text not in (",",):
            return None
        if tok.dep_ in ("nsubj", "ccomp", "dobj", "xcomp") and tok.head.i == verb.i:
            return None
        i += 1
    return None


# ---------------------------------------------------------------------------- cues


def _medium_end(verb: Token) -> int:
    """End token index of "said [in a statement]": the medium phrase joins the cue."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "in" and prep.i == verb.i + 1:
            objs = [c for c in prep.children if c.dep_ == "pobj"]
            if objs and objs[0].lemma_.lower() in lex.MEDIUM_NOUNS:
                return objs[0].i
    return verb.i


def _cue_tokens(verb: Token) -> tuple[int, int]:
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


def _stance(entry: lex.CueEntry, content: list[Token], subject: _Speaker | None,
            passive: bool) -> str:
    stance = entry.stance
    if entry.lemma == "report" and (subject is None or subject.head.lemma_ == "report"):
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
            "know", "find", "learn", "see", "realize", "understand", "discover") else stance
    return stance


def _source_like(tok: Token) -> bool:
    """Whether a noun phrase head can be a source: a name, an institution or a document."""
    return (tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or tok.pos_ == "PROPN"
            or tok.lemma_.lower() in _AGENT_NOUNS or tok.lemma_.lower() in _SOURCE_NOUNS
            or lex.is_evidence_subject(tok.lemma_))


def _via_chain(verb: Token, subject: _Speaker | None) -> list[tuple[str, Token]]:
    """"X, citing Y, reported": the chain [X, Y] (outlet inwards)."""
    for child in verb.children:
        if child.lemma_ == "cite" and child.dep_ in ("advcl", "xcomp", "conj", "prep"):
            objs = [g for g in child.children if g.dep_ in ("dobj", "pobj")]
            # "citing weak exports" gives a reason, "citing the NIS" a source
            if objs and subject is not None and _source_like(objs[0]):
                name, _ = _name_of(objs[0])
                return [(subject.name, subject.head), (name, objs[0])]
    return []


def _make(doc: Doc, offset: int, content_tokens: list[Token], verb_range: tuple[int, int],
          lemma: str, stance: str, speaker: _Speaker | None, kind: str,
          via: list[tuple[str, Token]] | None = None) -> Attribution | None:
    text = _doc_text(doc)
    if lemma != "according to":
        skip = {t.i for t in content_tokens if t.lower_ == "according" and t.dep_ == "prep"}
        if skip:
            drop = {d.i for t in content_tokens if t.i in skip for d in t.subtree}
            content_tokens = [t for t in content_tokens if t.i not in drop]
            if not content_tokens:
                return None
    content = _char_span(_contiguous(content_tokens), offset, text)
    if content is None:
        return None
    cue_start = doc[verb_range[0]].idx
    cue_end = doc[verb_range[1]].idx + len(doc[verb_range[1]].text)
    att = Attribution(content=content, stance=stance, cue=(cue_start + offset, cue_end + offset),
                      cue_lemma=lemma, kind=kind)
    if speaker is not None:
        span = _char_span(speaker.tokens, offset, text)
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


def _verb_attribution(verb: Token, entry: lex.CueEntry, offset: int) -> Attribution | None:
    doc = verb.doc
    if verb.lemma_ == "cite" and verb.dep_ in ("advcl", "xcomp", "conj", "prep") and \
            lex.verb_cue(verb.head.lemma_):
        return None  # "Yonhap, citing the NIS, reported": the chain is on the main cue
    if verb.lemma_ in lex.SEEM_VERBS:
        return _seeming(verb, entry, offset)
    subject, passive = _subject(verb)
    kind = "indirect"
    content = _clause_content(verb)
    if not content:
        content = _inverted_content(verb)
    if not content and verb.lemma_ in ("quote",):
        return _quoted_as_saying(verb, offset)
    if not content:
        content = _object_content(verb, entry)
    colon = None
    if not content and entry.kind == "speech":
        colon = _colon_after(verb, verb.sent)
        if colon is not None:
            rest = list(doc[colon.i + 1 : verb.sent.end])
            if not rest or all(t.is_punct or t.is_space for t in rest):
                # placeholder content (the cue itself) until the next paragraph fills it
                att = _make(doc, offset, [verb], _cue_tokens(verb), entry.lemma, entry.stance,
                            subject, "direct")
                if att is not None:
                    att.pending_colon = True
                    att.content = (colon.idx + offset + 1, colon.idx + offset + 1)
                return att
            content = rest
            kind = "direct"
    if not content:
        return None
    if subject is None and not passive:
        # "Asked if he was bullied, ...": the question has no named asker
        asked = verb.lemma_ == "ask" and verb.tag_ == "VBN" and verb.dep_ == "advcl"
        if not asked and (entry.kind != "evidence" or verb.dep_ not in ("ROOT",)):
            return None
    if entry.kind == "evidence" and subject is not None and (
        subject.head.ent_type_ == "PERSON" or subject.pronoun
    ) and verb.lemma_ not in lex.SPEECH_VERBS and verb.lemma_ not in lex.COGNITION_VERBS:
        return None  # "she showed him the door": people showing things are not sources
    if passive and subject is None and entry.kind == "cognition":
        # "The bank is expected to act": the subject is part of what is expected
        for child in verb.children:
            if child.dep_ == "nsubjpass" and child.i < verb.i and child.lower_ != "it":
                content = list(child.subtree) + content
    stance = _stance(entry, content, subject, passive)
    via = _via_chain(verb, subject)
    if via:
        inner_name, inner_tok = via[-1]
        subject = _Speaker([inner_tok], inner_name, inner_tok.ent_type_ or None, False, inner_tok)
    content = _prune(content, verb)
    return _make(doc, offset, content, _cue_tokens(verb), entry.lemma, stance, subject, kind, via)


# Subjects that can hold an estimate even without a name ("analysts cut their forecast").
_AGENT_NOUNS = frozenset(words(
    "official officials spokesman spokeswoman spokesperson source sources police authorities "
    "authority ministry agency government commission analyst analysts economist economists "
    "expert experts bank department office army military command service committee council "
    "board institute fund organisation organization group company firm team forecaster "
    "forecasters statistician observatory monitor regulator minister president governor "
    "mayor chief director researcher researchers scientist scientists officer officers"))


def _revision_attribution(verb: Token, offset: int) -> Attribution | None:
    """"The minister raised her estimate of losses to 2,400, up from 2,000": a new figure.

    The cue is the verb; the content is the estimate phrase with the figures the verb
    carries ("to 2,400", "from 2,000", "at 5,000", "up from ..."). The subject must be able
    to hold an estimate (a name, a pronoun, an institution or the estimate's possessor):
    "heavy shelling raised the toll to 40" reports an event, not a statement.
    """
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lex.REVISION_VERBS:
        return None
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    entry = next((e for o in objs if (e := lex.revision_cue(verb.lemma_, o.lemma_))), None)
    if entry is None:
        return None
    obj = next(o for o in objs if lex.revision_cue(verb.lemma_, o.lemma_))
    subject, passive = _subject(verb)
    if subject is None:
        return None
    owned = any(c.dep_ == "poss" for c in obj.children)
    head = subject.head
    if not (owned or subject.pronoun or head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
            or head.lemma_.lower() in _AGENT_NOUNS or head.lower_ in RELATIVE_PRONOUNS):
        return None
    content = list(obj.subtree)
    for child in verb.rights:
        if child.dep_ == "prep" and child.lower_ in lex.REVISION_PREPOSITIONS or (
                child.dep_ in ("advmod", "prt") and child.lower_ in lex.REVISION_ADVERBS):
            content.extend(child.subtree)
    via = _via_chain(verb, subject)
    if via:
        inner_name, inner_tok = via[-1]
        subject = _Speaker([inner_tok], inner_name, inner_tok.ent_type_ or None, False, inner_tok)
    return _make(verb.doc, offset, content, _cue_tokens(verb), entry.lemma, entry.stance,
                 subject, "indirect", via)


_REASON_MARKS = frozenset(words("because since although though while unless as if"))


def _prune(content: list[Token], verb: Token) -> list[Token]:
    """Fit the content to what the cue governs.

    - A second reporting verb conjoined inside the content ("said [A] and predicted B") is
      a separate statement the parser attached too low: cut it and what follows.
    - A trailing non-restrictive phrase (", which ...", ", a longtime ...") on a noun-phrase
      or infinitive content describes the object, it is not part of what was said.
    - A reason clause the parser hung on the cue ("said X because Y") belongs to the content.
    """
    if not content:
        return content
    ids = {t.i for t in content}
    doc = verb.doc
    cut = None
    for t in content:
        if t.dep_ == "conj" and t.pos_ == "VERB" and t.head.i in ids and lex.verb_cue(t.lemma_) \
                and not any(c.dep_ in SUBJECT_DEPS for c in t.children) and t.tag_ in (
                    "VBD", "VBZ", "VBP", "VBG"):
            start = t.left_edge.i
            while start - 1 in ids and doc[start - 1].dep_ in ("cc", "punct"):
                start -= 1
            cut = start if cut is None else min(cut, start)
        elif t.dep_ in ("advcl", "xcomp", "conj") and t.tag_ == "VBG" and t.i - 1 in ids \
                and doc[t.i - 1].text == "," and lex.verb_cue(t.lemma_) and t.i > verb.i:
            # "said A, telling reporters that B": the participle is a second statement
            cut = t.i - 1 if cut is None else min(cut, t.i - 1)
    if cut is not None:
        content = [t for t in content if t.i < cut]
    has_clause = any(t.dep_ in CLAUSE_DEPS and t.head.i == verb.i for t in content)
    if not has_clause:
        for t in sorted(content, key=lambda x: x.i):
            if t.dep_ in ("relcl", "appos", "acl") and t.i - 1 >= 0:
                left = t.left_edge.i
                if left - 1 >= 0 and doc[left - 1].text == "," and left - 1 in ids:
                    content = [x for x in content if x.i < left - 1]
                    break
    else:
        last = max(t.i for t in content)
        for adv in verb.children:
            if adv.dep_ == "advcl" and adv.i > last and not lex.verb_cue(adv.lemma_) and any(
                m.dep_ == "mark" and m.lower_ in _REASON_MARKS for m in adv.children
            ):
                content = content + list(adv.subtree)
    return content


def _seeming(verb: Token, entry: lex.CueEntry, offset: int) -> Attribution | None:
    """"The court seemed to send a signal": a hedged impression with no named source."""
    xcomps = _after(verb, ("xcomp", "ccomp"))
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i
                and c.tag_ != "EX" and c.lower_ != "it"]
    if not xcomps or not subjects:
        return None
    content = list(subjects[0].subtree) + [verb] + list(xcomps[0].subtree)
    return _make(verb.doc, offset, content, _cue_tokens(verb), entry.lemma, "hedged", None,
                 "indirect")


def _quoted_as_saying(verb: Token, offset: int) -> Attribution | None:
    """"Reuters quoted a spokesman as saying X": the spokesman speaks, via Reuters."""
    objs = _after(verb, ("dobj",))
    for prep in _after(verb, ("prep",)):
        if prep.lower_ != "as":
            continue
        for pcomp in prep.children:
            if pcomp.lemma_ == "say":
                content = _clause_content(pcomp) or _object_content(
                    pcomp, lex.CueEntry("say", "stated", "speech"))
                if not content or not objs:
                    return None
                outer, _ = _subject(verb)
                speaker = _speaker_from(objs[0])
                via = [(outer.name, outer.head)] if outer else []
                via.append((speaker.name, speaker.head))
                return _make(verb.doc, offset, content, (verb.i, pcomp.i), "quote", "stated",
                             speaker, "indirect", via)
    return None


_SOURCE_NOUNS = frozenset(words(
    "official officials spokesman spokeswoman spokesperson source sources police "
    "authorities ministry agency government statement commission"))


def _according_to(tok: Token, offset: int) -> Attribution | None:
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
            or c.lemma_.lower() in _SOURCE_NOUNS or lex.is_evidence_subject(c.lemma_))]
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
    speaker = _speaker_from(objs[0])
    stance = "reported" if speaker.head.lemma_ in ("report", "reports") else "stated"
    # a cue inside the content ("X said Y, according to Z") keeps the nested speaker as via
    return _make(doc, offset, content, cue_range, "according to", stance, speaker, "indirect")


def _hearsay(tok: Token, offset: int) -> Attribution | None:
    """"North Korea has reportedly sent troops": unattributed hearsay about the clause."""
    verb = tok.head
    content = _subtree(verb)
    stance = lex.HEARSAY_ADVERBS[tok.lower_]
    return _make(tok.doc, offset, content, (tok.i, tok.i), tok.lower_, stance, None, "hearsay")


_NOUN_CONTENT_PREPS = frozenset(("of", "for", "on", "about", "against"))


def _noun_attribution(noun: Token, entry: lex.CueEntry, offset: int) -> Attribution | None:
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
        return _make(noun.doc, offset, list(objs[0].subtree), (noun.i, preps[0].i),
                     entry.lemma, entry.stance, _speaker_from(poss[0]), "indirect")
    speaker = None
    for child in noun.children:
        if child.dep_ == "poss":
            speaker = _speaker_from(child)
        elif child.dep_ == "prep" and child.lower_ in ("by", "from") and child.i < clauses[0].i:
            objs = [g for g in child.children if g.dep_ == "pobj"]
            if objs:
                speaker = _speaker_from(objs[0])
    if speaker is None:
        return None
    content = list(clauses[0].subtree)
    return _make(noun.doc, offset, content, (noun.i, noun.i), entry.lemma, entry.stance,
                 speaker, "indirect")


_NOT_SPEAKERS = frozenset(
    words("update updated note editor editors related watch photo photos video correction read see "
    "also warning breaking exclusive analysis opinion live more source sources caption "
    "credit wait example question answer bottom line")
)


def _speaker_colon(doc: Doc, offset: int) -> Attribution | None:
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
        speaker = _Speaker(list(name), name.text, name.root.ent_type_ or None,
                           False, name.root)
        return _make(doc, offset, list(rest), (i, i), ":", "stated", speaker, "direct")
    return None


_TEXT_KEY = "corroborator.attribution.text"


def _doc_text(doc: Doc) -> str:
    """``doc.text`` joins every token on each access; keep it for the duration of a pass."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.text
        doc.user_data[_TEXT_KEY] = text
    return text


def find_attributions(doc: Doc, offset: int = 0) -> list[Attribution]:
    """All attributions in the parsed paragraph ``doc`` (offsets shifted by ``offset``).

    Attributions nested inside the content of another are dropped (the outer statement
    already carries them), so each token plays one role, as in the PolNeAR annotation.
    """
    found: list[Attribution] = []
    headline = _speaker_colon(doc, offset)
    if headline is not None:
        found.append(headline)
    for tok in doc:
        lower = tok.lower_
        att = None
        if lower in ("according", "per") and tok.dep_ == "prep":
            att = _according_to(tok, offset)
        elif lower in lex.HEARSAY_ADVERBS and tok.dep_ == "advmod":
            att = _hearsay(tok, offset)
        elif tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "compound"):
            att = _revision_attribution(tok, offset)
            entry = None if att is not None else lex.verb_cue(tok.lemma_)
            if att is None and entry is None and tok.lemma_ == "put" and any(
                c.dep_ == "prep" and c.lower_ == "at" and any(
                    g.like_num or any(n.like_num for n in g.subtree) for g in c.children)
                for c in tok.children
            ):  # "put the death toll at 300"
                entry = lex.CueEntry("put", "estimated", "speech")
            if entry is not None:
                att = _verb_attribution(tok, entry, offset)
        elif tok.pos_ == "NOUN":
            entry = lex.noun_cue(tok.lemma_)
            if entry is not None:
                att = _noun_attribution(tok, entry, offset)
        if att is not None:
            found.append(att)
    doc.user_data.pop(_TEXT_KEY, None)
    return drop_nested(found)


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
            if other.cue_lemma == "according to" and att.speaker is not None:
                dropped.add(j)
                if other.speaker_text and not att.via:
                    att.via = [(other.speaker_text, other.speaker or other.content)]
                    if att.speaker_text:
                        att.via.append((att.speaker_text, att.speaker))
                continue
            dropped.add(i)
            break
    return [a for k, a in enumerate(atts) if k not in dropped]
