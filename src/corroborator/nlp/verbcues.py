"""Attributions headed by a cue verb: subject, complement, stance ("X said that Y").

Content is read off the verb's dependents: a clausal complement, an infinitive, a noun-phrase
object for verbs that take one, the clause the cue interrupts ("A, he said"), or what follows
a colon. Estimate revisions ("raised her estimate to 2,400") are verb cues too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import cues as lex
from .cues import words
from .learned import has_frame, learned_content
from .relations import (
    Attribution,
    cue_tokens,
    make,
    relay_chain,
    stance_of,
    told_chain,
    via_chain,
)
from .revisions import FIGURE_NOUNS
from .subjects import (
    AGENT_NOUNS,
    DASHES,
    PRONOUNS,
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    Speaker,
    addressed_class,
    source_like,
    speaker_from,
    stranded_subject,
    subject_of,
    wanting,
)
from .tokenspans import QUOTE_CHARS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan


CLAUSE_DEPS = ("ccomp",)


# Verbs that state a figure only through their object: "put the death toll at 300",
# "gave a toll of nearly 120", "issued an estimate of 2,000". Alone they report nothing.
_VALUE_AT = frozenset(words("put place peg"))
_FIGURE_GIVING = frozenset(words("give provide issue release publish offer"))


def figure_cue(verb: Token) -> lex.CueEntry | None:
    """The cue entry of a verb that states a figure ("put the toll at 300": estimated;
    "gave a toll of 120": stated), or None."""
    def has_number(tok: Token) -> bool:
        return any(t.like_num for t in tok.subtree)

    lemma = verb.lemma_.lower()
    if lemma in _VALUE_AT and any(c.dep_ == "prep" and c.lower_ == "at" and any(
            has_number(g) for g in c.children) for c in verb.children):
        return lex.CueEntry(lemma, "estimated", "speech")
    if lemma in _FIGURE_GIVING:
        for obj in verb.children:
            if obj.dep_ == "dobj" and obj.lemma_.lower() in FIGURE_NOUNS and any(
                    c.dep_ == "nummod" or c.dep_ == "prep" and c.lower_ == "of"
                    and has_number(c) for c in obj.children):
                return lex.CueEntry(lemma, "stated", "speech")
    return None


def clause_content(verb: Token) -> list[Token]:
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


def after(verb: Token, deps: tuple[str, ...]) -> list[Token]:
    return [c for c in verb.children if c.dep_ in deps and c.i > verb.i]


# Verbs whose direct object is the person addressed, not what is said.
RECIPIENT_VERBS = frozenset(
    words("tell ask inform brief thank assure reassure invite urge remind warn email text call "
    "order instruct direct beg challenge congratulate encourage lecture scold chide rebuke "
    "question answer address")
)


def particle_of_no_speech(verb: Token) -> bool:
    """Whether the particle right after a cue verb gives it a sense that reports nothing
    ("calling back 40,000 cars"); the parse may take the particle for an adverb."""
    particles = [c.lower_ for c in verb.children
                 if c.dep_ == "prt" or c.dep_ == "advmod" and c.i == verb.i + 1]
    return lex.particle_of_no_speech(verb.lemma_, particles)


# Verbs that name their object as something: "called the deal a disaster"
_NAMING_VERBS = frozenset(["call", "dub", "label", "brand", "term", "deem"])


def object_content(verb: Token, entry: lex.CueEntry) -> list[Token]:
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
    if entry.lemma in lex.FIGURE_ONLY_VERBS and not any(
            t.like_num for o in after(verb, ("dobj",)) for t in o.subtree):
        return []
    if entry.lemma in lex.CLAUSE_ONLY_VERBS:
        objs = after(verb, ("dobj",))
        if not any(t.text in QUOTE_CHARS for o in objs for t in o.subtree):
            return []
    xcomps = after(verb, ("xcomp", "oprd"))
    objs = after(verb, ("dobj",))
    if objs and entry.lemma in RECIPIENT_VERBS and (told := _told_clause(objs[0])):
        return told
    if xcomps and entry.lemma not in ("say", "tell"):
        # "urged voters [to act]", "called the deal [a disaster]": the complement is the content
        tokens: list[Token] = []
        for tok in xcomps:
            tokens.extend(tok.subtree)
            if tok.dep_ == "oprd":  # "called [Christmas a sham]": object and predicate
                tokens.extend(t for o in objs if o.i < tok.i for t in o.subtree)
        return tokens
    for prep in after(verb, ("prep",)):
        # "praised [Trump for speaking out]": who is praised or blamed and for what (on
        # PolNeAR train the annotators take both 18 times, the reason alone 3 times)
        if prep.lower_ == "for" and objs and entry.lemma in lex.NP_CONTENT_VERBS and \
                not has_frame(entry.lemma, "dobj+prep:for") and prep.i > objs[0].i and \
                any(c.dep_ in ("pcomp", "pobj") for c in prep.children):
            return list(objs[0].subtree) + list(prep.subtree)
    if objs and not wanting(verb):
        obj = objs[0]
        quoted = any(t.text in QUOTE_CHARS for t in obj.subtree)
        says_thing = entry.kind == "speech" and entry.lemma not in RECIPIENT_VERBS and (
            obj.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP"))
        if entry.lemma in lex.NP_CONTENT_VERBS or quoted or says_thing or (
            entry.kind == "evidence" and not any(
                c.ent_type_ == "PERSON" or c.lower_ in PRONOUNS
                for c in verb.children if c.dep_ == "nsubj")
        ):
            if obj.lower_ in PRONOUNS and not quoted:
                return []
            tokens = list(obj.subtree)
            for extra in after(verb, ("oprd", "ccomp")):
                tokens.extend(extra.subtree)
            if entry.lemma in _NAMING_VERBS:
                # "calling the allegations "an invention"": the parse may read the predicate
                # as a second object
                tokens.extend(t for extra in objs[1:] for t in extra.subtree)
            for prep in after(verb, ("prep",)):
                if prep.i > obj.i and (prep.lower_ in ("as", "at", "against") or has_frame(
                        entry.lemma, f"dobj+prep:{prep.lower_}")):
                    # "described himself as a moderate", "estimated the toll at 1,000",
                    # "accused Sanders of pandering" (fitted)
                    tokens.extend(prep.subtree)
            return tokens
    for prep in after(verb, ("prep",)):
        verbs = lex.CONTENT_PREPOSITIONS.get(prep.lower_)
        if verbs and entry.lemma in verbs:
            pobj = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
            if pobj:  # the preposition belongs to the cue ("pointed to", "talked about")
                return list(pobj[0].subtree)
    return []


_RELATIVISERS = frozenset(words("that which who whom whose where when why"))


def _told_clause(hearer: Token) -> list[Token]:
    """"told a news conference the bank was prepared to act": the parser may hang the
    reported clause off the hearer as a relative clause. A relative clause with a subject of
    its own and no relative word has no gap for the hearer to fill: it is what was told."""
    for clause in hearer.children:
        if clause.dep_ != "relcl" or clause.i < hearer.i:
            continue
        tokens = list(clause.subtree)
        if tokens[0].lower_ in _RELATIVISERS or tokens[0].tag_ in ("WDT", "WP", "WP$", "WRB"):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
            return tokens
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
        if head.pos_ not in ("VERB", "AUX") and head.i > verb.i and head.head.i < verb.i \
                and head.head.pos_ in ("VERB", "AUX"):
            # "X will cost 180 million euros, the company said, roughly a fifth of its
            # profit": the cue hangs on the noun after it, an object of the clause it
            # interrupts
            head = head.head
        return _skip_dateline([t for t in head.subtree if t.i not in own])
    if verb.dep_ == "ccomp" and head.i < verb.i and verb.left_edge.i > 0 and \
            verb.doc[verb.left_edge.i - 1].is_punct and not lex.verb_cue(head.lemma_):
        # "The economy is strong, Smith said" parsed with the cue under the clause
        left = verb.left_edge.i
        return _skip_dateline([t for t in head.subtree if t.i < left])
    if _inverted_conjunct(verb):
        # "A fire has burned 4,000 hectares, the fire service said on Tuesday": the parser
        # coordinates the cue with the clause it reports
        own = {t.i for t in verb.subtree}
        stranded = stranded_subject(verb)
        if stranded is not None:  # the speaker and its comma, parsed into the clause
            own.update(t.i for t in stranded.subtree)
            own.add(stranded.left_edge.i - 1)
        return _skip_dateline([t for t in head.subtree if t.i not in own])
    if _trailing_relative_cue(verb):
        # "CLAUSE, The Back Page understands": the cue after the clause's last noun
        return _skip_dateline(list(verb.doc[verb.sent.start : verb.left_edge.i - 1]))
    if _hung_on_its_clause(verb):
        # "CLAUSE, the mayor of Aldra, Rosa Tavish, said": the clause the cue hangs on,
        # without the cue's own phrase (the apposition is cut with the speaker)
        own = {t.i for t in verb.subtree}
        return _skip_dateline([t for t in head.subtree if t.i not in own and t.i < verb.i])
    if _as_reported(verb):
        # "As the Post reported, the inspector issued subpoenas": the clause it hangs on
        own = {t.i for t in verb.subtree}
        return _skip_dateline([t for t in verb.head.subtree if t.i not in own])
    lefts = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.i < verb.i]
    tokens: list[Token] = []
    for c in lefts:
        tokens.extend(c.subtree)
    return _skip_dateline(tokens)


def _as_reported(verb: Token) -> bool:
    """"As the Post reported, X" / "X, as Rubio has said": a past report introduced by "as",
    with its own subject and nothing reported of its own (no object, complement or
    prepositional object: "as he spoke of his faith" reports that), vouches for the clause
    it hangs on. Only a past or perfect verb: "as we speak", "as they say" report nothing."""
    if verb.dep_ != "advcl" or verb.head.pos_ not in ("VERB", "AUX"):
        return False
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return False
    past = verb.tag_ == "VBD" or verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    return past and any(c.dep_ == "nsubj" for c in verb.children) and all(
        c.dep_ in ("nsubj", "mark", "aux", "advmod", "npadvmod", "neg", "punct")
        for c in verb.children)


def _trailing_relative_cue(verb: Token) -> bool:
    """"Rovers have agreed a fee ... for striker Dario Lenk, The Back Page understands": the
    parser may hang a cue that closes the sentence off the noun before its comma, as a
    relative clause. A real relative clause has a relative word or a gap; this one has a
    subject of its own after the comma, no object or complement, and ends the sentence."""
    if verb.dep_ != "relcl" or verb.head.i >= verb.i:
        return False
    start = verb.left_edge.i
    if start == 0 or verb.doc[start - 1].text != "," or verb.head.right_edge.i != verb.right_edge.i:
        return False
    first = verb.doc[start]
    if first.lower_ in _RELATIVISERS or first.tag_ in ("WDT", "WP", "WP$", "WRB"):
        return False
    if not any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children) or any(
            c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd") for c in verb.children):
        return False
    rest = verb.doc[verb.right_edge.i + 1 : verb.sent.end]
    return all(t.is_punct or t.is_space for t in rest)


# Pronouns by which a cue after a quotation points back to the person an introduction named.
_BACK_POINTING = frozenset(["he", "she", "they"])


def _past_introduction(tokens: list[Token], verb: Token) -> list[Token]:
    """A fronted quotation without the words that introduce it up to a colon: in "Kim, 34,
    told how the roof fell: “The beams cracked,” she said" what she said is the quotation;
    the introduction, which names her and tells the scene, is the writer's, and its figures
    are not hers. Only a colon right before the opening mark of a quotation that closes the
    content counts, and only when the cue's subject is a pronoun for the one introduced
    ("..., the union wrote" after a colon may be told the introduction's words too)."""
    if not tokens or not any(c.dep_ == "nsubj" and c.lower_ in _BACK_POINTING
                             for c in verb.children):
        return tokens
    ordered = sorted(tokens, key=lambda t: t.i)
    doc = ordered[0].doc
    after = doc[ordered[-1].i + 1 :]
    closing = next((t for t in after if not t.is_punct or t.is_quote), None)
    if closing is None or not closing.is_quote:
        return tokens
    for tok in ordered:
        if tok.text == ":" and tok.i + 1 < len(doc) and doc[tok.i + 1].is_quote:
            return [t for t in ordered if t.i > tok.i]
    return tokens


def _inverted_conjunct(verb: Token) -> bool:
    """"CLAUSE, the agency said": a cue parsed as a conjunct of the clause before its subject.

    A real coordination ("crews arrived and said ...") has a conjunction between the two
    verbs; here only a comma comes before the subject, and the cue takes no complement.
    """
    head = verb.head
    if verb.dep_ != "conj" or head.i >= verb.i or lex.verb_cue(head.lemma_):
        return False
    # "told lawmakers": the object of a verb of telling is who heard it, not what was said
    objects = ("ccomp", "xcomp", "attr", "oprd") if verb.lemma_ in RECIPIENT_VERBS else (
        "dobj", "ccomp", "xcomp", "attr", "oprd")
    if any(c.dep_ in objects for c in verb.rights):
        return False
    subjects = [c for c in verb.lefts if c.dep_ == "nsubj"] or [
        s for s in (stranded_subject(verb),) if s is not None]
    if not subjects:
        return False
    start = subjects[0].left_edge.i
    if start == 0 or verb.doc[start - 1].text != ",":
        return False
    # a coordinator of an earlier conjunct ("killed or wounded") is no sign of this one
    earlier = [c.i for c in head.children if c.dep_ == "conj" and c.i < start]
    between = verb.doc[head.i + 1 : start]
    return not any(t.dep_ == "cc" and t.head.i in (head.i, verb.i)
                   and not any(t.i < c for c in earlier) for t in between)


# Participles after an inverted cue that tell how the speaker spoke, not what happened.
_MANNER_PARTICIPLES = frozenset(words("decline refuse request refer respond reply speak ask"))


def trailing_participle(tok: Token, offset: int) -> Attribution | None:
    """"Five more bodies were found, police said on Monday, bringing the toll to 40": the
    participle after an inverted cue continues the reported clause, so it is the speaker's
    statement too (a second attribution of that cue; a content span cannot skip the cue)."""
    verb = tok.head
    if tok.dep_ != "advcl" or tok.tag_ != "VBG" or tok.i <= verb.i:
        return None
    if lex.verb_cue(tok.lemma_) or tok.lemma_.lower() in _MANNER_PARTICIPLES:
        return None  # "..., adding that ...", "..., citing ...": cues of their own
    entry = lex.verb_cue(verb.lemma_)
    if entry is None or not _after_comma(tok.doc, tok.left_edge.i):
        return None
    if clause_content(verb) or not _inverted_content(verb):
        return None
    subject, passive = subject_of(verb)
    if subject is None:
        return None
    content = list(tok.subtree)
    stance = stance_of(entry, content, subject, passive, verb)
    return make(tok.doc, offset, content, cue_tokens(verb), entry.lemma, stance, subject,
                "indirect", via_chain(verb, subject))


def _skip_dateline(tokens: list[Token]) -> list[Token]:
    """Drop a dateline ("LISSKA —", "PORT ALDINE, May 3 (Reuters) —") opening the content."""
    ordered = sorted(tokens, key=lambda t: t.i)
    for k, tok in enumerate(ordered[:12]):
        if tok.text in DASHES and k > 0:
            head = [t for t in ordered[:k] if t.is_alpha]
            if head and head[0].is_upper and len(head[0].text) > 1:
                return ordered[k + 1 :]
            break
    return ordered


_CLOSING_MARKS = {"”": "“", '"': '"', "''": "''", "’": "‘"}
_SENTENCE_ENDS = frozenset(".!?")


def _preceding_quote(verb: Token) -> tuple[list[Token], Speaker | None] | None:
    """The quotation that ends right before a cue's speaker: “A?” Trump said.

    The parser often closes the sentence at the question mark (or takes the speaker for an
    apposition of the quote), leaving the cue without content. Between the closing mark and
    the cue there may be only the speaker phrase; the opening mark must be in the paragraph.
    """
    doc = verb.doc
    close = None
    for k in range(verb.i - 1, max(verb.i - 25, -1), -1):
        tok = doc[k]
        if tok.text in _CLOSING_MARKS:
            close = tok
            break
        if tok.text in _SENTENCE_ENDS or tok.is_quote or tok.pos_ == "VERB" and tok.dep_ not in (
                "relcl", "acl", "amod"):
            return None
    if close is None or close.i == 0:
        return None
    # nothing between: '"A," said Cruz', the parse hung the quotation off the cue as a
    # clause it cannot read (an adverbial "Being ...") and the speaker follows the cue
    between = [t for t in doc[close.i + 1 : verb.i] if not t.is_punct]
    if any(t.is_quote for t in between):
        return None
    opener_text = _CLOSING_MARKS[close.text]
    for k in range(close.i - 1, -1, -1):
        if doc[k].text == opener_text or opener_text == "''" and doc[k].text == "``":
            content = list(doc[k : close.i + 1])
            if not any(t.is_alpha for t in content):
                return None
            ids = {t.i for t in between}
            heads = [t for t in between if t.head.i not in ids and t.pos_ in (
                "PROPN", "NOUN", "PRON")]
            return content, speaker_from(heads[0]) if heads else None
        if doc[k].text in _CLOSING_MARKS and doc[k].text != "’":
            return None
    return None


def colon_after(verb: Token, sent: SpacySpan) -> Token | None:
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


_NAMED = frozenset(("PERSON", "ORG", "GPE", "NORP"))


def _name_before(verb: Token) -> Speaker | None:
    """A named speaker right before a speech verb the parser left without a subject: after
    a long fronted phrase it may hang the name on that phrase ("Tuesday, while on the trail
    for his wife Hillary Clinton, former president Bill Clinton said X": an apposition)."""
    if verb.i == 0:
        return None
    name = verb.doc[verb.i - 1]
    if name.text == "," and verb.i > 1 and _after_its_clause(verb):
        # "Among them are 12 wounded men, the head of the headquarters, Mirela Kostan, told
        # TPR": the parse hangs the speaker on the clause's last noun, a comma before the verb
        name = verb.doc[verb.i - 2]
    # an apposition only: a conjunct ("Britain and France support") or the object of a
    # preposition ("the board of the Post Trump said") would give part of the speaker
    if name.pos_ != "PROPN" or name.ent_type_ not in _NAMED or name.dep_ != "appos":
        return None
    return speaker_from(name)


def _after_its_clause(verb: Token) -> bool:
    """The speech verb follows the clause it reports ("A, X told TPR"): a ccomp before it,
    or the clause itself, which the parse may hang the verb on (:func:`_hung_on_its_clause`)."""
    return any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children) \
        or _hung_on_its_clause(verb)


