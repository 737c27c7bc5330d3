from dataclasses import replace

from corroborator.compare.speakers import NAMED, OUTLET, ROLE, StorySpeakers
from corroborator.records import Span

from .helpers import article, claim

A = article(
    "a", "Coastal Wire Service",
    "GRENHAVEN, May 4 (Coastal Wire) — Velorian President Amara Kestin said on Monday that "
    "the pass was held. Veloria's National Intelligence Service (NIS) said that the units "
    "lacked coats. Defence Minister Joran Pell said the army took three villages. The "
    "minister said the roads were open. A spokesman for the NIS, Ilya Dorn, said the "
    "border was calm.",
)
B = article(
    "b", "The Evening Ledger",
    "Kestin said the pass would hold. The NIS said supplies were short. Reports said the "
    "pass was quiet, according to President Amara Kestin. Ilya Dorn said the "
    "border was quiet.",
)


def _speakers():
    claims = [
        claim(A, "the pass was held", "Velorian President Amara Kestin", speaker_type="PERSON"),
        claim(B, "the pass would hold", "Kestin", speaker_type="PERSON"),
        claim(A, "the units lacked coats", "Veloria's National Intelligence Service",
              speaker_type="ORG"),
        claim(B, "supplies were short", "NIS", speaker_type="ORG"),
        claim(A, "the roads were open", "minister"),
        claim(A, "the army took three villages", "Joran Pell", speaker_type="PERSON"),
        claim(B, "the pass was quiet", None),
        claim(A, "the pass was held", "GRENHAVEN"),
        claim(A, "border was calm", "Ilya Dorn", speaker_type="PERSON"),
        claim(B, "border was quiet", "Ilya Dorn", speaker_type="PERSON"),
    ]
    return claims, StorySpeakers(claims, [A, B])


def test_speakers_surname_is_full_name_with_title() -> None:
    claims, sp = _speakers()
    assert sp.same(claims[0], claims[1])
    assert sp.of(claims[1]).label == "Amara Kestin"


def test_speakers_acronym_and_possessive_qualifier() -> None:
    claims, sp = _speakers()
    assert sp.same(claims[2], claims[3])
    assert sp.of(claims[3]).label == "National Intelligence Service"


def test_speakers_role_resolves_to_the_one_holder() -> None:
    claims, sp = _speakers()
    assert sp.of(claims[4]).kind == NAMED
    assert sp.same(claims[4], claims[5])


def test_speakers_unattributed_repaired_from_sentence_or_outlet() -> None:
    claims, sp = _speakers()
    assert sp.of(claims[6]).label == "Amara Kestin"
    assert sp.of(claims[7]).label == "Amara Kestin"  # dateline, then the sentence names her


def test_a_capitalised_speaker_opening_a_paragraph_is_no_dateline() -> None:
    # "NATO, the western alliance, said ...": capitals and a comma at a paragraph start, but
    # no dash: a speaker, not the place a wire story was filed from
    art = article("n", "Harbor News", "NATO, the western alliance, said on Monday that 300 "
                  "troops would move east.\n\nGRENHAVEN, May 4 (Coastal Wire) — Talks ended.")
    claims = [claim(art, "300 troops would move east", "NATO", speaker_type="ORG"),
              claim(art, "Talks ended", "GRENHAVEN")]
    sp = StorySpeakers(claims, [art])
    assert sp.of(claims[0]).label == "NATO"
    assert sp.of(claims[1]).label != "GRENHAVEN"


def test_speakers_spokesperson_speaks_for_organisation() -> None:
    claims, sp = _speakers()
    assert sp.of(claims[8]).label == "National Intelligence Service"


def test_speakers_no_speaker_is_the_outlet_and_roles_stay_unknown() -> None:
    art = article("c", "Harbor News", "Officials said the bridge was closed. It rained.")
    claims = [claim(art, "the bridge was closed", None), claim(art, "It rained", "a source")]
    sp = StorySpeakers(claims, [art])
    assert sp.of(claims[0]).kind in (OUTLET, NAMED)
    assert sp.of(claims[1]).kind == ROLE
    assert not sp.same(claims[1], claims[1])


def test_speakers_spokesperson_remark_keeps_who_spoke() -> None:
    claims, sp = _speakers()
    assert sp.of(claims[8]).via == "Ilya Dorn"
    assert sp.of(claims[3]).via is None
    assert sp.same(claims[8], claims[3])


