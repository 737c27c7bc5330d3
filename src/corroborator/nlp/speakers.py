"""Speaker names: cleaning, aliases (surnames, acronyms, titles) and pronoun resolution.

Within an article, "Ukrainian President Volodymyr Zelensky", "Zelensky" and (when only one
president speaks) "the president" are one speaker; "the National Intelligence Service (NIS)"
and "NIS" are one organisation. :func:`canonical_speakers` and :func:`are_same_speaker` work
on bare name strings so a later stage can merge speakers across the articles of a story.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field

TITLES = frozenset(
    ["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "sen", "sen.", "rep", "rep.", "gov", "gov.", "gen", "gen.", "lt", "col", "col.", "capt", "capt.", "sgt", "sgt.", "rev", "rev.", "hon", "sir", "dame", "lord", "lady", "president", "vice", "prime", "minister", "secretary", "senator", "representative", "congressman", "congresswoman", "governor", "mayor", "chancellor", "premier", "king", "queen", "prince", "princess", "pope", "chief", "executive", "boss", "general", "admiral", "commander", "spokesman", "spokeswoman", "spokesperson", "director", "chairman", "chairwoman", "chair", "ceo", "founder", "leader", "ambassador", "envoy", "judge", "justice", "attorney", "former", "acting", "deputy", "foreign", "defense", "defence", "interior", "state", "finance", "health", "top", "senior", "then-sen.", "then-sen", "candidate", "nominee", "democratic", "republican", "gop", "independent", "officer", "official", "minister's", "u.s.", "us"]
)
_DETERMINERS = frozenset(["the", "a", "an", "this", "that", "these", "those"])
_CONNECTIVES = frozenset(["of", "for", "and", "the", "on", "de", "du", "la", "le", "der", "des"])
_ACRONYM_DEF = re.compile(
    r"((?:[A-Z][\w&.'-]*)(?:\s+(?:(?:of|for|and|the|on|de)\s+)*[A-Z][\w&.'-]*)+)\s*\(\s*([A-Z][A-Za-z&.]{1,9})\s*\)"
)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
GROUP_NOUNS = frozenset(
    """poll survey study report data analysis research campaign committee company government
    party group ministry department agency office council army police court board union
    coalition administration team firm network newspaper paper station bank service
    commission authority organization organisation association institute center centre
    foundation operator website site statement document""".split()  # noqa: SIM905
)
# Last words of firms' names.
FIRM_WORDS = frozenset(
    """works company co co. corp corp. corporation inc inc. ltd ltd. plc llc ag sa nv group
    holdings power energy airlines airways motors bank industries technologies systems
    partners mills foods pharma pharmaceuticals rail railways shipping logistics telecom
    textiles steel mining oil gas petroleum chemicals insurance capital securities labs
    electric utilities mobile broadband telecoms networks communications water automotive""".split()  # noqa: SIM905
)
PERSON_PRONOUNS = frozenset(["he", "she", "him", "her", "his", "hers", "i", "me", "my"])
GROUP_PRONOUNS = frozenset(["they", "them", "their", "it", "its", "we", "us", "our"])


def clean_name(name: str) -> str:
    """A speaker name without leading determiners, titles, possessives or edge punctuation."""
    name = re.sub(r"\s+", " ", name).strip(" ,;:.\"“”'’()[]—–-")
    name = _POSSESSIVE.sub("", name)
    words = name.split(" ")
    # "Defence Ministry" is an organisation, not a title before a name
    is_group = words[-1].lower() in GROUP_NOUNS
    while len(words) > 1 and (words[0].lower() in _DETERMINERS or (
            words[0].lower() in TITLES and not is_group and _name_follows(words[1:]))):
        words.pop(0)
    return " ".join(words)


def _name_follows(words: Sequence[str]) -> bool:
    """Whether a capitalised name comes after a title word: "President Ana Ruiz" is Ana
    Ruiz, but the title word of "Health bosses" or "Security officials" describes which
    officials speak, and no name follows it to stand alone."""
    return any(w[:1].isupper() for w in words)


def last_title(words: Sequence[str]) -> int | None:
    """Index of the last title word before a name's last word ("Velorian President Amara
    Kestin" → 1), or None when the words hold no title there."""
    titled = [i for i, w in enumerate(words[:-1]) if w.lower() in TITLES]
    return titled[-1] if titled else None


