"""A small store written through the store API (no models), and a client over it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from corroborator.records import (
    Article,
    Change,
    Claim,
    Conflict,
    Derivation,
    Proposition,
    Quantity,
    Span,
    Story,
)
from corroborator.records.article import article_id, content_hash
from corroborator.store import open_store
from corroborator.store.base import StoredAnalysis

TOKEN = "s3cret-token"
XSS = '<script>alert(1)</script> and "><img src=x onerror=alert(1)>'

WIRE = ("Harbour master Ilse Varga said on Monday that about 40 tonnes of fuel oil spilled "
        "into Port Ellery bay after two cargo ships collided.\n\n"
        "Crews had laid 2 kilometres of booms by nightfall, she said.")
REWRITE = ("More than 40 tonnes of fuel oil spilled into Port Ellery bay, harbour master Ilse "
           "Varga said on Monday, after two cargo ships collided near the breakwater.")
LOCAL = ("Fishermen said the slick reached the northern beaches. " + XSS + "\n\n"
         "Harbour master Ilse Varga said about 40 tonnes of oil had leaked.")
MUSEUM = "The Port Ellery museum reopened on Saturday, its director Tomas Reyl said."
LONE = "A ferry timetable change was announced by the Ellery Ferry Company on Friday."


def make_article(text: str, outlet: str, url: str, title: str, day: int) -> Article:
    return Article(id=article_id(text, outlet, url, title), path=f"in/{outlet}.html", url=url,
                   outlet=outlet, title=title, published=datetime(2026, 5, day, 9, tzinfo=UTC),
                   language="en", text=text, content_hash=content_hash(text))


def span_of(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part))


def figure(text: str, part: str, value: float, low: float | None, high: float | None,
           qualifier: str | None) -> Quantity:
    return Quantity(text=part, span=span_of(text, part), value=value, low=low, high=high,
                    qualifier=qualifier, unit="tonnes", measured="fuel oil spilled")


def claim(cid: str, article: Article, sentence: str, quantity: Quantity | None,
          quote: str | None = None) -> Claim:
    sent = span_of(article.text, sentence)
    return Claim(id=cid, article_id=article.id, speaker="Ilse Varga", speaker_span=None,
                 cue="said", cue_span=None, content_span=sent, quote=quote, stance="stated",
                 quantities=(quantity,) if quantity else (), sentence_span=sent)


def store_one_claim_each(db: str, story_id: str, pairs: list[tuple[Article, Claim]],
                         conflicts: list[Conflict]) -> None:
    """A story of ``pairs`` (an article and its one claim, each claim its own single-source
    proposition ``p-<claim id>``) with ``conflicts``, written to the store at ``db``."""
    with open_store(db) as store:
        for article, _ in pairs:
            store.add_article(article)
        store.save_analyses([StoredAnalysis(a.id, (c,), c.quantities, (), None)
                             for a, c in pairs])
        story = Story(story_id, "Spill", tuple(a.id for a, _ in pairs))
        store.replace_stories([story])
        store.replace_comparison(story.id, [
            Proposition(f"p-{c.id}", story.id, (c.id,), "single-source", 1) for _, c in pairs
        ], conflicts)


@pytest.fixture(scope="session")
def demo_records(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """Two stories (one with a misreport between a wire story and its rewrite), one loose
    article, and an article whose text carries HTML that must never run."""
    path = tmp_path_factory.mktemp("api") / "api.db"
    wire = make_article(WIRE, "Port Daily", "https://portdaily.example/spill", "Fuel spill", 4)
    rewrite = make_article(REWRITE, "Bay Herald", "https://bayherald.example/spill",
                           "Over 40 tonnes spilled", 5)
    local = make_article(LOCAL, "Coast <b>Times</b>", "https://coast.example/spill",
                         "Slick reaches beaches " + XSS, 6)
    museum = make_article(MUSEUM, "Arts Weekly", "https://arts.example/museum",
                          "Museum reopens", 2)
    lone = make_article(LONE, "Ferry News", "https://ferry.example/t", "Timetable change", 1)
    s1 = WIRE.split("\n\n")[0]
    c_wire = claim("c-wire", wire, s1, figure(WIRE, "about 40 tonnes", 40, 36, 44, "about"))
    c_rewrite = claim("c-rewrite", rewrite, REWRITE,
                      figure(REWRITE, "More than 40 tonnes", 40, 40, 60, "more than"))
    local_sentence = LOCAL.split("\n\n")[1]
    c_local = claim("c-local", local, local_sentence,
                    figure(LOCAL, "about 40 tonnes", 40, 36, 44, "about"))
    c_booms = claim("c-booms", wire, "Crews had laid 2 kilometres of booms by nightfall, she said.",
                    None, quote=None)
    c_museum = claim("c-museum", museum, MUSEUM, None)
    with open_store(str(path)) as store:
        for article in (wire, rewrite, local, museum, lone):
            store.add_article(article)
        store.save_analyses([
            StoredAnalysis(wire.id, (c_wire, c_booms), c_wire.quantities, (), None),
            StoredAnalysis(rewrite.id, (c_rewrite,), c_rewrite.quantities, (), None),
            StoredAnalysis(local.id, (c_local,), c_local.quantities, (), None),
            StoredAnalysis(museum.id, (c_museum,), (), (), None),
        ])
        spill = Story("story-spill", "Fuel spill in Port Ellery bay",
                      (wire.id, rewrite.id, local.id))
        arts = Story("story-museum", "Museum reopens", (museum.id,))
        store.replace_stories([spill, arts])
        store.replace_derivations([Derivation(
            rewrite.id, wire.id, "rewrite", 0.83,
            (Change("figure", "about 40 tonnes", "More than 40 tonnes"),))])
        store.replace_comparison(spill.id, [
            Proposition("p-spill", spill.id, ("c-wire", "c-local"), "conflicting", 2),
            Proposition("p-spill-more", spill.id, ("c-rewrite",), "conflicting", 1),
            Proposition("p-booms", spill.id, ("c-booms",), "single-source", 1),
        ], [Conflict("misreport", ("c-wire", "c-rewrite"),
                     "Bay Herald turns the harbour master's 'about 40 tonnes' into 'more than "
                     "40 tonnes' while still attributing it to her.", spill.id)])
        store.replace_comparison(arts.id, [
            Proposition("p-museum", arts.id, ("c-museum",), "single-source", 1)], [])
    return {"path": str(path), "wire": wire, "rewrite": rewrite, "local": local,
            "museum": museum, "lone": lone}


@pytest.fixture
def make_client(demo_records, settings):
    """Build a TestClient over the fixture store with [server] overrides."""
    from fastapi.testclient import TestClient

    from corroborator.api import create_app, store_dossier

    clients = []

    def build(db: str | None = None, **server: object) -> TestClient:
        configured = settings.with_overrides(
            {"server": {"token": TOKEN, "run_stages_after_ingest": False, **server}})
        app = create_app(db or demo_records["path"], configured, builder=store_dossier)
        client = TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False)
        client.__enter__()
        clients.append(client)
        return client

    yield build
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def client(make_client):
    return make_client()


@pytest.fixture
def fresh_db(tmp_path: Path) -> Iterator[str]:
    yield str(tmp_path / "fresh.db")
