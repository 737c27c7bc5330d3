"""The command line: exit codes, JSON output, and the commands working together."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from corroborator.cli.app import app

TEXT = ("Officials in Port Ellery said on Monday that two cargo ships collided near the "
        "breakwater, spilling about 40 tonnes of fuel oil into the bay.")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def news(tmp_path: Path) -> Path:
    folder = tmp_path / "news" / "Port Daily"
    folder.mkdir(parents=True)
    (folder / "ships.txt").write_text("Ships collide off Port Ellery\n\n" + TEXT, encoding="utf-8")
    (folder / "spill.txt").write_text("Spill reaches beaches\n\nOil from the collision reached "
                                      "two beaches on Tuesday, the coast guard said.",
                                      encoding="utf-8")
    return tmp_path / "news"


def test_cli_ingest_then_list_and_search(runner, news: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    result = runner.invoke(app, ["ingest", str(news), "--db", db])
    assert result.exit_code == 0, result.output
    listed = runner.invoke(app, ["articles", "--db", db, "--json"])
    rows = json.loads(listed.stdout)
    assert sorted(r["title"] for r in rows) == ["Ships collide off Port Ellery",
                                                "Spill reaches beaches"]
    assert {r["outlet"] for r in rows} == {"Port Daily"}
    found = json.loads(runner.invoke(app, ["search", "breakwater", "--db", db, "--json"]).stdout)
    assert [hit["title"] for hit in found] == ["Ships collide off Port Ellery"]
    assert "[breakwater]" in found[0]["snippet"]


def test_cli_ingest_exit_code_and_json_when_inputs_rejected(runner, news, tmp_path) -> None:
    (news / "broken.html").write_bytes(b"\x00\x01garbage" * 50)
    db = str(tmp_path / "c.db")
    result = runner.invoke(app, ["ingest", str(news), "--db", db, "--json"])
    assert result.exit_code == 3
    report = json.loads(result.stdout)
    assert report["added"] == 2
    assert report["rejected"] == [{"path": str(news / "broken.html"),
                                   "reason": "binary data (contains NUL bytes), not a news article"}]
    again = json.loads(runner.invoke(app, ["ingest", str(news), "--db", db, "--json"]).stdout)
    assert (again["added"], again["duplicates"]) == (0, 2)


def test_cli_usage_error_exit_code(runner) -> None:
    assert runner.invoke(app, ["ingest"]).exit_code == 2
    assert runner.invoke(app, ["no-such-command"]).exit_code == 2


def test_cli_store_error_is_a_message_not_a_traceback(runner, news, tmp_path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_text("not a database " * 100)
    result = runner.invoke(app, ["ingest", str(news), "--db", str(bad)])
    assert result.exit_code == 1
    assert "not a corroborator database" in result.output
    assert "Traceback" not in result.output


def test_cli_bad_settings_file_names_the_key(runner, news, tmp_path) -> None:
    config = tmp_path / "c.toml"
    config.write_text("[ingest]\nmax_file_megabytes = 3\n")
    result = runner.invoke(app, ["--config", str(config), "ingest", str(news),
                                 "--db", str(tmp_path / "c.db")])
    assert result.exit_code == 1
    assert "max_file_megabytes" in result.output and "max_file_mb" in result.output


@pytest.mark.parametrize("command", [[], ["stories"], ["serve"]])
def test_cli_help_shows_settings_names_in_brackets(runner, command) -> None:
    # Rich reads "[store]" as a style tag and drops it unless escaped.
    result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "[store] url" in result.stdout
    if command == ["serve"]:
        assert "[server] host" in result.stdout and "[server] port" in result.stdout


def test_cli_help_paragraphs_are_wrapped_as_paragraphs(runner) -> None:
    # Typer wrapped each docstring line on its own: "clusters stories,\n finds\n copies..."
    result = runner.invoke(app, ["analyze", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    shown = result.stdout
    assert ("extracts attributed claims, clusters stories, finds copies and rewrites, aligns "
            "claims across outlets") in shown
    assert "Example: corroborator analyze reports/ --json" in shown  # its own paragraph


def test_story_listing_keeps_ids_and_dates_whole_in_a_narrow_terminal() -> None:
    from rich.console import Console

    from corroborator.cli.stories import OUTLETS_MIN_WIDTH, stories_table

    rows = [{"id": "s-fbc91c0f1bbe04b7", "title": "Dravenia says nearly 2,000 Halvorian "
             "soldiers killed or wounded near Brenmoor as the fighting drags into its third week",
             "articles": 12, "independent_sources": 5, "conflicts": 4,
             "first_published": "2026-02-26T16:40:00+00:00",
             "last_published": "2026-03-07T08:00:00+00:00",
             "outlets": ["Harbor News Agency", "Meridian Press Agency", "Lakeshore Courier",
                         "The Daily Rundown", "Kestrel Bay Tribune"]}]
    for width in (80, OUTLETS_MIN_WIDTH):
        console = Console(width=width, record=True, color_system=None)
        console.print(stories_table(rows, width))
        shown = console.export_text()
        assert "s-fbc91c0f" in shown  # the prefix `corroborator story` takes
        assert "2026-02-26" in shown and "2026-03-07" in shown
        assert "…" in shown  # the title is cut at 80 characters, visibly
        assert ("Harbor News" in shown) == (width >= OUTLETS_MIN_WIDTH)


def test_cli_messages_to_a_pipe_have_no_progress_leftovers(news, tmp_path) -> None:
    import subprocess
    import sys

    db = str(tmp_path / "c.db")
    done = subprocess.run([sys.executable, "-m", "corroborator", "ingest", str(news), "--db", db],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    # a transient progress bar on a non-terminal leaves an empty line behind
    assert done.stderr.splitlines() == [
        "2 articles added, 0 new versions, 0 already stored, 0 rejected"]


def _repeating_inputs(tmp_path: Path) -> Path:
    """A feed that re-posts one entry, and another tool's JSON Lines export of the same entry
    (its paragraphs spaced otherwise)."""
    entry = ("<item><title>Ships collide off Port Ellery</title>"
             "<link>https://p.example/ships</link><content:encoded><![CDATA[<p>"
             + TEXT + "</p><p>Clean-up began on Tuesday.</p>]]></content:encoded></item>")
    folder = tmp_path / "feeds"
    folder.mkdir()
    (folder / "a.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/'
        'modules/content/"><channel><title>Port Daily</title>' + entry + entry
        + "</channel></rss>", encoding="utf-8")
    (folder / "b.jsonl").write_text(json.dumps({
        "title": "Ships collide off Port Ellery", "url": "https://p.example/ships",
        "outlet": "Port Daily", "text": TEXT + "\n\nClean-up began on Tuesday."}) + "\n",
        encoding="utf-8")
    return folder


def _run_cli(*args: str) -> tuple[int, str, str]:
    import os
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "corroborator", *args], capture_output=True,
                          text=True, timeout=120, env={**os.environ, "COLUMNS": "200"})
    return done.returncode, done.stdout, done.stderr


def test_cli_ingest_names_an_article_read_twice_in_one_run(tmp_path) -> None:
    # stored once, and the user is told where the repeats were read
    folder = _repeating_inputs(tmp_path)
    code, _, stderr = _run_cli("ingest", str(folder), "--db", str(tmp_path / "c.db"))
    assert code == 0, stderr
    lines = stderr.splitlines()
    assert lines[0] == "1 article added, 0 new versions, 2 already stored, 0 rejected"
    assert [line.split(" is ")[0].strip() for line in lines[1:]] == [
        f"repeated: {folder / 'a.rss'} (https://p.example/ships)",
        f"repeated: {folder / 'b.jsonl'} (line 1)"]
    assert all(line.endswith("read earlier in this run; counted once") for line in lines[1:])


def test_cli_extract_gives_an_article_read_three_times_once(tmp_path) -> None:
    folder = _repeating_inputs(tmp_path)
    code, stdout, stderr = _run_cli("extract", str(folder), "--json")
    assert code == 0, stderr
    assert [json.loads(line)["url"] for line in stdout.splitlines()] == [
        "https://p.example/ships"]
    assert [line.split(" is ")[0] for line in stderr.splitlines()] == [
        f"repeated: {folder / 'a.rss'} (https://p.example/ships)",
        f"repeated: {folder / 'b.jsonl'} (line 1)"]


def test_cli_extract_names_a_chain_by_its_relays(runner, tmp_path) -> None:
    # the chain ends with the speaker: the listing names only who passed the words on
    page = tmp_path / "mine.txt"
    page.write_text("Miners trapped\n\nRescuers reached the second chamber, the company said, "
                    "according to KTA.\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(page)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "company via KTA — said" in result.output
