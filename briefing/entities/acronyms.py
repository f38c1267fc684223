"""Acronyms: a short form is the organisation whose name it abbreviates.

Within an article, "NTSB" is the National Transportation Safety Board the article names, when
its letters are that name's initials (or the starts of its words: "MiBACT") and no other name
of the article fits; a short form written in brackets right after a name is that name whatever
its letters ("Servizio geologico degli Stati Uniti (USGS)"). Across the store, an acronym alone
joins the one organisation whose initials it is (`entities.joins`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from briefing.entities.names import alias_key

# Words an acronym may pass over or take the initial of ("Women on Waves": WoW).
SMALL_WORDS = frozenset(
    """
    of the and for in on at to by a an
    di del dello della dei degli delle d e ed per la il lo le l i gli da dal dalla su sul
    in nel nella con
    de des du et la le y los las el von der und fur
    """.split()
)
_MAX_LETTERS = 10
# Bracketed right after a name: "(USGS)", "( Mdp )"; nothing else inside.
_BRACKETED = re.compile(r"\s*\(\s*([\w.&-]{2,12})\s*\)")
_UPPER = re.compile(r"[A-Z]")


def looks_like_acronym(text: str) -> bool:
    """One word of 2-10 letters or digits, with a capital and no space ("FAI", "Csm", "M5S")."""
    letters = text.replace(".", "").replace("&", "")
    return (
        2 <= len(letters) <= _MAX_LETTERS
        and letters.isalnum()
        and letters[0].isupper()
        and (len(letters) <= 4 or len(_UPPER.findall(letters)) >= 2)
    )


def _words(name: str) -> tuple[str, ...]:
    return tuple(alias_key(name).split())


@lru_cache(maxsize=1 << 14)
def _consumes(letters: str, words: tuple[str, ...]) -> bool:
    """Whether `letters` are taken, in order, from the starts of `words`: every word but the
    small ones gives at least its first letter, a small word may give its first or nothing."""
    if not words:
        return not letters
    word, rest = words[0], words[1:]
    if word in SMALL_WORDS and _consumes(letters, rest):
        return True
    size = 1
    while size <= min(len(word), len(letters)) and letters[:size] == word[:size]:
        if _consumes(letters[size:], rest):
            return True
        size += 1
    return False


def fits(acronym: str, name: str) -> bool:
    """Whether `acronym` abbreviates `name` (two words or more): the initials or the starts of
    its words, in order, each word but the small ones giving one."""
    words = _words(name)
    letters = alias_key(acronym).replace(" ", "")
    if len([w for w in words if w not in SMALL_WORDS]) < 2 or not letters:
        return False
    return 2 <= len(letters) <= _MAX_LETTERS and _consumes(letters, words)


def initials(key_words: Sequence[str]) -> str:
    """The first letters of a name's words but the small ones (digits whole): the acronym an
    organisation is most often written as, to join an acronym alone across the store."""
    return "".join(w if w.isdigit() else w[0] for w in key_words if w not in SMALL_WORDS)


def defined_in(entities: Sequence, text: str | None) -> dict[str, int]:
    """Short forms defined in brackets after an organisation's name: alias key of the short
    form -> index of the entity it stands for ("Servizio geologico ... (USGS)": {"usgs": n}).

    The name is an organisation, or a place of two words or more; the short form is one
    word that looks like an acronym and is no other entity's name (a place in brackets after
    town qualifies it instead, and a place's short form must be its initials: "Campione
    d'Italia (CO)" names its province)."""
    if not text:
        return {}
    starts = {entity.start: entity for entity in entities}
    found: dict[str, int] = {}
    for n, entity in enumerate(entities):
        if entity.label not in ("ORG", "LOC") or len(entity.text.split()) < 2:
            continue
        match = _BRACKETED.match(text, entity.end)
        if match is None or not looks_like_acronym(match[1]):
            continue
        inside = starts.get(match.start(1))
        if inside is not None and inside.label not in ("ORG", "LOC", "MISC"):
            continue
        if entity.label == "LOC" and not fits(match[1], entity.text):
            continue
        found.setdefault(alias_key(match[1]), n)
    return found