def test_speakers_ministries_with_different_remits_stay_apart() -> None:
    art = article(
        "d", "Harbor News",
        "The Health Ministry said 23 people were hurt. The Defence Ministry said no soldiers "
        "were at the plant.",
    )
    claims = [claim(art, "23 people were hurt", "Health Ministry", speaker_type="ORG"),
              claim(art, "no soldiers were at the plant", "the Defence Ministry",
                    speaker_type="ORG")]
    sp = StorySpeakers(claims, [art])
    assert {sp.of(c).label for c in claims} == {"Health Ministry", "Defence Ministry"}
    assert sp.distinct(claims[0], claims[1])


def test_speakers_a_described_body_of_another_remit_is_not_the_named_one() -> None:
    art = article(
        "e", "Harbor News",
        "The Health Ministry put the toll at 118. The interior ministry said 2,600 buildings "
        "had collapsed. The ministry said field hospitals were open. The country's health "
        "ministry said 40 doctors had arrived.",
    )
    claims = [claim(art, "the toll at 118", "Health Ministry", speaker_type="ORG"),
              claim(art, "2,600 buildings had collapsed", "interior ministry"),
              claim(art, "field hospitals were open", "ministry"),
              claim(art, "40 doctors had arrived", "country's health ministry")]
    later = article("f", "Coast Post", "The interior ministry said 2,900 buildings collapsed.")
    claims.append(claim(later, "2,900 buildings collapsed", "interior ministry"))
    sp = StorySpeakers(claims, [art, later])
    assert sp.of(claims[1]).label == "interior ministry"
    assert sp.distinct(claims[0], claims[1])
    assert sp.same(claims[0], claims[2]) and sp.same(claims[0], claims[3])
    # the body described by its remit in two reports is one source
    assert sp.same(claims[1], claims[4])


def test_speakers_title_in_another_clause_is_not_the_names_role() -> None:
    art = article(
        "e", "Lisska Daily",
        "Jonas Pell, the director of St. Aurel Hospital, said the count was far above the "
        "figure released by the Health Ministry. The Health Ministry stood firm, even as the "
        "director repeated that his staff had treated more than 40.",
    )
    claims = [claim(art, "the count was far above", "Jonas Pell", speaker_type="PERSON"),
              claim(art, "stood firm", "Health Ministry", speaker_type="ORG"),
              claim(art, "his staff had treated more than 40", "director")]
    sp = StorySpeakers(claims, [art])
    assert sp.same(claims[2], claims[0])
    assert not sp.same(claims[2], claims[1])


def test_speakers_a_bare_possessive_speaker_is_no_name() -> None:
    art = article("f", "Harbor News", "Its said the bridge was closed.")
    claims = [claim(art, "the bridge was closed", "The ’s")]
    assert StorySpeakers(claims, [art]).of(claims[0]).kind in (ROLE, OUTLET)


def test_speakers_plural_possessive_inside_a_name_is_kept() -> None:
    art = article("g", "Corvel Post", "The Textile Workers’ Federation said 200 were inside. "
                  "The Farmers' Union said the roads were shut.")
    claims = [claim(art, "200 were inside", "The Textile Workers’ Federation", speaker_type="ORG"),
              claim(art, "the roads were shut", "The Farmers' Union", speaker_type="ORG")]
    sp = StorySpeakers(claims, [art])
    assert sp.of(claims[0]).label == "Textile Workers’ Federation"
    assert sp.of(claims[1]).label == "Farmers' Union"
    assert not sp.same(claims[0], claims[1])


def test_speakers_a_company_named_short_after_its_full_name_is_one_source() -> None:
    art = article("g", "Ledger Wire", "Norvex Semiconductor reported revenue of $4.2 billion. "
                  "Norvex raised its forecast. Washington said it would review the deal, the "
                  "Washington Post reported.")
    claims = [claim(art, "revenue of $4.2 billion", "Norvex Semiconductor", speaker_type="ORG"),
              claim(art, "raised its forecast", "Norvex"),
              claim(art, "it would review the deal", "Washington", speaker_type="GPE"),
              claim(art, "Washington said it would review the deal", "Washington Post",
                    speaker_type="ORG")]
    sp = StorySpeakers(claims, [art])
    assert sp.same(claims[0], claims[1]) and sp.of(claims[1]).label == "Norvex Semiconductor"
    assert not sp.same(claims[2], claims[3])


def test_speakers_a_one_word_firm_is_itself_not_its_own_affiliate() -> None:
    # one-word names of countries are "affiliates" of the people who speak for them; a firm
    # with a one-word name in two outlets is one and the same source
    a = article("a", "Market Wire", "Norvex said it made a profit of $120 million.")
    b = article("b", "Daily Ledger", "Norvex said it made a profit of $150 million.")
    first = claim(a, "it made a profit of $120 million", "Norvex", speaker_type="ORG")
    second = claim(b, "it made a profit of $150 million", "Norvex", speaker_type="ORG")
    speakers = StorySpeakers([first, second], [a, b])
    assert speakers.same(first, second) and not speakers.affiliated(first, second)


