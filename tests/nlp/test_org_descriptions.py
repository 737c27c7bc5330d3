""""The utility said", "the company insisted": the firm named just before speaks."""

from __future__ import annotations

from datetime import datetime

import pytest

from corroborator.nlp.analyze import analyze_article
from corroborator.nlp.org_descriptions import resolve_organisation, without_descriptor
from corroborator.nlp.speakers import Mention
from corroborator.records import Article
from corroborator.records.article import content_hash


def _claims(nlp, settings, text: str, outlet: str, published: datetime) -> list:
    """The claims the analysis finds in ``text`` as one article of ``outlet``."""
    article = Article(outlet.lower().replace(" ", "-"), "a.txt", None, outlet, None, published,
                      "en", text, content_hash(text))
    return analyze_article(article, settings, nlp=nlp).claims


def _mentions(*specs: tuple[int, str, str]) -> list[Mention]:
    return [Mention(start, name, label) for start, name, label in specs]


def test_a_firm_description_goes_to_the_nearest_firm_before_it() -> None:
    mentions = _mentions((10, "Interior Ministry", "ORG"), (120, "Ostrel Rail", "ORG"),
                         (300, "Kasia Brenn", "PERSON"))
    assert resolve_organisation("The operator", 400, mentions) == "Ostrel Rail"
    assert resolve_organisation("the rail company", 400, mentions) == "Ostrel Rail"
    described = [Mention(40, "Norvex", "ORG", frozenset({"shares", "in", "chipmaker"}))]
    assert resolve_organisation("the company", 200, described) == "Norvex"
    speaking = [Mention(40, "Norvex", "ORG", subject=True)]  # "Norvex said ..."
    assert resolve_organisation("The chipmaker", 200, speaking) == "Norvex"


def test_public_bodies_towns_and_other_descriptions_are_left_alone() -> None:
    ministry = _mentions((10, "Interior Ministry", "ORG"))
    assert resolve_organisation("The company", 200, ministry) is None  # no firm named
    # "Prosecutors in Corvel ...; the company insists": a town the recogniser took for an
    # organisation is no firm
    town = _mentions((10, "Halden Textile Works", "ORG"), (900, "Corvel", "ORG"))
    assert resolve_organisation("the company", 1000, town) == "Halden Textile Works"
    near = _mentions((10, "Ostrel Rail", "ORG"))
    assert resolve_organisation("The ministry", 200, near) is None  # not a firm's description
    assert resolve_organisation("company", 200, near) is None  # no determiner: no reference
    assert resolve_organisation("The company", 5, near) is None  # named only after it
    # a public body named with its owner, even one that is a clause's subject ("The Civil
    # Aviation Authority of Lorvana has confirmed ..."), is no firm: "the manufacturer said"
    # is someone else
    owned = [Mention(10, "Civil Aviation Authority of Lorvana", "ORG", subject=True)]
    assert resolve_organisation("the manufacturer", 200, owned) is None


def test_a_description_by_a_names_head_is_the_one_body_so_named_before_it() -> None:
    central = _mentions((10, "National Bank of Estmark", "ORG"), (300, "Nordvik Bank", "ORG"))
    assert resolve_organisation("The bank", 200, central) == "National Bank of Estmark"
    assert resolve_organisation("the central bank", 200, central) == "National Bank of Estmark"
    assert resolve_organisation("the regional bank", 200, central) is None  # not its modifier
    assert resolve_organisation("The bank", 400, central) is None  # two banks: either
    agency = _mentions((10, "National Disaster Management Agency", "ORG"))
    assert resolve_organisation("the agency", 100, agency) == "National Disaster Management Agency"
    assert resolve_organisation("the ministry", 100, agency) is None


@pytest.mark.model
def test_the_bank_and_its_forecast_are_the_bank_named_before(nlp, settings) -> None:
    text = ("The National Bank of Estmark raised its key rate to 4.75% on Thursday.\n\n"
            "The bank now sees inflation averaging 5.4% next year, compared with its July "
            "forecast of 4.4%.\n\nOla Brekke, chief economist at Nordvik Bank, said another "
            "increase was likely.")
    claims = _claims(nlp, settings, text, "MoneyDaily", datetime(2026, 10, 15))
    figures = {q.text: c.speaker for c in claims for q in c.quantities}
    assert figures["5.4%"] == figures["4.4%"] == "National Bank of Estmark"


