"""Quoted words that one report puts in a speaker's mouth and another gives to someone else.

A rewrite that tidies a report up often turns a relayed remark into a direct quotation of the
person it was about: the wire has the lawyer say that her client told her he was "the victim
of a political vendetta"; the tabloid has the client say "I am the victim of a political
vendetta". The words are the same, the speaker is not: readers of the rewrite believe the
client said them to the press. So a quotation credited to one named speaker, found in no
other report under that speaker's name, whose run of at least ``_SHARED_WORDS`` words
stands in a quotation another report (of another lineage, or the quoting report's own
source) credits to a different named speaker telling what the first said, is a
``quote-variant``: the same words, told as someone else's. So is a whole quotation of at
least ``_WHOLE_WORDS`` words that another report credits to another named speaker, telling
nothing of the first: a partisan rewrite that has the party spokesman dismiss the disputed
ballots as "a normal number for an election of this size", the commission chair's words.

Five words are rarely shared by chance between two speakers' quotations in one story, and
a slogan both repeat is shorter than that.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..records import Claim, Conflict
from .candidates import claim_text
from .conflicts import StoryContext, _order, _q, words_of
from .quote_variants import quote_found_in, quote_of, quotes_differ, quotes_part_of
from .speakers import NAMED

# The fewest words in a row two quotations must share to be one remark.
_SHARED_WORDS = 5


def quotations_given_to_others(ctx: StoryContext, claims: Sequence[Claim]) -> list[Conflict]:
    """A conflict for each quotation of one named speaker that another report credits, in
    the same words, to another named speaker (see the module notes)."""
    quoted = [(c, q) for c in claims if (q := quote_of(c, ctx.articles.get(c.article_id)))
              and ctx.speakers.of(c).kind == NAMED]
    found: dict[frozenset[str], Conflict] = {}
    for claim, quote in quoted:
        if _carried_under_the_same_name(ctx, claim, quote, quoted):
            continue
        for other, other_quote in quoted:
            if not _another_report(ctx, claim, other) or ctx.speakers.same(claim, other):
                continue
            shared = _shared_run(quote, other_quote)
            relayed = _relays(ctx, other, claim)
            if len(shared) < _SHARED_WORDS or not relayed and not (
                    _all_of(quote, shared) and _people(claim, other)
                    and _sources_of_the_story(ctx, claim, other)
                    and not _also_gives_them(ctx, claim, other, quote, quoted)):
                continue
            key = frozenset((claim.id, other.id))
            _, later = _order(ctx, claim, other)
            if key not in found and later is claim:
                # told from the later report's side: it changed whose words they are
                found[key] = _conflict(ctx, claim, quote, other, other_quote, relayed)
    return list(found.values())


def _carried_under_the_same_name(ctx: StoryContext, claim: Claim, quote: str,
                                 quoted: Sequence[tuple[Claim, str]]) -> bool:
    """Another report quotes the same speaker with these words: the words are theirs."""
    speaker = ctx.speakers.of(claim)
    ratio = ctx.settings.quote_ratio
    for other, other_quote in quoted:
        if other.article_id == claim.article_id or ctx.speakers.of(other).key != speaker.key:
            continue
        if quote_found_in(quote, " ".join(words_of(other_quote)), ratio, normalised=True):
            return True
    return False


def _relays(ctx: StoryContext, teller: Claim, claim: Claim) -> bool:
    """The ``teller``'s claim tells what the speaker of ``claim`` said ("Sandell said Vasko
    had told her he was ..."): it names that speaker in its content, and the two names are
    not forms of one ("Laurence" and "Laurence Mark", which the story did not join)."""
    named, teller_name = ctx.speakers.of(claim).label, ctx.speakers.of(teller).label
    name_words = set(_NAME_WORD.findall(named))
    if not name_words or name_words & set(_NAME_WORD.findall(teller_name)):
        return False
    content = claim_text(teller, ctx.articles.get(teller.article_id))
    return bool(name_words & set(_NAME_WORD.findall(content)))


# A capitalised word of a name ("Vasko" of "Aurel Vasko")
_NAME_WORD = re.compile(r"\b[A-Z][\w'’-]+")


def _another_report(ctx: StoryContext, claim: Claim, other: Claim) -> bool:
    """``other`` stands in a report ``claim``'s readers could check it against: one of
    another lineage, or the quoting report's own source."""
    if other.article_id == claim.article_id:
        return False
    root = ctx.roots.get(claim.article_id, claim.article_id)
    if ctx.roots.get(other.article_id, other.article_id) != root:
        return True
    return other.article_id in ctx.sources_of(claim.article_id)


