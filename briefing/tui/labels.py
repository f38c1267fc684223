"""Colours for entity labels: from briefing.nlp.labels when present, else a fallback map."""

from __future__ import annotations

# Plain colour names that read on dark and light themes alike.
_FALLBACK = {
    "PER": "#5fafff",
    "ORG": "#d787ff",
    "LOC": "#5fd787",
    "MISC": "#d7af5f",
    "DATE": "#87d7d7",
    "TIME": "#87d7d7",
    "MONEY": "#ffaf5f",
    "PERCENT": "#ffaf5f",
    "QUANTITY": "#ffaf5f",
    "HANDLE": "#ff87af",
    "URL": "#8787ff",
}

NAMES = {
    "PER": "person",
    "ORG": "organisation",
    "LOC": "place",
    "MISC": "other",
    "DATE": "date",
    "TIME": "time",
    "MONEY": "money",
    "PERCENT": "percent",
    "QUANTITY": "quantity",
    "HANDLE": "handle",
    "URL": "url",
}


def label_colours() -> dict[str, str]:
    """Label -> colour string, taking the NLP layer's scheme when it defines one."""
    colours = dict(_FALLBACK)
    try:
        from briefing.nlp import labels as nlp_labels
    except ImportError:
        return colours
    for name in ("COLOURS", "COLORS", "LABEL_COLOURS", "LABEL_COLORS"):
        found = getattr(nlp_labels, name, None)
        if isinstance(found, dict):
            colours.update({str(k): str(v) for k, v in found.items()})
            break
    return colours
