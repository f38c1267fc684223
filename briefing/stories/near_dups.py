"""Near-duplicates: the same wire copy under several mastheads, by MinHash over word shingles.

Hand-written on numpy (already there through spaCy) rather than datasketch, which would bring
scipy (~40 MB) for the forty lines below. Each text becomes the set of its 5-word shingles;
128 universal hashes keep each set's minima; banding (32 bands of 4 rows) proposes pairs whose
Jaccard is likely over ~0.4, and the signatures' agreement then decides (`SAME` or more).
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from briefing.query.normalize import words
from briefing.text import split_sentences

SHINGLE = 5
PERMUTATIONS = 128
BANDS = 32
SAME = 0.6  # estimated shingle Jaccard from which two texts are copies of one another
_PRIME = (1 << 61) - 1
_rng = np.random.default_rng(20251218)  # fixed: signatures must compare across runs
_A = _rng.integers(1, 1 << 31, PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, 1 << 31, PERMUTATIONS, dtype=np.uint64)


def shingles(text: str) -> set[int]:
    found = words(text)
    if len(found) < SHINGLE:
        return {zlib.crc32(" ".join(found).encode())} if found else set()
    return {
        zlib.crc32(" ".join(found[i : i + SHINGLE]).encode())
        for i in range(len(found) - SHINGLE + 1)
    }


def signature(text: str) -> np.ndarray:
    """The text's MinHash: per hash function, the least hashed shingle."""
    values = np.fromiter(shingles(text), dtype=np.uint64)
    if values.size == 0:
        return np.full(PERMUTATIONS, _PRIME, dtype=np.uint64)
    # a < 2**31 and values < 2**32: a * v + b stays below 2**64, no overflow
    hashed = (np.outer(_A, values) + _B[:, None]) % _PRIME
    return hashed.min(axis=1)


def likeness(one: np.ndarray, other: np.ndarray) -> float:
    """Estimated Jaccard of the two shingle sets."""
    return float(np.mean(one == other))


def near_duplicates(texts: dict[str, str]) -> list[list[str]]:
    """Groups (two or more ids, in the given order) of texts that are copies of one another."""
    ids = list(texts)
    signatures = {i: signature(texts[i]) for i in ids}
    rows = PERMUTATIONS // BANDS
    buckets: dict[tuple[int, bytes], list[str]] = defaultdict(list)
    for i in ids:
        for band in range(BANDS):
            buckets[(band, signatures[i][band * rows : (band + 1) * rows].tobytes())].append(i)
    parent = {i: i for i in ids}

    def root(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    checked: set[tuple[str, str]] = set()
    for members in buckets.values():
        for n, one in enumerate(members):
            for other in members[n + 1 :]:
                if (one, other) in checked:
                    continue
                checked.add((one, other))
                if likeness(signatures[one], signatures[other]) >= SAME:
                    parent[root(other)] = root(one)
    groups: dict[str, list[str]] = defaultdict(list)
    for i in ids:
        groups[root(i)].append(i)
    return [g for g in groups.values() if len(g) > 1]


def fold_copies(texts: dict[str, str]) -> dict[str, list[str]]:
    """Each copied text (the first of its group, in the given order) -> the ids of its copies."""
    return {group[0]: group[1:] for group in near_duplicates(texts)}


@dataclass
class Changes:
    """What a copy changed against the original: its title and the sentences it added or cut."""

    title: str | None  # the copy's title when it differs
    added: list[str]
    removed: list[str]


def _sentences(text: str) -> list[str]:
    return [text[a:b].strip() for a, b in split_sentences(text) if text[a:b].strip()]


def changes(original: tuple[str, str], copy: tuple[str, str]) -> Changes:
    """(title, body) of the original and of a copy -> what the copy changed."""

    def key(sentence: str) -> str:
        return " ".join(words(sentence))

    mine = {key(s) for s in _sentences(original[1])}
    theirs = _sentences(copy[1])
    their_keys = {key(s) for s in theirs}
    return Changes(
        title=copy[0] if key(copy[0]) != key(original[0]) else None,
        added=[s for s in theirs if key(s) not in mine],
        removed=[s for s in _sentences(original[1]) if key(s) not in their_keys],
    )
