"""Shares of a whole: whose share a percentage or a fraction is, and of what.

A share is a part of a whole: "31.8 percent of the vote", "more than a third of the vote".
What tells two shares apart is whose share it is, and a sentence encoder weighs names least:
"Social Democrats" and "The Social Democrats of outgoing Prime Minister Marek Hollan took"
score 0.44, below the related bar, while another party's "Free Maravia party won" scores
0.66 against "Maravia Civic Union won vote". So a share is keyed on its owner (the name
its measured phrase opens with) and its whole (what follows "of").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..people_nouns import noun_key
from ..records import Quantity


@dataclass(frozen=True, slots=True)
class Share:
    """Whose share a percentage is and of what: ``owner`` the lower-cased words of the name
    its phrase opens with, possessors cut ("Maravia's Civic Union" → civic union); ``whole``
    the words of what it is a share of ("vote"), told after the figure or, in an elliptic
    list ("31.8 percent of the vote and the Social Democrats 28.9 percent"), by the share
    before it in the same or the previous sentence; empty when neither tells one."""

    owner: tuple[str, ...]
    whole: frozenset[str]


# words a whole's noun phrase ends at ("of the vote in Sunday's election")
_WHOLE_STOPS = frozenset(
    """in on at and or but for to with by from as after before than that which who while
    since during under over above below against among per into when where aged""".split()  # noqa: SIM905
)
# words before a whole that say how much of it, not what it is ("of the total vote")
_DETERMINERS = frozenset(
    """the a an all its their his her our this that these those total overall entire
    whole""".split()  # noqa: SIM905
)
_WHOLE_WORDS = 6
# one whole under two names: the ballots cast are the votes
_WHOLE_SYNONYMS = {"ballot": "vote"}
_OF_WHOLE = re.compile(r"\s+of\s+((?:[A-Za-z][\w.'’-]*[,;:]?\s*){1,7})")
# a figure that is a share of something: a percentage or a fraction word before "of"
_SHARE_OF = re.compile(
    r"(?:percent|per\s+cent|%|half|halves|thirds?|quarters?|fifths?|sixths?|eighths?|tenths?)"
    r"(?=\s+of\s)", re.IGNORECASE)
# a movement told before a percentage ("fell 8 percent", "up by 3 percent") makes it a
# change, not a share; "fell to 24 percent" is a level
_MOVED_BY = re.compile(
    r"\b(?:rose|rise[sn]?|rising|fell|falls?|fallen|falling|dropped|drops?|grew|grows?|grown|"
    r"gained|gains?|lost|loses?|increased|decreased|declined|climbed|jumped|slipped|slumped|"
    r"surged|plunged|soared|sank|up|down)\s+(?:by\s+)?$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][\"”’']?(?=\s)")


def _whole_words(after: str) -> frozenset[str]:
    """The words of the whole named by "of ..." at the start of ``after``, if any: its
    common nouns and modifiers, up to the first word that ends the phrase ("of the popular
    vote in ..." → popular, vote). Names are left out: "of U.S. residents" and "of the
    total U.S. adult population" are shares of different wholes."""
    found = _OF_WHOLE.match(after)
    if not found:
        return frozenset()
    words: list[str] = []
    for written in found.group(1).split()[:_WHOLE_WORDS]:
        word = re.sub(r"['’]s$", "", written.rstrip(".,;:")).lower()
        if word in _WHOLE_STOPS:
            break
        if word in _DETERMINERS or written[:1].isupper() or not word.replace("-", "").isalpha():
            continue
        key = noun_key(word) or word
        words.append(_WHOLE_SYNONYMS.get(key, key))
        if written[-1:] in ".,;:":
            break  # the phrase ends with its clause
    return frozenset(words)


def _sentence_starts(text: str, end: int, count: int) -> int:
    """Where the ``count``-th sentence back from ``end`` starts (1: the sentence ``end`` is in)."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, end)]
    return ends[-count] if len(ends) >= count else 0


def share_whole(text: str, start: int, end: int) -> frozenset[str]:
    """What the figure at ``text[start:end]`` is a share of: "of the vote" after it, else the
    whole of the last share told before it in its sentence or the one before ("X had 31.8
    percent of the vote and Y 28.9 percent"). Empty for a change ("fell 8 percent") and when
    no whole is told."""
    if _MOVED_BY.search(text[max(0, start - 30) : start]):
        return frozenset()
    told = _whole_words(text[end : end + 80])
    if told:
        return told
    before = _sentence_starts(text, start, 2)
    for found in reversed(list(_SHARE_OF.finditer(text, before, start))):
        carried = _whole_words(text[found.end() : found.end() + 80])
        if carried:
            return carried
    return frozenset()


def written_as_name(word: str, text: str) -> bool:
    """A capitalised word the text writes capitalised where no sentence starts: "Union" in
    "the opposition Civic Union", not "Turnout" or "Final" opening sentences."""
    if not word[:1].isupper():
        return False
    for found in re.finditer(rf"(?<![\w'’-]){re.escape(word)}(?:['’]s)?(?![\w'’-])", text):
        # the character before the word and its spaces, looked up in place: slicing the text
        # up to each match made long stories quadratic
        at = found.start() - 1
        while at >= 0 and text[at] in " \t":
            at -= 1
        if at >= 0 and text[at] not in ".!?\n\"“”‘’'(—–-:":
            return True
    return False


def _cut_possessors(run: list[str], text: str) -> list[str]:
    """The name after the last possessor the text writes inside the run: "Prime Minister
    Marek Hollan's Social Democrats" → Social Democrats."""
    pattern = r"\s+".join(rf"{re.escape(w)}(['’]s)?" for w in run)
    found = re.search(pattern, text)
    if not found:
        return run
    cut = 0
    for index in range(len(run) - 1):
        if found.group(index + 1):
            cut = index + 1
    return run[cut:]


def share_owner(measured: str | None, text: str) -> tuple[str, ...]:
    """Whose share a figure is: the first run of names in its measured phrase, possessors
    cut ("Ilona Varga Civic Union winning vote" → civic union); empty when it names none."""
    run: list[str] = []
    for word in re.findall(r"[A-Za-z][\w.-]*", measured or ""):
        word = word.rstrip(".")
        if word and written_as_name(word, text):
            run.append(word)
        elif run:
            break
    if not run:
        return ()
    return tuple(w.lower() for w in _cut_possessors(run, text))


def share_of(q: Quantity, measured: str | None, text: str) -> Share | None:
    """The share a percentage or a fraction at ``q.span`` of ``text`` gives, when its phrase
    names an owner and the text a whole; None otherwise."""
    if q.kind not in ("percent", "ratio"):
        return None
    owner = share_owner(measured, text)
    if not owner:
        return None
    whole = share_whole(text, q.span.start, q.span.end)
    if not whole and q.kind == "ratio" and q.unit:  # "one in five voters"
        whole = frozenset([noun_key(q.unit) or q.unit.lower()])
    return Share(owner, whole) if whole else None


def same_share(a: Share | None, b: Share | None) -> bool | None:
    """Whether two figures are one share: True for one owner (one name ending the other's:
    "Marek Hollan", "Hollan") of wholes with a word in common, False for different owners of
    such wholes ("Social Democrats" and "Civic Union" are never one measured thing, however
    alike their phrases), None when either is no share or the wholes differ (the measured
    phrases decide)."""
    if a is None or b is None or not a.whole & b.whole:
        return None
    short, long = sorted((a.owner, b.owner), key=len)
    return long[len(long) - len(short):] == short
