"""Quote-variants: a speaker's quotation in one lineage that another outlet reports otherwise.

A quotation found in one report only, while another report gives the same speaker on the
same point in other words or with materially different quoted words (inserted hedges,
substituted words), is a ``quote-variant``; a report that repeats the words, quoted or
reported faithfully, is none. The sibling :mod:`.quoted_speakers` finds words given to the
wrong speaker.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from ..nlp.cues import HEARSAY_ADVERBS
from ..records import Article, Claim, Conflict
from .candidates import claim_text
from .conflicts import StoryContext, _hours_apart, _order, _q, words_of
from .speakers import NAMED

# What joins the pieces of one speaker's words quoted apart in a sentence ('had "betrayed
# the trust" and turned it "into a marketplace"' is quoted as "betrayed the trust … into a
# marketplace").
_ELLIPSIS = re.compile(r"…|\.\.\.")


def quote_found_in(quote: str, text: str, ratio: float, normalised: bool = False) -> bool:
    """True when ``text`` contains the quotation (word-normalised, small edits allowed); a
    quotation of pieces joined by an ellipsis when it contains every piece."""
    t = text if normalised else " ".join(words_of(text))
    pieces = [p for p in _ELLIPSIS.split(quote) if words_of(p)]
    if len(pieces) > 1:
        return all(quote_found_in(p, t, ratio, normalised=True) for p in pieces)
    q = " ".join(words_of(quote))
    if not q:
        return True
    if q in t:
        return True
    return len(q) >= 20 and fuzz.partial_ratio(q, t) >= max(ratio, 90.0)


# Words that hedge a statement: one quotation with them and one without say different things.
_HEDGES = frozenset([*HEARSAY_ADVERBS, "apparently", "possibly", "probably", "perhaps",
                     "maybe"])


def quotes_differ(a: str, b: str, ratio: float) -> bool:
    """True when two quotations of one speaker differ materially: by their characters, or
    by words of substance each puts where the other has others ("bring inflation back to
    target" / "bring inflation down", a ratio of 84 over the whole quotation)."""
    words_a, words_b = words_of(a), words_of(b)
    wa, wb = " ".join(words_a), " ".join(words_b)
    if not wa or not wb or wa in wb or wb in wa:
        return False
    if set(words_a) & _HEDGES != set(words_b) & _HEDGES:
        return True  # a hedge put into someone's mouth: "we deny reportedly that ..."
    if fuzz.ratio(wa, wb) < ratio:
        return True
    only_a, only_b = _stems(wa) - _stems(wb), _stems(wb) - _stems(wa)
    if bool(only_a) and bool(only_b) and len(only_a | only_b) >= _SUBSTITUTED_STEMS:
        return True
    return _word_swapped_inside(words_a, words_b)


# Words the same on each side of a swapped phrase: enough to show one sentence quoted twice.
_ANCHOR_WORDS = 3


def _word_swapped_inside(words_a: Sequence[str], words_b: Sequence[str]) -> bool:
    """True when one quoted sentence puts other words of substance in the middle of the
    other, with the same words on both sides of the swap ("asking people to check on
    elderly neighbours twice a day" / "to look in on their elderly neighbours twice a
    day"): a reworded quotation, however short the change. A swap at either end is a trim;
    one of function words ("will" / "won't") or of spellings ("labour" / "labor",
    "per cent" / "percent") changes nothing said."""
    matcher = SequenceMatcher(None, list(words_a), list(words_b), autojunk=False)
    blocks = matcher.get_opcodes()
    for x, (op, a0, a1, b0, b1) in enumerate(blocks):
        if op != "replace" or x == 0 or x == len(blocks) - 1:
            continue
        before, after = blocks[x - 1], blocks[x + 1]
        if before[0] != "equal" or after[0] != "equal" \
                or before[2] - before[1] < _ANCHOR_WORDS:
            continue
        old, new = " ".join(words_a[a0:a1]), " ".join(words_b[b0:b1])
        if _stems(old) and _stems(new) and fuzz.ratio(old, new) < _SPELLING_RATIO:
            return True
    return False


# Above this character ratio two swapped phrases are one phrase spelt two ways.
_SPELLING_RATIO = 75.0


def quote_variants(ctx: StoryContext, claims: Sequence[Claim]) -> list[Conflict]:
    """Quotations found in one lineage only, against another outlet's report of the same point."""
    ratio = ctx.settings.quote_ratio
    by_speaker: dict[str, list[Claim]] = {}
    for claim in claims:
        if ctx.speakers.of(claim).kind == NAMED:
            by_speaker.setdefault(ctx.speakers.of(claim).key, []).append(claim)
    best: dict[tuple[str, frozenset[str]], tuple[tuple[float, ...], Conflict]] = {}
    quoted = [(c, q) for c in claims if (q := quote_of(c, ctx.articles.get(c.article_id)))]
    for claim, quote in quoted:
        if len(words_of(quote)) < 4:
            continue
        speaker = ctx.speakers.of(claim)
        if speaker.kind != NAMED:
            continue
        root = ctx.roots.get(claim.article_id, claim.article_id)
        elsewhere = [a for a in ctx.articles.values()
                     if ctx.roots.get(a.id, a.id) != root]
        if any(quote_found_in(quote, ctx.words_of(a), ratio, normalised=True)
               for a in elsewhere):
            continue  # other lineages carry the same words: a real, shared quotation
        # inside a lineage, a quotation the article's own source does not carry was added
        # (or rewritten) along the way: the source's report of the same point is its variant
        sources = {a for a in ctx.sources_of(claim.article_id) & ctx.articles.keys()
                   if not quote_found_in(quote, ctx.words_of(ctx.articles[a]), ratio,
                                         normalised=True)}
        if _quoted_alike(ctx, claim, quote, quoted, sources):
            continue  # another report quotes the same words, trimmed or contracted
        for other in by_speaker.get(speaker.key, []):
            other_root = ctx.roots.get(other.article_id, other.article_id)
            within = other_root == root
            if (within and other.article_id not in sources) or (
                    ctx.speakers.of(other).via != speaker.via):
                continue
            if ctx.vectors.content_cosine(claim, other) < ctx.settings.same_point_similarity:
                continue
            if bool(claim.quantities) != bool(other.quantities):
                continue  # a figure and a remark without one are not the same point
            if (claim.stance == "denied") != (other.stance == "denied"):
                # "denied that the warning came late" tells what the speaker rejects, not
                # her words: a quotation of what she asserts instead varies nothing
                continue
            if not _quote_on_point(quote, claim, other, ctx):
                continue
            if not within and (told_its_own_outlet(ctx, claim) or told_its_own_outlet(ctx, other)):
                # "Kalvo told the Courier that ...": the outlet's own interview is another
                # occasion, and what was said there cannot show another report's quotation
                # altered
                continue
            other_quote = quote_of(other, ctx.articles.get(other.article_id))
            if other_quote and not quotes_differ(quote, other_quote, ratio):
                continue
            if not other_quote and _repeats_quote(ctx, other, quote, ratio):
                continue
            gap = _hours_apart(ctx, claim, other)
            if other_quote and not within and gap is not None \
                    and gap >= ctx.settings.update_gap_hours:
                continue  # two quotations a day apart: a later remark, not a misquotation
            cos = ctx.vectors.content_cosine(claim, other)
            said = other_quote or claim_text(other, ctx.articles.get(other.article_id))
            quoting, reporting = ctx.outlets(claim, other)
            # copies of the quoting report may carry the words too: no *independent* one does
            where = (f"words its source {reporting} does not carry" if within
                     else "words found in no independent report")
            text = (
                f"{quoting} quotes {speaker.label} as saying {_q(quote)}, "
                f"{where}, while {reporting} reports "
                f"{speaker.label} on the same point as {_q(_short(said).rstrip(' .,;:'))}."
            )
            first, second = _order(ctx, claim, other)
            key = (speaker.key, frozenset((root, claim.article_id if within else other_root)))
            when, quoted_when = ctx.published(other), ctx.published(claim)
            # a differing quotation is the clearest counterpart, then the closest wording;
            # of one lineage's copies of the quotation, the earliest report is the one quoting
            rank = (float(bool(other_quote)), round(cos, 4),
                    -(when.timestamp() if when else float("inf")),
                    -(quoted_when.timestamp() if quoted_when else float("inf")))
            if key not in best or rank > best[key][0]:
                best[key] = (rank, Conflict("quote-variant", (first.id, second.id), text,
                                           ctx.story_id))
    return [c for _, c in best.values()]


def told_its_own_outlet(ctx: StoryContext, claim: Claim) -> bool:
    """Whether the claim's sentence says the speaker told the claim's own outlet ("told the
    Courier", "said in an interview with the Tribune"), outside what was said."""
    article = ctx.articles.get(claim.article_id)
    if article is None or not article.outlet or claim.sentence_span is None:
        return False
    words = article.outlet.split()
    # the outlet by its full name or its last word ("the Courier" of "Dunhallow Courier"):
    # its first word is often a place ("told Dunhallow police")
    names = {article.outlet, words[-1]} if len(words[-1]) > 3 else {article.outlet}
    told = re.compile(r"\b(?:told|telling|tells|in an interview with)\s+(?:the\s+)?(?:"
                      + "|".join(re.escape(n) for n in sorted(names)) + r")\b")
    sentence, content = claim.sentence_span, claim.content_span
    outside = (article.text[sentence.start : max(sentence.start, content.start)] + " "
               + article.text[min(sentence.end, content.end) : sentence.end])
    return told.search(outside) is not None


def _repeats_quote(ctx: StoryContext, other: Claim, quote: str, ratio: float) -> bool:
    """Whether a report in the speaker's voice without quotation marks repeats words of the
    quotation, the tense shifted back ("there was no agreement with any club" for "There is
    no agreement with any club, and Dario is not for sale"): a faithful paraphrase of part
    of it, which carries the quotation's words and varies none of them."""
    said = claim_text(other, ctx.articles.get(other.article_id))
    return len(words_of(said)) >= _PIECE_WORDS and (
        quote_found_in(said, quote, ratio) or paraphrases(said, quote))


# Words that turn a statement into its denial: a report with one and a quotation without say
# opposite things, however many words they share.
_NEGATIONS = re.compile(r"\b(?:not|no|never|none|nobody|nothing|neither|nor|without)\b|n['’]t\b",
                        re.IGNORECASE)


def paraphrases(said: str, quote: str) -> bool:
    """Whether a report without quotation marks tells the quotation back in its own words
    and order: "that ballots had been moved between polling stations with no observers
    present" for "Ballots were moved between polling stations without observers present".
    Every word of substance of the report stands in the quotation, in the quotation's order
    (tenses shifted back and function words changed are no new words), at least
    ``_PIECE_WORDS`` of them; the two deny as often ("without" / "with no") and carry the
    same hedges. A report that adds a word of its own ("admitted that ballots were moved")
    or recasts the sentence ("the number of victims was expected to rise" for "We expect the
    number of victims to rise") is left to the other checks."""
    mine, theirs = _stem_list(said), _stem_list(quote)
    if len(set(mine)) < _PIECE_WORDS or not _in_order(mine, theirs):
        return False
    if len(_NEGATIONS.findall(said)) != len(_NEGATIONS.findall(quote)):
        return False
    return set(words_of(said)) & _HEDGES == set(words_of(quote)) & _HEDGES


def _stem_list(text: str) -> list[str]:
    """The stems of ``text``'s words of substance (their first five letters; no word of two
    letters or fewer, none of ``_SLIGHT``), in order."""
    return [w[:5] for w in words_of(text) if len(w) > 2 and w not in _SLIGHT]


def _in_order(part: Sequence[str], whole: Sequence[str]) -> bool:
    """Whether ``part`` is a subsequence of ``whole``."""
    rest = iter(whole)
    return all(any(w == x for x in rest) for w in part)


def _quoted_alike(ctx: StoryContext, claim: Claim, quote: str,
                  quoted: Sequence[tuple[Claim, str]], sources: set[str]) -> bool:
    """True when a report the quotation could differ from quotes the same words give or take
    a trim ("cut a single corner" / "cut corners", too far apart for the text search): the
    quotation is shared, and no other remark of the speaker's is its variant. ``quoted``:
    the story's claims with their quotations."""
    root = ctx.roots.get(claim.article_id, claim.article_id)
    own_words = ctx.words_of(ctx.articles[claim.article_id]) \
        if claim.article_id in ctx.articles else ""
    for other, other_quote in quoted:
        if other.id == claim.id:
            continue
        within = ctx.roots.get(other.article_id, other.article_id) == root
        if within and other.article_id not in sources:
            continue
        if not quotes_differ(quote, other_quote, ctx.settings.quote_ratio):
            return True
        if quotes_part_of(other_quote, quote, own_words):
            return True
    return False


# Words a quoted piece needs before it can stand for the quotation it is cut from.
_PIECE_WORDS = 4


def quotes_part_of(pieces: str, quote: str, report_words: str) -> bool:
    """True when the quotation ``pieces`` is cut from the words of the report that carries
    ``quote``: every piece stands in that report, and one of at least ``_PIECE_WORDS`` words
    stands in ``quote`` itself. A report that quotes a sentence whole and one that quotes
    phrases out of it quote the same words, whatever else the sentence says."""
    parts = [" ".join(words_of(p)) for p in _ELLIPSIS.split(pieces)]
    parts = [p for p in parts if p]
    whole = " ".join(words_of(quote))
    if not parts or not all(p in report_words for p in parts):
        return False
    return any(len(p.split()) >= _PIECE_WORDS and p in whole for p in parts)


# Short function words and the like, which say nothing of what a quotation is about.
_SLIGHT = frozenset("""the and for has had was are but not you all can her his him our out
    who why how may its one two too any new now get got say see off own per via yet
    that this with from have were their they will would what when which there been about
    into than them then also more said says""".split())  # noqa: SIM905


def _stems(text: str) -> set[str]:
    return set(_stem_list(text))


# Stems that one quotation has and the other lacks, counted over both, from which the two
# differ in substance; below it ("will" / "won't", one word added) they are one quotation.
_SUBSTITUTED_STEMS = 4


def _quote_on_point(quote: str, claim: Claim, other: Claim, ctx: StoryContext) -> bool:
    """Whether the other claim can be the same point as the quotation itself.

    A few quoted words inside a longer report ("the company expected 'a strong finish to
    the year' and would hire 300 engineers") make the whole claim resemble another report
    of its other half; then the other report must share a word with the quotation.
    """
    content = claim_text(claim, ctx.articles.get(claim.article_id))
    if len(quote) * 2 >= len(content):
        return True
    return bool(_stems(quote) & _stems(claim_text(other, ctx.articles.get(other.article_id))))


_QUOTED = re.compile(r"[\"“]([^\"“”]{8,}?)(?:[\"”]|$)")


def quote_of(claim: Claim, article: Article | None, own: bool = False) -> str | None:
    """The claim's quotation, or quoted words inside its content the parse did not mark (up
    to its sentence's end unless ``own``: "denied X and called it 'a fantasy'" holds two
    claims, and only the second quotes)."""
    if claim.quote:
        return claim.quote.strip()
    if article is None:
        return None
    span = claim.content_span
    end = claim.sentence_span.end if claim.sentence_span and not own else span.end
    found = _QUOTED.search(article.text[span.start : max(span.end, end)])
    return found.group(1).strip(" ,.") if found else None


def _short(text: str, limit: int = 160) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