def _hung_on_its_clause(verb: Token) -> bool:
    """"At least 600 people are still there, the mayor of Aldra, Rosa Tavish, said on
    Thursday": a finite speech verb after a comma, without a subject or words of its own to
    its right, that the parse hangs on the clause before it as an adverbial or a conjunct
    (the speaker taken for an apposition inside that clause). A participle ("left, saying
    nothing") is the subject's own act; a conjunction before the verb ("arrived, and said")
    makes a real second verb of the subject's."""
    head = verb.head
    if verb.dep_ not in ("advcl", "conj") or head.i >= verb.i or verb.tag_ != "VBD" \
            or verb.i < 2 or verb.doc[verb.i - 1].text != ",":
        return False
    if verb.dep_ == "conj" and any(t.dep_ == "cc" and t.head.i in (head.i, verb.i)
                                   for t in verb.doc[head.i + 1 : verb.i]):
        return False
    if any(c.dep_ in _OWN_WORDS for c in verb.rights) or any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    name = verb.doc[verb.i - 2]  # the speaker, an apposition right before the comma
    return name.pos_ == "PROPN" and name.ent_type_ in _NAMED and name.dep_ == "appos"


# Dependents that are a speech verb's own words to its right.
_OWN_WORDS = frozenset(["dobj", "ccomp", "xcomp", "attr", "oprd"])


