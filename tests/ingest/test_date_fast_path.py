"""The common worded dates are read without dateparser, and read as dateparser reads them."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.ingest.metadata import _MONTH_NUMBERS, _dateparser_date, _worded_date, parse_date

MONTHS = sorted(_MONTH_NUMBERS)
WEEKDAYS = ["", "Giovedì ", "giovedi, ", "Sáb, ", "Monday, ", "mar ", "Lundi ", "Sat, "]
TIMES = ["", " 10:30", ", 9.05", " ore 18:45", " alle 7:00", " at 23:59"]


@st.composite
def worded_dates(draw) -> str:
    day = draw(st.integers(1, 31))
    month = draw(st.sampled_from(MONTHS))
    month = draw(st.sampled_from([month, month.title(), month.upper(), month + "."]))
    year = draw(st.integers(1990, 2030))
    if draw(st.booleans()):
        date = f"{day} {month} {year}"
    else:
        date = f"{month} {day}, {year}"
    return draw(st.sampled_from(WEEKDAYS)) + date + draw(st.sampled_from(TIMES))


@settings(max_examples=300, deadline=None)
@given(worded_dates())
def test_the_fast_path_reads_what_dateparser_reads(text):
    fast = _worded_date(text)
    if fast is None:  # forms it does not read fall back to dateparser
        return
    if re.search(r"\bset\b", text, re.IGNORECASE):
        # dateparser reads the Italian "set" (settembre) as something else: "1 set 1990" is
        # 1990-01-07 to it. Here it is September.
        assert fast[5:7] == "09", text
        return
    assert fast == _dateparser_date(text, None), text


@settings(max_examples=200, deadline=None)
@given(worded_dates())
def test_parse_date_is_unchanged_by_the_fast_path(text):
    import briefing.ingest.metadata as metadata

    if re.search(r"\bset\b", text, re.IGNORECASE):
        return  # see above: the one word read differently, and rightly

    fast = parse_date(text)
    real = metadata._worded_date
    metadata._worded_date = lambda _text: None  # the way it was: dateparser for every form
    try:
        assert fast == parse_date(text), text
    finally:
        metadata._worded_date = real


def test_the_seed_forms_take_the_fast_path():
    for text, iso in [
        ("18 Dicembre 2025", "2025-12-18"),
        ("Giovedì 18 dicembre 2025 ore 9.05", "2025-12-18T09:05:00"),
        ("Dec 18, 2025 10:30", "2025-12-18T10:30:00"),
        ("18 dic. 2025", "2025-12-18"),
    ]:
        assert _worded_date(text) == iso == parse_date(text)
    assert _worded_date("31 febbraio 2025") is None  # left to dateparser
    assert _worded_date("Pubblicato il 18 dicembre 2025") is None
    assert parse_date("Pubblicato il 18 dicembre 2025") == "2025-12-18"
