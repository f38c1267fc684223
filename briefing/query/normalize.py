"""Case- and accent-insensitive text keys for the filter language ("Libertà" -> "liberta")."""

from __future__ import annotations

import re
import unicodedata

# Combining marks left by NFKD decomposition. A regex over these ranges runs in C, which
# matters when 30 MB of bodies are normalised; a per-character unicodedata.combining()
# loop is ten times slower. The ranges cover Latin, Greek and Cyrillic diacritics.
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Letters and digits, any script; everything else (punctuation, apostrophes, dashes,
# underscores) separates words, so "l'Italia" holds the word "italia".
_WORD = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """Casefold and strip accents: the comparison key used everywhere in queries."""
    if text.isascii():
        return text.lower()
    return _MARKS.sub("", unicodedata.normalize("NFKD", text)).casefold()


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
