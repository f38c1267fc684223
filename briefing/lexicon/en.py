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

# Forms of address, written without their full stop, and the gender they give (None: either).
HONORIFICS = {"mr": "Masc", "mrs": "Fem", "ms": "Fem", "miss": "Fem", "dr": None}
