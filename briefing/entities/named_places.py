"""The countries a short text (a title) names: by a listed country's name, or by a place the
article's own text was linked to (a town stands for its country)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from briefing.entities.registry import Registry, registry

MAX_WORDS = 4  # "Repubblica Democratica del Congo"
# a word of a name: letters, with the apostrophes and hyphens inside it ("d'Avorio")
_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?")


def countries_named(
    text: str, linked: Iterable[str] = (), known: Registry | None = None
) -> frozenset[str]:
    """Country codes of the places `text` names. A country counts by any listed name; a town
    or region only when it is one of `linked` (the identities the article's text was linked
    to), since a title's lone capitalised word is often a town's namesake ("Forte", "Massa").
    Names must start with a capital letter: "us" is a word, "US" a country."""
    known = known or registry()
    linked = set(linked)
    words = _WORD.findall(text)
    found: set[str] = set()
    for start, first in enumerate(words):
        if not first[0].isupper():
            continue
        for end in range(start + 1, min(start + MAX_WORDS, len(words)) + 1):
            for identity in known.candidates(" ".join(words[start:end])):
                if not identity.is_place or not identity.cc:
                    continue
                if identity.kind == "country" or identity.id in linked:
                    found.add(identity.cc)
                    break
    return frozenset(found)
