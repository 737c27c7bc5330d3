"""Shares of a whole across reports: one owner's shares meet whatever their phrases' cosine,
different owners' shares never do, and a fraction ("more than a third of the vote") is read
on the scale of percentages. Fictional reports, no models (bag-of-words embeddings)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from corroborator.compare import compare_story
from corroborator.compare.candidates import StoryVectors, figure_pairs, figures_of
from corroborator.nlp.numbers import scan_quantities
from corroborator.records import Story

from .helpers import article, bow_embed, claim

BOARD = "Norland Election Board"

COUNT = article(
    "count", "Tessel Wire",
    "With most ballots counted, the Harbour Alliance had 38.5 percent of the vote and the "
    "Green Front 22.1 percent, the Norland Election Board said.", day=4, hour=2)
FINAL = article(
    "final", "Tessel Wire",
    "Final results gave the Green Front 21.7 percent of the vote, the Norland Election Board "
    "said on Tuesday. Mayor Ida Krane's Harbour Alliance took 39.2 percent, it said.",
    day=6, hour=15)
TABLOID = article(
    "tabloid", "The Norland Sun",
    "The Harbour Alliance won more than half of the vote, the Norland Election Board said.",
    day=4, hour=7)
RESULTS = article(
    "results", "Tessel Wire",
    "The Harbour Alliance won 39.2 percent of the vote, final results showed on Tuesday.",
    day=6, hour=15)
BULLETIN = article(
    "bulletin", "Radio Norland",
    "The Harbour Alliance won more than 50 percent of the vote, the Norland Election Board "
    "said.", day=4, hour=8)
POLL = article(
    "poll", "Channel Nine",
    "The Harbour Alliance won about 55 percent of the vote, according to an exit poll.",
    day=3, hour=20)


def _claims():
    both = claim(COUNT, "the Harbour Alliance had 38.5 percent of the vote and the Green Front "
                 "22.1 percent", BOARD, speaker_type="ORG")
    # each figure its own measured phrase, as the NLP stage gives them
    alliance, front = both.quantities
    both = replace(both, quantities=(replace(alliance, measured="Harbour Alliance had vote"),
                                     replace(front, measured="Green Front")))
    return [
        both,
        claim(FINAL, "Mayor Ida Krane's Harbour Alliance took 39.2 percent", BOARD,
              measured="Mayor Ida Krane Harbour Alliance took", speaker_type="ORG"),
        claim(FINAL, "Final results gave the Green Front 21.7 percent of the vote", BOARD,
              measured="Green Front vote", speaker_type="ORG"),
        claim(TABLOID, "The Harbour Alliance won more than half of the vote", BOARD,
              measured="Harbour Alliance won vote", speaker_type="ORG"),
        claim(RESULTS, "The Harbour Alliance won 39.2 percent of the vote", "final results",
              measured="Harbour Alliance won vote"),
        claim(BULLETIN, "The Harbour Alliance won more than 50 percent of the vote", BOARD,
              measured="Harbour Alliance won vote", speaker_type="ORG"),
        claim(POLL, "The Harbour Alliance won about 55 percent of the vote", "exit poll",
              measured="Harbour Alliance won vote"),
    ]


def _compare(settings, articles):
    ids = {a.id for a in articles}
    claims = [c for c in _claims() if c.article_id in ids]
    story = Story("vote", None, tuple(a.id for a in articles))
    return compare_story(story, articles, claims, [], settings, embed_fn=bow_embed), claims


def _figures_in(result, claims, figure: str) -> list[tuple[str, ...]]:
    """The figures of each conflict's claims, for conflicts one of whose claims gives
    ``figure``."""
    by_id = {c.id: c for c in claims}
    out = []
    for conflict in result.conflicts:
        texts = tuple(q.text for cid in conflict.claim_ids for q in by_id[cid].quantities)
        if figure in texts:
            out.append((conflict.kind, *texts))
    return out


# -- reading a share (the functions are new: imported where used, so the tests of behaviour
# below also run, and fail, on the code before them) -----------------------------------------


def test_owner_is_the_name_its_phrase_opens_with_possessors_cut() -> None:
    from corroborator.compare.shares import share_owner

    assert share_owner("Mayor Ida Krane Harbour Alliance took", FINAL.text) == (
        "harbour", "alliance")
    assert share_owner("Harbour Alliance had vote", COUNT.text) == ("harbour", "alliance")
    # a capital that only opens a sentence names nobody
    text = "Turnout was 61 percent. Final turnout was 63.6 percent."
    assert share_owner("Turnout", text) == ()
    assert share_owner("Final turnout", text) == ()


def test_whole_is_told_after_the_figure_or_carried_from_the_share_before() -> None:
    from corroborator.compare.shares import share_whole

    start = COUNT.text.index("22.1 percent")
    assert share_whole(COUNT.text, start, start + len("22.1 percent")) == {"vote"}
    start = FINAL.text.index("39.2 percent")  # the sentence before tells it
    assert share_whole(FINAL.text, start, start + len("39.2 percent")) == {"vote"}
    text = "Voting ended on Sunday. The Alliance took 39.2 percent."
    start = text.index("39.2 percent")
    assert share_whole(text, start, start + len("39.2 percent")) == frozenset()
    text = "Norvex won 30 percent of the market. Norvex shares fell 8 percent."
    start = text.index("8 percent")
    assert share_whole(text, start, start + len("8 percent")) == frozenset()  # a change


def test_a_fraction_of_a_whole_is_on_the_scale_of_percentages() -> None:
    from corroborator.compare.intervals import as_percent

    (third,) = scan_quantities("won more than a third of the vote")
    share = as_percent(third, of_follows=True)
    assert (share.kind, share.unit) == ("percent", "percent")
    assert share.low is not None and 33.3 < share.low < 33.4
    assert not share.overlaps(scan_quantities("31.8 percent")[0])
    assert share.overlaps(scan_quantities("about 34 percent")[0])
    # a bare "half" (halved) is no share
    (half,) = scan_quantities("cut by half")
    assert as_percent(half, of_follows=False) is half


def test_same_owner_same_whole_is_one_share_different_owners_never() -> None:
    from corroborator.compare.shares import same_share, share_of

    alliance = share_of(scan_quantities(COUNT.text)[0], "Harbour Alliance had vote", COUNT.text)
    front = share_of(scan_quantities(COUNT.text)[1], "Green Front", COUNT.text)
    assert alliance is not None and front is not None
    tabloid = share_of(scan_quantities(TABLOID.text)[0], "Harbour Alliance won vote",
                       TABLOID.text)
    assert same_share(alliance, tabloid) is True
    assert same_share(alliance, front) is False


# -- figures paired across reports ---------------------------------------------------------


def _vectors(figures, cosine: float) -> StoryVectors:
    # every pair of measured phrases at the same cosine: the share rules decide
    rows = np.zeros((len(figures), len(figures) + 1), dtype=np.float32)
    rows[:, 0] = np.sqrt(cosine)
    for i in range(len(figures)):
        rows[i, i + 1] = np.sqrt(1 - cosine)
    return StoryVectors({f.claim.id: i for i, f in enumerate(figures)}, rows, rows)


def test_one_partys_shares_pair_across_reports_at_a_low_cosine() -> None:
    count = claim(COUNT, "the Harbour Alliance had 38.5 percent of the vote", BOARD,
                  measured="Harbour Alliance had vote")
    final = claim(FINAL, "Mayor Ida Krane's Harbour Alliance took 39.2 percent", BOARD,
                  measured="Mayor Ida Krane Harbour Alliance took")
    arts = {a.id: a for a in (COUNT, FINAL)}
    figures = figures_of([count, final], arts)
    assert [(i, j) for i, j, _ in figure_pairs(figures, _vectors(figures, 0.3), 0.85,
                                               related=0.45)] == [(0, 1)]


def test_different_parties_shares_never_pair_however_alike_their_phrases() -> None:
    front = claim(COUNT, "the Green Front 22.1 percent", BOARD, measured="Green Front had vote")
    alliance = claim(BULLETIN, "The Harbour Alliance won more than 50 percent of the vote",
                     BOARD, measured="Harbour Alliance had vote")
    arts = {a.id: a for a in (COUNT, BULLETIN)}
    figures = figures_of([front, alliance], arts)
    assert figure_pairs(figures, _vectors(figures, 0.95), 0.85, related=0.45) == []


# -- the dossier ---------------------------------------------------------------------------


def test_the_count_and_the_final_count_for_one_party_are_an_update(settings) -> None:
    result, claims = _compare(settings, [COUNT, FINAL])
    found = _figures_in(result, claims, "39.2 percent")
    assert [f[0] for f in found] == ["update"], found
    assert "38.5 percent" in found[0]
    # the other party's own update, never set against the first party's share
    front = _figures_in(result, claims, "21.7 percent")
    assert [f[0] for f in front] == ["update"], front
    assert "39.2 percent" not in front[0]


def test_a_fraction_is_set_against_the_same_sources_percentage(settings) -> None:
    # "more than half" (> 50 percent) cannot be the board's 38.5 percent, told hours apart
    result, claims = _compare(settings, [COUNT, TABLOID])
    found = _figures_in(result, claims, "more than half")
    assert [f[0] for f in found] == ["misreport"], found
    assert "38.5 percent" in found[0]


def test_a_polls_share_is_no_claim_of_the_counts_fitting_share(settings) -> None:
    # the exit poll's "about 55" fits the board's "more than 50", but is not what the board
    # said: two claims, neither corroborating the other
    result, claims = _compare(settings, [POLL, BULLETIN])
    poll = next(c.id for c in claims if c.article_id == "poll")
    (prop,) = [p for p in result.propositions if poll in p.claim_ids]
    assert list(prop.claim_ids) == [poll]


def test_one_outlets_later_count_from_a_source_it_does_not_name_alike_is_an_update(
        settings) -> None:
    # the wire's board figure, then its "final results" two days later: the story cannot
    # tell the two sources apart, and the wire's later report updates its earlier one
    result, claims = _compare(settings, [COUNT, RESULTS])
    found = _figures_in(result, claims, "39.2 percent")
    assert [f[0] for f in found] == ["update"], found
    (conflict,) = result.conflicts
    assert conflict.explanation.startswith("Tessel Wire's figure"), conflict.explanation
    assert "citing the final results" in conflict.explanation