def _key(name: str) -> str:
    return clean_name(name).lower().replace(".", "")


def initials(name: str) -> str:
    """Initials of the capitalised words: "National Intelligence Service" → "NIS"."""
    words = [w for w in re.split(r"[\s-]+", clean_name(name)) if w]
    return "".join(w[0] for w in words if w[0].isupper() and w.lower() not in _CONNECTIVES)


def _is_acronym(name: str) -> bool:
    bare = clean_name(name).replace(".", "")
    return 2 <= len(bare) <= 10 and bare.isupper() and bare.isalpha()


def _related(short: str, long: str) -> bool:
    """True when ``short`` is an alias of ``long`` (surname, acronym or same name)."""
    ks, kl = _key(short), _key(long)
    if not ks or not kl:
        return False
    if ks == kl:
        return True
    if _is_acronym(short) and len(kl.split()) > 1 and initials(long) == clean_name(short).replace(
        ".", ""
    ):
        return True
    ws, wl = ks.split(), kl.split()
    if len(wl) > len(ws) and wl[-len(ws) - 1] in ("of", "and"):
        # "Telmark Industries" owns the "Board of Directors of Telmark Industries", and is
        # one of "Orvane Systems and Telmark Industries", who speak together
        return False
    # "Zelensky" ⊂ "Volodymyr Zelensky"; "Hillary Clinton" ⊂ "Hillary Rodham Clinton"; "the
    # report" ⊂ "NCAA report". A plural is not an alias of a description ending in it:
    # "Councillors" (capitalised by its sentence) may be any councillors, not the opposition's.
    return (len(ws) < len(wl) and ws[-1] == wl[-1] and all(w in wl for w in ws)
            and (_ends_in_name(long) or not _plural(ws[-1])))


def _ends_in_name(name: str) -> bool:
    words = clean_name(name).split()
    return bool(words) and words[-1][:1].isupper()


def _plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


def canonical_speakers(names: Iterable[str], people: Sequence[str] = (),
                       not_people: Collection[str] = (),
                       places: Collection[str] = (), staff_as_body: bool = False) -> dict[str, str]:
    """Map every name to the canonical form of its group (the fullest clean name).

    A short name joins a longer one when it is its surname, its acronym or the same words;
    when a surname fits two different full names ("Clinton": Hillary or Bill), it stays on
    its own rather than being guessed. A person's name in ``people`` may give its family name
    first ("Xi Jinping", "Park Senna"): a one-word name that is no person's last word joins
    the one person whose first word it is, unless it is in ``not_people`` (a country or an
    organisation: "Jordan" is not "Jordan Peterson"). A one-word name joins the one firm
    whose name it begins when the rest only says what kind of firm it is ("Vantor" is
    "Vantor Broadband"), unless it is in ``places`` ("Estmark" is not "Estmark Power").
    With ``staff_as_body`` (names that all speak: a story's speakers), a body's staff go by
    the body's name when the body speaks too ("chiefs at the Weather Service" and "the
    Weather Service"); otherwise the staff's description is the fuller name.
    """
    unique = list(dict.fromkeys(n for n in names if n and n.strip()))
    def body_of(name: str) -> str | None:
        return staff_body(name) if staff_as_body else None

    # a body's staff ("chiefs at the Weather Service") sort as the body, after it: the body
    # is the group's name, not its staff
    by_len = sorted(unique, key=lambda n: (-len(clean_name(body_of(n) or n)),
                                           body_of(n) is not None, n))
    canonical: dict[str, str] = {}
    for name in by_len:
        longer = [c for c in dict.fromkeys(canonical.values()) if _related(name, c)]
        body = body_of(name)
        if not longer and body is not None:
            longer = [c for c in dict.fromkeys(canonical.values()) if _related(body, c)]
        if not longer and name not in not_people:
            longer = _family_name_first(name, canonical, people)
        if not longer and name not in places:
            longer = _firm_short_name(name, canonical)
        if len(longer) == 1:
            canonical[name] = longer[0]
        else:
            canonical[name] = clean_name(name) or name
    return canonical


