"""Date and time expressions in Italian and English, resolved against an article's date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.dates import find_temporal, parse_anchor, resolve

THURSDAY = dt.date(2025, 12, 18)  # the seed article's date


@pytest.mark.parametrize(
    ("expression", "lang", "iso"),
    [
        ("18 Dicembre 2025", "it", "2025-12-18"),
        ("3 dicembre", "it", "2025-12-03"),
        ("1° gennaio", "it", "2026-01-01"),  # nearer to the anchor than January 2025
        ("December 4, 2025", "en", "2025-12-04"),
        ("4 Dec", "en", "2025-12-04"),
        ("the 4th of December", "en", "2025-12-04"),
        ("2025-12-18", "en", "2025-12-18"),
        ("18/12/2025", "it", "2025-12-18"),
        ("12/25/2025", "en", "2025-12-25"),
        ("dicembre 2025", "it", "2025-12"),
        ("20-21 dicembre", "it", "2025-12-20/2025-12-21"),
        ("December 20-21", "en", "2025-12-20/2025-12-21"),
    ],
)
def test_absolute_dates(expression: str, lang: str, iso: str) -> None:
    assert resolve(expression, lang, THURSDAY) == iso


@pytest.mark.parametrize(
    ("expression", "lang", "iso"),
    [
        ("mercoledì", "it", "2025-12-17"),
        ("giovedì", "it", "2025-12-18"),
        ("venerdì", "it", "2025-12-12"),
        ("lunedì scorso", "it", "2025-12-15"),
        ("martedì prossimo", "it", "2025-12-23"),
        ("Wednesday", "en", "2025-12-17"),
        ("next Tuesday", "en", "2025-12-23"),
        ("last Tuesday", "en", "2025-12-16"),
        ("ieri", "it", "2025-12-17"),
        ("oggi", "it", "2025-12-18"),
        ("domani", "it", "2025-12-19"),
        ("l'altro ieri", "it", "2025-12-16"),
        ("yesterday", "en", "2025-12-17"),
        ("tomorrow", "en", "2025-12-19"),
        ("questo fine settimana", "it", "2025-12-20/2025-12-21"),
        ("this weekend", "en", "2025-12-20/2025-12-21"),
        ("la scorsa settimana", "it", "2025-12-08/2025-12-14"),
        ("la settimana prossima", "it", "2025-12-22/2025-12-28"),
        ("last week", "en", "2025-12-08/2025-12-14"),
        ("two days ago", "en", "2025-12-16"),
        ("tre giorni fa", "it", "2025-12-15"),
        ("tra due giorni", "it", "2025-12-20"),
        ("a month ago", "en", "2025-11"),
        ("l'anno scorso", "it", "2024"),
        ("a luglio", "it", "2025-07"),
        ("in July", "en", "2025-07"),
        ("luglio scorso", "it", "2025-07"),
        ("a gennaio", "it", "2026-01"),
    ],
)
def test_relative_dates(expression: str, lang: str, iso: str) -> None:
    assert resolve(expression, lang, THURSDAY) == iso


@pytest.mark.parametrize(
    ("expression", "lang", "iso"),
    [
        ("alle 15:30", "it", "15:30"),
        ("alle 20.45", "it", "20:45"),
        ("dalle 7 del mattino", "it", "07:00"),
        ("alle 8 di sera", "it", "20:00"),
        ("3 p.m.", "en", "15:00"),
        ("10:15 am", "en", "10:15"),
        ("midnight", "en", "00:00"),
    ],
)
def test_times(expression: str, lang: str, iso: str) -> None:
    [match] = find_temporal(expression, lang, THURSDAY)
    assert (match.label, match.iso) == ("TIME", iso)


def test_weekday_in_a_past_clause_is_the_most_recent_one() -> None:
    text = (
        "Mercoledì il presidente Vladimir Putin ha ribadito che la Russia non si tirerà indietro."
    )
    [match] = find_temporal(text, "it", THURSDAY)
    assert (match.text, match.iso, match.relative) == ("Mercoledì", "2025-12-17", True)


def test_weekday_in_a_future_clause_is_the_coming_one() -> None:
    [match] = find_temporal("The envoys will meet on Tuesday.", "en", THURSDAY)
    assert match.iso == "2025-12-23"


def test_weekend_in_a_future_clause_of_the_seed() -> None:
    text = "Nel fine settimana Miami dovrebbe ospitare un nuovo round di colloqui."
    [match] = find_temporal(text, "it", THURSDAY)
    assert match.iso == "2025-12-20/2025-12-21"


def test_night_between_two_weekdays() -> None:
    text = "Nella notte tra sabato e domenica sono apparsi striscioni."
    [match] = find_temporal(text, "it", dt.date(2025, 1, 5))
    assert match.iso == "2025-01-04/2025-01-05"


def test_years_need_a_preposition_or_brackets() -> None:
    found = find_temporal("Nel derby del 2001 c'erano 2001 tifosi (2017).", "it", THURSDAY)
    assert [(m.text, m.iso) for m in found] == [("2001", "2001"), ("2017", "2017")]
    assert found[0].start == len("Nel derby del ")


def test_words_that_only_look_like_dates_are_left_alone() -> None:
    assert find_temporal("You may march on, sun or rain.", "en", THURSDAY) == []
    assert find_temporal("Alle 15 regioni spettano i fondi.", "it", THURSDAY) == []


def test_offsets_point_into_the_text() -> None:
    text = "Secondo il Cremlino, ieri alle 15:30 e il 3 dicembre."
    found = find_temporal(text, "it", THURSDAY)
    assert [m.text for m in found] == ["ieri", "alle 15:30", "3 dicembre"]
    assert all(text[m.start : m.end] == m.text for m in found)


def test_without_an_anchor_relative_dates_are_found_but_not_placed() -> None:
    [match] = find_temporal("ieri", "it", None)
    assert (match.iso, match.relative) == (None, True)
    assert resolve("18 Dicembre 2025", "it", None) == "2025-12-18"


def test_parse_anchor() -> None:
    assert parse_anchor("2025-12-18T10:00:00+01:00") == THURSDAY
    assert parse_anchor("not a date") is None
    assert parse_anchor(None) is None


@given(
    st.text(alphabet=st.sampled_from(list("0123456789 /.:-abcdegilmnorstuvyADJMì")), max_size=60)
)
def test_matches_never_overlap_and_slice_back(text: str) -> None:
    found = find_temporal(text, "it", THURSDAY)
    for a, b in zip(found, found[1:], strict=False):
        assert a.end <= b.start
    assert all(text[m.start : m.end] == m.text and m.start < m.end for m in found)


# Words the date rules are made of, in any order: every rule's handler must cope with every
# form its pattern accepts ("domani pomeriggio" once matched and then raised).
DATE_WORDS = (
    "ieri oggi domani dopodomani altroieri l' l’ l'altro altro mattina sera pomeriggio notte "
    "stamattina stasera questa questo quest' scorsa scorso prossima prossimo fine settimana "
    "mese anno anni giorni fa tra fra nel del dal al entro il le alle ore di e la "
    "lunedì mercoledì sabato gennaio dicembre Dicembre marzo "
    "yesterday tomorrow today tonight the day after before last next this past coming "
    "morning afternoon evening night week weekend month year years days ago in within "
    "between and Monday Friday May March December at p.m. a.m. "
    "2025 1999 18 3 12 15:30 9.45 1° due tre two three a un una"
).split()


@settings(max_examples=2000, deadline=None)
@given(
    words=st.lists(st.sampled_from(DATE_WORDS), max_size=12),
    lang=st.sampled_from(["it", "en"]),
    anchored=st.booleans(),
)
def test_any_sequence_of_date_words_is_read_without_error(
    words: list[str], lang: str, anchored: bool
) -> None:
    text = " ".join(words)
    found = find_temporal(text, lang, THURSDAY if anchored else None)
    assert all(text[m.start : m.end] == m.text and m.start < m.end for m in found)


def test_an_hour_followed_by_an_article_is_still_an_hour() -> None:
    [match] = find_temporal("Intorno alle 13 un gruppo di tifosi ha sfilato.", "it", THURSDAY)
    assert (match.text, match.iso) == ("alle 13", "13:00")


def test_vague_periods_need_a_modifier() -> None:
    assert [m.text for m in find_temporal("Nei giorni scorsi e negli anni.", "it", THURSDAY)] == [
        "Nei giorni scorsi"
    ]


def test_periods_placed_only_against_another_event() -> None:
    [match] = find_temporal("Poche ore dopo il primo dispiegamento, i jet russi.", "it", THURSDAY)
    assert (match.text, match.iso, match.relative) == ("Poche ore dopo", None, True)
    [match] = find_temporal("A few hours later the jets left.", "en", THURSDAY)
    assert (match.text, match.iso) == ("A few hours later", None)


def test_a_month_takes_the_tense_of_its_clause() -> None:
    february = dt.date(2025, 2, 4)
    [past] = find_temporal("Amanda Dory ha dichiarato a luglio che l'Artico conta.", "it", february)
    assert past.iso == "2024-07"
    [future] = find_temporal("The envoys will meet again in July.", "en", february)
    assert future.iso == "2025-07"
    [plain] = find_temporal("Luglio, mese di ferie.", "it", february)
    assert plain.iso == "2025-07"  # no tense: the nearest July


def test_impossible_days_are_not_dates() -> None:
    found = find_temporal("Il 31 febbraio 2025 non esiste.", "it", THURSDAY)
    assert [(m.text, m.iso) for m in found] == [("febbraio 2025", "2025-02")]


def test_lexicons_are_public() -> None:
    from briefing import dates

    assert dates.WEEKDAYS["mercoledì"] == 2 and dates.MONTHS["dicembre"] == 12


# The rules run only in windows around digits and date words; they must find exactly what a
# scan of the whole text finds. Texts made of date words, numbers, long stretches of filler and
# the prefixes that reach furthest from a trigger ("nella notte tra", "the day before").
_PIECES = [
    "18", "2025", "dicembre", "December", "mercoledì", "Tuesday", "settimana", "fine settimana",
    "weekend", "scorso", "prossimo", "last", "next", "ieri", "yesterday", "the day before",
    "nella notte tra", "e", "and", "anni", "years", "fa", "ago", "tra", "in", "cinquanta",
    "a couple of", "alle ore", "15:30", "p.m.", "del", "of the", "this", ",", ".", "\n",
    "una lunga frase senza nulla che somigli a una data o a un numero",
    "a long sentence with nothing in it that looks like a time expression at all",
]  # fmt: skip


@given(
    st.lists(st.sampled_from(_PIECES), max_size=30),
    st.sampled_from(["it", "en"]),
    st.lists(st.sampled_from([" ", "  ", "\n", ""]), min_size=30, max_size=30),
)
def test_windows_find_what_a_whole_scan_finds(pieces, lang, gaps):
    from briefing.dates import find_in_windows

    text = "".join(piece + gap for piece, gap in zip(pieces, gaps, strict=False))
    whole = find_in_windows(text, lang, THURSDAY, [(0, len(text))])
    assert find_temporal(text, lang, THURSDAY) == whole


def test_windows_skip_text_without_dates():
    from briefing.dates import windows

    filler = "Una frase qualunque senza cifre. " * 20
    text = filler + "Il vertice è previsto mercoledì 17 dicembre." + filler
    spans = windows(text)
    assert len(spans) == 1
    start, end = spans[0]
    assert start <= text.index("mercoledì") and end >= text.index("dicembre.") + 8
    assert end - start < len(text) // 4


@pytest.mark.parametrize(
    ("expression", "lang", "iso"),
    [
        # every form the day-word rules accept resolves (one was found in real news and raised)
        ("domani pomeriggio", "it", "2025-12-19"),
        ("Domani  sera", "it", "2025-12-19"),
        ("ieri pomeriggio", "it", "2025-12-17"),
        ("oggi pomeriggio", "it", "2025-12-18"),
        ("l' altroieri", "it", "2025-12-16"),
        ("l’altro ieri", "it", "2025-12-16"),
        ("dopodomani", "it", "2025-12-20"),
        ("stasera", "it", "2025-12-18"),
        ("the day after tomorrow", "en", "2025-12-20"),
        ("the day before yesterday", "en", "2025-12-16"),
        ("tomorrow afternoon", "en", "2025-12-19"),
        ("last night", "en", "2025-12-17"),
        ("tonight", "en", "2025-12-18"),
    ],
)
def test_day_words_in_every_form(expression: str, lang: str, iso: str) -> None:
    assert resolve(expression, lang, THURSDAY) == iso


def test_a_year_naming_an_event_is_a_date_and_a_count_is_not() -> None:
    import datetime as dt

    from briefing.dates import find_temporal

    def years(text: str, lang: str) -> list[tuple[str, str | None]]:
        return [(m.text, m.iso) for m in find_temporal(text, lang, dt.date(2012, 5, 1))]

    assert years("Accordo Lega - Pdl sulle elezioni 2013", "it") == [("2013", "2013")]
    assert years("the 2016 presidential election was close", "en") == [("2016", "2016")]
    assert years("2013 persone sono morte", "it") == []
