"""The four kinds of conflict between claims of one story, each with a sentence for readers.

- ``misreport``: outlets give the same source different figures (or words): "nearly 2,000"
  in the original, "more than 2,000" in the rewrite, both attributed to the same minister; a
  figure changed along a derivation edge is the strongest evidence of one.
- ``source-disagreement``: different named sources give incompatible figures for the same
  measured thing.
- ``update``: the same source's figure changed over time (publication dates at least
  ``update_gap_hours`` apart, or an update cue: "raised", "up from", "had earlier estimated",
  or the later figure published by the source itself: :mod:`.own_statements`).
- ``quote-variant``: a speaker's quotation appears in one lineage only while another outlet
  reports that speaker on the same point in other words or with a materially different
  quotation (:mod:`corroborator.compare.quote_variants`); or another report gives its words to
  someone telling what the speaker said (:mod:`corroborator.compare.quoted_speakers`).

Precision comes first: a conflict needs a known speaker on both sides (or a derivation edge
between the two articles), figures of the same scale whose measured phrases match closely,
and intervals that do not overlap.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache, cached_property
from os.path import commonprefix

from ..nlp.numbers import scan_quantities
from ..nlp.quantities import ELIDED
from ..nlp.revisions import FIGURE_NOUNS
from ..records import Article, Claim, Conflict, Derivation, Quantity, Span
from . import intervals
from .candidates import Figure, StoryVectors
from .entry_times import claim_time, entry_span, report_key
from .measures import outcomes, outcomes_agree
from .own_statements import newer_figure_of_its_source
from .progress import count_moved_on
from .revisions import NEW, Replaced, is_previous, revises, split_from_to
from .settings import CompareSettings
from .shares import written_as_name
from .speakers import NAMED, OUTLET, Speaker, StorySpeakers

_UPDATE_CUE = re.compile(
    r"\b(?:rais(?:ed|es|ing)|revis(?:ed|es|ing)|updat(?:ed|es|ing)|up from|down from|"
    r"had (?:earlier|previously|initially)|earlier (?:estimated|put|gave|said)|"
    r"previously|initially|no longer|now (?:puts?|says?|estimates?|believes?)|rose to|"
    r"risen to|climbed to|increased (?:its|his|her|their|the) (?:estimate|toll|figure)|"
    r"lowered|new (?:toll|figure|estimate|count))\b",
    re.IGNORECASE,
)
_QUOTE_WORDS = re.compile(r"[\w’']+")
# Titles naming two articles of one outlet in an explanation are cut to this many characters.
_TITLE_CHARS = 60


@dataclass
class StoryContext:
    """Everything the conflict rules read about one story."""

    story_id: str
    articles: dict[str, Article]
    speakers: StorySpeakers
    vectors: StoryVectors
    roots: dict[str, str]  # article id -> lineage root
    derivations: Sequence[Derivation]
    settings: CompareSettings
    added_claims: list[Claim] = field(default_factory=list)
    # values revisions replaced, by sentence (``revisions.replaced_in_sentences``)
    replaced: Replaced = field(default_factory=dict)
    # what the claims' figures measure, by (article id, figure start)
    measures: dict[tuple[str, int], str | None] = field(default_factory=dict)
    # the story's claims, to find when a source first gave a figure
    claims: Sequence[Claim] = ()
    _figures: dict[str, list[Quantity]] = field(default_factory=dict)
    _words: dict[str, str] = field(default_factory=dict)
    _tellers: dict[tuple, list[Claim]] = field(default_factory=dict)

    def claims_telling(self, quantity: Quantity) -> list[Claim]:
        """The story's claims with a figure of ``quantity``'s interval and kind (indexed
        once per story: asked for every pair of figures judged)."""
        if not self._tellers and self.claims:
            for claim in self.claims:
                for key in {(o.low, o.high, o.kind) for o in claim.quantities}:
                    self._tellers.setdefault(key, []).append(claim)
        return self._tellers.get((quantity.low, quantity.high, quantity.kind), [])

    def figures_in(self, article: Article) -> list[Quantity]:
        """Every figure of ``article``'s text (scanned once per story)."""
        if article.id not in self._figures:
            self._figures[article.id] = scan_quantities(article.text)
        return self._figures[article.id]

    def words_of(self, article: Article) -> str:
        """The article's words, normalised for quotation search (computed once)."""
        if article.id not in self._words:
            self._words[article.id] = " ".join(words_of(article.text))
        return self._words[article.id]

    def report_of(self, claim: Claim) -> str:
        """What tells the claim as one report: its article, or a live page's entry."""
        return report_key(claim, self.articles.get(claim.article_id))

    def published(self, claim: Claim) -> datetime | None:
        """When the claim's report told it (a live page's entry: its time line's time)."""
        return claim_time(claim, self.articles.get(claim.article_id))

    def outlet(self, claim: Claim) -> str:
        """The claim's outlet; without one (a text file given on its own), its article's
        title, which a reader recognises where an id says nothing."""
        article = self.articles.get(claim.article_id)
        if article and article.outlet:
            return article.outlet
        title = self._short_title(claim)
        return f"“{title}”" if title else f"article {claim.article_id[:8]}"

    def _short_title(self, claim: Claim) -> str:
        article = self.articles.get(claim.article_id)
        title = " ".join((article.title or "").split()) if article else ""
        if len(title) > _TITLE_CHARS:  # cut at a word, not inside one
            title = title[:_TITLE_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + "…"
        return title

    def report(self, claim: Claim) -> str:
        """The claim's article as a sentence names it beside its outlet: its title, quoted."""
        title = self._short_title(claim)
        return f"“{title}”" if title else f"article {claim.article_id[:8]}"

    def outlets(self, a: Claim, b: Claim) -> tuple[str, str]:
        """The outlets of two claims as an explanation names them: two articles of one
        outlet (or of one folder, when files carry no outlet) are told apart by title."""
        first, second = self.outlet(a), self.outlet(b)
        if first != second or a.article_id == b.article_id:
            return first, second
        return self._titled(a, first), self._titled(b, second)

    def _titled(self, claim: Claim, outlet: str) -> str:
        title = self._short_title(claim)
        if not title or outlet == f"“{title}”":  # no title, or it already names them
            return f"{outlet} (article {claim.article_id[:8]})"
        return f"{outlet} (“{title}”)"

    @cached_property
    def _direct_sources(self) -> dict[str, set[str]]:
        direct: dict[str, set[str]] = {}
        for edge in self.derivations:
            direct.setdefault(edge.article_id, set()).add(edge.source_id)
        return direct

    def sources_of(self, article_id: str) -> set[str]:
        """Every article ``article_id`` derives from, directly or through others."""
        found: set[str] = set()
        todo = [article_id]
        while todo:
            for source in self._direct_sources.get(todo.pop(), ()):
                if source not in found and source != article_id:
                    found.add(source)
                    todo.append(source)
        return found

    def linked(self, a: Claim, b: Claim) -> bool:
        """True when the two articles are one lineage (copies or rewrites of one origin)."""
        return self.roots.get(a.article_id, a.article_id) == self.roots.get(
            b.article_id, b.article_id
        )

    def sentence(self, claim: Claim) -> str:
        article = self.articles.get(claim.article_id)
        if article is None:
            return ""
        span = claim.sentence_span or claim.content_span
        return article.text[span.start : span.end]


def told_order(ctx: StoryContext, claim: Claim) -> tuple[int, float, str]:
    """A claim's place in publication order (undated last; ties by article id)."""
    when = ctx.published(claim)
    return (0, when.timestamp(), claim.article_id) if when else (1, 0.0, claim.article_id)


def _order(ctx: StoryContext, a: Claim, b: Claim) -> tuple[Claim, Claim]:
    """Earlier publication first (undated last; ties by article id for stable output)."""
    return (a, b) if told_order(ctx, a) <= told_order(ctx, b) else (b, a)


def _date(when: datetime | None) -> str:
    return f"{when.day} {when:%B %Y}" if when else "an undated report"


def _date_time(when: datetime | None) -> str:
    return f"{_date(when)}, {when:%H:%M}" if when else _date(when)


def _q(text: str) -> str:
    return f"“{text}”"


def _who(speaker: Speaker) -> str:
    """A speaker as a sentence names it: "Lena Vostrikova", "the company", "the fire
    service" (a body named by its remit)."""
    if speaker.kind != OUTLET and not speaker.label[:1].isupper() and not re.match(
            r"(?:the|a|an|its|his|her|their)\b", speaker.label, re.I):
        return f"the {speaker.label}"
    return speaker.label


# Plural nouns for people without a plural ending.
_PLURALS_WITHOUT_S = frozenset(["police", "people"])
_PREPOSITIONS = frozenset(["at", "from", "of", "with", "in", "for"])


def _puts(claim: Claim, speaker: Speaker) -> str:
    """The verb a speaker takes: "the union puts", but "Analysts at Hallbeck Securities
    put", "Police put", "Ostrel Rail and Kavan Logistics put". A plural is a speaker no
    recogniser took for a name (a firm's "Kelvar Motors" stays singular) whose head word,
    alone or before a preposition, is a plural noun, or that ends in a lower-case plural
    noun ("Alliance observers"); or two names joined by "and"."""
    words = speaker.label.split()
    if speaker.kind == OUTLET or claim.speaker_type or not words:
        return "puts"
    if words[0].lower() in ("the", "a", "an") and len(words) > 1:
        words = words[1:]
    head = words[0].lower()
    headed = len(words) == 1 or words[1].lower() in _PREPOSITIONS
    joined = "and" in words[1:-1] and all(w[:1].isupper() for w in (words[0], words[-1]))
    # "Alliance observers": a lower-case plural noun after its modifiers is no name's word
    last = words[-1]
    modified = len(words) > 1 and last.islower() and not any(
        w.lower() in _PREPOSITIONS for w in words)
    return "put" if (headed and _plural(head)) or (modified and _plural(last)) or joined \
        else "puts"


def _plural(word: str) -> bool:
    word = word.lower()
    return word in _PLURALS_WITHOUT_S or (
        word.endswith("s") and not word.endswith(("ss", "us", "is")))


def _sentence(text: str) -> str:
    """An explanation starts with a capital, whatever name opens it ("the union puts ...")."""
    return text[:1].upper() + text[1:]


# -- figures -------------------------------------------------------------------------------


def _hours_apart(ctx: StoryContext, a: Claim, b: Claim) -> float | None:
    ta, tb = ctx.published(a), ctx.published(b)
    if ta is None or tb is None:
        return None
    try:
        return abs((tb - ta).total_seconds()) / 3600.0
    except TypeError:  # naive vs aware datetimes: compare wall-clock values
        return abs((tb.replace(tzinfo=None) - ta.replace(tzinfo=None)).total_seconds()) / 3600.0


def _first_told(ctx: StoryContext, figure: Figure) -> datetime | None:
    """When the story first tells ``figure`` as its source's: a paper that restates a
    source's figure the next day ("Orlavia says it handed over 95") reports no newer count
    than the wire that gave it first."""
    times = [ctx.published(c) for c in (*ctx.claims_telling(figure.quantity), figure.claim)
             if c.id == figure.claim.id or ctx.speakers.same(c, figure.claim)
             or ctx.speakers.heads(c, figure.claim) or ctx.speakers.affiliated(c, figure.claim)]
    told = [t for t in times if t is not None]
    # naive and aware datetimes: compare wall-clock values
    return min(told, key=lambda t: t.replace(tzinfo=None)) if told else None


def _first_told_apart(ctx: StoryContext, f1: Figure, f2: Figure) -> float | None:
    """Hours between the first tellings of two sources' figures (None when either is
    undated)."""
    t1, t2 = _first_told(ctx, f1), _first_told(ctx, f2)
    if t1 is None or t2 is None:
        return None
    return abs((t2.replace(tzinfo=None) - t1.replace(tzinfo=None)).total_seconds()) / 3600.0


def _duration(hours: float) -> str:
    """"20 hours", "3 days"."""
    if hours < 36:
        return f"{round(hours)} hours"
    return f"{round(hours / 24)} days"


def restated(fa: Figure, fb: Figure) -> bool:
    """True when either claim also carries a figure compatible with the other's: the two
    reports give the same figures ("2 doctors ... 500 residents" in both), merely paired
    differently, so nothing contradicts. The figure carried must count the same kind of
    outcome: "at least 12 people were missing" is compatible with "more than 1,500
    evacuated" as an interval, but it restates nothing about the evacuated."""
    def carries(claim: Claim, q: Quantity, owner: Claim) -> bool:
        if claim.id == owner.id:
            return False
        # a value a revision replaced ("from 40 to 52", "up from 40") is not restated
        others = [o for whole in claim.quantities for o in split_from_to(whole)
                  if not is_previous(o)]
        return any(intervals.agreeing(o, q) and outcomes(o.measured) == outcomes(q.measured)
                   for o in others)

    return carries(fb.claim, fa.quantity, fa.claim) or carries(fa.claim, fb.quantity, fb.claim)


# How far before a figure the words telling it moved may stand: "has risen to 47", "the toll
# climbed on Sunday to 47".
_MOVED_REACH = 40


def told_as_moved(ctx: StoryContext, fa: Figure, fb: Figure) -> bool:
    """True when two figures fit together but the later is told as where the count has moved
    since ("the number of people killed has risen to 47" after "at least 31 died"): a new
    count replaces the old, whose interval it happens to fall in; the two written values
    differ, so neither repeats the other. The words of the move must lead up to the later
    figure itself, not to another figure of its sentence."""
    if fa.quantity.value is None or fa.quantity.value == fb.quantity.value:
        return False
    first, second = _order(ctx, fa.claim, fb.claim)
    article = ctx.articles.get(second.article_id)
    if ctx.report_of(first) == ctx.report_of(second) or article is None:
        return False
    later = fa if second is fa.claim else fb
    if later.quantity.change in ("up", "down"):
        # "lowered the risk of stroke by 32%": the figure is the size of a change, no level
        # a count has moved to, whatever verb of change leads up to it
        return False
    sentence = second.sentence_span or second.content_span
    start = later.quantity.span.start
    before = article.text[max(sentence.start, start - _MOVED_REACH) : start]
    moves = list(_UPDATE_CUE.finditer(before))
    # "had risen to 19 and that 58 were missing": the move is 19's, not 58's
    return bool(moves) and not re.search(r"\d", before[moves[-1].end() :])


# Stances of a figure a source gives as its own word, not as an estimate.
_SETTLED_STANCES = frozenset(["stated", "confirmed"])


def estimate_settled(ctx: StoryContext, fa: Figure, fb: Figure) -> bool:
    """True when a source's estimate is replaced by a figure it gives as its own word in a
    later report: a body's "about 61%" turnout, estimated on the night, then its stated
    61.8% the next morning. The later figure fits the estimate, so nothing contradicts, but
    it is the settled value, not the estimate told again: a later update. Two sources that
    agree ("about 61%" and "61%"), a copy of the report and one report telling both are
    not this; nor is an estimate that follows the stated figure, or one no wider than it."""
    first, second = _order(ctx, fa.claim, fb.claim)
    earlier, later = (fa, fb) if first is fa.claim else (fb, fa)
    if first.stance != "estimated" or second.stance not in _SETTLED_STANCES:
        return False
    if not ctx.speakers.same(first, second) or ctx.linked(first, second) or (
            ctx.report_of(first) == ctx.report_of(second)):
        return False
    t1, t2 = ctx.published(first), ctx.published(second)
    if t1 is None or t2 is None or t2.replace(tzinfo=None) <= t1.replace(tzinfo=None):
        return False
    return _narrower(later.quantity, earlier.quantity)


def _narrower(q: Quantity, than: Quantity) -> bool:
    """Whether ``q`` pins down a value within ``than`` more closely than ``than`` does."""
    low, high = intervals.bounds(q)
    was_low, was_high = intervals.bounds(than)
    return was_low <= low and high <= was_high and high - low < was_high - was_low


def _gives_both(ctx: StoryContext, first: Claim, second: Claim, q1: Quantity,
                q2: Quantity) -> bool:
    """True when either report also gives the other's figure somewhere: two figures of one
    report ("the 29-year-old ... the 35-year-old deputy"), paired wrongly, not a change. Two
    entries of one live page are two reports: each is read alone."""
    a1, a2 = ctx.articles.get(first.article_id), ctx.articles.get(second.article_id)
    w1 = w2 = None
    if a1 is not None and a1 is a2:
        w1 = entry_span(a1, first.content_span.start)
        w2 = entry_span(a1, second.content_span.start)
    return (a2 is not None and _states(a2, q1, ctx, within=w2)) or (
        a1 is not None and _states(a1, q2, ctx, within=w1))


def _states_in_sentence(ctx: StoryContext, claim: Claim, figure: Quantity) -> bool:
    """Whether the sentence of ``claim`` also states ``figure``: two figures of one sentence
    ("raised to 40 the 29 ..."), which an update cue there does not tell apart."""
    article = ctx.articles.get(claim.article_id)
    return article is not None and claim.sentence_span is not None and _states(
        article, figure, ctx, within=claim.sentence_span)


def _tells_the_change(ctx: StoryContext, earlier: Figure, later: Figure) -> bool:
    """True when the later figure is told as a change and its sentence gives the earlier
    figure too ("about 85,000 ..., down from 200,000 at the height of the storm"): the
    report itself says the earlier figure was the state before, whoever gave either. (An
    earlier figure elsewhere in the report, "had earlier estimated the toll at around 800",
    may be another source's, not the one the change starts from.) The value replaced is a
    state the report tells, in no claim."""
    article = ctx.articles.get(later.claim.article_id)
    sentence = later.claim.sentence_span
    if later.quantity.revision not in NEW or article is None or sentence is None:
        return False
    if any(_told_as_a_figure(article.text, q)
           for q in ctx.replaced.get((article.id, sentence.start), ())):
        # "310, up from her estimate of about 250": the value replaced is a source's own
        # figure, a claim of its own; whether that source speaks for the other decides
        # ("780 cases, up from about 400 a week earlier" tells a bare earlier state)
        return False
    # "up from about 400" tells the state "more than 400" was: only opposite hedges differ
    return _states(article, earlier.quantity, ctx, within=sentence, about_fits=True)


# How far before a replaced value its figure noun may stand: "from her estimate of about 250".
_FIGURE_NOUN_REACH = 40


def _told_as_a_figure(text: str, replaced: Quantity) -> bool:
    """Whether the value a revision replaced is told as someone's figure ("up from her
    estimate of about 250") rather than as the earlier state itself ("up from about 250")."""
    before = text[max(0, replaced.span.start - _FIGURE_NOUN_REACH) : replaced.span.start]
    after_from = re.split(r"\bfrom\b", before, flags=re.I)[-1]
    return any(w in FIGURE_NOUNS for w in re.findall(r"[a-z]+", after_from.lower()))


def _moved_by_its_source(ctx: StoryContext, earlier: Figure, later: Figure,
                         source: Speaker) -> bool:
    """True when a later report tells the earlier figure's own source moving it to the later
    figure ("Kelvar Motors widened its recall to 52,000 cars, the regulator said" after the
    carmaker's "about 40,000"): whoever relays it, the count is the source's, changed since,
    and no one contradicts anyone. The mover is the subject the measured phrase opens with
    (:mod:`..nlp.quantities` keeps a subject that set its own deed's level); copies of one
    report, or the change told no later than the figure it replaces, tell nothing of time."""
    measured = (later.quantity.measured or "").lower()
    name = source.label.lower()
    if later.quantity.revision not in NEW or not source.known or not (
            measured.startswith(name + " ")):
        return False
    gap = _hours_apart(ctx, earlier.claim, later.claim)
    return bool(gap) and not ctx.linked(earlier.claim, later.claim)


def _outlet_updated(ctx: StoryContext, first: Claim, second: Claim) -> bool:
    """True when one outlet gave the two figures in two reports of its own, the later at
    least ``update_gap_hours`` after, and no copy of the other: sources it cannot tell
    apart ("the commission", then "final results") give its later count, which updates
    its earlier one (the caller has ruled out sources known to differ)."""
    a1, a2 = ctx.articles.get(first.article_id), ctx.articles.get(second.article_id)
    if a1 is None or a2 is None or a1.id == a2.id or not a1.outlet or a1.outlet != a2.outlet:
        return False
    gap = _hours_apart(ctx, first, second)
    return gap is not None and gap >= ctx.settings.update_gap_hours and not ctx.linked(
        first, second)


def _count_moved_on(ctx: StoryContext, first: Claim, second: Claim) -> bool:
    """True when the later claim's sentence tells its figures at a further stage of the
    count than the earlier's ("with 40% of ballots counted" / "with 97% counted";
    :func:`.progress.count_moved_on`)."""
    return count_moved_on(ctx.sentence(first), ctx.sentence(second))


def _moved_later(ctx: StoryContext, fa: Figure, fb: Figure, first: Claim,
                 second: Claim) -> bool:
    """True when the later of two reports of other lineages, from sources not known to
    differ, tells its figure as where the count has moved ("the death toll rose to five"
    the day after a page's "death toll stands at two"): the count moved, no one
    contradicts anyone."""
    gap = _hours_apart(ctx, first, second)
    return bool(gap) and not ctx.linked(first, second) and told_as_moved(ctx, fa, fb)


def _told_by(speaker: Speaker, where: str, when: datetime | None) -> str:
    """Who told a figure where, and when: "the ministry, Harlow Press Agency, 18 November
    2026"; an outlet's own figure by the outlet (``where``) alone, not by its name twice."""
    told = f"{where}, {_date(when)}"
    return told if speaker.kind == OUTLET else f"{_who(speaker)}, {told}"


def _possessive(name: str) -> str:
    """"Kelvar Motors'", "the Social Democrats'", "the agency's"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _without_speaker(what: str, speakers: Sequence[Speaker]) -> str:
    """The phrase without the name of a speaker the sentence names anyway: "Kelvar Motors'
    figure for cut jobs", not "... for Kelvar Motors cut jobs"."""
    for speaker in speakers:
        name = speaker.label
        if what.lower().startswith(name.lower() + " ") and len(what) > len(name) + 1:
            return what[len(name) + 1 :]
    return what


# Words two measured phrases must open with alike to be named by those words alone.
_SHARED_OPENING = 2


def _shared_phrase(first: str | None, second: str | None) -> str | None:
    """The measured phrase to name two figures by: the first's, or the other's when its words
    are all in the first's ("fee" of "fee striker Dario Lenk": what both measure), or the
    words both open with ("death toll" of "death toll stands" and "death toll rose")."""
    if first and second and set(second.lower().split()) < set(first.lower().split()):
        return second
    if first and second:
        # "death toll stands" and "death toll rose": what both measure is the words they
        # open with, not either one's verb
        words = first.split()
        common = commonprefix([[w.lower() for w in words], second.lower().split()])
        opening = words[: len(common)]
        # a name both open with ("Kelvar Motors cut jobs", "Storm Ilsa killed people") is who
        # acts, not what is measured: the opening needs a word in lower case
        if len(common) >= _SHARED_OPENING and any(w[:1].islower() for w in opening[1:]):
            return " ".join(opening)
    return first or second


# Verbs of winning or holding: what a name "won" or "holds" is its own ("the Unity Party's
# seats"), where what it "cut" or "counted" is not.
_HOLDING_VERBS = frozenset(
    """win wins won take takes took hold holds held have has had get gets got secure secures
    secured keep keeps kept""".split()  # noqa: SIM905
)


def _held_by_name(phrase: str, unit1: str | None, unit2: str | None) -> str | None:
    """A count of what a name won or holds, as a sentence names it: "Unity Party win seats"
    is "Unity Party's seats"; None for any other phrase."""
    words = phrase.split()
    if unit1 is None or unit1 != unit2 or len(words) < 3 or words[-1] != unit1:
        return None
    name = list(itertools.takewhile(lambda w: w[:1].isupper(), words))
    if not name or words[len(name) : -1] == [] or any(
            w.lower() not in _HOLDING_VERBS for w in words[len(name) : -1]):
        return None
    return f"{_possessive(' '.join(name))} {unit1}"


def _names_recapitalised(phrase: str, ctx: StoryContext) -> str:
    """``phrase`` with the capital back on a word the story's reports only ever write as a
    name: a count named by what it counts puts a sentence's first word inside the phrase,
    in lower case unless its paragraph shows it is a name ("flights lisk airport cancelled"
    when "in Lisk and Selby" stands in another paragraph, each parsed alone). A word any
    report writes in lower case stays so, which keeps a title-case headline's "Forces" or
    "Homes" from passing for names."""
    texts = [article.text for article in ctx.articles.values()]
    words = phrase.split(" ")
    for index, word in enumerate(words):
        if not word.isalpha() or not word.islower():
            continue
        lower = re.compile(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])")
        title = word[:1].upper() + word[1:]
        # the lower-case search first: it is cheap and settles most words
        if not any(lower.search(text) for text in texts) and any(
                written_as_name(title, text) for text in texts):
            words[index] = title
    return " ".join(words)


