"""What a tag may be: one line of visible text, never a control, bidi or invisible character."""

from __future__ import annotations

import unicodedata

# Cc: C0/C1 controls (ESC starts every terminal escape); Cf: bidi overrides and zero-width
# characters, which reorder or hide text; Zl/Zp: line and paragraph separators.
_REFUSED_CATEGORIES = {"Cc": "a control character", "Cf": "an invisible character"}
_REFUSED_CATEGORIES |= {"Zl": "a line separator", "Zp": "a paragraph separator"}


def tag_problem(tag: str) -> str | None:
    """Why `tag` cannot be a tag ("holds a control character U+001B"), or None when it can."""
    if not tag.strip():
        return "is blank"
    for char in tag:
        what = _REFUSED_CATEGORIES.get(unicodedata.category(char))
        if what:
            return f"holds {what} (U+{ord(char):04X})"
    return None
