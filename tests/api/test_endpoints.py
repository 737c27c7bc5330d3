"""What each endpoint returns, checked against the fixture store."""

from __future__ import annotations

import json

import jsonschema

from corroborator.api import store_dossier
from corroborator.store import open_store

from ..conftest import CONTRACTS


def test_story_list_counts_sources_conflicts_and_dates(client) -> None:
    rows = {r["id"]: r for r in client.get("/api/stories").json()["data"]}
    spill = rows["story-spill"]
    assert spill["articles"] == 3
    assert spill["independent_sources"] == 2  # the rewrite joins the wire's lineage
    assert spill["conflicts"] == 1
    assert spill["first_published"].startswith("2026-05-04")
    assert spill["last_published"].startswith("2026-05-06")


def test_story_list_sorts_by_recency_or_conflicts(client) -> None:
    recent = [r["id"] for r in client.get("/api/stories?sort=recent").json()["data"]]
    conflicts = [r["id"] for r in client.get("/api/stories?sort=conflicts").json()["data"]]
    assert recent == ["story-spill", "story-museum"]
    assert conflicts[0] == "story-spill"


def test_story_has_claims_conflicts_timeline_and_graph(client, demo_records) -> None:
    data = client.get("/api/stories/story-spill").json()["data"]
    story = data["story"]
    claims = {c["id"]: c for c in story["claims"]}
    assert claims["p-spill"]["status"] == "conflicting"
    assert claims["p-spill"]["independent_sources"] == 2
    assert len(claims["p-spill"]["mentions"]) == 2
    assert story["conflicts"][0]["kind"] == "misreport"
    assert story["conflicts"][0]["claims"] == ["p-spill", "p-spill-more"]
    assert story["timeline"]
    graph = data["graph"]
    assert {n["id"] for n in graph["nodes"]} == {demo_records[k].id
                                               for k in ("wire", "rewrite", "local")}
    (edge,) = graph["edges"]
    assert edge["source"] == demo_records["wire"].id
    assert edge["target"] == demo_records["rewrite"].id
    assert edge["changes"] == ["about 40 tonnes → More than 40 tonnes"]


def test_story_id_prefix_resolves(client) -> None:
    assert client.get("/api/stories/story-sp").json()["data"]["story"]["id"] == "story-spill"


def test_article_marks_claims_quotes_and_figures(client, demo_records) -> None:
    wire = demo_records["wire"]
    data = client.get(f"/api/articles/{wire.id}").json()["data"]
    assert data["story"]["id"] == "story-spill"
    kinds = {(m["kind"], m["status"]) for m in data["marks"]}
    assert ("claim", "conflicting") in kinds and ("claim", "single-source") in kinds
    figures = [wire.text[m["start"]:m["end"]] for m in data["marks"] if m["kind"] == "figure"]
    assert figures == ["about 40 tonnes"]
    spill = next(c for c in data["claims"] if c["id"] == "p-spill")
    assert {o["outlet"] for o in spill["elsewhere"]} == {"Coast <b>Times</b>"}


def test_claims_of_an_article_and_by_status(client, demo_records) -> None:
    local = demo_records["local"].id
    rows = client.get(f"/api/claims?article={local}").json()["data"]
    assert [r["id"] for r in rows] == ["p-spill"]
    single = client.get("/api/claims?story=story-spill&status=single-source").json()["data"]
    assert [r["id"] for r in single] == ["p-booms"]
    every = client.get("/api/claims?limit=1000").json()
    assert every["total"] == 5 and all("article_id" in r for r in every["data"])


def test_search_finds_articles_and_claims_with_their_story(client) -> None:
    hits = client.get("/api/search?q=breakwater").json()["data"]
    assert hits and all(h["story"] == "story-spill" for h in hits)
    assert client.get("/api/search?q=zeppelin").json()["data"] == []


def test_unassigned_articles_are_listed(client, demo_records) -> None:
    rows = client.get("/api/articles?unassigned=true").json()["data"]
    assert [r["id"] for r in rows] == [demo_records["lone"].id]
    every = client.get("/api/articles?limit=2").json()
    assert every["total"] == 5 and every["next"] == 2 and len(every["data"]) == 2
    stories = {r["id"]: r["story"] for r in client.get("/api/articles").json()["data"]}
    assert stories[demo_records["wire"].id] == "story-spill"
    assert stories[demo_records["lone"].id] is None
    assert "Timetable change" in client.get("/").text


