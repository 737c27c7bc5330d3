"""``compare_story``: one story's claims aligned into propositions, conflicts and a timeline."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..records import Article, Claim, Conflict, Derivation, Proposition, Quantity, Story
from ..settings import EmbeddingSettings, Settings
from . import conflicts as cf
from . import intervals
from .candidates import (
    CachedEmbed,
    EmbedFn,
    Figure,
    claim_pairs,
    converted_figures,
    figure_pairs,
    figures_of,
    one_flow,
    periods_apart,
    restated_in_lineage,
    same_speaker_figures,
    story_vectors,
    vector_texts,
)
from .edges import edge_conflicts, rewrite_texts
from .entry_times import claim_time
from .measures import outcomes
from .periods import part_of_total, surely_partial
from .propositions import (
    build_propositions,
    claim_sources,
    dedupe_conflicts,
    drop_repeated_moves,
    drop_skipped_updates,
    drop_updates_of_misreports,
    group_claims,
    merge_disagreements,
)
from .quote_variants import quote_variants
from .quoted_speakers import quotations_given_to_others, same_quotation_links
from .revisions import replaced_in_sentences, revised_pairs
from .routes import restricted_apart
from .settings import CompareSettings
from .speakers import OUTLET, StorySpeakers
from .timeline import build_timeline
from .totals import total_of_parts

_KIND_ORDER = {"misreport": 0, "update": 1, "source-disagreement": 2, "quote-variant": 3}


@dataclass(frozen=True)
class StoryComparison:
    """What the comparison found in one story.

    ``added_claims`` are outlet-attributed claims built from sentences whose figure changed
    along a derivation edge when the NLP stage found no claim there; conflicts may cite them,
    so the caller stores them with the article's claims.
    """

    story_id: str
    propositions: tuple[Proposition, ...]
    conflicts: tuple[Conflict, ...]
    timeline: tuple[dict[str, Any], ...]
    added_claims: tuple[Claim, ...] = field(default=())


_EMBEDDERS: dict[tuple[tuple[str, Any], ...], CachedEmbed] = {}


def default_embed(settings: Settings) -> EmbedFn:
    """The ``[embeddings]`` encoder behind a per-process cache (texts cut at 400 chars)."""
    from ..embeddings import embed

    options = EmbeddingSettings.of(settings).embed_options()
    key = tuple(sorted(options.items()))
    if key not in _EMBEDDERS:  # one cache per process and model
        _EMBEDDERS[key] = CachedEmbed(lambda texts: embed(texts, **options))
    return _EMBEDDERS[key]


def _select(claims: Sequence[Claim], limit: int) -> list[Claim]:
    """At most ``limit`` claims, those with figures or quotes first (they carry conflicts)."""
    if len(claims) <= limit:
        return list(claims)
    ranked = sorted(claims, key=lambda c: (not (c.quantities or c.quote)))
    return ranked[:limit]


def _in_order(conflict: Conflict, fa: Figure, fb: Figure) -> tuple[Quantity, Quantity]:
    """The two figures in the order of the conflict's claim ids."""
    if conflict.claim_ids[0] == fa.claim.id:
        return fa.quantity, fb.quantity
    return fb.quantity, fa.quantity


def as_first_told(ctx: cf.StoryContext, figures: Sequence[Figure], figure: Figure) -> Figure:
    """The figure as its lineage's original tells it: the earliest figure of the same
    interval, from the same speaker, in an article ``figure``'s article derives from (a
    rewrite's "the union put the number at 51" is the wire's "the union said 51"); else
    ``figure`` itself. A conflict's evidence is the report the figure came from, not a copy
    that carried it on."""
    sources = ctx.sources_of(figure.claim.article_id)
    if not sources:
        return figure
    told = [f for f in figures
            if f.claim.article_id in sources and f.quantity.kind == figure.quantity.kind
            and (f.quantity.low, f.quantity.high) == (figure.quantity.low, figure.quantity.high)
            and ctx.speakers.same(f.claim, figure.claim)]
    return min(told, key=lambda f: cf.told_order(ctx, f.claim)) if told else figure


