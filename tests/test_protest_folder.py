"""A pension march as five reports tell it, and a farmers' protest abroad the same day: the
wire (police about 45,000, the union 180,000, 23 arrests), a syndicated copy, a tabloid that
turns the police figure into "more than 50,000", the city's own count in a local paper, and
the next day's wire report that the arrests rose to 31. Written for the faults a first run
found: the union's figure was the police's ("police said A, while the union put it at B"),
the follow-up report was a story of its own, "the turnout" was no count of the people who
took part, and "the number of people arrested has risen to 31" measured "number people
risen"."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.model, pytest.mark.embeddings]

FOLDER = Path(__file__).resolve().parent / "data" / "protest"


@pytest.fixture(scope="module")
def march(dossier) -> dict:
    (story,) = [s for s in dossier["stories"] if "Calvora" in s["title"]]
    return story


def _speakers(story: dict, conflict: dict) -> set[str]:
    claims = {c["id"]: c for c in story["claims"]}
    return {claims[p]["speaker"] for p in conflict["claims"]}


def _explained(story: dict, kind: str) -> list[str]:
    return [c["explanation"] for c in story["conflicts"] if c["kind"] == kind]


def test_the_next_days_report_joins_the_march_and_the_farmers_stay_apart(dossier,
                                                                         march) -> None:
    assert len(dossier["stories"]) == 2
    assert len(march["articles"]) == 5


def test_each_side_of_a_contrasted_count_has_its_own_speaker(dossier) -> None:
    (farmers,) = [s for s in dossier["stories"] if "farmers" in s["title"]]
    speaker_of = {q["text"]: c["speaker"] for c in farmers["claims"] for q in c["quantities"]}
    assert speaker_of["about 1,200"] == "Police"
    assert speaker_of["3,000"] == "farmers' federation"


def test_the_tabloid_misreports_the_police_count(march) -> None:
    # The tabloid is found as the wire's rewrite (its figures drifted: 45,000 -> more than
    # 50,000, 180,000 -> closer to 200,000), so the misreport is the rewrite's changed figure,
    # no longer one independent outlet's figure against another's.
    assert any(e.startswith("The Daily Flare copies or rewrites Orrin Wire")
               and "Police" in e and "“about 45,000” to “more than 50,000”" in e
               for e in _explained(march, "misreport"))


def test_the_wire_its_copy_and_the_tabloid_are_one_source(march) -> None:
    # wire + copy + tabloid, and the city's count (the tabloid was an independent source
    # while a rewrite had to keep its source's figures exactly); the wire's own next-day
    # report is the wire's word again, no source of its own
    assert march["independent_sources"] == 2


def test_police_and_union_disagree_on_the_turnout(march, conflict_figures) -> None:
    disagreements = [c for c in march["conflicts"] if c["kind"] == "source-disagreement"]
    assert any(conflict_figures(march, c) == {"180,000", "about 45,000"}
               and _speakers(march, c) == {"Police", "General Workers' Union"}
               for c in disagreements), [c["explanation"] for c in disagreements]


def test_the_arrests_rising_to_31_updates_the_ministrys_23(march) -> None:
    (update,) = _explained(march, "update")
    assert update.startswith("The interior ministry's figure for people arrested changed "
                             "from “23”"), update
    assert "to “31”" in update


def test_a_figure_that_merely_fits_another_sources_is_not_one_claim_with_it(march) -> None:
    # the tabloid's police "more than 50,000" fits the city's 62,000 but repeats nothing of it
    (claim,) = [c for c in march["claims"]
                if any(q["text"] == "more than 50,000" for q in c["quantities"])]
    assert claim["speakers"] == ["Police"]
    misreport = next(c for c in march["conflicts"] if c["kind"] == "misreport"
                     and claim["id"] in c["claims"])
    assert _speakers(march, misreport) == {"Police"}
