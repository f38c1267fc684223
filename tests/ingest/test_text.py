"""Plain text shaped like the seed: date line, photo credit, body, site furniture."""

from __future__ import annotations

import hashlib

from briefing.ingest import import_text
from tests.support.imports import only_article

FURNITURE = [
    "Il Giornale d'Italia è anche su Whatsapp. Clicca qui per iscriversi al canale e rimanere sempre aggiornati.",
    "Articoli Recenti",
    "Testata giornalistica registrata - Direttore responsabile Luca Greco - Reg. Trib. di Milano n°40 del 14/05/2020 - © 2025 - Il Giornale d'Italia",
]


def test_seed_metadata_and_body(seed_text):
    article = only_article(import_text(seed_text, origin="seed.txt"))
    assert article.published == "2025-12-18"
    assert article.credit == "kushner witkoff dmitriev Fonte: X @white_lenka"
    assert article.lang == "it"
    assert article.source == "Il Giornale d'Italia"
    assert article.origin == "seed.txt"
    # no headline line: the title is the body's first sentence
    assert article.title.startswith("Nel fine settimana Miami dovrebbe ospitare")
    assert article.title.endswith("in Ucraina.")
    assert article.body.startswith("Nel fine settimana Miami")
    assert article.body.endswith("non per servire in prima linea”.")
    for line in ["18 Dicembre 2025", "Fonte: X", *FURNITURE]:
        assert line not in article.body


def test_seed_identity(seed_text):
    article = only_article(import_text(seed_text))
    normalised = " ".join(article.body.split())
    assert article.content_hash == hashlib.sha256(normalised.encode()).hexdigest()
    assert article.id == article.content_hash[:12]
    assert article.added and article.added[:4].isdigit()
    # the same words with other spacing are the same article
    respaced = seed_text.replace("\n", "\n\n").replace(". ", ".  ")
    assert only_article(import_text(respaced)).id == article.id


def test_headline_line_is_the_title_and_related_links_are_dropped():
    text = "\n".join(
        [
            "Brazil backs Ruritania on trade bid",
            "Ruritania sees the deal as an important step towards better trade terms with the world.",
            "Mr Hu is in Brazil for five days to discuss trade and investment deals of every kind.",
            "Sue Branford",
            "Latin America analyst",
            "The talks went on for 20 hours and nearly collapsed on Thursday night, a minister said.",
            "(01 Aug 04 | Business )",
            "(20 Aug 04 | Country profiles )",
        ]
    )
    article = only_article(import_text(text))
    assert article.title == "Brazil backs Ruritania on trade bid"
    assert article.published is None
    assert article.lang == "en"
    assert not article.body.startswith("Brazil backs")
    assert "Sue Branford" in article.body  # a pull-quote attribution inside the text stays
    assert article.body.endswith("a minister said.")
    assert "Business" not in article.body


def test_byline_and_worded_date_in_english():
    text = (
        "Wednesday, 3 December 2025\n"
        "Talks end without a deal\n"
        "By Jane Doe\n"
        "Negotiators left the building late on Tuesday after five hours of talks, officials said.\n"
        "Read more: what the plan says\n"
        "Both sides will meet again next week, according to a statement released in the evening.\n"
        "Sign up for our morning newsletter\n"
        "© 2025 Example News. All rights reserved.\n"
    )
    article = only_article(import_text(text))
    assert article.published == "2025-12-03"
    assert article.title == "Talks end without a deal"
    assert article.author == "Jane Doe"
    assert article.source == "Example News"
    assert "Read more" not in article.body
    assert "newsletter" not in article.body
    assert article.body.endswith("in the evening.")


def test_photo_credit_inside_the_text_is_kept_apart():
    text = (
        "Il governo ha approvato la manovra dopo una lunga riunione notturna a Palazzo Chigi, con molte tensioni.\n"
        "Foto: Ansa\n"
        "La discussione in Parlamento comincerà la prossima settimana, secondo fonti della maggioranza.\n"
    )
    article = only_article(import_text(text))
    assert article.credit == "Foto: Ansa"
    assert "Foto" not in article.body
    assert article.lang == "it"


def test_a_single_short_line_is_an_article_titled_by_itself():
    article = only_article(import_text("Breve nota."))
    assert article.title == "Breve nota."
    assert article.body == "Breve nota."


def test_short_spanish_portuguese_date_line_and_italian_weekday():
    text = "Sáb, 13 Nov\nEl gobierno aprobó el presupuesto tras una larga reunión nocturna en Madrid con los socios.\n"
    article = only_article(import_text(text))
    assert article.published is not None and article.published.endswith("-11-13")
    assert article.lang == "es"  # any language is labelled, not rejected
    text = "mercoledì 3 dicembre 2025\nIl governo ha approvato la manovra dopo una lunga riunione notturna.\n"
    assert only_article(import_text(text)).published == "2025-12-03"
