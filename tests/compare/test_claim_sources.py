"""Which independent source each claim counts as (compare/propositions.claim_sources)."""

from corroborator.compare.propositions import claim_sources

from .helpers import article, claim


def test_an_outlets_follow_up_repeating_its_own_report_is_the_same_source() -> None:
    first = article("first", "Harbor Wire", "Economists said growth could reach 2 percent.",
                    day=4)
    later = article("later", "Harbor Wire", "The bank cut rates. Economists had said growth "
                    "could reach 2 percent.", day=7)
    other = article("other", "Valley Times", "Economists said growth could reach 2 percent.",
                    day=5)
    claims = [claim(first, "growth could reach 2 percent", "Economists"),
              claim(later, "growth could reach 2 percent", "Economists"),
              claim(other, "growth could reach 2 percent", "Economists")]
    arts = {a.id: a for a in (first, later, other)}
    sources = claim_sources(claims, arts, {a: a for a in arts})
    assert sources[claims[0].id] == sources[claims[1].id]
    assert sources[claims[2].id] != sources[claims[0].id]


def test_a_copy_in_an_outlet_does_not_make_the_outlets_own_report_the_wires() -> None:
    wire = article("wire", "Harbor Wire", "The mayor said 40 homes flooded.", day=4, hour=8)
    copy = article("copy", "Valley Times", "The mayor said 40 homes flooded.", day=4, hour=9)
    own = article("own", "Valley Times", "The mayor said 40 homes flooded overnight.", day=5)
    claims = [claim(a, "40 homes flooded", "mayor") for a in (wire, copy, own)]
    arts = {a.id: a for a in (wire, copy, own)}
    sources = claim_sources(claims, arts, {"wire": "wire", "copy": "wire", "own": "own"})
    assert [sources[c.id] for c in claims] == ["wire", "wire", "own"]
