"""What kind of unnamed source an attribution cites: officials, people familiar with a matter,
sources close to someone, documents, witnesses, experts, rumours. Analysts weigh "a senior
official" and "voci di corridoio" differently, so the kind travels with the fact."""

from __future__ import annotations

import re

from briefing.facts.text import Article, anonymous_nouns
from briefing.models import Attribution

# Phrases that type a source whatever its noun: "fonti vicine al Cremlino", "people familiar
# with the talks", "persone a conoscenza del dossier", "sources briefed on".
_PHRASES = {
    "it": [
        ("close", re.compile(r"\bvicin[eoi]\b|\bvicina\b|\bambienti\b", re.I)),
        ("familiar", re.compile(r"\ba conoscenza\b|\binformat[eia]\b|\bal corrente\b", re.I)),
    ],
    "en": [
        ("close", re.compile(r"\bclose to\b", re.I)),
        ("familiar", re.compile(r"\bfamiliar with\b|\bbriefed on\b|\bknowledge of\b", re.I)),
    ],
}


def source_type(article: Article, attribution: Attribution) -> str | None:
    """The kind of an anonymous attribution's source; None for a named one."""
    if not attribution.anonymous:
        return None
    phrase = attribution.source or attribution.text
    for kind, pattern in _PHRASES.get(article.lang, []):
        if pattern.search(attribution.text):
            return kind
    nouns = anonymous_nouns(article.lang)
    # "fonti ufficiali", "sources, officials say": the most telling word decides.
    kinds = [
        nouns[w].get("type", "unspecified")
        for w in re.findall(r"\w+", phrase.lower())
        if w in nouns
    ]
    return next((k for k in kinds if k != "unspecified"), "unspecified")