def test_speakers_the_bank_is_no_one_bank_when_the_story_names_two() -> None:
    # "National Bank of Estmark" is a bank by the word before "of": "the bank" is either
    wire = article("w", "Orrin Wire", "The National Bank of Estmark said it raised rates. The "
                   "bank said inflation was too high.")
    other = article("o", "Vardo Courier", "Ola Brekke, chief economist at Nordvik Bank, said "
                    "another rise was likely.")
    claims = [
        claim(wire, "inflation was too high", "bank"),
        claim(other, "another rise was likely", "Nordvik Bank", speaker_type="ORG"),
        claim(wire, "it raised rates", "National Bank of Estmark", speaker_type="ORG"),
    ]
    sp = StorySpeakers(claims, [wire, other])
    assert sp.of(claims[0]).kind == ROLE
    assert not sp.same(claims[0], claims[1])


def test_speakers_a_chief_heads_the_body_his_title_names() -> None:
    day = article("d", "Harbor Press", "The blaze grew, Fire Chief Tomas Brannigan said. The "
                  "regional fire service said it burned 4,000 hectares.")
    claims = [claim(day, "The blaze grew", "Tomas Brannigan", speaker_type="PERSON"),
              claim(day, "it burned 4,000 hectares", "regional fire service")]
    sp = StorySpeakers(claims, [day])
    assert sp.heads(claims[0], claims[1]) and not sp.same(claims[0], claims[1])
    police = article("p", "Harbor Press", "Police Chief Ada Ruiz said roads were shut. The "
                     "regional fire service said it burned 4,000 hectares.")
    other = [claim(police, "roads were shut", "Ada Ruiz", speaker_type="PERSON"),
             claim(police, "it burned 4,000 hectares", "regional fire service")]
    assert not StorySpeakers(other, [police]).heads(other[0], other[1])


def test_speakers_a_title_word_inside_an_organisations_name_is_kept() -> None:
    art = article("h", "Ledger Wire", "The Global Health Alliance said cases had doubled. "
                  "Health Minister Corvin Aldes said the water was safe. National Bank of "
                  "Estmark Governor Pia Lund said rates would rise.")
    claims = [claim(art, "cases had doubled", "the Global Health Alliance", speaker_type="ORG"),
              claim(art, "the water was safe", "Health Minister Corvin Aldes",
                    speaker_type="PERSON"),
              # a person the tagger took for an organisation is still named without her title
              claim(art, "rates would rise", "National Bank of Estmark Governor Pia Lund",
                    speaker_type="ORG")]
    sp = StorySpeakers(claims, [art])
    assert sp.of(claims[0]).label == "Global Health Alliance"
    assert sp.of(claims[1]).label == "Corvin Aldes"
    assert sp.of(claims[2]).label == "Pia Lund"


def test_speakers_the_report_is_the_bodys_that_brought_it_in() -> None:
    art = article("i", "Ledger Wire", "Cases doubled to 231, the Global Health Alliance said in "
                  "a report on Friday. The rate stood at 6.1 percent, the report said. \"It "
                  "is getting worse,\" Imre Kastell said in the report.")
    claims = [claim(art, "Cases doubled to 231", "Global Health Alliance", speaker_type="ORG"),
              claim(art, "The rate stood at 6.1 percent", "report"),
              claim(art, "It is getting worse", "Imre Kastell", speaker_type="PERSON")]
    sp = StorySpeakers(claims, [art])
    assert sp.of(claims[1]).label == "Global Health Alliance"
    assert sp.of(claims[2]).label == "Imre Kastell"


def test_speakers_a_report_two_bodies_brought_in_stays_a_role() -> None:
    art = article("j", "Ledger Wire", "The Farmers' Union said in a report that 40 farms shut. "
                  "The Grain Board said in a report that 30 did. The rate fell, the report said.")
    claims = [claim(art, "40 farms shut", "The Farmers' Union", speaker_type="ORG"),
              claim(art, "30 did", "The Grain Board", speaker_type="ORG"),
              claim(art, "The rate fell", "report")]
    sp = StorySpeakers(claims, [art])
    assert sp.of(claims[2]).kind == ROLE


def test_speakers_a_body_named_by_its_remit_and_no_office_word_is_one_source() -> None:
    # "guard", "brigade": heads of bodies no list of office words holds
    first = article("g", "Harbor News", "The coast guard said 12 sailors were missing. The "
                    "fire brigade said the blaze was out.")
    later = article("h", "Coast Post", "The coast guard said 9 sailors were missing.")
    claims = [claim(first, "12 sailors were missing", "coast guard"),
              claim(first, "the blaze was out", "fire brigade"),
              claim(later, "9 sailors were missing", "coast guard")]
    sp = StorySpeakers(claims, [first, later])
    assert sp.same(claims[0], claims[2])
    assert sp.distinct(claims[0], claims[1])


