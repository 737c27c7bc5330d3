"""A minister's bribery verdict as a wire, its copy, a tabloid, the court and a follow-up tell
it: the wire's report ("12 years in prison", "a fine of 40 million lorens", prosecutors'
"more than 3 million lorens in bribes", the judge's words quoted in pieces, the lawyer's "My
client will appeal" and what she says her client told her), a syndicated copy, a tabloid's
rewrite ("jailed for more than a decade", euros for lorens, the client saying what the
lawyer relayed), the court's own statement as plain text (the judge's sentences whole), a
follow-up three days later (the appeal; the businessman's lighter sentence and fine), and
another trial in the same capital that day. Written for the faults a first run found: the
fine and the bribes, both in a currency no list names, were one count told two ways (a
source-disagreement); the judge's sentence quoted whole by the court was a quote-variant of
the wire's pieces of it; the statement's outlet was its folder's name; its title was a claim
of the court; and the tabloid's turning the lawyer's relayed words into the client's own
passed unremarked.

Left as found: the tabloid is not found as the wire's rewrite, so it counts as an independent
source. Not even the order-free test (derive.reordered_rewrite) takes it: it converts the
lorens into euros, so only .62 of its facts are the wire's (the bar is .9), and two of its
eight sentences have no partner in the wire. Measured again by a later pass, every bar of
that test fails: six of the eight sentences pair off (.75 of either article, bars .9 and
.55 pass only the second), .62 of the tabloid's facts and .38 of the wire's are shared
(bars .9 and .5), and none of the paired sentences tells the same figure while three tell
other ones (at least two, and no fewer than the others, are asked for). Its three
converted sums (380,000 for 3 million, 5 million for 40 million, 100 million for 900
million) keep one rate, about 8 lorens to the euro; reading figures in two currencies
that keep one rate as shared would lift its facts to .85 at most, still under the bar,
and its sentences would still fall short: taking it needs lower bars, which the synthetic
reordered rewrites and the generated benchmark's independent reports were tuned against,
so it is left as it is."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.model, pytest.mark.embeddings]

FOLDER = Path(__file__).resolve().parent / "data" / "court"


@pytest.fixture(scope="module")
def verdict(dossier) -> dict:
    (story,) = [s for s in dossier["stories"] if "Vasko" in s["title"]]
    return story


def _figures(story: dict, conflict: dict) -> set[str]:
    claims = {c["id"]: c for c in story["claims"]}
    return {q["text"] for p in conflict["claims"] for q in claims[p]["quantities"]}


def test_the_five_reports_are_one_story_and_the_other_trial_another(dossier, verdict) -> None:
    assert len(dossier["stories"]) == 2
    assert len(verdict["articles"]) == 5


def test_a_fine_and_the_bribes_in_one_currency_are_not_one_count(claims, verdict) -> None:
    sums = [q for c in claims for q in c["quantities"]
            if q["text"] in ("40 million", "more than 3 million", "40,000,000")]
    assert sums and {q["kind"] for q in sums} == {"money"}
    for conflict in verdict["conflicts"]:
        assert not {"40 million", "more than 3 million"} <= _figures(verdict, conflict), \
            conflict["explanation"]


def test_the_judges_words_quoted_whole_and_in_pieces_are_one_quotation(verdict) -> None:
    judge = [c for c in verdict["conflicts"] if "Mira Halloran" in c["explanation"]]
    assert judge == []


def test_the_courts_statement_is_the_courts_and_its_title_no_claim(dossier, claims) -> None:
    outlets = {a["outlet"] for s in dossier["stories"] for a in s["articles"]}
    assert "Dunmark High Court" in outlets
    assert "court" not in outlets
    assert not [c for c in claims if c["cue"] == ":"]


def test_the_lawyers_relayed_words_quoted_as_the_clients_are_a_variant(verdict) -> None:
    (variant,) = [c for c in verdict["conflicts"] if c["kind"] == "quote-variant"]
    assert "The Evening Blast quotes Aurel Vasko" in variant["explanation"]
    assert "Petra Sandell" in variant["explanation"]


def test_the_judges_remark_is_told_by_the_court_and_the_wire(verdict) -> None:
    remark = [c for c in verdict["claims"]
              if c["speaker"] == "Mira Halloran" and "betrayed the trust" in c["text"]]
    assert remark and max(c["independent_sources"] for c in remark) == 2