def _story_parts(
    story: Story, articles: Sequence[Article], claims: Sequence[Claim],
    derivations: Sequence[Derivation], config: CompareSettings,
) -> tuple[dict[str, Article], list[Claim], list[Derivation], list[Figure]]:
    """The story's articles by id, the claims compared, the edges inside, their figures."""
    ids = set(story.article_ids)
    by_id = {a.id: a for a in articles if a.id in ids}
    story_claims = _select([c for c in claims if c.article_id in by_id], config.max_claims)
    edges = [d for d in derivations if d.article_id in by_id and d.source_id in by_id]
    return by_id, story_claims, edges, figures_of(story_claims, by_id)


def story_texts(
    story: Story,
    articles: Sequence[Article],
    claims: Sequence[Claim],
    derivations: Sequence[Derivation],
    settings: Settings,
) -> list[str]:
    """Every text :func:`compare_story` embeds for these arguments (contents, measured
    phrases, masked figure sentences of rewrite edges), so a caller can embed the texts of
    many stories ahead in one batch (``compare.vectors``)."""
    by_id, story_claims, edges, figures = _story_parts(
        story, articles, claims, derivations, settings.get(CompareSettings))
    return vector_texts(story_claims, figures, by_id) + rewrite_texts(edges, by_id)


def part_of(fa: Figure, fb: Figure) -> bool:
    """Whether ``fa`` may be a share of ``fb``: it counts some of the outcomes ``fb`` counts,
    or over a part of the time ``fb`` does not (:func:`.periods.part_of_total`; a bare
    duration, "in six weeks", may be all of it), and it stays within ``fb``."""
    low, _ = intervals.bounds(fa.quantity)
    _, high = intervals.bounds(fb.quantity)
    fewer = outcomes(fa.measured) < outcomes(fb.measured)  # "killed" of "killed or wounded"
    if fewer and outcomes(fa.measured) and low <= high:
        return True
    return surely_partial(fa.window) and part_of_total(fa.window, fb.window, low, high)


def _apart_figures(speakers: StorySpeakers, fa: Figure, fb: Figure) -> bool:
    """True when two sources known to differ, or an outlet in its own voice and another
    source, give two different figures that merely fit together (the city's "62,000" and a
    tabloid's police "more than 50,000"; a poll's range and the count inside it): neither
    repeats the other, so they are no one claim, and the police figure keeps to the
    police's."""
    va, vb = fa.quantity.value, fb.quantity.value
    # a range and a figure inside it ("between 26 and 30 of the 60 seats" from a poll, the
    # count's 28) merely fit as well; two ranges, or a figure given twice, may be one claim
    ranged = (va is None) != (vb is None)
    if not ranged and (va is None or vb is None
                       or abs(va - vb) <= 1e-9 * max(abs(va), abs(vb))):
        return False
    if speakers.heads(fa.claim, fb.claim):
        return False
    if ranged:
        # a poll's "between 26 and 30" seats and the count's 28: one source's range may be
        # what it later pinned down, anyone else's figure only falls inside it
        return not speakers.same(fa.claim, fb.claim)
    if OUTLET in (speakers.of(fa.claim).kind, speakers.of(fb.claim).kind):
        # an outlet's own "tens of thousands" and the police's "more than 50,000" merely fit;
        # an outlet that repeats a source's figure gives the same value
        return True
    return speakers.distinct(fa.claim, fb.claim) or _shares_apart(speakers, fa, fb)


def _shares_apart(speakers: StorySpeakers, fa: Figure, fb: Figure) -> bool:
    """Two different shares from two speakers, neither an outlet's own report: a poll's
    "about 34 percent" and the count's "more than a third" are two measurements, each its
    own claim, even where the story cannot tell the poll from the counting body."""
    sa, sb = speakers.of(fa.claim), speakers.of(fb.claim)
    return (fa.share is not None and fb.share is not None and sa.key != sb.key
            and OUTLET not in (sa.kind, sb.kind))


