"""The [reuse] section: defaults when absent, a clear error when a value is wrong."""

from __future__ import annotations

import pytest

from corroborator.errors import ConfigError
from corroborator.reuse.settings import ReuseSettings, reuse_settings
from corroborator.settings import Settings, load_settings


def test_missing_section_falls_back_to_the_defaults() -> None:
    assert reuse_settings(Settings({}, ("test",))) == ReuseSettings()
    assert reuse_settings(None) == ReuseSettings()


@pytest.mark.parametrize(("key", "value", "named"), [
    ("pair_model", "bert", "pair_model"),
    ("chain_share", 1.5, "chain_share"),
    ("lsh_bands", 200, "lsh_bands"),
])
def test_an_invalid_value_is_an_error_not_a_silent_reset(key: str, value: object,
                                                          named: str) -> None:
    settings = load_settings(environ={}, overrides={"reuse": {key: value}})
    with pytest.raises(ConfigError, match=named):
        reuse_settings(settings)


def test_a_valid_override_is_kept() -> None:
    settings = load_settings(environ={}, overrides={"reuse": {"chain_share": 0.7}})
    assert reuse_settings(settings).chain_share == 0.7


def test_embedding_options_read_the_section_or_fall_back_when_it_is_absent() -> None:
    from corroborator.embeddings import PACKAGED_MODEL
    from corroborator.settings import EmbeddingSettings

    absent = EmbeddingSettings.of(Settings({}, ("test",)))
    assert (absent.model, absent.batch_size, absent.precision) == (PACKAGED_MODEL, 64, None)
    chosen = EmbeddingSettings.of(load_settings(environ={}, overrides={
        "embeddings": {"batch_size": 16, "precision": "bfloat16"}}))
    assert (chosen.batch_size, chosen.precision) == (16, "bfloat16")
