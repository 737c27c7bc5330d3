"""A name that opens a sentence is the same fact as that name written mid-sentence.

The wire opens with "Lake Orvin broke through ..."; the tabloid writes "after Lake Orvin
smashed through ...". Read alone, a capitalised first word may be any word, so the wire's
"Lake" was no fact and the tabloid's was one of its own: a rewrite seemed to add a name its
source lacked. Which first words are names only the other article can tell.
"""

from __future__ import annotations

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
    assert fact_shares(wire, tabloid, drift=True) == (1.0, 10 / 11, 0.9)
    # the equal-facts reading of the whole-retelling tests is left as it was
    assert fact_shares(wire, tabloid)[0] == 0.9
