"""NewsQuant quality gate: quantities (value, unit, change, concept) on news sentences.

Usage::

    .venv/bin/python eval/newsquant.py                  # NewsQuant dev (219 sentences)
    .venv/bin/python eval/newsquant.py --errors         # print every miss and false hit
    .venv/bin/python eval/newsquant.py --file dimension-model   # a Recognizers-Text unit set
    .venv/bin/python eval/newsquant.py --scanner        # the spaCy-free scanner alone
    .venv/bin/python eval/newsquant.py --gate           # compare with eval/baselines/newsquant-dev.json
    .venv/bin/python eval/newsquant.py --update-floors  # pin these figures as floors

The corpus is read from ../shared/corpora/newsquant/formatted_test_set (never copied); only
``NewsQuant_dev.json`` and the four small Recognizers-Text unit sets are there, the rest of
NewsQuant is held out and never read.

Scoring follows the CQE paper's evaluation (``evaluate_models.py`` of CQE_Evaluation):
micro precision/recall/F1 over quantities, with a one-to-one greedy matching inside each
sentence (each gold quantity takes the first unmatched prediction with the same value,
preferring one whose unit also matches):

- **value**: ``numpy.isclose``-style match (rtol 1e-5) of the value; a gold range "a-b" must
  be matched by a predicted range with the same two ends (in either order);
- **value+unit**: value match and the units agree (below);
- **value+change**: value match and the change label is equal (``=``, ``~``, ``>``, ``<``,
  ``up``, ``down``);
- **value+concept (partial)**: value match and the gold ``referred_concepts``, split on
  commas and spaces, share at least one word (case-insensitive) with our concept; "-" in the
  gold means "no concept" and is matched by an empty concept.

What our output is compared as (the adapter, applied the same way to any system scored here):

- *value*: ``Quantity.value``; for a range, its ends as written (read back from the
  quantity's text, because a hedged range's interval is widened); for a vague plural, the
  decade NewsQuant writes: "thousands" → 1000-10000, "tens of thousands" → 10000-100000,
  "dozens" → 12-120 (our interval for them is wider on purpose, see ``numbers.py``);
- *unit*: both sides are canonicalised the same way: lower case, symbols and spellings to
  one name ("%"/"percent"/"pc" → "percentage", "$"/"usd" → "dollar", "metres" →
  "metre"), plural to singular. Counts carry the counted noun as written ("soldiers") while
  the gold normalises the whole noun phrase ("different bosses" → "different boss"), so a
  unit also matches when it equals the gold's head word (its last word, or the word before
  "per"). A missing unit matches the gold's "-";
- *concept*: NewsQuant's concept is the entity a figure belongs to, without the unit and
  without verbs ("Vecturas shares" for "Vecturas shares rose 6.5%"). Our ``measured`` adds
  the predicate ("Vecturas shares rose"), so the concept we score is ``measured`` without
  the unit's words, without the words the sentence's parse tags as verbs and without the
  joining words our phrase adds ("and", "or", the "who"/"that" of "people who died").
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from corroborator.evaluation import gate
from corroborator.evaluation.metrics import Score

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "newsquant"
FILES = ("NewsQuant_dev", "age-model", "currency-model", "dimension-model", "temperature-model")
GATED = ("value_f1", "value_unit_f1", "value_change_f1", "concept_partial_f1")
# Published CQE scores on the whole of NewsQuant (590 sentences; evaluation_output/NewsQuant.csv).
CQE_PUBLISHED = {
    "value_f1": 0.920,
    "value_unit_f1": 0.856,
    "value_change_f1": 0.881,
    "concept_partial_f1": 0.761,
}

Value = float | tuple[float, float]

# --------------------------------------------------------------------------- records


@dataclass
class Item:
    """One quantity on either side, in the shape the matcher compares."""

    value: Value
    unit: str  # canonical, "-" when none
    change: str | None
    concept: list[str]  # lower-case words; ["-"] when none
    text: str = ""
    raw_unit: str = ""


@dataclass
class Sentence:
    text: str
    gold: list[Item]
    pred: list[Item] = field(default_factory=list)


# --------------------------------------------------------------------------- canonical units

_UNIT_SYNONYMS = {
    "%": "percentage", "percent": "percentage", "per cent": "percentage", "pc": "percentage",
    "pct": "percentage", "percentage point": "percentage point", "$": "dollar",
    "usd": "dollar", "us$": "dollar", "us dollar": "dollar", "dollars": "dollar",
    "metre": "metre", "meter": "metre", "kilometer": "kilometre", "centimeter": "centimetre",
    "millimeter": "millimetre", "liter": "litre", "milliliter": "millilitre", "foot": "foot",
    "feet": "foot", "pound": "pound-mass", "pound-mass": "pound-mass", "ton": "metric ton",
    "tonne": "metric ton", "metric ton": "metric ton", "gigatonne": "gigaton",
    "gigaton": "gigaton", "year of age": "year of age", "degree celsius": "celsius",
    "degree fahrenheit": "fahrenheit", "yen": "japanese yen", "japanese yen": "japanese yen",
    "chinese yuan": "chinese yuan", "yuan": "chinese yuan", "pound sterling": "pound sterling",
    "foot pound": "foot pound-force", "foot pound-force": "foot pound-force",
    "square foot": "square feet", "square feet": "square feet", "people": "people",
    "person": "people", "persons": "people", "hp": "horsepower",
}  # fmt: skip
_IRREGULAR = {"people": "people", "men": "man", "women": "woman", "children": "child",
              "feet": "foot", "teeth": "tooth", "mice": "mouse", "data": "data",
              "series": "series", "species": "species", "news": "news"}  # fmt: skip


def _singular(word: str) -> str:
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if len(w) <= 3 or w.endswith(("ss", "us", "is")):
        return w
    if w.endswith("men") and len(w) > 4:
        return w[:-3] + "man"
    if w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "sses", "zes")):
        return w[:-2]
    if w.endswith("s"):
        return w[:-1]
    return w


def canonical_unit(unit: str | None) -> str:
    """One spelling per unit: lower case, synonyms merged, plural words made singular."""
    if unit is None:
        return "-"
    u = re.sub(r"\s+", " ", unit.strip().lower())
    if u in ("", "-"):
        return "-"
    if u in _UNIT_SYNONYMS:
        return _UNIT_SYNONYMS[u]
    words = [_singular(w) for w in u.split(" ")]
    joined = " ".join(words)
    return _UNIT_SYNONYMS.get(joined, joined)


def _unit_heads(canon: str) -> set[str]:
    heads = {canon}
    if canon == "-":
        return heads
    before_per = canon.split(" per ")[0]
    heads.add(before_per)
    heads.add(before_per.split(" ")[-1])
    heads.add(canon.split(" ")[-1])
    return heads


def units_match(gold_unit: str, pred_unit: str) -> bool:
    if gold_unit == pred_unit:
        return True
    if gold_unit == "-" or pred_unit == "-":
        return False
    return pred_unit in _unit_heads(gold_unit) or gold_unit in _unit_heads(pred_unit)


# --------------------------------------------------------------------------- values


def parse_gold_value(raw: str) -> Value:
    """NewsQuant writes a range as "a-b" and negative numbers with a leading "-"."""
    if "E" not in raw and not raw.startswith("-") and "-" in raw:
        a, b = raw.split("-", 1)
        return (float(a), float(b))
    return float(raw)


def values_match(gold: Value, pred: Value) -> bool:
    if isinstance(gold, tuple) != isinstance(pred, tuple):
        return False
    if isinstance(gold, tuple) and isinstance(pred, tuple):
        g, p = sorted(gold), sorted(pred)
        return _close(g[0], p[0]) and _close(g[1], p[1])
    return _close(float(gold), float(pred))  # type: ignore[arg-type]


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-5, abs_tol=1e-8)


def nominal_value(quantity) -> Value | None:  # noqa: ANN001 - a records.Quantity
    """The value as NewsQuant writes it (see the module docstring)."""
    from corroborator.nlp.numbers import scan_candidates

    qual = (quantity.qualifier or "").lower()
    if quantity.value is not None and qual.endswith(
        (
            "tens of thousands",
            "tens of millions",
            "tens of billions",
            "hundreds of thousands",
            "hundreds of millions",
        )
    ):
        return (quantity.value, quantity.value * 10)
    if quantity.value is not None and qual in (
        "dozens",
        "hundreds",
        "thousands",
        "millions",
        "billions",
        "trillions",
    ):
        return (quantity.value, quantity.value * 10)
    if quantity.value is not None:
        return quantity.value
    for cand in scan_candidates(quantity.text):
        for note in cand.notes:
            if note.startswith("range:"):
                _, a, b = note.split(":")
                return (float(a), float(b))
    if quantity.low is not None and quantity.high is not None:
        return (quantity.low, quantity.high)
    return None


# --------------------------------------------------------------------------- reading


def load(name: str) -> list[Sentence]:
    path = CORPUS / "formatted_test_set" / f"{name}.json"
    data = json.loads(path.read_text("utf-8"))
    out = []
    for row in data:
        gold = []
        for q in row["quantities"]:
            concept = q.get("referred_concepts", "-") or "-"
            gold.append(
                Item(
                    value=parse_gold_value(str(q["value"])),
                    unit=canonical_unit(q.get("normalized_unit")),
                    change=q.get("change"),
                    concept=[w.lower() for w in re.split(r"[,\s]+", concept.strip()) if w],
                    text=str(q["value"]),
                    raw_unit=q.get("unit", ""),
                )
            )
        out.append(Sentence(row["text"], gold))
    return out


def _concept_words(
    measured: str | None, unit: str | None, verbs: set[str], unit_phrase: set[str] = frozenset()
) -> list[str]:
    if not measured:
        return ["-"]
    unit_words = {w.lower() for w in re.split(r"\s+", unit or "") if w} | set(unit_phrase)
    unit_words |= {_singular(w) for w in unit_words}
    words = [
        w.lower()
        for w in re.split(r"[,\s]+", measured)
        if w
        and w.lower() not in unit_words
        and _singular(w) not in unit_words
        and w.lower() not in verbs
        and w.lower() not in ("and", "or", "who", "that")
    ]
    return words or ["-"]


def predict(sentences: list[Sentence], scanner_only: bool = False) -> None:
    """Fill ``pred`` of every sentence with our quantities."""
    if scanner_only:
        from corroborator.nlp.numbers import scan_quantities

        for sent in sentences:
            sent.pred = [_item(q, set()) for q in scan_quantities(sent.text)]
        return
    from corroborator.nlp.loader import load_pipeline
    from corroborator.nlp.quantities import find_quantities

    nlp = load_pipeline()
    for sent, doc in zip(sentences, nlp.pipe(s.text for s in sentences), strict=True):
        verbs = {t.lower_ for t in doc if t.pos_ in ("VERB", "AUX")}
        sent.pred = [_item(q, verbs, _unit_phrase(doc, q)) for q in find_quantities(doc)]


def _unit_phrase(doc, quantity) -> set[str]:  # noqa: ANN001
    """Words of the counted noun phrase ("Singaporean sisters"): NewsQuant's concept
    leaves the unit out, and for a count the unit is that whole phrase."""
    if quantity.unit is None or quantity.kind != "count":
        return set()
    for tok in doc:
        if tok.idx >= quantity.span.end and tok.text == quantity.unit:
            return {tok.lower_} | {
                c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "nmod")
            }
    return set()


def _item(quantity, verbs: set[str], unit_phrase: set[str] = frozenset()) -> Item:  # noqa: ANN001
    value = nominal_value(quantity)
    return Item(
        value=value if value is not None else float("nan"),
        unit=canonical_unit(quantity.unit),
        change=quantity.change,
        concept=_concept_words(quantity.measured, quantity.unit, verbs, unit_phrase),
        text=quantity.text,
        raw_unit=quantity.unit or "",
    )


# --------------------------------------------------------------------------- scoring


@dataclass
class Tally:
    n_gold: int = 0
    n_pred: int = 0
    value: int = 0
    unit: int = 0
    change: int = 0
    concept: int = 0
    errors: list[str] = field(default_factory=list)


def score(sentences: Iterable[Sentence], keep_errors: bool = False) -> Tally:
    tally = Tally()
    for sent in sentences:
        tally.n_gold += len(sent.gold)
        tally.n_pred += len(sent.pred)
        free = list(range(len(sent.pred)))
        for g in sent.gold:
            candidates = [i for i in free if values_match(g.value, sent.pred[i].value)]
            if not candidates:
                if keep_errors:
                    tally.errors.append(f"MISS  {g.text} {g.unit!r} | {sent.text}")
                continue
            with_unit = [i for i in candidates if units_match(g.unit, sent.pred[i].unit)]
            chosen = (with_unit or candidates)[0]
            free.remove(chosen)
            p = sent.pred[chosen]
            tally.value += 1
            if with_unit:
                tally.unit += 1
            elif keep_errors:
                tally.errors.append(
                    f"UNIT  {g.text}: gold {g.unit!r} ours {p.unit!r} | {sent.text}"
                )
            if p.change == g.change:
                tally.change += 1
            elif keep_errors:
                tally.errors.append(
                    f"CHG   {p.text}: gold {g.change} ours {p.change} | {sent.text}"
                )
            if set(g.concept) & set(p.concept):
                tally.concept += 1
            elif keep_errors:
                tally.errors.append(
                    f"CONC  {p.text}: gold {g.concept} ours {p.concept} | {sent.text}"
                )
        if keep_errors:
            for i in free:
                tally.errors.append(f"EXTRA {sent.pred[i].text!r} | {sent.text}")
    return tally


def figures_of(tally: Tally) -> dict[str, float]:
    out: dict[str, float] = {"gold": float(tally.n_gold), "predicted": float(tally.n_pred)}
    for key, tp in (
        ("value", tally.value),
        ("value_unit", tally.unit),
        ("value_change", tally.change),
        ("concept_partial", tally.concept),
    ):
        sc = Score(tp, tally.n_pred - tp, tally.n_gold - tp)
        out[f"{key}_precision"] = round(sc.precision, 4)
        out[f"{key}_recall"] = round(sc.recall, 4)
        out[f"{key}_f1"] = round(sc.f1, 4)
    return out


def evaluate(
    name: str = "NewsQuant_dev",
    scanner_only: bool = False,
    keep_errors: bool = False,
    predictor: Callable[[list[Sentence]], None] | None = None,
) -> tuple[dict[str, float], Tally]:
    sentences = load(name)
    if predictor is not None:
        predictor(sentences)
    else:
        predict(sentences, scanner_only=scanner_only)
    tally = score(sentences, keep_errors=keep_errors)
    figures = figures_of(tally)
    figures["sentences"] = float(len(sentences))
    return figures, tally


def report(title: str, figures: dict[str, float], out=sys.stdout) -> None:  # noqa: ANN001
    print(
        f"{title}: {int(figures['sentences'])} sentences, {int(figures['gold'])} gold, "
        f"{int(figures['predicted'])} predicted quantities",
        file=out,
    )
    for key in ("value", "value_unit", "value_change", "concept_partial"):
        published = CQE_PUBLISHED.get(f"{key}_f1")
        extra = f"   (CQE published, full set: {published:.3f})" if published else ""
        print(
            f"  {key:16s} P {figures[key + '_precision']:.3f}  R {figures[key + '_recall']:.3f}"
            f"  F1 {figures[key + '_f1']:.3f}{extra}",
            file=out,
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--file", choices=FILES, default="NewsQuant_dev")
    parser.add_argument("--scanner", action="store_true", help="the spaCy-free scanner alone")
    parser.add_argument("--errors", action="store_true", help="print misses and false hits")
    parser.add_argument(
        "--gate", action="store_true", help="fail when a figure drops below its floor"
    )
    parser.add_argument("--update-floors", action="store_true", help="pin these figures as floors")
    parser.add_argument("--allow-regression", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    figures, tally = evaluate(args.file, scanner_only=args.scanner, keep_errors=args.errors)
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        report(f"{args.file}{' (scanner only)' if args.scanner else ''}", figures)
        print(f"  {time.perf_counter() - started:.1f} s")
    if args.errors:
        for line in sorted(tally.errors):
            print(line)
    gate_name = f"newsquant-{args.file.lower().replace('newsquant_', '')}"
    if args.scanner:
        gate_name += "-scanner"
    gated = {k: figures[k] for k in GATED}
    if args.update_floors:
        gate.update(gate_name, gated, allow_regression=args.allow_regression)
        print(f"floors of {gate_name} updated")
    if args.gate:
        failures = gate.check(gate_name, gated)
        for failure in failures:
            print("FAIL", failure, file=sys.stderr)
        return 1 if failures else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
