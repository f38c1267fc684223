"""The publication date a text's first lines give: a date line, or a news dateline (a place,
then the date), read by the text importer and by story grouping for undated articles."""

from __future__ import annotations

import pytest

from briefing.ingest import import_text
from briefing.ingest.datelines import head_date
from tests.support.imports import only_article

PARAGRAPH = (
    "Il governo ha approvato la manovra dopo una lunga riunione notturna a Palazzo Chigi, "
    "con molte tensioni tra i partiti della maggioranza."
)


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Roma, 29 settembre 2010.", "2010-09-29"),
        ("NEW YORK 1996-08-31", "1996-08-31"),
        ("BOGOTA, Colombia 1996-08-30", "1996-08-30"),
        ("ROCHESTER, N.H. 1996-08-30", "1996-08-30"),
        ("Milano, 3 dicembre 2025", "2025-12-03"),
        ("18 Dicembre 2025", "2025-12-18"),
    ],
)
def test_a_dateline_under_the_title_gives_the_day(line, day):
    assert head_date(["Un titolo qualsiasi.", line, PARAGRAPH]) == day


@pytest.mark.parametrize(
    "line",
    [
        "Nato a Treviglio il 18 luglio 1942, Facchetti vinse la Coppa dei Campioni.",
        "Strage di Bologna 2 agosto 1980",  # a headline naming a date: lowercase words
        "In programma gli European Latin Awards l'8 luglio 2018",
        "Roma, 29 settembre",  # no year: no day to trust
        PARAGRAPH + " Roma, 29 settembre 2010.",
    ],
)
def test_a_date_inside_a_sentence_or_a_headline_is_no_dateline(line):
    assert head_date(["Un titolo qualsiasi.", line, PARAGRAPH]) is None


def test_only_the_first_lines_are_read():
    lines = ["Titolo."] + [PARAGRAPH] * 6 + ["Roma, 29 settembre 2010."]
    assert head_date(lines) is None


def test_the_text_importer_reads_a_dateline_below_the_title_and_keeps_it_in_the_body():
    text = f"Titolo della notizia\nRoma, 29 settembre 2010.\n{PARAGRAPH}\n"
    article = only_article(import_text(text, kind="text"))
    assert article.published == "2010-09-29"
    assert article.body.startswith("Roma, 29 settembre 2010.")  # the place is part of the report


def test_the_text_importer_reads_a_wire_dateline_after_a_title_and_a_byline():
    text = (
        "Boxing-Bruno quits on doctor's advice.\nRichard Finn\nLONDON 1996-08-30\n"
        "Former world heavyweight champion Frank Bruno has quit the ring on medical advice, "
        "his manager said on Friday.\n"
    )
    assert only_article(import_text(text, kind="text")).published == "1996-08-30"


def test_a_date_line_under_a_title_ending_like_a_sentence_is_read_not_lost():
    text = f"Un titolo che finisce con un punto.\n18 Dicembre 2025\n{PARAGRAPH}\n"
    article = only_article(import_text(text, kind="text"))
    assert article.published == "2025-12-18"
    assert "18 Dicembre 2025" not in article.body  # a bare date line stays metadata
