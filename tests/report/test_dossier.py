"""The dossier from a real store, validated against the contract, and every export of it."""

from __future__ import annotations

import csv
import dataclasses
import importlib.util
import io
import json
from pathlib import Path

import jsonschema
import pytest
from rich.console import Console

from corroborator.compare import compare_story
from corroborator.records import Derivation, Rejection, Story
from corroborator.records.article import content_hash
from corroborator.report import (
    build_dossier,
    export,
    export_claimreview,
    export_csv,
    export_jsonl,
    export_markdown,
    export_prov,
    render_dossier,
)
from corroborator.store import open_store
from corroborator.store.base import StoredAnalysis

CONTRACTS = Path(__file__).resolve().parents[2].parent / "shared" / "contracts"


def _load_helpers():
    # tests run with --import-mode=importlib: load the shared example by path
    path = Path(__file__).resolve().parents[1] / "compare" / "helpers.py"
    spec = importlib.util.spec_from_file_location("compare_test_helpers", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


example = _load_helpers()
bow_embed = example.bow_embed


@pytest.fixture(scope="module")
def dossier(tmp_path_factory, settings):
    store = open_store(str(tmp_path_factory.mktemp("dossier") / "d.db"))
    articles = [dataclasses.replace(a, content_hash=content_hash(a.text + a.id))
                for a in (example.WIRE, example.COPY, example.REWRITE, example.LATER)]
    claims = example.example_claims()
    story = Story("s-brenmoor", "Brenmoor losses", tuple(a.id for a in articles))
    edges = [Derivation("copy", "wire", "copy", 1.0)]
    with store.atomic():
        for art in articles:
            store.add_article(art)
        store.save_analyses(
            StoredAnalysis(a.id, tuple(c for c in claims if c.article_id == a.id), (), (), None)
            for a in articles)
        store.replace_derivations(edges)
        store.replace_stories([story])
        result = compare_story(story, articles, claims, edges, settings, embed_fn=bow_embed)
        store.replace_comparison(story.id, result.propositions, result.conflicts)
    rejected = [Rejection("in/broken.html", "not an article: no text could be extracted")]
    return build_dossier(store, rejected=rejected)


def test_dossier_is_valid_against_the_contract(dossier) -> None:
    schema = json.loads((CONTRACTS / "dossier.schema.json").read_text("utf-8"))
    jsonschema.validate(dossier, schema)
    assert dossier["schema_version"] == "1.0"
    assert dossier["rejected"] == [{"path": "in/broken.html",
                                    "reason": "not an article: no text could be extracted"}]


def test_dossier_articles_paths_and_derivations(dossier) -> None:
    (story,) = dossier["stories"]
    by_id = {a["id"]: a for a in story["articles"]}
    assert by_id["wire"]["path"] == "wire.txt"
    assert by_id["copy"]["derived_from"] == [{"article": "wire", "relation": "copy",
                                              "score": 1.0}]
    assert story["independent_sources"] == 3  # wire+copy, rewrite, later


def test_dossier_claims_mentions_and_conflicts(dossier) -> None:
    (story,) = dossier["stories"]
    ids = {c["id"] for c in story["claims"]}
    for conflict in story["conflicts"]:
        assert set(conflict["claims"]) <= ids and len(set(conflict["claims"])) >= 2
    nearly = next(c for c in story["claims"]
                  if any(q["text"] == "nearly 2,000" for q in c["quantities"]))
    assert {m["article"] for m in nearly["mentions"]} == {"wire", "copy"}
    assert nearly["independent_sources"] == 1
    assert nearly["speaker"] == "Lena Vostrikova"
    outlets = {e["outlet"] for e in story["timeline"]}
    outlets |= {ch["outlet"] for e in story["timeline"] for ch in e["changes"]}
    assert outlets >= {"Meridian Press", "Kestrel Bay Tribune"}


def test_export_markdown(dossier) -> None:
    text = export_markdown(dossier)
    assert text.startswith("# Corroboration dossier")
    for conflict in dossier["stories"][0]["conflicts"]:
        assert conflict["explanation"] in text
    assert "in/broken.html" in text


def test_export_jsonl_and_csv_have_one_record_per_claim(dossier) -> None:
    claims = dossier["stories"][0]["claims"]
    lines = export_jsonl(dossier).splitlines()
    assert len(lines) == len(claims)
    assert {json.loads(line)["id"] for line in lines} == {c["id"] for c in claims}
    rows = list(csv.DictReader(io.StringIO(export_csv(dossier))))
    assert len(rows) == len(claims)
    assert any(r["figures"] == "nearly 2,000" and r["articles"] == "wire; copy" for r in rows)


def test_export_prov_relations(dossier) -> None:
    doc = json.loads(export_prov(dossier))
    assert "cor:article/copy" in doc["entity"]
    # prov-json writes wasQuotedFrom as a derivation typed prov:Quotation
    assert any(v["prov:generatedEntity"] == "cor:article/copy"
               and v["prov:usedEntity"] == "cor:article/wire"
               and "Quotation" in json.dumps(v.get("prov:type"))
               for v in doc["wasDerivedFrom"].values())
    assert any(v["prov:entity"].startswith("cor:claim/") for v in doc["wasAttributedTo"].values())
    assert any(v["prov:generatedEntity"] == "cor:article/copy"
               and v["prov:usedEntity"] == "cor:article/wire"
               and "PrimarySource" in json.dumps(v.get("prov:type"))
               for v in doc["wasDerivedFrom"].values())
    from prov.model import ProvDocument

    ProvDocument.deserialize(content=export_prov(dossier), format="json")


def test_export_claimreview_states_the_disagreement(dossier) -> None:
    reviews = json.loads(export_claimreview(dossier))
    conflicting = [c for c in dossier["stories"][0]["claims"] if c["status"] == "conflicting"]
    assert len(reviews) == len(conflicting) > 0
    for review in reviews:
        assert review["@type"] == "ClaimReview"
        assert "ratingValue" not in review["reviewRating"]  # no invented verdict
        assert review["reviewRating"]["alternateName"].startswith("Reports disagree")
        assert review["reviewRating"]["ratingExplanation"]


def test_export_dispatch_rejects_unknown_format(dossier) -> None:
    from corroborator.errors import ConfigError

    assert export(dossier, "csv") == export_csv(dossier)
    with pytest.raises(ConfigError, match="expected one of"):
        export(dossier, "xml")


def test_terminal_renders_every_section(dossier) -> None:
    console = Console(width=140, record=True, color_system=None)
    for renderable in render_dossier(dossier):
        console.print(renderable)
    text = console.export_text()
    for needle in ("Claims", "Conflicts", "Timeline", "Articles and derivations", "conflicting",
                   "misreport", "Rejected inputs"):
        assert needle in text


def test_terminal_claims_stay_readable_at_80_columns(dossier) -> None:
    """Piped output and default terminals are 80 columns wide: the claim text must still
    wrap in whole words, not be squeezed to one character per line."""
    console = Console(width=80, record=True, color_system=None)
    for renderable in render_dossier(dossier):
        console.print(renderable)
    text = console.export_text()
    claims_table = text[text.index("Claims"):text.index("Conflicts")]
    claim = max((c["text"] for c in dossier["stories"][0]["claims"]), key=len)
    opening = " ".join(claim.split()[:3])
    assert len(opening) < 24 and opening in claims_table


def test_terminal_story_header_counts_in_singular_and_plural(dossier) -> None:
    from rich.console import Console

    from corroborator.report.terminal import render_story

    (story,) = dossier["stories"]
    one = {**story, "articles": story["articles"][:1], "independent_sources": 1,
           "claims": story["claims"][:1], "conflicts": story["conflicts"][:1]}
    for shown, expected in ((story, f"{len(story['articles'])} articles · 3 independent "
                                    f"sources · {len(story['claims'])} claims"),
                            (one, "1 article · 1 independent source · 1 claim · 1 conflict")):
        console = Console(width=200, record=True, color_system=None)
        console.print(render_story(shown))
        assert expected in console.export_text()


def test_terminal_claims_fold_long_speaker_words_at_80_columns(dossier) -> None:
    from rich.console import Console

    from corroborator.report.terminal import render_story

    (story,) = dossier["stories"]
    claims = [{**c, "speaker": "Interconfederation"} for c in story["claims"]]
    console = Console(width=80, record=True, color_system=None)
    console.print(render_story({**story, "claims": claims}))
    shown = console.export_text()
    assert "Interconfed…" not in shown and "…" not in shown.split("Conflicts")[0]
    assert "Intercon" in shown  # folded onto the next lines, not dropped


def test_terminal_shows_brackets_of_news_copy_as_written(dossier) -> None:
    from rich.console import Console

    from corroborator.report.terminal import render_dossier

    (story,) = dossier["stories"]
    claims = [{**story["claims"][0], "text": "that [the army] had withdrawn [/i] troops",
               "speaker": "[unnamed] official"}]
    articles = [{**a, "title": "Troops pull back [updated]", "outlet": "Daily [Post]"}
                for a in story["articles"]]
    console = Console(width=200, record=True, color_system=None)
    for part in render_dossier({"stories": [{**story, "claims": claims,
                                             "articles": articles}],
                                "rejected": [{"path": "[draft].txt", "reason": "empty file"}]}):
        console.print(part)  # "[/i]" as markup would raise MarkupError
    shown = console.export_text()
    for written in ("that [the army] had withdrawn [/i] troops", "[unnamed] official",
                    "Daily [Post] — Troops pull back [updated]", "[draft].txt"):
        assert written in shown


def test_terminal_marks_an_article_not_read_for_claims(dossier) -> None:
    from corroborator.report.terminal import render_story

    (story,) = dossier["stories"]
    unread = [{**a, "not_analysed": "not analysed: language es"} if k == 0 else a
              for k, a in enumerate(story["articles"])]
    console = Console(width=200, record=True, color_system=None)
    console.print(render_story({**story, "articles": unread}))
    shown = console.export_text()
    assert shown.count("[not analysed: language es]") == 1