def _shared_run(a: str, b: str) -> list[str]:
    """The longest run of words two quotations share, in order."""
    wa, wb = words_of(a), words_of(b)
    best: tuple[int, int] = (0, 0)  # (length, end in wa)
    previous = [0] * (len(wb) + 1)
    for i, word in enumerate(wa, 1):
        current = [0] * (len(wb) + 1)
        for j, other in enumerate(wb, 1):
            if word == other:
                current[j] = previous[j - 1] + 1
                if current[j] > best[0]:
                    best = (current[j], i)
        previous = current
    length, end = best
    return wa[end - length : end]


# The fewest words a whole quotation needs before another speaker's quotation of all of them
# shows it was put in the wrong mouth ("a normal number for an election of this size").
_WHOLE_WORDS = 6


def _all_of(quote: str, shared: Sequence[str]) -> bool:
    """Whether the run two quotations share is the whole of ``quote``, and long enough to be
    one remark: a quotation given in full to someone else is the other speaker's words,
    whoever the two speakers are."""
    return len(shared) >= _WHOLE_WORDS and len(shared) == len(words_of(quote))


def _people(*claims: Claim) -> bool:
    """Whether every claim's speaker is a person the recogniser named: a remark put in the
    wrong mouth is one person's words told as another's, and a speaker read from a common
    noun ("Readers", "Co-worker") is more often the parse's misreading than the report's."""
    return all(claim.speaker_type == "PERSON" for claim in claims)


def _also_gives_them(ctx: StoryContext, claim: Claim, other: Claim, quote: str,
                     quoted: Sequence[tuple[Claim, str]]) -> bool:
    """Whether the quoting report itself gives the words to ``other``'s speaker as well: a
    report that quotes the mayor twice, once where the parse took another speaker, moved
    no words out of her mouth."""
    return any(mine.article_id == claim.article_id and ctx.speakers.same(mine, other)
               and len(_shared_run(quote, said)) >= _SHARED_WORDS for mine, said in quoted)


def _sources_of_the_story(ctx: StoryContext, *claims: Claim) -> bool:
    """Whether each claim's speaker speaks in at least two lineages of the story: a source
    the story's reports know (the commission's chair, the party's spokesman), not a
    bystander one report quotes. Bystanders echo stock phrases ("had not seen such a thing
    in her life"), which tell nothing of whose words moved."""
    for claim in claims:
        lineages = {ctx.roots.get(other.article_id, other.article_id) for other in ctx.claims
                    if ctx.speakers.same(other, claim)}
        if len(lineages) < 2:
            return False
    return True


def _conflict(ctx: StoryContext, claim: Claim, quote: str, other: Claim,
              other_quote: str, relayed: bool = True) -> Conflict:
    speaker, teller = ctx.speakers.of(claim), ctx.speakers.of(other)
    quoting, reporting = ctx.outlets(claim, other)
    if relayed:
        text = (f"{quoting} quotes {speaker.label} as saying {_q(quote.rstrip(' .,'))}, while "
                f"{reporting} has these words from {teller.label}, telling what "
                f"{speaker.label} said: {_q(other_quote.rstrip(' .,'))}.")
    else:
        text = (f"{quoting} quotes {speaker.label} as saying {_q(quote.rstrip(' .,'))}, "
                f"words {reporting} gives to {teller.label}.")
    return Conflict("quote-variant", (other.id, claim.id), text, ctx.story_id)


# The fewest words a quotation needs before two reports of it make one claim by themselves.
_QUOTATION_WORDS = 4


def same_quotation_links(ctx: StoryContext,
                         claims: Sequence[Claim]) -> list[tuple[str, str, float]]:
    """Links between two reports' claims that quote one speaker in the same words, give or
    take a trim, or the one in phrases cut from the other's sentence ("betrayed the trust
    ... into a marketplace" of the court's "The defendant betrayed the trust of the people
    ..."): one remark, however differently the rest of each claim reads."""
    quoted = [(c, q) for c in claims
              if (q := quote_of(c, ctx.articles.get(c.article_id), own=True))
              and ctx.speakers.of(c).kind == NAMED and len(words_of(q)) >= _QUOTATION_WORDS]
    links = []
    for x, (a, quote_a) in enumerate(quoted):
        for b, quote_b in quoted[x + 1 :]:
            if a.article_id == b.article_id or not ctx.speakers.same(a, b):
                continue
            if _one_quotation(ctx, a, quote_a, b, quote_b):
                links.append((a.id, b.id, 1.0))
    return links


def _one_quotation(ctx: StoryContext, a: Claim, quote_a: str, b: Claim, quote_b: str) -> bool:
    if not quotes_differ(quote_a, quote_b, ctx.settings.quote_ratio):
        return True
    words_a = ctx.words_of(ctx.articles[a.article_id]) if a.article_id in ctx.articles else ""
    words_b = ctx.words_of(ctx.articles[b.article_id]) if b.article_id in ctx.articles else ""
    return quotes_part_of(quote_b, quote_a, words_a) or quotes_part_of(quote_a, quote_b, words_b)
