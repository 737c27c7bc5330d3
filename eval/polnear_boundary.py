"""Fit the content-boundary model (corroborator.nlp.boundary) on the PolNeAR TRAIN split.

Usage::

    .venv/bin/python eval/polnear_boundary.py --train --cache /tmp/parses
    .venv/bin/python eval/polnear_boundary.py --sweep            # margins on held-out train

The whole attribution stage runs with the boundary model off; for every attribution whose
cue overlaps an annotated cue, each reading of :func:`corroborator.nlp.boundary.readings` is
positive when it overlaps the annotated content best (and by at least one half). A logistic
regression over the readings' hashed features is fitted on four fifths of train, the margin
(how much a reading must beat the one found; 1e9 is off) is chosen on the held-out fifth by
the content F1s of the whole system, and the model is refitted on all of train. Only
numbers are written (:data:`corroborator.nlp.boundary.WEIGHTS`). Dev is never read here.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import polnear as pn  # noqa: E402
from polnear_learning import command, fit_sparse, records  # noqa: E402

from corroborator.nlp import boundary  # noqa: E402
from corroborator.nlp.tokenspans import char_span, chars_of, contiguous, doc_text  # noqa: E402

MARGINS = (0.0, 0.5, 1.0, 1.5, 2.0, 1e9)


def _readings(doc, offset, atts):  # noqa: ANN001, ANN202
    """``(cue span, features of each reading, char span of each reading)`` per attribution."""
    text = doc_text(doc)
    out = []
    for att, others in zip(atts, boundary.other_cues(doc, atts, offset), strict=True):
        cands, cue = boundary.readings(doc, att, offset)
        if len(cands) < 2 or att.cue is None:
            continue
        feats = [boundary.features(doc, att, r, cands[0], cue, others) for r in cands]
        spans = [char_span(contiguous(list(doc[r.lo: r.hi + 1])), offset, text)
                 for r in cands]
        out.append([att.cue, feats, spans])
    return out


def examples(data, nlp) -> list[tuple[str, list[list[int]], list[int]]]:  # noqa: ANN001
    """``(article, features of each reading, labels)`` per attribution with a gold cue."""
    out = []
    for (name, _, gold), found in zip(data, records(data, nlp, _readings, boundary),
                                      strict=True):
        for cue, feats, spans in found:
            golds = [g for g in gold if g.cue and chars_of(g.cue) & set(range(*cue))]
            best: list[float] = []
            for g in golds:
                ratios = [pn._ratio((s,), g.content) if s else 0.0 for s in spans]
                if max(ratios) > max(best, default=-1.0):
                    best = ratios
            if not best or max(best) < 0.5:
                continue
            top = max(best)
            out.append((name, feats, [int(r >= top - 1e-9) for r in best]))
    return out


def fit(items: list, c: float = 0.5):  # noqa: ANN201
    # tok2vec rows of each reading's edges beside these (first, last, next token) were
    # tried: held-out train overlap/exact .7189/.5396 against .7189/.5371, not kept
    return fit_sparse([f for it in items for f in it[1]], [y for it in items for y in it[2]], c)


def main(argv: list[str] | None = None) -> int:
    return command(__doc__, boundary, "margin", MARGINS, examples, fit, argv)


if __name__ == "__main__":
    sys.exit(main())
