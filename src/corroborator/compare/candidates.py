"""Candidate claim pairs inside one story: embeddings propose, explicit checks decide.

Sentence embeddings find claims that talk about the same thing across outlets however they
are worded, but they do not see numbers ("3,000 killed" vs "300 killed" scores 0.95), so they
only *propose*. Whether two figures are about the same measured thing is decided on the cosine
of their short "measured" phrases ("Halvorian soldiers killed or wounded") with a high
threshold, plus explicit kind and unit checks (``intervals.same_scale``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace

import numpy as np

from ..nlp.revisions import FIGURE_NOUNS
from ..records import Article, Claim, Quantity
from . import intervals
from .entry_times import report_key
from .measures import (
    counts_the_present,
    head_noun,
    outcomes,
    outcomes_agree,
    same_noun,
    same_thing,
)
from .periods import different_periods, past_year_of, period_of, window_of
from .rates import flow_rate
from .revisions import split_from_to
from .shares import Share, same_share, share_of

EmbedFn = Callable[[Sequence[str]], np.ndarray]
# Texts are cut here before embedding: the encoder truncates long inputs anyway, at a higher
# cost. One cut for every embedding of the comparison, so a vector embedded ahead
# (``vectors.TextVectors``) is the one a story's own embedding call would give.
MAX_CHARS = 400


class CachedEmbed:
    """An embedding function with a bounded text → vector cache.

    A story's sources are compared with every article derived from them, and a growing story
    is compared again on each run: the same sentences come back many times. Texts are cut at
    ``max_chars`` (the encoder truncates long inputs anyway, at a higher cost).
    """

    def __init__(self, embed_fn: EmbedFn, max_items: int = 50000,
                 max_chars: int = MAX_CHARS) -> None:
        self._embed = embed_fn
        self._cache: dict[str, np.ndarray] = {}
        self._max_items = max_items
        self._max_chars = max_chars

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        keys = [t[: self._max_chars] for t in texts]
        missing = list(dict.fromkeys(k for k in keys if k not in self._cache))
        if missing:
            vectors = self._embed(missing)
            if len(self._cache) + len(missing) > self._max_items:
                self._cache.clear()  # crude but bounded; hits come from recent stories
            self._cache.update(zip(missing, vectors, strict=True))
        if not keys:
            return np.zeros((0, 1), dtype=np.float32)
        local = {k: self._cache[k] for k in keys if k in self._cache}
        if len(local) < len(set(keys)):  # cleared mid-call: embed what fell out
            rest = [k for k in dict.fromkeys(keys) if k not in local]
            local.update(zip(rest, self._embed(rest), strict=True))
        return np.stack([local[k] for k in keys])


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure inside one claim: the unit that figure conflicts are decided on."""

    claim: Claim
    quantity: Quantity
    measured: str | None  # the phrase compared across claims (None: not comparable)
    period: str | None = None  # the period the figure covers, when told ("quarter", "year")
    window: str | None = None  # the part of the time it counts over ("in two days"), if told
    share: Share | None = None  # whose share of what, for a percentage or a fraction
    # what tells it as one report: its article, or a live page's entry ("" = the article)
    report: str = ""
    # the earlier year the figure is told of ("a collapse in 2017 killed 22"): None = now
    era: int | None = None
    # whose own the counted things are when the speaker counts its own ("Orlavia said 59 of
    # its servicemen ..."): the speaker's name or possessor, lower-cased; None otherwise
    owner: str | None = None
    # told as an addition to a count, not a count of its own ("two more", "another 12",
    # "two ... had been handed over separately")
    increment: bool = False
    # the time unit of a flow the figure is told as ("1,000 barrels a day were escaping"):
    # ``rates.flow_rate``; None for any other figure
    flow: str | None = None

    def same_report(self, other: Figure) -> bool:
        """Whether both figures are told by one report (one article, one live entry)."""
        return (self.report or self.claim.article_id) == (other.report or other.claim.article_id)


def claim_text(claim: Claim, article: Article | None) -> str:
    """The words of the claim's content as stored in its article."""
    if article is None:
        return claim.quote or ""
    return article.text[claim.content_span.start : claim.content_span.end]


