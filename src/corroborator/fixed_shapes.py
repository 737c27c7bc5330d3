"""bfloat16 sentence embeddings that do not depend on the batch they were computed in.

Under bfloat16 the CPU's matrix kernels are chosen by the shapes they are given, and kernels
that add up in another order round differently: the same sentence padded to another length,
or batched with another number of sentences, came out up to 1e-3 apart per component through
sentence-transformers' ``encode`` (which pads each batch to its longest text). Here a text is
padded to the smallest of a few fixed lengths that holds it and run in a batch of that length's
fixed size (a short batch is filled with empty texts), so it always meets the same shapes: its
vector has the same bits whether it was embedded alone, among a thousand others, on one thread
or on two (measured on 1,000 MSRP train sentences: 0.0 apart in every case).

The padding costs less than it saves: 3.3 CPU seconds per 1,000 of those sentences on one
thread, against 4.0 for sentence-transformers' bfloat16 ``encode`` and 9.2 for its float32 one;
cosine to float32 0.99998 on average, 0.99996 at worst.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import numpy as np

# Token lengths a text is padded to (the model's own limit is added when longer texts fit it).
LENGTHS = (16, 24, 32, 48, 64, 96, 128, 192, 256)
# Each length's batch holds this many tokens: batches of 64 texts of 16 tokens, 4 of 256. Larger
# batches were no cheaper per text (2,048 and 4,096 tokens: same CPU seconds), and a call with
# a few texts pays for one whole batch per length it uses.
TOKENS_PER_BATCH = 1024


def lengths(limit: int) -> tuple[int, ...]:
    """The padded lengths for a model that reads at most ``limit`` tokens."""
    return tuple(n for n in LENGTHS if n < limit) + (limit,)


def batch_rows(length: int) -> int:
    return max(1, TOKENS_PER_BATCH // length)


def encode_fixed(encoder: Any, texts: Sequence[str]) -> np.ndarray:
    """Unit-length bfloat16 embeddings of ``texts`` from a sentence-transformers model, as
    float32, each computed in a batch of fixed shape (see the module docstring)."""
    import torch

    tokenizer = encoder.tokenizer
    limit = int(encoder.max_seq_length)
    ids = tokenizer(list(texts), truncation=True, max_length=limit)["input_ids"]
    filler = tokenizer([""], truncation=True, max_length=limit)["input_ids"][0]
    sizes = lengths(limit)
    by_length: dict[int, list[int]] = defaultdict(list)
    for row, tokens in enumerate(ids):
        by_length[next(n for n in sizes if n >= len(tokens))].append(row)
    out = np.zeros((len(texts), encoder.get_embedding_dimension()), dtype=np.float32)
    # One autocast region for all batches: it casts the weights to bfloat16 once, not per batch.
    with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16):
        for length, rows in by_length.items():
            size = batch_rows(length)
            for start in range(0, len(rows), size):
                part = rows[start:start + size]
                batch = [ids[i] for i in part] + [filler] * (size - len(part))
                features = tokenizer.pad({"input_ids": batch}, padding="max_length",
                                         max_length=length, return_tensors="pt")
                pooled = encoder(dict(features))["sentence_embedding"][:len(part)]
                out[part] = torch.nn.functional.normalize(pooled.float(), p=2, dim=1).numpy()
    return out
