"""Figures that changed along a derivation edge, found by comparing the two texts.

Reuse's ``Change`` records name changed figures when its aligner saw them; this module looks
again at every edge of a story, so a changed figure is found even when the edge came from a
hint or from an aligner that reported no change. Each sentence of the derived article that
carries a figure is matched to its most similar source sentence with the figures masked
(rapidfuzz for copies and near-copies, sentence embeddings for rewrites); when exactly one
figure on each side has no compatible partner, the figure changed. The whole source text is
then checked as well: a figure the source itself gives elsewhere is not a change.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np
from rapidfuzz import fuzz

from ..nlp.numbers import scan_quantities
from ..people_nouns import noun_key
from ..records import Article, Claim, Conflict, Derivation, Quantity
from ..reuse.normalize import Sentence, content_sentences
from . import intervals
from .candidates import EmbedFn
from .conflicts import StoryContext, _claim_with_figure, _q, _states

COPY_RATIO = 85.0  # token-set ratio of masked sentences for copies and near-copies
REWRITE_COSINE = 0.6  # cosine of masked sentences for rewrites
# Masked sentences this alike are the same sentence: a figure the source also gives
# elsewhere ("Smith, 23, ..." and "a 59-year-old" later on) no longer hints at misalignment.
SAME_SENTENCE_RATIO = 97.0
SAME_SENTENCE_COSINE = 0.97


_ARTICLES = frozenset(["one", "a", "an"])


def _figures(sentence: Sentence) -> list[Quantity]:
    # a bare "one" is far more often a determiner than a figure ("one of the", "a" → "one")
    # durations and distances count here: "the last 20 years" -> "40 years" is a change
    return [q for q in scan_quantities(sentence.text, sentence.start)
            if (q.low is not None or q.high is not None) and q.kind != "ratio"
            and q.text.lower().strip() not in _ARTICLES]


def _masked(sentence: Sentence, figures: Sequence[Quantity]) -> str:
    text = sentence.text
    for q in sorted(figures, key=lambda q: -q.span.start):
        a, b = q.span.start - sentence.start, q.span.end - sentence.start
        text = text[:a] + "#" + text[b:]
    return re.sub(r"\s+", " ", text).strip()


def _differ(a: Quantity, b: Quantity) -> bool:
    return intervals.same_scale(a, b) and not intervals.compatible(a, b)


def _kept(before: Sequence[Quantity],
          after: Sequence[Quantity]) -> tuple[list[Quantity], list[Quantity]]:
    """``before`` and ``after`` without the figures both give with the same value (each
    paired once): a rewrite reorders figures ("a ferry carrying 312 people capsized, and at
    least 41 are missing" -> "more than 40 are missing after a ferry with 312 people on
    board"), and pairing them in order would take 312 -> "more than 40" for the change."""
    left = list(before)
    rest = []
    for d in after:
        twin = next((s for s in left if s.value is not None and s.value == d.value
                     and intervals.agreeing(s, d)), None)
        if twin is None:
            rest.append(d)
        else:
            left.remove(twin)
    return left, rest


NounOf = Callable[[Quantity], str | None]


def counted_nouns(parsed: Sequence[Quantity]) -> NounOf:
    """The noun a scanned figure counts, as the parse of its article's claims read it
    (``parsed``: their quantities): "two engines", "six passengers", plural and singular
    alike; None for a figure no claim reads, or reads without a noun (the scanner alone
    would take any next word: "32 indeed million total viewers" counts no "total")."""
    def noun(q: Quantity) -> str | None:
        for found in parsed:
            if found.unit and found.span.overlap(q.span) > 0:
                return noun_key(found.unit)
        return None
    return noun


def _one_counting(lone: Sequence[Quantity], other: Quantity,
                  nouns: tuple[NounOf, NounOf]) -> Quantity | None:
    """The one count of ``lone`` counting what the count ``other`` counts, if exactly one
    does (a sum's or a measure's unit says nothing about what it is of: "nearly $100
    billion" is no "$100")."""
    want = nouns[1](other) if other.kind == "count" else None
    same = [q for q in lone if want is not None and q.kind == "count" and nouns[0](q) == want]
    return same[0] if len(same) == 1 else None


def _changed(before: Sequence[Quantity], after: Sequence[Quantity],
             nouns: tuple[NounOf, NounOf] | None = None) -> tuple[Quantity, Quantity] | None:
    """The one figure pair that changed, among the figures not kept as they were
    (:func:`_kept`): in order when both sentences give as many figures (an open "at least
    12" would otherwise excuse any other figure), else the one figure on each side without
    a compatible partner. With ``nouns`` (what each side's figures count: before's, after's),
    a lone figure on one side is paired with the one of several on the other that counts
    the same thing: "one of its two engines failed, and six passengers were injured" ->
    "Sixteen passengers were hurt" changed six, not two."""
    before, after = _kept(before, after)
    if not before or not after:
        return None
    if len(before) == len(after):
        differ = [(s, d) for s, d in zip(before, after, strict=True)
                  if not intervals.agreeing(s, d)]
        if len(differ) == 1 and _differ(*differ[0]):
            return differ[0]
        # several differ: the sentence was reordered; fall back to unpartnered figures
    lone_after = [d for d in after if not any(intervals.agreeing(d, s) for s in before)]
    lone_before = [s for s in before if not any(intervals.agreeing(d, s) for d in after)]
    if len(lone_after) == 1 and len(lone_before) == 1:
        s, d = lone_before[0], lone_after[0]
        if _differ(s, d):
            return s, d
    elif nouns is not None and len(lone_after) == 1 and lone_before:
        was = _one_counting(lone_before, lone_after[0], nouns)
        if was is not None and _differ(was, lone_after[0]):
            return was, lone_after[0]
    elif nouns is not None and len(lone_before) == 1 and lone_after:
        now = _one_counting(lone_after, lone_before[0], (nouns[1], nouns[0]))
        if now is not None and _differ(lone_before[0], now):
            return lone_before[0], now
    return None


def edge_conflicts(
    ctx: StoryContext, claims: Sequence[Claim], embed_fn: EmbedFn | None
) -> list[Conflict]:
    """Misreports from figures changed between each derived article and its source."""
    out = []
    for edge in ctx.derivations:
        source = ctx.articles.get(edge.source_id)
        derived = ctx.articles.get(edge.article_id)
        if source is None or derived is None:
            continue
        out.extend(_edge(ctx, claims, edge, source, derived, embed_fn))
    return out


# An article's figure sentences, by article id and text: the stage runner lists the texts
# to embed (rewrite_texts) before the comparison's workers are forked, and the workers find
# the scans here instead of repeating them. Cleared when full: it only saves work.
_FIGURE_SENTENCES: dict[tuple[str, str], list[tuple[Sentence, list[Quantity]]]] = {}
_MAX_CACHED = 20000


def _figure_sentences(article: Article) -> list[tuple[Sentence, list[Quantity]]]:
    key = (article.id, article.text)
    found = _FIGURE_SENTENCES.get(key)
    if found is None:
        if len(_FIGURE_SENTENCES) >= _MAX_CACHED:
            _FIGURE_SENTENCES.clear()
        found = [(s, f) for s in content_sentences(article.text) if (f := _figures(s))]
        _FIGURE_SENTENCES[key] = found
    return found


def rewrite_texts(derivations: Sequence[Derivation], articles: dict[str, Article]) -> list[str]:
    """Every text :func:`edge_conflicts` embeds for these edges (the masked figure sentences
    of both sides of each rewrite edge), so they can be embedded ahead in one batch."""
    out: list[str] = []
    for edge in derivations:
        source, derived = articles.get(edge.source_id), articles.get(edge.article_id)
        if edge.relation != "rewrite" or source is None or derived is None:
            continue
        src, dst = _figure_sentences(source), _figure_sentences(derived)
        if src and dst:
            out.extend(_masked(s, f) for s, f in src + dst)
    return out


def _edge(ctx: StoryContext, claims: Sequence[Claim], edge: Derivation, source: Article,
          derived: Article, embed_fn: EmbedFn | None) -> list[Conflict]:
    src, dst = _figure_sentences(source), _figure_sentences(derived)
    if not src or not dst:
        return []
    src_masked = [_masked(s, f) for s, f in src]
    dst_masked = [_masked(s, f) for s, f in dst]
    sims = None
    if edge.relation == "rewrite" and embed_fn is not None:
        vectors = embed_fn(src_masked + dst_masked)
        sims = vectors[len(src):] @ vectors[: len(src)].T
    nouns = (counted_nouns([q for c in claims if c.article_id == source.id
                            for q in c.quantities]),
             counted_nouns([q for c in claims if c.article_id == derived.id
                            for q in c.quantities]))
    out = []
    for j, (sentence, figures) in enumerate(dst):
        if sims is not None:
            i = int(np.argmax(sims[j]))
            if sims[j, i] < REWRITE_COSINE:
                continue
            same = sims[j, i] >= SAME_SENTENCE_COSINE
        else:
            scores = [fuzz.token_set_ratio(dst_masked[j], m) for m in src_masked]
            i = int(np.argmax(scores))
            if scores[i] < COPY_RATIO:
                continue
            same = scores[i] >= SAME_SENTENCE_RATIO
        pair = _changed(src[i][1], figures, nouns)
        if pair is None:
            continue
        before, after = pair
        if not same and _states(source, after, ctx):
            continue  # the source gives the new figure too: the sentences were misaligned
        a = _claim_with_figure(ctx, claims, source.id, before.text,
                               (src[i][0].start, src[i][0].end), before)
        b = _claim_with_figure(ctx, claims, derived.id, after.text, (sentence.start,
                                                                      sentence.end), after)
        if a is None or b is None:
            continue
        speaker = ctx.speakers.of(a[0])
        who = f" attributed to {speaker.label}" if speaker.kind == "named" else ""
        source_name, derived_name = ctx.outlets(a[0], b[0])
        text = (
            f"{derived_name} {'rewrites' if edge.relation == 'rewrite' else 'copies'} "
            f"{source_name} but changes the figure{who} from "
            f"{_q(intervals.figure_text(before))} to {_q(intervals.figure_text(after))}; "
            "the two cannot both be right."
        )
        out.append(Conflict("misreport", (a[0].id, b[0].id), text, ctx.story_id))
    return out
