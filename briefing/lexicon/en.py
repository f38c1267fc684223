"""English articles and prepositions."""

from __future__ import annotations

DEFINITE = frozenset({"the"})
INDEFINITE = frozenset({"a", "an"})
ARTICLES = DEFINITE | INDEFINITE
OF = frozenset({"of"})
BY = frozenset({"by"})
PREPOSITIONS = frozenset(
    "of by to in on at for from with about into over under between among".split()
)
