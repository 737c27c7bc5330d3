"""compare_story on hand-built claims (no models: a bag-of-words stand-in for embeddings)."""

from dataclasses import replace

import pytest

from corroborator.compare import compare_story
from corroborator.compare.propositions import group_claims
from corroborator.compare.quote_variants import paraphrases, quotes_differ
from corroborator.records import Change, Derivation, Story

from .helpers import COPY, LATER, REWRITE, TROOPS, WIRE, article, bow_embed, claim, example_claims


def _run(settings, derivations=()):
    arts = [WIRE, COPY, REWRITE, LATER]
    story = Story("s1", "Brenmoor", tuple(a.id for a in arts))
    edges = [Derivation("copy", "wire", "copy", 1.0), *derivations]
    return compare_story(story, arts, example_claims(), edges, settings, embed_fn=bow_embed)


def _kinds(result):
    return sorted({c.kind for c in result.conflicts})


def test_compare_finds_each_kind(settings) -> None:
    result = _run(settings)
    assert _kinds(result) == ["misreport", "quote-variant", "source-disagreement", "update"]


def test_compare_compatible_vague_figures_never_conflict(settings) -> None:
    result = _run(settings)
    troops = {c.id for c in example_claims() if c.quantities and c.quantities[0].measured == TROOPS}
    for conflict in result.conflicts:
        assert not troops & set(conflict.claim_ids), conflict.explanation
    together = [p for p in result.propositions if troops <= set(p.claim_ids)]
    assert len(together) == 1  # "thousands" and "more than 10,000" corroborate each other


def test_compare_copies_are_one_independent_source(settings) -> None:
    result = _run(settings)
    by_claim = {cid: p for p in result.propositions for cid in p.claim_ids}
    nearly = [c for c in example_claims() if c.quantities and c.quantities[0].text == "nearly 2,000"]
    prop = by_claim[nearly[0].id]
    assert by_claim[nearly[1].id] is prop
    assert prop.independent_sources == 1  # the wire and its copy are one lineage
    assert prop.status == "conflicting"


def test_compare_explanations_name_outlets_speakers_figures(settings) -> None:
    result = _run(settings)
    misreport = next(c for c in result.conflicts if c.kind == "misreport")
    for needle in ("Daily Rundown", "Meridian Press", "Lena Vostrikova", "nearly 2,000",
                   "More than 2,000"):
        assert needle in misreport.explanation
    update = next(c for c in result.conflicts if c.kind == "update")
    assert "2,400" in update.explanation and "Kestrel Bay Tribune" in update.explanation


def test_compare_figure_changed_along_edge_is_a_misreport(settings) -> None:
    src = article("s", "Harbor", "The museum said about 1,200 visitors came on Sunday.", day=1)
    dst = article("d", "Weekly", "The museum said 2,500 visitors came on Sunday.", day=2)
    edge = Derivation("d", "s", "rewrite", 0.8, (Change("figure", "about 1,200", "2,500"),))
    story = Story("s2", None, ("s", "d"))
    result = compare_story(story, [src, dst], [], [edge], settings, embed_fn=bow_embed)
    assert [c.kind for c in result.conflicts] == ["misreport"]
    assert len(result.added_claims) == 2
    same = Derivation("d", "s", "rewrite", 0.8, (Change("figure", "about 1,200", "some 1,200"),))
    dst2 = article("d", "Weekly", "The museum said some 1,200 visitors came on Sunday.", day=2)
    result = compare_story(story, [src, dst2], [], [same], settings, embed_fn=bow_embed)
    assert result.conflicts == ()


def test_compare_timeline_first_appearance_and_update(settings) -> None:
    result = _run(settings)
    assert result.timeline[0]["outlet"] == "Meridian Press"
    updates = [ch for e in result.timeline for ch in e["changes"] if ch["kind"] == "update"]
    assert updates and updates[0]["to"] == "2,400"


def test_group_claims_respects_cannot_link() -> None:
    claims = example_claims()[:3]
    a, b, c = (x.id for x in claims)
    groups = group_claims(claims, [(a, c, 0.9), (b, c, 0.8)], {frozenset((a, b))})
    assert sorted(map(len, groups)) == [1, 2]


