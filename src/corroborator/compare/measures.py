"""Whether two figures count the same thing: embeddings propose, explicit checks decide.

Sentence embeddings of short "measured" phrases cannot be trusted on their own: "people
killed" and "people injured" score about 0.54, while "people injured" and "doctors treated
people injured" (the same count) score 0.72 and "workers on the night shift" and "people
working" (the same count) 0.55. So two figures measure the same thing when

- their measured phrases are near-identical (cosine >= ``measured_similarity``), or
- they are related (cosine >= ``related_similarity``) *and* the explicit checks below agree:
  the same outcome classes (killed, injured, missing, ...; none on both sides also agrees),
  and a counted noun on both sides, the same one (or a generic one: "people", "others"), or
  a named outcome and no counted noun on one side ("the death toll at 14": people killed).

In both cases two phrases with disjoint outcome classes never measure the same thing:
"people killed" is not "people injured", however close the words; nor does a count of a noun
under a modifier that picks out part of it ("former customers") measure what a count of the
noun without it does, nor a limit ("licensed to carry 350 passengers", "a capacity of
40,000") what a count of what happened does. Overlapping classes
("soldiers killed or wounded", "servicemen died or suffered ...") need the strong cosine.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from os.path import commonprefix

from ..nlp.quantities import DOWN_VERBS, UP_VERBS
from ..people_nouns import GENERIC_PEOPLE as _GENERIC
from ..people_nouns import counts_people, noun_key
from ..records import Quantity

# Outcomes news reports count. A word may belong to several ("casualties": killed and wounded).
_OUTCOMES: dict[str, tuple[str, ...]] = {
    # a bare "toll" is the death toll in a report's count ("gave a toll of 120")
    "death": ("killed", "kill", "kills", "killing", "dead", "died", "die", "dies", "dying",
              "death", "deaths", "fatalities", "fatality", "perished", "lives", "bodies",
              "toll"),
    "injury": ("injured", "injuring", "injury", "injuries", "wounded", "wounding", "hurt",
               "treated", "hospitalised", "hospitalized", "hospitalisations", "hospitalizations"),
    "missing": ("missing", "unaccounted"),
    # those brought out alive are not those once trapped, nor those still missing: "11
    # miners rescued" a day after "at least 14 miners trapped" is no new count of them
    "rescued": ("rescued", "survived", "survivors", "escaped"),
    # those a disease reached are not those it killed, nor the patients one ward treats
    "infected": ("infected", "infecting", "infection", "infections", "ill", "sick",
                 "sickened", "contracted"),
    "displaced": ("evacuated", "evacuate", "evacuation", "displaced", "fled", "flee", "flees",
                  "fleeing", "homeless", "refugees", "evacuees"),
    "detained": ("arrested", "detained", "jailed", "imprisoned"),
    "deployed": ("deployed", "massed", "stationed", "mobilised", "mobilized"),
    # what befalls homes and buildings: "homes without power" are not "homes destroyed"
    "destroyed": ("destroyed", "razed", "flattened", "levelled", "leveled", "gutted"),
    "damaged": ("damaged", "damage", "damaging"),
    "flooded": ("flooded", "flood", "floods", "flooding", "inundated", "submerged",
                "underwater"),
    "unpowered": ("power", "electricity", "blackout", "blackouts", "outage", "outages"),
}
# a bare "casualties" counts the dead and the wounded together ("killed or wounded")
_BOTH = ("casualties", "casualty", "losses")
_NOT_COUNTED = frozenset(["year", "month", "week", "day", "hour", "minute", "time", "percent"])


@lru_cache(maxsize=1)
def _word_classes() -> dict[str, frozenset[str]]:
    index: dict[str, set[str]] = {}
    for outcome, words in _OUTCOMES.items():
        for word in words:
            index.setdefault(word, set()).add(outcome)
    for word in _BOTH:
        index.setdefault(word, set()).update(("death", "injury"))
    return {w: frozenset(c) for w, c in index.items()}


# Displacement is often told as leaving home rather than with a word for it: "had to leave
# their homes", "forced from their homes", "driven out of their houses".
# The measured phrase keeps a verb of driving out with the place left, without its article
# ("forcing from homes people", "drove out of homes residents").
_LEFT_HOME = re.compile(r"\b(?:leave|left|leaving|(?:forc(?:e|es|ed|ing)|driv(?:e|es|en|ing)|drove"
                        r"|chas(?:e|es|ed|ing))(?: out)? (?:of|from))"
                        r"(?: (?:their|his|her|the))? (?:homes?|houses?)\b")
# So is a rescue, as being brought out: "brought out", "brought to the surface", "winched to
# safety", "reached the surface" (the measured phrase keeps a verb of moving's destination).
_BROUGHT_OUT = re.compile(r"\b(?:(?:to|reached|reach|reaching) (?:the )?(?:surface|safety)"
                          r"|(?:brought|pulled|carried|led|got) out)\b")


def _phrase_words(lowered: str) -> list[str]:
    """The words of a lower-cased measured phrase."""
    return re.findall(r"[a-z]+", lowered)


def head_noun(measured: str | None) -> str | None:
    """The last word of a measured phrase, singular ("admissions" of "emergency admissions")."""
    words = _phrase_words((measured or "").lower())
    return noun_key(words[-1]) if words else None


def outcomes(measured: str | None) -> frozenset[str]:
    """The outcome classes a measured phrase names ("soldiers killed or wounded" → death,
    injury); empty when it names none ("workers on the night shift")."""
    if not measured:
        return frozenset()
    classes = _word_classes()
    found: set[str] = set()
    lowered = measured.lower()
    for word in _phrase_words(lowered):
        found |= classes.get(word, frozenset())
    if _LEFT_HOME.search(lowered):
        found.add("displaced")
    if _BROUGHT_OUT.search(lowered):
        found.add("rescued")
    return frozenset(found)


def same_noun(a: Quantity, b: Quantity) -> bool:
    """Both figures name what they count, the same kind of thing, or generic "people" on one
    side and people on the other: "people" is not "villages", though "2,000 people fled"
    and "four villages flooded" share a phrase's worth of words. A bare figure ("Smith,
    32, fell") counts nothing a weaker cosine could vouch for."""
    ua, ub = (a.unit or "").lower(), (b.unit or "").lower()
    if not ua or not ub:
        return False
    if ua in _GENERIC or ub in _GENERIC:
        return counts_people(ua) and counts_people(ub)
    return noun_key(ua) == noun_key(ub)