def figures_of(claims: Sequence[Claim],
               articles: dict[str, Article] | None = None) -> list[Figure]:
    """Every comparable figure of every claim (denials are not figures the speaker gives),
    with the period it covers where its article (in ``articles``) tells one."""
    out = []
    counted = _counted_figures(claims)
    for claim in claims:
        if claim.stance == "denied":
            continue
        article = (articles or {}).get(claim.article_id)
        for whole in (_with_antecedent(q, claim, counted) for q in claim.quantities):
            period = period_of(article.text, whole.span.start, whole.span.end) \
                if article is not None else None
            window = window_of(article.text, whole.span.start, whole.span.end) \
                if article is not None else None
            era = past_year_of(article.text, whole.span.start, whole.span.end,
                               article.published.year if article.published else None) \
                if article is not None else None
            # "raised the toll from 40 to 52": the earlier and the revised figure
            for told in map(intervals.in_common_unit, split_from_to(whole)):
                share = share_of(told, told.measured, article.text) \
                    if article is not None else None
                q = intervals.as_percent(told, _of_follows(article, told))
                if not intervals.is_figure(q) or _whole_of_a_part(article, q):
                    continue
                measured = q.measured or (told.unit if told.unit else None)
                flow = flow_rate(article.text, q.span.start, q.span.end, q.unit) \
                    if article is not None else None
                out.append(Figure(claim, q, measured, period, window, share,
                                  report_key(claim, article), era,
                                  own_count_owner(claim, article, q),
                                  told_as_increment(article, q), flow))
    return out


def _counted_figures(claims: Sequence[Claim]) -> dict[str, list[Quantity]]:
    """Each article's figures that name what they count (a counted noun and its phrase), in
    text order."""
    found: dict[str, list[Quantity]] = {}
    for claim in claims:
        found.setdefault(claim.article_id, []).extend(
            q for q in claim.quantities if q.unit and q.measured)
    for figures in found.values():
        figures.sort(key=lambda q: q.span.start)
    return found


def _with_antecedent(q: Quantity, claim: Claim,
                     told: dict[str, list[Quantity]]) -> Quantity:
    """A figure told as "the figure" or "the number" of a count its sentence gave just
    before, as counting what that count counts: "the union said 51 of its members were on
    the shift, while the company put the figure at 38" (38 members on the shift); any other
    figure as it is."""
    sentence = claim.sentence_span
    if q.unit or sentence is None or (q.measured or "").lower() not in FIGURE_NOUNS:
        return q
    before = [o for o in told.get(claim.article_id, ())
              if sentence.start <= o.span.start < q.span.start and o.kind == q.kind]
    if not before:
        return q
    return replace(q, unit=before[-1].unit, measured=before[-1].measured)


# "59 of its servicemen", "their own 40 staff": the speaker counts its own
_OWN_AFTER = re.compile(r"\s+of\s+(?:its|their|our)\s+(?:own\s+)?[a-z]", re.IGNORECASE)
_OWN_BEFORE = re.compile(r"\b(?:its|their|our)\s+(?:own\s+)?$", re.IGNORECASE)
_POSSESSOR = re.compile(r"^(?:the\s+)?(?P<name>[^\s']+(?:\s+[A-Z][^\s']*)*)(?:'s|’s)\s",
                        re.IGNORECASE)


# Words that tell a figure as added to a count told elsewhere: before it ("another 12",
# "a further 30"), right after it ("two more"), or later in its clause ("two seriously
# wounded men had been handed over separately")
_ADDED_BEFORE = re.compile(r"\b(?:another|further|additional|extra)\s+$", re.IGNORECASE)
_ADDED_AFTER = re.compile(r"^\s+(?:more|further|additional|extra)\b", re.IGNORECASE)
_ADDED_IN_CLAUSE = re.compile(r"\b(?:separately|in addition)\b", re.IGNORECASE)


def told_as_increment(article: Article | None, q: Quantity) -> bool:
    """Whether the article tells the figure as an addition to another count."""
    if article is None:
        return False
    text = article.text
    before = text[max(0, q.span.start - 12) : q.span.start]
    after = text[q.span.end : q.span.end + 120]
    clause = re.split(r"[,;.!?\n]", after, maxsplit=1)[0]
    return bool(_ADDED_BEFORE.search(before) or _ADDED_AFTER.match(after)
                or _ADDED_IN_CLAUSE.search(clause))


