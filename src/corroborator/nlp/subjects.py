"""Speakers on the parse: the subject of a cue, its phrase and the best name for it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..people_nouns import counts_people
from . import cues as lex
from .cues import words
from .speakers import GROUP_NOUNS, TITLES
from .tokenspans import subtree

if TYPE_CHECKING:
    from spacy.tokens import Token


SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
RELATIVE_PRONOUNS = frozenset(["who", "which", "that", "whom"])
# Endings of role words that are titles too: "spokeswoman", "chairperson".
_TITLE_ENDINGS = ("man", "woman", "person")
PRONOUNS = frozenset(["i", "you", "he", "she", "it", "we", "they", "me", "him", "her", "us", "them", "one"])


def _phrase(head: Token) -> list[Token]:
    """The speaker phrase: the subtree, with the relative clauses and appositions that
    describe the speaker ("Scott Reed, who managed Dole's campaign," is the source in
    PolNeAR's convention), but without a clause holding a cue of its own."""
    drop = tuple(c for c in head.children if c.dep_ in ("relcl", "acl") and c.i > head.i
                 and any(lex.verb_cue(t.lemma_) for t in c.subtree if t.pos_ == "VERB"))
    tokens = subtree(head, drop)
    # keep the phrase contiguous up to the first dropped clause
    if drop:
        cut = min(d.left_edge.i for d in drop)
        tokens = [t for t in tokens if t.i < cut]
    return tokens


def entity_at(token: Token) -> tuple[str, str] | None:
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
    start, end = within_phrase(token, start, end)
    return doc[start:end].text, token.ent_type_


def within_phrase(head: Token, start: int, end: int) -> tuple[int, int]:
    """An entity's token range cut to the phrase the parse gives ``head``: the recogniser may
    run one organisation across a comma ("war with Dravnia, Harbour News Agency reported")."""
    doc = head.doc
    start, end = max(start, head.left_edge.i), min(end, head.right_edge.i + 1)
    while start < head.i and doc[start].is_punct:
        start += 1
    return start, end


# Words that pick a part of a group: "nine of the economists", "most of the residents".
_PARTS = frozenset("""some most many several all both half none each few majority minority
    one two three four five six seven eight nine ten dozens hundreds thousands""".split())  # noqa: SIM905


def _group_of(head: Token) -> Token | None:
    """The group a partitive subject picks from ("Nine [of the 14 economists]"): the group
    is who speaks, not the number."""
    if head.pos_ != "NUM" and head.lower_ not in _PARTS:
        return None
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i > head.i:
            groups = [c for c in prep.children if c.dep_ == "pobj"]
            if groups:
                return groups[0]
    return None


def _body_named_with_and(head: Token) -> tuple[str, str] | None:
    """"Stonewick Fire and Rescue Service", "Parks and Wildlife Service": a body whose name
    joins two remits with "and". The recogniser splits such a name at "and" (often taking
    the first half for a person), and the parse makes the second half a conjunct of the
    first or the first a modifier of the second, so the speaker would be "Stonewick Fire" or
    "Wildlife Service". One capitalised name with one "and" that ends in a word for a body,
    and whose first half is no body of its own ("the Police Department and the Fire
    Service" are two), is one organisation."""
    if head.pos_ != "PROPN":
        return None
    conjuncts = [c for c in head.children if c.dep_ == "conj" and c.i > head.i]
    if len(conjuncts) == 1 and not any(c.dep_ in ("conj", "cc") for c in conjuncts[0].children):
        end = conjuncts[0].right_edge.i + 1  # the parse's "Fire" + conjunct "Service"
    elif not conjuncts and head.lower_ in GROUP_NOUNS:
        end = head.i + 1  # the parse's "Service" with modifiers "Parks and Wildlife"
    else:
        return None
    doc = head.doc
    start = head.left_edge.i + (doc[head.left_edge.i].lower_ == "the")
    links = [t.i for t in doc[start:end] if t.lower_ in ("and", "&")]
    if len(links) != 1 or not start < links[0] < end - 1:
        return None
    words = [t for t in doc[start:end] if t.i != links[0]]
    if not all(t.text[:1].isupper() and t.is_alpha for t in words) or \
            doc[end - 1].lower_ not in GROUP_NOUNS or \
            any(t.lower_ in GROUP_NOUNS for t in doc[start : links[0]]):
        return None
    return doc[start:end].text, "ORG"


def name_of(head: Token) -> tuple[str, str | None]:
    """The best name for a speaker phrase headed by ``head``: an entity if one covers it."""
    group = _group_of(head)
    if group is not None:
        return name_of(group)
    joined = _body_named_with_and(head)
    if joined is not None:
        return joined
    found = entity_at(head)
    if found:
        return found
    evidence = _evidence_source(head)
    if evidence is not None:
        return evidence
    employer = _employer(head)
    if employer is not None:
        # "Analysts at Hallbeck Securities": the plural alone could be anyone's analysts
        return f"{head.text} {employer}", None
    doc = head.doc
    # "the minister, Dana Holt,": the named apposition is the better name (not a
    # parenthesis: "(R-Ky.)")
    for child in head.children:
        if child.dep_ == "appos" and child.ent_type_ in ("PERSON", "ORG") and \
                child.left_edge.i > 0 and doc[child.left_edge.i - 1].text != "(":
            found = entity_at(child)
            if found:
                return found
    named = _full_name_in_apposition(head)
    if named is not None:
        return named
    titled = _titled_person(head)
    if titled is not None:
        return titled
    anonymous = _anonymous_with_description(head)
    if anonymous is not None:
        return anonymous, None
    # "Halvoria's Defence Ministry", "the state news agency", "the farmers' federation",
    # "the state prosecutor's office": possessor and modifiers (a possessive pronoun, "its
    # board", is no name); a plural possessor is taken alone, without its own possessor
    lefts = [c for c in head.lefts if c.dep_ in ("compound", "amod", "nmod")
             or c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")]
    start = min([head.i] + [c.i if c.dep_ == "poss" and c.tag_ == "NNS" else c.left_edge.i
                            for c in lefts])
    return doc[start : head.i + 1].text, None


# Nouns an unnamed source is called by, whose description after them is all that tells two
# such sources apart: "a person familiar with the inquiry", "a source close to the talks".
ANONYMOUS_NOUNS = frozenset(words(
    "person people source sources official officials insider insiders someone individual"))
# Participles that pass a source's words on rather than describe the source.
_RELAYING = frozenset(["quote", "cite"])
# The longest description kept after the noun, in tokens ("familiar with the inquiry").
_ANONYMOUS_DESCRIPTION_TOKENS = 7


def _anonymous_with_description(head: Token) -> str | None:
    """"A person familiar with the inquiry", "two people briefed on the talks", "an official
    with knowledge of the plan": an unnamed source with what the report says of it, since
    "person" alone would make every anonymous source of a story look like one. None for a
    bare noun or one whose description is no adjective, participle or "with" phrase."""
    if head.lower_ not in ANONYMOUS_NOUNS:
        return None
    doc = head.doc
    after = doc[head.i + 1] if head.i + 1 < len(doc) else None
    describes = after is not None and after.head == head and (
        after.dep_ == "amod" and after.pos_ == "ADJ"
        # "an official quoted by Radio Lorvana" names a chain, which the caller reads
        or after.dep_ == "acl" and after.tag_ == "VBN" and after.lemma_ not in _RELAYING
        or after.dep_ == "prep" and after.lower_ == "with")
    if after is None or not describes:
        return None
    end = after.right_edge.i
    if end == after.i or end - head.i > _ANONYMOUS_DESCRIPTION_TOKENS:
        return None  # "sources close": no description of whom they are close to
    lefts = [c for c in head.lefts if c.dep_ in ("compound", "amod")]
    start = min([head.i] + [c.left_edge.i for c in lefts])
    return doc[start : end + 1].text


def _full_name_in_apposition(head: Token) -> tuple[str, str] | None:
    """"its chief operating officer, Hanna Veldt,": a role's apposition written as a full
    proper name is the person holding it, whatever label the recogniser gave the name (it
    took "Hanna Veldt" for a nationality). A role is a title, or a singular noun for a person
    ("the Alliance's chief observer, Hanna Mikkel,")."""
    if head.lower_ not in TITLES and not (head.tag_ == "NN" and counts_people(head.lower_)):
        return None
    doc = head.doc
    for child in head.children:
        if child.dep_ != "appos" or child.i < head.i:
            continue
        name = doc[child.left_edge.i : child.right_edge.i + 1]
        if len(name) >= 2 and all(t.pos_ == "PROPN" and t.is_title for t in name):
            return name.text, "PERSON"
    return None


# Verbs of wanting: their participle after a noun picks out people by what they want.
_WANTING_VERBS = frozenset(words("seek want wish hope need"))


def wanting(verb: Token) -> bool:
    """A participle of wanting that tells who its noun is ("relatives seeking information",
    "passengers wanting a refund"), not what anyone thinks."""
    return verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.lemma_ in _WANTING_VERBS


def wanting_relative(verb: Token) -> bool:
    """A relative clause of wanting that tells who its noun is ("volunteers who want to help
    can register", "those who wish to comment"): a description, not an attribution."""
    return verb.dep_ == "relcl" and verb.lemma_ in _WANTING_VERBS and _relative_subject(verb)


def describing_relative(verb: Token) -> bool:
    """A relative clause that tells who its noun is by what they want or how they are
    ("volunteers who want to help can register", "owners who are unsure whether their car
    is affected can check online"): a description, not an attribution."""
    if wanting_relative(verb):
        return True
    return verb.dep_ == "relcl" and verb.lemma_ == "be" and _relative_subject(verb) and any(
        c.dep_ == "acomp" for c in verb.children)


def _relative_subject(verb: Token) -> bool:
    return any(c.dep_ == "nsubj" and c.lower_ in ("who", "that") for c in verb.children)


def addressed_class(subject: Token) -> bool:
    """"Relatives seeking information can call our emergency line": people picked out by
    what they want are whom a notice addresses, not a source of what follows."""
    return any(wanting(c) for c in subject.rights)


# Nouns for records that "show" something: alone they say nothing of whose records they are.
_EVIDENCE_NOUNS = frozenset(
    """data figures records footage recordings logs documents readings statistics
    images pictures photos photographs measurements estimate estimates count tally
    """.split()  # noqa: SIM905
)
# Participles that say who made the records: "satellite images analysed by the Orbital Watch
# Institute", "data compiled by the ministry"
_MADE_BY = frozenset(words("""analysed analyzed compiled collected gathered published released
    produced taken processed reviewed"""))


def _evidence_source(head: Token) -> tuple[str, str | None] | None:
    """"Data from the train's event recorder show ...": the records with where they come
    from, since "Data" alone names no one; records from or by a named body, or of its own,
    are that body's ("figures from the Health Ministry" are the Health Ministry's, "an
    estimate by the electoral commission" and "the commission's figures" the commission's).
    None for any other phrase."""
    if head.lower_ not in _EVIDENCE_NOUNS:
        return None
    # "the commission's figures", "Ostmark's estimate": the body that owns them
    for owner in head.lefts:
        if owner.dep_ == "poss" and owner.pos_ in ("PROPN", "NOUN"):
            named = entity_at(owner)
            if named is not None and named[1] in ("ORG", "GPE", "NORP", "PERSON"):
                return named[0].removesuffix("'s").removesuffix("’s"), named[1]
            return " ".join(t.text for t in owner.subtree if t.dep_ != "case"), None
    for prep in head.rights:
        # "figures from the Health Ministry", "an estimate by the electoral commission"
        if prep.dep_ == "prep" and prep.lower_ in ("from", "by") and prep.i == head.i + 1:
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            named = entity_at(objects[0]) if objects else None
            if named is not None and named[1] in ("ORG", "GPE", "NORP", "PERSON"):
                return named
            return head.doc[head.i : prep.right_edge.i + 1].text, None
        # "images analysed by the Orbital Watch Institute": the body that made the records
        if prep.dep_ == "acl" and prep.lower_ in _MADE_BY and prep.i == head.i + 1:
            maker = _agent_named(prep)
            if maker is not None:
                return maker
    return None


def _agent_named(participle: Token) -> tuple[str, str] | None:
    """The named body or person of a participle's "by" phrase ("analysed by the Orbital
    Watch Institute"), if one."""
    for agent in participle.children:
        if agent.dep_ != "agent":
            continue
        for obj in agent.children:
            named = entity_at(obj) if obj.dep_ == "pobj" else None
            if named is not None and named[1] in ("ORG", "GPE", "NORP", "PERSON"):
                return named
    return None


def _employer(head: Token) -> str | None:
    """"at Hallbeck Securities" in "analysts at Hallbeck Securities", "from the Kelvar
    Institute" in "researchers from ...": the organisation a plural of people speak for,
    with its preposition; None for any other phrase."""
    if head.tag_ != "NNS" or head.ent_type_:
        return None
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("at", "from", "with", "of") \
                or prep.i != head.i + 1:
            continue
        for obj in prep.children:
            found = entity_at(obj) if obj.dep_ == "pobj" else None
            if found and found[1] == "ORG":
                return f"{prep.text} {found[0]}"
    return None


def _titled_person(head: Token) -> tuple[str, str] | None:
    """The person named right after a title in a phrase the parse heads with an organisation:
    in "said Norvik Lines chief executive Ana Ruiz" the parse may make "Lines" the subject and
    the person its dependent; the firm only says whose chief executive speaks."""
    doc = head.doc
    for child in head.rights:
        if child.ent_type_ != "PERSON":
            continue
        start = child.i
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        between = doc[head.i + 1 : start]
        if len(between) and all(t.is_lower and t.is_alpha for t in between) and (
                between[-1].lower_ in TITLES or between[-1].lower_.endswith(_TITLE_ENDINGS)):
            return entity_at(child)
    return None


@dataclass
class Speaker:
    tokens: list[Token]
    name: str
    label: str | None
    pronoun: bool
    head: Token


def _person_described(noun: Token) -> Token:
    """The person a "who" clause is about when the parser hangs it off the last noun of the
    person's description: "Ola Brekke, chief economist at Nordvik Bank, who expects ..." is
    Brekke, not the bank."""
    if noun.ent_type_ == "PERSON":
        return noun
    node = noun
    for _ in range(4):
        if node.dep_ in ("pobj", "appos", "compound") or node.dep_ == "prep":
            node = node.head
            if node.ent_type_ == "PERSON":
                return node
        else:
            break
    return noun


def speaker_from(head: Token) -> Speaker:
    if head.lower_ in RELATIVE_PRONOUNS and head.head.dep_ in ("relcl", "acl"):
        antecedent = head.head.head
        if head.lower_ in ("who", "whom"):
            antecedent = _person_described(antecedent)
        name, label = name_of(antecedent)
        return Speaker([head], name, label, False, antecedent)
    if head.tag_ in ("PRP", "PRP$"):
        return Speaker([head], head.text, None, head.lower_ in PRONOUNS or head.tag_ == "PRP$",
                        head)
    if head.dep_ == "poss":
        # "Donald Trump's claim": the whole possessor phrase, with its marker, is the source
        name, label = name_of(head)
        return Speaker(list(head.subtree), name, label, False, head)
    name, label = name_of(head)
    return Speaker(_phrase(head), name, label, False, head)


DASHES = frozenset(("—", "–", "--", "-"))


def _after_dateline(subject: Token, verb: Token) -> Token:
    """"KESTREL BAY, March 6 (Agency) — Minister X revealed": the parser takes the dateline
    for the subject; the speaker is the noun phrase between the dash and the verb."""
    if subject.i >= verb.i:
        return subject
    doc = verb.doc
    # a dateline dash stands apart ("BAY — Minister"); a hyphen does not ("(R-Ky.)")
    dashes = [t for t in doc[subject.i : verb.i] if t.text in DASHES and t.i > 0
              and t.whitespace_ and doc[t.i - 1].whitespace_]
    if not dashes:
        return subject
    start = dashes[-1].i + 1
    span = range(start, verb.i)
    heads = [t for t in doc[start : verb.i] if t.pos_ in ("PROPN", "NOUN", "PRON")
             and t.head.i not in span]
    return heads[-1] if heads else subject


def stranded_subject(verb: Token) -> Token | None:
    """"CLAUSE ending in a noun, the intelligence service told lawmakers": the parser may take
    the speaker for a conjunct of the clause's last noun ("Dravnia, the service") and the cue
    for a conjunct of the clause. A list joined by a comma alone, right before a cue with no
    subject, whose own clause is no cue, is such a stranded speaker."""
    head = verb.head
    if verb.dep_ != "conj" or head.i >= verb.i or not lex.verb_cue(verb.lemma_) or \
            lex.verb_cue(head.lemma_):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    doc = verb.doc
    noun = next((t for t in doc[head.i + 1 : verb.i] if t.dep_ == "conj"
                 and t.pos_ in ("PROPN", "NOUN") and t.right_edge.i == verb.i - 1), None)
    if noun is None or noun.head.i >= noun.left_edge.i or noun.left_edge.i == 0:
        return None
    if doc[noun.left_edge.i - 1].text != "," or noun.head.pos_ not in ("PROPN", "NOUN"):
        return None
    if any(c.dep_ == "cc" for c in noun.head.children) or head not in noun.head.ancestors:
        return None  # "Britain, France and Germany said": a real list
    return noun


def misattached_subject(verb: Token) -> Token | None:
    """"Friday at the convention Gov. Arno Pell said that ...", "The port will stay shut,
    said a spokesman for the authority, Ilse Brandt, who ...": a speech verb reporting a
    clause, with no subject of its own because the parser hung the name beside it on another
    word (the fronted phrase, a relative clause after it). The noun phrase that ends right
    before the verb, or, when the reported clause comes first, the one that starts right
    after it, speaks when it can be a source."""
    entry = lex.verb_cue(verb.lemma_)
    if entry is None or entry.kind != "speech" or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    # a conjunct or a subordinate verb may share a subject ("X met Y and said ..."): only
    # the main verb of a sentence is sure to need one of its own
    if verb.dep_ not in ("ROOT", "parataxis", "dep") or any(
            c.dep_ in _NO_MISSING_SUBJECT for c in verb.children):
        return None
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if not clauses:
        return None
    doc, sent = verb.doc, verb.sent
    if clauses[0].i > verb.i:
        edge = verb.i - 1
        while edge > sent.start and doc[edge].text in (",", ")"):
            if doc[edge].text == ")":  # "(D-Mass.)"
                edge = next((t.i for t in reversed(doc[sent.start : edge]) if t.text == "("),
                            sent.start)
            edge -= 1
        if edge < sent.start:
            return None
        noun = doc[edge]
        # "Sen. Elizabeth Warren", "Senator Harry Reid, the minority leader": the name the
        # last word or an apposition describing it belongs to
        while noun.head.i < noun.i and (noun.dep_ == "compound" or
                                        noun.dep_ == "appos" and noun.pos_ != "PROPN"):
            noun = noun.head
        reported = [c for c in clauses if c.i > verb.i]
    elif verb.i + 1 < sent.end and all(c.i < verb.i for c in clauses):
        starts = [t for t in sent if t.left_edge.i == verb.i + 1 and t.i > verb.i
                  and t.pos_ in ("PROPN", "NOUN")]
        noun = max(starts, key=lambda t: t.right_edge.i) if starts else doc[verb.i + 1]
        reported = [c for c in clauses if c.i < verb.i]
    else:
        return None
    if noun.pos_ not in ("PROPN", "NOUN") or not source_like(noun):
        return None
    # the verb's own object is whom it was told to ("..., Kostan told the radio"), not who
    # told it
    if noun.head.i == verb.i or noun in verb.ancestors or noun.i in {
            t.i for c in reported for t in c.subtree}:
        return None
    return noun


def _after_other_names(speaker: Speaker) -> Speaker:
    """The parse that hung a speaker on the wrong word may also have glued the end of the
    phrase before it to the speaker ("in an interview with the Washington Post Trump said",
    "the minimum $20 million experts say it costs"): the speaker starts after the last word
    of another name or figure before its head."""
    head = speaker.head
    own = next((e for e in head.doc.ents if e.start <= head.i < e.end), None)
    others = [t.i for t in speaker.tokens if t.i < head.i and t.ent_type_
              and not (own is not None and own.start <= t.i < own.end)]
    if others:
        return replace(speaker, tokens=[t for t in speaker.tokens if t.i > max(others)])
    start = _name_used_alone(speaker)
    if start is None:
        return speaker
    return replace(speaker, tokens=[t for t in speaker.tokens if t.i >= start])


def _name_used_alone(speaker: Speaker) -> int | None:
    """Where the name ends a phrase the recogniser also read as one name ("the Washington
    Post Trump"): a person's name takes no article, so a phrase opening with one that ends
    in proper nouns, the last of which the text names elsewhere on their own, is the
    end of another name glued to the speaker's."""
    head, tokens = speaker.head, speaker.tokens
    if head.pos_ != "PROPN" or not tokens or tokens[0].dep_ != "det":
        return None
    doc = head.doc
    elsewhere = {e.text for e in doc.ents if e.end <= tokens[0].i or e.start > head.i}
    start = head.i
    while start - 1 > tokens[0].i and doc[start - 1].pos_ == "PROPN":
        start -= 1
    for k in range(start + 1, head.i + 1):
        if doc[k : head.i + 1].text in elsewhere:
            return k
    return None


# A verb with any of these has its subject, or is passive, or is no finite report.
_NO_MISSING_SUBJECT = frozenset(["nsubj", "nsubjpass", "expl", "csubj", "csubjpass", "agent",
                                 "auxpass"])


# Entity types of a deadline, which the parse may read as a passive's agent: "a decision is
# expected by March" names no one who expects it.
_TIME_ENTITIES = frozenset(["DATE", "TIME"])


def subject_of(verb: Token, depth: int = 0) -> tuple[Speaker | None, bool]:
    """The speaker of ``verb`` and whether the verb is an agentless passive."""
    # "it seems that", "there is": no speaker; with two subjects (one inside a quotation the
    # parser misread) the one next to the verb speaks
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.tag_ != "EX"
                and not (c.lower_ == "it" and verb.lemma_ in lex.SEEM_VERBS)]
    if subjects:
        nearest = min(subjects, key=lambda c: abs(c.i - verb.i))
        return speaker_from(_after_dateline(nearest, verb)), False
    stranded = stranded_subject(verb)
    if stranded is not None:
        return speaker_from(stranded), False
    misattached = misattached_subject(verb)
    if misattached is not None:
        return _after_other_names(speaker_from(misattached)), False
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    if not passive:
        # a surname the tagger took for another word ("Jolly said", "Young said")
        for child in verb.lefts:
            if child.dep_ in ("advmod", "npadvmod", "dep", "nmod", "amod", "intj") and \
                    child.text[:1].isupper() and child.is_alpha and child.i == verb.i - 1 and (
                    child.i == child.sent.start or child.pos_ == "PROPN"):
                return speaker_from(child), False
    participle = verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children)
    if passive or participle or any(c.dep_ == "auxpass" for c in verb.children):
        for child in verb.children:
            if child.dep_ == "agent":
                objs = [g for g in child.children if g.dep_ == "pobj"
                        and g.ent_type_ not in _TIME_ENTITIES]
                if objs:
                    return speaker_from(objs[0]), False
        return None, True
    # shared subjects: "X said A and added B" (conj), "X left, saying B" (participle),
    # "X wants to explain B" (control); a clause hanging off a noun has no such subject
    head = verb.head
    if verb.dep_ == "conj" and head.dep_ == "ccomp" and verb.tag_ in ("VBD", "VBZ") and \
            lex.verb_cue(head.head.lemma_) and head.head.i < head.i:
        # "The ministry denied that X and called Y": "called" shares the subject of
        # "denied", the parser just attached it inside the complement
        head = head.head
    if verb.dep_ == "conj" and head.dep_ == "relcl" and verb.tag_ in ("VBD", "VBZ"):
        # "Brekke described it as the worst the region had suffered and said X": "said"
        # shares the subject of "described", the parser attached it to the relative clause
        outer = _verb_governing(head.head)
        if outer is not None and lex.verb_cue(outer.lemma_) and outer.i < head.i:
            head = outer
    if verb.dep_ == "conj" and _quoted(head) and not _quoted(verb):
        # 'Oduya said Norvex was "shipping every wafer we can make" and confirmed X': the
        # parse joined "confirmed" to a verb inside the quotation; the narrator's verb
        # shares the subject of the cue the quotation belongs to
        outer = next((a for a in head.ancestors if a.i < verb.i and not _quoted(a)
                      and a.pos_ in ("VERB", "AUX") and lex.verb_cue(a.lemma_)), None)
        if outer is not None:
            return subject_of(outer, depth + 1)
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and head.dep_ == "ccomp" and \
            head.head.i < verb.i and lex.verb_cue(verb.lemma_) and lex.verb_cue(head.head.lemma_):
        # "The minister said the talks had failed, adding that ...": a reporting participle
        # the parser hangs on the reported clause goes on with the report, so it is the
        # reporting verb's subject that adds, not the clause's ("talks")
        head = head.head
    if verb.dep_ == "pcomp" and head.pos_ == "ADP" and head.dep_ == "prep":
        # "after writing X", "by attacking Y": the subject of the verb the phrase modifies
        head = head.head
    infinitive = verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to"
                                           for c in verb.children)
    if depth < 3 and head.i != verb.i and head.pos_ in ("VERB", "AUX") and (
        verb.dep_ in ("xcomp", "conj")
        or verb.dep_ in ("advcl", "pcomp") and (verb.tag_ == "VBG" or infinitive)
    ):
        # (a past participle "Asked whether ..., Carson said" is passive: Carson is the one
        # asked, not the asker, so it does not share the subject)
        return subject_of(head, depth + 1)
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN") and \
            head.i < verb.i:
        # "a super PAC supporting Jeb Bush": the noun the participle describes acts
        return speaker_from(head), False
    return None, False