def test_store_dossier_follows_the_contract(demo_records) -> None:
    schema = json.loads((CONTRACTS / "dossier.schema.json").read_text())
    with open_store(demo_records["path"]) as store:
        dossier = store_dossier(store)
    jsonschema.validate(dossier, schema)
    assert [s["id"] for s in dossier["stories"]] == ["story-spill", "story-museum"]


def test_pages_render_the_dossier(client, demo_records) -> None:
    story = client.get("/stories/story-spill").text
    assert "misreport" in story and "turns the harbour master" in story
    assert 'class="badge status-conflicting"' in story
    assert story.count('class="node') >= 3
    svg = client.get("/stories/story-spill/graph.svg")
    assert svg.headers["content-type"].startswith("image/svg+xml")
    assert "rewrite 0.83" in svg.text and "More than 40 tonnes" in svg.text
    article = client.get(f"/articles/{demo_records['rewrite'].id}").text
    assert 'class="claim status-conflicting"' in article and 'class="figure"' in article


def test_story_list_page_is_paged(client, monkeypatch) -> None:
    from corroborator.api import web_routes

    monkeypatch.setattr(web_routes, "PAGE_SIZE", 1)
    first = client.get("/").text
    assert "Stories 1–1 of 2" in first and 'rel="next"' in first
    second = client.get("/?offset=1").text
    assert 'rel="prev"' in second and 'rel="next"' not in second


def test_default_builder_pages_follow_the_contract(make_client, demo_records) -> None:
    """Without an injected builder the report stage's dossier (or the stand-in) is used."""
    from fastapi.testclient import TestClient

    from corroborator.api import create_app
    from corroborator.settings import load_settings

    schema = json.loads((CONTRACTS / "dossier.schema.json").read_text())
    app = create_app(demo_records["path"], load_settings(environ={}))
    with TestClient(app, base_url="http://127.0.0.1:8765") as client:
        story = client.get("/api/stories/story-spill").json()["data"]["story"]
        jsonschema.validate({"schema_version": "1.0", "stories": [story]}, schema)
        assert {c["kind"] for c in story["conflicts"]} == {"misreport"}
        assert client.get(f"/articles/{demo_records['wire'].id}").status_code == 200


def test_story_page_renders_a_report_style_timeline(make_client, demo_records) -> None:
    """The timeline's item shape is open (schema: objects); the report stage's is drawn."""
    from corroborator.api import store_dossier

    def builder(store, story_ids):
        dossier = store_dossier(store, story_ids)
        wire, rewrite = demo_records["wire"], demo_records["rewrite"]
        dossier["stories"][0]["timeline"] = [{
            "proposition": "p-spill", "first_seen": "2026-05-04T09:00:00+00:00",
            "article": wire.id, "outlet": wire.outlet, "text": "about 40 tonnes spilled",
            "figures": ["about 40 tonnes"], "appearances": 2,
            "changes": [{"kind": "wording", "published": "2026-05-05T09:00:00+00:00",
                         "article": rewrite.id, "outlet": "Bay <i>Herald</i>",
                         "from": "about 40 tonnes", "to": "More than 40 tonnes"}],
        }, {"odd": "shape <b>kept</b>"}]
        return dossier

    from fastapi.testclient import TestClient

    from corroborator.api import create_app
    from corroborator.settings import load_settings

    app = create_app(demo_records["path"], load_settings(environ={}), builder=builder)
    with TestClient(app, base_url="http://127.0.0.1") as client:
        html = client.get("/stories/story-spill").text
    timeline = html[html.index('id="timeline"'):html.index('id="articles"')]
    assert "2026-05-04 09:00" in timeline and "about 40 tonnes spilled" in timeline
    assert "More than 40 tonnes" in timeline and 'href="#claim-p-spill"' in timeline
    assert "Bay &lt;i&gt;Herald&lt;/i&gt;" in timeline
    assert "odd: shape &lt;b&gt;kept&lt;/b&gt;" in timeline


def test_story_page_filters_claims_by_status(client) -> None:
    html = client.get("/stories/story-spill?status=single-source").text
    table = html[html.index('id="claims"'):html.index('id="timeline"')]
    assert 'id="claim-p-booms"' in table and 'id="claim-p-spill"' not in table
    # Conflict links still reach claims hidden by the filter: they lead to the full page.
    assert 'href="/stories/story-spill#claim-p-spill"' in html
    assert "/api/claims?story=story-spill&amp;status=single-source" in html
    assert client.get("/stories/story-spill?status=nope").status_code == 422
