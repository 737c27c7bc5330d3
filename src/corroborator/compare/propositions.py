"""Propositions: claims from several articles that report the same thing, and how many
independent sources carry each.

Claims are linked greedily, strongest evidence first, into groups that never contain two
claims judged incompatible (a cannot-link constraint): "nearly 2,000" and "close to 2,000"
for the same measured thing join; "nearly 2,000" and "more than 2,000" never do, even when
"about 2,000" would bridge them. Independence counts lineages (reuse's derivation graph),
not articles: a claim repeated by ten copies of one wire story is one source; a mention that
cites another outlet of the story ("Harbor News Agency, citing the bureau, reported ...")
belongs to that outlet's lineage.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence

from ..records import Article, Claim, Conflict, Proposition, Quantity
from ..records.article import publication_key
from ..reuse.lineage import independent_origins
from .intervals import agreeing, conflicting, is_figure
from .measures import outcomes, outcomes_agree


class _Groups:
    """Union-find over claim ids that refuses merges across a cannot-link pair, and, given
    ``kinds`` (each claim's kinds of figures), between claims whose figures share no kind."""

    def __init__(self, ids: Iterable[str], cannot: set[frozenset[str]],
                 kinds: Mapping[str, frozenset[str]] | None = None) -> None:
        self.parent = {i: i for i in ids}
        self.members = {i: {i} for i in self.parent}
        self.cannot: dict[str, set[str]] = {}
        for pair in cannot:
            a, b = tuple(pair) if len(pair) == 2 else (next(iter(pair)),) * 2
            self.cannot.setdefault(a, set()).add(b)
            self.cannot.setdefault(b, set()).add(a)
        # per group the distinct kind sets of its members: a handful, whatever its size
        self.kinds = {i: {k} if (k := (kinds or {}).get(i)) else set() for i in self.parent}

    def find(self, i: str) -> str:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        small, big = sorted((ra, rb), key=lambda r: len(self.members[r]))
        for member in self.members[small]:
            if self.cannot.get(member, set()) & self.members[big]:
                return False
        if any(not x & y for x in self.kinds[small] for y in self.kinds[big]):
            return False
        self.parent[small] = big
        self.members[big] |= self.members.pop(small)
        self.kinds[big] |= self.kinds.pop(small)
        return True

    def groups(self) -> list[set[str]]:
        return [m for r, m in self.members.items() if self.parent[r] == r]


def claim_sources(
    claims: Sequence[Claim], articles: Mapping[str, Article], roots: Mapping[str, str]
) -> dict[str, str]:
    """Each claim's independent source: its article's (:func:`independent_origins`), or the
    lineage of the story outlet it cites in its attribution chain or names as its speaker
    ("..., the agency said", the agency being another report's outlet)."""
    by_outlet: dict[str, str] = {}
    for article in sorted(
        articles.values(),
        key=publication_key,
    ):
        if article.outlet:
            by_outlet.setdefault(article.outlet.lower(), article.id)
    sources = independent_origins(articles, roots)
    out = {}
    for claim in claims:
        source = sources.get(claim.article_id, roots.get(claim.article_id, claim.article_id))
        own = (articles[claim.article_id].outlet or "").lower() if claim.article_id in articles \
            else ""
        for name in (*claim.via, *([claim.speaker] if claim.speaker else [])):
            cited = by_outlet.get(name.lower().removeprefix("the "), by_outlet.get(name.lower()))
            if cited and name.lower() != own:
                source = roots.get(cited, cited)
                break
        out[claim.id] = source
    return out


def _figure_kinds(claim: Claim) -> frozenset[str]:
    return frozenset(q.kind for q in claim.quantities if is_figure(q))


def group_claims(
    claims: Sequence[Claim],
    links: Iterable[tuple[str, str, float]],
    cannot: set[frozenset[str]],
    kinds_apart: bool = False,
) -> list[list[str]]:
    """Claim-id groups: ``links`` (a, b, strength) joined strongest first, never across
    ``cannot``. Every claim ends in exactly one group; groups keep the claims' order.

    With ``kinds_apart``, claims that both give figures, none of one of a kind the other
    gives, never share a group: "the train was travelling at 118 km/h" and "it was carrying
    214 passengers" tell two things, however alike their words and speaker, and a claim
    that tells both ("doing 120 km/h with more than 200 passengers on board") joins one of
    them, not both into one."""
    kinds = {c.id: k for c in claims if (k := _figure_kinds(c))} if kinds_apart else None
    groups = _Groups([c.id for c in claims], cannot, kinds)
    for a, b, _ in sorted(links, key=lambda link: -link[2]):
        if a in groups.parent and b in groups.parent:
            groups.union(a, b)
    order = {c.id: i for i, c in enumerate(claims)}
    return sorted(
        (sorted(g, key=order.__getitem__) for g in groups.groups()),
        key=lambda g: order[g[0]],
    )


def proposition_id(story_id: str, claim_ids: Sequence[str]) -> str:
    key = story_id + ":" + ",".join(sorted(claim_ids))
    return "p-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def build_propositions(
    story_id: str,
    groups: Sequence[Sequence[str]],
    sources: Mapping[str, str],
    conflicts: Sequence[Conflict],
) -> list[Proposition]:
    """One proposition per group, with its independent source count and status.

    An update is not a disagreement between reports: a source gave a figure and later
    changed it. So a claim whose only conflicts are updates keeps the status its sources
    give it (the update is still listed among the story's conflicts); "conflicting" is for
    misreports, disagreeing sources and differing quotations."""
    conflicted = {cid for c in conflicts if c.kind != "update" for cid in c.claim_ids}
    out = []
    for group in groups:
        independent = len({sources.get(cid, cid) for cid in group})
        if conflicted & set(group):
            status = "conflicting"
        elif independent >= 2:
            status = "corroborated"
        else:
            status = "single-source"
        out.append(Proposition(proposition_id(story_id, group), story_id, tuple(group), status,
                               max(1, independent)))
    return out


