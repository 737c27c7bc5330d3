"""The web dossier in a real browser (Debian Chromium via Playwright) over the demo store."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import pytest

from .conftest import TOKEN, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.model, pytest.mark.embeddings]

XSS_TEXT = ('Harbour crane collapse: <script>alert(1)</script> "><img src=x onerror=alert(1)>\n\n'
            "A harbour crane collapsed onto the quay in Port Ellery on Sunday, the port "
            "authority said, adding that nobody was hurt. <script>alert(document.cookie)</script>"
            "\n")


def api(base: str, path: str) -> dict:
    with urllib.request.urlopen(base + path, timeout=30) as response:  # loopback test server
        body = json.loads(response.read())
    assert body["ok"] is True
    return body["data"]


@pytest.fixture(scope="module")
def misreport_story(live_server: str) -> dict:
    """The demo story whose dossier has a misreport conflict (the answer key's story A)."""
    for row in api(live_server, "/api/stories?sort=conflicts"):
        story = api(live_server, f"/api/stories/{row['id']}")["story"]
        if any(c["kind"] == "misreport" for c in story["conflicts"]):
            return story
    try:
        import corroborator.compare  # noqa: F401
    except ImportError:
        pytest.skip("no conflicts in the demo store: the compare stage is not in this checkout")
    pytest.fail("the demo store has no story with a misreport conflict")


def test_story_list_shows_stories_with_counts(page, live_server: str) -> None:
    page.goto(live_server + "/")
    rows = page.locator("tr.story-row")
    assert rows.count() >= 4
    headers = page.locator("table.stories th").all_inner_texts()
    assert {"Articles", "Independent sources", "Conflicts", "Dates"} <= set(headers)
    screenshot(page, "story-list")
    page.get_by_role("link", name="conflicts", exact=True).click()
    page.wait_for_url("**/?sort=conflicts")
    first = page.locator("tr.story-row").first
    assert first.locator(".badge.status-conflicting").is_visible()


def test_search_box_finds_articles(page, live_server: str) -> None:
    page.goto(live_server + "/")
    page.get_by_label("Search articles and claims").fill("Vostrikova")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/search?q=Vostrikova")
    assert page.locator("li.hit").count() >= 3
    assert page.locator("li.hit mark").first.inner_text() == "Vostrikova"


def test_misreport_conflict_is_visible(page, live_server: str, misreport_story: dict) -> None:
    page.goto(f"{live_server}/stories/{misreport_story['id']}")
    conflict = page.locator("li.conflict.kind-misreport").first
    assert conflict.is_visible()
    badge = conflict.locator(".badge.conflict-kind")
    assert badge.is_visible() and badge.inner_text().lower() == "misreport"
    explanation = conflict.locator(".explanation").inner_text()
    assert "2,000" in explanation  # the two figures the outlets disagree on
    assert page.locator("tr.claim-row .badge.status-conflicting").first.is_visible()
    screenshot(page, "story-misreport")
    # The conflict links to its claims in the claims table.
    conflict.locator(".conflict-claims a").first.click()
    target = page.locator("tr.claim-row:target")
    assert target.count() == 1 and target.locator(".badge.status-conflicting").is_visible()


def test_derivation_graph_draws_every_article(page, live_server: str,
                                             misreport_story: dict) -> None:
    page.goto(f"{live_server}/stories/{misreport_story['id']}#graph")
    graph = page.locator("#derivation-graph")
    assert graph.is_visible()
    nodes = graph.locator("g.node")
    assert nodes.count() == len(misreport_story["articles"])
    ids = {nodes.nth(i).get_attribute("data-article") for i in range(nodes.count())}
    assert ids == {a["id"] for a in misreport_story["articles"]}
    labels = graph.locator(".node-label").all_text_contents()
    outlets = {a["outlet"] for a in misreport_story["articles"] if a["outlet"]}
    assert any(label.rstrip("…") and any(o.startswith(label.rstrip("…")) for o in outlets)
               for label in labels)
    edges = sum(len(a["derived_from"]) for a in misreport_story["articles"])
    assert graph.locator("path.edge").count() == edges
    if edges:
        assert graph.locator("g.node.origin").count() >= 1
        relations = " ".join(graph.locator(".edge-label").all_text_contents())
        assert any(r in relations for r in ("copy", "near-copy", "rewrite", "partial"))
    graph.screenshot(path=str(Path(__file__).resolve().parents[2] / "test-artifacts"
                              / "derivation-graph.png"))
    nodes.first.click()
    page.wait_for_url("**/articles/**")


def test_article_highlights_claims_quotes_and_figures(page, live_server: str,
                                                    misreport_story: dict) -> None:
    conflicting = next(c for c in misreport_story["claims"] if c["status"] == "conflicting")
    article_id = conflicting["mentions"][0]["article"]
    page.goto(f"{live_server}/articles/{article_id}")
    text = page.locator("#article-text")
    assert text.locator(".claim.status-conflicting").first.is_visible()
    assert text.locator(".figure").count() >= 1
    assert "2,000" in " ".join(text.locator(".figure").all_inner_texts())
    assert text.locator(".quote").count() >= 1
    aside = page.locator("aside.claims-aside")
    assert aside.locator(".badge.status-conflicting").first.is_visible()
    screenshot(page, "article-highlights")
    # "Also in" leads to the same claim in another outlet's article.
    elsewhere = aside.locator(".elsewhere a")
    if elsewhere.count():
        href = elsewhere.first.get_attribute("href") or ""
        elsewhere.first.click()
        page.wait_for_load_state()
        claim_id = href.rsplit("#claim-", 1)[1]
        assert page.locator(f'[data-claim="{claim_id}"]').first.is_visible()


def test_upload_appears_and_untrusted_text_stays_text(page, live_server: str,
                                                     tmp_path: Path) -> None:
    upload = tmp_path / "crane-collapse.txt"
    upload.write_text(XSS_TEXT, encoding="utf-8")
    page.goto(live_server + "/upload")
    page.locator("input[name=file]").set_input_files(str(upload))
    page.get_by_label("Outlet of plain-text files (optional)").fill('Quay "><b>Watch')
    page.locator("input[name=token]").fill(TOKEN)
    page.get_by_role("button", name="Upload and analyse").click()
    result = page.locator("#upload-result")
    result.wait_for()
    assert "1 added" in result.inner_text()
    screenshot(page, "upload-result")
    result.locator("ul.uploaded a").first.click()
    page.wait_for_url("**/articles/**")
    shown = page.locator("#article-text").inner_text()
    assert "<script>alert(1)</script>" in shown
    assert '"><img src=x onerror=alert(1)>' in shown
    assert page.locator("#article-text script, #article-text img").count() == 0
    assert page.locator("h1").inner_text().startswith("Harbour crane collapse: <script>")
    assert page.locator(".facts .outlet").inner_text() == 'Quay "><b>Watch'
    screenshot(page, "xss-article")
    # The new article is listed on the front page and found by search.
    page.goto(live_server + "/")
    assert page.get_by_role("link", name="Harbour crane collapse").first.is_visible() or (
        page.locator("section.unassigned").inner_text().count("crane") >= 1)
    page.goto(live_server + "/search?q=crane+collapsed")
    assert page.locator("li.hit").count() >= 1
    # page fixture teardown asserts that no dialog fired and no script error happened.


def test_upload_with_a_wrong_token_is_refused(page, live_server: str, tmp_path: Path,
                                              request) -> None:
    request.node.expected_console_errors = ("401",)
    upload = tmp_path / "note.txt"
    upload.write_text("A short note about the harbour that nobody may store here.\n" * 3)
    page.goto(live_server + "/upload")
    page.locator("input[name=file]").set_input_files(str(upload))
    page.locator("input[name=token]").fill("not-the-token")
    page.get_by_role("button", name="Upload and analyse").click()
    page.wait_for_load_state()
    assert "valid token is required" in page.locator(".error-message").inner_text()
