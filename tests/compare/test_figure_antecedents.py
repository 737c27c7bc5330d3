"""A figure told as "the figure" or "the number" of a count its sentence gave just before
counts what that count counts."""

from __future__ import annotations

from dataclasses import replace

from corroborator.compare.candidates import figures_of

from .helpers import article, claim

PAPER = article("pit", "Brask Courier", "The union said 51 of its members were on the shift, "
                "while the company put the figure at 38. Another firm put the figure at 12.")
TABLOID = article("pit-b", "Daily Blaze", "The company said 38 workers were below ground when "
                  "the 900-metre tunnel gave way, while the union put the number at 51.")


def _counting(c, unit):
    return replace(c, quantities=tuple(replace(q, unit=unit) for q in c.quantities))


def _measured(claims, articles) -> dict[str, tuple[str | None, str | None]]:
    return {f.quantity.text: (f.measured, f.quantity.unit)
            for f in figures_of(claims, {a.id: a for a in articles})}


def test_the_figure_counts_what_the_count_before_it_counts() -> None:
    members = _counting(claim(PAPER, "51 of its members were on the shift", "union",
                              measured="members on shift"), "members")
    company = claim(PAPER, "the figure at 38", "company", measured="figure")
    # a sentence without a count before "the figure" leaves it as it is
    other = claim(PAPER, "the figure at 12", "firm", measured="figure")
    found = _measured([members, company, other], [PAPER])
    assert found["38"] == ("members on shift", "members")
    assert found["12"] == ("figure", None)


def test_the_number_takes_a_count_not_a_length() -> None:
    workers = claim(TABLOID, "38 workers were below ground when the 900-metre tunnel gave way",
                    "company", measured="workers below ground")
    workers = replace(workers, quantities=(
        replace(workers.quantities[0], unit="workers", kind="count"),
        replace(workers.quantities[1], measured="tunnel that gave way")))
    union = claim(TABLOID, "the number at 51", "union", measured="number")
    found = _measured([workers, union], [TABLOID])
    assert found["51"] == ("workers below ground", "workers")