def test_compare_quote_added_by_a_found_rewrite_is_a_quote_variant(settings) -> None:
    """Once the rewrite is known to derive from the wire, the quotation it puts in the
    bureau's mouth is still a variant of the wire's indirect report of the same point."""
    rewrite_edge = Derivation("rewrite", "wire", "rewrite", 0.7)
    result = _run(settings, derivations=[rewrite_edge])
    [variant] = [c for c in result.conflicts if c.kind == "quote-variant"]
    assert "does not carry" in variant.explanation
    assert "Meridian Press" in variant.explanation and "Daily Rundown" in variant.explanation


def test_compare_quote_the_source_carries_is_no_variant_in_its_lineage(settings) -> None:
    """The wire quotes the bureau; its rewrite keeps only the indirect point: trimming a
    quotation along a derivation is not a variant."""
    wire = article("w", "Meridian Press", 'The bureau said: "Halvorian units were never '
                   'trained for mountain warfare and are losing men."', day=6)
    rewrite = article("r", "Daily Rundown", "Halvorian units had never trained for mountain "
                      "warfare and were losing men, the bureau said.", day=7)
    claims = [
        claim(wire, "Halvorian units were never trained for mountain warfare and are losing men",
              "National Security Bureau", speaker_type="ORG",
              quote="Halvorian units were never trained for mountain warfare and are losing men."),
        claim(rewrite, "Halvorian units had never trained for mountain warfare and were losing "
              "men", "National Security Bureau", speaker_type="ORG"),
    ]
    story = Story("s3", None, ("w", "r"))
    edge = Derivation("r", "w", "rewrite", 0.7)
    result = compare_story(story, [wire, rewrite], claims, [edge], settings, embed_fn=bow_embed)
    assert [c.kind for c in result.conflicts] == []


def _two_reports(settings, first_text: str, second_text: str, first: str, second: str,
                 quote: str):
    a = article("a", "Market Wire", first_text, day=3)
    b = article("b", "Daily Ledger", second_text, day=3, hour=14)
    claims = [claim(a, first, "Lena Hart", quote=quote, speaker_type="PERSON"),
              claim(b, second, "Lena Hart", speaker_type="PERSON")]
    return compare_story(Story("s", None, ("a", "b")), [a, b], claims, [], settings,
                         embed_fn=bow_embed)


def test_compare_a_few_quoted_words_are_no_variant_of_the_claims_other_half(settings) -> None:
    """'expected "a strong finish to the year" and would hire engineers in Daleport' quotes
    the outlook; another outlet's report of the hiring is not that point in other words."""
    result = _two_reports(
        settings,
        'Hart said the company expected "a strong finish to the year" and would hire '
        "engineers at its plant in Daleport.",
        "Hart said the company would hire engineers at its plant in Daleport.",
        'the company expected "a strong finish to the year" and would hire engineers at its '
        "plant in Daleport",
        "the company would hire engineers at its plant in Daleport",
        quote="a strong finish to the year")
    assert [c.kind for c in result.conflicts] == []


def test_compare_a_quotation_that_is_the_whole_point_still_varies(settings) -> None:
    result = _two_reports(
        settings,
        'Hart said: "We will hire engineers at the plant in Daleport this winter."',
        "Hart said the company would hire engineers at its plant in Daleport.",
        '"We will hire engineers at the plant in Daleport this winter."',
        "the company would hire engineers at its plant in Daleport",
        quote="We will hire engineers at the plant in Daleport this winter.")
    assert [c.kind for c in result.conflicts] == ["quote-variant"]


