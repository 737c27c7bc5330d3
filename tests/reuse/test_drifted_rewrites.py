"""A rewrite that rounds or re-hedges its source's figures is still a rewrite (issue 4).

A tabloid cuts the wire, adds a quote of its own and prints "more than 3,500" for "about
3,400": the drifted figures must count as the wire's figures, so the tabloid joins the
wire's lineage and the drift is reported as changed figures, while another outlet's report
of the same press conference and the company's own statement stay independent.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from corroborator.records import Article
from corroborator.reuse import find_derivations, independent_sources

PLANT_WIRE = (
    "A fire at a chemical plant in the town of Ostrel forced about 3,400 residents from "
    "their homes on Wednesday, regional officials said.\n"
    "The blaze broke out shortly after midnight in a storage hall of Velka Chemicals and was "
    "brought under control by mid-morning, fire chief Anton Brel said.\n"
    '"The smoke was toxic and we could not take any risks with the people living nearby," '
    "Brel told reporters at the scene.\n"
    "The hospital said 12 workers were treated for smoke inhalation and 2 remain in a "
    "serious condition.\n"
    "Velka Chemicals, which employs about 640 people in Ostrel, said it was cooperating with "
    "investigators and that the cause of the fire was not yet known.\n"
    "The regional environment agency said it was measuring the air at 15 points around the "
    "plant and advised residents to keep their windows closed.\n"
    "The plant was fined 180,000 crowns in 2021 for breaching storage rules.\n"
    "Interior minister Petra Lind is due to visit the town on Thursday.\n"
    "Residents are expected to return home on Friday."
)
# A tabloid's rewrite: cut, a neighbour's words of its own, every figure rounded or
# re-hedged (3,400 -> more than 3,500; 640 -> around 600; 180,000 -> nearly 200,000).
PLANT_TABLOID = (
    "Terrified residents of Ostrel, more than 3,500 of them, were forced to flee their homes "
    "as a toxic blaze tore through a chemical plant.\n"
    "The inferno started just after midnight in a Velka Chemicals storage hall and raged "
    "until the morning, fire boss Anton Brel said.\n"
    '"The smoke was toxic and we couldn\'t take any risks," Brel said.\n'
    "Velka Chemicals, which employs around 600 locals, says it is helping investigators "
    "find out what caused the blaze.\n"
    "The firm was hit with a fine of nearly 200,000 crowns in 2021 for breaking storage "
    "rules.\n"
    'Neighbour Mila Dorn said: "We woke up to the sirens and the whole sky was orange."'
)
# The fire chief's press conference as another outlet reported it: the same event, facts
# and quotation, told in its own order with facts of its own.
PLANT_OTHER = (
    "Firefighters in Ostrel needed nine hours to put out a blaze at the Velka Chemicals "
    "plant, fire chief Anton Brel said on Wednesday.\n"
    "About 3,400 people living within two kilometres of the plant were evacuated overnight "
    "to sports halls and schools.\n"
    "Mayor Karin Holt said the town had opened 4 shelters and would pay for hotel rooms for "
    "families with small children.\n"
    '"We could not take any risks with the people living nearby," Brel said.\n'
    "The hospital in Ostrel said 12 workers had been treated for smoke inhalation.\n"
    "Environmental groups have long criticised the plant, which stores solvents and "
    "fertiliser.\n"
    "The cause of the fire is being investigated by police."
)
# The company's own statement, which the wire reports.
PLANT_STATEMENT = (
    "Early on Wednesday a fire broke out in a storage hall at our Ostrel plant.\n"
    "Our fire crew and the Ostrel fire brigade brought it under control by mid-morning.\n"
    "12 of our employees were treated in hospital for smoke inhalation; 2 remain in a "
    "serious condition, and our thoughts are with them and their families.\n"
    "Velka Chemicals employs about 640 people in Ostrel.\n"
    "We are cooperating fully with the investigators and will publish what we learn about "
    "the cause of the fire.\n"
    "Residents who were asked to leave their homes can call our helpline for support."
)
# A trade site's rewrite: cut, reworded, the fire chief's quotation told as reported speech
# and merged into his sentence, the company's sentence moved after the agency's.
PLANT_TRADE = (
    "About 3,400 people in Ostrel had to leave their homes on Wednesday after fire broke out "
    "at a chemical plant in the town, regional officials said.\n"
    "The fire started shortly after midnight in a Velka Chemicals storage hall and was under "
    "control by mid-morning, according to fire chief Anton Brel, who said the smoke was toxic "
    "and no risk could be taken with the people living nearby.\n"
    "At the hospital, 12 workers were treated for smoke inhalation and 2 of them remain in a "
    "serious condition.\n"
    "The regional environment agency is measuring the air at 15 points around the plant and "
    "has told residents to keep their windows shut.\n"
    "Velka Chemicals, which has about 640 staff in Ostrel, said it was working with "
    "investigators and did not yet know what had caused the fire.\n"
    "In 2021 the plant was fined 180,000 crowns over breaches of storage rules."
)
DAY = datetime(2024, 5, 1, 8, 0)


def _article(ident: str, text: str, hours: float) -> Article:
    return Article(ident, None, f"https://{ident}.example/{ident}", ident, None,
                   DAY + timedelta(hours=hours), "en", text, "", {})


@pytest.mark.parametrize(("before", "after", "same"), [
    (2_400_000.0, 2_500_000.0, True),  # "about 2.4 million" -> "more than 2.5m"
    (45_000.0, 50_000.0, True),  # rounded to one figure
    (23.0, 31.0, False),  # a revised count
    (45_000.0, 62_000.0, False),  # another source's estimate
])
def test_a_figure_drifts_by_a_few_per_cent(before, after, same) -> None:
    from corroborator.reuse.docpair import drifted

    assert drifted(before, after) is same
    assert drifted(after, before) is same


def test_drifted_figures_are_the_sources_figures(prepared) -> None:
    from corroborator.reuse.docpair import fact_shares, figure_agreement

    wire, tabloid = prepared(PLANT_WIRE), prepared(PLANT_TABLOID)
    # sentence 0 (3,400 / 3,500), 4 and 3 (640 / 600), 6 and 4 (180,000 / 200,000)
    pairs = [(0, 0), (4, 3), (6, 4)]
    assert figure_agreement(wire, tabloid, pairs, drift=True) == (3, 0)
    assert figure_agreement(wire, tabloid, pairs) == (0, 3)  # equal figures only
    far = prepared(PLANT_TABLOID.replace("more than 3,500", "9,000"))
    assert figure_agreement(wire, far, [(0, 0)], drift=True) == (0, 1)
    # Nine of the tabloid's eleven facts (names, years, figures) are the wire's, the three
    # drifted figures among them; its neighbour's name is its own.
    assert fact_shares(wire, tabloid, drift=True)[0] == pytest.approx(9 / 11)
    assert fact_shares(wire, tabloid)[0] == pytest.approx(6 / 11)


@pytest.mark.embeddings
def test_condensed_rewrite_with_drifted_figures_is_found(settings, embedded_pair) -> None:
    from corroborator.reuse.derive import (
        condensed_chain,
        rewrite_chain,
        whole_chain,
        with_drifted_facts,
    )
    from corroborator.reuse.docpair import chain
    from corroborator.reuse.settings import reuse_settings

    config = reuse_settings(settings)
    wire, tabloid, sims = embedded_pair(PLANT_WIRE, PLANT_TABLOID)
    found = chain(wire, tabloid, sims, config.propose_cosine)
    # The tabloid keeps too little of the wire to retell it whole; what it keeps comes in
    # the wire's order, figures and all, once its drifted figures count as the wire's.
    assert not whole_chain(found, config) and not condensed_chain(found, config)
    assert condensed_chain(with_drifted_facts(wire, tabloid, found), config)
    assert rewrite_chain(wire, tabloid, sims, config) is not None
    # The same cut with figures far from the wire's is a report of another fire.
    far = (PLANT_TABLOID.replace("more than 3,500", "1,900")
           .replace("around 600", "about 250").replace("nearly 200,000", "45,000"))
    wire, other, sims = embedded_pair(PLANT_WIRE, far)
    assert rewrite_chain(wire, other, sims, config) is None


@pytest.mark.embeddings
def test_condensed_rewrite_that_moves_a_sentence_is_found(settings, embedded_pair) -> None:
    from corroborator.reuse.derive import reordered_rewrite, rewrite_chain, whole_chain
    from corroborator.reuse.docpair import chain
    from corroborator.reuse.settings import reuse_settings

    config = reuse_settings(settings)
    wire, trade, sims = embedded_pair(PLANT_WIRE, PLANT_TRADE)
    found = chain(wire, trade, sims, config.propose_cosine)
    # One moved sentence puts a few of the shared facts out of order, far fewer than
    # independent reports that share this much (ECB+: half or more); with no quotation
    # left in the rewrite, only the order-keeping tests can find it.
    assert not whole_chain(found, config)
    assert config.condensed_fact_order <= found.fact_order < 0.9
    assert reordered_rewrite(wire, trade, sims, config) is None
    assert rewrite_chain(wire, trade, sims, config) is not None
    wire, other, sims = embedded_pair(PLANT_WIRE, PLANT_OTHER)
    assert rewrite_chain(wire, other, sims, config) is None


@pytest.mark.embeddings
def test_drifted_rewrite_joins_its_wire_and_independent_reports_stay_apart(
        settings, embedder) -> None:
    arts = [_article("statement", PLANT_STATEMENT, 0), _article("wire", PLANT_WIRE, 1),
            _article("other", PLANT_OTHER, 3), _article("tabloid", PLANT_TABLOID, 4)]
    ids = [a.id for a in arts]
    found = find_derivations(arts, settings,
                             candidates=[(a, b) for k, a in enumerate(ids) for b in ids[k + 1:]])
    assert [(d.article_id, d.source_id, d.relation) for d in found] == [
        ("tabloid", "wire", "rewrite")]
    figures = {(c.before, c.after) for c in found[0].changes if c.kind == "figure"}
    assert figures == {("about 3,400", "more than 3,500"), ("about 640", "around 600"),
                       ("180,000", "nearly 200,000")}
    assert independent_sources(ids, found) == 3
