"""The article's byline as people: its authors, who never appear in the text they signed.

Importers keep the byline apart from the body ("di Marco Pizzorno", an HTML author tag, a
front-matter `author:`), so facts from the text alone would never name who wrote it. An
author becomes a person with the role "author" and no span: nothing in the text to jump to.
"""

from __future__ import annotations

import re

from briefing.facts.text import fold
from briefing.models import Facts, NamedThing

AUTHOR_ROLE = {"it": "autore", "en": "author"}

_LEAD = re.compile(r"^\s*(?:di|a cura di|by|written by|from)\s+", re.I)
_SEPARATORS = re.compile(r"\s*(?:,|;|&|\||/|\band\b|\be\b|\bwith\b|\bcon\b)\s*", re.I)
# Words of a name: capitalised, letters with apostrophes or hyphens ("D'Amico", "Jean-Luc").
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_'’.-]*(?:['’-][^\W\d_]+)*\.?$")
_PARTICLES = {"de", "di", "da", "del", "della", "van", "von", "der", "la", "le", "dos", "du"}
# Bylines that name a desk or an agency, not a person.
_NOT_PEOPLE = {"redazione", "staff", "newsroom", "editorial", "agenzia", "reuters", "ansa", "afp"}


def byline_names(author: str | None) -> list[str]:
    """The people a byline names, in order: "di Marco Pizzorno" -> ["Marco Pizzorno"];
    "By Jane Doe and John Smith" -> both; "badely", "Redazione", "ANSA" -> none."""
    if not author:
        return []
    names = []
    for part in _SEPARATORS.split(_LEAD.sub("", author.strip())):
        words = part.split()
        if not 2 <= len(words) <= 5 or any(fold(w) in _NOT_PEOPLE for w in words):
            continue
        if not all(_NAME_WORD.match(w) for w in words):
            continue
        named = [w for w in words if w.lower() not in _PARTICLES]
        # A name has capitalised words and is not shouted: "ANSA ROMA" is a dateline.
        if all(w[0].isupper() and not w.isupper() for w in named) and len(named) >= 2:
            names.append(" ".join(words))
    return names


def add_authors(facts: Facts, author: str | None, lang: str) -> None:
    """Put the byline's people among the facts' people, as authors (first in the list)."""
    role = AUTHOR_ROLE.get((lang or "").lower()[:2], AUTHOR_ROLE["en"])
    authors = []
    for name in byline_names(author):
        key = fold(name)
        same = next((p for p in facts.people if fold(p.name) == key), None)
        if same is not None:  # also named in the text: one person, who also wrote it
            if role not in same.roles:
                same.roles.insert(0, role)
            continue
        authors.append(NamedThing(name=name, roles=[role], mentions=0, spans=[]))
    facts.people[:0] = authors
