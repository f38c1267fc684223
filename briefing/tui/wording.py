"""Wording shared by the reader's messages: counts ("1 article"), titles cut between words."""

from __future__ import annotations


def plural(count: int, noun: str) -> str:
    """ "1 article", "0 articles", "2 articles" (nouns that add an s)."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def shorten(text: str, limit: int) -> str:
    """`text` in at most `limit` characters, cut between words with "…" (a title in a dialog)."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut.strip():
        cut = cut[: cut.rstrip().rfind(" ")]
    return cut.rstrip(" ,.;:—-") + "…"