def _without_speaker(content: list[Token], speaker: Speaker) -> list[Token]:
    """The content without the apposition the parse hung the speaker on ("..., the head of
    the headquarters, Mirela Kostan,"): from the outermost apposition holding the speaker's
    name to the comma before the verb."""
    outer = speaker.head
    while outer.head.dep_ == "appos" and outer.head.i != outer.i:
        outer = outer.head
    ids = {t.i for t in content}
    if outer.i not in ids:
        return content
    start = outer.left_edge.i
    while start > 0 and start - 1 in ids and content[0].doc[start - 1].text == ",":
        start -= 1
    return [t for t in content if t.i < start]


def _makes_the_document_it_describes(verb: Token) -> bool:
    """"according to a statement the carrier posted on X, formerly Twitter": a relative
    clause on a medium noun whose subject is its own (the statement is the clause's object)
    tells who made the statement and where, not anything it says (the cue had "Twitter" for
    content); "a statement, which said that ..." still reports what the statement says."""
    if verb.dep_ != "relcl" or verb.head.lemma_.lower() not in lex.MEDIUM_NOUNS:
        return False
    if any(c.dep_ == "ccomp" for c in verb.children):
        return False
    return any(c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in verb.children)


def _cites_a_source(verb: Token) -> bool:
    """Whether "citing" names the source the main cue's words come through ("citing the
    NIS", which :func:`~.relations.via_chain` makes a chain of) rather than a reason, which
    is the speaker's own claim ("proposed a ban, citing fears of terrorism": on PolNeAR
    train the annotators give such a participle a relation of its own)."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "pobj")]
    return bool(objects) and source_like(objects[0])


def verb_attribution(verb: Token, entry: lex.CueEntry, offset: int) -> Attribution | None:
    doc = verb.doc
    if verb.lemma_ == "cite" and (
            verb.dep_ in ("advcl", "xcomp", "conj", "prep") and lex.verb_cue(verb.head.lemma_)
            and _cites_a_source(verb)
            or verb.dep_ == "acl" and verb.head.dep_ in ("nsubj", "nsubjpass")
            and lex.verb_cue(verb.head.head.lemma_) and _cites_a_source(verb)
            or verb.dep_ == "relcl" and relay_chain(verb.head)):
        # "Yonhap, citing the NIS, reported", "State broadcaster MTV, citing the interior
        # ministry, said", "according to ORNA, which cited the ministry": the chain is on
        # the main cue
        return None
    if _makes_the_document_it_describes(verb):
        return None
    if verb.lemma_ in lex.SEEM_VERBS:
        return _seeming(verb, entry, offset)
    subject, passive = subject_of(verb)
    if subject is not None and addressed_class(subject.head):
        return None
    named_before = None
    if entry.kind == "speech" and (subject is None and not passive
                                   or _hung_on_its_clause(verb)):
        # a conjunct borrows the clause's subject: the name before it is the speaker
        subject = named_before = _name_before(verb)
    kind = "indirect"
    prep = None
    if entry.kind == "learned":  # known from the fitted frames only: their content alone
        content, prep = learned_content(verb)
    else:
        content = clause_content(verb)
        if not content:
            content = _past_introduction(_inverted_content(verb), verb)
        if not content and verb.lemma_ in ("quote",):
            return _quoted_as_saying(verb, offset)
        if not content:
            content = object_content(verb, entry)
        if not content:
            content, prep = learned_content(verb)
    if named_before is not None and content:
        content = _without_speaker(content, named_before)
    colon = None
    if not content and entry.kind == "speech":
        colon = colon_after(verb, verb.sent)
        if colon is not None:
            rest = list(doc[colon.i + 1 : verb.sent.end])
            if not rest or all(t.is_punct or t.is_space for t in rest):
                # placeholder content (the cue itself) until the next paragraph fills it
                att = make(doc, offset, [verb], cue_tokens(verb), entry.lemma, entry.stance,
                            subject, "direct")
                if att is not None:
                    att.pending_colon = True
                    att.content = (colon.idx + offset + 1, colon.idx + offset + 1)
                return att
            content = rest
            kind = "direct"
    if entry.kind == "speech" and (not content or subject is None):
        # “A?” Trump said. / ''A,'' Name, a title, said: the quotation just before the speaker
        quoted = _preceding_quote(verb)
        if quoted is not None:
            if not content or max(t.i for t in content) > quoted[0][-1].i:
                content = quoted[0]  # (a parse that ran the speaker into the quote)
            subject = subject or quoted[1]
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
    stance = stance_of(entry, content, subject, passive, verb)
    via = via_chain(verb, subject)
    if via:
        inner_name, inner_tok = via[-1]
        subject = Speaker([inner_tok], inner_name, inner_tok.ent_type_ or None, False, inner_tok)
    else:  # the subject keeps its phrase: the outlet told is only the channel
        via = told_chain(verb, subject)
    content = prune_content(content, verb)
    cue = cue_tokens(verb)
    if prep is not None and cue[1] < prep.i <= cue[1] + 2:
        cue = (cue[0], prep.i)  # "railed against": the preposition belongs to the cue
    return make(doc, offset, content, cue, entry.lemma, stance, subject, kind, via)


def deal_reached(verb: Token) -> bool:
    """"Rovers have agreed a fee", "agreed personal terms": a verb of agreeing with a plain
    object and no clause tells a deal reached, not words said ("agreed that ..." does)."""
    if verb.lemma_.lower() not in lex.DEAL_VERBS or clause_content(verb):
        return False
    objects = after(verb, ("dobj",))
    return bool(objects) and not any(t.text in QUOTE_CHARS for t in objects[0].subtree)


_REASON_MARKS = frozenset(words("because since although though while unless as if"))


def _after_comma(doc: Doc, i: int) -> bool:
    """Whether token ``i`` follows a comma, possibly with a closing quotation mark between."""
    j = i - 1
    if j > 0 and doc[j].is_quote:
        j -= 1
    return j >= 0 and doc[j].text == ","


def _conjunct_start(conj: Token, ids: set[int]) -> int:
    """Where a conjunct begins, with the "and" or comma before it (when they are in ``ids``)."""
    doc = conj.doc
    start = conj.left_edge.i
    while start - 1 in ids and doc[start - 1].dep_ in ("cc", "punct"):
        start -= 1
    return start


# Subordinators that set a second statement against the first ("X said A, while Y said B").
_CONTRAST_MARKS = frozenset(words("while whereas"))


def _contrasted_statement(clause: Token, content_ids: set[int]) -> bool:
    """True when ``clause`` is another speaker's statement the parser hung inside a content
    as a contrasting adverbial clause: a cue verb ("said", "put the turnout at 180,000")
    with its own subject, introduced by "while" or "whereas"."""
    return (clause.dep_ == "advcl" and clause.head.i in content_ids
            and any(c.dep_ in SUBJECT_DEPS for c in clause.children)
            and any(c.dep_ == "mark" and c.lower_ in _CONTRAST_MARKS for c in clause.children)
            and (lex.verb_cue(clause.lemma_) is not None or figure_cue(clause) is not None))


def prune_content(content: list[Token], verb: Token) -> list[Token]:
    """Fit the content to what the cue governs.

    - A second reporting verb conjoined inside the content ("said [A] and predicted B") is
      a separate statement the parser attached too low: cut it and what follows.
    - A predicate conjoined to the cue itself ("published a report and sent copies to
      Congress", "published X, and lawyers released it") is what the speaker did next, not
      what was said: cut it and what follows.
    - A trailing non-restrictive phrase (", which ...", ", a longtime ...") on a noun-phrase
      or infinitive content describes the object, it is not part of what was said.
    - Another speaker's statement set against this one ("..., while the union said B") is
      that speaker's: cut it and what follows.
    - A reason clause the parser hung on the cue ("said X because Y") belongs to the content
      when the content follows the cue.
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
            start = _conjunct_start(t, ids)
            cut = start if cut is None else min(cut, start)
        elif _contrasted_statement(t, ids):
            # "said A, while the union said B": B is the union's, set against A
            start = t.left_edge.i
            start -= 1 if start - 1 in ids and doc[start - 1].is_punct else 0
            cut = start if cut is None else min(cut, start)
        elif t.dep_ in ("advcl", "xcomp", "conj") and t.tag_ == "VBG" and t.i - 1 in ids \
                and _after_comma(doc, t.i) and lex.verb_cue(t.lemma_) and t.i > verb.i:
            # "said A, telling reporters that B" / "said “A,” promising B": the participle
            # is a second statement
            cut = t.i - 1 if cut is None else min(cut, t.i - 1)
    for t in verb.children:
        if t.dep_ == "conj" and t.i > verb.i and t.i in ids:
            start = _conjunct_start(t, ids)
            cut = start if cut is None else min(cut, start)
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
    elif min(t.i for t in content) > verb.i:
        # (a content before the cue, "X, the agency said, as Y", would swallow the cue)
        last = max(t.i for t in content)
        for adv in verb.children:
            if adv.dep_ == "advcl" and adv.i > last and not lex.verb_cue(adv.lemma_) and any(
                m.dep_ == "mark" and m.lower_ in _REASON_MARKS for m in adv.children
            ):
                content = content + list(adv.subtree)
    return content


def _seeming(verb: Token, entry: lex.CueEntry, offset: int) -> Attribution | None:
    """"The court seemed to send a signal": a hedged impression with no named source."""
    # "seemed to send", and the copula's complements: "New Hampshire seems stable", "the
    # team appeared paralyzed" (the subject is what the impression is of, not a speaker)
    xcomps = after(verb, ("xcomp", "ccomp", "acomp", "attr", "oprd"))
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i
                and c.tag_ != "EX"]
    if not xcomps or not subjects:
        return None
    if subjects[0].lower_ == "it":
        # "it appeared that Clinton had won": the clause is the impression; "it may seem
        # easy to laugh off": the adjective with the clause it extraposes
        content = [t for x in xcomps for t in x.subtree]
    else:
        content = list(subjects[0].subtree) + [verb] + list(xcomps[0].subtree)
    return make(verb.doc, offset, content, cue_tokens(verb), entry.lemma, "hedged", None,
                 "indirect")


