"""Training of the cross-encoder's adapters and head (used by ``eval/msrp.py --train-cross``).

Plain torch, CPU, a fixed seed and a fixed thread count: the same command gives the same
adapters on the same machine. Batches are built from pairs of similar length so little
time goes on padding. Two augmentations that keep the label: the sentences swapped (a
paraphrase is symmetric), and figures masked in both (so number-blind scoring reads text
the model has seen).

Besides the shipped recipe (LoRA adapters + head, the base frozen), ``full`` trains every
weight of the MiniLM (the small-data GLUE recipe: no weight decay on biases and LayerNorms,
optionally a learning rate decaying layer by layer towards the embeddings), and
``train_norms`` trains the LayerNorms and biases along with the adapters. A fully tuned
network is 22.7M numbers; :func:`compact_state` turns it into an adapters file the loader
reads (each matrix's change truncated to a low rank, stored as LoRA factors).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .cross_encoder import (
    _merge,
    _targeted,
    _torch,
    build_network,
    encode,
    load_tokenizer,
    mask_figures,
)


@dataclass(frozen=True)
class TrainConfig:
    rank: int = 8
    alpha: float = 16.0
    dropout: float = 0.1
    epochs: int = 5
    batch_size: int = 16
    learning_rate: float = 1e-3
    weight_decay: float = 0.01
    warmup: float = 0.1
    swap_rate: float = 0.5
    mask_rate: float = 0.15
    seed: int = 13
    threads: int = 1
    # Every weight trained (no adapters); rank and alpha are then unused.
    full: bool = False
    # Adapters plus every LayerNorm and bias of the base.
    train_norms: bool = False
    # Learning rate of layer i (embeddings 0, head = layers + 1): lr * decay ** (top - i).
    layer_decay: float = 1.0


def _depth(name: str, layers: int) -> int:
    """Position of a parameter from the embeddings (0) up to the head (layers + 1)."""
    if name.startswith("encoder.embeddings."):
        return 0
    if name.startswith("encoder.encoder.layer."):
        return int(name.split(".")[3]) + 1
    return layers + 1


def _no_decay(name: str) -> bool:
    # BERT's fine-tuning recipe: biases and LayerNorm gains are not pulled towards zero.
    return name.endswith("bias") or "LayerNorm" in name


def prepare_trainable(network: Any, config: TrainConfig) -> None:
    """Choose what trains: adapters + head (the default), plus norms and biases, or, with
    ``full``, every weight (the zero adapters folded away first, so the plain MiniLM
    remains)."""
    if config.full:
        _merge(network)
        for name, parameter in network.named_parameters():
            # The pooler's output is never read by the head.
            parameter.requires_grad_(".pooler." not in name)
    elif config.train_norms:
        for name, parameter in network.named_parameters():
            if _no_decay(name) and ".pooler." not in name:
                parameter.requires_grad_(True)


def parameter_groups(network: Any, config: TrainConfig) -> list[dict[str, Any]]:
    """AdamW groups: learning rate by depth (``layer_decay``), and no weight decay on biases
    and LayerNorms when they train."""
    layers = int(network.encoder.config.num_hidden_layers)
    groups: dict[tuple[int, bool], list[Any]] = {}
    for name, parameter in network.named_parameters():
        if parameter.requires_grad:
            key = (_depth(name, layers), _no_decay(name) and (config.full or config.train_norms))
            groups.setdefault(key, []).append(parameter)
    return [{"params": params,
             "lr": config.learning_rate * config.layer_decay ** (layers + 1 - depth),
             "weight_decay": 0.0 if no_decay else config.weight_decay}
            for (depth, no_decay), params in sorted(groups.items())]


def _batches(lengths: Sequence[int], size: int, rng: random.Random) -> list[list[int]]:
    """Shuffled batches of indices, each drawn from a pool of similar lengths."""
    order = list(range(len(lengths)))
    rng.shuffle(order)
    pool = size * 32
    batches: list[list[int]] = []
    for start in range(0, len(order), pool):
        chunk = sorted(order[start:start + pool], key=lambda i: lengths[i])
        batches.extend(chunk[i:i + size] for i in range(0, len(chunk), size))
    rng.shuffle(batches)
    return batches


def train_network(
    pairs: Sequence[tuple[str, str]],
    labels: Sequence[int],
    config: TrainConfig = TrainConfig(),
    on_epoch: Callable[[int, Any, float], None] | None = None,
) -> Any:
    """Fit adapters and head on labelled pairs; ``on_epoch(epoch, network, mean_loss)``
    is called after each epoch (the network is in eval mode during the call)."""
    torch = _torch()
    torch.manual_seed(config.seed)
    torch.set_num_threads(config.threads)
    rng = random.Random(config.seed)
    tokenizer = load_tokenizer()
    network = build_network(config.rank, config.alpha, config.dropout)
    prepare_trainable(network, config)
    parameters = [p for p in network.parameters() if p.requires_grad]
    optimiser = torch.optim.AdamW(parameter_groups(network, config))
    lengths = [len(a) + len(b) for a, b in pairs]
    steps = config.epochs * -(-len(pairs) // config.batch_size)
    warmup = max(1, int(steps * config.warmup))

    def schedule(step: int) -> float:
        if step < warmup:
            return (step + 1) / warmup
        return max(0.0, (steps - step) / max(1, steps - warmup))

    scheduler = torch.optim.lr_scheduler.LambdaLR(optimiser, schedule)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    target = torch.tensor(np.asarray(labels, dtype=np.float32))
    for epoch in range(config.epochs):
        network.train()
        total, count = 0.0, 0
        for rows in _batches(lengths, config.batch_size, rng):
            batch_pairs = []
            for i in rows:
                a, b = pairs[i]
                if rng.random() < config.swap_rate:
                    a, b = b, a
                if rng.random() < config.mask_rate:
                    a, b = mask_figures(a), mask_figures(b)
                batch_pairs.append((a, b))
            logits = network(**encode(tokenizer, batch_pairs))
            loss = loss_fn(logits, target[rows])
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(parameters, 1.0)
            optimiser.step()
            scheduler.step()
            total += float(loss.detach()) * len(rows)
            count += len(rows)
        network.eval()
        if on_epoch is not None:
            on_epoch(epoch, network, total / max(1, count))
    network.eval()
    return network


def score_network(network: Any, pairs: Sequence[tuple[str, str]], batch_size: int = 64,
                  symmetric: bool = False) -> np.ndarray:
    """Logits of an unmerged (training-time) network, in input order."""
    from .cross_encoder import CrossPairModel

    model = CrossPairModel([network], load_tokenizer(), 0.5, symmetric=symmetric)
    return model.logits(pairs, batch_size=batch_size)


def compact_state(network: Any, rank: int) -> dict[str, Any]:
    """A fully tuned network as adapters-file tensors: each targeted matrix's change from the
    packaged base truncated to ``rank`` by SVD and stored as LoRA factors (alpha = rank, so
    the loader's ``W + B A`` restores it), and every other changed tensor (biases,
    LayerNorms, position and segment embeddings, head) stored whole, named as in the
    adapter network so the loader copies it in. The word embeddings' change (11.7M numbers)
    is left out."""
    torch = _torch()
    base = build_network(rank, float(rank))
    _merge(base)
    reference = dict(base.named_parameters())
    tensors: dict[str, Any] = {}
    with torch.no_grad():
        for name, parameter in network.named_parameters():
            if ".pooler." in name or name.endswith("word_embeddings.weight"):
                continue
            module, _, leaf = name.rpartition(".")
            targeted = _targeted(module) and module.startswith("encoder.encoder.layer.")
            delta = parameter.detach() - reference[name].detach() if name in reference else None
            if targeted and leaf == "weight":
                assert delta is not None
                u, s, vh = torch.linalg.svd(delta.float(), full_matrices=False)
                root = s[:rank].sqrt()
                tensors[f"{module}.lora_b"] = (u[:, :rank] * root).contiguous()
                tensors[f"{module}.lora_a"] = (root[:, None] * vh[:rank]).contiguous()
            elif delta is None or bool(delta.abs().max() > 0):
                key = f"{module}.base.{leaf}" if targeted else name
                tensors[key] = parameter.detach().clone().contiguous()
    return tensors