def test_compare_a_denial_is_no_report_of_the_words_quoted_instead(settings) -> None:
    """What a speaker is said to deny is not her words: the quotation of what she asserted
    instead is no variant of it (a report of the same point in other words would be)."""
    a = article("a", "Market Wire", 'Hart said: "Every village inside the zone was warned '
                "within minutes of the first alarm.\"", day=3)
    b = article("b", "Daily Ledger", "Hart denied that the villages inside the zone were "
                "warned too late after the first alarm.", day=3, hour=14)
    quoted = claim(a, '"Every village inside the zone was warned within minutes of the first '
                   'alarm."', "Lena Hart", speaker_type="PERSON",
                   quote="Every village inside the zone was warned within minutes of the "
                   "first alarm.")
    for stance, kinds in (("denied", []), ("stated", ["quote-variant"])):
        told = claim(b, "that the villages inside the zone were warned too late after the "
                     "first alarm", "Lena Hart", speaker_type="PERSON", stance=stance)
        result = compare_story(Story("s", None, ("a", "b")), [a, b], [quoted, told], [],
                               settings, embed_fn=bow_embed)
        assert [c.kind for c in result.conflicts] == kinds, stance


@pytest.mark.parametrize(("second", "variant"), [
    # the quotation told back in indirect speech, tense shifted, "without" as "with no"
    ("Hart said that ballots had been moved between polling stations with no observers "
     "present", False),
    # a word of its own, or a hedge, says something else
    ("Hart said that ballots had been moved between polling stations with no police "
     "present", True),
    ("Hart said that ballots had apparently been moved between polling stations with no "
     "observers present", True),
])
def test_compare_the_quotations_own_words_told_indirectly_are_no_variant(
        settings, second: str, variant: bool) -> None:
    result = _two_reports(
        settings,
        'Hart said: "Ballots were moved between polling stations without observers present."',
        second + ".",
        '"Ballots were moved between polling stations without observers present."',
        second.removeprefix("Hart said "),
        quote="Ballots were moved between polling stations without observers present.")
    assert ([c.kind for c in result.conflicts] == ["quote-variant"]) is variant


@pytest.mark.parametrize(("said", "same"), [
    ("that ballots had been moved between polling stations with no observers present", True),
    ("ballots had been moved between polling stations without observers", True),
    # denied as often or not; too few words to tell; a word of its own
    ("that ballots had not been moved between polling stations with no observers present",
     False),
    ("ballots were moved", False),
    ("that ballots were secretly moved between polling stations", False),
    # the quotation's words recast in another order
    ("that observers were not present when ballots were moved between polling stations",
     False),
])
def test_a_report_paraphrases_a_quotation_in_its_own_words(said: str, same: bool) -> None:
    assert paraphrases(said, "Ballots were moved between polling stations without observers "
                       "present.") is same


def test_an_expectation_recast_in_the_passive_is_no_paraphrase() -> None:
    assert not paraphrases("the number of victims was expected to rise",
                           "We expect the number of victims to rise as we reach the remote "
                           "villages")


@pytest.mark.parametrize(("a", "b", "differ"), [
    # words of substance swapped inside a near-identical quotation
    ("We will do what it takes to bring inflation back to target, and we will not stop",
     "We will do whatever it takes to bring inflation down, and we won't stop", True),
    ("No family will be left alone", "We will not leave any family alone", True),
    # one verb swapped inside one quoted sentence, the words around it the same
    ("We are asking people to check on elderly neighbours twice a day",
     "We are asking people to look in on their elderly neighbours twice a day", True),
    # spellings and a swap at the quotation's end (a trim) are no rewording
    ("the labour market is strong and getting stronger",
     "the labor market is strong and getting stronger", False),
    ("prices rose 5 per cent in the year to March",
     "prices rose 5 percent in the year to March", False),
    ("Many of them came back exhausted and underweight",
     "Many of them came back exhausted and thin", False),
    # a contraction, a dropped article, a truncation: one quotation
    # a hedge put into a quotation changes what was said
    ("We deny that we broke any rule", "We deny reportedly that we broke any rule", True),
    ("We will not leave any family alone", "We won't leave any family alone", False),
    ("as we reach the remote villages", "as we reach remote villages", False),
    ("The wind turned on us overnight and we lost ground", "The wind turned on us", False),
])
def test_quotes_differ_by_substance_not_by_small_edits(a, b, differ) -> None:
    assert quotes_differ(a, b, 80.0) is differ


