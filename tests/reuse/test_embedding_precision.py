"""Embedding precision ([embeddings] precision) and the vector spaces stored vectors are keyed by."""

from __future__ import annotations

import numpy as np
import pytest

from corroborator.embeddings import embed, resolve_precision, vector_space
from corroborator.errors import ConfigError
from corroborator.reuse.pipeline import StoredVectors
from corroborator.settings import EmbeddingSettings


@pytest.mark.parametrize(("precision", "device", "expected"), [
    ("float32", "cpu", {"float32"}),
    ("bfloat16", "cpu", {"bfloat16"}),
    ("auto", "cpu", {"float32", "bfloat16"}),  # depends on the CPU's bfloat16 units
    ("auto", "cuda", {"float32"}),
])
def test_resolve_precision(precision, device, expected) -> None:
    assert resolve_precision(precision, device) in expected


def test_unknown_precision_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        resolve_precision("int4")


def test_vector_spaces_differ_by_precision() -> None:
    assert vector_space("m", "float32") == "m"
    assert vector_space("m", "bfloat16") == "m@bfloat16-fixed"


def test_settings_precision_reaches_the_embedding_options(settings) -> None:
    chosen = EmbeddingSettings.of(settings.with_overrides(
        {"embeddings": {"precision": "float32"}}))
    assert (chosen.model, chosen.precision) == ("all-MiniLM-L6-v2", "float32")
    assert chosen.batch_size > 0
    assert EmbeddingSettings.of(None).precision is None  # None: embeddings.DEFAULT_PRECISION


def test_stored_vectors_are_keyed_by_the_precision_the_device_resolves(tmp_path) -> None:
    # "auto" is float32 off the CPU: vectors a GPU computes must not be filed as bfloat16,
    # by reuse or by compare
    from corroborator.compare.vectors import embed_ahead
    from corroborator.reuse.pipeline import _embedding_cache
    from corroborator.reuse.settings import ReuseSettings
    from corroborator.settings import load_settings
    from corroborator.store import open_store

    chosen = load_settings(environ={}, overrides={
        "embeddings": {"precision": "auto", "device": "cuda"}})
    assert EmbeddingSettings.of(chosen).vector_space() == "all-MiniLM-L6-v2"
    with open_store(str(tmp_path / "v.db")) as store:
        assert _embedding_cache(chosen, ReuseSettings(), store).backing.model == "all-MiniLM-L6-v2"
        embed_ahead(["a claim"], chosen, store,
                    embed_fn=lambda texts, **_: np.ones((len(texts), 3), dtype=np.float32))
        assert StoredVectors(store, "all-MiniLM-L6-v2", exact=True).load(["a claim"])
        assert StoredVectors(store, "all-MiniLM-L6-v2@bfloat16-fixed",
                             exact=True).load(["a claim"]) == {}


def test_unknown_precision_setting_is_a_config_error(settings) -> None:
    from corroborator.settings import EmbeddingSettings

    with pytest.raises(ConfigError, match="precision"):
        settings.with_overrides({"embeddings": {"precision": "fp8"}}).get(EmbeddingSettings)


def test_stored_vectors_exact_and_normalised_keys_are_apart(tmp_path) -> None:
    from corroborator.store import open_store

    with open_store(str(tmp_path / "v.db")) as store:
        StoredVectors(store, "m").save({"homes were flooded": np.ones(3, dtype=np.float32)})
        assert StoredVectors(store, "m", exact=True).load(["homes were flooded"]) == {}
        assert StoredVectors(store, "m@bfloat16-fixed").load(["homes were flooded"]) == {}
        found = StoredVectors(store, "m").load(["homes were flooded"])
        assert np.array_equal(found["homes were flooded"], np.ones(3))


@pytest.mark.embeddings
def test_bfloat16_vectors_stay_close_to_float32(embedder) -> None:
    texts = ["The mayor said more than 300 homes were flooded on Tuesday.",
             "Rescue crews pulled four people from the river, the fire service said.",
             "Nearly 2,000 soldiers were killed or wounded, the minister told reporters."]
    full = embed(texts, precision="float32")
    half = embed(texts, precision="bfloat16")
    assert half.dtype == np.float32 and half.shape == full.shape
    assert float((full * half).sum(axis=1).min()) > 0.999
    # the order of the sentence pairs by cosine is kept
    upper = np.triu_indices(len(texts), k=1)
    assert (np.argsort((full @ full.T)[upper]).tolist()
            == np.argsort((half @ half.T)[upper]).tolist())


@pytest.mark.parametrize("precision", ["float32", "bfloat16"])
def test_runner_story_embedding_carries_the_precision_setting(settings, precision) -> None:
    # The stories stage keys its saved state by the precision setting; the runner's parallel
    # embedding must compute vectors of that precision too, as the clusterer's own does.
    from corroborator.pipeline.run import _story_embed
    from corroborator.settings import EmbeddingSettings

    chosen = settings.with_overrides({"embeddings": {"precision": precision}})
    seen: list[dict] = []
    embed_fn = _story_embed(chosen, lambda texts, **options: seen.append(options))
    embed_fn(["a lead"])
    assert seen == [chosen.get(EmbeddingSettings).embed_options()]
    assert seen[0]["precision"] == precision


def test_every_stage_embeds_with_the_whole_embeddings_section(settings) -> None:
    # Stories, reuse and compare read [embeddings] through one place: a device or precision
    # set there must reach the encoder from each of them, not from the stories stage alone.
    from corroborator.compare.vectors import embed_ahead
    from corroborator.reuse.pipeline import _embedding_cache
    from corroborator.reuse.settings import reuse_settings
    from corroborator.settings import EmbeddingSettings

    chosen = settings.with_overrides({"embeddings": {"precision": "float32", "device": "cpu:0"}})
    expected = chosen.get(EmbeddingSettings).embed_options()
    seen: list[dict] = []

    def record(texts, **options):
        seen.append(options)
        return np.ones((len(texts), 384), dtype=np.float32)

    _embedding_cache(chosen, reuse_settings(chosen), embed_fn=record).vectors(["a sentence"])
    embed_ahead(["a claim"], chosen, embed_fn=record)
    assert seen == [expected, expected]


def test_a_hand_built_settings_object_embeds_with_the_packaged_defaults() -> None:
    from corroborator.embeddings import PACKAGED_MODEL
    from corroborator.settings import EmbeddingSettings, Settings

    assert EmbeddingSettings.of(Settings({}, ("test",))).embed_options() == {
        "model": PACKAGED_MODEL, "device": "cpu", "batch_size": 64, "precision": None}