def _figure_name(ctx: StoryContext, f1: Figure, f2: Figure) -> str:
    """What two figures count, as a sentence names it: a share by whose share of what it is
    ("Civic Union's share of the vote", not "Civic Union had vote"), what a name won or
    holds as its own ("the Unity Party's seats"), else, where its measured phrase joins a
    subject and a verb ("cuts cost jobs"), the count by what it counts ("jobs the cuts would
    cost") or the first figure's clause as written, quoted ("the closures lowered the risk
    of stroke by …"), or the subject's own measure when the clause tells it ("the slick's
    area", not "the slick covers …"), else the measured phrase with a first
    word that is no name in lower case ("turnout", not "Turnout"); two flows by what they
    are ("the flow per day", not "escaping" of "... barrels a day were escaping")."""
    if f1.flow is not None and f1.flow == f2.flow:
        return f"the flow per {f1.flow}"
    for figure in (f1, f2):
        share, measured = figure.share, figure.quantity.measured or ""
        if share is not None and share.whole:
            found = re.search(r"\s+".join(re.escape(w) for w in share.owner), measured,
                              re.IGNORECASE)
            owner = found.group(0) if found else " ".join(share.owner)
            return f"{_possessive(owner)} share of the {' '.join(sorted(share.whole))}"
    phrase = _shared_phrase(f1.quantity.measured, f2.quantity.measured)
    # what a name won or holds reads best as its own ("the Unity Party's seats"), before
    # the clause that says it ("the Unity Party to win … of the seats")
    held = _held_by_name(phrase, f1.quantity.unit, f2.quantity.unit) if phrase else None
    if held is not None:
        return held
    named = f1.quantity.named
    speaker = ctx.speakers.of(f1.claim).label
    if named and not re.search(rf"(?:^|\s){re.escape(speaker)}\s", named, re.IGNORECASE):
        # a subject, its verb and what it counts read as the sentence wrote them, quoted; a
        # subject that is the speaker is said anyway ("Kelvar Motors' figure for cut jobs",
        # not "for jobs Kelvar Motors would cut"); a count named by what it counts ("jobs
        # the closures would cost") or a subject's own measure ("the slick's area") is a
        # reader's noun phrase, no quotation
        return f"“{named}”" if ELIDED in named else _names_recapitalised(named, ctx)
    if not phrase:
        return "the same figure"
    first, _, rest = phrase.partition(" ")
    # "Storm Ilsa" opens its sentences, and is a name all the same; a report that opens every
    # sentence with "Orvane" may leave it to another report to write it inside one
    if first[:1].isupper() and not rest[:1].isupper() and not any(
            written_as_name(first, article.text) for article in ctx.articles.values()):
        return " ".join(filter(None, (first.lower(), rest)))
    return phrase


