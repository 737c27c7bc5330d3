"""A condensed rewrite that moves its source's sentences about is still a rewrite (issue 4).

A tabloid cuts the wire, rewords every sentence, rounds a figure and tells the rescued
miner's words before the company's: no chain of sentences keeps the wire's order, yet its
sentences pair off with the wire's one by one, the miner's quotation among them. Another
outlet's report of the same briefing shares most facts but quotes nobody the wire quotes,
and stays independent.
"""

from __future__ import annotations

import numpy as np
import pytest

MINE_WIRE = (
    "Rescuers pulled 11 miners alive from a flooded coal mine near the town of Veltrin on "
    "Sunday after three days underground, the regional emergency service said.\n"
    "Emergency service spokesman Oren Tasko said 4 of the men were taken to hospital in "
    "Kasmar with hypothermia.\n"
    '"The water rose so fast that we climbed onto the conveyor belt and waited there in the '
    'dark," said miner Josef Halm, 47, after he was brought to the surface.\n'
    "The mine's owner, Dravik Coal, said 86 workers were underground when a pump failed and "
    "water flooded the lower shafts on Thursday.\n"
    "Dravik Coal said 75 of them reached the surface on their own within two hours.\n"
    "Tasko said pumping crews had lowered the water by about 40 metres before divers could "
    "reach the trapped men.\n"
    "The state mining inspectorate has opened an investigation into the pump failure.\n"
    "The mine, which employs about 1,200 people, will stay closed until at least next week."
)
# The tabloid: cut, reworded, the miner's words told first and in other words, the
# company's figures after them, 1,200 rounded down to "some 1,100".
MINE_TABLOID = (
    "Eleven miners were plucked alive from a flooded pit near Veltrin after three days "
    "trapped in the dark, emergency crews said.\n"
    'Survivor Josef Halm, 47, told how the men scrambled onto a conveyor belt: "The water '
    'came up so quickly we just climbed on the belt and sat there in the pitch black," '
    "he said.\n"
    "Four of the exhausted men were rushed to hospital in Kasmar suffering from hypothermia, "
    "spokesman Oren Tasko said.\n"
    "Rescuers had to pump the water down by some 40 metres before divers could reach them, "
    "Tasko said.\n"
    "Dravik Coal, which employs some 1,100 people at the pit, said 86 workers were "
    "underground when a pump broke down on Thursday."
)
# Another outlet at the same briefing: the same event and most of the same facts, told in
# its own order and words, quoting the spokesman where the wire quoted the miner.
MINE_OTHER = (
    "Eleven miners trapped for three days in a flooded coal mine near Veltrin were brought "
    "out alive on Sunday.\n"
    "Oren Tasko, spokesman for the emergency service, said 4 of them were being treated in "
    "hospital in Kasmar for hypothermia.\n"
    "Water flooded the lower shafts of the Dravik Coal mine on Thursday after a pump failed, "
    "when 86 workers were underground.\n"
    "Pumping crews lowered the water by 40 metres so that divers could reach the men.\n"
    '"It was a race against the cold, and the men held on," Tasko told the briefing.\n'
    "Dravik Coal employs about 1,200 people in the region."
)


def test_sentences_pair_off_one_by_one_closest_first_in_any_order() -> None:
    from corroborator.reuse.docpair import monotone_alignment, one_to_one_pairs

    sims = np.array([[0.9, 0.2, 0.1],
                     [0.1, 0.3, 0.8],
                     [0.2, 0.7, 0.6]])
    assert one_to_one_pairs(sims, 0.45) == [(0, 0), (1, 2), (2, 1)]
    assert monotone_alignment(sims, 0.45) == [(0, 0), (1, 2)]  # order keeps two of three
    assert one_to_one_pairs(np.array([[0.5, 0.9]]), 0.45) == [(0, 1)]  # each sentence once
    assert one_to_one_pairs(sims, 0.95) == []


def test_pairs_that_both_quote_someone_are_counted(prepared) -> None:
    from corroborator.reuse.docpair import quoting_pairs

    wire, tabloid = prepared(MINE_WIRE), prepared(MINE_TABLOID)
    # the miner's words in the wire's sentence 2 and the tabloid's sentence 1; a quotation
    # beside narration, or narration beside narration, is no such pair
    assert quoting_pairs(wire, tabloid, [(2, 1)]) == 1
    assert quoting_pairs(wire, tabloid, [(2, 2), (0, 0), (3, 4)]) == 0