def _named_noun(bare: Quantity, other: Quantity, measured: str | None) -> bool:
    """A count without a noun of its own whose phrase is only what it counts ("corrected the
    number of countries to 33": "countries") counts the noun the other figure counts ("31
    countries"). A longer phrase may open with a modifier ("12 [of the] Tesmarkian soldiers
    brought back" is no count of "Tesmarkians")."""
    words = (measured or "").split()
    if bare.unit or not other.unit or len(words) != 1:
        return False
    return same_noun(replace(bare, unit=words[0]), other)


# Words of people set free or handed back: an exchange's or a release's count
_RELEASED = frozenset("""released freed returned repatriated exchanged swapped handed brought
    """.split())  # noqa: SIM905


def _one_fate(measured_a: str | None, measured_b: str | None) -> bool:
    """Both phrases tell what befell those counted, the same: one outcome ("killed") or
    being set free ("handed over", "brought back"); a count of those still held is not one
    of those released, however alike the words."""
    oa, ob = outcomes(measured_a), outcomes(measured_b)
    if oa or ob:
        return oa == ob
    return all(_RELEASED & set(_phrase_words((m or "").lower())) for m in (measured_a, measured_b))


def _one_people(a: Quantity, b: Quantity, measured_b: str | None) -> bool:
    """``a`` counts a people by its name ("95 Tesmarkians") and ``b`` counts people of that
    people ("101 Tesmarkian soldiers"): one count, as "people" and "villagers" are; "Orlavian
    soldiers" are another people's."""
    unit, other = a.unit or "", b.unit or ""
    if not unit[:1].isupper() or not counts_people(unit) or not counts_people(other):
        return False
    stem = noun_key(unit.lower()) or ""
    return any(len(commonprefix([stem, word.lower()])) >= _PEOPLE_STEM
               for word in (measured_b or "").split() if word[:1].isupper())


# the letters a people's name and its adjective share at least ("Tesmarkians", "Tesmarkian")
_PEOPLE_STEM = 5


def outcomes_agree(measured_a: str | None, measured_b: str | None) -> bool:
    """False when the two phrases name disjoint outcomes ("killed" against "injured"):
    then no wording, however close, makes them one measured thing."""
    oa, ob = outcomes(measured_a), outcomes(measured_b)
    return not (oa and ob and not oa & ob)