# "weather chiefs at the National Meteorological Service", "Researchers at the University of
# Orsenna": a few common nouns for people who work at a named body
_STAFF_OF_BODY = re.compile(
    r"^[A-Za-z][a-z]+(?:\s+[a-z]+){0,2}\s+(?:at|from)\s+(?:the\s+)?(?P<body>[A-Z][\w.&'’ -]*)$")


def staff_body(name: str) -> str | None:
    """The named body a description of its staff names ("chiefs at the National
    Meteorological Service": "National Meteorological Service"), or None."""
    found = _STAFF_OF_BODY.match(clean_name(name))
    return found.group("body") if found else None


def _family_name_first(short: str, canonical: dict[str, str], people: Sequence[str]) -> list[str]:
    words = _key(short).split()
    if not 1 <= len(words) <= 2 or not short[:1].isupper():
        return []
    persons = {canonical.get(p, clean_name(p)) for p in people}
    full = [p for p in persons if len(words) < len(_key(p).split()) <= 3]
    if any(_key(p).split()[-1] == words[-1] for p in full):
        return []
    # "Francis S." of "Francis S. Collins": the leading words of the one person so named
    return sorted(p for p in full if _key(p).split()[: len(words)] == words)


def _firm_short_name(short: str, canonical: dict[str, str]) -> list[str]:
    """"Brannock" of "Brannock Mobile", "Vantor" of "Vantor Broadband": a firm is called by
    its name without the words that say what kind of firm it is."""
    words = _key(short).split()
    if len(words) != 1 or not short[:1].isupper():
        return []
    return sorted({c for c in canonical.values()
                   if len(kc := _key(c).split()) > 1 and kc[0] == words[0]
                   and all(w in FIRM_WORDS for w in kc[1:])})


