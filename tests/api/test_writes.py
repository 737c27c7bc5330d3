"""Write endpoints: the token, the upload size limit, and what an upload stores."""

from __future__ import annotations

import shutil

import pytest

from corroborator.api.settings import ServerSettings
from corroborator.api.uploads import outlet_folder, run_stages_if_available, safe_filename
from corroborator.pipeline import run as run_module
from corroborator.store import open_store

from .conftest import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}

ARTICLE = (b"Lighthouse keeper Aino Salo said on Tuesday that the Kettle Rock lamp would be "
           b"switched off for three weeks of repairs, the first pause since 1961.\n")


def upload(client, data: bytes = ARTICLE, name: str = "kettle-rock.txt", **headers: str):
    return client.post("/api/ingest", files={"file": (name, data, "text/plain")},
                       headers=headers)


@pytest.mark.parametrize(("headers", "status", "code"), [
    ({}, 401, "unauthorized"),
    ({"Authorization": "Bearer wrong"}, 401, "unauthorized"),
    ({"Authorization": "Basic " + TOKEN}, 401, "unauthorized"),
    ({"X-Corroborator-Token": TOKEN + "x"}, 401, "unauthorized"),
])
def test_ingest_refuses_a_missing_or_wrong_token(make_client, fresh_db, headers, status,
                                                 code) -> None:
    response = upload(make_client(db=fresh_db), **headers)
    assert response.status_code == status
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert response.json()["error"]["code"] == code
    with open_store(fresh_db) as store:
        assert store.article_count() == 0


def test_token_is_checked_before_the_body(make_client, fresh_db) -> None:
    # No file and no token: the client learns it needs a token, not how to shape the body.
    response = make_client(db=fresh_db).post("/api/ingest")
    assert response.status_code == 401


def test_writes_are_disabled_without_a_configured_token(make_client, fresh_db) -> None:
    response = upload(make_client(db=fresh_db, token=""), Authorization="Bearer anything")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "writes_disabled"
    assert "CORROBORATOR_SERVER_TOKEN" in response.json()["error"]["message"]
    page = make_client(db=fresh_db, token="").get("/upload").text
    assert "Uploads are disabled" in page and "upload-form" not in page


@pytest.mark.parametrize("header", ["Authorization", "X-Corroborator-Token"])
def test_ingest_with_the_token_stores_the_article(make_client, fresh_db, header) -> None:
    value = f"Bearer {TOKEN}" if header == "Authorization" else TOKEN
    client = make_client(db=fresh_db)
    response = upload(client, **{header: value})
    assert response.status_code == 201
    data = response.json()["data"]
    assert data["added"] == 1 and data["rejected"] == []
    assert data["stages"]["ran"] is False  # turned off in these tests
    (article,) = data["articles"]
    assert "Kettle Rock" in client.get(f"/api/articles/{article['id']}").json()["data"][
        "article"]["text"]
    again = upload(client, Authorization=f"Bearer {TOKEN}").json()["data"]
    assert again["added"] == 0 and again["duplicates"] == 1


