"""Where the attribution stage loses the PolNeAR relations it never comes near (a
development aid: it prints counts, writes nothing).

Usage::

    .venv/bin/python eval/polnear_misses.py --cache /tmp/parses
    .venv/bin/python eval/polnear_misses.py --tagger /tmp/tagger_fold.npz --examples 5

The stage runs on the held-out fifth of train (every ``FOLD``-th article, where the trained
models' settings are chosen). An annotated relation is *never proposed* when no predicted
relation matches its content (overlap ≥ 0.5), no predicted cue overlaps its cue and no
predicted content overlaps its content. Each such relation with a cue is followed to the
step that lost it, from its cue's head token:

- ``not_candidate``: a word the tagger does not score (a preposition "In the poll, ...",
  punctuation, a name in a headline);
- ``inside_rule``: inside the cue or content of a relation the rules found;
- ``below_<p>``: the tagger scored it under its threshold (``p``: the next tenth up);
- ``no_speaker`` / ``cannot_speak`` / ``tagger_other``: accepted by the tagger but without
  a subject, with one that cannot hold a view, or without a content reading;
- ``dropped_nested`` / ``dropped_keep`` / ``lost_later``: proposed, then dropped inside
  another relation's content, by the keep model, or at article level.

The shipped tagger was fitted on all of train, held-out fifth included, so its scores there
are optimistic; ``--tagger`` takes weights fitted without it. The test split is never read.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import polnear as pn  # noqa: E402
from polnear_learning import FOLD, pipeline  # noqa: E402
from polnear_tagger import _head_of  # noqa: E402

from corroborator.nlp import attribution, tagger  # noqa: E402
from corroborator.nlp.tokenspans import chars_of  # noqa: E402


@dataclass
class Paragraph:
    """What the stage did in one paragraph: the tagger's verdicts and the cues it kept."""

    doc: object
    offset: int
    taken: set[int]
    verdicts: dict[int, tuple[float, str]]  # token id: probability, what became of it
    threshold: float
    proposed: list[tuple[int, int]] = field(default_factory=list)
    unnested: list[tuple[int, int]] = field(default_factory=list)
    kept: list[tuple[int, int]] = field(default_factory=list)
    screened: bool = False  # past the keep model: a later drop_nested is the article's


def _verdict(tok) -> str:  # noqa: ANN001
    speaker = tagger._speaker(tok)
    if speaker is None:
        return "no_speaker"
    if tagger.SPEAKER_CHECK and not tagger.could_speak(speaker):
        return "cannot_speak"
    return "tagger_other"


class Recorder:
    """Wraps the hooks of :func:`corroborator.nlp.attribution.find_attributions`."""

    def __init__(self) -> None:
        self.paragraphs: list[Paragraph] = []
        self._saved = (attribution.tagged_attributions, attribution.drop_nested,
                       attribution.screen)

    def __enter__(self) -> Recorder:
        tagged, drop, screen = self._saved

        def tagged_hook(doc, offset, taken, model=None):  # noqa: ANN001, ANN202
            model = model or tagger.load_model(tagger.WEIGHTS)
            toks = tagger.candidates(doc, taken)
            scores = tagger.cue_scores(doc, toks, model) if model else [0.0] * len(toks)
            verdicts = {t.i: (float(s), _verdict(t)) for t, s in zip(toks, scores, strict=True)}
            self.paragraphs.append(Paragraph(doc, offset, set(taken), verdicts,
                                             model.threshold if model else 1.0))
            return tagged(doc, offset, taken, model)

        def drop_hook(atts):  # noqa: ANN001, ANN202
            out = drop(atts)
            para = self.paragraphs[-1] if self.paragraphs else None
            if para is not None and not para.screened:
                para.proposed = [a.cue for a in atts if a.cue]
                para.unnested = [a.cue for a in out if a.cue]
            return out

        def screen_hook(doc, atts, offset=0, model=None):  # noqa: ANN001, ANN202
            out = screen(doc, atts, offset, model)
            self.paragraphs[-1].kept = [a.cue for a in out if a.cue]
            self.paragraphs[-1].screened = True
            return out

        attribution.tagged_attributions = tagged_hook
        attribution.drop_nested = drop_hook
        attribution.screen = screen_hook
        return self

    def __exit__(self, *exc: object) -> None:
        (attribution.tagged_attributions, attribution.drop_nested,
         attribution.screen) = self._saved


def _overlaps(a: tuple[int, int], chars: set[int]) -> bool:
    return any(a[0] <= c < a[1] for c in chars)


