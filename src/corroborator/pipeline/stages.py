"""Stages declare what they need and what they add; the chain is checked before it runs.

After spaCy's ``requires``/``assigns`` on pipeline components: ordering stages so that one
reads what no earlier stage wrote is caught up front, with the missing piece named, rather than
as an empty result at the end.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import PipelineError


@dataclass(frozen=True)
class StageSpec:
    name: str
    requires: frozenset[str]
    provides: frozenset[str]


INGEST = StageSpec("ingest", frozenset(), frozenset({"article.text", "article.metadata"}))
ANALYSE = StageSpec("analyse", frozenset({"article.text"}),
                    frozenset({"claims", "quantities", "dates"}))
STORIES = StageSpec("stories", frozenset({"article.text", "article.metadata"}),
                    frozenset({"stories"}))
REUSE = StageSpec("reuse", frozenset({"article.text", "article.metadata"}),
                  frozenset({"derivations"}))
COMPARE = StageSpec("compare", frozenset({"claims", "stories", "derivations"}),
                    frozenset({"propositions", "conflicts"}))

FULL_CHAIN = (INGEST, ANALYSE, STORIES, REUSE, COMPARE)


def check_chain(stages: Sequence[StageSpec], available: frozenset[str] = frozenset()) -> None:
    """Raise :class:`PipelineError` if a stage needs something no earlier stage provides."""
    have = set(available)
    for stage in stages:
        missing = stage.requires - have
        if missing:
            raise PipelineError(
                f"stage '{stage.name}' needs {sorted(missing)}, which no earlier stage "
                f"provides; order given: {[s.name for s in stages]}"
            )
        have |= stage.provides
