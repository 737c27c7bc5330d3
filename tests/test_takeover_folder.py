"""A takeover as a wire, its syndicated copy, a business tabloid, the target's board and a
follow-up tell it: the wire's offer (4.2 billion euros, 38 euros a share, "about 27 percent"
over Friday's close), the buyer's chief executive quoted, analysts' "up to 1,500 job cuts"
and a close "in the second half of next year"; a copy; a tabloid's "30%" premium, a
paraphrase in quotation marks, and the analysts' estimate credited to the buyer as "nearly
2,000 jobs"; the board's statement as plain text; three days later a raised offer after a
rival approach, a regulator's review and the union's "about 2,500 jobs at risk"; and another
firm's results the same day. Written for the faults a first run found: "job cuts" counted
cuts, not jobs, so none of the three job figures met another and the dossier found no
conflict; the wire's follow-up repeating its own "up to 1,500" made that claim
"corroborated"; "the two companies said" had the speaker "companies", "Analysts at Hallbeck
Securities" was "Analysts", "Grenhaven" stayed apart from Grenhaven Capital; the company's
own headline was the board's; "number one" was a figure; "said on Thursday it had opened"
put the day in the content; the board's "decided to recommend" was hedged; and the timeline
told the wire's claims in the order of their hashes. A later pass found: the follow-up's
raised offer ("raised its offer ... to 40 euros a share") was no update of the wire's "will
pay 38 euros a share": its phrase "offer share" had lost whose offer it was (a firm's own
price raised now keeps the firm: "Orvane Systems offer share", cosine .81 with "Orvane pay
share"), and a revision whose replaced value its article does not tell now revises a
figure of its scale on the side it moved from, told earlier by the same source; the
timeline then told "38 euros -> 40 euros, about 4.4 billion euros" (a figure a thousand
times another is no new value of it)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.model, pytest.mark.embeddings]

FOLDER = Path(__file__).resolve().parent / "data" / "takeover"


@pytest.fixture(scope="module")
def deal(dossier) -> dict:
    (story,) = [s for s in dossier["stories"] if "Telmark" in s["title"]]
    return story


def _by_speaker(story: dict, speaker: str) -> list[dict]:
    return [c for c in story["claims"] if c["speaker"] == speaker]


def test_the_five_reports_are_one_story_and_the_results_another(dossier, deal) -> None:
    assert len(dossier["stories"]) == 2
    assert len(deal["articles"]) == 5
    copies = [a for a in deal["articles"] if a["derived_from"]]
    assert [a["outlet"] for a in copies] == ["Rask Evening Courier"]


def test_the_three_job_figures_of_three_sources_disagree(deal, conflict_figures) -> None:
    disputes = [c for c in deal["conflicts"] if c["kind"] == "source-disagreement"]
    pairs = {frozenset(conflict_figures(deal, c)) for c in disputes}
    assert pairs == {frozenset({"up to 1,500", "nearly 2,000"}),
                     frozenset({"up to 1,500", "about 2,500"}),
                     frozenset({"nearly 2,000", "about 2,500"})}
    analysts = [c for c in disputes if "Hallbeck" in c["explanation"]]
    assert analysts and all(
        "Analysts at Hallbeck Securities put job cuts at" in c["explanation"] for c in analysts)


def test_an_outlet_repeating_its_own_report_does_not_corroborate_it(deal) -> None:
    (estimate,) = _by_speaker(deal, "Analysts at Hallbeck Securities")
    assert len({m["article"] for m in estimate["mentions"]}) == 3  # wire, copy, follow-up
    assert estimate["independent_sources"] == 1


def test_the_two_companies_are_the_two_firms_and_short_names_the_full(deal) -> None:
    joint = _by_speaker(deal, "Orvane Systems and Telmark Industries")
    assert len(joint) == 2
    assert not _by_speaker(deal, "companies")
    assert _by_speaker(deal, "Grenhaven Capital") and not _by_speaker(deal, "Grenhaven")


def test_the_companys_headline_is_the_companys_not_its_boards(deal) -> None:
    (headline,) = [c for c in deal["claims"] if c["text"].startswith("Board recommends")]
    assert headline["speaker"] == "Telmark Industries"


def test_a_rank_is_no_figure_and_the_paraphrase_is_a_quote_variant(claims, deal) -> None:
    assert not [q for c in claims for q in c["quantities"] if q["text"] == "one"
                and "number one" in c["content"]]
    (variant,) = [c for c in deal["conflicts"] if c["kind"] == "quote-variant"]
    assert "The Money Mouth quotes Marta Lindqvist" in variant["explanation"]


def test_the_regulators_day_is_no_content_and_the_boards_decision_no_hedge(deal) -> None:
    (review,) = _by_speaker(deal, "Delmont Competition Authority")
    assert review["text"].startswith("it had opened an in-depth review")
    (decision,) = [c for c in _by_speaker(deal, "Board of Directors of Telmark Industries")
                   if "38.00 euros" in c["text"]]
    assert decision["stance"] == "stated"


def test_the_timeline_tells_one_reports_claims_in_its_order(deal) -> None:
    wire = deal["articles"][0]["id"]
    texts = [e["text"] for e in deal["timeline"] if e["article"] == wire]
    # the second sentence states the price in the wire's own voice: a claim of its own
    assert texts[:3] == ["Orvane Systems, the Delmont-based maker of industrial pumps and "
                         "valves, has agreed to buy its smaller rival Telmark Industries for 4.2 "
                         "billion euros in cash",
                         "Orvane will pay 38 euros a share, a premium of about 27 percent to "
                         "Friday's close",
                         '"Together we will build the leading European supplier of '
                         'flow-control systems,"']


def test_the_raised_offer_is_an_update_of_the_offer(deal, conflict_figures) -> None:
    updates = [c for c in deal["conflicts"] if c["kind"] == "update"]
    (update,) = updates
    assert {"38 euros", "40 euros"} <= conflict_figures(deal, update)
    # the wire opens every sentence it names Orvane in; the clause is quoted as written
    assert "figure for “Orvane will pay … a share”" in update["explanation"]
    changed = [(ch["from"], ch["to"]) for e in deal["timeline"] for ch in e["changes"]
               if ch["kind"] == "update"]
    assert changed == [("38 euros", "40 euros")]
