"""Settings: packaged defaults, overridden key by key, validated."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborator.errors import ConfigError, MissingExtraError, require_extra
from corroborator.settings import IngestSettings, NlpSettings, StoreSettings, load_settings


def test_settings_user_file_overrides_only_its_keys(tmp_path: Path) -> None:
    user = tmp_path / "mine.toml"
    user.write_text('[ingest]\nmax_file_mb = 5\n[nlp]\nmodel = "en_core_web_md"\n')
    settings = load_settings(user, environ={})
    assert settings.get(IngestSettings).max_file_mb == 5
    assert settings.get(IngestSettings).min_text_chars == 40  # untouched default
    assert settings.get(NlpSettings).model == "en_core_web_md"


def test_settings_environment_and_overrides_win(tmp_path: Path) -> None:
    settings = load_settings(environ={"CORROBORATOR_STORE_URL": "env.db",
                                      "CORROBORATOR_INGEST_MAX_FILE_MB": "7"})
    assert settings.get(StoreSettings).url == "env.db"
    assert settings.get(IngestSettings).max_file_mb == 7
    assert settings.with_overrides({"store": {"url": "x.db"}}).get(StoreSettings).url == "x.db"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[ingest]\nmax_file_md = 3\n", "unknown key 'max_file_md'"),
        ("[ingestion]\nmax_file_mb = 3\n", "unknown section [ingestion]"),
        ('[ingest]\nmax_file_mb = "lots"\n', "wrong type"),
        ("[ingest\n", "not valid TOML"),
    ],
)
def test_settings_errors_name_the_problem(tmp_path: Path, content: str, message: str) -> None:
    user = tmp_path / "bad.toml"
    user.write_text(content)
    with pytest.raises(ConfigError, match=message.replace("[", r"\[")):
        load_settings(user, environ={})


def test_settings_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings(tmp_path / "absent.toml", environ={})


def test_missing_extra_names_the_extra_to_install() -> None:
    with pytest.raises(MissingExtraError, match=r"pip install 'corroborator\[server\]'"):
        require_extra("surely_not_an_installed_module", "server", "The web server")