def test_speakers_a_spokesperson_of_a_body_described_by_its_remit_speaks_for_it() -> None:
    first = article("g", "Harbor News", "Fire brigade spokesman Ivo Rask said 12 homes burned. "
                    "The fire brigade said the blaze was out.")
    later = article("h", "Coast Post", "The fire brigade said 14 homes burned.")
    claims = [claim(first, "12 homes burned", "Ivo Rask", speaker_type="PERSON"),
              claim(first, "the blaze was out", "fire brigade"),
              claim(later, "14 homes burned", "fire brigade")]
    sp = StorySpeakers(claims, [first, later])
    assert sp.same(claims[0], claims[2])
    assert sp.of(claims[0]).via == "Ivo Rask"


def test_speakers_a_spokesperson_for_the_body_by_its_head_noun_speaks_for_it() -> None:
    # "a spokesman for the ministry", after the report named the emergency ministry in full
    wire = article("m", "Harlow Press", "The emergency situations ministry said 120 rescuers "
                   "were at work.")
    paper = article("n", "Brask Courier", "The emergency situations ministry said six miners "
                    "were rescued, after rescue teams had worked through the night in the "
                    "cold. Tomas Reidl, a spokesman for the ministry, said about 40 people had "
                    "been working there.")
    claims = [claim(wire, "120 rescuers were at work", "emergency situations ministry"),
              claim(paper, "six miners were rescued", "emergency situations ministry"),
              claim(paper, "about 40 people had been working there", "Tomas Reidl",
                    speaker_type="PERSON")]
    sp = StorySpeakers(claims, [wire, paper])
    assert sp.same(claims[0], claims[2])
    assert sp.of(claims[2]).via == "Tomas Reidl"
    # two ministries in the story: "the ministry" could be either
    other = article("o", "Coast Post", "The mining ministry said the pit would close.")
    more = [*claims, claim(other, "the pit would close", "mining ministry")]
    sp = StorySpeakers(more, [wire, paper, other])
    assert not sp.same(more[0], more[2])


def test_speakers_the_police_of_a_story_are_one_force_its_spokeswoman_speaks_for() -> None:
    wire = article("rail-a", "Trans-Continental Press",
                   "Nine people were killed, regional police said. Police spokeswoman Ilse "
                   "Marrow said 14 were in a critical condition.")
    live = article("rail-b", "Castmoor Courier", "Police now say nine people have died.")
    later = article("rail-c", "Trans-Continental Press",
                    "The toll has risen to 12, police said.", day=5)
    claims = [claim(wire, "Nine people were killed", "regional police"),
              claim(wire, "14 were in a critical condition", "Ilse Marrow",
                    speaker_type="PERSON"),
              claim(live, "nine people have died", "Police"),
              claim(later, "The toll has risen to 12", "police")]
    sp = StorySpeakers(claims, [wire, live, later])
    assert len({sp.of(c).key for c in claims}) == 1
    assert sp.of(claims[1]).via == "Ilse Marrow"
    # a body of which a place has many is still no one body by its head alone
    art = article("g", "Harbor News", "The ministry said 4 died. A ministry said 5 died.")
    two = [claim(art, "4 died", "ministry"), claim(art, "5 died", "A ministry")]
    assert not StorySpeakers(two, [art]).same(*two)


def test_speakers_officials_of_a_remit_speak_for_the_storys_one_body_of_it() -> None:
    wire = article("heat-a", "Continental Wire Service",
                   "The regional health ministry said four people had died.")
    paper = article("heat-b", "The Bayport Sentinel",
                    "Six people have died, regional health officials said. Schools would "
                    "close, officials said. Trains would run, transport officials said.")
    claims = [claim(wire, "four people had died", "health ministry"),
              claim(paper, "Six people have died", "regional health officials"),
              claim(paper, "Schools would close", "officials"),
              claim(paper, "Trains would run", "transport officials")]
    sp = StorySpeakers(claims, [wire, paper])
    assert sp.same(claims[0], claims[1])
    # officials without a remit, or of a remit no body of the story has, stay unknown
    assert sp.of(claims[2]).kind == ROLE and sp.of(claims[3]).kind == ROLE
    # two bodies of the remit: the officials could be either's
    both = article("heat-c", "Tessel Valley Chronicle",
                   "The health ministry said 12 had died. The health agency said 14 had died.")
    two = [claim(both, "12 had died", "health ministry"), claim(both, "14 had died",
                                                                 "health agency"),
           claim(paper, "Six people have died", "regional health officials")]
    assert StorySpeakers(two, [both, paper]).of(two[2]).kind == ROLE