@pytest.mark.embeddings
def test_a_reordering_tabloid_is_a_rewrite_and_another_report_is_not(settings, embedded_pair) -> None:
    from corroborator.reuse.derive import reordered_rewrite, rewrite_chain
    from corroborator.reuse.docpair import monotone_alignment
    from corroborator.reuse.settings import reuse_settings

    config = reuse_settings(settings)
    wire, tabloid, sims = embedded_pair(MINE_WIRE, MINE_TABLOID)
    # Too short a chain for the order-keeping tests; every tabloid sentence has its partner.
    assert len(monotone_alignment(sims, config.propose_cosine)) < config.chain_min_sentences
    found = reordered_rewrite(wire, tabloid, sims, config)
    assert found is not None and found.share_short == 1.0
    assert rewrite_chain(wire, tabloid, sims, config) is not None
    # The same tabloid without the miner's quotation is a report that shares the facts.
    unquoted = MINE_TABLOID.replace(
        '"The water came up so quickly we just climbed on the belt and sat there in the '
        'pitch black," he said', "they waited there for days")
    wire, plain, sims = embedded_pair(MINE_WIRE, unquoted)
    assert reordered_rewrite(wire, plain, sims, config) is None
    wire, other, sims = embedded_pair(MINE_WIRE, MINE_OTHER)
    assert rewrite_chain(wire, other, sims, config) is None


@pytest.mark.embeddings
def test_a_short_tabloids_one_sentence_of_its_own_keeps_it_a_rewrite(settings,
                                                                      embedded_pair) -> None:
    from corroborator.reuse.derive import reordered_rewrite
    from corroborator.reuse.settings import reuse_settings

    config = reuse_settings(settings)
    # a sixth sentence that pairs with none of the wire's: five of six pair off, below the
    # share a longer article needs (.9), all but one of a short one's
    framed = MINE_TABLOID.replace(
        "Survivor Josef Halm", "Relatives wept and hugged at the gates as the news spread.\n"
        "Survivor Josef Halm")
    wire, tabloid, sims = embedded_pair(MINE_WIRE, framed)
    found = reordered_rewrite(wire, tabloid, sims, config)
    assert found is not None and round(found.share_short, 3) == 0.833


# The same tabloid splitting the wire's sentence of the miner's words in two: the narration
# takes the wire's sentence, the quotation, kept word for word, stands in a sentence of its own.
SPLIT_TABLOID = MINE_TABLOID.replace(
    'Survivor Josef Halm, 47, told how the men scrambled onto a conveyor belt: "The water '
    'came up so quickly we just climbed on the belt and sat there in the pitch black," '
    "he said.",
    "Survivor Josef Halm, 47, was among the last to be brought to the surface.\n"
    '"The water rose so fast that we climbed onto the conveyor belt and waited there in the '
    'dark," he said.')
# (wire sentence, tabloid sentence): every tabloid sentence but the quotation's has its
# partner, the narration half beside the wire's quoted sentence
SPLIT_PAIRS = [(0, 0), (1, 3), (2, 1), (3, 5), (5, 4)]


def _split_sims(wire, tabloid) -> np.ndarray:
    sims = np.zeros((len(wire.sentences), len(tabloid.sentences)))
    for i, j in SPLIT_PAIRS:
        sims[i, j] = 0.8
    return sims


def test_a_quotation_kept_in_a_sentence_of_its_own_still_makes_a_rewrite(settings,
                                                                         prepared) -> None:
    from corroborator.reuse.derive import reordered_rewrite
    from corroborator.reuse.docpair import quoting_pairs, shares_a_quotation
    from corroborator.reuse.settings import reuse_settings

    config = reuse_settings(settings)
    wire, tabloid = prepared(MINE_WIRE), prepared(SPLIT_TABLOID)
    assert quoting_pairs(wire, tabloid, SPLIT_PAIRS) == 0
    assert shares_a_quotation(wire, tabloid)
    assert reordered_rewrite(wire, tabloid, _split_sims(wire, tabloid), config) is not None
    # the same quotation in other words is no quotation kept: another report's
    reworded = prepared(SPLIT_TABLOID.replace("The water rose so fast that we climbed onto",
                                              "It came up so quickly we just got onto"))
    assert not shares_a_quotation(wire, reworded)
    assert reordered_rewrite(wire, reworded, _split_sims(wire, reworded), config) is None


def test_an_outlet_naming_itself_tells_no_fact_of_its_source(prepared) -> None:
    from corroborator.reuse.docpair import fact_shares, masthead_words

    signed = MINE_TABLOID + "\nThe Veltrin Echo will follow the inquiry."
    wire, plain, own = prepared(MINE_WIRE), prepared(MINE_TABLOID), prepared(signed)
    mastheads = masthead_words("Regional Wire", "The Veltrin Echo")
    assert mastheads == {"wire", "echo"}
    assert fact_shares(wire, own, drift=True) != fact_shares(wire, plain, drift=True)
    assert fact_shares(wire, own, drift=True, ignored=mastheads) == fact_shares(
        wire, plain, drift=True, ignored=mastheads)