def _quoted_as_saying(verb: Token, offset: int) -> Attribution | None:
    """"Reuters quoted a spokesman as saying X": the spokesman speaks, via Reuters."""
    objs = after(verb, ("dobj",))
    for prep in after(verb, ("prep",)):
        if prep.lower_ != "as":
            continue
        for pcomp in prep.children:
            if pcomp.lemma_ == "say":
                content = clause_content(pcomp) or object_content(
                    pcomp, lex.CueEntry("say", "stated", "speech"))
                if not content or not objs:
                    return None
                outer, _ = subject_of(verb)
                speaker = speaker_from(objs[0])
                via = [(outer.name, outer.head)] if outer else []
                via.append((speaker.name, speaker.head))
                return make(verb.doc, offset, content, (verb.i, pcomp.i), "quote", "stated",
                             speaker, "indirect", via)
    return None


def revision_attribution(verb: Token, offset: int) -> Attribution | None:
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
    subject, passive = subject_of(verb)
    if subject is None:
        return None
    owned = any(c.dep_ == "poss" for c in obj.children)
    head = subject.head
    if not (owned or subject.pronoun or head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
            or head.lemma_.lower() in AGENT_NOUNS or head.lower_ in RELATIVE_PRONOUNS):
        return None
    content = list(obj.subtree)
    for child in verb.rights:
        if child.dep_ == "prep" and child.lower_ in lex.REVISION_PREPOSITIONS or (
                child.dep_ in ("advmod", "prt") and child.lower_ in lex.REVISION_ADVERBS):
            content.extend(child.subtree)
    via = via_chain(verb, subject)
    if via:
        inner_name, inner_tok = via[-1]
        subject = Speaker([inner_tok], inner_name, inner_tok.ent_type_ or None, False, inner_tok)
    att = make(verb.doc, offset, content, cue_tokens(verb), entry.lemma, entry.stance,
               subject, "indirect", via)
    if att is not None:  # both figures stay in the content, whatever its usual bounds
        att.fixed = True
    return att