def _counts_alike(x: Quantity, y: Quantity) -> bool:
    """One unit, or one outcome told in other words: "seven heat-related deaths" and "six
    people who died" count the same dead."""
    if y.unit == x.unit:
        return True
    told = outcomes(x.measured)
    return bool(told) and told == outcomes(y.measured)


def closer_fits(figures: Sequence[Figure], pairs: Sequence[tuple[int, int, float]],
                speakers: StorySpeakers) -> set[tuple[int, int]]:
    """The pairs of incompatible figures ``(i, j)`` where one side's report has the same
    source give another figure that fits the other side's and measures its thing more
    closely: the operator's statement gives "38 employees were working underground" and
    "22 reached the surface", the ministry "about 40 people had been working". The
    ministry's figure is the count of the 38; the 22 counts something else, which the
    phrases' likeness ("employees who reached" / "people working") does not tell."""
    partners: dict[int, list[tuple[int, float]]] = {}
    for i, j, cos in pairs:
        partners.setdefault(i, []).append((j, cos))
        partners.setdefault(j, []).append((i, cos))

    def fits_another(mine: int, other: int, cos: float) -> bool:
        fm, fo = figures[mine], figures[other]
        source = speakers.of(fm.claim).key
        return any(k != mine and c > cos and figures[k].same_report(fm)
                   and speakers.of(figures[k].claim).key == source
                   and intervals.compatible(figures[k].quantity, fo.quantity)
                   for k, c in partners.get(other, ()))

    # two flows of one kind measure one thing by their form, not by their phrases' likeness:
    # a report's older estimate of the flow it revises measures it no more closely
    return {(i, j) for i, j, cos in pairs
            if intervals.conflicting(figures[i].quantity, figures[j].quantity)
            and not one_flow(figures[i], figures[j])
            and (fits_another(i, j, cos) or fits_another(j, i, cos))}


def _figures_disagree(a: Claim, b: Claim) -> bool:
    """True when a figure of one claim fits none of the other's figures of the same thing:
    one sentence told with "40 victories" and with "60" is two propositions, however alike
    the words (each may be a different report's misreport of one source)."""
    fewer, more = sorted((a.quantities, b.quantities), key=len)
    for x in fewer:
        if not (intervals.is_figure(x) and x.unit):
            continue  # a bare number may count anything
        alike = [y for y in more if _counts_alike(x, y) and intervals.is_figure(y)
                 and intervals.same_scale(x, y)]
        if alike and not any(intervals.compatible(x, y) for y in alike):
            return True
    return False