def same_thing(
    a: Quantity, b: Quantity, measured_a: str | None, measured_b: str | None, cosine: float,
    strong: float, related: float,
) -> bool:
    """True when two figures of one scale measure the same thing (see the module notes)."""
    if not outcomes_agree(measured_a, measured_b):
        return False
    if _narrowed(a, measured_a, measured_b) or _narrowed(b, measured_b, measured_a):
        return False
    if names_a_limit(measured_a) != names_a_limit(measured_b):
        return False
    oa, ob = outcomes(measured_a), outcomes(measured_b)
    if cosine >= strong:
        # one side may name fewer outcomes than it counts: the parse cut "died or suffered
        # injuries" short; near-identical wording decides
        return True
    if oa != ob:
        return False
    if cosine >= related and (one_price(a, b, measured_a, measured_b)
                              or one_change(a, b, measured_a, measured_b)):
        return True
    # only counts name what they count in their unit: a percentage's or a price's unit,
    # and an age's "year", say nothing about the thing measured
    if a.kind != "count" or b.kind != "count" or noun_key(a.unit) in _NOT_COUNTED:
        return False
    if counts_the_present(a, b, measured_a, measured_b):
        return True  # "the crowd" and "3,000 workers protested", however unlike the words
    if cosine < related:
        return False
    return (same_noun(a, b) or _named_noun(a, b, measured_a) or _named_noun(b, a, measured_b)
            or bool(oa) and _counts_outcome(a, b)
            or _headcount(a, b, measured_a, measured_b)
            or _one_fate(measured_a, measured_b) and (
                _one_people(a, b, measured_b) or _one_people(b, a, measured_a)))


# Words naming what a sum pays someone: a fee for a transfer or a service, a wage earned.
_PRICE_WORDS = frozenset(["fee", "fees", "wage", "wages", "salary", "salaries", "earn", "earns",
                          "earned"])
# Words of the period a sum is paid over: "£230,000 a week" is no yearly salary.
_PERIOD_WORDS = frozenset("""hour hourly day daily week weekly month monthly year yearly
    annual annually quarter season""".split())  # noqa: SIM905


def one_price(a: Quantity, b: Quantity, measured_a: str | None,
              measured_b: str | None) -> bool:
    """Whether two sums of one currency pay for the same thing: their phrases share what the
    sum pays ("fee" and "fee striker Dario Lenk", "Lenk earn week" and "striker earn week")
    over the same period. A price's unit says nothing of what it prices, and a name against
    its role noun ("Lenk" / "striker") keeps the cosine of such short phrases (0.48, 0.58)
    far below a near-identical wording; the caller asks for related phrases too."""
    if a.kind != "money" or b.kind != "money" or not a.unit or a.unit != b.unit:
        return False
    words_a = set(_phrase_words((measured_a or "").lower()))
    words_b = set(_phrase_words((measured_b or "").lower()))
    return bool(words_a & words_b & _PRICE_WORDS) and \
        words_a & _PERIOD_WORDS == words_b & _PERIOD_WORDS


_CHANGE_VERBS = UP_VERBS | DOWN_VERBS


def _change_verb(word: str) -> bool:
    """Whether a phrase word is a verb of increase or decrease as written ("lowered",
    "reduced", "cuts", "cut"); measured phrases keep the words' inflections."""
    return any(word[:len(word) - cut] in _CHANGE_VERBS for cut in (0, 1, 2, 3)
               if len(word) - cut >= 3)


def _around_change(measured: str | None) -> tuple[set[str], set[str]] | None:
    """The words before and after the first verb of change in a measured phrase: what
    changes something, and what it changes ("tarnexiban" / "risk stroke" of "tarnexiban
    reduced risk stroke"); ``None`` without such a verb."""
    words = _phrase_words((measured or "").lower())
    for i, word in enumerate(words):
        if _change_verb(word):
            return set(words[:i]), set(words[i + 1:])
    return None


def one_change(a: Quantity, b: Quantity, measured_a: str | None,
               measured_b: str | None) -> bool:
    """Whether two percentages are one relative change of the same thing: "cut the risk of
    stroke by 23%" and "lowered the risk of stroke by 32%". A percentage's unit says nothing
    of what it measures, and the wording around such changes varies ("cut", "reduced",
    "lowered", the agent named or described), which keeps the cosine of such phrases below
    the near-identical bar; the same direction and the same thing changed (the words after
    the verb, one side's within the other's) by one agent (a word shared, or one side
    naming none) are the evidence instead. The risk of stroke and the risk of bleeding
    are two things changed; a level ("fell to 3%") has no direction and never pairs here."""
    if a.kind != "percent" or b.kind != "percent" or a.unit != b.unit \
            or a.change not in ("up", "down") or a.change != b.change:
        return False
    around_a, around_b = _around_change(measured_a), _around_change(measured_b)
    if around_a is None or around_b is None:
        return False
    (agent_a, changed_a), (agent_b, changed_b) = around_a, around_b
    if not changed_a or not changed_b or not (changed_a <= changed_b or changed_b <= changed_a):
        return False
    return not agent_a or not agent_b or bool(agent_a & agent_b)