def test_speakers_officials_opening_their_sentence_are_no_name() -> None:
    # "Health bosses" has its capital from its sentence: a description, not a name apart
    wire = article("heat-a", "Continental Wire Service",
                   "The regional health ministry said four people had died.")
    tabloid = article("heat-t", "The Daily Blaze",
                      "Health bosses admitted that scores of people may have been killed.")
    bosses = replace(claim(tabloid, "that scores of people may have been killed",
                           "Health bosses"), speaker_span=Span(0, 13))
    claims = [claim(wire, "four people had died", "health ministry"), bosses]
    sp = StorySpeakers(claims, [wire, tabloid])
    assert sp.of(bosses).kind == ROLE and not sp.distinct(claims[0], bosses)
    # "Health officials" opening a sentence speak for the story's health body
    paper = article("heat-p", "The Bayport Sentinel", "Health officials said six had died.")
    officials = replace(claim(paper, "six had died", "Health officials"),
                        speaker_span=Span(0, 16))
    assert StorySpeakers([claims[0], officials], [wire, paper]).same(claims[0], officials)
    # a people's officials keep their capital: the report writes it mid-sentence too
    review = article("rev", "Continental Review", "Dravenian officials say the gap is easily "
                     "explained, a spokesman for the Dravenian General Staff said.")
    dravenian = replace(claim(review, "the gap is easily explained", "Dravenian officials"),
                        speaker_span=Span(0, 19))
    assert StorySpeakers([dravenian], [review]).of(dravenian).label.startswith("Dravenian")


def test_speakers_officials_at_a_body_opening_their_sentence_speak_as_that_body() -> None:
    # only "Officials" has its capital from the sentence: the body they work at keeps its
    # name, and they join it, as chiefs or staff at a body that speaks do
    wire = article("mill-a", "Ostrel Herald", "Varkos Mining said 40 miners were trapped.")
    paper = article("mill-b", "Tarnvik Post",
                    "Officials at Varkos Mining said on Friday that 52 miners were trapped.")
    firm = claim(wire, "40 miners were trapped", "Varkos Mining", speaker_type="ORG")
    officials = replace(claim(paper, "52 miners were trapped", "Officials at Varkos Mining"),
                        speaker_span=Span(0, 26))
    sp = StorySpeakers([firm, officials], [wire, paper])
    assert sp.same(firm, officials) and sp.of(officials).label == "Varkos Mining"
    # a described source that works at no body stays one unnamed source, whatever names its
    # description holds
    for words in ("Sources close to the talks", "Sources in the Varkos Mining board"):
        sources = article("mill-c", "Velmar News", f"{words} said 60 were trapped.")
        unnamed = replace(claim(sources, "60 were trapped", words),
                          speaker_span=Span(0, len(words)))
        assert StorySpeakers([firm, unnamed], [wire, sources]).of(unnamed).kind == ROLE


def test_speakers_a_described_body_is_the_one_a_place_owns() -> None:
    wire = article("g", "Northline", "Orlavia's defence ministry said 95 soldiers came home.")
    pulse = article("h", "The Daily Pulse", "The defence ministry said 59 soldiers came home.")
    claims = [claim(wire, "95 soldiers came home", "Orlavia's defence ministry",
                    speaker_type="ORG"),
              claim(pulse, "59 soldiers came home", "defence ministry")]
    assert StorySpeakers(claims, [wire, pulse]).same(claims[0], claims[1])
    # two countries' defence ministries: the bare one could be either, and is neither
    other = article("i", "Coast Post", "Tesmark's defence ministry said 101 came home.")
    claims.append(claim(other, "101 came home", "Tesmark's defence ministry",
                        speaker_type="ORG"))
    sp = StorySpeakers(claims, [wire, pulse, other])
    assert not sp.same(claims[0], claims[1]) and not sp.same(claims[2], claims[1])
    assert sp.distinct(claims[0], claims[2])