def _own_figure_changed(ctx: StoryContext, first: Claim, second: Claim,
                        what: Callable[[], str], fig1: str, fig2: str,
                        gap: float | None) -> Conflict | None:
    """One outlet's two reports that each state a figure of their own: the later report's
    is its update, whatever the hours between (``gap``, None when either is undated);
    without a later one, nothing can be said. (No one is misreported: the outlet is the
    source of both.)"""
    if not gap:
        return None
    t1, t2 = ctx.published(first), ctx.published(second)
    o1, o2 = ctx.outlets(first, second)
    text = _sentence(
        f"{_possessive(ctx.outlet(first))} own figure for {what()} changed from {_q(fig1)} ({o1}, "
        f"{_date(t1)}) to {_q(fig2)} ({o2}, {_date(t2)}): a later update of its report, not a "
        "contradiction."
    )
    return Conflict("update", (first.id, second.id), text, ctx.story_id)


def _source_update(ctx: StoryContext, first: Claim, second: Claim, what: str,
                   figures: tuple[str, str], outlets: tuple[str, str],
                   when: Callable[[datetime | None], str], giver: Speaker | None) -> Conflict:
    """One source's figure moved from the first report's to the second's; ``giver``, who
    gave the later figure when that is not the source itself."""
    (fig1, fig2), (o1, o2) = figures, outlets
    given = f", given by {_who(giver)}" if giver is not None else ""
    text = _sentence(
        f"{_possessive(_who(ctx.speakers.of(first)))} figure for {what} changed from "
        f"{_q(fig1)} ({o1}, {when(ctx.published(first))}) to {_q(fig2)} ({o2}, "
        f"{when(ctx.published(second))}{given}): a later update, not a contradiction."
    )
    return Conflict("update", (first.id, second.id), text, ctx.story_id)


