"""One entity label scheme for display, the mapping onto it from other schemes, and its colours."""

from __future__ import annotations

from briefing.models import LABELS

# Every scheme briefing meets, mapped onto models.LABELS. Labels absent here and absent
# from LABELS (CARDINAL, ORDINAL) are dropped: bare numbers are noise in a reader.
_MAPPING: dict[str, str | None] = {
    # OntoNotes (en_core_web_*)
    "PERSON": "PER",
    "GPE": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
    "CARDINAL": None,
    "ORDINAL": None,
    # WikiNER / it_core_news_* and CoNLL use PER, ORG, LOC, MISC: already ours.
    # Short forms some corpora use.
    "PERS": "PER",
    "LOCATION": "LOC",
    "ORGANIZATION": "ORG",
    "ORGANISATION": "ORG",
}

# Theme-neutral colour names (Rich/Textual standard colours) so every theme can show them.
# Kept as plain strings: domain code never imports Textual; the TUI turns them into styles.
COLOURS: dict[str, str] = {
    "PER": "dodger_blue1",
    "ORG": "dark_orange",
    "LOC": "green3",
    "MISC": "medium_purple1",
    "DATE": "gold1",
    "TIME": "khaki1",
    "MONEY": "spring_green2",
    "PERCENT": "aquamarine1",
    "QUANTITY": "light_sea_green",
    "HANDLE": "hot_pink",
    "URL": "grey62",
}

# What each label means, for the help screen and the legend.
DESCRIPTIONS: dict[str, str] = {
    "PER": "person",
    "ORG": "organisation",
    "LOC": "place",
    "MISC": "other name (nationality, event, work, law...)",
    "DATE": "date",
    "TIME": "time of day",
    "MONEY": "amount of money",
    "PERCENT": "percentage",
    "QUANTITY": "quantity with a unit or count",
    "HANDLE": "social media handle",
    "URL": "web address",
}

# Labels produced by the rule components for numbers and time: a rule span of one of these
# may replace a model span of one of these (the rule knows the value), never a name.
NUMERIC = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})

# Label groups the rule components share, in both schemes (ours and OntoNotes'), by what the
# labels name; a component composes what it needs from these.
PEOPLE = frozenset({"PER", "PERSON"})
TERRITORIES = frozenset({"LOC", "GPE"})  # places a town, region or country can be
PLACES = TERRITORIES | {"FAC"}  # ... and buildings, airports, bridges
ORGS = frozenset({"ORG"})
NAMES = PEOPLE | PLACES | ORGS  # proper names a rule may relabel


def to_display(label: str) -> str | None:
    """The display label for any scheme's label, or None when it is not shown."""
    upper = label.upper()
    if upper in _MAPPING:
        return _MAPPING[upper]
    return upper if upper in LABELS else None


def colour(label: str) -> str:
    """The colour name for a display label (unknown labels get a neutral grey)."""
    return COLOURS.get(label, "grey50")
