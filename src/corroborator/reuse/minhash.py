"""Word shingles, MinHash signatures (datasketch) and a compact, incremental LSH index.

Signatures are datasketch MinHashes. The index is not datasketch's ``MinHashLSH``: its
in-memory storage keeps a Python set per bucket and a list per key, which measured 6.3 KB
per article at 21 bands (6.3 GB per million articles, over the 4 GB budget). Here each
band key is one 64-bit integer in a numpy array, sorted in segments that are merged
geometrically (a small log-structured merge), so an article costs about
``bands * 12 + num_perm * 4`` bytes and inserts stay amortised O(log n). Buckets
are read up to ``max_bucket`` entries, so a query costs O(bands * log n + max_bucket).

Candidates are verified, not trusted: :meth:`LshIndex.query` returns ids with the Jaccard
similarity estimated from the stored signatures, and the caller checks exact shingle overlap.
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import MinHash


def shingles(tokens: Sequence[str], size: int) -> set[str]:
    """Word ``size``-grams of ``tokens`` (a short text gives its whole token run as one)."""
    return set(shingle_run(tokens, size))


def shingle_run(tokens: Sequence[str], size: int) -> list[str]:
    """:func:`shingles` in text order, repeats kept (where verbatim runs are looked for)."""
    if not tokens:
        return []
    if len(tokens) <= size:
        return [" ".join(tokens)]
    return [" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)]


def _hash32(data: bytes) -> int:
    return struct.unpack("<I", hashlib.blake2b(data, digest_size=4).digest())[0]


_SCHEME = "affine32"  # datasketch 2.0 default, named because reused permutations require it


@lru_cache(maxsize=8)
def _permutations(num_perm: int) -> object:
    # datasketch draws the permutations anew for every MinHash; they depend only on the seed.
    return MinHash(num_perm=num_perm, seed=1, scheme=_SCHEME).permutations


def signature(items: Iterable[str], num_perm: int) -> np.ndarray:
    """MinHash signature (uint32, length ``num_perm``) of a set of strings; fixed seed."""
    minhash = MinHash(num_perm=num_perm, seed=1, hashfunc=_hash32,
                      permutations=_permutations(num_perm), scheme=_SCHEME)
    batch = [item.encode("utf-8") for item in items]
    if batch:
        minhash.update_batch(batch)
    return np.asarray(minhash.hashvalues, dtype=np.uint64).astype(np.uint32)


def _identity(value: int) -> int:
    return value


def signature_of_hashes(hashes: np.ndarray, num_perm: int) -> np.ndarray:
    """MinHash signature of a set given as 64-bit item hashes (low 32 bits are used)."""
    minhash = MinHash(num_perm=num_perm, seed=1, hashfunc=_identity,
                      permutations=_permutations(num_perm), scheme=_SCHEME)
    if len(hashes):
        minhash.update_batch((np.asarray(hashes, dtype=np.uint64) & np.uint64(0xFFFFFFFF))
                             .tolist())
    return np.asarray(minhash.hashvalues, dtype=np.uint64).astype(np.uint32)


def exact_overlap(a: set[str], b: set[str]) -> tuple[float, float, float]:
    """Exact (Jaccard, containment of a in b, containment of b in a)."""
    if not a or not b:
        return 0.0, 0.0, 0.0
    shared = len(a & b)
    return shared / len(a | b), shared / len(a), shared / len(b)


@dataclass
class _Segment:
    keys: np.ndarray  # uint64, sorted
    ids: np.ndarray  # int32, aligned with keys


class LshIndex:
    """Banded MinHash LSH over integer band keys, built incrementally and queried any time.

    ``bands * rows`` of the ``num_perm`` signature values are used. Memory stays linear in the
    number of articles (about ``bands * 12 + num_perm * 4`` bytes each plus the id strings).
    """

    def __init__(self, num_perm: int, bands: int, rows: int, buffer_size: int = 4096,
                 max_bucket: int = 1000) -> None:
        if bands * rows > num_perm:
            raise ValueError(f"bands*rows = {bands * rows} exceeds num_perm = {num_perm}")
        self.num_perm, self.bands, self.rows = num_perm, bands, rows
        rng = np.random.default_rng(20240611)
        # One odd 64-bit multiplier per row position and a salt per band, so that equal row
        # values in different bands give different keys in the single shared key space.
        self._mult = (rng.integers(1, 2**62, size=rows, dtype=np.uint64) * 2 + 1)
        self._salt = rng.integers(1, 2**63, size=bands, dtype=np.uint64)
        self._segments: list[_Segment] = []
        self._buffer_size = buffer_size
        self._buffer_keys = np.zeros((buffer_size, bands), dtype=np.uint64)
        self._buffer_ids = np.zeros(buffer_size, dtype=np.int32)
        self._buffered = 0
        # A bucket shared by more than this many articles is read only up to this many (the
        # earliest): a keyword bucket everybody falls into says nothing, and a story copied
        # thousands of times needs only its first versions as candidate sources.
        self.max_bucket = max_bucket
        self._ids: list[str] = []
        self._sigs = np.zeros((0, num_perm), dtype=np.uint32)
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def band_keys(self, sig: np.ndarray) -> np.ndarray:
        """The ``bands`` 64-bit bucket keys of a signature."""
        rows = sig[: self.bands * self.rows].astype(np.uint64).reshape(self.bands, self.rows)
        with np.errstate(over="ignore"):
            mixed = (rows * self._mult).sum(axis=1, dtype=np.uint64) ^ self._salt
            mixed ^= mixed >> np.uint64(29)
            mixed *= np.uint64(0xBF58476D1CE4E5B9)
            mixed ^= mixed >> np.uint64(32)
        return mixed

    def insert(self, key: str, sig: np.ndarray) -> int:
        """Add an article's signature; returns its internal number."""
        number = self._count
        self._count += 1
        self._ids.append(key)
        if number >= len(self._sigs):
            grown = np.zeros((max(1024, 2 * len(self._sigs)), self.num_perm), dtype=np.uint32)
            grown[: len(self._sigs)] = self._sigs
            self._sigs = grown
        self._sigs[number] = sig
        self._buffer_keys[self._buffered] = self.band_keys(sig)
        self._buffer_ids[self._buffered] = number
        self._buffered += 1
        if self._buffered == self._buffer_size:
            self._flush()
        return number

    def _flush(self) -> None:
        if not self._buffered:
            return
        n = self._buffered
        keys = self._buffer_keys[:n].reshape(-1).copy()
        ids = np.repeat(self._buffer_ids[:n], self.bands)
        self._buffered = 0
        segment = _sorted_segment(keys, ids)
        # Merge while the newest segment is at least half the size of the one before, so
        # there are O(log n) segments and each entry is re-sorted O(log n) times.
        while self._segments and len(self._segments[-1].keys) <= 2 * len(segment.keys):
            older = self._segments.pop()
            segment = _sorted_segment(
                np.concatenate([older.keys, segment.keys]),
                np.concatenate([older.ids, segment.ids]),
            )
        self._segments.append(segment)

    def query(
        self, sig: np.ndarray, limit: int | None = None, min_jaccard: float = 0.0
    ) -> list[tuple[str, float]]:
        """Indexed articles sharing a bucket with ``sig``: ``(key, estimated Jaccard)``, best first.

        ``limit`` bounds the answer (and so the verification work) when thousands of
        near-identical articles share every bucket.
        """
        keys = self.band_keys(sig)
        found: list[np.ndarray] = []
        for segment in self._segments:
            left = np.searchsorted(segment.keys, keys, side="left")
            right = np.searchsorted(segment.keys, keys, side="right")
            for lo, hi in zip(left.tolist(), right.tolist(), strict=True):
                if hi > lo:
                    found.append(segment.ids[lo : min(hi, lo + self.max_bucket)])
        if self._buffered:
            buffered = self._buffer_keys[: self._buffered]
            hits = np.nonzero((buffered == keys).any(axis=1))[0]
            if len(hits):
                found.append(self._buffer_ids[hits[: self.max_bucket]])
        if not found:
            return []
        numbers = np.unique(np.concatenate(found))
        estimates = (self._sigs[numbers] == sig).mean(axis=1)
        keep = estimates >= min_jaccard
        numbers, estimates = numbers[keep], estimates[keep]
        order = np.argsort(-estimates, kind="stable")
        if limit is not None:
            order = order[:limit]
        return [(self._ids[int(numbers[i])], float(estimates[i])) for i in order]

    def memory_bytes(self) -> int:
        """Approximate bytes held by the index arrays (not counting the id strings)."""
        total = self._sigs[: self._count].nbytes
        total += sum(s.keys.nbytes + s.ids.nbytes for s in self._segments)
        total += self._buffer_keys.nbytes + self._buffer_ids.nbytes
        return total


def _sorted_segment(keys: np.ndarray, ids: np.ndarray) -> _Segment:
    order = np.argsort(keys, kind="stable")
    return _Segment(keys[order], ids[order])
