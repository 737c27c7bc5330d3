"""Quality gates: compare measured figures with pinned floors in ``eval/baselines/<gate>.json``.

A figure below its floor fails the gate. ``--update`` raises floors to the new figures but
refuses to lower one unless ``allow_regression`` is given, so a floor is never lowered by
accident.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TextIO

# Gates are run from a checkout (the corpora live beside it), so floors live in the repo.
BASELINES = Path(__file__).resolve().parents[3] / "eval" / "baselines"
TOLERANCE = 1e-9


def baseline_path(gate: str, directory: Path = BASELINES) -> Path:
    return directory / f"{gate}.json"


def load_floors(gate: str, directory: Path = BASELINES) -> dict[str, float]:
    path = baseline_path(gate, directory)
    if not path.exists():
        return {}
    return json.loads(path.read_text("utf-8"))


def check(gate: str, figures: Mapping[str, float], directory: Path = BASELINES) -> list[str]:
    """Messages for every figure of ``gate`` that fell below its floor (empty = passed)."""
    floors = load_floors(gate, directory)
    failures = []
    for name, floor in floors.items():
        if name not in figures:
            failures.append(f"{gate}.{name}: not measured (floor {floor})")
        elif figures[name] + TOLERANCE < floor:
            failures.append(f"{gate}.{name}: {figures[name]:.4f} is below the floor {floor:.4f}")
    return failures


def update(
    gate: str,
    figures: Mapping[str, float],
    directory: Path = BASELINES,
    allow_regression: bool = False,
) -> None:
    """Pin ``figures`` as the new floors of ``gate``."""
    current = load_floors(gate, directory)
    lowered = [n for n, v in figures.items() if n in current and v + TOLERANCE < current[n]]
    if lowered and not allow_regression:
        raise ValueError(
            f"refusing to lower floors {lowered} of gate '{gate}'; pass allow_regression=True "
            "(--allow-regression) and say why in the commit message"
        )
    floors = {**current, **{n: round(float(v), 4) for n, v in figures.items()}}
    path = baseline_path(gate, directory)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n", "utf-8")


def apply(
    gate: str,
    figures: Mapping[str, float],
    *,
    update_floors: bool,
    enforce: bool,
    allow_regression: bool = False,
    report: TextIO = sys.stderr,
) -> int:
    """What every evaluation script does with ``--update-floors`` and ``--gate``.

    Pins ``figures`` as floors when asked, then, when enforcing, writes one line per figure
    below its floor to ``report``. Returns the script's exit code (1 when the gate failed).
    """
    if update_floors:
        update(gate, figures, allow_regression=allow_regression)
        print(f"floors of {gate} updated", file=report)
    if not enforce:
        return 0
    failures = check(gate, figures)
    for failure in failures:
        print("FAIL", failure, file=report)
    return 1 if failures else 0
