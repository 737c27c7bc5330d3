"""Casualty estimates for foreign troops in a war, as an intelligence service briefs them and
outlets pass them on: a news agency's report (the service told lawmakers "about 1,100" were
killed or wounded), a syndicated copy, a broadcaster that turns it into "more than 1,100"
and quotes the other side's general staff ("at least 3,000 ... in the past month alone"), the
agency's report a week later ("about 3,000"), a budget vote in the same capital that day, and
a report in German. Written for the faults a first run found: the lead's figure had no
speaker (the parser made the service a conjunct of "Dravnia"), "the agency" and "Ostmark's
spy agency" were not the service, "Park" was not "Park Senna", the broadcaster's speaker was
"Dravnia, Harbour News Agency", the update was taken for two figures of one report (its
first report also gives "a further 3,000" troops), and "about 700 killed in two days" was in
conflict with the totals."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.model, pytest.mark.embeddings]

FOLDER = Path(__file__).resolve().parent / "data" / "troops"
SERVICE = "National Intelligence Service"


@pytest.fixture(scope="module")
def war(dossier) -> dict:
    (story,) = [s for s in dossier["stories"] if "Karstian" in s["title"]]
    return story


def _kinds(story: dict) -> list[str]:
    return sorted(c["kind"] for c in story["conflicts"])


def _explained(story: dict, kind: str) -> list[str]:
    return [c["explanation"] for c in story["conflicts"] if c["kind"] == kind]


def _with_figure(claims: list[dict], figure: str) -> list[dict]:
    return [c for c in claims if any(q["text"] == figure for q in c["quantities"])]


def test_the_five_war_reports_are_one_story_and_the_budget_vote_another(dossier, war) -> None:
    assert len(war["articles"]) == 5  # the German report among them
    budget = [s for s in dossier["stories"] if "budget" in s["title"]]
    assert len(budget) == 1 and len(budget[0]["articles"]) == 1


def test_the_services_figures_have_the_service_as_speaker(claims) -> None:
    speakers = {c["speaker"] for figure in ("About 1,100", "About 3,000", "More than 1,100")
                for c in _with_figure(claims, figure)}
    assert speakers == {SERVICE}


def test_the_agency_told_through_a_lawmaker_is_the_service(claims) -> None:
    deployed = _with_figure(claims, "about 11,000")  # the agency's report and its copy
    assert len(deployed) == 2
    assert all(c["speaker"] == SERVICE and c["via"] == ["Park Senna", SERVICE]
               for c in deployed)
    # "Park told reporters": the lawmaker's family name, given first
    assert {c["speaker"] for c in claims if c["speaker"] and c["speaker"].startswith("Park")} \
        == {"Park Senna"}


def test_not_acknowledging_is_no_confirmation(claims) -> None:
    karstia = [c for c in claims if c["speaker"] == "Karstia"]
    assert karstia and all(c["stance"] == "hedged" for c in karstia)


def test_the_broadcasters_more_than_is_a_misreport_of_the_services_about(war) -> None:
    (misreport,) = _explained(war, "misreport")
    assert misreport.startswith(f"Channel 9 World reports {SERVICE} as giving “More than 1,100”")
    assert "“About 1,100”" in misreport


def test_the_week_later_figure_is_the_services_update(war) -> None:
    updates = _explained(war, "update")
    assert any("“About 1,100”" in u and "“About 3,000”" in u for u in updates), updates


def test_a_count_over_two_days_is_no_conflict_with_a_total(war) -> None:
    claims = {c["id"]: c for c in war["claims"]}
    in_conflict = {q["text"] for c in war["conflicts"] for p in c["claims"]
                   for q in claims[p]["quantities"]}
    assert "about 700" not in in_conflict
    # the general staff's "at least 3,000 in the past month alone" exceeds the service's total
    assert any("“at least 3,000”" in d and "“About 1,100”" in d
               for d in _explained(war, "source-disagreement"))


def test_the_german_report_joins_its_story_but_is_not_read_for_claims(claims, war) -> None:
    (german,) = [a for a in war["articles"] if a["path"].endswith("lirsk_de.html")]
    assert german["language"] == "de"
    mentioned = {m["article"] for c in war["claims"] for m in c["mentions"]}
    assert german["id"] not in mentioned