def _part_of_all(own: Figure, other: Figure) -> bool:
    """``own`` counts the speaker's own ("101 of its people came home") and ``other``, more,
    counts the same noun of no one in particular ("roughly 190 people were exchanged"): a
    part, as "former customers" are of customers. A count naming whose they are ("95
    Orlavian servicemen") may be the speaker's own, and so may one no larger ("101 soldiers
    had come home", as the speaker's own office said)."""
    own_most, all_least = own.quantity.high, other.quantity.low
    return own.owner is not None and other.owner is None and not any(
        word[:1].isupper() for word in (other.measured or "").split()) and (
        own_most is not None and all_least is not None and all_least > own_most)


def own_count_owner(claim: Claim, article: Article | None, q: Quantity) -> str | None:
    """Whose own things a figure counts when the speaker counts its own ("Orlavia said 59 of
    its servicemen came home": Orlavia's; "Tesmark says 101 of its people came home":
    Tesmark's): the possessor of the speaker's name ("Orlavia's defence ministry" →
    orlavia), else the name; None for any other figure."""
    if article is None or not claim.speaker:
        return None
    text = article.text
    before = text[max(0, q.span.start - 12) : q.span.start]
    if not (_OWN_AFTER.match(text, q.span.end) or _OWN_BEFORE.search(before)):
        return None
    speaker = claim.speaker.strip()
    possessor = _POSSESSOR.match(speaker)
    return (possessor.group("name") if possessor else speaker).lower()


# "27 of the 60 seats", "between 26 and 30 of the 60 seats", "3 out of 12 engines"
_PART_BEFORE = re.compile(r"\d\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|all\s+)?$",
                          re.IGNORECASE)


def _whole_of_a_part(article: Article | None, q: Quantity) -> bool:
    """Whether the figure is the whole a figure just before it is part of ("won 27 of the
    60 seats"): the size of the assembly, not what the claim counts. Taken for a figure of
    its own, it made a poll's projection and the count one claim through their "60"."""
    if article is None:
        return False
    return bool(_PART_BEFORE.search(article.text[max(0, q.span.start - 20) : q.span.start]))


def _of_follows(article: Article | None, q: Quantity) -> bool:
    """Whether "of" follows the figure in its article ("a third of the vote")."""
    if article is None:
        return False
    return article.text[q.span.end : q.span.end + 4].lower().startswith(" of ")


@dataclass
class StoryVectors:
    """Unit-length vectors of every claim's content and every figure's measured phrase."""

    claim_index: dict[str, int]
    content: np.ndarray
    measured: np.ndarray  # one row per figure, zeros when it has no measured phrase

    def content_cosine(self, a: Claim, b: Claim) -> float:
        return float(self.content[self.claim_index[a.id]] @ self.content[self.claim_index[b.id]])


def story_vectors(
    claims: Sequence[Claim],
    figures: Sequence[Figure],
    articles: dict[str, Article],
    embed_fn: EmbedFn,
) -> StoryVectors:
    """Embed contents and measured phrases in one batch (one model call per story)."""
    texts, measured = _contents(claims, articles), [f.measured or "" for f in figures]
    unique = vector_texts(claims, figures, articles)
    vectors = embed_fn(unique) if unique else np.zeros((0, 1), dtype=np.float32)
    row = {t: i for i, t in enumerate(unique)}
    dim = vectors.shape[1] if len(vectors) else 1
    content = np.array([vectors[row[t]] for t in texts], dtype=np.float32).reshape(-1, dim)
    meas = np.array(
        [vectors[row[t]] if t else np.zeros(dim, dtype=np.float32) for t in measured],
        dtype=np.float32,
    ).reshape(-1, dim)
    return StoryVectors({c.id: i for i, c in enumerate(claims)}, content, meas)


def _contents(claims: Sequence[Claim], articles: dict[str, Article]) -> list[str]:
    return [claim_text(c, articles.get(c.article_id)) or (c.quote or "") for c in claims]


def vector_texts(claims: Sequence[Claim], figures: Sequence[Figure],
                 articles: dict[str, Article]) -> list[str]:
    """The distinct texts :func:`story_vectors` embeds: contents, then measured phrases."""
    return list(dict.fromkeys(_contents(claims, articles) + [f.measured or "" for f in figures]))