def test_compare_a_trimmed_quotation_elsewhere_is_the_same_quotation(settings) -> None:
    """'cut a single corner' and 'cut corners' are one quotation, too far apart for the text
    search: the speaker's other remark in that report is no variant of it."""
    a = article("a", "Market Wire", 'Hart said her client "never asked anyone to cut a single '
                'corner" on the aircraft.', day=3)
    b = article("b", "Daily Ledger", 'Hart insisted her client had "never asked anyone to cut '
                'corners". Hart said her client never cut corners on the aircraft.', day=3,
                hour=14)
    claims = [
        claim(a, 'her client "never asked anyone to cut a single corner" on the aircraft',
              "Lena Hart", quote="never asked anyone to cut a single corner",
              speaker_type="PERSON"),
        claim(b, 'her client had "never asked anyone to cut corners"', "Lena Hart",
              quote="never asked anyone to cut corners", speaker_type="PERSON"),
        claim(b, "her client never cut corners on the aircraft", "Lena Hart",
              speaker_type="PERSON"),
    ]
    result = compare_story(Story("s", None, ("a", "b")), [a, b], claims, [], settings,
                           embed_fn=bow_embed)
    assert [c.kind for c in result.conflicts] == []


@pytest.mark.parametrize(("second_speaker", "kinds"), [
    ("Lena Hart", ["misreport"]),  # one source: the later outlet misreports her
    ("Omar Dask", []),  # two sources: both figures may hold
])
def test_compare_numbers_under_one_hedge_are_told_apart_for_one_source(
        settings, second_speaker, kinds) -> None:
    """'at least 14 aircraft' and 'at least 40 aircraft' both fit what happened, but not
    both are what one prosecutor said."""
    a = article("a", "Market Wire", "Lena Hart said at least 14 aircraft were affected.", day=3)
    b = article("b", "Daily Ledger", f"{second_speaker} said at least 40 aircraft were "
                "affected.", day=3, hour=14)
    claims = [claim(a, "at least 14 aircraft were affected", "Lena Hart",
                    measured="aircraft affected", speaker_type="PERSON"),
              claim(b, "at least 40 aircraft were affected", second_speaker,
                    measured="aircraft affected", speaker_type="PERSON")]
    result = compare_story(Story("s", None, ("a", "b")), [a, b], claims, [], settings,
                           embed_fn=bow_embed)
    assert [c.kind for c in result.conflicts] == kinds
    assert all("“at least 40”" in c.explanation for c in result.conflicts)


def test_a_report_told_as_another_outlets_is_that_outlets_source(settings) -> None:
    agency = article("harbour", "Harbour News Agency",
                     "The intelligence service said 11,000 troops had been deployed.", day=3)
    broadcaster = article("nine", "Channel 9 World",
                          "The intelligence service said 11,000 troops had been deployed, "
                          "the agency said.", day=3, hour=14)
    claims = [claim(agency, "11,000 troops had been deployed", "National Intelligence Service",
                    measured="troops deployed", speaker_type="ORG"),
              claim(broadcaster, "The intelligence service said 11,000 troops had been deployed",
                    "Harbour News Agency", measured="troops deployed", speaker_type="ORG")]
    story = Story("s", None, ("harbour", "nine"))
    result = compare_story(story, [agency, broadcaster], claims, [], settings,
                           embed_fn=bow_embed)
    (together,) = [p for p in result.propositions if len(p.claim_ids) == 2]
    assert together.independent_sources == 1


