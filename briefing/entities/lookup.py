"""What a filter value means as identities: `place:Moscow` also finds the articles that say Mosca."""

from __future__ import annotations

from briefing.entities.names import person_key, person_words
from briefing.entities.registry import Registry, registry

_KINDS = {  # filter field -> the identity kinds it may name
    "place": {"country", "region", "us-state", "geo"},
    "org": {"org", "country", "geo"},  # "org:Mosca" for the government speaking as its capital
    "entity": {"country", "region", "us-state", "geo", "org"},
}


def identity_keys(field: str, value: str, known: Registry | None = None) -> set[str]:
    """The identity keys a filter value may name: every listed namesake, or a person's key."""
    if field == "person":
        words = person_words(value)
        return {person_key(words)} if words else set()
    kinds = _KINDS.get(field)
    if not kinds:
        return set()
    known = known or registry()
    return {i.id for i in known.candidates(value) if i.kind in kinds}


def identity_names(field: str, value: str, known: Registry | None = None) -> list[str]:
    """The listed names (English, Italian) of the identities a filter value names, so a name
    index built from the article's own names plus its identities' names finds them all."""
    if field != "person" and field not in _KINDS:
        return []  # source:, tag:, quote:...: no identity, and no half-second registry load
    known = known or registry()
    names: list[str] = []
    for key in sorted(identity_keys(field, value, known)):
        identity = known.get(key)
        if identity is not None:
            names += [n for n in identity.names.values() if n not in names]
    return names