# Modifiers that pick out part of what a noun counts: "700,000 former customers" are some of
# the customers, not a second count of them; "400 suspected cases" are not cases a test found;
# "the two leading carriages" are where the rescuers cut, not how many carriages derailed.
_SUBSET_MODIFIERS = frozenset(
    """former current existing new retired foreign domestic local overseas female male elderly
    young adult minor underage civilian military suspected probable
    leading front rear first last""".split()  # noqa: SIM905
)


# Words that make a figure a limit or a capacity, not a count of what happened: a ferry
# "licensed to carry 350 passengers" (the measured phrase keeps "licensed") that carried 412,
# a stadium's "capacity of 40,000" on a day 52,000 came, a train "travelling at 143 km/h,
# well above the 130 km/h limit".
_LIMIT_WORDS = frozenset(
    """licensed licenced certified permitted authorised authorized designed rated capacity
    maximum limit""".split()  # noqa: SIM905
)


def names_a_limit(measured: str | None) -> bool:
    """Whether a measured phrase counts what something may or can hold, not what it did."""
    return not _LIMIT_WORDS.isdisjoint(_phrase_words((measured or "").lower()))


def _narrowed(figure: Quantity, measured: str | None, other: str | None) -> bool:
    """``figure`` counts its noun under a modifier that picks out part of it ("former
    customers") and the other phrase does not say so: one counts a part of what the other
    counts."""
    words = _phrase_words((measured or "").lower())
    unit = (figure.unit or "").lower()
    if unit not in words:
        return False
    before = words[words.index(unit) - 1] if words.index(unit) else None
    return before in _SUBSET_MODIFIERS and before not in _phrase_words((other or "").lower())


def _counts_outcome(a: Quantity, b: Quantity) -> bool:
    """A figure without a counted noun whose phrase names an outcome ("the death toll at
    14", "the toll rose to 17") counts the people it befell, like "14 people were killed"."""
    if a.unit and b.unit:
        return False
    named = [q.unit for q in (a, b) if q.unit]
    return all(counts_people(unit) for unit in named)


# Nouns that are themselves a count of people: "put the turnout at 180,000" counts the
# people who took part, like "45,000 people took part".
_HEADCOUNT_NOUNS = frozenset(["turnout", "attendance", "crowd", "headcount", "participation"])


# Verbs of taking part in a gathering: people counted so are the ones a headcount counts.
_TAKING_PART = re.compile(
    r"\b(?:protest(?:s|ed|ing)?|march(?:es|ed|ing)|rall(?:y|ies|ied|ying)|"
    r"demonstrat(?:e|es|ed|ing)|gather(?:s|ed|ing)?|attend(?:s|ed|ing)?|"
    r"(?:take|takes|took|taking|taken) part|turn(?:s|ed)? out|join(?:s|ed|ing)?)\b")


def counts_the_present(a: Quantity, b: Quantity, measured_a: str | None,
                       measured_b: str | None) -> bool:
    """One figure is a bare headcount ("police put the crowd at 1,800") and the other counts
    people told as taking part ("about 3,000 workers protested"): both count the people
    present, whatever a sentence encoder makes of "crowd" against "workers protested"
    (0.37)."""
    return _headcount(a, b, measured_a, measured_b, taking_part=True)


def _headcount(a: Quantity, b: Quantity, measured_a: str | None, measured_b: str | None,
               taking_part: bool = False) -> bool:
    """One figure counts no noun of its own and its phrase is a headcount ("turnout"), the
    other counts people (``taking_part``: told as taking part): both count the people
    present."""
    for bare, phrase, other, other_phrase in ((a, measured_a, b, measured_b),
                                              (b, measured_b, a, measured_a)):
        words = set(_phrase_words((phrase or "").lower()))
        if not bare.unit and words & _HEADCOUNT_NOUNS and other.unit \
                and counts_people(other.unit) and (
                    not taking_part or _TAKING_PART.search((other_phrase or "").lower())):
            return True
    return False