def are_same_speaker(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` name the same speaker by the rules of :func:`canonical_speakers`."""
    if not a or not b:
        return False
    mapping = canonical_speakers([a, b])
    return mapping[a] == mapping[b]


def acronym_definitions(text: str) -> dict[str, str]:
    """"the National Intelligence Service (NIS)" → {"NIS": "National Intelligence Service"}."""
    found = {}
    for m in _ACRONYM_DEF.finditer(text):
        full, short = m.group(1), m.group(2).replace(".", "")
        words = full.split()
        # keep the trailing words whose initials spell the acronym
        for k in range(len(words)):
            tail = " ".join(words[k:])
            if initials(tail) == short:
                found[short] = clean_name(tail)
                break
    return found


@dataclass
class Mention:
    """A named entity or named speaker at ``start``; ``titles`` are the words before it,
    ``role`` the one right before it, the title's head ("commander" in "coast guard
    commander Ilse Marrow"); ``subject`` when it is a clause's subject or a speaker."""

    start: int
    name: str
    label: str | None
    titles: frozenset[str] = field(default_factory=frozenset)
    role: str | None = None
    subject: bool = False


# Words before a name that make it a person whatever the recogniser's label ("The agency's
# spokeswoman, Renata Voss" may come out as an organisation), and words that make it a
# place ("the town of Kel Aran" may come out as a person).
_PERSON_ROLES = frozenset(
    """mr mr. mrs mrs. ms ms. dr dr. prof prof. sen sen. rep rep. gov gov. gen gen. president
    minister secretary senator governor mayor chancellor premier king queen director chairman
    chairwoman ceo ambassador envoy judge commander officer official leader""".split())  # noqa: SIM905
_PLACE_NOUNS = frozenset(
    "town city village province region district county port capital island state".split())  # noqa: SIM905


def _person_like(mention: Mention) -> bool:
    if mention.role == "of" and mention.titles & _PLACE_NOUNS:
        return False
    return mention.label == "PERSON" or any(
        t in _PERSON_ROLES or t.endswith(("man", "woman", "person")) for t in mention.titles)


# How much nearer (in characters) another mention may be than the nearest subject before a
# pronoun still goes to the subject: "Voss said teams were searching in the town of Kel
# Aran. 'We expect ...,' she told reporters" is Voss's, not the town's (which the
# recogniser may well take for a person).
SUBJECT_PREFERENCE_CHARS = 200


def resolve_pronoun(pronoun: str, position: int, mentions: Sequence[Mention]) -> str | None:
    """The nearest earlier compatible named mention (people for he/she, groups for they/it),
    a subject rather than a slightly nearer mention in another role."""
    p = pronoun.lower()
    if p in PERSON_PRONOUNS:
        def compatible(m: Mention) -> bool:
            return m.label == "NOUN" or _person_like(m)
    elif p in GROUP_PRONOUNS:
        def compatible(m: Mention) -> bool:
            return m.label in ("ORG", "GPE", "NORP", "NOUN")
    else:
        return None
    best = best_subject = None
    for m in mentions:
        if m.start >= position:
            break
        if compatible(m):
            if p in ("they", "them", "their", "we") and m.label == "PERSON":
                continue
            if p in PERSON_PRONOUNS and m.label == "NOUN" and (
                m.name.split()[-1].lower() in GROUP_NOUNS or m.name.endswith("s")
            ):
                continue  # "the ministry", "officials": not a he or she
            best = m
            if m.subject:
                best_subject = m
    # a subject is the likelier antecedent than a nearer mention in another role
    if best is not None and best_subject is not None and not best.subject and \
            best.start - best_subject.start <= SUBJECT_PREFERENCE_CHARS:
        best = best_subject
    return best.name if best else None


def resolve_description(description: str, mentions: Sequence[Mention]) -> str | None:
    """"the president" (or "Estmark's president") → the one person introduced with that
    title, if exactly one was."""
    words = clean_name(description).lower().split()
    raw = description.lower().split()
    if not words or len(raw) > 4:
        return None
    head = raw[-1]
    # a headline drops the article: "Estmark central bank governor defends rate rise"
    headline_style = head in TITLES and description.split()[-1].islower()
    # "Tessaly's data commissioner": a place's office holder, named as such elsewhere
    possessed = len(raw) >= 2 and _POSSESSIVE.search(raw[0]) is not None \
        and description[:1].isupper()
    if raw[0] not in _DETERMINERS and not headline_style and not possessed:
        return None
    if head in GROUP_NOUNS:
        # "the regional fire service" is the body, not the person introduced as "Fire
        # service spokeswoman Marta Keller"
        return None
    # The description names the person's role, the title's head: "the commander" is
    # "coast guard commander Ilse Marrow", but "the coast guard" is the body she commands.
    names = {m.name for m in mentions if m.label == "PERSON" and head in m.titles
             and m.role in (None, head)}
    if len(names) == 1:
        return names.pop()
    return None


def people_by_surname(mentions: Sequence[Mention], text: str) -> list[Mention]:
    """The mentions with a person the recogniser took for an organisation made a person
    again: in "The institute's team, led by Helena Strand, ... Strand told reporters"
    "Helena Strand" is labelled an organisation, but she is called by her last word, as
    people are by their surnames (a firm goes by its first: "Brantwell" of "Brantwell
    Energy"). The short name is a person's (the recogniser's label) or a speaker's that
    ``text`` writes only as a name (never in lower case, never after "the": "the
    Coastguard" is a body). A name shaped as a body's or a firm's ("Orvane Systems") or with
    a connective ("Bank of Estmark") stays an organisation."""
    organisations = {m.name for m in mentions if m.label in ("ORG", "GPE", "NORP")}
    surnames = {m.name.strip() for m in mentions
                if " " not in m.name.strip() and m.name.strip() not in organisations
                and (m.label == "PERSON" or m.subject and _only_a_name(m.name.strip(), text))}
    found = []
    for mention in mentions:
        words = clean_name(mention.name).split()
        if (mention.label == "ORG" and 2 <= len(words) <= 3 and words[-1] in surnames
                and all(w[:1].isupper() for w in words)
                and not {w.lower() for w in words} & (GROUP_NOUNS | FIRM_WORDS)):
            mention = Mention(mention.start, mention.name, "PERSON", mention.titles,
                              mention.role, mention.subject)
        found.append(mention)
    return found


def _only_a_name(word: str, text: str) -> bool:
    """Whether ``text`` writes ``word`` only as a name: with its capital, and never after
    an article ("the Coastguard said" names a body by what it is)."""
    return word[:1].isupper() and re.search(rf"\b{re.escape(word.lower())}\b", text) is None \
        and re.search(rf"\b(?:the|The|a|A|an|An)\s+{re.escape(word)}\b", text) is None
