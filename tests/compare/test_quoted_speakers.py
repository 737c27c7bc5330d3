"""Quoted words one report gives to one speaker and another report to someone else."""

from corroborator.compare import compare_story
from corroborator.records import Story

from .helpers import article, bow_embed, claim


def _reports(settings, rewrite_text: str, rewrite_content: str, rewrite_quote: str,
             rewrite_speaker: str):
    wire = article("w", "Market Wire", 'His lawyer, Lena Hart, said Omar Dask had told her he '
                   'was "the target of a long campaign of lies" by rivals.', day=3)
    rewrite = article("r", "Daily Flash", rewrite_text, day=3, hour=16)
    claims = [
        claim(wire, 'Omar Dask had told her he was "the target of a long campaign of lies" by '
              "rivals", "Lena Hart", quote="the target of a long campaign of lies",
              speaker_type="PERSON"),
        claim(rewrite, rewrite_content, rewrite_speaker, quote=rewrite_quote,
              speaker_type="PERSON"),
    ]
    return compare_story(Story("s", None, ("w", "r")), [wire, rewrite], claims, [], settings,
                         embed_fn=bow_embed)


def test_a_relayed_remark_quoted_as_the_clients_own_words_is_a_variant(settings) -> None:
    result = _reports(settings, 'Dask hit back. "I am the target of a long campaign of lies," '
                      "he said.", '"I am the target of a long campaign of lies,"',
                      "I am the target of a long campaign of lies", "Omar Dask")
    [variant] = result.conflicts
    assert variant.kind == "quote-variant"
    assert "Daily Flash quotes Omar Dask" in variant.explanation
    assert "has these words from Lena Hart, telling what Omar Dask said" in variant.explanation


def test_the_same_speaker_quoted_in_the_same_words_is_no_variant(settings) -> None:
    result = _reports(settings, 'Hart said: "He is the target of a long campaign of lies."',
                      '"He is the target of a long campaign of lies."',
                      "He is the target of a long campaign of lies", "Lena Hart")
    assert list(result.conflicts) == []


def test_a_few_words_two_speakers_share_are_no_variant(settings) -> None:
    result = _reports(settings, 'Dask said: "We will see who is the target here."',
                      '"We will see who is the target here."',
                      "We will see who is the target here", "Omar Dask")
    assert [c.kind for c in result.conflicts] == []


def test_a_sentence_quoted_whole_and_in_pieces_is_one_claim_of_two_sources(settings) -> None:
    """The court's statement quotes the judge's sentence whole, the wire phrases of it amid
    its own words: one remark, told by two independent sources."""
    whole = article("a", "Statement", '"The defendant lost the trust of the town he was elected '
                    'to serve," said the judge, Lena Hart.', day=3)
    pieces = article("b", "Market Wire", 'Judge Lena Hart said that by taking money from the '
                     "builders who won every road contract in the region since 2019, Ravel had "
                     '"lost the trust of the town he was elected to serve" and sold his office '
                     "to the highest bidder.", day=3, hour=14)
    claims = [
        claim(whole, '"The defendant lost the trust of the town he was elected to serve,"',
              "Lena Hart", speaker_type="PERSON",
              quote="The defendant lost the trust of the town he was elected to serve"),
        claim(pieces, "by taking money from the builders who won every road contract in the "
              'region since 2019, Ravel had "lost the trust of the town he was elected to serve" '
              "and sold his office to the highest bidder", "Lena Hart", speaker_type="PERSON",
              quote="lost the trust of the town he was elected to serve"),
    ]
    result = compare_story(Story("s", None, ("a", "b")), [whole, pieces], claims, [], settings,
                           embed_fn=bow_embed)
    [remark] = [p for p in result.propositions if len(p.claim_ids) == 2]
    assert remark.independent_sources == 2


def test_a_claim_before_a_quotation_in_its_sentence_does_not_quote_it(settings) -> None:
    """"denied X and called it 'a fantasy'": two claims of one sentence; only the second
    quotes, so the first is no claim of the quotation another report carries."""
    text = ('The ministry denied that its troops had suffered heavy losses and called the '
            'estimate "a fantasy written for foreign newspapers."')
    first, second = article("a", "Market Wire", text, day=3), article("b", "Daily Flash", text,
                                                                       day=3, hour=5)
    claims = [
        claim(art, content, "Ministry of Defence", speaker_type="ORG")
        for art in (first, second)
        for content in ("that its troops had suffered heavy losses",
                        'the estimate "a fantasy written for foreign newspapers."')
    ]
    result = compare_story(Story("s", None, ("a", "b")), [first, second], claims, [], settings,
                           embed_fn=bow_embed)
    denial = {c.id for c in claims if c.content_span.start < text.index(" and called")}
    for proposition in result.propositions:
        held = set(proposition.claim_ids)
        assert held <= denial or not held & denial  # the denial is never the quotation's claim


