"""Listed names found in plain text, for languages without a trained pipeline.

A Portuguese or Spanish article gets its countries, regions and institutions from the lists
(CLDR names in six languages, the hand-kept institutions), with their identities; the
rules-only pipeline's gazetteer finds towns already.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefing.entities.registry import Registry, registry
from briefing.models import Entity, NamedThing

_KINDS = {"country": "LOC", "region": "LOC", "org": "ORG"}
_FACTS = {"LOC": "places", "ORG": "organizations"}


@lru_cache(maxsize=1)
def _pattern(known: Registry) -> tuple[re.Pattern, dict[str, str]]:
    labels: dict[str, str] = {}
    for identity in known.by_id.values():
        label = _KINDS.get(identity.kind)
        if label is None:
            continue
        for alias in [*identity.aliases, *identity.names.values()]:
            # as written: case matters in running text ("US" the country, "us" the word)
            if len(alias) >= 3 or alias.isupper():
                labels.setdefault(alias, label)
    alternatives = "|".join(re.escape(a) for a in sorted(labels, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)"), labels


def add_listed(analysis, text: str, known: Registry | None = None) -> None:
    """Add the listed countries, regions and institutions `text` names and the analysis has
    not, as rule entities and facts, in place (before linking gives them identities)."""
    pattern, labels = _pattern(known or registry())
    taken = [(e.start, e.end) for e in analysis.entities]
    added = []
    for match in pattern.finditer(text):
        start, end = match.span()
        if any(start < e and s < end for s, e in taken):
            continue
        label = labels[match.group()]
        added.append(Entity(start, end, label, match.group(), source="rule"))
        taken.append((start, end))
    if not added:
        return
    analysis.entities = sorted([*analysis.entities, *added], key=lambda e: (e.start, e.end))
    for entity in added:
        things = getattr(analysis.facts, _FACTS[entity.label])
        same = next((t for t in things if t.name == entity.text), None)
        if same is None:
            same = NamedThing(entity.text)
            things.append(same)
        same.mentions += 1
        same.spans.append([entity.start, entity.end])