_DOUBLE_QUOTES = frozenset('"“”«»')


def _quoted(tok: Token) -> bool:
    """Whether ``tok`` sits inside double quotation marks in its sentence (an odd number of
    marks before it: straight marks open and close alike)."""
    sent = tok.sent
    return sum(t.text in _DOUBLE_QUOTES for t in tok.doc[sent.start : tok.i]) % 2 == 1


def _verb_governing(noun: Token) -> Token | None:
    """The verb whose object (or object of its preposition) ``noun`` is."""
    tok = noun
    for _ in range(3):
        if tok.dep_ not in ("dobj", "pobj", "prep", "attr") or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


# Subjects that can hold an estimate even without a name ("analysts cut their forecast").
AGENT_NOUNS = frozenset(words(
    "official officials spokesman spokeswoman spokesperson source sources police authorities "
    "authority ministry agency government commission analyst analysts economist economists "
    "expert experts bank department office army military command service committee council "
    "board institute fund organisation organization group company firm team forecaster "
    "forecasters statistician observatory monitor regulator minister president governor "
    "mayor chief director researcher researchers scientist scientists officer officers"))


SOURCE_NOUNS = frozenset(words(
    "official officials spokesman spokeswoman spokesperson source sources police "
    "authorities ministry agency government statement commission"))


def source_like(tok: Token) -> bool:
    """Whether a noun phrase head can be a source: a name, an institution or a document."""
    return (tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or tok.pos_ == "PROPN"
            or tok.lemma_.lower() in AGENT_NOUNS or tok.lemma_.lower() in SOURCE_NOUNS
            or lex.is_evidence_subject(tok.lemma_))
