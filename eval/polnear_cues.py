"""Fit the learned cue frames on PolNeAR train: which (verb lemma, complement) pairs report speech.

Usage::

    .venv/bin/python eval/polnear_cues.py --cache /tmp/parses   # writes nlp/learned_cues.py
    .venv/bin/python eval/polnear_cues.py --dry-run               # print the table only

The hand-written lexicon (:mod:`corroborator.nlp.cues`) knows the common reporting verbs; the
annotation of PolNeAR counts many more ("rail against", "invoke", "voice", "weigh in on") and
knows which complement carries the content ("cited [X]", "talked about [X]"). For every verb
token of the TRAIN split that has a subject, each complement after it (a direct object, a
clause, an infinitive, the object of a preposition) is a *frame instance*; it is positive when
the gold attribution has its cue on that verb and content that overlaps the complement by at
least half. A frame is kept when it was seen ``--min-count`` times with a smoothed precision
of at least ``--min-precision``.

Heads without a speaker are fitted too, as their own kinds: a noun that is the object of a
verb ("X voiced concerns about Y", "made no mention of": ``held_noun``, right only where the
annotated source is that verb's subject) and verbs without a subject or nouns without a
possessor ("Asked about X", "complaints that X": ``bare_verb`` / ``bare_noun``, right only
where the annotation has no source either, so a claim without a speaker is what it wants;
``--bare-any`` counts all, ``--bare-precision`` is their floor). Only lemmas, frame names and counts are written (no corpus
text). The dev split judges the result (``eval/polnear.py``); the test split is never read.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "src" / "corroborator" / "nlp" / "learned_cues.py"


def _polnear():
    spec = importlib.util.spec_from_file_location("eval_polnear", HERE / "polnear.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("eval_polnear", module)
    spec.loader.exec_module(module)
    return module


def fit(split: str, cache: Path | None) -> tuple[Counter, Counter]:
    """Occurrences and positives of every (lemma, frame) on ``split``."""
    from corroborator.nlp.analyze import _CONTROL
    from corroborator.nlp.learned import frame_instances, head_kind
    from corroborator.nlp.loader import load_pipeline
    from corroborator.nlp.segment import split_paragraphs
    from corroborator.nlp.subjects import subject_of
    from corroborator.settings import NlpSettings, load_settings

    pn = _polnear()
    data = pn.load_split(split)
    nlp = load_pipeline()
    paragraphs = [(p.text, None) for _, text, _ in data
                  for p in split_paragraphs(_CONTROL.sub(" ", text))]
    if cache is not None:
        model = load_settings(environ={}).get(NlpSettings).model
        pipe = pn.CachedPipeline(nlp, cache, f"polnear-{split}-{model}")
        parsed = {doc.text: doc for doc, _ in pipe.pipe(paragraphs)}
    else:
        parsed = {doc.text: doc for doc in nlp.pipe(t for t, _ in paragraphs)}
    occ: Counter = Counter()
    pos: Counter = Counter()
    for _, text, gold in data:
        clean = _CONTROL.sub(" ", text)
        cue_of: dict[int, list] = {}  # char offset of a cue token -> gold relations
        for rel in gold:
            for s, e in rel.cue:
                for k in range(s, e):
                    cue_of.setdefault(k, []).append(rel)
        for para in split_paragraphs(clean):
            doc = parsed[para.text]
            for tok in doc:
                kind = _fitted_kind(tok, head_kind(tok), subject_of)
                if kind is None:
                    continue
                rels = cue_of.get(tok.idx + para.start, [])
                for name, _, tokens in frame_instances(tok, kind):
                    key = (kind, tok.lemma_.lower(), name)
                    occ[key] += 1
                    lo = min(t.idx for t in tokens) + para.start
                    hi = max(t.idx + len(t.text) for t in tokens) + para.start
                    mine = ((lo, hi),)
                    if any(pn._ratio(mine, r.content) >= 0.5 and _same_source(
                            kind, tok, r, para.start, pn) for r in rels):
                        pos[key] += 1
    return occ, pos


# Whether a bare frame counts only the annotated relations without a source (see
# :func:`_same_source`); --bare-any counts all.
BARE_UNATTRIBUTED_ONLY = True


def _same_source(kind: str, tok, rel, start: int, pn) -> bool:  # noqa: ANN001
    """Whether the claim a frame of ``kind`` gives would have the annotated source: a bare
    frame none (where the annotation has one the parse lost the speaker, and a claim
    without one would miss it), a held noun the subject of its verb."""
    from corroborator.nlp.constructions import support_holder
    from corroborator.nlp.tokenspans import chars_of

    if kind.startswith("bare_"):
        return not rel.source or not BARE_UNATTRIBUTED_ONLY
    if kind == "held_noun":
        holder = support_holder(tok)
        chars = {t.idx + start + k for t in holder.tokens for k in range(len(t.text))} \
            if holder is not None else set()
        return bool(chars & chars_of(rel.source))
    return True


def _fitted_kind(tok, kind: str | None, subject_of) -> str | None:  # noqa: ANN001
    """The kind of head ``tok`` is fitted as: a verb, adjective or noun with a speaker (a
    subject; the noun's possessor), a noun held by the subject of its verb ("X raised
    questions about Y"), or a bare verb or noun (no speaker in the sentence: "was asked
    about", "questions about")."""
    from corroborator.nlp.constructions import support_holder

    if kind == "verb":
        return "verb" if subject_of(tok)[0] is not None else "bare_verb"
    if kind == "adj":
        return "adj" if subject_of(tok.head)[0] is not None else None
    if kind is None and tok.pos_ == "NOUN":
        return "held_noun" if support_holder(tok) is not None else "bare_noun"
    return kind


def select(occ: Counter, pos: Counter, min_count: int, min_precision: float,
           bare_precision: float | None = None) -> dict:
    """The frames worth keeping: ``{kind: {lemma: {frame: (positives, occurrences)}}}``.

    A bare frame gives a claim without a speaker; it may ask for a higher precision
    (``bare_precision``)."""
    kept: dict[str, dict[str, dict[str, tuple[int, int]]]] = {}
    for (kind, lemma, frame), n in occ.items():
        p = pos[(kind, lemma, frame)]
        floor = min_precision
        if kind.startswith("bare_") and bare_precision is not None:
            floor = bare_precision
        # add-two smoothing: a frame seen 3 times and right 3 times is 0.6, not 1.0
        if p >= min_count and p / (n + 2) >= floor:
            kept.setdefault(kind, {}).setdefault(lemma, {})[frame] = (p, n)
    return kept


def render(kept: dict, args: argparse.Namespace) -> str:
    lines = [
        '"""Cue frames learned from the PolNeAR TRAIN split (generated; do not edit by hand).',
        "",
        "Written by ``eval/polnear_cues.py --min-count "
        f"{args.min_count} --min-precision {args.min_precision} --bare-precision "
        f"{args.bare_precision}``.",
        "``FRAMES[kind][lemma][frame] = (times the frame carried annotated content, times",
        'seen)``; kinds are "verb", "adj" (after a copula) and "noun" (with a possessor),',
        '"held_noun" (the object of a verb whose subject holds it: "X voiced concerns about"),',
        'and "bare_verb" / "bare_noun" (no subject, no possessor: a claim without a speaker);',
        'frames a dependency ("dobj", "ccomp", "xcomp", "acl") or "prep:<preposition>".',
        "Lemmas and counts only.",
        '"""',
        "",
        "FRAMES: dict[str, dict[str, dict[str, tuple[int, int]]]] = {",
    ]
    for kind in sorted(kept):
        lines.append(f'    "{kind}": {{')
        for lemma in sorted(kept[kind]):
            frames = kept[kind][lemma]
            inner = ", ".join(f'"{f}": {frames[f]}' for f in sorted(frames))
            lines.append(f'        "{lemma}": {{{inner}}},')
        lines.append("    },")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, default=None, help="parse cache directory")
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--min-precision", type=float, default=0.3)
    parser.add_argument("--bare-precision", type=float, default=0.3,
                        help="precision floor of the bare frames (claims without a speaker)")
    parser.add_argument("--bare-any", action="store_true",
                        help="bare frames count relations with a source as right too")
    parser.add_argument("--dry-run", action="store_true", help="print, do not write")
    args = parser.parse_args(argv)
    global BARE_UNATTRIBUTED_ONLY
    BARE_UNATTRIBUTED_ONLY = not args.bare_any
    occ, pos = fit("train", args.cache)
    kept = select(occ, pos, args.min_count, args.min_precision, args.bare_precision)
    source = render(kept, args)
    if args.dry_run:
        print(source)
    else:
        OUT.write_text(source, "utf-8")
        counts = {k: sum(len(f) for f in v.values()) for k, v in kept.items()}
        print(f"frames per kind of head {counts} -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
