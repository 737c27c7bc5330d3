"""A source's own statements and the updates they make: a body cannot misreport itself, a
report of its newer figure is no misreport of its older one, an update runs to no misreport,
and one move of one count is one update.

Hand-built claims on a fictional outbreak; a bag-of-words stand-in for embeddings.
"""

from __future__ import annotations

from dataclasses import replace

from corroborator.compare import compare_story
from corroborator.compare.propositions import drop_repeated_moves
from corroborator.records import Conflict, Story

from .helpers import article, bow_embed, claim

DEAD = "people who died of the fever in Arlow"
INJURED = "people in hospital with the fever in Arlow"
# a paper that names the ministry, and the country's word for itself ("Kestovan")
PAPER = ("Schools stayed shut, Kestovan officials said. The Health Ministry urged people in "
         "Arlow to boil their water.")


def _run(settings, arts, claims):
    story = Story("s", None, tuple(a.id for a in arts))
    return compare_story(story, arts, claims, [], settings, embed_fn=bow_embed)


def _explained(result, kind: str) -> list[str]:
    return [c.explanation for c in result.conflicts if c.kind == kind]


def _statement(ident: str, text: str, day: int, hour: int):
    return article(ident, "Kestovan Health Ministry", text, day=day, hour=hour)


def test_a_sources_own_later_statement_and_reports_of_it_are_updates(settings) -> None:
    # the ministry's own statements nine and ten hours apart, under the update gap and with
    # no update cue ("are now known"), and a wire giving the newer count an hour later
    paper = article("p", "Tarvik Daily", PAPER, day=3, hour=8)
    first = _statement("m1", "The fever in Arlow has killed 9 people.", day=3, hour=20)
    later = _statement("m2", "14 people are now known to have died of the fever in Arlow.",
                       day=4, hour=5)
    wire = article("w", "Ostrel Wire", "At least 14 people have died of the fever in Arlow, "
                   "the Health Ministry said.", day=4, hour=6)
    claims = [claim(first, "The fever in Arlow has killed 9 people", None, measured=DEAD),
              claim(later, "14 people are now known to have died of the fever in Arlow", None,
                    measured=DEAD),
              claim(wire, "At least 14 people have died of the fever in Arlow",
                    "Health Ministry", measured=DEAD, speaker_type="ORG")]
    result = _run(settings, [paper, first, later, wire], claims)
    assert not _explained(result, "misreport"), _explained(result, "misreport")
    updates = _explained(result, "update")
    assert updates and all("Health Ministry's figure" in u and "“9”" in u for u in updates)


def test_a_report_before_the_source_published_the_figure_may_misreport_it(settings) -> None:
    # the wire gives "14" before the ministry's own statement does: nothing shows the source
    # had moved when the wire wrote, so the two hours between keep it a misreport
    paper = article("p", "Tarvik Daily", PAPER, day=3, hour=8)
    first = _statement("m1", "The fever in Arlow has killed 9 people.", day=3, hour=20)
    wire = article("w", "Ostrel Wire", "At least 14 people have died of the fever in Arlow, "
                   "the Health Ministry said.", day=3, hour=22)
    later = _statement("m2", "14 people are now known to have died of the fever in Arlow.",
                       day=4, hour=5)
    claims = [claim(first, "The fever in Arlow has killed 9 people", None, measured=DEAD),
              claim(wire, "At least 14 people have died of the fever in Arlow",
                    "Health Ministry", measured=DEAD, speaker_type="ORG"),
              claim(later, "14 people are now known to have died of the fever in Arlow", None,
                    measured=DEAD)]
    result = _run(settings, [paper, first, wire, later], claims)
    assert any("Ostrel Wire reports Health Ministry" in m
               for m in _explained(result, "misreport")), result.conflicts