def dedupe_conflicts(
    conflicts: Sequence[Conflict], propositions: Sequence[Proposition],
    along_edges: Collection[tuple[str, ...]] = (),
    article_of: Mapping[str, str] | None = None,
    figures: Mapping[tuple[str, ...], tuple[Quantity, Quantity]] | None = None,
) -> list[Conflict]:
    """One conflict per kind and pair of propositions (the first found: the earliest pair);
    conflicts whose two claims fell into one proposition are dropped. A pair may carry two
    kinds: "nearly 2,000" is misreported as "more than 2,000" by one outlet and updated to
    2,400 (inside that interval) by the minister a day later. A misreport along a derivation
    edge (``along_edges``: such conflicts' claim ids, the derived report's claim last) is the
    derived report's fault, so two reports that change their source's figure the same way
    are two misreports; another misreport between the same propositions that involves a
    derived report is that report's fault again (``article_of``: claim id → article id).
    Two conflicts between the same propositions over other numbers (``figures``: each figure
    conflict's two figures, in the order of its claim ids) are two findings: a notice that
    gives complaints and injuries in one sentence, then both raised in an amended one,
    updates each ("212" to "305" complaints, "14" to "19" injuries)."""
    where = {cid: p.id for p in propositions for cid in p.claim_ids}
    article_of = article_of or {}
    edge_ids = set(along_edges)

    def props_of(conflict: Conflict) -> frozenset[str]:
        return frozenset(where.get(cid, cid) for cid in conflict.claim_ids)

    def derived(conflict: Conflict) -> str | None:
        return article_of.get(conflict.claim_ids[-1]) if conflict.claim_ids in edge_ids \
            else None

    faults = {(props_of(c), derived(c)) for c in conflicts if derived(c) is not None}

    def at_fault(conflict: Conflict, props: frozenset[str]) -> str | None:
        if conflict.claim_ids in edge_ids:
            return derived(conflict)
        if conflict.kind != "misreport":
            return None
        return next((a for cid in conflict.claim_ids
                     if (props, a := article_of.get(cid, "")) in faults), None)

    figures = figures or {}
    seen: dict[tuple[str, frozenset[str], str | None], list[Conflict]] = {}
    out = []
    for conflict in conflicts:
        props = props_of(conflict)
        if len(props) < 2:
            continue
        key = (conflict.kind, props, at_fault(conflict, props))
        if key in seen and not all(_other_numbers(conflict, kept, figures)
                                   for kept in seen[key]):
            continue
        seen.setdefault(key, []).append(conflict)
        out.append(conflict)
    return out


def _other_numbers(conflict: Conflict, kept: Conflict,
                   figures: Mapping[tuple[str, ...], tuple[Quantity, Quantity]]) -> bool:
    """Whether ``conflict`` is about other numbers than ``kept``: none of its figures could
    be one of ``kept``'s. Two conflicts that share a figure are one finding told twice
    (copies restating one change, a figure in other units, "around 10" feared dead and
    "nine" dead both before the same later 12, "close to 2,000" against the "more than
    2,000" another conflict set against "nearly 2,000")."""
    mine, theirs = figures.get(conflict.claim_ids), figures.get(kept.claim_ids)
    if mine is None or theirs is None:
        return False
    return all(conflicting(a, b) for a in mine for b in theirs)


def drop_updates_of_misreports(conflicts: Sequence[Conflict],
                               propositions: Sequence[Proposition]) -> list[Conflict]:
    """An update from a figure that is itself a misreport ("more than 1,500" for the company's
    "about 1,200") to a later figure the sound one is already updated to ("900") tells the
    reader nothing new: the misreport and the real update say it all. Likewise an update to
    a misreport ("nine", then a rewrite's "more than 14" for the source's "14") from a figure
    already updated to a sound one ("nine" to "14"): the source moved to the sound figure."""
    where = {cid: p.id for p in propositions for cid in p.claim_ids}
    misreporting = {c.claim_ids[-1] for c in conflicts if c.kind == "misreport"}
    sound = [c for c in conflicts if c.kind == "update"
             and not {c.claim_ids[0], c.claim_ids[-1]} & misreporting]
    updated_to = {where.get(c.claim_ids[-1], c.claim_ids[-1]) for c in sound}
    updated_from = {where.get(c.claim_ids[0], c.claim_ids[0]) for c in sound}

    def redundant(c: Conflict) -> bool:
        first, last = c.claim_ids[0], c.claim_ids[-1]
        return (first in misreporting and where.get(last, last) in updated_to) or (
            last in misreporting and where.get(first, first) in updated_from)

    return [c for c in conflicts if not (c.kind == "update" and redundant(c))]