def test_speakers_a_body_named_in_its_own_style_is_the_one_a_place_owns() -> None:
    # the ministry's own statement names itself "the Ministry of Defence"; a report writes
    # "Orlavia's defence ministry"
    wire = article("g", "Northline", "Orlavia's defence ministry said 95 soldiers came home.")
    statement = article("s", "Ministry of Defence of the Republic of Orlavia",
                        "The Ministry of Defence rejects the allegations.")
    claims = [claim(wire, "95 soldiers came home", "Orlavia's defence ministry",
                    speaker_type="ORG"),
              claim(statement, "the allegations", "Ministry of Defence", speaker_type="ORG")]
    assert StorySpeakers(claims, [wire, statement]).same(claims[0], claims[1])
    # with Tesmark's defence ministry in the story too, it could be either's
    other = article("i", "Coast Post", "Tesmark's defence ministry said 101 came home.")
    claims.append(claim(other, "101 came home", "Tesmark's defence ministry",
                        speaker_type="ORG"))
    sp = StorySpeakers(claims, [wire, statement, other])
    assert not sp.same(claims[0], claims[1]) and not sp.same(claims[2], claims[1])


def test_speakers_a_company_by_its_registered_name_is_the_one_reports_name_short() -> None:
    # the operator's statement speaks as "Varkos Mining Group"; the wire names "Varkos Mining"
    statement = article("s", "Varkos Mining Group", "The company rejects the suggestions.")
    wire = article("w", "Harlow Press", "Varkos Mining denied ignoring any warnings.")
    claims = [claim(statement, "the suggestions", "Varkos Mining Group", stance="denied"),
              claim(wire, "ignoring any warnings", "Varkos Mining", stance="denied",
                    speaker_type="ORG")]
    sp = StorySpeakers(claims, [statement, wire])
    assert sp.same(claims[0], claims[1])
    assert sp.of(claims[0]).label == "Varkos Mining"


def test_speakers_an_unnamed_spokesperson_for_a_story_speaker_is_that_speaker() -> None:
    report = article("r", "Brask Courier", "The mine will stay shut until the inquiry ends, a "
                     "spokesman for Varkos Mining said. Charges were filed, a spokeswoman for "
                     "the prosecutor's office said.")
    wire = article("w", "Harlow Press", "Varkos Mining said 38 workers were underground.")
    claims = [claim(report, "The mine will stay shut until the inquiry ends", "spokesman"),
              claim(report, "Charges were filed", "spokeswoman"),
              claim(wire, "38 workers were underground", "Varkos Mining", speaker_type="ORG")]
    sp = StorySpeakers(claims, [report, wire])
    assert sp.same(claims[0], claims[2])
    # a body the story names nowhere else stays the role it is told as
    assert sp.of(claims[1]).label == "spokeswoman"


def test_speakers_the_place_a_bodys_name_ends_with_gives_it_no_role() -> None:
    # "Lorvana" ends the authority's name as its owner, not as a surname would: the official
    # the broadcaster "Radio Lorvana" cites is nobody the story names
    text = ("The Civil Aviation Authority of Lorvana said it was investigating. Radio Lorvana, "
            "citing an airport official, said flames were seen.")
    a = article("a", "Coastal Wire Service", text)
    claims = [claim(a, "it was investigating", "Civil Aviation Authority of Lorvana",
                    speaker_type="ORG"),
              claim(a, "flames were seen", "airport official")]
    sp = StorySpeakers(claims, [a])
    assert sp.of(claims[1]).kind == ROLE
    assert sp.of(claims[1]).label == "airport official"


def test_an_unnamed_source_is_not_the_body_its_description_names():
    # "close to the police" tells which source it is; it does not make the source the police
    a = article("p", "Harbor Times", "Police said the driver fled. A source close to the police "
                "said the car was stolen. A person familiar with the inquiry said the logs were "
                "missing.")
    claims = [claim(a, "the driver fled", "Police", speaker_type="ORG"),
              claim(a, "the car was stolen", "source close to the police"),
              claim(a, "the logs were missing", "person familiar with the inquiry")]
    sp = StorySpeakers(claims, [a])
    police, source, person = (sp.of(c) for c in claims)
    assert police.kind == NAMED
    assert (source.kind, source.label) == (ROLE, "source close to the police")
    assert (person.kind, person.label) == (ROLE, "person familiar with the inquiry")
    assert not sp.same(claims[0], claims[1]) and source.key != person.key
    # a sentence may open with the noun
    opening = claim(a, "the car was stolen", "Sources close to the police")
    assert sp.of(opening).kind == ROLE


