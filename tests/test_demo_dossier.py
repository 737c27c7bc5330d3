"""On the demo corpus the answer key's stories, derivations and conflicts are all found,
and no conflict is reported between compatible figures."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from corroborator.demo import ANSWER_KEY, CORPUS_DIR
from corroborator.store import open_store

pytestmark = [pytest.mark.model, pytest.mark.embeddings]

KEY = json.loads(ANSWER_KEY.read_text("utf-8"))
CONTRACTS = Path(__file__).resolve().parents[2] / "shared" / "contracts"


@pytest.fixture(scope="module")
def demo(demo_run):
    path, report, dossier = demo_run
    with open_store(str(path)) as store:
        articles = store.articles()
        derivations = store.derivations()
        claims = {c.id: c for c in store.claims()}
    ids = {}
    for article in articles:
        ident = article.url or str(Path(article.path).relative_to(CORPUS_DIR))
        ids[ident] = article.id
    return dossier, ids, derivations, claims


def test_demo_dossier_validates_against_the_contract(demo) -> None:
    schema = json.loads((CONTRACTS / "dossier.schema.json").read_text("utf-8"))
    jsonschema.validate(demo[0], schema)


def test_demo_stories_match_the_answer_key(demo) -> None:
    dossier, ids, _, _ = demo
    story_of = {a["id"]: s["id"] for s in dossier["stories"] for a in s["articles"]}
    english = {k for k, v in KEY["articles"].items() if v["language"] == "en"}
    for name, story in KEY["stories"].items():
        members = {story_of[ids[k]] for k in story["articles"] if k in english}
        assert len(members) == 1, f"story {name} is split over {len(members)} stories"
    for story in dossier["stories"]:
        gold = {KEY["articles"][k]["story"] for k, i in ids.items()
                if i in {a["id"] for a in story["articles"]} and k in english}
        assert len(gold) <= 1, f"{story['title']!r} mixes stories {sorted(gold)}"


def test_demo_derivations_match_the_answer_key(demo) -> None:
    _, ids, derivations, _ = demo
    found = {(d.article_id, d.source_id): d for d in derivations}
    undirected = {frozenset(pair) for pair in found}
    lineage_of = {k: n for n, lineage in enumerate(KEY["lineages"]) for k in lineage}
    for expected in KEY["derivations"]:
        pair = (ids[expected["article"]], ids[expected["source"]])
        same_lineage_edge = any(
            lineage_of[k] == lineage_of[expected["article"]] and ids[k] in pair
            for k in KEY["articles"])
        assert frozenset(pair) in undirected or same_lineage_edge, expected
    key_of = {v: k for k, v in ids.items()}
    for article_id, source_id in found:
        assert lineage_of[key_of[article_id]] == lineage_of[key_of[source_id]], (
            f"false derivation {key_of[article_id]} <- {key_of[source_id]}")


def _conflicts(dossier):
    for story in dossier["stories"]:
        claim_articles = {c["id"]: {m["article"] for m in c["mentions"]} for c in story["claims"]}
        for conflict in story["conflicts"]:
            articles = set().union(*(claim_articles.get(c, set()) for c in conflict["claims"]))
            yield conflict, articles


@pytest.mark.parametrize(
    "expected",
    KEY["conflicts"],
    ids=[f"{c['kind']}-{c['speaker'][:20]}" for c in KEY["conflicts"]])
def test_demo_conflicts_found(demo, expected) -> None:
    dossier, ids, _, _ = demo
    wanted = {ids[k] for k in expected["articles"]}
    kinds = [c["kind"] for c, arts in _conflicts(dossier) if wanted <= arts]
    assert expected["kind"] in kinds, (expected["explanation"], kinds)


@pytest.mark.parametrize("pair", KEY["compatible"],
                         ids=[" vs ".join(p["figures"]) for p in KEY["compatible"]])
def test_demo_no_conflict_between_compatible_figures(demo, pair) -> None:
    dossier, ids, _, claims = demo
    figures = {f.lower() for f in pair["figures"]}
    for conflict, _ in _conflicts(dossier):
        texts = {q.text.lower() for cid in conflict["claims"] for claim in [claims.get(cid)]
                 if claim for q in claim.quantities}
        assert not figures <= texts, f"false conflict {conflict['explanation']}"


def test_demo_reports_no_conflict_outside_the_answer_key(demo) -> None:
    """Precision side of the conflict check: each reported conflict is one of the answer
    key's (same kind, between the key's articles), and none is reported twice."""
    dossier, ids, _, _ = demo
    matched = []
    for conflict, articles in _conflicts(dossier):
        keys = [n for n, c in enumerate(KEY["conflicts"]) if c["kind"] == conflict["kind"]
                and {ids[k] for k in c["articles"]} <= articles]
        assert keys, f"unexpected {conflict['kind']}: {conflict['explanation']}"
        matched.append(keys[0])
    assert len(matched) == len(set(matched)), "a conflict is reported more than once"
