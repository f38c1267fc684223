"""Dates in Italian and English words, language labels, titles, boilerplate and hostile characters."""

from __future__ import annotations

import datetime

import pytest

from briefing.ingest import metadata
from briefing.text import detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("18 Dicembre 2025", "2025-12-18"),
        ("mercoledì 3 dicembre 2025", "2025-12-03"),
        ("Mercoledì, 3 dicembre 2025 ore 10:30", "2025-12-03T10:30:00"),
        ("Wednesday, December 3, 2025", "2025-12-03"),
        ("3 December 2025 at 10:30", "2025-12-03T10:30:00"),
        ("Seg, 24 Set 2018 19:42:40 -0300", "2018-09-24T19:42:40-03:00"),
        ("19.01.2020", "2020-01-19"),
        ("14/05/2020", "2020-05-14"),
        ("2025-12-18", "2025-12-18"),
        ("2025-12-18T10:00:00+01:00", "2025-12-18T10:00:00+01:00"),
        ("Notizia del 14 Gennaio 2020", "2020-01-14"),
    ],
)
def test_parse_date(text, expected):
    assert metadata.parse_date(text) == expected


def test_parse_date_without_a_year_takes_the_latest_past_one():
    parsed = metadata.parse_date("Sáb, 13 Nov")
    assert parsed is not None and parsed[5:] == "11-13"
    assert datetime.date.fromisoformat(parsed) <= datetime.date.today()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "hello",
        "32 Dicembre 2025",
        "99.99.2020",
        "the year 1200 was long",
        "2 ore fa",
        "12",
        "0001-01-01",
    ],
)
def test_parse_date_refuses_non_dates(text):
    assert metadata.parse_date(text) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("18 Dicembre 2025", True),
        ("Sáb, 13 Nov", True),
        ("Pubblicato il 3 dicembre 2025 alle 10:30", True),
        ("Updated: 19.01.2020", True),
        ("Il 18 dicembre 2025 Miami ospita i colloqui", False),
        ("Articoli Recenti", False),
        ("2025 was a long year for everyone", False),
    ],
)
def test_looks_like_date_line(line, expected):
    assert metadata.looks_like_date_line(line) is expected


def test_find_date_in_text():
    assert metadata.find_date_in_text("ORSO: UN ANNO (Notizia del 14 Gennaio 2020)") == "2020-01-14"
    assert metadata.find_date_in_text("Published January 14, 2020 by staff") == "2020-01-14"
    assert metadata.find_date_in_text("no dates here at all") is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Il governo ha approvato la legge di bilancio dopo una lunga discussione in Parlamento.",
            "it",
        ),
        ("The government approved the budget after a long debate in parliament on Tuesday.", "en"),
        (
            "Die Regierung hat den Haushalt nach einer langen Debatte im Parlament beschlossen.",
            "de",
        ),
    ],
)
def test_detect_language_labels_any_language(text, lang):
    assert detect_language(text) == lang


def test_detect_language_needs_letters():
    assert detect_language("12 345 !!") is None


@pytest.mark.parametrize(
    ("title", "sites", "expected"),
    [
        (
            "Obama admits gun laws frustrate him - BBC News",
            ["BBC News"],
            "Obama admits gun laws frustrate him",
        ),
        ("Berlin confronts its past | DW | 19.01.2020", ["DW.COM"], "Berlin confronts its past"),
        ("Perturbazione polare al Sud - La Stampa", ["lastampa.it"], "Perturbazione polare al Sud"),
        (
            "Vegolosi.it - Il Climate Clock ha iniziato",
            ["Vegolosi"],
            "Il Climate Clock ha iniziato",
        ),
        ("Obama - the interview", ["BBC News"], "Obama - the interview"),
        ("Roma - Lazio 2-1: la cronaca", [], "Roma - Lazio 2-1: la cronaca"),
    ],
)
def test_clean_title(title, sites, expected):
    assert metadata.clean_title(title, sites) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Il Giornale d'Italia è anche su Whatsapp. Clicca qui per iscriversi al canale.",
        "Articoli Recenti",
        "Leggi anche: la manovra in cinque punti",
        "Seguici su Facebook e Instagram",
        "Testata giornalistica registrata - Reg. Trib. di Roma n. 12",
        "© RIPRODUZIONE RISERVATA",
        "P.IVA 01234567890",
        "Questo sito utilizza cookie tecnici e di profilazione",
        "Sign up for our daily newsletter",
        "Read more: the full plan",
        "Follow us on X and Bluesky",
        "We use cookies to improve your experience. Accept",
        "Copyright 2025 Example Media. All rights reserved.",
        "Related articles",
        "Advertisement",
        "Privacy policy",
        "Iscriviti alla newsletter",
    ],
)
def test_boilerplate_lines(line):
    assert metadata.is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Il ministro ha detto che la newsletter del partito non rappresenta il governo.",
        "Witkoff e Kushner hanno incontrato Umerov a Miami.",
        "Readers were asked to share their views on the plan.",
        "A" * 400 + " clicca qui",  # long lines are article text, whatever they mention
        "Per iscriversi al concorso bisogna presentare la domanda entro marzo.",
        "Lo ha detto Marco Piva, sindaco del paese, durante il consiglio comunale.",
        "Il direttore responsabile del quotidiano ha respinto le accuse.",
        "They share this view with most of the coalition partners in Berlin.",
        "Related to this, the minister said the talks would continue on Monday.",
        "The company changed its privacy policy after the fine, regulators in Dublin said on Tuesday.",
        "Il ministro è su X da anni e scrive ogni giorno.",
    ],
)
def test_article_lines_are_not_boilerplate(line):
    assert not metadata.is_boilerplate(line)