def stage(para: Paragraph, gold: pn.Relation) -> tuple[str, object]:
    """The step that lost ``gold`` in ``para``, and its cue's head token."""
    chars = chars_of(gold.cue)
    head = _head_of(para.doc, para.offset, chars)
    if head is None:
        return "no_token", None
    if any(_overlaps(c, chars) for c in para.proposed):
        cue = next(c for c in para.proposed if _overlaps(c, chars))
        if cue not in para.unnested:
            return "dropped_nested", head
        return ("dropped_keep" if cue not in para.kept else "lost_later"), head
    if head.i in para.taken:
        return "inside_rule", head
    if head.i not in para.verdicts:
        return "not_candidate", head
    p, verdict = para.verdicts[head.i]
    if p < para.threshold:
        return f"below_{min(int(p * 10) + 1, 10) / 10:.1f}", head
    return verdict, head


def never_proposed(pred: list[pn.Relation], gold: list[pn.Relation]) -> list[pn.Relation]:
    matched = {j for _, j in pn._match([r.content for r in pred], [g.content for g in gold], 0.5)}
    out = []
    for j, g in enumerate(gold):
        chars = chars_of(g.content)
        cue = chars_of(g.cue)
        if j in matched or any(chars_of(p.content) & chars or chars_of(p.cue) & cue
                               for p in pred):
            continue
        out.append(g)
    return out


def _show(text: str, pieces: pn.Pieces) -> str:
    return " | ".join(text[a:b] for a, b in pieces).replace("\n", " / ")[:160]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, default=None,
                        help="keep parses in this directory between runs (development)")
    parser.add_argument("--tagger", type=Path, default=None,
                        help="tagger weights to use (say, fitted without the held-out fifth)")
    parser.add_argument("--examples", type=int, default=0, help="print N examples per step")
    parser.add_argument("--top", type=int, default=12, help="cue heads listed per step")
    args = parser.parse_args(argv)
    if args.tagger is not None:
        tagger.WEIGHTS = args.tagger
    from corroborator.nlp.analyze import analyze_articles
    from corroborator.settings import load_settings

    data = [d for k, d in enumerate(pn.load_split("train")) if k % FOLD == 0]
    meta = pn._metadata()
    articles = [pn.to_article(n, t, meta.get(n)) for n, t, _ in data]
    nlp = pipeline("train", args.cache)
    steps: Counter[str] = Counter()
    heads: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    shapes: Counter[tuple[str, str]] = Counter()
    shown: dict[str, list[str]] = defaultdict(list)
    missed = 0
    with Recorder() as rec:
        # the claim layer of article k runs just before its analysis is yielded
        for (_, text, gold), analysis in zip(data, analyze_articles(
                articles, load_settings(environ={}), nlp=nlp), strict=True):
            paras, rec.paragraphs = rec.paragraphs, []
            pred = pn.predicted_relations(analysis, text)
            lost = never_proposed(pred, gold)
            missed += len(gold) - len(pn._match([r.content for r in pred],
                                                [g.content for g in gold], 0.5))
            for g in lost:
                if not g.cue:
                    steps["no_gold_cue"] += 1
                    continue
                start = min(chars_of(g.cue))
                para = next((p for p in reversed(paras) if p.offset <= start), None)
                name, head = stage(para, g) if para is not None else ("no_paragraph", None)
                steps[name] += 1
                if head is not None:
                    heads[name][(head.lemma_.lower(), head.pos_)] += 1
                    shapes[(head.pos_, head.dep_)] += 1
                shown[name].append(f"    cue {_show(text, g.cue)!r} source "
                                   f"{_show(text, g.source)!r} content {_show(text, g.content)!r}")
    never = sum(steps.values())
    print(f"{len(data)} held-out train articles: {missed} annotated relations unmatched, "
          f"{never} never proposed ({missed - never} with a prediction near them)")
    for name, n in steps.most_common():
        top = ", ".join(f"{lemma}/{pos} {k}" for (lemma, pos), k in heads[name].most_common(
            args.top))
        print(f"  {name:15s} {n:5d}  {top}")
    print("cue heads by (POS, dependency):",
          ", ".join(f"{p}/{d} {k}" for (p, d), k in shapes.most_common(15)))
    rng = random.Random(0)
    for name in steps if args.examples else ():
        print(f"== {name}")
        for line in rng.sample(shown[name], min(args.examples, len(shown[name]))):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
