"""Entity labels as the reader shows them: a colour for dark and for light themes, a name."""

from __future__ import annotations

from briefing.models import LABELS

# Bright shades read on dark backgrounds; the NLP layer's scheme replaces these when it has one.
_DARK = {
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
# Deep shades for light themes: the bright ones (gold, khaki, green) vanish on white.
_LIGHT = {
    "PER": "#0050b3",
    "ORG": "#b34700",
    "LOC": "#1e7b1e",
    "MISC": "#6b3fa0",
    "DATE": "#8a6d00",
    "TIME": "#7a5c00",
    "MONEY": "#00704a",
    "PERCENT": "#00707a",
    "QUANTITY": "#2f6f6f",
    "HANDLE": "#b0205a",
    "URL": "#505050",
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

# How a sentence names each kind: "It is a person", "It is an organisation".
KIND_PHRASES = {
    "PER": "a person",
    "ORG": "an organisation",
    "LOC": "a place",
    "MISC": "another kind of name",
    "DATE": "a date",
    "TIME": "a time of day",
    "MONEY": "an amount of money",
    "PERCENT": "a percentage",
    "QUANTITY": "a quantity",
    "HANDLE": "a social media handle",
    "URL": "a web address",
}

ORDER = {label: i for i, label in enumerate(LABELS)}  # names first, then numbers, then the web


def label_colours(dark: bool = True) -> dict[str, str]:
    """Label -> colour string for a dark or a light theme."""
    if not dark:
        return dict(_LIGHT)
    from briefing.nlp.labels import COLOURS

    return {**_DARK, **COLOURS}
