"""The pipeline commands end to end: extract, analyze, stories, reuse, export — real output
validated against the public contracts."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from corroborator.cli.app import app

pytestmark = [pytest.mark.model, pytest.mark.embeddings]

CONTRACTS = Path(__file__).resolve().parents[3] / "shared" / "contracts"
PAIR = Path(__file__).resolve().parents[1] / "compare" / "data" / "pass-clashes"


def schema(name: str) -> dict:
    return json.loads((CONTRACTS / name).read_text("utf-8"))


@pytest.fixture(scope="module")
def analysed(tmp_path_factory) -> tuple[str, dict]:
    db = str(tmp_path_factory.mktemp("cli") / "pair.db")
    result = CliRunner().invoke(app, ["analyze", str(PAIR), "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    return db, json.loads(result.stdout)


def test_cli_analyze_json_is_a_valid_dossier(analysed) -> None:
    _, dossier = analysed
    jsonschema.validate(dossier, schema("dossier.schema.json"))
    [story] = dossier["stories"]
    assert len(story["articles"]) == 2
    assert {a["path"] for a in story["articles"]} == {
        str(p) for p in PAIR.rglob("*.txt")}
    assert "misreport" in {c["kind"] for c in story["conflicts"]}


def test_cli_analyze_reports_rejected_inputs(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.html").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    result = CliRunner().invoke(app, ["analyze", str(folder), "--db", str(tmp_path / "x.db"),
                                      "--json"])
    assert result.exit_code == 3
    dossier = json.loads(result.stdout)
    jsonschema.validate(dossier, schema("dossier.schema.json"))
    assert dossier["stories"] == []
    assert sorted(r["reason"] for r in dossier["rejected"]) == [
        "PNG image, not a news article", "empty file"]


def test_cli_extract_json_lines_validate(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"")
    result = CliRunner().invoke(app, ["extract", str(PAIR), str(tmp_path / "bad.txt"),
                                      "--json"])
    assert result.exit_code == 3
    records = [json.loads(line) for line in result.stdout.splitlines()]
    article_schema = schema("article-analysis.schema.json")
    for record in records:
        jsonschema.validate(record, article_schema)
    by_path = {r["path"]: r for r in records}
    assert by_path[str(tmp_path / "bad.txt")]["error"] == "empty file"
    for path in PAIR.rglob("*.txt"):
        record = by_path[str(path)]
        assert record["text"] == path.read_text("utf-8")  # offsets are offsets into the file
        assert record["claims"], path
        for claim in record["claims"]:
            start, end = claim["content_span"]
            assert 0 <= start < end <= len(record["text"])


def test_cli_stories_reuse_and_exports(analysed) -> None:
    db, dossier = analysed
    runner = CliRunner()
    stories = json.loads(runner.invoke(app, ["stories", "--db", db, "--json"]).stdout)
    assert [s["id"] for s in stories] == [s["id"] for s in dossier["stories"]]
    assert stories[0]["articles"] == 2
    # the listing counts what the dossier shows
    assert stories[0]["conflicts"] == len(dossier["stories"][0]["conflicts"]) > 0
    assert stories[0]["independent_sources"] == dossier["stories"][0]["independent_sources"]
    reuse = json.loads(runner.invoke(app, ["reuse", "--db", db, "--json"]).stdout)
    assert reuse["independent_sources"] >= 1
    story_id = stories[0]["id"]
    shown = runner.invoke(app, ["story", story_id[:8], "--db", db])
    assert shown.exit_code == 0 and "misreport" in shown.stdout
    rows = list(csv.DictReader(io.StringIO(
        runner.invoke(app, ["export", story_id, "-f", "csv", "--db", db]).stdout)))
    assert rows and {"status", "speaker", "text"} <= set(rows[0])
    markdown = runner.invoke(app, ["export", "--all", "-f", "markdown", "--db", db]).stdout
    assert stories[0]["title"] in markdown
    prov = json.loads(runner.invoke(app, ["export", "--all", "-f", "prov", "--db", db]).stdout)
    assert "wasDerivedFrom" in prov or "wasAttributedTo" in prov
    bad = runner.invoke(app, ["export", "--all", "-f", "pdf", "--db", db])
    assert bad.exit_code == 2 and "markdown" in bad.output


def test_cli_extract_listing_names_a_continued_quotation(tmp_path: Path) -> None:
    # a quotation paragraph after its speaker's statement carries the speaker but no cue of
    # its own: the listing says it is quoted rather than showing an unknown cue
    (tmp_path / "bridge.txt").write_text(
        "Mayor Ines Okafor said the bridge would stay closed until Friday.\n\n"
        "\u201cWe cannot take risks with a structure this old,\u201d she said.\n\n"
        "\u201cThe city will publish the engineers' report in full.\u201d\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "bridge.txt")])
    assert result.exit_code == 0, result.output
    lines = [" ".join(line.split()) for line in result.stdout.splitlines()]
    assert any(line.startswith("Ines Okafor — quoted [stated] — \u201cThe city will publish")
               for line in lines), result.stdout
    assert not any(" — ? [" in line for line in lines)


def test_cli_analyze_of_the_database_folder_passes_over_the_database(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    wire = PAIR / "Coastal Wire Service" / "veloria-tarsk-casualties.txt"
    (tmp_path / "report.txt").write_text(
        "Tarsk pass clashes [updated]\n\n" + wire.read_text(encoding="utf-8"), encoding="utf-8")
    runner = CliRunner()
    first = runner.invoke(app, ["analyze", "."])  # the default ./corroborator.db
    assert first.exit_code == 0, first.output
    again = runner.invoke(app, ["analyze", ".", "--json"])
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout)["rejected"] == []
    for listing in ("articles", "stories"):  # a title's brackets are no style tags
        assert "[updated]" in runner.invoke(app, [listing]).output
    named = runner.invoke(app, ["ingest", "corroborator.db"])
    assert named.exit_code == 3
    assert "the database this run writes to" in named.output


def test_cli_analyze_names_articles_it_stored_but_did_not_analyse(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bericht.txt").write_text(
        "Der Bürgermeister sagte am Montag, dass mehr als 300 Menschen in Sicherheit "
        "gebracht wurden. Die Feuerwehr bestätigte die Zahl am Abend.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["analyze", str(folder), "--db",
                                      str(tmp_path / "x.db")])
    assert result.exit_code == 0
    shown = " ".join(result.output.split())  # as read, whatever the terminal wrapped
    assert "1 article stored but not analysed" in shown
    assert "bericht.txt: not analysed: language de" in shown
    assert "1 story, 0 derivations" in shown