def test_compare_phrases_quoted_out_of_a_sentence_quoted_whole_are_no_variant(settings) -> None:
    """One report quotes the speaker's two sentences whole, another two phrases out of them
    joined in one claim ('had "lost the trust of the town" and turned the office "into a
    shop"'): the second quotes the first's words, not others."""
    whole = article("a", "Statement", '"The defendant lost the trust of the town he was elected '
                    'to serve," said the judge, Lena Hart. "A mayor who sells permits turns '
                    'his office into a shop."', day=3)
    pieces = article("b", "Market Wire", 'Judge Lena Hart said Ravel had "lost the trust '
                     'of the town he was elected to serve" and had turned his office "into a '
                     'shop".', day=3, hour=14)
    claims = [
        claim(whole, '"The defendant lost the trust of the town he was elected to serve,"',
              "Lena Hart",
              quote="The defendant lost the trust of the town he was elected to serve",
              speaker_type="PERSON"),
        claim(whole, '"A mayor who sells permits turns his office into a shop."', "Lena Hart",
              quote="A mayor who sells permits turns his office into a shop.",
              speaker_type="PERSON"),
        claim(pieces, 'Ravel had "lost the trust of the town he was elected to serve" and '
              'had turned his office "into a shop"', "Lena Hart",
              quote="lost the trust of the town he was elected to serve … into a shop",
              speaker_type="PERSON"),
    ]
    result = compare_story(Story("s", None, ("a", "b")), [whole, pieces], claims, [], settings,
                           embed_fn=bow_embed)
    assert [c.kind for c in result.conflicts] == []


def _rail(settings):
    release = article("rail-a", "Northvale Rail",
                      "The train was travelling at 118 km/h when it derailed. The train was "
                      "carrying 214 passengers and 6 crew.", day=4, hour=12)
    tabloid = article("rail-b", "Daily Clarion",
                      "Northvale Rail claimed the train was doing roughly 120 km/h, with more "
                      "than 200 passengers on board.", day=4, hour=15)
    followup = article("rail-c", "Trans-Continental Press",
                       "Northvale Rail said the train was carrying 220 people.", day=5)
    def counting(found, *units, measured=()):  # the parse names what a figure counts
        return replace(found, quantities=tuple(
            replace(q, unit=u, measured=m or q.measured) for q, u, m in
            zip(found.quantities, units, measured or [None] * len(units), strict=True)))

    claims = [
        claim(release, "The train was travelling at 118 km/h when it derailed", "Northvale Rail",
              measured="train travelling", speaker_type="ORG"),
        claim(release, "The train was carrying 214 passengers and 6 crew", "Northvale Rail",
              measured="train carrying passengers", speaker_type="ORG"),
        claim(tabloid, "the train was doing roughly 120 km/h, with more than 200 passengers on "
              "board", "Northvale Rail", measured="train carrying passengers",
              speaker_type="ORG"),
        claim(followup, "the train was carrying 220 people", "Northvale Rail",
              measured="train carrying people", speaker_type="ORG"),
    ]
    claims[1] = counting(claims[1], "passengers", "crew")
    claims[2] = counting(claims[2], "kilometre per hour", "passengers",
                         measured=("train travelling", "train carrying passengers"))
    claims[3] = counting(claims[3], "people")
    arts = [release, tabloid, followup]
    story = Story("rail", "Brackwell", tuple(a.id for a in arts))
    return claims, compare_story(story, arts, claims, [], settings, embed_fn=bow_embed)


def test_compare_a_speed_and_a_headcount_are_two_propositions(settings) -> None:
    """A claim that gives both ("doing 120 km/h with more than 200 passengers") joins one of
    them; it does not make the operator's speed and headcount one proposition."""
    claims, result = _rail(settings)
    by_claim = {cid: p.id for p in result.propositions for cid in p.claim_ids}
    assert by_claim[claims[0].id] != by_claim[claims[1].id]


def test_compare_a_total_of_parts_is_no_update_of_a_part(settings) -> None:
    """"220 people" a day later are the "214 passengers and 6 crew": no new figure."""
    claims, result = _rail(settings)
    for conflict in result.conflicts:
        assert claims[3].id not in conflict.claim_ids, conflict.explanation


LIVE_PAGE = ("10:02\nPolice now say nine people have died.\n09:15\nPolice say at least six people "
             "have died.\n08:35\nA train has derailed.")


