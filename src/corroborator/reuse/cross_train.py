"""Training of the cross-encoder's adapters and head (used by ``eval/msrp.py --train-cross``).

Plain torch, CPU, a fixed seed and a fixed thread count: the same command gives the same
adapters on the same machine. Batches are built from pairs of similar length so little
time goes on padding. Two augmentations that keep the label: the sentences swapped (a
paraphrase is symmetric), and figures masked in both (so number-blind scoring reads text
the model has seen).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .cross_encoder import _torch, build_network, encode, load_tokenizer, mask_figures


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
    parameters = [p for p in network.parameters() if p.requires_grad]
    optimiser = torch.optim.AdamW(parameters, lr=config.learning_rate,
                                  weight_decay=config.weight_decay)
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