def judge_figures(ctx: StoryContext, fa: Figure, fb: Figure) -> Conflict | None:
    """The conflict between two incompatible figures for one measured thing, if any (a
    figure given only as the value a revision replaced is context, never in conflict). One
    speaker's two numbers told apart under one hedge (:func:`.intervals.told_apart`) are
    incompatible too: they cannot both be what the speaker said; so are one speaker's count
    and a later one told as where it has moved (:func:`told_as_moved`)."""
    settled = estimate_settled(ctx, fa, fb)
    if not intervals.conflicting(fa.quantity, fb.quantity) and not settled and not (
            (intervals.told_apart(fa.quantity, fb.quantity) or told_as_moved(ctx, fa, fb))
            and ctx.speakers.same(fa.claim, fb.claim)):
        return None
    if is_previous(fa.quantity) or is_previous(fb.quantity):
        return None
    first, second = _order(ctx, fa.claim, fb.claim)
    f1, f2 = (fa, fb) if first is fa.claim else (fb, fa)
    s1, s2 = ctx.speakers.of(first), ctx.speakers.of(second)
    fig1, fig2 = intervals.figure_text(f1.quantity), intervals.figure_text(f2.quantity)

    # named only for a conflict found: most pairs judged end in none
    @cache
    def what() -> str:
        return _without_speaker(_figure_name(ctx, f1, f2), (s1, s2))

    o1, o2 = ctx.outlets(first, second)
    ids = (first.id, second.id)
    # "raised her estimate to 2,400, up from nearly 2,000": the later article gives the
    # earlier figure as the one replaced, which is the update itself, not a restatement
    revised = revises(f2, f1, ctx.replaced)
    if ctx.speakers.affiliated(first, second) and not revised:
        return None
    # a country revising its own office's figure is that source's update, as a minister
    # revising the ministry's is (``heads``)
    heads = ctx.speakers.heads(first, second) or ctx.speakers.affiliated(first, second)
    if heads and not revised:
        # a governor and her bank are one source, but not one utterance: only a revision
        # she says she made ties her figure to the bank's
        return None
    # the fire chief revising "his estimate", which the fire service gave: one source
    if ctx.speakers.same(first, second) or heads:
        # "revised its estimate ... to between 25,000 and 30,000" in a report that gives the
        # estimate replaced too ("had put the flow at ..."): the report tells the update
        told_revised = _UPDATE_CUE.search(ctx.sentence(second)) is not None \
            and not _states_in_sentence(ctx, second, f1.quantity)
        if not (revised or told_revised) and _gives_both(ctx, first, second, f1.quantity,
                                                         f2.quantity):
            return None
        gap = _hours_apart(ctx, first, second)
        # "with 40% of ballots counted", then "with 97% counted": the count moved on
        cue = _UPDATE_CUE.search(ctx.sentence(second)) or _count_moved_on(ctx, first, second)
        # an estimate its source later settles ("about 61%", then a stated "61.8%") is
        # replaced by the settled figure, however few the hours between
        cue = cue or settled
        # a live page's later entry is the page itself telling the source's newer figure
        entries = first.article_id == second.article_id
        if s1.kind == OUTLET and not (revised or cue or entries):
            return _own_figure_changed(ctx, first, second, what, fig1, fig2, gap)
        # a source cannot misreport itself: its own later statement, or a report of the
        # figure that statement published, gives its newer figure however soon after
        if revised or cue or entries or (
                gap is not None and gap >= ctx.settings.update_gap_hours
                and not ctx.linked(first, second)) or newer_figure_of_its_source(ctx, f1, f2):
            # two entries of one live page: their times tell them apart
            when = _date_time if entries else _date
            return _source_update(ctx, first, second, what(), (fig1, fig2), (o1, o2),
                                  when, None if s1.key == s2.key else s2)
        text = (
            f"{o2} reports {_who(s2)} as giving {_q(fig2)} for {what()}, but {o1} has the same "
            f"source saying {_q(fig1)}; the two figures cannot both be what was said."
        )
        return Conflict("misreport", ids, text, ctx.story_id)
    if _tells_the_change(ctx, f1, f2):
        text = _sentence(
            f"The figure for {what()} changed from {_q(fig1)} "
            f"({_told_by(s1, o1, ctx.published(first))}) to {_q(fig2)} "
            f"({_told_by(s2, o2, ctx.published(second))}), which gives the earlier figure as "
            f"the one it replaces: a later update, not a contradiction."
        )
        return Conflict("update", ids, text, ctx.story_id)
    if _moved_by_its_source(ctx, f1, f2, s1):
        return _source_update(ctx, first, second, what(), (fig1, fig2), (o1, o2), _date, s2)
    if ctx.speakers.distinct(first, second):
        gap = _first_told_apart(ctx, f1, f2)
        # Tolls move: a reader should not take a later source's newer count for a dispute
        # without being told how far apart the two were first given. A speed or a sum is
        # not counted again as time goes by, but it may be estimated anew.
        newer = "count" if f2.quantity.kind == "count" else "estimate"
        apart = (f", given {_duration(gap)} apart (the later may be a newer {newer})"
                 if gap is not None and gap >= ctx.settings.update_gap_hours else "")
        text = _sentence(
            f"{_who(s1)} {_puts(first, s1)} {what()} at {_q(fig1)} ({o1}, "
            f"{_date(ctx.published(first))}), while {_who(s2)} {_puts(second, s2)} it at "
            f"{_q(fig2)} ({o2}, {_date(ctx.published(second))}): "
            f"different sources with incompatible figures{apart}."
        )
        return Conflict("source-disagreement", ids, text, ctx.story_id)
    if _moved_later(ctx, fa, fb, first, second):
        text = _sentence(
            f"The figure for {what()} changed from {_q(fig1)} "
            f"({_told_by(s1, ctx.outlet(first), ctx.published(first))}) to {_q(fig2)} "
            f"({_told_by(s2, ctx.outlet(second), ctx.published(second))}), told as where the "
            f"count has moved since: a later update, not a contradiction.")
        return Conflict("update", ids, text, ctx.story_id)
    if _outlet_updated(ctx, first, second) and not _gives_both(
            ctx, first, second, f1.quantity, f2.quantity):
        t1, t2 = ctx.report(first), ctx.report(second)
        text = (
            f"{_possessive(ctx.outlet(first))} figure for {what()} changed from {_q(fig1)} ({t1}, "
            f"{_date(ctx.published(first))}, citing {_who(s1)}) to {_q(fig2)} ({t2}, "
            f"{_date(ctx.published(second))}, citing {_who(s2)}): a later update of its "
            f"report, not a contradiction."
        )
        return Conflict("update", ids, text, ctx.story_id)
    if ctx.linked(first, second) and OUTLET in (s1.kind, s2.kind):
        # two entries of one live page: the later tells the page's newer state, it repeats
        # nothing (each entry is read alone, so neither "gives both")
        if first.article_id == second.article_id or _gives_both(
                ctx, first, second, f1.quantity, f2.quantity):
            return None
        text = (
            f"{o2} repeats {_possessive(o1)} report on {what()} but changes the figure from "
            f"{_q(fig1)} to {_q(fig2)}; the two cannot both be right."
        )
        return Conflict("misreport", ids, text, ctx.story_id)
    return None


