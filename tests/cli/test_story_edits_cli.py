"""`corroborator story ID --merge/--detach/--undo-edits` on a copy of the analysed demo."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from corroborator.cli.app import app

pytestmark = [pytest.mark.model, pytest.mark.embeddings]


def stories(db: str) -> list[dict]:
    result = CliRunner().invoke(app, ["stories", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_merge_detach_and_undo_survive_reruns(demo_run, settings, tmp_path) -> None:
    from corroborator.pipeline.run import run_stages
    from corroborator.store import open_store

    db = str(tmp_path / "edited.db")
    shutil.copy(demo_run[0], db)
    before = stories(db)
    big, small = sorted(before, key=lambda s: -s["articles"])[:2]
    runner = CliRunner()

    merged = runner.invoke(app, ["story", big["id"][:12], "--merge", small["id"], "--db", db,
                                 "--json"])
    assert merged.exit_code == 0, merged.output
    [story] = json.loads(merged.stdout)["stories"]
    assert story["id"] == big["id"]
    assert len(story["articles"]) == big["articles"] + small["articles"]
    after = stories(db)
    assert len(after) == len(before) - 1
    # the edit is stored: running the stages again keeps the stories joined
    with open_store(db) as store:
        run_stages(store, settings)
    assert [s["id"] for s in stories(db)] == [s["id"] for s in after]

    moved = json.loads(runner.invoke(app, ["story", big["id"], "--db", db, "--json"]).stdout)
    article_id = moved["stories"][0]["articles"][-1]["id"]
    detached = runner.invoke(app, ["story", big["id"], "--detach", article_id[:12], "--db", db])
    assert detached.exit_code == 0, detached.output
    assert {"s-" + article_id} <= {s["id"] for s in stories(db)}

    undone = runner.invoke(app, ["story", big["id"], "--undo-edits", "--db", db, "-q"])
    assert undone.exit_code == 0, undone.output
    assert sorted((s["id"], s["articles"]) for s in stories(db)) == sorted(
        (s["id"], s["articles"]) for s in before)


def test_bad_edits_are_refused_with_a_reason(demo_run, tmp_path) -> None:
    db = str(tmp_path / "edited.db")
    shutil.copy(demo_run[0], db)
    before = stories(db)
    first, second = before[:2]
    runner = CliRunner()
    itself = runner.invoke(app, ["story", first["id"], "--merge", first["id"][:10], "--db", db])
    assert itself.exit_code == 1 and "nothing to merge" in itself.output
    elsewhere = json.loads(runner.invoke(app, ["story", second["id"], "--db", db,
                                               "--json"]).stdout)
    foreign = elsewhere["stories"][0]["articles"][0]["id"]
    refused = runner.invoke(app, ["story", first["id"], "--detach", foreign, "--db", db])
    assert refused.exit_code == 1 and "is not in story" in refused.output
    assert stories(db) == before
