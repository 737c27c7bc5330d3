"""A source's own statements settle what its newer figure is.

A ministry that publishes its statements itself (``StorySpeakers.in_own_statement``) cannot
misreport itself: a later figure in its own statement is its newer count, however few hours
after the earlier one it comes and whatever words tell it ("14 people are now known to have
died" carries no update cue). And a report that gives the figure the source itself had
published since the earlier one is no misreport of that earlier figure either: it relays the
source's newer count. Both are updates of the source's figure, never misreports.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from ..records import Claim
from . import intervals
from .measures import head_noun, outcomes
from .revisions import is_previous, split_from_to

if TYPE_CHECKING:  # conflicts imports this module
    from .candidates import Figure
    from .conflicts import StoryContext


def _wall_clock(when: datetime) -> datetime:
    # naive and aware datetimes of one story: compare wall-clock values
    return when.replace(tzinfo=None)


def newer_figure_of_its_source(ctx: StoryContext, earlier: Figure, later: Figure) -> bool:
    """True when ``later`` (a figure published after ``earlier``, of the same source) is the
    source's own newer figure: told in the source's own statement, or matching a figure the
    source's own statement published after ``earlier`` and no later than ``later``'s report
    (a wire's "At least 14" an hour after the ministry's own "14", both after its "nine")."""
    t1, t2 = ctx.published(earlier.claim), ctx.published(later.claim)
    if t1 is None or t2 is None or not _wall_clock(t1) < _wall_clock(t2):
        return False
    if ctx.speakers.in_own_statement(later.claim):
        return True
    return any(_publishes(ctx, claim, earlier, later) for claim in ctx.claims
               if claim.article_id not in (earlier.claim.article_id, later.claim.article_id)
               and ctx.speakers.same(claim, later.claim)
               and ctx.speakers.in_own_statement(claim))


def _publishes(ctx: StoryContext, statement: Claim, earlier: Figure, later: Figure) -> bool:
    """Whether the source's own ``statement``, published between the two reports, gives a
    figure of ``later``'s kind that fits it and not ``earlier``."""
    when, t1, t2 = (ctx.published(c) for c in (statement, earlier.claim, later.claim))
    if when is None or t1 is None or t2 is None or not (
            _wall_clock(t1) < _wall_clock(when) <= _wall_clock(t2)):
        return False
    counted = outcomes(later.measured)
    for whole in statement.quantities:
        for figure in split_from_to(whole):
            measured = ctx.measures.get((statement.article_id, figure.span.start),
                                        figure.measured)
            # the same outcome counted ("died"), or, where neither names one, the same thing
            alike = outcomes(measured) == counted and (
                bool(counted) or head_noun(measured) is not None
                and head_noun(measured) == head_noun(later.measured))
            if (not is_previous(figure) and alike
                    and intervals.agreeing(figure, later.quantity)
                    and intervals.conflicting(figure, earlier.quantity)):
                return True
    return False
