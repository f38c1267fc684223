"""Month, weekday and number words in Italian and English, and the regex pieces built on them."""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    [
        "gennaio gen january jan",
        "febbraio feb february",
        "marzo mar march",
        "aprile apr april",
        "maggio mag may",
        "giugno giu june jun",
        "luglio lug july jul",
        "agosto ago august aug",
        "settembre set sett september sep sept",
        "ottobre ott october oct",
        "novembre nov november",
        "dicembre dic december dec",
    ],
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _i

# Monday is 0, as in date.weekday(); Italian names with and without the accent.
WEEKDAYS: dict[str, int] = {}
for _i, _names in enumerate(
    [
        "lunedì lunedi monday mon",
        "martedì martedi tuesday tue tues",
        "mercoledì mercoledi wednesday wed",
        "giovedì giovedi thursday thu thur thurs",
        "venerdì venerdi friday fri",
        "sabato saturday sat",
        "domenica sunday sun",
    ]
):
    for _name in _names.split():
        WEEKDAYS[_name] = _i

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30, "a couple of": 2,
    "un": 1, "uno": 1, "una": 1, "un'": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5,
    "sei": 6, "sette": 7, "otto": 8, "nove": 9, "dieci": 10, "undici": 11, "dodici": 12,
    "quindici": 15, "venti": 20, "trenta": 30, "quaranta": 40, "cinquanta": 50, "sessanta": 60,
    "settanta": 70, "ottanta": 80, "novanta": 90, "cento": 100, "un paio di": 2,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "a hundred": 100,
}  # fmt: skip

UNITS = {
    "day": "day", "days": "day", "giorno": "day", "giorni": "day",
    "week": "week", "weeks": "week", "settimana": "week", "settimane": "week",
    "month": "month", "months": "month", "mese": "month", "mesi": "month",
    "year": "year", "years": "year", "anno": "year", "anni": "year",
}  # fmt: skip

# English month names that are also ordinary words: only taken when capitalised.
AMBIGUOUS_EN = {"may", "mar", "march", "jan", "sat", "sun", "wed", "mon", "dec", "aug", "sept"}


def _alt(words) -> str:
    # Longest first so "dicembre" wins over "dic", and dots in abbreviations are optional.
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# Only abbreviations take a dot, so a full month name never swallows the full stop after it.
_ABBREVIATIONS = {w for w in MONTHS if len(w) <= 4} - {"may", "june", "july"}
_MONTH_FULL = _alt(w for w in MONTHS if w not in _ABBREVIATIONS)
_MONTH_ABBR = _alt(_ABBREVIATIONS)
MONTH = rf"(?P<month>{_MONTH_FULL}|(?:{_MONTH_ABBR})\.?)"
# Bare weekdays only by their full names: "Sun", "Wed" and "mar" are too often other words.
_FULL_WEEKDAYS = [w for w in WEEKDAYS if len(w) > 5 or w in {"monday", "friday", "sabato"}]
WD = rf"(?P<wd>lunedi'|martedi'|mercoledi'|giovedi'|venerdi'|{_alt(_FULL_WEEKDAYS)})"
WD2 = rf"(?P<wd2>{_alt(_FULL_WEEKDAYS)})"
NUM = rf"(?P<n>\d{{1,3}}|{_alt(NUMBER_WORDS)})"
UNIT = rf"(?P<unit>{_alt(UNITS)})"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|°|º)?"
DAY2 = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th|°|º)?"
YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
WEEKDAY_PREFIX = rf"(?:(?:{_alt(WEEKDAYS)}),?\s+)?"
