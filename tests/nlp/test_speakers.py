"""Speaker names: aliases within an article and across a story, pronouns and titles."""

from __future__ import annotations

import pytest

from corroborator.nlp.speakers import (
    Mention,
    acronym_definitions,
    are_same_speaker,
    canonical_speakers,
    clean_name,
    people_by_surname,
    resolve_description,
    resolve_pronoun,
)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Ukrainian President Volodymyr Zelensky", "Ukrainian President Volodymyr Zelensky"),
        ("President Volodymyr Zelensky", "Volodymyr Zelensky"),
        ("the National Intelligence Service", "National Intelligence Service"),
        ("Sen. Maria Lopez's", "Maria Lopez"),
        ("the ministry", "ministry"),
        # a title word before a plural of officials says which officials they are
        ("Health bosses", "Health bosses"),
        ("Minister Ana Ruiz", "Ana Ruiz"),
    ],
)
def test_clean_name(raw, clean):
    assert clean_name(raw) == clean


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Volodymyr Zelensky", "Zelensky", True),
        ("President Volodymyr Zelensky", "Zelensky", True),
        ("the National Intelligence Service", "NIS", True),
        ("National Intelligence Service", "N.I.S.", True),
        ("Hillary Clinton", "Hillary Rodham Clinton", True),
        ("Hillary Clinton", "Donald Trump", False),
        ("NIS", "NATO", False),
        ("", "Zelensky", False),
        ("Defence Ministry", "Ministry", True),
        # a description is not a name: any councillors are not the opposition's
        ("Opposition councillors", "Councillors", False),
        ("local residents", "Residents", False),
        # a definite description's head still names it
        ("NCAA report", "report", True),
        # a body of a firm or a country is not the firm or the country
        ("Board of Directors of Halden Textile Works", "Halden Textile Works", False),
        ("National Bank of Estmark", "Estmark", False),
        # one of two firms that speak together is not the two
        ("Ostrel Rail and Kavan Logistics", "Kavan Logistics", False),
    ],
)
def test_are_same_speaker(a, b, same):
    assert are_same_speaker(a, b) is same


def test_canonical_speakers_prefers_full_names_and_keeps_ambiguous_surnames_apart():
    mapping = canonical_speakers(
        ["Zelensky", "Volodymyr Zelensky", "NIS", "National Intelligence Service",
         "Clinton", "Hillary Clinton", "Bill Clinton"]
    )
    assert mapping["Zelensky"] == "Volodymyr Zelensky"
    assert mapping["NIS"] == "National Intelligence Service"
    assert mapping["Clinton"] == "Clinton"  # two Clintons: not guessed
    assert mapping["Bill Clinton"] == "Bill Clinton"


def test_acronym_definitions():
    text = "South Korea's National Intelligence Service (NIS) said so. The NIS added more."
    assert acronym_definitions(text) == {"NIS": "National Intelligence Service"}


MENTIONS = [
    Mention(0, "Volodymyr Zelensky", "PERSON", frozenset({"ukrainian", "president"})),
    Mention(50, "Kremlin", "ORG"),
    Mention(90, "Anna Berg", "PERSON", frozenset({"spokeswoman"})),
]


@pytest.mark.parametrize(
    ("pronoun", "position", "name"),
    [
        ("he", 60, "Volodymyr Zelensky"),
        ("she", 120, "Anna Berg"),
        ("it", 80, "Kremlin"),
        ("they", 120, "Kremlin"),
        ("he", 0, None),
        ("you", 120, None),
    ],
)
def test_resolve_pronoun(pronoun, position, name):
    assert resolve_pronoun(pronoun, position, MENTIONS) == name


def test_resolve_pronoun_prefers_a_nearby_subject_and_reads_roles_over_labels():
    # "The agency's spokeswoman, Renata Voss, said teams were searching in the town of Kel
    # Aran. '...,' she told reporters": the recogniser took Voss for an organisation and
    # the town for a person
    mentions = [Mention(26, "Renata Voss", "ORG", frozenset({"s", "spokeswoman"}), None, True),
                Mention(113, "Kel Aran", "PERSON", frozenset({"the", "town", "of"}), "of")]
    assert resolve_pronoun("she", 240, mentions) == "Renata Voss"
    # a person mentioned in another role is still the antecedent when no subject is near
    far = [Mention(0, "Ann Holt", "PERSON", subject=True),
           Mention(400, "Ben Ruiz", "PERSON", frozenset({"mayor"}), "mayor")]
    assert resolve_pronoun("he", 450, far) == "Ben Ruiz"