def test_no_update_runs_to_a_misreport(settings) -> None:
    # nine, then the ministry's own 14 thirteen hours later, which a paper gives as "More
    # than 14" five hours after that: the source moved from nine to 14, not to the misreport
    paper = article("p", "Tarvik Daily", PAPER, day=3, hour=8)
    first = _statement("m1", "The fever in Arlow has killed 9 people.", day=3, hour=18)
    later = _statement("m2", "The fever in Arlow has killed 14 people.", day=4, hour=7)
    misreport = article("r", "Velmar News", "More than 14 people have died of the fever in "
                        "Arlow, the Health Ministry said.", day=4, hour=12)
    claims = [claim(first, "The fever in Arlow has killed 9 people", None, measured=DEAD),
              claim(later, "The fever in Arlow has killed 14 people", None, measured=DEAD),
              claim(misreport, "More than 14 people have died of the fever in Arlow",
                    "Health Ministry", measured=DEAD, speaker_type="ORG")]
    result = _run(settings, [paper, first, later, misreport], claims)
    assert any(m.startswith("Velmar News reports Health Ministry as giving “More than 14”")
               for m in _explained(result, "misreport")), result.conflicts
    updates = _explained(result, "update")
    assert len(updates) == 1 and "to “14”" in updates[0], updates


def test_one_move_of_one_count_is_one_update() -> None:
    # the ministry's own 31 in hospital raised to 34, told again from a wire's "31 in
    # hospital" that the story set apart from the statement (another proposition): one move
    friday = _statement("m1", "31 people are in hospital with the fever in Arlow.", day=4, hour=7)
    wire = article("w", "Ostrel Wire", "At least 14 people have died of the fever in Arlow and "
                   "31 people are in hospital with the fever in Arlow, the Health Ministry "
                   "said.", day=4, hour=9)
    saturday = _statement("m2", "34 people are in hospital with the fever in Arlow.", day=5,
                          hour=8)
    own, relayed, newer = (
        claim(friday, "31 people are in hospital with the fever in Arlow", None,
              measured=INJURED),
        claim(wire, "31 people are in hospital with the fever in Arlow", "Health Ministry",
              measured=INJURED),
        claim(saturday, "34 people are in hospital with the fever in Arlow", None,
              measured=INJURED))
    # the dead are another count the same source moved the same day: kept
    dead_before = claim(wire, "At least 14 people have died of the fever in Arlow",
                        "Health Ministry", measured=DEAD)
    dead_after = replace(newer, id="dead", quantities=tuple(
        replace(q, value=40.0, low=40.0, high=40.0, text="40", measured=DEAD)
        for q in newer.quantities))
    by_id = {c.id: c for c in (own, relayed, newer, dead_before, dead_after)}
    updates = [Conflict("update", (own.id, newer.id), "31 to 34, own", "s"),
               Conflict("update", (relayed.id, newer.id), "31 to 34, relayed", "s"),
               Conflict("update", (dead_before.id, dead_after.id), "14 to 40", "s")]
    figures = {u.claim_ids: (by_id[u.claim_ids[0]].quantities[0],
                             by_id[u.claim_ids[1]].quantities[0]) for u in updates}

    def same_source(a: str, b: str) -> bool:  # all the Health Ministry's
        return True

    kept = drop_repeated_moves(updates, figures, same_source)
    assert [u.explanation for u in kept] == ["31 to 34, own", "14 to 40"]
    # another source's identical move is its own finding
    assert len(drop_repeated_moves(updates, figures, lambda a, b: a == b)) == 3


def test_of_repeated_moves_the_best_named_is_kept(settings) -> None:
    # the same move told twice: first through a report whose phrase lost the outcome
    # ("people who"), then through one that names it; the second tells the reader more
    wire = article("w", "Ostrel Wire", "The Health Ministry said 9 people died. It counted 9 "
                   "people who had the fever.", day=3, hour=8)
    later = _statement("m2", "14 people died of the fever in Arlow.", day=4, hour=9)
    vague, named, newer = (
        claim(wire, "9 people who", "Health Ministry", measured="people who"),
        claim(wire, "9 people died", "Health Ministry", measured=DEAD),
        claim(later, "14 people died of the fever in Arlow", None, measured=DEAD))
    by_id = {c.id: c for c in (vague, named, newer)}
    updates = [Conflict("update", (vague.id, newer.id), "9 to 14, vague", "s"),
               Conflict("source-disagreement", (vague.id, newer.id), "apart", "s"),
               Conflict("update", (named.id, newer.id), "9 to 14, named", "s")]
    figures = {u.claim_ids: (by_id[u.claim_ids[0]].quantities[0],
                             by_id[u.claim_ids[1]].quantities[0]) for u in updates}
    kept = drop_repeated_moves(updates, figures, lambda a, b: True)
    # the named one takes the first's place; other kinds pass through
    assert [u.explanation for u in kept] == ["9 to 14, named", "apart"]