@pytest.mark.model
def test_the_company_in_an_article_is_the_firm_it_names(nlp, settings) -> None:
    text = ("Ostrel Rail cancelled 200 trains on Thursday after a signalling fault near "
            "Vennby.\n\nThe operator said engineers had found a damaged cable and expected "
            "services to resume on Friday.\n\nTransport Minister Kasia Brenn said she had asked "
            "for a full report.")
    claims = _claims(nlp, settings, text, "Harbor Times", datetime(2026, 3, 5))
    operator = [c for c in claims if text[c.content_span.start:].startswith("engineers")]
    assert [c.speaker for c in operator] == ["Ostrel Rail"]


@pytest.mark.parametrize(("name", "plain"), [
    ("Chipmaker Norvex", "Norvex"),
    ("Carmaker Veltro Motors", "Veltro Motors"),
    ("Norvex", "Norvex"),
    ("Utility", "Utility"),
    ("Airline pilots", "Airline pilots"),  # not a name after it
])
def test_a_firms_description_before_its_name_is_not_part_of_it(name: str, plain: str) -> None:
    assert without_descriptor(name) == plain


@pytest.mark.model
def test_a_described_firm_is_a_firm_whatever_the_recogniser_says(nlp, settings) -> None:
    # the recogniser labels "Norvex" a product here; "chipmaker" says what it is
    text = ("Shares in chipmaker Norvex jumped on Tuesday after the company reported "
            "better-than-expected results.\n\nChipmaker Norvex said it would hire 300 "
            "engineers in Daleport.")
    claims = _claims(nlp, settings, text, "Daily Ledger", datetime(2026, 10, 20))
    assert {c.speaker for c in claims} == {"Norvex"}


@pytest.mark.model
def test_a_name_shaped_as_a_firms_is_a_firm_whatever_the_recogniser_says(nlp, settings) -> None:
    # the recogniser labels "Eddis Water" a person; a name ending in a firm's word is a firm,
    # and "the company" after it is that firm
    text = ("Eddis Water's new tariff starts next month. The company said demand had "
            "doubled.")
    assert [e.label_ for e in nlp(text).ents][:1] == ["PERSON"]
    claims = _claims(nlp, settings, text, "Daily Ledger", datetime(2026, 10, 20))
    assert {c.speaker for c in claims} == {"Eddis Water"}


@pytest.mark.model
def test_a_headline_title_and_the_governor_are_the_titled_person(nlp, settings) -> None:
    # the recogniser finds no person in "National Bank of Estmark Governor Pia Lund"; the
    # headline's "central bank governor" has no article
    text = ("Estmark central bank governor defends rate rise before parliament\n\n"
            "National Bank of Estmark Governor Pia Lund on Friday defended the bank's decision "
            "to raise its key rate.\n\nThe governor said she expected inflation to fall below "
            "5% by the end of next year.")
    claims = _claims(nlp, settings, text, "Estmark Post", datetime(2026, 10, 16))
    speakers = {c.speaker for c in claims}
    assert speakers and all(s is not None and s.endswith("Pia Lund") for s in speakers)


def test_an_agency_described_is_the_one_body_of_that_kind_when_no_agency_is_named() -> None:
    spies = _mentions((10, "Velm Federation", "ORG"), (60, "National Intelligence Service", "ORG"))
    assert resolve_organisation("the agency", 200, spies) == "National Intelligence Service"
    both = spies + _mentions((90, "Harbour News Agency", "ORG"))
    assert resolve_organisation("the agency", 200, both) == "Harbour News Agency"  # named so
    two = spies + _mentions((90, "Customs Service", "ORG"))
    assert resolve_organisation("the agency", 200, two) is None  # two bodies of the kind
    # a place's body, by what it does, may be named only later in the report
    assert resolve_organisation("Ostmark's spy agency", 5, spies) == \
        "National Intelligence Service"
    assert resolve_organisation("Ostmark's tax agency", 5, spies) is None