# -- derivation edges ----------------------------------------------------------------------


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").lower()).strip()


def _claim_with_figure(
    ctx: StoryContext, claims: Sequence[Claim], article_id: str, written: str | None,
    sentence: tuple[int, int] | None, figure: Quantity | None = None,
) -> tuple[Claim, Quantity] | None:
    """The claim of ``article_id`` carrying the figure written ``written``, or an outlet claim
    built from the changed sentence when no claim carries it (the outlet states it itself)."""
    want = _norm(written)
    if not want:
        return None
    for claim in claims:
        if claim.article_id != article_id:
            continue
        for q in claim.quantities:
            if figure is not None:
                if q.span.overlap(figure.span) > 0:
                    return claim, q
                continue
            if _norm(q.text) == want or _norm(q.text).endswith(" " + want):
                span = claim.sentence_span or claim.content_span
                if sentence is None or Span(*sentence).overlap(span) > 0:
                    return claim, q
    article = ctx.articles.get(article_id)
    if article is None:
        return None
    if sentence is None:
        at = article.text.lower().find(want)
        if at < 0:
            return None
        start = max(article.text.rfind(".", 0, at), article.text.rfind("\n", 0, at)) + 1
        end = article.text.find(".", at)
        sentence = (start, len(article.text) if end < 0 else end + 1)
    start, end = sentence
    if figure is not None:
        found = [figure]
    else:
        found = [q for q in scan_quantities(article.text[start:end], start)
                 if want in _norm(q.text) or _norm(q.text) in want]
    if not found:
        return None
    ident = hashlib.sha1(f"{article_id}:{start}:{end}:outlet".encode()).hexdigest()[:16]
    for made in ctx.added_claims:
        if made.id == ident:
            return made, made.quantities[0]
    claim = Claim(ident, article_id, None, None, None, None, Span(start, end), None, "reported",
                  quantities=(found[0],), sentence_span=Span(start, end),
                  extractor="corroborator.compare/derivation-figure")
    ctx.added_claims.append(claim)
    return claim, found[0]