def test_a_spokesperson_speaks_for_the_body_their_title_names_not_the_next_sentences() -> None:
    # "coastguard spokesman Emil Varga said." and then "The Maritime Safety Authority, ...":
    # the authority is named in the next sentence, the coastguard by the title's head noun
    wire = article("s", "Harbor News",
                   "Nearly 2,000 seabirds were found dead, the Kaldoran Coastguard said. "
                   "\u201cThe slick is moving towards the shore,\u201d coastguard spokesman Emil "
                   "Varga said. The Maritime Safety Authority said the well was not capped.")
    tabloid = article("t", "The Daily Blaze", "Coastguard spokesman Emil Varga admitted his "
                      "crews were losing the fight.")
    claims = [claim(wire, "Nearly 2,000 seabirds were found dead", "Kaldoran Coastguard",
                    speaker_type="ORG"),
              claim(wire, "The slick is moving towards the shore", "Emil Varga",
                    speaker_type="PERSON"),
              claim(wire, "the well was not capped", "Maritime Safety Authority",
                    speaker_type="ORG"),
              claim(tabloid, "his crews were losing the fight", "Emil Varga",
                    speaker_type="PERSON")]
    sp = StorySpeakers(claims, [wire, tabloid])
    assert [sp.of(c).label for c in claims] == ["Kaldoran Coastguard", "Kaldoran Coastguard",
                                                "Maritime Safety Authority",
                                                "Kaldoran Coastguard"]
    assert sp.of(claims[3]).via == "Emil Varga"


def test_a_name_before_a_head_noun_is_no_title_of_the_body_alone() -> None:
    # "Green Party spokesman": the Green Party, not the story's one (Unity) party
    art = article("g", "Harbor News", "The Unity Party said it won. Green Party spokesman Ola "
                  "Berg said the count was slow.")
    claims = [claim(art, "it won", "Unity Party", speaker_type="ORG"),
              claim(art, "the count was slow", "Ola Berg", speaker_type="PERSON")]
    sp = StorySpeakers(claims, [art])
    assert sp.of(claims[1]).label == "Ola Berg"


def test_coastguard_officials_are_the_storys_coastguard() -> None:
    art = article("c", "Harbor News", "The Kaldoran Coastguard said 40 boats were out. The "
                  "authority, citing coastguard officials, said the well leaked.")
    claims = [claim(art, "40 boats were out", "Kaldoran Coastguard", speaker_type="ORG"),
              claim(art, "the well leaked", "coastguard officials")]
    sp = StorySpeakers(claims, [art])
    assert sp.same(claims[0], claims[1])


def test_an_irregular_plurals_possessive_is_part_of_the_name() -> None:
    # "Fishermen's" is a plural inside the name, as "Workers'" is; "Kaldora's" is an owner
    art = article("f", "Nordhaven Post", "The Skerrin Fishermen's Association said boats were "
                  "idle. Kaldora's Marine Institute said the slick grew.")
    claims = [claim(art, "boats were idle", "Skerrin Fishermen's Association",
                    speaker_type="ORG"),
              claim(art, "the slick grew", "Kaldora's Marine Institute", speaker_type="ORG")]
    sp = StorySpeakers(claims, [art])
    assert [sp.of(c).label for c in claims] == ["Skerrin Fishermen's Association",
                                                "Marine Institute"]


def test_a_spokesperson_of_the_company_speaks_for_the_firm_named_before() -> None:
    # "the company's spokeswoman, Nora Keel": the company is the firm the report named
    # before her, as "coastguard spokesman Emil Varga" is the coastguard's
    wire = article("w", "Harbor News",
                   "Tarnvik Energy denied that it had been negligent. \u201cThe rig passed every "
                   "inspection,\u201d the company's spokeswoman, Ina Lund, said. Sea Watch said "
                   "the leak was hidden.")
    claims = [claim(wire, "that it had been negligent", "Tarnvik Energy", speaker_type="ORG"),
              claim(wire, "The rig passed every inspection", "Ina Lund", speaker_type="PERSON"),
              claim(wire, "the leak was hidden", "Sea Watch", speaker_type="ORG")]
    sp = StorySpeakers(claims, [wire])
    assert [sp.of(c).label for c in claims] == ["Tarnvik Energy", "Tarnvik Energy", "Sea Watch"]
    assert sp.of(claims[1]).via == "Ina Lund"


def test_a_spokesperson_of_a_company_named_nowhere_before_speaks_as_herself() -> None:
    wire = article("w", "Harbor News", "\u201cThe rig passed every inspection,\u201d the "
                   "company's spokeswoman, Ina Lund, said. Sea Watch said the leak was hidden.")
    claims = [claim(wire, "The rig passed every inspection", "Ina Lund", speaker_type="PERSON"),
              claim(wire, "the leak was hidden", "Sea Watch", speaker_type="ORG")]
    assert StorySpeakers(claims, [wire]).of(claims[0]).label == "Ina Lund"


