"""A name that opens a sentence is the same fact as that name written mid-sentence.

The wire opens with "Lake Orvin broke through ..."; the tabloid writes "after Lake Orvin
smashed through ...". Read alone, a capitalised first word may be any word, so the wire's
"Lake" was no fact and the tabloid's was one of its own: a rewrite seemed to add a name its
source lacked. Which first words are names only the other article can tell.
"""

from __future__ import annotations

import pytest

WIRE = (
    "Lake Orvin broke through its ice dam early on Friday, sending a flood wave down the "
    "Tarsk valley, the regional government said.\n"
    "About 1,400 people from 3 villages were taken to shelters in Holm, officials said.\n"
    "Rescuers were still searching for 2 missing herders on Saturday.\n"
    "Lake Orvin last flooded the valley in 1994, when 7 people died."
)
TABLOID = (
    "A flood wave tore down the Tarsk valley after Lake Orvin smashed through its ice dam "
    "on Friday.\n"
    "More than 1,400 villagers from 3 hamlets were rushed to shelters in Holm.\n"
    "Rescuers are hunting for 2 herders.\n"
    "The lake last burst in 1994, killing 7."
)


def test_a_sentence_opening_name_is_the_name_the_other_writes(prepared) -> None:
    from corroborator.reuse.docpair import fact_shares

    wire, tabloid = prepared(WIRE), prepared(TABLOID)
    # Every one of the tabloid's ten facts is the wire's once the wire's opening "Lake" is
    # a name; the wire's Saturday is the one fact of its eleven the tabloid drops. "About",
    # "Rescuers", "More", "A" and "The" open sentences and are names in neither, so they
    # are facts of neither.
    assert fact_shares(wire, tabloid, drift=True, openers=True) == (1.0, 10 / 11, 0.9)
    # the readings of the whole-retelling and the reordered tests are left as they were
    assert fact_shares(wire, tabloid)[0] == 0.9
    assert fact_shares(wire, tabloid, drift=True)[0] == 0.9


# The wire told at length, the mayor's name opening the sentence of her words as the lake's
# opens the first; a tabloid's cut of it, in its order, with both names mid-sentence.
CONDENSED_WIRE = (
    "Lake Orvin broke through its ice dam early on Friday, sending a flood wave down the "
    "Tarsk valley and forcing about 1,400 people from their homes, the regional "
    "government said.\n"
    "The Tarsk Hydrological Service said the lake was draining at about 900 cubic metres "
    "a second at its peak.\n"
    "Villagers from Brenn and Outa were taken to shelters in Holm and Vester overnight, "
    "officials said.\n"
    'Pella Morn, the mayor of Brenn, said: "The water came down the valley like a wall, '
    'and it took the bridge with it."\n'
    "Holm railway station was closed and 14 trains were cancelled, the rail operator "
    "Nordlink said.\n"
    "Farmers said their fields below Outa were under a metre of mud by noon, and Sten "
    "Kolle, who keeps 40 cows at Dalby, said most of his herd was missing.\n"
    "The Red Cross said 3 of its teams from Karsby were on their way.\n"
    "Regional governor Ilse Varro said 2 million crowns had been released for emergency "
    "repairs.\n"
    "She rejected claims that the warning sirens had sounded too late.\n"
    "Lake Orvin last flooded the valley in 1994, when 7 people died.")
CONDENSED_TABLOID = (
    "More than 1,400 people fled their homes in the Tarsk valley after Lake Orvin smashed "
    "through its ice dam on Friday, officials said.\n"
    "The lake was pouring out about 900 cubic metres of water a second at its worst, "
    "hydrologists said.\n"
    "Families from Brenn and Outa spent the night on camp beds in Holm and Vester.\n"
    'Mayor Pella Morn said: "It came down on us like a wall and swept the bridge away."\n'
    "Rail passengers were stranded as 14 trains were axed at Holm station.\n"
    "The lake's last flood, in 1994, killed 7 people.")


@pytest.mark.embeddings
def test_a_condensed_rewrite_missing_only_opening_names_is_found(settings,
                                                                 embedded_pair) -> None:
    from corroborator.reuse.derive import condensed_chain, rewrite_chain, with_drifted_facts
    from corroborator.reuse.docpair import chain, fact_shares
    from corroborator.reuse.settings import reuse_settings

    config = reuse_settings(settings)
    wire, tabloid, sims = embedded_pair(CONDENSED_WIRE, CONDENSED_TABLOID)
    # read plainly, "Lake" and "Pella" are the tabloid's own facts and under half of the
    # wire's facts are the tabloid's; read as the names the tabloid writes, all of its are
    assert fact_shares(wire, tabloid, drift=True)[1] < config.condensed_fact_long
    found = with_drifted_facts(wire, tabloid, chain(wire, tabloid, sims, config.propose_cosine))
    assert found.fact_share_short == 1.0
    assert condensed_chain(found, config)
    assert rewrite_chain(wire, tabloid, sims, config) is not None