def derivation_conflicts(ctx: StoryContext, claims: Sequence[Claim]) -> list[Conflict]:
    """Misreports from figures that changed along a derivation edge (reuse's Change records)."""
    out = []
    for edge in ctx.derivations:
        if edge.article_id not in ctx.articles or edge.source_id not in ctx.articles:
            continue
        for change in edge.changes:
            if change.kind != "figure" or not change.before or not change.after:
                continue
            src = _claim_with_figure(ctx, claims, edge.source_id, change.before,
                                     change.source_sentence)
            dst = _claim_with_figure(ctx, claims, edge.article_id, change.after,
                                     change.article_sentence)
            if src is None or dst is None:
                continue
            (c1, q1), (c2, q2) = src, dst
            if not intervals.conflicting(q1, q2):
                continue  # "about 120" -> "roughly 120": reworded, not changed
            if _states(ctx.articles[edge.source_id], q2, ctx) or _states(
                    ctx.articles[edge.article_id], q1, ctx):
                continue  # both figures are in both texts: sentences were misaligned
            speaker = ctx.speakers.of(c1)
            who = f" attributed to {speaker.label}" if speaker.kind == NAMED else ""
            source_outlet, derived_outlet = ctx.outlets(c1, c2)
            text = (
                f"{derived_outlet} copies or rewrites {source_outlet} but changes the "
                f"figure{who} from {_q(intervals.figure_text(q1))} to "
                f"{_q(intervals.figure_text(q2))}; the two cannot both be right."
            )
            out.append(Conflict("misreport", (c1.id, c2.id), text, ctx.story_id))
    return out