def figure_pairs(
    figures: Sequence[Figure], vectors: StoryVectors, threshold: float, per_figure: int = 50,
    related: float | None = None,
) -> list[tuple[int, int, float]]:
    """Index pairs of figures in different reports (articles, or a live page's entries)
    that measure the same thing.

    Returns ``(i, j, cosine)`` with ``i < j``: same scale (kind, unit) and measured phrases
    that :func:`measures.same_thing` accepts (cosine at least ``threshold``, or at least
    ``related`` with the same outcome and counted noun), or one owner's shares of one whole
    whatever the cosine (:func:`.shares.same_share`; different owners' shares never
    pair). Compatibility of the values is not checked here. Each figure keeps its
    ``per_figure`` closest partners by cosine, which bounds the work on huge stories whose
    figures all measure the same thing.
    """
    related = threshold if related is None else min(related, threshold)
    if not figures:
        return []
    sims = vectors.measured @ vectors.measured.T
    pairs = []
    n = len(figures)
    partners = _partners(figures)
    for i in range(n):
        fi = figures[i]
        if fi.measured is None:
            continue
        row = sims[i, i + 1 :]
        hits = np.nonzero(row >= related)[0]
        if len(hits) > per_figure:
            hits = hits[np.argpartition(-row[hits], per_figure)[:per_figure]]
        # one owner's shares of one whole, a headcount and people taking part: whatever
        # their phrases' cosine
        for j in sorted({int(j) for j in hits + i + 1} | partners.get(i, set())):
            fj = figures[j]
            if fj.measured is None or fj.same_report(fi):
                continue
            if not intervals.same_scale(fi.quantity, fj.quantity) or different_periods(
                    fi.period, fj.period) or fi.era != fj.era:
                continue
            if fi.owner and fj.owner and fi.owner != fj.owner or \
                    _part_of_all(fi, fj) or _part_of_all(fj, fi):
                continue  # each side counts its own: "59 of its servicemen", "101 of its people"
            if fi.increment != fj.increment:
                continue  # "two more" adds to a count: it is no count of the same thing
            cos = float(sims[i, j])
            one_share = same_share(fi.share, fj.share)
            if one_share is False or not one_share and not one_flow(fi, fj) and not same_thing(
                    fi.quantity, fj.quantity, fi.measured, fj.measured, cos, threshold,
                    related):
                continue
            pairs.append((i, j, cos))
    return pairs


def _partners(figures: Sequence[Figure]) -> dict[int, set[int]]:
    """For each figure, the later figures it pairs with whatever their phrases' cosine: the
    same owner's share of the same whole (:func:`.shares.same_share`), or a headcount and
    people counted as taking part (:func:`.measures.counts_the_present`)."""
    partners: dict[int, set[int]] = {}
    told = [i for i, f in enumerate(figures) if f.share is not None]
    for x, i in enumerate(told):
        for j in told[x + 1 :]:
            if same_share(figures[i].share, figures[j].share):
                partners.setdefault(i, set()).add(j)
    flows = [i for i, f in enumerate(figures) if f.flow is not None]
    for x, i in enumerate(flows):
        for j in flows[x + 1 :]:
            if one_flow(figures[i], figures[j]):
                partners.setdefault(i, set()).add(j)
    bare = [i for i, f in enumerate(figures) if not f.quantity.unit and f.measured]
    for i in bare:
        for j in range(len(figures)):
            fi, fj = figures[i], figures[j]
            if j != i and counts_the_present(fi.quantity, fj.quantity, fi.measured, fj.measured):
                partners.setdefault(min(i, j), set()).add(max(i, j))
    return partners


def one_flow(a: Figure, b: Figure) -> bool:
    """Two figures told as flows of one unit over one time unit ("barrels a day" escaping,
    "litres of oil a day" leaking): one measured thing whatever their phrases
    (``rates``)."""
    return a.flow is not None and a.flow == b.flow and intervals.same_scale(a.quantity,
                                                                            b.quantity)


