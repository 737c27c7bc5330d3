"""Job cuts at a carmaker as the wire, a syndicated copy, a car blog, the company's own release
and a follow-up three days later tell them: "about 1,200 jobs" (the blog: "more than 1,500"),
the union's "about 2,000" with suppliers, then "900 jobs instead of the 1,200 it announced"
after a protest the union puts at 3,000 and the police at 1,800; and a bank's results the
same day. Written for the faults a first run found: "instead of the 1,200" was a second figure
of the follow-up, so the cut to 900 was no update of the company's figure (only of the
blog's misreport), the union's "3,000 workers protested" vanished into its call for a
protest, and the explanations wrote "Kelvar Motors's"."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.model, pytest.mark.embeddings]

FOLDER = Path(__file__).resolve().parent / "data" / "layoffs"


@pytest.fixture(scope="module")
def cuts(dossier) -> dict:
    (story,) = [s for s in dossier["stories"] if "Kelvar" in s["title"]]
    return story


def test_the_five_reports_are_one_story_and_the_bank_another(dossier, cuts) -> None:
    assert len(dossier["stories"]) == 2
    assert len(cuts["articles"]) == 5


def test_a_figure_told_instead_of_another_updates_it(cuts, conflict_figures) -> None:
    updates = [c for c in cuts["conflicts"] if c["kind"] == "update"]
    assert len(updates) == 1, [c["explanation"] for c in updates]
    assert {"about 1,200", "900"} <= conflict_figures(cuts, updates[0])
    # the speaker is named once: not "Kelvar Motors's figure for Kelvar Motors cut jobs"
    assert "Kelvar Motors' figure for cut jobs" in updates[0]["explanation"]


def test_the_blogs_figure_is_a_misreport_of_the_company(cuts, conflict_figures) -> None:
    (misreport,) = [c for c in cuts["conflicts"] if c["kind"] == "misreport"]
    assert {"about 1,200", "more than 1,500"} <= conflict_figures(cuts, misreport)


def test_a_count_is_not_one_claim_with_a_remark_without_one(cuts) -> None:
    (protest,) = [c for c in cuts["claims"]
                  if any(q["text"] == "About 3,000" for q in c["quantities"])]
    assert protest["text"].startswith("About 3,000 workers protested")
