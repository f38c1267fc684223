"""Case- and accent-insensitive text keys for the filter language ("Libertà" -> "liberta")."""

from __future__ import annotations

import re

from briefing.text import fold

# Letters and digits, any script; everything else (punctuation, apostrophes, dashes,
# underscores) separates words, so "l'Italia" holds the word "italia".
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """The folded words of `text`, in order."""
    # Same as _WORD.findall(fold(text)) ([^\W_] is exactly str.isalnum), but most words of
    # prose are plain alphanumerics, and testing them whole is faster than regex matching.
    found: list[str] = []
    keep, split = found.append, found.extend
    for chunk in fold(text).split():
        if chunk.isalnum():
            keep(chunk)
        else:
            split(_WORD.findall(chunk))
    return found


def joined(text: str) -> str:
    """Folded words joined by single spaces, with a space at both ends.

    Phrases are then found with plain substring search: " casa bianca " in key.
    """
    found = words(text)
    return f" {' '.join(found)} " if found else " "