def test_upload_names_the_outlet_of_plain_text(make_client, fresh_db) -> None:
    client = make_client(db=fresh_db)
    response = client.post("/api/ingest", files={"file": ("k.txt", ARTICLE, "text/plain")},
                           data={"outlet": "Kettle Gazette"},
                           headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.json()["data"]["articles"][0]["outlet"] == "Kettle Gazette"


def test_ingest_reports_rejected_and_empty_files(make_client, fresh_db) -> None:
    client = make_client(db=fresh_db)
    empty = upload(client, b"", "empty.txt", Authorization=f"Bearer {TOKEN}")
    assert empty.status_code == 422 and "empty" in empty.json()["error"]["message"]
    binary = upload(client, bytes(range(256)) * 8, "junk.html", Authorization=f"Bearer {TOKEN}")
    assert binary.status_code == 201
    assert binary.json()["data"]["added"] == 0
    assert binary.json()["data"]["rejected"][0]["reason"]


def test_upload_over_the_limit_is_refused(make_client, fresh_db) -> None:
    client = make_client(db=fresh_db, upload_max_mb=1)
    big = b"word " * (300 * 1024)  # 1.5 MB
    response = upload(client, big, Authorization=f"Bearer {TOKEN}")
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"
    with open_store(fresh_db) as store:
        assert store.article_count() == 0


def test_streamed_upload_over_the_limit_is_refused(make_client, fresh_db) -> None:
    client = make_client(db=fresh_db, upload_max_mb=1)
    boundary = "xyzzy"

    def body():  # a generator body goes out chunked, without Content-Length
        yield (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
               f"filename=\"big.txt\"\r\nContent-Type: text/plain\r\n\r\n").encode()
        for _ in range(30):
            yield b"x" * (64 * 1024)
        yield f"\r\n--{boundary}--\r\n".encode()

    response = client.post("/api/ingest", content=body(), headers={
        "Authorization": f"Bearer {TOKEN}",
        "Content-Type": f"multipart/form-data; boundary={boundary}"})
    assert response.status_code == 413


def test_form_upload_needs_the_token_field(make_client, fresh_db) -> None:
    client = make_client(db=fresh_db)
    files = {"file": ("kettle.txt", ARTICLE, "text/plain")}
    refused = client.post("/upload", files=files, data={"token": "nope"})
    assert refused.status_code == 401 and "text/html" in refused.headers["content-type"]
    accepted = client.post("/upload", files=files, data={"token": TOKEN})
    assert accepted.status_code == 201 and "1 added" in accepted.text
    (article,) = client.get("/api/articles?unassigned=true").json()["data"]
    assert article["outlet"] == "upload"  # no outlet given: plain text is filed under "upload"
    assert f"/articles/{article['id']}" in client.get("/").text


@pytest.mark.parametrize(("outlet", "expected"), [
    ("Le Monde", "Le Monde"),
    ('Quay "><b>Watch</b>', 'Quay "><b>Watch<-b>'),  # kept as typed; escaped when shown
    ("../..", "..-.."),
    ("..", "upload"),
    ("  ", "upload"),
    (None, "upload"),
    ("a\tb\nc", "a-b-c"),
])
def test_outlet_becomes_one_folder_name(outlet, expected) -> None:
    assert outlet_folder(outlet) == expected


@pytest.mark.parametrize(("name", "expected"), [
    ("report.html", "report.html"),
    ("../../etc/passwd", "passwd"),
    ("C:\\Users\\x\\notes.txt", "notes.txt"),
    ("<script>.txt", "_script_.txt"),
    ("", "upload.txt"),
    ("..", "upload.txt"),
])
def test_uploaded_names_cannot_escape_the_temp_folder(name: str, expected: str) -> None:
    assert safe_filename(name) == expected


def test_stages_are_skipped_with_a_reason_when_unavailable(monkeypatch, settings) -> None:
    def missing(*_a, **_k):
        raise ImportError("No module named 'corroborator.compare'")

    monkeypatch.setattr(run_module, "run_stages", missing)
    result = run_stages_if_available(None, settings, ServerSettings())  # type: ignore[arg-type]
    assert result["ran"] is False and "corroborator.compare" in result["reason"]


def test_stages_run_after_upload_when_available(monkeypatch, settings) -> None:
    monkeypatch.setattr(run_module, "run_stages",
                        lambda store, settings: run_module.RunReport(stories=3, conflicts=1))
    result = run_stages_if_available(None, settings, ServerSettings())  # type: ignore[arg-type]
    assert result == {"ran": True, "stories": 3, "derivations": 0, "propositions": 0,
                      "conflicts": 1}
    off = run_stages_if_available(None, settings, ServerSettings(run_stages_after_ingest=False))
    assert off["ran"] is False


def test_story_edits_are_stored_with_the_token_and_checked(make_client, demo_records,
                                                          tmp_path) -> None:
    from corroborator.pipeline.story_edits import JOIN, load_edits
    from corroborator.store import open_store

    db = str(tmp_path / "edits.db")
    shutil.copy(demo_records["path"], db)
    client = make_client(db)
    url = "/api/stories/story-spill/edits"
    assert client.post(url, json={"merge": ["story-museum"]}).status_code == 401
    itself = client.post(url, json={"merge": ["story-spill"]}, headers=AUTH)
    assert itself.status_code == 422 and "nothing to merge" in itself.json()["error"]["message"]
    assert client.post(url, json={}, headers=AUTH).status_code == 422
    assert client.post("/api/stories/nope/edits", json={"undo": True},
                       headers=AUTH).status_code == 404
    done = client.post(url, json={"merge": ["story-museum"]}, headers=AUTH)
    assert done.status_code == 200, done.text
    body = done.json()["data"]
    assert body["story"] == "story-spill"
    assert body["stages"] == {"ran": False, "reason": "[server] run_stages_after_ingest is off"}
    with open_store(db) as store:
        [edit] = load_edits(store)
    assert edit.kind == JOIN and demo_records["museum"].id in edit.articles
