"""The story page marks a claim whose figure its source later changed."""

from __future__ import annotations

from corroborator.records import Conflict

from .conftest import claim, figure, make_article, store_one_claim_each

FIRST = "Harbour master Ilse Varga said about 40 tonnes of fuel oil spilled into the bay."
LATER = "Harbour master Ilse Varga said on Friday that 65 tonnes of fuel oil spilled into the bay."


def test_a_claim_in_an_update_carries_the_updated_badge(tmp_path, make_client) -> None:
    db = str(tmp_path / "update.db")
    first = make_article(FIRST, "Port Daily", "https://portdaily.example/a", "Spill", 4)
    later = make_article(LATER, "Bay Herald", "https://bayherald.example/b", "Spill grows", 8)
    c_first = claim("c-first", first, FIRST, figure(FIRST, "about 40 tonnes", 40, 36, 44, "about"))
    c_later = claim("c-later", later, LATER, figure(LATER, "65 tonnes", 65, 65, 65, None))
    store_one_claim_each(db, "story-upd", [(first, c_first), (later, c_later)], [
        Conflict("update", ("c-first", "c-later"), "Ilse Varga's figure changed.", "story-upd")])
    page = make_client(db).get("/stories/story-upd").text
    rows = page.split('class="claim-row')[1:]
    assert len(rows) == 2
    assert all('badge kind-update' in row for row in rows)
    assert "status-conflicting" not in "".join(rows)
