"""The story page tells a figure the report states itself from one it attributes."""

from __future__ import annotations

from dataclasses import replace

from corroborator.nlp import narration

from .conftest import claim, figure, make_article, store_one_claim_each

OWN = "About 40 tonnes of fuel oil spilled into the bay on Tuesday."
SAID = "Harbour master Ilse Varga said 40 tonnes of fuel oil spilled into the bay."


def test_an_outlets_own_figure_reads_as_its_own_report(tmp_path, make_client) -> None:
    db = str(tmp_path / "own.db")
    own = make_article(OWN, "Port Daily", "https://portdaily.example/a", "Spill", 4)
    said = make_article(SAID, "Bay Herald", "https://bayherald.example/b", "Spill", 4)
    c_own = replace(claim("c-own", own, OWN, figure(OWN, "About 40 tonnes", 40, 36, 44, "about")),
                    speaker=None, cue=None, extractor=narration.EXTRACTOR)
    c_said = claim("c-said", said, SAID, figure(SAID, "40 tonnes", 40, 40, 40, None))
    store_one_claim_each(db, "story-own", [(own, c_own), (said, c_said)], [])
    rows = make_client(db).get("/stories/story-own").text.split('class="claim-row')[1:]
    own_row = next(r for r in rows if "About 40 tonnes" in r)
    said_row = next(r for r in rows if "Ilse Varga" in r)
    assert "Port Daily" in own_row and "(own report)" in own_row
    assert "(own report)" not in said_row and "(stated)" in said_row
