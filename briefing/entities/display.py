"""Which name an identity is shown by: `[display] names = "en" | "it" | "as-written"`."""

from __future__ import annotations

from briefing.entities.registry import Registry, registry

MODES = ("en", "it", "as-written")
DEFAULT_MODE = "en"  # one name per identity whatever the article's language: notes link up


def display_name(
    identity_id: str | None,
    written: str,
    mode: str = DEFAULT_MODE,
    canonical: str | None = None,
    known: Registry | None = None,
) -> str:
    """The listed name in the mode's language, else the canonical name, else as written."""
    if mode == "as-written" or not identity_id:
        return written
    identity = (known or registry()).get(identity_id)
    if identity is not None:
        return identity.name(mode)
    return canonical or written


def rename_facts(analysis, mode: str = DEFAULT_MODE) -> None:
    """Name the analysis's people, organisations and places by `mode`, in place (export)."""
    if analysis is None or mode == "as-written":
        return
    facts = analysis.facts
    for things in (facts.people, facts.organizations, facts.places):
        for thing in things:
            thing.name = display_name(thing.id, thing.name, mode, thing.canonical)
    for entity in analysis.entities:
        if entity.id:  # raw entities fill a kind the facts left empty
            entity.text = display_name(entity.id, entity.text, mode, entity.canonical)
