"""Fit the keep model (corroborator.nlp.keep) on the PolNeAR TRAIN split.

Usage::

    .venv/bin/python eval/polnear_keep.py --train --cache /tmp/parses
    .venv/bin/python eval/polnear_keep.py --sweep            # thresholds on held-out train

The whole attribution stage runs with the keep model off; each relation with a cue, as the
keep model would receive it (contents already refitted), is positive when it is a relation
the annotation has: its content overlaps an annotated content by at least one half, or its
cue overlaps an annotated cue whose content takes in its own (one piece of a quotation
split by "he said"). A logistic regression over the relations' hashed features is fitted on
four fifths of train, the threshold (0 keeps everything) is chosen on the held-out fifth by
the content F1s of the whole system, and the model is refitted on all of train. Only
numbers are written (:data:`corroborator.nlp.keep.WEIGHTS`). Dev is never read here.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import polnear as pn  # noqa: E402
from polnear_learning import command, fit_sparse, records  # noqa: E402

from corroborator.nlp import keep  # noqa: E402
from corroborator.nlp.tokenspans import chars_of  # noqa: E402

THRESHOLDS = (0.0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4)


def _relations(doc, offset, atts):  # noqa: ANN001, ANN202
    """``(cue span, content span, features)`` per relation with a cue."""
    return [(att.cue, att.content, keep.features(doc, att, offset))
            for att in atts if att.cue is not None and not att.pending_colon]


def label(cue: tuple[int, int], content: tuple[int, int], gold: list[pn.Relation]) -> int:
    own = set(range(*content))
    for g in gold:
        chars = chars_of(g.content)
        if pn._ratio((content,), g.content) >= 0.5:
            return 1
        if g.cue and chars_of(g.cue) & set(range(*cue)) and len(own & chars) >= len(own) / 2:
            return 1
    return 0


def examples(data, nlp) -> list[tuple[str, list[int], int]]:  # noqa: ANN001
    """``(article, features, label)`` per relation with a cue."""
    out = []
    for (name, _, gold), found in zip(data, records(data, nlp, _relations, keep, "screen"),
                                      strict=True):
        out.extend((name, feats, label(cue, content, gold)) for cue, content, feats in found)
    return out


def fit(items: list, c: float = 0.5):  # noqa: ANN201
    return fit_sparse([it[1] for it in items], [it[2] for it in items], c)


def main(argv: list[str] | None = None) -> int:
    return command(__doc__, keep, "threshold", THRESHOLDS, examples, fit, argv)


if __name__ == "__main__":
    sys.exit(main())