def drop_repeated_moves(conflicts: Sequence[Conflict],
                        figures: Mapping[tuple[str, ...], tuple[Quantity, Quantity]],
                        same_source: Callable[[str, str], bool]) -> list[Conflict]:
    """One update per move of one source's count: its "31" injured raised to "34", told from
    its own statement and again from a wire's "31 injured", is one change of the source's,
    whichever propositions the reports fell into. A later update (``conflicts`` come earliest
    pair first) of the same source whose figures give the kept one's numbers at both ends
    ("31", or "At least 14" for "14"), fitting them and counting the same outcome, is dropped.
    A step between other numbers is no repeat: "at least six" to 12 beside "nine" to 12 is
    the skip :func:`drop_skipped_updates` judges. Of the repeats, the one whose figures
    name what befell those counted ("people who died", not "people who") takes the first's
    place: the reader gets the move once, told best. ``figures``: each figure conflict's two
    figures, in the order of its claim ids."""
    kept: list[Conflict] = []
    out = []
    for conflict in conflicts:
        mine = figures.get(conflict.claim_ids)
        if conflict.kind != "update" or mine is None:
            out.append(conflict)
            continue
        twin = next((index for index, other in enumerate(kept) if _same_move(
            conflict, mine, other, figures[other.claim_ids], same_source)), None)
        if twin is None:
            kept.append(conflict)
            out.append(conflict)
        elif _outcomes_named(mine) > _outcomes_named(figures[kept[twin].claim_ids]):
            out[out.index(kept[twin])] = conflict
            kept[twin] = conflict
    return out


def _outcomes_named(pair: tuple[Quantity, Quantity]) -> int:
    """How many of a move's two figures name an outcome in their measured phrase."""
    return sum(bool(outcomes(q.measured)) for q in pair)


def _same_move(conflict: Conflict, mine: tuple[Quantity, Quantity], other: Conflict,
               theirs: tuple[Quantity, Quantity],
               same_source: Callable[[str, str], bool]) -> bool:
    return same_source(conflict.claim_ids[0], other.claim_ids[0]) and all(
        a.value is not None and a.value == b.value and agreeing(a, b)
        and outcomes_agree(a.measured, b.measured) for a, b in zip(mine, theirs, strict=True))


def drop_skipped_updates(conflicts: Sequence[Conflict],
                         propositions: Sequence[Proposition]) -> list[Conflict]:
    """An update from a first figure straight to a third ("at least six" -> 12) where the
    story also tells it step by step ("at least six" -> "nine" -> 12) says nothing the steps
    do not."""
    where = {cid: p.id for p in propositions for cid in p.claim_ids}

    def ends(c: Conflict) -> tuple[str, str]:
        return where.get(c.claim_ids[0], c.claim_ids[0]), where.get(c.claim_ids[-1],
                                                                     c.claim_ids[-1])

    steps = {ends(c) for c in conflicts if c.kind == "update" and len(c.claim_ids) >= 2}
    skipped = {(a, c) for a, b in steps for b2, c in steps if b == b2 and a != c}
    return [c for c in conflicts if not (c.kind == "update" and len(c.claim_ids) >= 2
                                         and ends(c) in skipped)]


def merge_disagreements(
    conflicts: Sequence[Conflict],
    propositions: Sequence[Proposition],
    figures: Mapping[tuple[str, ...], tuple[Quantity, Quantity]],
    same_source: Callable[[str, str], bool],
) -> list[Conflict]:
    """One source-disagreement where several say the same thing: a later one that shares a
    proposition with an earlier one while its other side is the same source ("More than
    2,000" and "nearly 2,000", both the minister's, against the bureau's "around 800") or a
    compatible figure ("about 120" per the company, "roughly 120" per the owners, against
    the union's "more than 200") adds nothing a reader needs. Others pass unchanged."""
    where = {cid: p.id for p in propositions for cid in p.claim_ids}
    kept: list[tuple[list[str], tuple[Quantity, Quantity] | None]] = []
    out = []
    for conflict in conflicts:
        if conflict.kind != "source-disagreement" or len(conflict.claim_ids) != 2:
            out.append(conflict)
            continue
        ids = list(conflict.claim_ids)
        figs = figures.get(tuple(ids))
        repeated = False
        for earlier, earlier_figs in kept:
            for x in range(2):
                for y in range(2):
                    if where.get(ids[x], ids[x]) != where.get(earlier[y], earlier[y]):
                        continue
                    mine, theirs = ids[1 - x], earlier[1 - y]
                    if same_source(mine, theirs) or (
                            figs is not None and earlier_figs is not None
                            and figs[1 - x].overlaps(earlier_figs[1 - y])):
                        repeated = True
        if not repeated:
            kept.append((ids, figs))
            out.append(conflict)
    return out
