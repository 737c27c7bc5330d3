"""Articles in a language the embedding model does not read find their story by what survives
translation: the stems of their names and their figures (issue #5).

A fictional story set: three English reports of a dam burst in Quessland, an English report
of another event in the same country (a rate rise), a Spanish report of the dam burst, a
German report of an earthquake elsewhere and one of an election in Quessland.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from corroborator.records import Article
from corroborator.records.article import article_id, content_hash
from corroborator.stories import FeatureExtractor, StoryClusterer, cluster_articles
from corroborator.stories.features import is_foreign, normalise_figure, normalise_figures
from corroborator.stories.online import stems

T0 = datetime(2031, 5, 12, 6, 0, tzinfo=UTC)

DAM = [
    ("Harbour Wire", 0, "Orrasca dam bursts in Quessland, at least 42 dead",
     "Flood water from the Orrasca dam swept through villages in the Belvaro valley of "
     "Quessland on Monday, killing at least 42 people, the Quessland Civil Protection Agency "
     "said. About 1,250 residents were taken to shelters in the town of Mirenza.\n\n"
     "Rescue teams were still searching for 17 people missing downstream, agency spokesman "
     "Tomas Ferreiro told reporters in Mirenza."),
    ("Daily Courier", 2, "Death toll in Quessland dam collapse rises to 42",
     "At least 42 people were killed when the Orrasca dam in Quessland's Belvaro valley "
     "collapsed on Monday, officials said. Some 1,250 people were evacuated to Mirenza, "
     "and 17 remain missing.\n\nThe dam, built in 1968, had been inspected last year."),
    ("Channel 4 News", 5, "Survivors describe wall of water after Orrasca dam failure",
     "Survivors of Monday's dam failure in the Belvaro valley said the water came without "
     "warning. The Quessland Civil Protection Agency put the death toll at 42, with 1,250 "
     "people in shelters in Mirenza.\n\nPrime Minister Lidia Varsa visited the valley."),
]
RATES = ("Harbour Wire", 3, "Quessland central bank raises rates to 4.5 percent",
         "The Quessland central bank raised its main interest rate to 4.5 percent on Monday, "
         "its third increase this year, citing inflation of 6.2 percent.\n\nGovernor Ansel "
         "Brook said further rises could follow in September.")
SPANISH = ("Diario del Sur", 8, "Al menos 42 muertos por la rotura de la presa de Orrasca",
           "La rotura de la presa de Orrasca inundó el lunes varias aldeas del valle de "
           "Belvaro, en Quessland, y causó al menos 42 muertos, según la agencia de protección "
           "civil. Unos 1.250 vecinos fueron trasladados a albergues en Mirenza.\n\n"
           "Los equipos de rescate buscan todavía a 17 desaparecidos.")
GERMAN_QUAKE = ("Nordkurier", 9, "Schweres Erdbeben erschüttert Tarvosund",
                "Ein Erdbeben der Stärke 6,1 hat am Montag die Hafenstadt Tarvosund in "
                "Norlandia erschüttert. Mindestens 7 Menschen kamen ums Leben, mehr als 300 "
                "Gebäude wurden beschädigt.\n\nDie Regierung Norlandias schickte Soldaten in "
                "die Region.")
GERMAN_VOTE = ("Nordkurier", 10, "Quessland wählt ein neues Parlament",
               "Die Bürger Quesslands haben am Sonntag ein neues Parlament gewählt. Die "
               "Wahlbeteiligung lag nach Angaben der Wahlkommission bei 61,3 Prozent.\n\n"
               "Erste Ergebnisse werden für Dienstag erwartet.")


def _article(row: tuple[str, float, str, str], language: str, shift: float = 0.0) -> Article:
    outlet, hours, title, text = row
    url = f"https://news.example/{article_id(text, outlet, None, title)}"
    return Article(article_id(text, outlet, url, title), None, url, outlet, title,
                   T0 + timedelta(hours=hours + shift), language, text, content_hash(text))


def _english() -> list[Article]:
    return [_article(row, "en") for row in (*DAM, RATES)]


def _story_of(stories, article: Article) -> frozenset[str]:
    (found,) = [frozenset(s.article_ids) for s in stories if article.id in s.article_ids]
    return found


@pytest.mark.parametrize(("mention", "reading"), [
    ("1.100", ["1100"]), ("1,100", ["1100"]), ("1,100,000", ["1100000"]),
    ("3,5", ["3.5"]), ("8.2", ["8.2"]), ("1.234,5", ["1234.5"]), ("1,234.5", ["1234.5"]),
    ("1\u00a0100", ["1100"]), ("18.11.2026", ["18", "11", "2026"]), ("42", ["42"]),
])
def test_a_figure_reads_alike_in_either_convention(mention, reading) -> None:
    assert normalise_figure(mention) == reading


def test_figures_of_a_german_sentence_read_as_the_english_ones() -> None:
    assert normalise_figures("etwa 1.100 Soldaten, Stärke 6,1, am 18.11.2026") == [
        "1100", "6.1", "18", "11", "2026"]


def test_only_a_known_language_other_than_the_models_is_foreign() -> None:
    assert is_foreign("de", ("en",)) and not is_foreign("en", ("en",))
    assert not is_foreign(None, ("en",)) and not is_foreign("", ("en",))


def test_name_stems_meet_across_inflections() -> None:
    folded = stems({"ostmark": 1.0, "dravnia": 2.0, "national intelligence": 1.0}, 5)
    assert folded == {"ostma": 1.0, "dravn": 2.0, "natio": 1.0, "intel": 1.0}
    assert set(stems({"ostmarks": 1.0, "dravnien": 1.0}, 5)) <= set(folded)


def test_english_features_carry_no_foreign_words(settings) -> None:
    extractor = FeatureExtractor(settings, embed_fn=lambda texts: _unit_rows(len(texts)))
    english, spanish = extractor.extract([_article(DAM[0], "en"), _article(SPANISH, "es")])
    assert not english.foreign and english.words == ()
    assert spanish.foreign and {"orrasca", "belvaro", "quessland"} <= set(spanish.words)
    assert {"1250", "42"} <= set(spanish.numbers)  # "1.250" is the English 1,250


def _unit_rows(count: int):
    import numpy as np

    rows = np.zeros((count, 384), dtype=np.float32)
    rows[:, 0] = 1.0
    return rows


@pytest.mark.embeddings
def test_a_spanish_report_joins_its_english_story(settings) -> None:
    spanish = _article(SPANISH, "es")
    stories = cluster_articles([*_english(), spanish], settings)
    dam = {a.id for a in _english()[:3]}
    assert _story_of(stories, spanish) == frozenset(dam | {spanish.id})


@pytest.mark.embeddings
def test_read_as_english_the_same_report_stays_apart_as_before(settings) -> None:
    # what every article got before: the English-only embedding and terms cannot place it
    spanish = _article(SPANISH, "en")
    stories = cluster_articles([*_english(), spanish], settings)
    assert _story_of(stories, spanish) == frozenset({spanish.id})


@pytest.mark.embeddings
def test_a_foreign_report_of_another_event_elsewhere_stays_apart(settings) -> None:
    quake = _article(GERMAN_QUAKE, "de")
    stories = cluster_articles([*_english(), quake], settings)
    assert _story_of(stories, quake) == frozenset({quake.id})


@pytest.mark.embeddings
def test_a_foreign_report_of_another_event_in_the_same_country_stays_apart(settings) -> None:
    vote = _article(GERMAN_VOTE, "de")
    stories = cluster_articles([*_english(), vote], settings)
    assert _story_of(stories, vote) == frozenset({vote.id})


@pytest.mark.embeddings
def test_english_stories_are_the_same_with_a_foreign_report_beside_them(settings) -> None:
    english = _english()
    alone = cluster_articles(english, settings)
    quake = _article(GERMAN_QUAKE, "de")
    beside = cluster_articles([*english, quake], settings)
    assert {frozenset(s.article_ids) for s in alone} == {
        frozenset(s.article_ids) for s in beside if quake.id not in s.article_ids}


@pytest.mark.embeddings
def test_a_foreign_report_first_joins_the_story_that_forms_after_it(settings) -> None:
    # published before any English report: it starts a story of its own, which the English
    # reports cannot find by their words; the end of the run places it
    spanish = _article(SPANISH, "es", shift=-10)
    stories = cluster_articles([*_english(), spanish], settings)
    assert len(_story_of(stories, spanish)) == 4


@pytest.mark.embeddings
def test_a_saved_state_keeps_which_members_are_foreign(settings) -> None:
    spanish = _article(SPANISH, "es", shift=-10)
    clusterer = StoryClusterer(settings)
    clusterer.add_many([spanish])
    restored = StoryClusterer.from_state(clusterer.state(), settings)
    restored.add_many(_english())
    restored.merge_step()
    assert len(_story_of(restored.stories(), spanish)) == 4


@pytest.mark.embeddings
def test_the_bar_is_a_setting(settings) -> None:
    from corroborator.stories import StorySettings

    strict = replace(settings.get(StorySettings), foreign_threshold=0.99)
    clusterer = StoryClusterer(config=strict, extractor=FeatureExtractor(settings))
    spanish = _article(SPANISH, "es")
    clusterer.add_many([*_english(), spanish])
    clusterer.merge_step()
    assert _story_of(clusterer.stories(), spanish) == frozenset({spanish.id})