def test_compare_a_live_pages_later_entry_updates_its_earlier_one(settings) -> None:
    page = article("rail-live", "Castmoor Courier", LIVE_PAGE, day=24, hour=8)
    later = article("rail-next", "Trans-Continental Press",
                    "The toll has risen to 12, police said.", day=25)
    claims = [claim(page, "nine people have died", "Police", measured="people died"),
              claim(page, "at least six people have died", "Police", measured="people died"),
              claim(later, "The toll has risen to 12", "police", measured="people died")]
    claims = [replace(c, quantities=tuple(replace(q, unit="people") for q in c.quantities))
              for c in claims]
    story = Story("rail", "Brackwell", (page.id, later.id))
    result = compare_story(story, [page, later], claims, [], settings, embed_fn=bow_embed)
    updates = [c for c in result.conflicts if c.kind == "update"]
    # at least six (09:15) -> nine (10:02) -> 12: no update straight from six to 12
    assert [c.claim_ids for c in updates] == [(claims[1].id, claims[0].id),
                                              (claims[0].id, claims[2].id)]
    assert "(Castmoor Courier, 24 May 2026, 09:15) to “nine” (Castmoor Courier, 24 May 2026, " \
           "10:02)" in updates[0].explanation


def test_compare_police_who_now_say_a_new_toll_update_it(settings) -> None:
    early = article("toll-a", "Wire", "Police said at least six people have died.", day=24, hour=9)
    late = article("toll-b", "Courier", "Police now say nine people have died.", day=24, hour=11)
    claims = [claim(early, "at least six people have died", "Police", measured="people died"),
              claim(late, "nine people have died", "Police", measured="people died")]
    claims = [replace(c, quantities=tuple(replace(q, unit="people") for q in c.quantities))
              for c in claims]
    story = Story("toll", None, (early.id, late.id))
    result = compare_story(story, [early, late], claims, [], settings, embed_fn=bow_embed)
    assert [c.kind for c in result.conflicts] == ["update"]


def test_compare_a_live_pages_summary_repeats_no_earlier_entry(settings) -> None:
    """The key points above a live page's first entry sum up its latest one: their "11"
    against an earlier entry's "six", told by the police, is the page's newer state, not the
    page repeating its own report with a figure changed."""
    text = ("Key points\n- 11 miners rescued\n19:45\nPolice say 11 miners have been rescued.\n"
            "09:05\nPolice say six miners have been rescued.")
    page = article("pit-live", "Brask Star", text, day=17, hour=7)
    claims = [claim(page, "11 miners rescued", None, measured="miners rescued"),
              claim(page, "six miners have been rescued", "Police", measured="miners rescued")]
    claims = [replace(c, quantities=tuple(replace(q, unit="miners") for q in c.quantities))
              for c in claims]
    story = Story("pit", None, (page.id,))
    result = compare_story(story, [page], claims, [], settings, embed_fn=bow_embed)
    assert "misreport" not in [c.kind for c in result.conflicts]


def test_compare_a_quotation_a_copy_carries_is_the_originals_and_no_independent_reports(
        settings) -> None:
    """The wire quotes Hart and a syndicated copy carries the words on; an independent report
    sums the point up. The quotation is the wire's, and the copy does carry it: it is found
    in no *independent* report."""
    quote = "We will hire engineers at the plant in Daleport this winter."
    quoted = f'Hart said: "{quote}"'
    wire = article("w", "Market Wire", quoted, day=3)
    copy = article("c", "Valley Post", quoted + " This article first appeared on Market Wire.",
                   day=3, hour=13)
    ledger = article("l", "Daily Ledger",
                     "Hart said the company would hire engineers at its plant in Daleport.",
                     day=3, hour=14)
    # the copy's claim comes first, as a store may list it
    claims = [claim(copy, f'"{quote}"', "Lena Hart", quote=quote, speaker_type="PERSON"),
              claim(wire, f'"{quote}"', "Lena Hart", quote=quote, speaker_type="PERSON"),
              claim(ledger, "the company would hire engineers at its plant in Daleport",
                    "Lena Hart", speaker_type="PERSON")]
    result = compare_story(Story("s", None, ("w", "c", "l")), [wire, copy, ledger], claims,
                           [Derivation("c", "w", "copy", 1.0)], settings, embed_fn=bow_embed)
    (variant,) = [c for c in result.conflicts if c.kind == "quote-variant"]
    assert variant.explanation.startswith("Market Wire quotes Lena Hart"), variant.explanation
    assert "words found in no independent report" in variant.explanation
