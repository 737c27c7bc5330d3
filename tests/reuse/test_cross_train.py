"""What the cross-encoder's training options make trainable, and the compact form of a fully
tuned network read back by the shipped loader. Nothing here trains a model."""

from __future__ import annotations

import numpy as np
import pytest

PAIRS = [("The ferry to Calder Island was cancelled on Friday because of the storm.",
          "Friday's ferry to Calder Island did not sail as the storm hit."),
         ("The museum reopens in May after a two-year renovation.",
          "Farmers expect a poor harvest after the dry summer.")]


def _trainable(network) -> set[str]:
    return {name for name, parameter in network.named_parameters() if parameter.requires_grad}


@pytest.mark.embeddings
def test_full_training_frees_every_weight_but_the_unread_pooler(embedder) -> None:
    from corroborator.reuse.cross_encoder import build_network
    from corroborator.reuse.cross_train import TrainConfig, prepare_trainable

    network = build_network(8, 16.0)
    prepare_trainable(network, TrainConfig(full=True))
    trainable = _trainable(network)
    assert not any("lora" in name for name in trainable)  # the adapters are folded away
    assert "encoder.embeddings.word_embeddings.weight" in trainable
    assert "encoder.encoder.layer.5.output.dense.weight" in trainable
    assert not any(".pooler." in name for name in trainable)


@pytest.mark.embeddings
def test_train_norms_adds_layernorms_and_biases_to_the_adapters(embedder) -> None:
    from corroborator.reuse.cross_encoder import build_network
    from corroborator.reuse.cross_train import TrainConfig, prepare_trainable

    adapters = _trainable(build_network(8, 16.0))
    network = build_network(8, 16.0)
    prepare_trainable(network, TrainConfig(train_norms=True))
    added = _trainable(network) - adapters
    assert "encoder.encoder.layer.0.attention.self.query.base.bias" in added
    assert "encoder.embeddings.LayerNorm.weight" in added
    assert all(name.endswith("bias") or "LayerNorm" in name for name in added)
    assert not any(".pooler." in name for name in added)


@pytest.mark.embeddings
def test_layer_decay_lowers_the_rate_towards_the_embeddings(embedder) -> None:
    from corroborator.reuse.cross_encoder import build_network
    from corroborator.reuse.cross_train import TrainConfig, parameter_groups, prepare_trainable

    config = TrainConfig(full=True, learning_rate=1e-4, layer_decay=0.5)
    network = build_network(8, 16.0)
    prepare_trainable(network, config)
    rate = {id(p): (group["lr"], group["weight_decay"])
            for group in parameter_groups(network, config) for p in group["params"]}
    named = dict(network.named_parameters())
    assert rate[id(named["head.weight"])] == (1e-4, 0.01)
    assert rate[id(named["encoder.encoder.layer.5.intermediate.dense.weight"])] == (5e-5, 0.01)
    assert rate[id(named["encoder.encoder.layer.5.intermediate.dense.bias"])] == (5e-5, 0.0)
    assert rate[id(named["encoder.embeddings.word_embeddings.weight"])][0] == pytest.approx(
        1e-4 * 0.5 ** 7)


@pytest.mark.embeddings
def test_compact_state_of_a_low_rank_change_loads_as_the_tuned_network(embedder) -> None:
    import torch

    from corroborator.reuse.cross_encoder import (
        CrossPairModel,
        build_network,
        load_tokenizer,
        member_configs,
        member_network,
    )
    from corroborator.reuse.cross_train import TrainConfig, compact_state, prepare_trainable

    torch.manual_seed(3)
    network = build_network(8, 16.0)
    prepare_trainable(network, TrainConfig(full=True))
    with torch.no_grad():  # a "tuning" whose matrix changes have rank 4
        for name, parameter in network.named_parameters():
            if "layer." in name and parameter.dim() == 2:
                parameter += torch.randn(parameter.shape[0], 4) @ torch.randn(
                    4, parameter.shape[1]) * 0.01
            elif name.endswith("bias") or "LayerNorm" in name:
                parameter += torch.randn_like(parameter) * 0.01
    tensors = compact_state(network, 4)
    assert "encoder.encoder.layer.0.attention.self.query.base.bias" in tensors
    loaded = member_network({k: t.half().float() for k, t in tensors.items()},
                            member_configs({"rank": "4", "alpha": "4.0"})[0], None)
    tokenizer = load_tokenizer()
    tuned = CrossPairModel([network.eval()], tokenizer, 0.5).logits(PAIRS)
    assert np.allclose(CrossPairModel([loaded], tokenizer, 0.5).logits(PAIRS), tuned, atol=2e-3)
    untuned = CrossPairModel([build_network(8, 16.0).eval()], tokenizer, 0.5)
    untuned.networks[0].head.load_state_dict(network.head.state_dict())
    assert not np.allclose(untuned.logits(PAIRS), tuned, atol=2e-3)  # the change matters


def test_hold_log_loss_is_the_mean_negative_log_likelihood() -> None:
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "eval"))
    try:
        import msrp
    finally:
        sys.path.pop(0)
    y = np.array([1, 0])
    assert msrp.log_loss(np.zeros(2), y) == pytest.approx(np.log(2))
    assert msrp.log_loss(np.array([3.0, -3.0]), y) == pytest.approx(np.log1p(np.exp(-3.0)))
    assert msrp.log_loss(np.array([-3.0, 3.0]), y) == pytest.approx(3 + np.log1p(np.exp(-3.0)))
    assert msrp.logit(np.array([0.5, 1.0]))[0] == 0.0  # and a certain 1.0 stays finite
    assert np.isfinite(msrp.logit(np.array([1.0]))).all()