def test_speakers_a_firms_short_name_read_as_a_place_in_one_report_is_the_firm() -> None:
    """"Quellmark said" in a report that never names Quellmark Motors in full: the
    recogniser's place label there does not keep it from the firm another report found."""
    wire = article("w", "Velmark Press Agency",
                   "Quellmark Motors is recalling vehicles, the carmaker said. Quellmark denied "
                   "that it had delayed the recall.")
    weekly = article("k", "Consumer Weekly",
                     "Quellmark said it had not seen the association's figures.")
    claims = [claim(wire, "Quellmark Motors is recalling vehicles", "Quellmark Motors",
                    speaker_type="ORG"),
              claim(wire, "that it had delayed the recall", "Quellmark", speaker_type="ORG"),
              claim(weekly, "it had not seen the association's figures", "Quellmark",
                    speaker_type="GPE")]
    sp = StorySpeakers(claims, [wire, weekly])
    assert {sp.of(c).label for c in claims} == {"Quellmark Motors"}


def test_a_title_opening_a_headline_is_the_role_the_report_gives_a_name() -> None:
    # "Mayor says ..." opens the headline with a capital; the report writes "the mayor of
    # Tarn, Edda Morlan" in lower case: the mayor is Edda Morlan, nobody named Mayor
    paper = article("isle", "Island Herald",
                    "Mayor says hundreds still in the valley. At least 500 people are still in "
                    "the valley, the mayor of Tarn, Edda Morlan, said on Friday.")
    headline = replace(claim(paper, "hundreds still in the valley", "Mayor"),
                       speaker_span=Span(0, 5))
    claims = [headline, claim(paper, "At least 500 people are still in the valley",
                              "Edda Morlan", speaker_type="PERSON")]
    sp = StorySpeakers(claims, [paper])
    assert sp.of(headline).label == "Edda Morlan" and sp.same(*claims)
    # a one-word name the report never writes in lower case stays a name ("Quellmark")
    firm = article("firm", "Motor Pulse", "Quellmark said the fault was rare. It rained.")
    named = replace(claim(firm, "the fault was rare", "Quellmark"), speaker_span=Span(0, 9))
    assert StorySpeakers([named], [firm]).of(named).kind == NAMED


def test_speakers_a_body_publishing_under_its_countrys_word_speaks_its_own_statements() -> None:
    # the ministry's own statement, put out as "Orlandian Health Ministry", is the Health
    # Ministry the news reports quote; a paper named after a place stays a paper
    news = article("h1", "Tarvik Daily", "The Health Ministry said 40 people were in hospital. "
                   "Officials in the Orlandian capital said schools were shut.")
    own = article("h2", "Orlandian Health Ministry", "Forty-two people are in hospital.")
    paper = article("h3", "Tarvik Health Weekly", "Clinics were busy.")
    claims = [claim(news, "40 people were in hospital", "Health Ministry", speaker_type="ORG"),
              claim(own, "Forty-two people are in hospital", None),
              claim(paper, "Clinics were busy", None)]
    sp = StorySpeakers(claims, [news, own, paper])
    assert sp.of(claims[1]).label == "Health Ministry" and sp.same(claims[0], claims[1])
    assert sp.of(claims[2]).kind == OUTLET


def test_records_that_name_no_owner_are_the_reports_own_source() -> None:
    # a ministry's own release: "Data show ..." is the ministry's finding, no named source of
    # its own beside it (a capital that opens the sentence names nobody)
    release = article("m", "Ostrel Ministry of Agriculture",
                      "The Ostrel Ministry of Agriculture said 4,100 farms were flooded. Data "
                      "show the harvest fell by about 30 percent.")
    paper = article("p", "The Harbour Courier",
                    "Gauge readings show the river crested at 6.2 metres. Police figures put "
                    "the number of people rescued at 140. Meridex data show 12 roads closed, "
                    "a report by Meridex said.")
    notes = article("n", "Delta Notes", "Satellite images show 300 homes under water.")
    claims = [
        claim(release, "4,100 farms were flooded", "The Ostrel Ministry of Agriculture",
              speaker_type="ORG"),
        claim(release, "the harvest fell by about 30 percent", "Data"),
        claim(paper, "the river crested at 6.2 metres", "Gauge readings"),
        claim(paper, "the number of people rescued at 140", "Police figures"),
        claim(paper, "12 roads closed", "Meridex data"),
        claim(notes, "300 homes under water", "Satellite images"),
    ]
    sp = StorySpeakers(claims, [release, paper, notes])
    assert sp.same(claims[1], claims[0])
    assert sp.of(claims[1]).label == "Ostrel Ministry of Agriculture"
    # in a report that quotes others, records without an owner are no named source
    assert sp.of(claims[2]).kind == ROLE
    # in a report in which no one else speaks, the report's own telling
    assert sp.of(claims[5]).kind == OUTLET
    # records whose words name whose they are keep that owner
    assert sp.of(claims[3]).kind != OUTLET
    assert sp.of(claims[4]).label == "Meridex data"
