"""The display label scheme: every scheme maps onto models.LABELS, each label has a colour."""

from __future__ import annotations

import pytest

from briefing.models import LABELS
from briefing.nlp import labels


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("PERSON", "PER"),
        ("GPE", "LOC"),
        ("FAC", "LOC"),
        ("LOC", "LOC"),
        ("NORP", "MISC"),
        ("EVENT", "MISC"),
        ("WORK_OF_ART", "MISC"),
        ("LAW", "MISC"),
        ("LANGUAGE", "MISC"),
        ("PRODUCT", "MISC"),
        ("PER", "PER"),
        ("ORG", "ORG"),
        ("MISC", "MISC"),
        ("DATE", "DATE"),
        ("MONEY", "MONEY"),
        ("HANDLE", "HANDLE"),
        ("per", "PER"),
    ],
)
def test_other_schemes_map_onto_the_display_scheme(given, shown):
    assert labels.to_display(given) == shown


@pytest.mark.parametrize("dropped", ["CARDINAL", "ORDINAL", "SOMETHING_ELSE"])
def test_bare_numbers_and_unknown_labels_are_not_shown(dropped):
    assert labels.to_display(dropped) is None


def test_every_display_label_has_a_colour_and_a_description():
    assert set(labels.COLOURS) == set(LABELS)
    assert set(labels.DESCRIPTIONS) == set(LABELS)
    assert len(set(labels.COLOURS.values())) == len(LABELS)  # tell them apart at a glance


def test_unknown_label_gets_a_neutral_colour():
    assert labels.colour("NOPE") == "grey50"
    assert labels.colour("PER") == labels.COLOURS["PER"]


def test_colours_are_names_rich_and_textual_understand():
    from rich.color import Color

    for name in labels.COLOURS.values():
        Color.parse(name)  # raises ColorParseError for an unknown name