def test_resolve_description_only_when_unambiguous():
    assert resolve_description("the president", MENTIONS) == "Volodymyr Zelensky"
    assert resolve_description("the spokeswoman", MENTIONS) == "Anna Berg"
    assert resolve_description("the minister", MENTIONS) is None
    two = MENTIONS + [Mention(200, "Joan Ortiz", "PERSON", frozenset({"president"}))]
    assert resolve_description("the president", two) is None


def test_resolve_description_of_a_body_is_not_its_spokesperson():
    keller = [Mention(0, "Marta Keller", "PERSON", frozenset({"fire", "service", "spokeswoman"}))]
    assert resolve_description("the regional fire service", keller) is None
    assert resolve_description("the spokeswoman", keller) == "Marta Keller"


def test_a_one_word_name_may_be_a_persons_family_name_given_first():
    people = ["Park Senna", "Xi Jinping", "Kim Darroch", "Anna Kim"]
    mapping = canonical_speakers(["Park Senna", "Park", "Xi Jinping", "Xi", "Kim Darroch",
                                  "Anna Kim", "Kim"], people)
    assert mapping["Park"] == "Park Senna"
    assert mapping["Xi"] == "Xi Jinping"
    assert mapping["Kim"] == "Anna Kim"  # a surname given last wins over a first word
    initial = canonical_speakers(["Francis S. Collins", "Francis S."], ["Francis S. Collins"])
    assert initial["Francis S."] == "Francis S. Collins"  # the leading words of the name
    # without knowing the longer name is a person's, an organisation's first word stays
    assert canonical_speakers(["Velm Federation", "Velm"])["Velm"] == "Velm"
    # a country is no one's family name
    assert canonical_speakers(["Jordan Peterson", "Jordan"], ["Jordan Peterson"],
                              {"Jordan"})["Jordan"] == "Jordan"


def test_a_firm_is_called_by_its_name_without_the_kind_of_firm():
    mapping = canonical_speakers(["Brannock Mobile", "Brannock", "Vantor Broadband", "Vantor",
                                  "Estmark Power", "Estmark"], places={"Estmark"})
    assert mapping["Brannock"] == "Brannock Mobile"
    assert mapping["Vantor"] == "Vantor Broadband"
    assert mapping["Estmark"] == "Estmark"  # a country is not its power company
    # the rest of the name must only say what kind of firm it is
    assert canonical_speakers(["Velm Federation", "Velm"])["Velm"] == "Velm"


def test_a_places_office_holder_is_the_person_given_that_title():
    okafor = [Mention(0, "Daniel Okafor", "PERSON", frozenset({"data", "commissioner"}),
                      "commissioner")]
    assert resolve_description("Tessaly's data commissioner", okafor) == "Daniel Okafor"
    assert resolve_description("Tessaly's data commissioner", MENTIONS) is None


def test_a_bodys_staff_go_by_the_bodys_name():
    names = ["chiefs at the National Meteorological Service", "National Meteorological Service",
             "Researchers at the University of Orsenna", "University of Orsenna",
             "John Smith at Reuters"]
    mapping = canonical_speakers(names, staff_as_body=True)
    assert mapping["chiefs at the National Meteorological Service"] == \
        "National Meteorological Service"
    assert mapping["Researchers at the University of Orsenna"] == "University of Orsenna"
    assert mapping["John Smith at Reuters"] == "John Smith at Reuters"  # a person, not staff
    # with no body of that name among the speakers, the staff keep their description
    alone = canonical_speakers(["analysts at Morgan Stanley"], staff_as_body=True)
    assert alone["analysts at Morgan Stanley"] == "analysts at Morgan Stanley"
    # names that need not speak (an article's entities): the description is the fuller name
    assert canonical_speakers(["Analysts at Hallbeck Securities", "Hallbeck Securities"])[
        "Hallbeck Securities"] == "Analysts at Hallbeck Securities"


def test_people_by_surname_makes_a_person_of_a_name_called_by_its_last_word():
    mentions = [Mention(0, "Helena Strand", "ORG"), Mention(30, "Kaldoran Coastguard", "ORG"),
                Mention(60, "Orvane Systems", "ORG"), Mention(90, "Strand", "PERSON"),
                Mention(100, "Coastguard", None, subject=True),
                Mention(120, "Systems", "PERSON")]
    text = "Strand said. The coastguard said. Coastguard said it. Systems said so."
    assert [m.label for m in people_by_surname(mentions, text)] == [
        "PERSON", "ORG", "ORG", "PERSON", None, "PERSON"]