def _chair_and_spokesman(settings, rewrite_text: str, rewrite_content: str, rewrite_quote: str,
                         rewrite_speaker: str = "Daniel Ferro",
                         rewrite_speaker_type: str | None = "PERSON", known: bool = True,
                         chair_in_rewrite: str | None = None):
    """The wire's chair, a rewrite's words under ``rewrite_speaker`` (and, when given, its
    ``chair_in_rewrite`` quoted under the chair) and, when ``known``, a broadcaster that
    hears both the chair and the spokesman in words of their own (so both speak in two
    lineages of the story, as sources the reports know)."""
    wire = article("w", "Norvan Wire", 'The commission chair, Mira Olsen, said about 2,500 '
                   'ballots were disputed, "a normal number for an election of this size".',
                   day=3)
    rewrite = article("r", "The Patriot", rewrite_text, day=3, hour=16)
    radio = article("k", "KTV News", "Mira Olsen said the count would end by noon. Daniel Ferro "
                    "said the party would wait for the final result.", day=3, hour=18)
    claims = [
        claim(wire, 'about 2,500 ballots were disputed, "a normal number for an election of '
              'this size"', "Mira Olsen", quote="a normal number for an election of this size",
              speaker_type="PERSON"),
        claim(rewrite, rewrite_content, rewrite_speaker, quote=rewrite_quote,
              speaker_type=rewrite_speaker_type),
    ]
    if chair_in_rewrite is not None:
        claims.append(claim(rewrite, chair_in_rewrite, "Mira Olsen", quote=rewrite_quote,
                            speaker_type="PERSON"))
    articles = [wire, rewrite]
    if known:
        articles.append(radio)
        claims += [claim(radio, "the count would end by noon", "Mira Olsen",
                         speaker_type="PERSON"),
                   claim(radio, "the party would wait for the final result", "Daniel Ferro",
                         speaker_type="PERSON")]
    return compare_story(Story("s", None, tuple(a.id for a in articles)), articles, claims, [],
                         settings, embed_fn=bow_embed)


def test_a_whole_quotation_given_to_another_speaker_is_a_variant(settings) -> None:
    """The rewrite has the party's spokesman say the chair's words, telling nothing of her."""
    result = _chair_and_spokesman(
        settings, 'Spokesman Daniel Ferro called the disputed ballots "a normal number for an '
        'election of this size".', 'the disputed ballots "a normal number for an election of '
        'this size"', "a normal number for an election of this size")
    [variant] = result.conflicts
    assert variant.kind == "quote-variant"
    assert variant.explanation == ("The Patriot quotes Daniel Ferro as saying “a normal number "
                                   "for an election of this size”, words Norvan Wire gives to "
                                   "Mira Olsen.")


def test_part_of_a_quotation_shared_by_two_speakers_is_no_variant(settings) -> None:
    """Five words of the chair's, inside a longer quotation of the spokesman's own, may be
    an echo: only a whole quotation given to someone else is told as moved."""
    result = _chair_and_spokesman(
        settings, 'Ferro said: "Call it a normal number for an election of this size if you '
        'like, we call it theft."', '"Call it a normal number for an election of this size if '
        'you like, we call it theft."', "Call it a normal number for an election of this size "
        "if you like, we call it theft.")
    assert [c.kind for c in result.conflicts] == []


def test_a_whole_quotation_under_a_speaker_read_from_a_common_noun_is_no_variant(
        settings) -> None:
    """"Readers" opening a sentence is a speaker the parse made of a common noun, not a
    person a report put the words in the mouth of: the words moved to no one."""
    result = _chair_and_spokesman(
        settings, 'Readers wrote in: "a normal number for an election of this size".',
        '"a normal number for an election of this size".',
        "a normal number for an election of this size", "Readers", None)
    assert [c.kind for c in result.conflicts] == []


def test_a_whole_quotation_between_two_bystanders_is_no_variant(settings) -> None:
    """Two reports each quoting a resident nobody else quotes, in the same stock words, tell
    nothing of whose words moved: only sources the story's reports know are compared so."""
    result = _chair_and_spokesman(
        settings, 'Spokesman Daniel Ferro called the disputed ballots "a normal number for an '
        'election of this size".', 'the disputed ballots "a normal number for an election of '
        'this size"', "a normal number for an election of this size", known=False)
    assert [c.kind for c in result.conflicts] == []


def test_a_report_that_also_gives_the_words_to_their_speaker_moved_none(settings) -> None:
    """The rewrite quotes the chair's words once under the spokesman (where the parse may
    have misread whose they are) and once under the chair herself: no words moved."""
    result = _chair_and_spokesman(
        settings, 'Spokesman Daniel Ferro called the disputed ballots "a normal number for an '
        'election of this size". Mira Olsen said: "a normal number for an election of this '
        'size".', 'the disputed ballots "a normal number for an election of this size"',
        "a normal number for an election of this size",
        chair_in_rewrite='"a normal number for an election of this size".')
    assert [c.kind for c in result.conflicts if c.kind == "quote-variant"] == []
