"""Forked worker processes for the stages whose items are independent of each other.

On two cores, one process per core with one torch thread each beat one process with two
torch threads by 1.8-3.7x when embedding sentences (measured on a shared, loaded machine:
intra-op threads spin and wait on each other when the cores are oversubscribed), and the
Python around the model runs on both cores as well. Workers are forked, so they start with
the parent's loaded models and read its data without copying it.
"""

from __future__ import annotations

import itertools
import multiprocessing
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np

_STATE: Any = None


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def one_thread() -> None:
    """Keep torch (if loaded) to one intra-op thread in this process."""
    torch = sys.modules.get("torch")
    if torch is not None:
        torch.set_num_threads(1)


@contextmanager
def single_thread() -> Iterator[None]:
    """Torch on one intra-op thread inside the block, as before it after."""
    torch = sys.modules.get("torch")
    before = torch.get_num_threads() if torch is not None else 0
    one_thread()
    try:
        yield
    finally:
        if torch is not None:
            torch.set_num_threads(before)


def _init(state: Any) -> None:
    global _STATE
    _STATE = state
    one_thread()


def _call(item: Any) -> Any:
    fn, state = _STATE
    return fn(item, state)


def forked_map(fn: Callable[[Any, Any], Any], items: Iterable[Any], workers: int,
               state: Any = None, batch: int | None = None,
               chunksize: int = 1) -> Iterator[Any]:
    """``fn(item, state)`` for each item, in order, on ``workers`` forked processes.

    ``fn`` must be a module-level function; ``state`` reaches the workers through the fork,
    never pickled. ``items`` are read in the calling thread, ``batch`` at a time when given
    (a pool reads its task list on a thread of its own, and items may come from a store
    whose connection belongs to the calling thread). ``chunksize`` items travel per message.
    """
    context = multiprocessing.get_context("fork")
    with context.Pool(workers, initializer=_init, initargs=((fn, state),)) as pool:
        if batch is None:
            yield from pool.imap(_call, list(items), chunksize)
            return
        iterator = iter(items)
        while chunk := list(itertools.islice(iterator, batch)):
            yield from pool.imap(_call, chunk, chunksize)


def _embed_part(texts: list[str], options: dict[str, Any]) -> np.ndarray:
    from ..embeddings import embed

    return embed(texts, **options)


def parallel_embed(texts: Sequence[str], workers: int, **options: Any) -> np.ndarray:
    """``corroborator.embeddings.embed(texts, **options)`` split over forked workers.

    Texts are dealt to the workers by length, so each gets a similar share of long ones.
    Under float32 a vector can differ from the one-process result in the last bits (other
    batches, other thread count), as it already does between machines; under bfloat16 it
    cannot (``corroborator.fixed_shapes``). Too few texts to be worth a fork are embedded
    here on one thread: on a busy machine two intra-op threads spend most of their CPU
    waiting for each other (300 story leads in one process on two threads: 55 CPU s; the
    whole stories stage with them spread over two one-thread workers: 7.4).
    """
    from ..embeddings import DIMENSIONS, embed

    if workers <= 1 or not can_fork():
        return embed(texts, **options)
    if len(texts) < 64 * workers:
        with single_thread():
            return embed(texts, **options)
    by_length = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    parts = [by_length[w::workers] for w in range(workers)]
    out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    results = forked_map(_embed_part, [[texts[i] for i in part] for part in parts], workers,
                         options)
    for part, vectors in zip(parts, results, strict=True):
        out[part] = vectors
    return out