def test_the_two_companies_are_the_two_firms_named_last_before() -> None:
    mentions = _mentions((0, "Interior Ministry", "ORG"), (40, "Ostrel Rail", "ORG"),
                         (90, "Ostrel", "ORG"), (120, "Kavan Logistics", "ORG"))
    together = "Ostrel Rail and Kavan Logistics"
    assert resolve_organisation("the two companies", 200, mentions) == together
    assert resolve_organisation("both firms", 200, mentions) == together
    assert resolve_organisation("the companies", 200, mentions) == together
    # more firms than the description counts, or fewer named: no guess
    assert resolve_organisation("the three companies", 200, mentions) is None
    assert resolve_organisation("the companies", 200, mentions + _mentions(
        (150, "Halden Textile Works", "ORG"))) is None
    assert resolve_organisation("the Swiss companies", 200, mentions) is None


def test_a_repeated_plural_description_keeps_its_firms(nlp, settings) -> None:
    text = ("Ostrel Rail has agreed to buy Kavan Logistics for 900 million euros, the two "
            "companies said on Monday. Analysts at Dunmore Securities called the price "
            "high. Kavan's board backs the deal, the companies said.")
    claims = _claims(nlp, settings, text, "Harbor Wire", datetime(2026, 5, 4, 9))
    speakers = {c.speaker for c in claims if "said" in text[c.cue_span.start:c.cue_span.end]}
    assert speakers == {"Ostrel Rail and Kavan Logistics"}


def test_a_firm_speaking_by_its_short_name_is_the_firm_named_in_full(nlp, settings) -> None:
    text = ("Ostrel Rail raised its offer for Kavan Logistics after the investment firm "
            "Dunmore Capital made a rival approach. Dunmore said on Tuesday it was still "
            "weighing a bid.")
    claims = _claims(nlp, settings, text, "Harbor Wire", datetime(2026, 5, 4, 9))
    weighing = [c for c in claims if "weighing" in text[c.content_span.start:c.content_span.end]]
    assert [c.speaker for c in weighing] == ["Dunmore Capital"]


def test_a_board_that_speaks_is_a_public_body_not_the_company() -> None:
    # "The Velmark Road Safety Board said ...; Quellmark expects ..., the company said": a
    # regulator's board is no firm, however often it speaks
    board = [Mention(10, "Velmark Road Safety Board", "ORG", subject=True)]
    assert resolve_organisation("the company", 200, board) is None
    bureau = [Mention(10, "Ostrel Rail", "ORG"),
              Mention(90, "Tarn Accident Investigation Bureau", "ORG", subject=True)]
    assert resolve_organisation("the company", 200, bureau) == "Ostrel Rail"


@pytest.mark.model
def test_the_company_after_a_regulator_spoke_is_the_carmaker(nlp, settings) -> None:
    text = ("Quellmark Motors is recalling about 410,000 vehicles because a bolt can work "
            "loose, the carmaker said on Monday.\n\nThe Velmark Road Safety Board said it had "
            "received 212 complaints.\n\nQuellmark expects the recall to cost about 180 million "
            "euros, the company said.")
    claims = _claims(nlp, settings, text, "Velmark Press Agency", datetime(2026, 10, 5))
    figures = {q.text: c.speaker for c in claims for q in c.quantities}
    assert figures["about 180 million euros"] == "Quellmark Motors"
    assert figures["212"] == "Velmark Road Safety Board"


@pytest.mark.model
def test_a_firm_the_recogniser_misses_is_what_the_company_means(nlp, settings) -> None:
    # the recogniser labels nothing in "Brisant Automotive"; its last word says it is a firm
    text = ("Brisant Automotive is recalling 38,000 electric delivery vans because a cooling "
            "pipe can crack, the company said on Wednesday.")
    claims = _claims(nlp, settings, text, "VBC News", datetime(2026, 10, 7))
    assert [c.speaker for c in claims] == ["Brisant Automotive"]


@pytest.mark.model
def test_a_firms_short_name_read_as_a_place_is_the_firm(nlp, settings) -> None:
    # the recogniser labels "Quellmark" a place here; the report names Quellmark Motors and
    # never uses "Quellmark" as a place
    text = ("Quellmark Motors is recalling about 410,000 vehicles in Velmark because a bolt "
            "can work loose, the carmaker said on Monday.\n\n\"The safety of our customers "
            "comes first,\" Quellmark said in a statement.\n\nQuellmark denied that it had "
            "delayed the recall.")
    claims = _claims(nlp, settings, text, "Velmark Press Agency", datetime(2026, 10, 5))
    assert len(claims) == 3 and {c.speaker for c in claims} == {"Quellmark Motors"}
