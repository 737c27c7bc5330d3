"""One speaker's very same amount in two outlets, over related but unlike measured phrases."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from corroborator.compare.candidates import Figure, StoryVectors, same_speaker_figures

from .helpers import article, claim

RELATED = 0.45


def _figures(specs: list[tuple[str, str, str, str]]) -> list[Figure]:
    out = []
    for ident, speaker, text, measured in specs:
        art = article(ident, f"Outlet {ident}", text)
        made = claim(art, text, speaker, measured=measured)
        out.append(Figure(made, replace(made.quantities[0], kind="money"), measured))
    return out


def _vectors(figures: list[Figure], cosine: float) -> StoryVectors:
    # every pair of measured phrases at the same cosine: the explicit checks decide
    rows = np.zeros((len(figures), len(figures) + 1), dtype=np.float32)
    rows[:, 0] = np.sqrt(cosine)
    for i in range(len(figures)):
        rows[i, i + 1] = np.sqrt(1 - cosine)
    return StoryVectors({f.claim.id: i for i, f in enumerate(figures)}, rows, rows)


def _speaker(a, b) -> bool:
    return a.speaker == b.speaker


def test_the_same_speakers_same_amount_pairs() -> None:
    figures = _figures([
        ("a", "Jonas Feld", "construction would cost 340 million euros", "construction cost"),
        ("b", "Jonas Feld", "the line would cost 340 million euros", "line cost"),
    ])
    assert [(i, j) for i, j, _ in same_speaker_figures(figures, _vectors(figures, 0.5),
                                                        _speaker, RELATED)] == [(0, 1)]


def test_other_values_speakers_or_unrelated_phrases_do_not() -> None:
    figures = _figures([
        ("a", "Jonas Feld", "construction would cost 340 million euros", "construction cost"),
        ("b", "Greta Halm", "the line would cost 340 million euros", "line cost"),
        ("c", "Jonas Feld", "the line would cost 500 million euros", "line cost"),
    ])
    assert same_speaker_figures(figures, _vectors(figures, 0.5), _speaker, RELATED) == []
    same = _figures([
        ("a", "Jonas Feld", "construction would cost 340 million euros", "construction cost"),
        ("b", "Jonas Feld", "the deficit reached 340 million euros", "deficit"),
    ])
    assert same_speaker_figures(same, _vectors(same, 0.2), _speaker, RELATED) == []


def test_the_same_number_hedged_on_opposite_sides_pairs_for_judging() -> None:
    # a rewrite turns the agency's "nearly 9,000 hectares" into "more than 9,000": the
    # phrases differ ("blaze burned pasture" / "inferno scorched"), the number and speaker do not
    figures = _figures([
        ("a", "forestry agency", "the blaze burned nearly 9,000 hectares of pasture",
         "blaze burned pasture"),
        ("b", "forestry agency", "the inferno scorched more than 9,000 hectares",
         "inferno scorched"),
        ("c", "forestry agency", "the inferno scorched more than 12,000 hectares",
         "inferno scorched"),
    ])
    pairs = same_speaker_figures(figures, _vectors(figures, 0.6), _speaker, RELATED)
    assert [(i, j) for i, j, _ in pairs] == [(0, 1)]


def test_phrases_naming_different_outcomes_never_pair() -> None:
    figures = _figures([
        ("a", "Jonas Feld", "nearly 300 people were killed", "people killed"),
        ("b", "Jonas Feld", "more than 300 people were injured", "people injured"),
    ])
    assert same_speaker_figures(figures, _vectors(figures, 0.9), _speaker, RELATED) == []


def test_a_word_of_magnitude_is_no_hedge_on_a_written_number() -> None:
    # "thousands" and "more than 1,000" share the nominal 1,000 but not a written number
    figures = _figures([
        ("a", "Jonas Feld", "thousands of fans marched", "fans marched"),
        ("b", "Jonas Feld", "more than 1,000 fans marched", "fans marched"),
    ])
    assert same_speaker_figures(figures, _vectors(figures, 0.6), _speaker, RELATED) == []


def _counts(specs: list[tuple[str, str, list[str], int, str]]) -> list[Figure]:
    """Figures of count claims: (article, text, each figure's counted noun, which figure,
    its measured phrase)."""
    out = []
    for ident, text, nouns, which, measured in specs:
        art = article(ident, f"Outlet {ident}", text)
        made = claim(art, text, "SkyVale", measured=measured)
        made = replace(made, quantities=tuple(replace(q, unit=noun) for q, noun in
                                              zip(made.quantities, nouns, strict=True)))
        out.append(Figure(made, made.quantities[which], measured))
    return out


def test_one_speakers_same_number_of_other_things_does_not_pair() -> None:
    # the airline's six crew on board, and its six passengers hurt: a number shared by chance
    # (the first claim counts passengers apart from crew)
    figures = _counts([
        ("a", "the jet carried 186 passengers and six crew", ["passengers", "crew"], 1,
         "jet carried crew"),
        ("b", "six passengers suffered minor injuries", ["passengers"], 0,
         "passengers suffered"),
    ])
    assert same_speaker_figures(figures, _vectors(figures, 0.5), _speaker, RELATED) == []
    # its six people hurt and six passengers injured are one count
    hurt = _counts([
        ("a", "six people were hurt", ["people"], 0, "people hurt"),
        ("b", "six passengers were injured", ["passengers"], 0, "passengers injured"),
    ])
    assert len(same_speaker_figures(hurt, _vectors(hurt, 0.5), _speaker, RELATED)) == 1


def _lineage(linked: set[str]):
    def one_lineage(a, b) -> bool:
        return {a.article_id, b.article_id} <= linked
    return one_lineage


def test_a_rewrite_restating_its_sources_percentage_of_the_same_noun_pairs() -> None:
    from corroborator.compare.candidates import restated_in_lineage

    # the wire's "emergency admissions" and its rewrite's "admissions" from one body: related
    # phrases, one noun, one lineage
    figures = _percent_figures([
        ("a", "Halden Clinics Group", "emergency admissions were up 30 percent",
         "emergency admissions"),
        ("b", "Halden Clinics Group", "admissions were up almost half", "admissions"),
    ])
    pairs = restated_in_lineage(figures, _vectors(figures, 0.6), _speaker,
                                _lineage({"a", "b"}), RELATED)
    assert [(i, j) for i, j, _ in pairs] == [(0, 1)]


def test_outside_a_lineage_or_with_another_noun_or_speaker_they_do_not() -> None:
    from corroborator.compare.candidates import restated_in_lineage

    figures = _percent_figures([
        ("a", "Halden Clinics Group", "emergency admissions were up 30 percent",
         "emergency admissions"),
        ("b", "Halden Clinics Group", "admissions were up almost half", "admissions"),
        ("c", "Halden Clinics Group", "waiting times were up almost half", "waiting times"),
        ("d", "Nurses Union", "admissions were up almost half", "admissions"),
    ])
    vectors = _vectors(figures, 0.6)
    assert restated_in_lineage(figures, vectors, _speaker, _lineage(set()),
                               RELATED) == []
    pairs = restated_in_lineage(figures, vectors, _speaker,
                                _lineage({"a", "c", "d"}), RELATED)
    assert pairs == []


def _percent_figures(specs: list[tuple[str, str, str, str]]) -> list[Figure]:
    out = []
    for ident, speaker, text, measured in specs:
        art = article(ident, f"Outlet {ident}", text)
        made = claim(art, text, speaker, measured=measured)
        out.append(Figure(made, replace(made.quantities[0], kind="percent", unit="percent"),
                          measured))
    return out


def _measures(specs: list[tuple[str, str, str, str]]) -> list[Figure]:
    from corroborator.compare.intervals import in_common_unit

    out = []
    for ident, speaker, text, measured in specs:
        art = article(ident, f"Outlet {ident}", text)
        made = claim(art, text, speaker, measured=measured)
        out.append(Figure(made, in_common_unit(made.quantities[0]), measured))
    return out


def test_one_speakers_area_in_two_units_pairs() -> None:
    from corroborator.compare.candidates import converted_figures

    figures = _measures([
        ("a", "Orbital Watch", "a slick covering 300 square kilometres", "oil slick covering"),
        ("b", "Orbital Watch", "the slick covers 116 square miles of sea", "slick covers sea"),
        ("c", "Orbital Watch", "the slick covers 520 square kilometres", "slick covers"),
        ("d", "Coastguard", "the slick covers 116 square miles", "slick covers"),
    ])
    pairs = converted_figures(figures, _vectors(figures, 0.7), _speaker, RELATED)
    # one speaker's kilometres and miles; not one unit twice, nor another speaker's miles
    assert [(i, j) for i, j, _ in pairs] == [(0, 1), (1, 2)]


def _spoken_counts(specs: list[tuple[str, str, str, str, str]]) -> list[Figure]:
    out = []
    for ident, speaker, text, measured, noun in specs:
        art = article(ident, f"Outlet {ident}", text)
        made = claim(art, text, speaker, measured=measured)
        out.append(Figure(made, replace(made.quantities[0], kind="count", unit=noun), measured))
    return out


def test_one_speakers_count_of_one_fate_pairs_however_unlike_the_phrases() -> None:
    # "forcing nearly 12,000 people from their homes" and "more than 12,000 people have
    # fled": one phrase names the volcano that forced them, the other only the fleeing
    # (a cosine of 0.3), but both count the people displaced
    figures = _spoken_counts([
        ("a", "civil protection agency", "forcing nearly 12,000 people from their homes",
         "volcano forcing from homes people", "people"),
        ("b", "civil protection agency", "more than 12,000 people have fled",
         "people who fled", "people"),
        # the same number of a fate told apart, or of other things, is no such pair
        ("c", "civil protection agency", "more than 12,000 people were vaccinated",
         "people vaccinated", "people"),
        ("d", "civil protection agency", "more than 12,000 homes were evacuated",
         "homes evacuated", "homes"),
    ])
    pairs = same_speaker_figures(figures, _vectors(figures, 0.3), _speaker, RELATED)
    assert [(i, j) for i, j, _ in pairs] == [(0, 1)]