def compare_story(
    story: Story,
    articles: Sequence[Article],
    claims: Sequence[Claim],
    derivations: Sequence[Derivation],
    settings: Settings,
    *,
    embed_fn: EmbedFn | None = None,
) -> StoryComparison:
    """Align the claims of ``story`` across its articles.

    Args:
        story: the story; only its ``article_ids`` are read.
        articles: at least the story's articles (others are ignored).
        claims: claims of those articles (others are ignored).
        derivations: derivation edges (edges leaving the story are ignored).
        settings: the ``[compare]`` and ``[embeddings]`` sections are read.
        embed_fn: texts -> unit vectors; the packaged sentence encoder when omitted.

    Returns:
        Propositions (each claim in exactly one), conflicts (claim ids, earlier first) and the
        timeline of first appearances.
    """
    from ..reuse.lineage import lineages

    config = settings.get(CompareSettings)
    by_id, story_claims, edges, figures = _story_parts(story, articles, claims, derivations,
                                                       config)
    roots = lineages(list(by_id), edges)
    speakers = StorySpeakers(story_claims, list(by_id.values()))
    embed = embed_fn or default_embed(settings)
    vectors = story_vectors(story_claims, figures, by_id, embed)
    ctx = cf.StoryContext(story.id, by_id, speakers, vectors, roots, edges, config,
                          replaced=replaced_in_sentences(figures),
                          measures={(f.claim.article_id, f.quantity.span.start):
                                    f.quantity.measured for f in figures},
                          claims=story_claims)

    found: list[Conflict] = cf.derivation_conflicts(ctx, story_claims)
    along_edges = edge_conflicts(ctx, story_claims, embed)
    found.extend(along_edges)
    cannot: set[frozenset[str]] = {frozenset(c.claim_ids) for c in found}
    links: list[tuple[str, str, float]] = []
    judged: dict[tuple[str, ...], tuple[Quantity, Quantity]] = {}

    def judge(fa: Figure, fb: Figure) -> None:
        """Keep the two claims apart and record the conflict their figures make, if any."""
        cannot.add(frozenset((fa.claim.id, fb.claim.id)))
        if total_of_parts(fa.claim, fa.quantity, fb.claim, fb.quantity, by_id):
            return  # "220 people" on board are the "214 passengers and 6 crew"
        fa, fb = as_first_told(ctx, figures, fa), as_first_told(ctx, figures, fb)
        cannot.add(frozenset((fa.claim.id, fb.claim.id)))
        conflict = cf.judge_figures(ctx, fa, fb)
        if conflict is not None:
            found.append(conflict)
            judged[conflict.claim_ids] = _in_order(conflict, fa, fb)

    pairs = figure_pairs(figures, vectors, config.measured_similarity,
                         related=config.related_similarity)
    mismatched = closer_fits(figures, pairs, speakers)
    for i, j, cos in pairs:
        fa, fb = figures[i], figures[j]
        if intervals.compatible(fa.quantity, fb.quantity):
            if ((intervals.told_apart(fa.quantity, fb.quantity)
                    or cf.told_as_moved(ctx, fa, fb)) and speakers.same(fa.claim, fb.claim)) \
                    or cf.estimate_settled(ctx, fa, fb):
                # "at least 14" and "at least 40" aircraft from one source (an article that
                # gives both figures restates, judge_figures checks); "at least 31 died", then
                # "has risen to 47": a newer count; an estimate its source later settles
                judge(fa, fb)
            elif fa.window != fb.window and (surely_partial(fa.window)
                                              or surely_partial(fb.window)) or restricted_apart(
                    by_id.get(fa.claim.article_id), fa.quantity, by_id.get(fb.claim.article_id),
                    fb.quantity):
                # a count as it stood at 6 p.m. repeats no final count it happens to fit, nor
                # the airline's four flights on one route the airport's 38 cancelled
                cannot.add(frozenset((fa.claim.id, fb.claim.id)))
            elif intervals.same_scale(fa.quantity, fb.quantity) and not _apart_figures(
                    speakers, fa, fb) and not _figures_disagree(fa.claim, fb.claim):
                links.append((fa.claim.id, fb.claim.id, 1.0 + cos))
            continue
        if intervals.conflicting(fa.quantity, fb.quantity):
            if cf.restated(fa, fb) or (i, j) in mismatched:
                # each claim also gives the other's figure: two figures, one report; or one
                # report's other figure is the one the other's fits
                continue
            if part_of(fa, fb) or part_of(fb, fa):
                # "700 killed in the past two days" within a total of "about 1,100", "700
                # killed" within "about 1,100 killed or wounded": no conflict, nor one claim
                cannot.add(frozenset((fa.claim.id, fb.claim.id)))
                continue
            judge(fa, fb)
    for i, j, cos in same_speaker_figures(figures, vectors, speakers.same,
                                          config.related_similarity) + restated_in_lineage(
            figures, vectors, speakers.same, ctx.linked, config.related_similarity) + \
            converted_figures(figures, vectors, speakers.same, config.related_similarity):
        fa, fb = figures[i], figures[j]
        if intervals.compatible(fa.quantity, fb.quantity):
            links.append((fa.claim.id, fb.claim.id, 1.0 + cos))
        elif frozenset((fa.claim.id, fb.claim.id)) not in cannot and not cf.restated(fa, fb):
            judge(fa, fb)
    # a quarter's figure and a year's are two propositions, unless one report gives both
    told: dict[str, set[str]] = {}
    for figure in figures:
        if figure.period is not None:
            told.setdefault(figure.claim.id, set()).add(figure.period)
    for i, j in periods_apart(figures, vectors, config.measured_similarity):
        first_id, second_id = figures[i].claim.id, figures[j].claim.id
        if not told[first_id] & told[second_id]:
            cannot.add(frozenset((first_id, second_id)))
    # a revision ties the earlier and the revised figure to one measured thing: their
    # measured phrases need only be related ("Halvorian losses" vs "soldiers")
    def one_source(a: Claim, b: Claim) -> bool:
        # a country revising its own office's figure ("Tesmark raised its figure to 103")
        return speakers.same(a, b) or speakers.heads(a, b) or speakers.affiliated(a, b)

    for i, j in revised_pairs(figures, vectors, one_source, config.propose_similarity,
                              ctx.replaced):
        if frozenset((figures[i].claim.id, figures[j].claim.id)) not in cannot:
            judge(figures[i], figures[j])
    variants = quote_variants(ctx, story_claims)
    variants += [c for c in quotations_given_to_others(ctx, story_claims)
                 if frozenset(c.claim_ids) not in {frozenset(v.claim_ids) for v in variants}]
    found.extend(variants)
    cannot.update(frozenset(c.claim_ids) for c in variants)
    for i, j, cos in claim_pairs(story_claims, vectors, config.group_similarity):
        a, b = story_claims[i], story_claims[j]
        if cos < 0.95 and bool(a.quantities) != bool(b.quantities):
            continue  # "called a protest for Friday" is not "3,000 workers protested on Friday"
        if (speakers.same(a, b) or cos >= 0.95) and not _figures_disagree(a, b):
            links.append((a.id, b.id, cos))
    links += same_quotation_links(ctx, story_claims)
    # claims of one article over the same words (two attributions of one sentence) are one
    by_article: dict[str, list[Claim]] = {}
    for claim in story_claims:
        by_article.setdefault(claim.article_id, []).append(claim)
    for group in by_article.values():
        for x, a in enumerate(group):
            for b in group[x + 1 :]:
                if a.content_span == b.content_span:
                    links.append((a.id, b.id, 2.0))

    all_claims = story_claims + ctx.added_claims
    groups = group_claims(all_claims, links, cannot, kinds_apart=True)
    sources = claim_sources(all_claims, by_id, roots)
    # earliest pair first: dedupe keeps it, so a conflict names the originals, not copies
    by_claim = {c.id: c for c in all_claims}

    def when(cid: str) -> float:
        claim = by_claim.get(cid)
        told = claim_time(claim, by_id.get(claim.article_id)) if claim else None
        return told.timestamp() if told else float("inf")

    found.sort(key=lambda c: (_KIND_ORDER[c.kind], [when(i) for i in c.claim_ids]))
    provisional = build_propositions(story.id, groups, sources, [])
    article_of = {c.id: c.article_id for c in all_claims}
    kept = dedupe_conflicts(found, provisional, [c.claim_ids for c in along_edges],
                            article_of, judged)
    kept = drop_repeated_moves(kept, judged,
                               lambda a, b: speakers.same(by_claim[a], by_claim[b]))
    kept = drop_skipped_updates(drop_updates_of_misreports(kept, provisional), provisional)
    kept = merge_disagreements(kept, provisional, judged,
                               lambda a, b: speakers.same(by_claim[a], by_claim[b]))
    propositions = build_propositions(story.id, groups, sources, kept)
    timeline = build_timeline(propositions, {c.id: c for c in all_claims}, by_id, kept)
    return StoryComparison(story.id, tuple(propositions), tuple(kept), tuple(timeline),
                           tuple(ctx.added_claims))
