"""Wording shared by the reader's messages: counts ("1 article"), titles cut between words."""

from __future__ import annotations


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """ "1 article", "0 articles"; `nouns` for plurals that are not noun + s ("entities")."""
    return f"{count} {noun}" if count == 1 else f"{count} {nouns or noun + 's'}"


def shorten(text: str, limit: int) -> str:
    """`text` in at most `limit` characters, cut between words with "…" (a title in a dialog)."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut.strip():
        cut = cut[: cut.rstrip().rfind(" ")]
    return cut.rstrip(" ,.;:—-") + "…"
