"""Sentence vectors kept by the store (migration 5): a cache the reuse stage reads first."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from corroborator.store import open_store
from corroborator.store.sqlite import SQLiteStore
from corroborator.store.sqlite_schema import MIGRATIONS


def test_vectors_round_trip_and_first_write_wins(tmp_path: Path) -> None:
    first = np.arange(384, dtype=np.float32).tobytes()
    later = np.ones(384, dtype=np.float32).tobytes()
    keys = [i.to_bytes(2, "big") * 8 for i in range(1200)]  # more keys than one statement may bind
    with open_store(str(tmp_path / "v.db")) as store:
        assert store.sentence_vectors(keys) == {}
        store.put_sentence_vectors([(keys[0], first)] + [(k, later) for k in keys[1:]])
        store.put_sentence_vectors([(keys[0], later)])
    with open_store(str(tmp_path / "v.db")) as store:
        found = store.sentence_vectors(keys + [b"missing" * 2])
    assert len(found) == len(keys)
    assert found[keys[0]] == first  # a key keeps the vector it was first stored with
    assert np.array_equal(np.frombuffer(found[keys[5]], dtype=np.float32), np.ones(384))


def test_a_version_4_database_gains_the_table(tmp_path: Path) -> None:
    class Version4Store(SQLiteStore):
        def _migrate(self, migrations=MIGRATIONS[:4]):
            super()._migrate(migrations)

    with Version4Store(tmp_path / "old.db") as old:
        assert old.schema_version() == 4
    with open_store(str(tmp_path / "old.db")) as store:
        store.put_sentence_vectors([(b"k" * 16, b"\0" * 8)])
        assert store.sentence_vectors([b"k" * 16]) == {b"k" * 16: b"\0" * 8}