@pytest.mark.parametrize(
    ("line", "in_header", "expected"),
    [
        ("kushner witkoff dmitriev Fonte: X @white_lenka", True, True),
        ("Foto: Ansa", False, True),
        ("(Photo by Jane Doe/Getty Images)", False, True),
        ("Photo: Reuters", False, True),
        ("Fonte: Istat, elaborazione su dati 2024", False, False),
        ("Il ministro ha parlato con i giornalisti.", True, False),
    ],
)
def test_credit_lines(line, in_header, expected):
    assert metadata.is_credit(line, in_header=in_header) is expected


def test_strip_lines_keeps_body_and_drops_furniture():
    lines = [
        "Primo paragrafo dell'articolo, con una frase completa e abbastanza lunga.",
        "Foto: LaPresse",
        "Secondo paragrafo, anche questo parte del testo.",
        "Iscriviti alla newsletter",
        "Articoli Recenti",
        "Un titolo correlato",
        "Un altro titolo correlato",
    ]
    kept, credits = metadata.strip_lines(lines)
    assert kept == lines[0:1] + lines[2:3]
    assert credits == ["Foto: LaPresse"]


def test_strip_lines_removes_a_legal_tail_glued_to_the_last_paragraph():
    kept, _ = metadata.strip_lines(
        ["Sono alimenti irritanti. Ultimo aggiornamento: 22:07 © RIPRODUZIONE RISERVATA"]
    )
    assert kept == ["Sono alimenti irritanti."]


def test_clean_text_removes_terminal_escapes_and_invisible_controls():
    hostile = (
        "Title\x1b[31m red\x1b[0m \x1b]0;pwned\x07 \x1b]52;c;Y2xpcA==\x07"
        "\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\ abc\u202edcba\u2066x\u2069 zero\u200bwidth\x00\x9b"
    )
    cleaned = metadata.clean_text(hostile)
    assert "\x1b" not in cleaned and "\x07" not in cleaned and "\x00" not in cleaned
    assert "\x9b" not in cleaned
    assert "\u202e" not in cleaned and "\u2066" not in cleaned and "\u200b" not in cleaned
    assert "pwned" not in cleaned and "Y2xpcA" not in cleaned
    assert "red" in cleaned and "link" in cleaned and "zerowidth" in cleaned


def test_clean_text_keeps_rich_markup_as_literal_text():
    assert (
        metadata.clean_text("[bold red]not markup[/] [link=x]y[/link]")
        == "[bold red]not markup[/] [link=x]y[/link]"
    )


def test_first_sentence_skips_abbreviations_and_cuts_long_text():
    assert (
        metadata.first_sentence("Mr. Hu met Lula today in Brasilia. Then he left.")
        == "Mr. Hu met Lula today in Brasilia."
    )
    long = "parola " * 100
    title = metadata.first_sentence(long)
    assert title.endswith("…") and len(title) <= metadata.TITLE_MAX + 1


def test_decode_bytes_latin1_and_broken_utf8():
    latin = "Perché la città è così? Però sì, è già qui. " * 5
    assert metadata.decode_bytes(latin.encode("latin-1")) == latin
    broken = ("Una frase valida in UTF-8 con accenti: è à ù. " * 20).encode() + b"\xff\xfe\xc3"
    decoded = metadata.decode_bytes(broken)
    assert decoded.startswith("Una frase valida in UTF-8 con accenti: è à ù.")
    assert "\ufffd" in decoded


def test_binary_kind():
    assert metadata.binary_kind(b"%PDF-1.7 ...") == "a PDF document"
    assert metadata.binary_kind(b"abc\x00def") == "binary data"
    assert metadata.binary_kind(b"testo normale") is None
    assert metadata.binary_kind("\ufefftesto".encode("utf-16")) is None
