"""Story-level speaker identity: who is speaking, across every article of one story.

The NLP stage normalises names inside one article; here the names of a whole story are merged
with the same rules (``corroborator.nlp.speakers``: surnames, acronyms, titles), plus what only
the story can tell:

- an acronym defined in any article ("the National Intelligence Service (NIS)") names the
  organisation in every article;
- a leading possessive is a qualifier, not part of the name ("Estmere's National Security
  Bureau" is the National Security Bureau);
- a bare role ("the minister", "the bureau", "a spokesman") is the one named speaker the
  story's texts give that role to ("Defence Minister Lena Vostrikova"), and stays unresolved
  when the story names two;
- a spokesperson introduced as speaking for an organisation speaks as that organisation;
- a claim without a speaker is attributed to its outlet;
- an all-capitals dateline ("KESTREL BAY, March 6 (Meridian) —") taken for a speaker is not one.

Unresolved speakers are never "the same" as anyone: the conflict rules need a known speaker, and
a guess would produce false conflicts.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..datelines import dateline_places
from ..nlp import speakers as spk
from ..nlp.cues import RECORD_NOUNS
from ..nlp.org_descriptions import COMPANY_NOUNS, firm_named_before, name_head
from ..nlp.subjects import ANONYMOUS_NOUNS
from ..records import Article, Claim
from ..reuse.normalize import split_sentences

OUTLET = "outlet"
NAMED = "named"
ROLE = "role"  # a description that could not be tied to one name

# Only an "'s" possessor is a qualifier: a bare apostrophe marks a plural inside the name
# itself ("Textile Workers’ Federation" had become "Federation").
# An irregular plural takes "'s" all the same: "Skerrin Fishermen's Association", "Women's
# Institute", "People's Party" are names, not a body qualified by its owner.
_POSSESSIVE_LEAD = re.compile(r"^(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*(?<!men)(?<![Pp]eople)"
                              r"(?<![Cc]hildren)(?:'s|’s)\s+(?=[A-Z])")
# A place's possessive before a body described in lower case: "Orlavia's defence ministry"
_OWNER_LEAD = re.compile(r"^(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*(?:'s|’s)\s+(?=[a-z])")
_SPOKES = re.compile(r"\bspokes(?:man|woman|person)\b", re.I)
# "Ministry of Defence" is the "defence ministry" a report writes with its owner's name
_BODY_OF = re.compile(r"^(ministry|department|office|bureau|secretariat)\s+of\s+(?:the\s+)?"
                      r"([a-z][a-z ]*)$")
_WORD = re.compile(r"[a-z]+")
_AFTER_CUE = re.compile(r"\b(?:according to|said|says|told|claimed|claims|reported|estimated|"
                        r"citing)\b", re.I)
_WINDOW_BEFORE = 60
_WINDOW_AFTER = 45


# what a body publishes and a report may then speak as: "the report said"
_DOCUMENTS = frozenset(["report", "statement", "study", "survey", "assessment", "analysis",
                        "bulletin", "review", "audit"])

# Bodies named by a head noun that is no word for an office or a firm: "the coast guard",
# "the fire brigade", "the aviation regulator". With a remit before it each is one body across
# the story, as "the interior ministry" is.
# ("coastguard" is the coast guard written as one word)
_BODY_NOUNS = spk.GROUP_NOUNS | frozenset(["guard", "coastguard", "brigade", "corps",
                                           "regulator", "watchdog"])

# roles that name one function or body: two different ones are different sources
_SPECIFIC_ROLES = (_BODY_NOUNS | spk.TITLES) - frozenset(
    ["officer", "official", "former", "acting", "deputy", "top", "senior", "state", "us",
     "u.s.", "independent", "democratic", "republican", "gop", "foreign", "group", "team",
     "spokesman", "spokeswoman", "spokesperson", "report", "statement", "document", "data",
     "analysis", "study", "survey", "poll", "research", "website", "site", "paper",
     "newspaper", "network", "station"])


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word


@dataclass(frozen=True, slots=True)
class Speaker:
    """A speaker as compared across a story: ``key`` is identity, ``label`` what readers see."""

    key: str
    label: str
    kind: str  # NAMED, OUTLET or ROLE
    # the spokesperson whose words were credited to the body they speak for: their remark
    # and the body's own statement are one source but not one utterance
    via: str | None = None

    @property
    def known(self) -> bool:
        return self.kind != ROLE


def _strip_qualifier(name: str, organisation: bool = False) -> str:
    """"Estmere's National Security Bureau" → "National Security Bureau"; "Velorian President
    Amara Kestin" → "Amara Kestin" (words before the last title are a description). In an
    organisation's name a title word before its last word is one of the name's own ("Global
    Health Alliance" is no "Alliance" described as global health); a person the tagger took
    for an organisation ("National Bank of Estmark Governor Pia Lund") keeps two words."""
    bare = _POSSESSIVE_LEAD.sub("", name.strip()) or name
    words = bare.split()
    titled = spk.last_title(words)
    # "Health Ministry", "Defence Ministry": the title word names the body's remit, and
    # dropping it would make every ministry one source
    names_a_body = bool(words) and words[-1].lower() in spk.GROUP_NOUNS
    ends_an_organisation = organisation and titled == len(words) - 2
    if titled is not None and not names_a_body and not ends_an_organisation \
            and words[titled + 1][:1].isupper():
        bare = " ".join(words[titled + 1 :])
    return bare


def _is_dateline(name: str, article: Article | None) -> bool:
    """Whether ``name`` is the place of a dateline opening a paragraph of ``article``
    ("KESTREL BAY, March 6 (Meridian) —"), which the parser took for a speaker."""
    return article is not None and name.strip() in dateline_places(article.text)


# Modifiers that place a body rather than name its remit: "the country's health ministry"
# is still the Health Ministry.
_PLACING_WORDS = frozenset(["the", "a", "an", "this", "that", "its", "their", "his", "her", "our",
                            "s", "country", "nation", "national", "state", "federal", "local",
                            "regional", "provincial", "city", "government", "new", "main"])


def _remit(words: Sequence[str]) -> list[str]:
    """The modifiers of a description (``words``, its head last) that name a remit."""
    return [w for w in words[:-1] if w not in _PLACING_WORDS]


def _remit_clash(words: Sequence[str], name: str) -> bool:
    """True when a description (``words``, its head last) of a body named by the same head
    has modifiers naming another remit: "the interior ministry" is not the Health Ministry,
    though both are "the ministry". (A person holding a role is not named by it: "the
    hospital's director" may be Dr. Ana Ruiz.)"""
    named = _WORD.findall(name.lower())
    if not words or not named or named[-1] != words[-1]:
        return False
    own = _remit(words)
    return bool(own) and not set(named) & set(own)


# Bodies a place has one of, named by the head noun alone: "police", "the regional police"
# and "local police" of one story are its police force (as "the coast guard" is one body),
# while "the ministry" alone could be any ministry.
_ONE_PER_PLACE = frozenset(["police"])


def _described_body(words: Sequence[str]) -> str | None:
    """A body described by its remit ("the interior ministry", "the coast guard"), which is
    one body across the story, as if named: its remit and head; none for "the ministry"
    alone, which could be any; a body a place has one of (``_ONE_PER_PLACE``) by its head."""
    if not words:
        return None
    own, head = _remit(words), words[-1]
    if own and head in _BODY_NOUNS and _singular(head) in _SPECIFIC_ROLES:
        return " ".join([*own, head])
    if not own and head in _ONE_PER_PLACE:
        return head
    return None


# People who speak for a body without being named: with a remit ("health officials") they
# are the story's one body of that remit.
_OFFICIALS = frozenset(["official", "officials", "authorities"])
# Words for officials a description opens with its remit ("Health officials", and a
# tabloid's "Health bosses", "police chiefs").
_OFFICIAL_WORDS = _OFFICIALS | {"bosses", "chiefs"}


# A spokesperson of a body the report names by its head noun alone, after naming it in full:
# "a spokesman for the ministry", "the ministry's spokeswoman"
_SPOKES_FOR_HEAD = re.compile(
    r"\bspokes(?:man|woman|person)\s+(?:for|of|at)\s+the\s+([a-z]+)\b"
    r"|\bthe\s+([a-z]+)(?:'s|’s)?\s+spokes(?:man|woman|person)\b")


# "a spokesman for Varkos Mining said": the words after "for" up to the clause's end
_SPOKES_FOR = re.compile(r"\bspokes(?:man|woman|person)\s+(?:for|of|at)\s+([^,;.]{1,60})")


# A spokesperson titled by the head noun of the body alone: "coastguard spokesman Emil
# Varga" in a story that names the Kaldoran Coastguard (the word before the head is kept to
# tell a name's last word, "Green Party spokesman", from a head noun alone)
_HEAD_SPOKES = re.compile(r"(?:^|(\S+)\s+)([A-Za-z]+)\s+spokes(?:man|woman|person)\b")
_SENTENCE_END = ('.', '!', '?', '."', '.”', '!”', '?”')


def _bodies_by_head(window: str, bodies: Sequence[str]) -> set[str]:
    """The one body of ``bodies`` whose head noun a spokesperson's title names ("a
    spokesman for the ministry", "coastguard spokesman Emil Varga" in a story with one
    ministry, one coastguard); none when two share it."""
    found: set[str] = set()
    heads = [m.group(1) or m.group(2) for m in _SPOKES_FOR_HEAD.finditer(window)]
    heads += [m.group(2).lower() for m in _HEAD_SPOKES.finditer(window)
              if not _name_word(m.group(1))]
    for head in heads:
        owners = {b for b in bodies if _WORD.findall(b.lower())[-1:] == [head]}
        if len(owners) == 1:
            found |= owners
    return found


def _firm_described(window: str) -> bool:
    """Whether a spokesperson's title names their body only as what kind of firm it is:
    "the company's spokeswoman", "a spokesman for the operator"."""
    heads = [m.group(1) or m.group(2) for m in _SPOKES_FOR_HEAD.finditer(window)]
    return any(head in COMPANY_NOUNS for head in heads)


def _name_word(word: str | None) -> bool:
    """Whether ``word``, just before a head noun, is part of a name ("Green" of "Green Party
    spokesman"): capitalised, and not the end of the sentence before."""
    return word is not None and word[:1].isupper() and not word.endswith(_SENTENCE_END)


def _sentence_window(text: str, start: int, end: int) -> str:
    """The words up to ``_WINDOW_BEFORE`` characters before and ``_WINDOW_AFTER`` after
    ``text[start:end]``, inside its sentence: the body named in the next sentence ("...,"
    coastguard spokesman Emil Varga said. The Maritime Safety Authority ...") is not the
    one the spokesperson speaks for."""
    low, high = max(0, start - _WINDOW_BEFORE), min(len(text), end + _WINDOW_AFTER)
    for sentence in split_sentences(text, low, high):
        if sentence.start <= start < sentence.end:
            return sentence.text
    return text[low:high]


def _last_word_names_it(words: Sequence[str]) -> bool:
    """Whether the last word of a name (``words``, as written) may stand for it, as a
    surname does: not the owner after "of" ("Civil Aviation Authority of Lorvana" is not
    "Lorvana", whose "Radio Lorvana, citing an airport official" gives it no role)."""
    return len(words) > 1 and "of" not in words[:-1]


def _role_words(name: str) -> list[str]:
    """The words of a role's name up to its noun, in lower case: an unnamed source keeps
    what the report says of it in its name ("person familiar with the inquiry", "official
    close to the police"), and that description names no role or body of its own."""
    words = name.split()
    for i, word in enumerate(words[:-1]):
        # a sentence may open with it ("Sources close to the player")
        if word.lower() in ANONYMOUS_NOUNS and words[i + 1][:1].islower():
            return _WORD.findall(" ".join(words[: i + 1]).lower())
    return _WORD.findall(name.lower())


def _names_a_body(name: str) -> bool:
    """Whether a name is a body's ("Health Ministry", "National Meteorological Service")."""
    words = _WORD.findall(name.lower())
    return bool(words) and words[-1] in _BODY_NOUNS


def _company_short_forms(claims: Sequence[Claim], raw: Mapping[str, str]) -> dict[str, str]:
    """A one-word name that begins exactly one organisation's name in the story stands for
    it ("Norvex" for "Norvex Semiconductor": a company named in full once, then short).
    People are left out (their short form is the surname, which the name rules handle), and
    so are places."""
    orgs = {raw[c.id] for c in claims if c.id in raw and c.speaker_type == "ORG"}
    # (a place is no short form either: "Washington" is not the Washington Post)
    others = {raw[c.id] for c in claims if c.id in raw and c.speaker_type not in (None, "ORG")}
    short_forms = {}
    for name in {n for n in raw.values() if " " not in n and n[:1].isupper()} - others:
        longer = [o for o in orgs if len(o.split()) > 1 and o.split()[0] == name]
        if len(longer) == 1 and not name.isupper():
            short_forms[name] = longer[0]
    return short_forms


# Words of an organisation's registered name after the name it goes by: the "Football Club"
# of "Kingsbridge Rovers Football Club", the "plc" of "Orvane plc".
_LEGAL_FORMS = frozenset(["football", "club", "fc", "afc", "plc", "ltd", "limited", "inc",
                          "llc", "corp", "corporation", "company", "co", "group", "sa", "ag",
                          "gmbh", "nv", "se"])

# Nouns that name who spoke without naming them ("Sources close to the player say",
# "Officials said"): capitalised only where they open a sentence, and no name there either.
# (Bodies such as "Police" are left as they are: the story names them one source.)
_UNNAMED_SOURCES = frozenset(["source", "sources", "insider", "insiders", "analyst",
                              "analysts", "expert", "experts", "witness", "witnesses"])


def _capital_of_the_sentence(claim: Claim, name: str, text: str) -> bool:
    """Whether the speaker is a word for unnamed sources written with a capital only because
    it opens its sentence: it is the same unnamed source as in mid-sentence, not a name.
    ("Dravenian officials" keep their capital: the report writes "Dravenian" mid-sentence.)"""
    return (claim.speaker_type is None
            and (name.lower() in _UNNAMED_SOURCES or _opens_with_a_described_source(name)
                 or (_officials_described(name) and not _proper_word(name.split()[0], text))
                 or _common_word(name, text) or _body_in_common_words(name, text))
            and claim.speaker_span is not None and claim.sentence_span is not None
            and claim.speaker_span.start == claim.sentence_span.start)


# Records that show something, named by what they are: "Satellite measurements show ...",
# "Data show ...", "new figures show ...". (A document that says things, "a report", "a
# poll", has an author of its own and stays a speaker.)
_RECORDS = RECORD_NOUNS | frozenset(["data", "figures", "numbers", "records", "statistics",
                                     "estimates"])
# Modifiers that say whose the records are: "police figures", "official data", "ministry
# estimates" are that body's.
_OWNING_WORDS = (_BODY_NOUNS - _RECORDS) | _ONE_PER_PLACE | _OFFICIAL_WORDS | spk.TITLES
_ARTICLES = frozenset(["the", "a", "an", "these", "those"])


def _unowned_records(claim: Claim, name: str, text: str) -> bool:
    """Whether the speaker is records that name no one whose they are ("Satellite
    measurements show about 8,200 tonnes a day" in an observatory's own bulletin): no
    source of their own, but evidence the report gives for what it tells
    (:meth:`StorySpeakers._reporter_of_records`). Records with an owner in their words
    ("police figures", "Eurostat data", a name the recogniser found) stay that owner's; a
    capital that only opens the sentence names no owner."""
    words = name.split()
    if claim.speaker_type is not None or not words or words[-1].lower() not in _RECORDS:
        return False
    for position, word in enumerate(words[:-1]):
        if word.lower() in _ARTICLES:
            continue
        if word.lower() in _OWNING_WORDS or word[:1].isupper() and (
                position > 0 or _proper_word(word, text)):
            return False
    return True


def _common_word(name: str, text: str) -> bool:
    """A one-word speaker the report writes in lower case elsewhere and never with its
    capital mid-sentence: "Mayor says hundreds still inside ..." opening a headline is the
    role of "the mayor of Aldra, Rosa Tavish", not someone named Mayor. ("Police" is the
    one body a place has, named as the story writes it.)"""
    return len(name.split()) == 1 and name.lower() not in _ONE_PER_PLACE and re.search(
        rf"\b{re.escape(name.lower())}\b", text) is not None and not _proper_word(name, text)


def _body_in_common_words(name: str, text: str) -> bool:
    """A body described in lower case but for the capital its sentence gives it: "Fire
    service puts toll at 16" opening a headline is the story's one fire service ("the
    Dunhallow Fire and Rescue Service"), not a body named "Fire service". A name writes
    each of its words with a capital, and the first word is a name's only when the report
    writes it so mid-sentence on its own ("Dravenian army" beside "the Dravenian
    government"), not as a word of a longer name ("Dunhallow Fire and Rescue Service")."""
    words = name.split()
    # ("Orlavia's defence ministry" is a body its owner's name qualifies, a name already)
    return (1 < len(words) <= 3 and words[-1] in _BODY_NOUNS and words[0].isalpha()
            and all(w.isalpha() and w.islower() for w in words[1:])
            and not _word_of_its_own(words[0], text))


def _word_of_its_own(word: str, text: str) -> bool:
    """Whether ``text`` writes ``word`` with its capital mid-sentence outside a longer
    name: after a word without one (or an article) and before a word without one."""
    for m in re.finditer(rf"(\S+)[ \t]+{re.escape(word)}\b[ \t]*(\S*)", text):
        before, after = m.group(1), m.group(2)
        if before[-1:] in ".!?:\"“”" or before[:1].isupper() and before.lower() not in (
                "the", "a", "an"):
            continue  # a sentence's first word, or a word of a name
        if not after[:1].isupper():
            return True
    return False


def _opens_with_a_described_source(name: str) -> bool:
    """"Sources close to the player", "People familiar with the talks": an unnamed source's
    noun first, with what the report says of it after."""
    return len(_role_words(name)) == 1 and len(name.split()) > 1


def _proper_word(word: str, text: str) -> bool:
    """Whether ``text`` writes ``word`` with its capital in mid-sentence (a name or a
    people's adjective, not a capital its sentence gave it)."""
    return re.search(rf"[a-z,]\s+{re.escape(word)}\b", text) is not None


def _officials_described(name: str) -> bool:
    """"Health officials", "Health bosses": officials described by their remit, in lower
    case but for the capital their sentence gives them."""
    words = name.split()
    return len(words) > 1 and words[-1].lower() in _OFFICIAL_WORDS and all(
        w.islower() for w in words[1:])


def _has_capital(name: str) -> bool:
    return any(c.isupper() for c in name)


def _body_key(name: str) -> str | None:
    """A body's name in one word order, lower case: "Ministry of Defence" and "defence
    ministry" give "defence ministry"; None for a name of one word."""
    words = re.sub(r"^the\s+", "", name.lower().strip())
    if (body_of := _BODY_OF.match(words)) is not None:
        words = f"{body_of.group(2)} {body_of.group(1)}"
    return words if len(words.split()) >= 2 else None


def _join_owned_bodies(canonical: dict[str, str]) -> dict[str, str]:
    """A body named without its owner ("the Ministry of Defence") is the one a place owns
    when the story names that body of one place only ("Orlavia's defence ministry"); with
    two owners (Orlavia's and Tesmark's) it could be either's and stays apart."""
    owned: dict[str, list[str]] = defaultdict(list)
    for name in set(canonical.values()):
        lead = _OWNER_LEAD.match(name)
        if lead is not None and (key := _body_key(name[lead.end():])) is not None:
            owned[key].append(name)
    joined = dict(canonical)
    for raw, name in canonical.items():
        if _OWNER_LEAD.match(name) or _POSSESSIVE_LEAD.match(name):
            continue
        key = _body_key(name)
        if key is not None and len(owned.get(key, ())) == 1:
            joined[raw] = owned[key][0]
    return joined


class StorySpeakers:
    """Speaker identity for every claim of one story.

    Args:
        claims: the story's claims.
        articles: the story's articles (their texts define acronyms and roles).
    """

    def __init__(self, claims: Sequence[Claim], articles: Sequence[Article]) -> None:
        self._articles = {a.id: a for a in articles}
        # outlets whose title opens with "The", by that title in lower case
        self._titled_outlets = {a.outlet.lower(): a.outlet for a in articles
                                if a.outlet and a.outlet.lower().startswith("the ")}
        texts = [a.text for a in articles]
        self._acronyms: dict[str, str] = {}
        for text in texts:
            for short, full in spk.acronym_definitions(text).items():
                self._acronyms.setdefault(short, full)
        raw: dict[str, str] = {}
        for claim in claims:
            name = self._raw_name(claim)
            if name is not None:
                raw[claim.id] = name
        # the articles in which someone speaks, other than records that name no owner
        self._speaking = {c.article_id for c in claims
                          if c.id in raw and not self._shows_records(c)}
        short_forms = _company_short_forms(claims, raw)
        raw = {cid: short_forms.get(name, name) for cid, name in raw.items()}
        proper = [n for n in raw.values() if _has_capital(n)] + list(self._acronyms.values())
        people = [raw[c.id] for c in claims if c.id in raw and c.speaker_type == "PERSON"]
        not_people = {raw[c.id] for c in claims if c.id in raw
                      and c.speaker_type in ("ORG", "GPE", "NORP")}
        # a firm's short name the recogniser took for a place in one report ("Quellmark
        # said") is no place when another report's analysis found it the firm's
        firms = {raw[c.id] for c in claims if c.id in raw and c.speaker_type == "ORG"}
        places = {raw[c.id] for c in claims if c.id in raw
                  and c.speaker_type in ("GPE", "NORP")} - firms
        self._canonical = _join_owned_bodies(spk.canonical_speakers(
            proper, people, not_people, places, staff_as_body=True))
        names = sorted(set(self._canonical.values()))
        self._names = names
        self._one_named = {n.lower(): n for n in names if n.lower() in _ONE_PER_PLACE}
        self._roles = self._role_index(names, texts)
        persons = {self._canonical.get(raw[c.id], raw[c.id]) for c in claims
                   if c.id in raw and c.speaker_type == "PERSON"}
        bodies = {body for name in raw.values() if not _has_capital(name)
                  and (body := _described_body(_role_words(name)))}
        self._spokes = self._spokesperson_index(names, sorted(persons & set(names)), texts,
                                                sorted(bodies))
        self._bodies = sorted(bodies | {n for n in names if _names_a_body(n)})
        # countries, peoples and places speak through their officials: "Veloria says" and
        # "Velorian President Amara Kestin" are not independent sources
        # one-word names of countries and peoples; a firm ("Norvex") is labelled ORG
        self._places = {
            name for name in (self._canonical.get(raw[c.id], raw[c.id]) for c in claims
                              if c.id in raw and c.speaker_type not in ("PERSON", "ORG"))
            if name in names and " " not in name and not name.isupper()
        }
        self._intros = self._introductions(names, texts)
        self._titles: dict[str, list[list[str]]] = {}
        self._by_claim: dict[str, Speaker] = {}
        for claim in claims:
            self._by_claim[claim.id] = self._resolve(claim, raw.get(claim.id))
        for claim in claims:
            issuer = self._issuer(claim, claims)
            if issuer is not None:
                self._by_claim[claim.id] = issuer

    # -- building -------------------------------------------------------------------------
    def _raw_name(self, claim: Claim) -> str | None:
        if not claim.speaker or not claim.speaker.strip():
            return None
        article = self._articles.get(claim.article_id)
        if _is_dateline(claim.speaker, article):
            return None
        name = _strip_qualifier(spk.clean_name(claim.speaker), claim.speaker_type == "ORG")
        if _unowned_records(claim, name, article.text if article else ""):
            return name.lower()  # a capital its sentence gave it names no one
        if _capital_of_the_sentence(claim, name, article.text if article else ""):
            # "Officials at Lorton Motors" keeps the name of the body they work at, by which
            # they join it when it speaks too (:func:`..nlp.speakers.staff_body`); any other
            # description ("Sources in the Velmark government") stays an unnamed source
            first, _, rest = name.partition(" ")
            staff = f"{first.lower()} {rest}"
            return staff if spk.staff_body(staff) is not None else name.lower()
        bare = name.replace(".", "")
        return self._acronyms.get(bare, name)

    @staticmethod
    def _role_index(names: Iterable[str], texts: Sequence[str]) -> dict[str, set[str]]:
        """Role word → the named speakers the story's texts give that role to."""
        index: dict[str, set[str]] = defaultdict(set)
        for name in names:
            words = name.split()
            # an organisation's head noun is a role for it: "the bureau", "the ministry",
            # "the bank" (of "National Bank of Estmark")
            if len(words) > 1 and all(w[:1].isupper() for w in words if len(w) > 3):
                index[name_head(name)].add(name)
            probes = {name, words[-1]} if _last_word_names_it(words) else {name}
            for text in texts:
                for probe in probes:
                    if probe not in text:  # most names are absent from most texts
                        continue
                    for m in re.finditer(re.escape(probe), text):
                        before = text[max(0, m.start() - _WINDOW_BEFORE) : m.start()]
                        after = text[m.end() : m.end() + _WINDOW_AFTER]
                        # only the clause around the name: stop at sentence ends
                        before = re.split(r"[.!?]\s", before)[-1]
                        # a title before the name modifies it ("Health Minister X") or
                        # stands in apposition ("the hospital's director, X")
                        parts = before.split(",")
                        before = parts[-1] if parts[-1].strip() else ",".join(parts[-2:])
                        after = re.split(r"[.!?]\s|[;—]", after)[0]
                        # a title after the name is an apposition (", the director of ...");
                        # past the next comma the clause is about someone else
                        after = ",".join(after.split(",")[:2 if after.lstrip().startswith(",") else 1])
                        for word in _WORD.findall((before + " " + after).lower()):
                            if word in spk.TITLES or word.endswith(("man", "woman", "person")):
                                index[word].add(name)
        return index

    @staticmethod
    def _introductions(names: Sequence[str], texts: Sequence[str]) -> dict[str, str]:
        """The words just before each name's mentions ("Velorian President", "Veloria's")."""
        found: dict[str, list[str]] = defaultdict(list)
        for name in names:
            for text in texts:
                if name not in text:
                    continue
                for m in re.finditer(re.escape(name), text):
                    found[name].append(text[max(0, m.start() - 40) : m.start()])
        return {n: " ".join(parts) for n, parts in found.items()}

    def affiliated(self, a: Claim, b: Claim) -> bool:
        """True when one speaker is a country or people the other speaks for or belongs to
        ("Veloria" and "Velorian President Amara Kestin"): neither the same source nor an
        independent one, so figure rules leave such pairs alone."""
        sa, sb = self.of(a), self.of(b)
        if sa.key == sb.key:
            return False  # one speaker is the same source, not an affiliate of itself
        for place, other in ((sa, sb), (sb, sa)):
            if place.label not in self._places or other.kind != NAMED:
                continue
            stem = place.label.lower()[: max(4, len(place.label) - 2)]
            context = (self._intros.get(other.label, "") + " " + other.label).lower()
            if re.search(rf"\b{re.escape(stem)}", context):
                return True
        return False

    def heads(self, a: Claim, b: Claim) -> bool:
        """True when one speaker is a person whose title names the other, a body: "Fire Chief
        Tomas Brannigan" and "the regional fire service", "Health Minister Ana Ruiz" and the
        Health Ministry. The person speaks for the body, so the body's figure the person
        says they revised ("up from his estimate of ...") is one source's update."""
        sa, sb = self.of(a), self.of(b)
        if sa.kind != NAMED or sb.kind != NAMED or sa.key == sb.key:
            return False
        for person, body in ((sa, sb), (sb, sa)):
            words = _WORD.findall(body.label.lower())
            remit = {_singular(w) for w in (_remit(words) or words[-1:])} - {"of"}
            for title in self._titles_before(person.label):
                # "National Bank of Estmark Governor Pia Lund"; "Fire Chief Tomas Brannigan"
                if " ".join(words) in " ".join(title) or remit & {_singular(w) for w in title}:
                    return True
        return False

    def _titles_before(self, name: str) -> list[list[str]]:
        """The titles written just before ``name`` in the story's texts, each as its words
        without the title word and words that only place a body: "Regional Fire Chief Tomas
        Brannigan" gives ["fire"]."""
        if name in self._titles:
            return self._titles[name]
        found: list[list[str]] = []
        self._titles[name] = found  # asked for every figure pair a speaker is in
        pattern = re.compile(rf"((?:(?:[A-Z][\w-]*|of)\s+){{1,6}}){re.escape(name)}\b")
        for article in self._articles.values():
            if name not in article.text:
                continue
            for m in pattern.finditer(article.text):
                run = [w.lower() for w in m.group(1).split()]
                if run[-1] in spk.TITLES:
                    found.append([w for w in run[:-1] if w not in _PLACING_WORDS])
        return found

    def _spokesperson_index(
        self, names: Sequence[str], persons: Sequence[str], texts: Sequence[str],
        bodies: Sequence[str] = (),
    ) -> dict[str, str]:
        """A person introduced as an organisation's spokesperson → that organisation; or a
        body the story describes by its remit ("coast guard spokesman Teodor Blaine"),
        written in either case."""
        orgs = [n for n in names if n not in persons and (len(n.split()) > 1 or n.isupper())]
        found: dict[str, set[str]] = defaultdict(set)
        for name in persons:
            for text in texts:
                if name not in text:
                    continue
                for m in re.finditer(re.escape(name), text):
                    window = _sentence_window(text, m.start(), m.end())
                    if not _SPOKES.search(window):
                        continue
                    for org in orgs:
                        if org != name and org in window:
                            found[name].add(org)
                        for short, full in self._acronyms.items():
                            if full == org and re.search(rf"\b{re.escape(short)}\b", window):
                                found[name].add(org)
                    found[name].update(body for body in bodies if re.search(
                        rf"\b{re.escape(body)}\b", window, re.IGNORECASE))
                    found[name].update(_bodies_by_head(window, [*orgs, *bodies]))
                    if not found[name] and _firm_described(window):
                        # "the company's spokeswoman, Nora Keel": the firm named before her
                        firm = firm_named_before(text, m.start(), orgs)
                        found[name].update([firm] if firm else [])
        return {name: orgs.pop() for name, orgs in found.items() if len(orgs) == 1}

    def _issuer_of_its_own(self, outlet: str) -> str | None:
        """The story speaker that put out the report itself: a club's or a ministry's
        statement ("Kingsbridge Rovers Football Club") states its figures in the voice of the
        speaker other reports name ("Kingsbridge Rovers"), so they are that speaker's
        figures, not a news outlet's own report of them."""
        forms = self._short_forms(outlet)
        if forms:
            return forms[0]
        # "Marrovian Transport Ministry" puts out the statements its story's reports give to
        # "the Transport Ministry": a body's name after the word of the country it serves
        first, _, rest = outlet.partition(" ")
        texts = [a.text for a in self._articles.values()]
        if rest in self._names and len(rest.split()) >= 2 and _names_a_body(rest) and any(
                _word_of_its_own(first, text) for text in texts):
            return rest
        return None

    def _short_forms(self, name: str) -> list[str]:
        """The story's names that are ``name`` without the legal-form words it ends with
        ("Varkos Mining" of "Varkos Mining Group"; ``name`` itself, if the story uses it)."""
        words = name.split()
        return [n for n in self._names if words[:len(n.split())] == n.split()
                and all(w.lower().strip(".,") in _LEGAL_FORMS for w in words[len(n.split()):])]

    def _named_in_sentence(self, claim: Claim) -> str | None:
        """The one story speaker named in the claim's sentence outside its content, if one.

        Repairs attributions the per-article parse missed ("..., according to Defence
        Minister Lena Vostrikova" read as unattributed; a dateline read as the speaker).
        """
        article = self._articles.get(claim.article_id)
        if article is None or claim.sentence_span is None:
            return None
        s, c = claim.sentence_span, claim.content_span
        before = article.text[s.start : min(c.start, s.end)]
        found = self._names_in(before)
        if len(found) != 1:
            after = article.text[max(c.end, s.start) : s.end]
            cue = _AFTER_CUE.search(after)
            found = self._names_in(after[cue.end() : cue.end() + 80]) if cue else set()
        return found.pop() if len(found) == 1 else None

    def _names_in(self, text: str) -> set[str]:
        found = set()
        for name in self._names:
            words = name.split()
            probes = [name] + ([words[-1]] if len(words) > 1 and words[-1][:1].isupper()
                               and not name.isupper() and len(words[-1]) > 3 else [])
            if any(p in text and re.search(rf"\b{re.escape(p)}\b", text) for p in probes):
                found.add(name)
        for short, full in self._acronyms.items():
            if short in text and re.search(rf"\b{re.escape(short)}\b", text):
                found.add(self._canonical.get(full, full))
        # a longer name contains its own surname hit: keep maximal names only
        return {n for n in found if not any(n != m and n in m for m in found)}

    def _shows_records(self, claim: Claim) -> bool:
        """Whether the claim's speaker is records that name no owner (:func:`_unowned_records`)."""
        article = self._articles.get(claim.article_id)
        return bool(claim.speaker) and _unowned_records(
            claim, _strip_qualifier(spk.clean_name(claim.speaker or "")),
            article.text if article else "")

    def _reporter_of_records(self, claim: Claim) -> Speaker | None:
        """Who tells what records without an owner show: the one story speaker its sentence
        names, the body that issued the report itself (an observatory's bulletin), or the
        outlet of a report in which no one else speaks; None in a report quoting others,
        where the records stay a role, no named source."""
        return self._teller(claim, outlet_may_tell=claim.article_id not in self._speaking)

    def _teller(self, claim: Claim, outlet_may_tell: bool = True) -> Speaker | None:
        """Who tells a claim whose own speaker names no one: the one story speaker its
        sentence names, the body that issued the report itself, else (when allowed) the
        report's outlet."""
        named = self._named_in_sentence(claim)
        if named is not None:
            return self._named(named)
        outlet = self._outlet(claim)
        issuer = self._issuer_of_its_own(outlet)
        if issuer is not None:
            return self._named(issuer)
        return Speaker(f"{OUTLET}:{outlet.lower()}", outlet, OUTLET) if outlet_may_tell else None

    def _resolve(self, claim: Claim, name: str | None) -> Speaker:
        if name is not None and self._shows_records(claim):
            reporter = self._reporter_of_records(claim)
            if reporter is not None:
                return reporter
        if name is None:
            teller = self._teller(claim)
            assert teller is not None  # the outlet tells what no one else does
            return teller
        if name.lower() in _ONE_PER_PLACE:
            return self._named(name)  # "Police now say ...", "police said": the police
        if _has_capital(name) and name in self._canonical:
            return self._named(self._canonical[name])
        words = _role_words(name)
        head = words[-1] if words else name.lower()
        candidates = {c for c in self._roles.get(head, set()) if not _remit_clash(words, c)}
        if len(candidates) == 1:
            (canonical,) = candidates
            return self._named(canonical)
        named = self._named_in_sentence(claim)
        # "the director of St. Aurel Hospital repeated ..." in a sentence that also names the
        # Health Ministry: a name in the sentence is the role's only when it holds that role
        if named is not None and named in candidates:
            return self._named(named)
        spoken_for = self._spoken_for(claim, words)
        if spoken_for is not None:
            return self._named(spoken_for)
        body = _described_body(words) or self._body_of_officials(words)
        if body is not None:
            return self._named(self._owned_body(body) or body)
        return Speaker(f"{ROLE}:{claim.article_id}:{name.lower()}", name, ROLE)

    def _spoken_for(self, claim: Claim, words: Sequence[str]) -> str | None:
        """The one story speaker an unnamed spokesperson speaks for, as the claim's sentence
        says: "a spokesman for Varkos Mining said ..." is Varkos Mining speaking; "a
        spokeswoman for the ministry", the story's one ministry."""
        article = self._articles.get(claim.article_id)
        if not words or not _SPOKES.fullmatch(words[-1]) or article is None \
                or claim.sentence_span is None:
            return None
        sentence = claim.sentence_span.of(article.text)
        for m in _SPOKES_FOR.finditer(sentence):
            named = self._names_in(m.group(1))
            found = named or _bodies_by_head(m.group(0), self._bodies)
            if len(found) == 1:
                return found.pop()
        return None

    def _body_of_officials(self, words: Sequence[str]) -> str | None:
        """The one body of the story whose remit the officials are described by: "regional
        health officials" speak for the health ministry when the story names one health
        body; none when it names two, or the officials have no remit ("officials")."""
        if not words or words[-1] not in _OFFICIALS:
            return None
        remit = set(_remit(words))
        if not remit:
            return None
        found = {b for b in self._bodies if remit <= set(_WORD.findall(b.lower()))}
        return found.pop() if len(found) == 1 else None

    def _owned_body(self, body: str) -> str | None:
        """The one named speaker of the story that is ``body`` of a place ("Orlavia's defence
        ministry" for "the defence ministry"); none when the story names two (Orlavia's and
        Tesmark's), as either could be meant."""
        owned = [n for n in self._names
                 if _OWNER_LEAD.match(n) and _OWNER_LEAD.sub("", n).lower() == body]
        return owned[0] if len(owned) == 1 else None

    def _issuer(self, claim: Claim, claims: Sequence[Claim]) -> Speaker | None:
        """The one named speaker who brought in the document a claim gives as its speaker:
        "the report said" after "the Alliance said in a report" is the Alliance's report.
        Only a document introduced as new ("a report", "an assessment") counts: a person
        quoted "in the report" only speaks in it."""
        found = self._by_claim[claim.id]
        words = _WORD.findall(found.label.lower())
        if found.kind != ROLE or len(words) != 1 or words[0] not in _DOCUMENTS:
            return None
        introduced = re.compile(rf"\ban?\s+(?:[a-z-]+\s+)?{words[0]}\b", re.I)
        issuers = {}
        for other in claims:
            speaker = self._by_claim[other.id]
            if other.article_id != claim.article_id or speaker.kind != NAMED \
                    or other.sentence_span is None:
                continue
            article = self._articles.get(other.article_id)
            if article is not None and introduced.search(other.sentence_span.of(article.text)):
                issuers[speaker.key] = speaker
        return next(iter(issuers.values())) if len(issuers) == 1 else None

    def _going_by(self, name: str) -> str:
        """The name a story speaker goes by when ``name`` is its registered one: "Varkos
        Mining" for "Varkos Mining Group", the issuer of a statement its reports name
        short (:meth:`_short_forms`, as :meth:`_issuer_of_its_own` asks of an outlet)."""
        shorter = [n for n in self._short_forms(name) if len(n.split()) < len(name.split())]
        return min(shorter, key=len) if shorter else name

    def _named(self, name: str) -> Speaker:
        # a body a place has one of goes by the name the story writes it with ("Police")
        name = self._going_by(self._one_named.get(name.lower(), name))
        body = self._spokes.get(name)
        if body is None:
            # "The Back Page understands": the parse leaves the title's "The" out of the name
            return Speaker(name.lower(), self._titled_outlets.get(f"the {name.lower()}", name),
                           NAMED)
        body = self._one_named.get(body.lower(), body)
        return Speaker(body.lower(), body, NAMED, via=name)

    def _outlet(self, claim: Claim) -> str:
        article = self._articles.get(claim.article_id)
        if article is not None and article.outlet:
            return article.outlet
        return f"article {claim.article_id[:8]}"

    # -- queries --------------------------------------------------------------------------
    def of(self, claim: Claim) -> Speaker:
        """The story-level speaker of ``claim`` (claims not given at construction: by name)."""
        found = self._by_claim.get(claim.id)
        if found is None:
            found = self._resolve(claim, self._raw_name(claim))
            self._by_claim[claim.id] = found
        return found

    def distinct(self, a: Claim, b: Claim) -> bool:
        """True when the two claims come from sources known to differ: two named speakers,
        or a role the story never gives to the other speaker ("the company" and "the
        union"; "the hospital's director" and the Health Ministry). Outlets are never
        distinct sources here: an unattributed figure is the outlet's own report."""
        sa, sb = self.of(a), self.of(b)
        if OUTLET in (sa.kind, sb.kind) or sa.key == sb.key:
            return False
        if sa.kind == NAMED and sb.kind == NAMED:
            return True
        return self._role_apart(sa, sb) and self._role_apart(sb, sa)

    def _role_apart(self, role: Speaker, other: Speaker) -> bool:
        if role.kind != ROLE:
            return True
        words = _role_words(role.label)
        # only a role naming one function or body tells sources apart: "the company", "the
        # hospital's director"; "officers", "officials", "sources" could be anyone's
        if not words or _singular(words[-1]) not in _SPECIFIC_ROLES:
            return False
        head = words[-1]
        if other.kind == ROLE:
            other_words = _role_words(other.label)
            return bool(other_words) and _singular(other_words[-1]) in _SPECIFIC_ROLES and (
                _singular(other_words[-1]) != _singular(head))
        if other.label in self._roles.get(head, set()):
            # "the minister" may well be Defence Minister Lena Vostrikova; "the interior
            # ministry" is not the Health Ministry
            return _remit_clash(words, other.label)
        context = (self._intros.get(other.label, "") + " " + other.label).lower()
        return re.search(rf"\b{re.escape(head)}", context) is None

    def in_own_statement(self, claim: Claim) -> bool:
        """True when the claim's report was put out by its speaker itself (a ministry's
        statement giving the ministry's count): no outlet stands between the source and the
        figure, so the figure is the source's as published, not anyone's report of it."""
        speaker = self.of(claim)
        if not speaker.known or speaker.kind == OUTLET:
            return False
        issuer = self._issuer_of_its_own(self._outlet(claim))
        return issuer is not None and self._named(issuer).key == speaker.key

    def same(self, a: Claim, b: Claim) -> bool:
        """True when both claims have the same known speaker."""
        sa, sb = self.of(a), self.of(b)
        return sa.known and sb.known and sa.key == sb.key

    @property
    def acronyms(self) -> Mapping[str, str]:
        return dict(self._acronyms)
