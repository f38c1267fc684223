"""Article identity: the normalised body, its sha256 content hash and the short id derived from it."""

from __future__ import annotations

import hashlib

ID_LENGTH = 12


def normalise_body(body: str) -> str:
    """Whitespace-normalised body: the same words in the same order hash the same."""
    return " ".join(body.split())


def content_hash(body: str) -> str:
    """sha256 hex of the whitespace-normalised body (the store's duplicate key)."""
    return hashlib.sha256(normalise_body(body).encode("utf-8")).hexdigest()


def article_id(hash_hex: str) -> str:
    """The short, stable article id: the first 12 hex characters of the content hash."""
    return hash_hex[:ID_LENGTH]