def periods_apart(figures: Sequence[Figure], vectors: StoryVectors,
                  threshold: float) -> list[tuple[int, int]]:
    """Index pairs of figures in different articles that measure the same thing (measured
    phrases at ``threshold`` or more, one scale) over different periods: a quarter's profit
    and a year's. Only figures whose period is told are read, few outside business news."""
    told = [i for i, f in enumerate(figures) if f.period is not None and f.measured]
    out = []
    for x, i in enumerate(told):
        for j in told[x + 1:]:
            fi, fj = figures[i], figures[j]
            if fi.claim.article_id == fj.claim.article_id or not different_periods(
                    fi.period, fj.period) or not intervals.same_scale(fi.quantity, fj.quantity):
                continue
            if float(vectors.measured[i] @ vectors.measured[j]) >= threshold:
                out.append((i, j))
    return out


def _counts_of_other_things(a: Figure, b: Figure) -> bool:
    """Two counts of different nouns that tell different fates, or whose nouns one of the
    claims counts apart ("186 passengers and six crew"): the airline's "six crew" on board
    and its "six passengers" injured share a number by chance, not a measured thing (one
    speaker's same number is no evidence then)."""
    qa, qb = a.quantity, b.quantity
    if qa.kind != "count" or qb.kind != "count" or not qa.unit or not qb.unit \
            or same_noun(qa, qb):
        return False
    return (outcomes(a.measured) != outcomes(b.measured) or _counts_too(a.claim, qb)
            or _counts_too(b.claim, qa))


def _counts_too(claim: Claim, figure: Quantity) -> bool:
    """Whether ``claim`` also counts what ``figure`` counts, as a figure of its own."""
    return any(q.kind == "count" and q.unit and same_noun(q, figure) for q in claim.quantities)


def same_speaker_figures(
    figures: Sequence[Figure], vectors: StoryVectors,
    same_speaker: Callable[[Claim, Claim], bool], related: float, per_figure: int = 50,
) -> list[tuple[int, int, float]]:
    """Index pairs ``(i, j, cosine)`` of figures in different reports that one speaker gives
    with the same number and unit, over related measured phrases: the mayor's "340 million
    euros" for "construction cost" in one outlet and for "[the line] cost" in another, or
    the fire service's "nearly 4,000 hectares" burned in one and "more than 4,000" torched
    in another.

    A price's or an area's unit says nothing about what it measures, so
    :func:`figure_pairs` asks such figures for near-identical phrases; the same speaker
    giving the very same number is the evidence the phrases lack. Figures of different
    numbers are never paired here; the same number under hedges on opposite sides of it
    ("nearly" against "more than") is the drift a rewrite brings, which the caller judges.
    Phrases that name different outcomes ("killed" against "injured") never pair.
    """
    # only figures of one number can pair: compare inside each number's bucket, and link
    # each figure to a bounded number of later ones (grouping needs a chain, not every pair)
    buckets: dict[tuple[object, ...], list[int]] = {}
    for i, f in enumerate(figures):
        if f.measured is not None and f.quantity.value is not None \
                and intervals.is_figure(f.quantity):
            buckets.setdefault((f.quantity.kind, f.quantity.value), []).append(i)
    out = []
    for members in buckets.values():
        for x, i in enumerate(members):
            fi, linked = figures[i], 0
            for j in members[x + 1:]:
                fj = figures[j]
                if fj.same_report(fi) or not intervals.same_scale(
                        fi.quantity, fj.quantity) or not outcomes_agree(
                        fi.measured, fj.measured) or different_periods(fi.period, fj.period) \
                        or fi.era != fj.era or same_share(fi.share, fj.share) is False \
                        or _counts_of_other_things(fi, fj):
                    continue
                if intervals.bounds(fi.quantity) != intervals.bounds(fj.quantity) and not (
                        intervals.written(fi.quantity) and intervals.written(fj.quantity)):
                    continue  # "thousands" is not a hedge on the 1,000 of "more than 1,000"
                cosine = float(vectors.measured[i] @ vectors.measured[j])
                if (cosine >= related or _one_fate_of_one_noun(fi, fj)) \
                        and same_speaker(fi.claim, fj.claim):
                    out.append((i, j, cosine))
                    linked += 1
                    if linked >= per_figure:
                        break
    return out


