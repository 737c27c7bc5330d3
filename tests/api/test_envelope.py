"""The JSON contract: one envelope for success and for every error (as in datasette's
test_success_envelope / test_error_shape), and each HTML page's JSON twin."""

from __future__ import annotations

import pytest

from .conftest import TOKEN


def read_endpoints(records) -> list[str]:
    local = records["local"].id
    return [
        "/api/stories", "/api/stories?sort=conflicts", "/api/stories/story-spill",
        "/api/stories/story-spill/graph", f"/api/articles/{local}", "/api/articles",
        "/api/articles?unassigned=true",
        "/api/claims", "/api/claims?story=story-spill", f"/api/claims?article={local}",
        "/api/claims?story=story-spill&status=conflicting", "/api/search?q=tonnes",
    ]


def test_every_read_endpoint_answers_in_the_success_envelope(client, demo_records) -> None:
    for url in read_endpoints(demo_records):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["content-type"].startswith("application/json"), url
        body = response.json()
        assert body["ok"] is True and "data" in body and "error" not in body, url


@pytest.mark.parametrize(("url", "status", "code"), [
    ("/api/stories/no-such-story", 404, "not_found"),
    ("/api/articles/ffffffffffff", 404, "not_found"),
    ("/api/stories/no-such-story/graph", 404, "not_found"),
    ("/api/claims?story=nope", 404, "not_found"),
    ("/api/no-such-endpoint", 404, "not_found"),
    ("/api/stories?limit=0", 422, "invalid_request"),
    ("/api/stories?limit=abc", 422, "invalid_request"),
    ("/api/stories?offset=-1", 422, "invalid_request"),
    ("/api/stories?sort=alphabetical", 422, "invalid_request"),
    ("/api/claims?status=disputed", 422, "invalid_request"),
    ("/api/search", 422, "invalid_request"),
    ("/api/search?q=", 422, "invalid_request"),
])
def test_errors_share_one_shape(client, url: str, status: int, code: str) -> None:
    response = client.get(url)
    assert response.status_code == status
    body = response.json()
    assert body == {"ok": False, "status": status, "error": body["error"]}
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]


def test_validation_errors_name_the_bad_field(client) -> None:
    body = client.get("/api/stories?limit=5000").json()
    assert any(d["field"] == "query.limit" for d in body["error"]["details"])
    assert "limit" in body["error"]["message"]


def test_wrong_method_is_an_envelope_error(client) -> None:
    response = client.delete("/api/stories", headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method_not_allowed"


def test_lists_are_paged_with_next_offset(client) -> None:
    first = client.get("/api/stories?limit=1").json()
    assert len(first["data"]) == 1 and first["next"] == 1 and first["total"] == 2
    second = client.get(f"/api/stories?limit=1&offset={first['next']}").json()
    assert second["next"] is None
    assert second["data"][0]["id"] != first["data"][0]["id"]


@pytest.mark.parametrize(("page", "twin"), [
    ("/", "/api/stories"),
    ("/stories/story-spill", "/api/stories/story-spill"),
    ("/search?q=tonnes", "/api/search?q=tonnes"),
])
def test_each_page_links_its_json_twin(client, page: str, twin: str) -> None:
    html = client.get(page).text
    assert 'class="json-twin"' in html
    assert twin in html.replace("&amp;", "&")


def test_article_page_links_its_json_twin(client, demo_records) -> None:
    article = demo_records["wire"].id
    assert f"/api/articles/{article}" in client.get(f"/articles/{article}").text


def test_html_pages_get_html_errors(client) -> None:
    response = client.get("/stories/no-such-story")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "no story with id" in response.text


def test_openapi_describes_every_api_endpoint(client) -> None:
    spec = client.get("/api/openapi.json").json()
    for path in ("/api/stories", "/api/stories/{story_id}", "/api/articles/{article_id}",
                 "/api/claims", "/api/search", "/api/ingest"):
        assert path in spec["paths"], path
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and "/api/ingest" in docs.text
    assert "cdn" not in docs.text.lower()  # the docs page works offline


def test_responses_carry_security_headers(client) -> None:
    headers = client.get("/").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(("host", "status"), [
    ("127.0.0.1:8765", 200), ("localhost", 200), ("[::1]:8765", 200),
    ("evil.example", 400), ("evil.example:8765", 400), ("127.0.0.1.evil.example", 400),
])
def test_loopback_server_refuses_foreign_host_names(client, host: str, status: int) -> None:
    # DNS rebinding: another site's name resolving to 127.0.0.1 must not read the dossier.
    response = client.get("/api/stories", headers={"host": host})
    assert response.status_code == status
    if status == 400:
        assert response.json()["error"]["code"] == "invalid_host"


def test_configured_hosts_replace_the_loopback_default(make_client) -> None:
    client = make_client(allowed_hosts=["dossier.example"])
    assert client.get("/", headers={"host": "dossier.example"}).status_code == 200
    assert client.get("/", headers={"host": "127.0.0.1"}).status_code == 400


def test_public_bind_accepts_any_host(make_client) -> None:
    client = make_client(host="0.0.0.0")
    assert client.get("/", headers={"host": "anything.example"}).status_code == 200


def test_every_api_route_is_covered_by_the_envelope_test(client, demo_records) -> None:
    """A new endpoint must be added to read_endpoints (or be a write endpoint tested in
    test_writes), so the envelope contract cannot be skipped by accident."""
    covered = {url.split("?")[0] for url in read_endpoints(demo_records)}
    local = demo_records["local"].id
    for route in client.app.routes:
        path = getattr(route, "path", "")
        if not path.startswith("/api/") or path in ("/api/openapi.json", "/api/docs"):
            continue
        if "GET" not in getattr(route, "methods", set()):
            assert path == "/api/ingest", path
            continue
        concrete = path.replace("{story_id}", "story-spill").replace("{article_id}", local)
        assert concrete in covered, f"{path} is not in read_endpoints"