def _states(article: Article, figure: Quantity, ctx: StoryContext | None = None,
            within: Span | None = None, about_fits: bool = False) -> bool:
    """True when ``article`` itself (its span ``within``, if given) gives a figure compatible
    with ``figure`` (same scale) that may count the same thing: "a further 3,000 could be
    deployed" is no report of 3,000 soldiers killed or wounded. ``about_fits``: a number
    hedged "about" fits the same number hedged up or down, and a bare one within it."""
    found = ctx.figures_in(article) if ctx is not None else scan_quantities(article.text)
    if within is not None:
        found = [q for q in found if within.contains(q.span)]
    measures = ctx.measures if ctx is not None else {}

    def counts_alike(q: Quantity) -> bool:
        key = (article.id, q.span.start)
        return key not in measures or outcomes_agree(measures[key], figure.measured)

    def hedged_alike(q: Quantity) -> bool:
        # the same number hedged the other way ("more than 1,100" for "about 1,100") is not it
        mine, other = intervals.hedge_direction(q), intervals.hedge_direction(figure)
        return mine is None or other is None or mine == other or (
            about_fits and "about" in (mine, other))

    def same_value(q: Quantity) -> bool:
        # "up from about 400" tells the state an exact "412" gave, as well as "more than 400"
        return q.value == figure.value or (
            about_fits and intervals.hedge_direction(q) == "about"
            and intervals.hedge_direction(figure) is None and figure.value is not None
            and q.low is not None and q.high is not None and q.low <= figure.value <= q.high)

    return any(intervals.agreeing(q, figure) and same_value(q) and counts_alike(q)
               and hedged_alike(q) for q in found)


# -- quotations ----------------------------------------------------------------------------


def words_of(text: str) -> list[str]:
    """The words of ``text`` as quotations are compared: lower case, one apostrophe."""
    return [w.lower().replace("’", "'") for w in _QUOTE_WORDS.findall(text)]