def _one_fate_of_one_noun(a: Figure, b: Figure) -> bool:
    """Two counts of one noun whose phrases name the same outcome: "forcing nearly 12,000
    people from their homes" and "more than 12,000 people have fled" count the displaced,
    however little else their phrases share (a cosine of 0.3: the one names the volcano that
    forced them). Given by one speaker with one number, they are one figure told twice."""
    qa, qb = a.quantity, b.quantity
    if qa.kind != "count" or qb.kind != "count" or not same_noun(qa, qb):
        return False
    fates = outcomes(a.measured)
    return bool(fates) and fates == outcomes(b.measured)


def converted_figures(
    figures: Sequence[Figure], vectors: StoryVectors,
    same_speaker: Callable[[Claim, Claim], bool], related: float,
) -> list[tuple[int, int, float]]:
    """Index pairs ``(i, j, cosine)`` of one speaker's measures in two reports, written in
    different units of one kind, over related measured phrases: the institute's slick "300
    square kilometres" in one outlet and "116 square miles" in another. A conversion moves
    the number, so :func:`same_speaker_figures` never buckets them together, and an area's
    unit says nothing of what it measures; the same speaker is the evidence, as there."""
    told = [i for i, f in enumerate(figures) if f.measured and f.quantity.kind == "measure"
            and intervals.is_figure(f.quantity)]
    out = []
    for i, j in _comparable_across_reports(figures, told):
        fi, fj = figures[i], figures[j]
        if not intervals.written_in_other_units(fi.quantity, fj.quantity):
            continue
        cosine = float(vectors.measured[i] @ vectors.measured[j])
        if cosine >= related and same_speaker(fi.claim, fj.claim):
            out.append((i, j, cosine))
    return out


def _comparable_across_reports(figures: Sequence[Figure],
                               told: Sequence[int]) -> Iterator[tuple[int, int]]:
    """Index pairs of ``told`` in two reports that could be one speaker's figure told twice:
    of one scale, outcome, period and era (what the same-speaker pairings all ask first)."""
    for x, i in enumerate(told):
        fi = figures[i]
        for j in told[x + 1:]:
            fj = figures[j]
            if fj.same_report(fi) or not intervals.same_scale(fi.quantity, fj.quantity) \
                    or not outcomes_agree(fi.measured, fj.measured) \
                    or different_periods(fi.period, fj.period) or fi.era != fj.era:
                continue
            yield i, j


def restated_in_lineage(
    figures: Sequence[Figure], vectors: StoryVectors,
    same_speaker: Callable[[Claim, Claim], bool], linked: Callable[[Claim, Claim], bool],
    related: float,
) -> list[tuple[int, int, float]]:
    """Index pairs ``(i, j, cosine)`` of one speaker's percentages, sums or measures in two
    reports of one lineage (a rewrite and its source) whose measured phrases are related and
    end in the same noun: the wire's hospitals association gives "emergency admissions" up 40
    percent, the tabloid that rewrites it has the association's "admissions" up almost half.

    Outside a lineage such phrases need the strong cosine (:func:`.measures.same_thing`): a
    unit says nothing of what it measures, and "food prices" may be no "prices". A rewrite
    telling the same speaker's figure of the same noun restates that figure, so the noun
    is evidence enough. Counts are left to :func:`figure_pairs`, which reads their nouns."""
    told = [i for i, f in enumerate(figures) if f.measured and f.quantity.kind != "count"
            and intervals.is_figure(f.quantity)]
    out = []
    for i, j in _comparable_across_reports(figures, told):
        fi, fj = figures[i], figures[j]
        if fi.claim.article_id == fj.claim.article_id \
                or head_noun(fi.measured) != head_noun(fj.measured) \
                or same_share(fi.share, fj.share) is False:
            continue
        cosine = float(vectors.measured[i] @ vectors.measured[j])
        if cosine >= related and linked(fi.claim, fj.claim) \
                and same_speaker(fi.claim, fj.claim):
            out.append((i, j, cosine))
    return out


def claim_pairs(
    claims: Sequence[Claim], vectors: StoryVectors, threshold: float
) -> list[tuple[int, int, float]]:
    """Index pairs of claims in different articles whose content cosine is >= ``threshold``."""
    if not claims:
        return []
    sims = vectors.content @ vectors.content.T
    pairs = []
    for i in range(len(claims)):
        for j in np.nonzero(sims[i, i + 1 :] >= threshold)[0] + i + 1:
            if claims[int(j)].article_id != claims[i].article_id:
                pairs.append((i, int(j), float(sims[i, j])))
    return pairs
