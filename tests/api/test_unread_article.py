"""The story page names an article of the story that was stored but not read for claims."""

from __future__ import annotations

from corroborator.store import open_store
from corroborator.store.base import StoredAnalysis

from .conftest import claim, figure, make_article, store_one_claim_each

SAID = "Harbour master Ilse Varga said 40 tonnes of fuel oil spilled into the bay."
SPANISH = "Unas 40 toneladas de fuelóleo se vertieron en la bahía, dijo el capitán del puerto."


def test_an_article_in_another_language_is_marked_as_not_read(tmp_path, settings) -> None:
    from fastapi.testclient import TestClient

    from corroborator.api import create_app

    db = str(tmp_path / "unread.db")
    said = make_article(SAID, "Bay Herald", "https://bayherald.example/b", "Spill", 4)
    spanish = make_article(SPANISH, "Diario de la Costa", "https://costa.example/c",
                           "Vertido en la bahía", 4)
    c_said = claim("c-said", said, SAID, figure(SAID, "40 tonnes", 40, 40, 40, None))
    store_one_claim_each(db, "story-unread", [(said, c_said)], [])
    with open_store(db) as store:
        store.add_article(spanish)
        store.save_analyses([StoredAnalysis(spanish.id, (), (), (), "not analysed: language es")])
        (story,) = store.stories()
        store.replace_stories([story.__class__(story.id, story.title,
                                               (*story.article_ids, spanish.id))])
    # the report stage's dossier, as the server builds it when installed
    app = create_app(db, settings.with_overrides({"server": {"run_stages_after_ingest": False}}))
    with TestClient(app, base_url="http://127.0.0.1") as client:
        page = client.get("/stories/story-unread").text
    rows = page.split('<section id="articles">')[1].split("<tr>")
    assert "(not analysed: language es)" in next(r for r in rows if "Diario de la Costa" in r)
    assert "not analysed" not in next(r for r in rows if "Bay Herald" in r)
