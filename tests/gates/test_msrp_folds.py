"""eval/msrp.py's cross-fitting folds and the combining of members trained on everything."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parents[2] / "eval"


@pytest.fixture(scope="module")
def msrp():
    sys.path.insert(0, str(EVAL))
    import msrp as module

    yield module
    sys.path.remove(str(EVAL))


def test_folds_partition_the_train_part_and_whole_holds_nothing(msrp) -> None:
    pairs = [(i % 2, f"a{i}", f"b{i}") for i in range(101)]
    held = []
    for fold in range(msrp.FOLDS):
        fit, hold = msrp.hold_split(pairs, fold)
        assert not set(fit) & set(hold) and len(fit) + len(hold) == len(pairs)
        held.extend(hold)
    assert sorted(held) == sorted(pairs)
    assert msrp.hold_split(pairs, msrp.WHOLE) == (pairs, [])
    with pytest.raises(SystemExit):
        msrp.hold_split(pairs, msrp.FOLDS)


@pytest.mark.embeddings
def test_members_fitted_on_everything_take_a_held_out_ensembles_blend(msrp, tmp_path) -> None:
    from safetensors.torch import save_file

    from corroborator.reuse.cross_encoder import ADAPTERS, member_configs, read_adapters

    tensors, metadata = read_adapters(ADAPTERS)
    first = member_configs(metadata)[0]
    whole = tmp_path / "whole.safetensors"  # one member relabelled as fitted on everything
    save_file({k[len(first["prefix"]):]: t.half() for k, t in tensors.items()
               if k.startswith(first["prefix"])}, str(whole),
              metadata={"rank": str(first["rank"]), "alpha": str(first["alpha"]),
                        "seed": "5", "epochs": "5", "fold": str(msrp.WHOLE)})
    with pytest.raises(SystemExit, match="--blend-of"):
        msrp.combine_cross([], [whole], tmp_path / "no.safetensors")
    out = tmp_path / "out.safetensors"
    msrp.combine_cross([], [whole, whole], out, blend_of=ADAPTERS)
    combined_tensors, combined = read_adapters(out)
    assert {k: combined[k] for k in msrp.BLEND_KEYS} == {k: metadata[k] for k in msrp.BLEND_KEYS}
    assert [m["fold"] for m in json.loads(combined["members"])] == [msrp.WHOLE, msrp.WHOLE]
    assert set(combined_tensors) == {f"m{i}/{k[len(first['prefix']):]}" for i in range(2)
                                     for k in tensors if k.startswith(first["prefix"])}
