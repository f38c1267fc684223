"""HTML pages: main text, metadata from JSON-LD and meta tags, and the usual traps."""

from __future__ import annotations

import json

import pytest

from briefing.ingest import import_file, import_text
from tests.support.imports import only_article

PARAGRAPHS = [
    "La delegazione americana è arrivata a Miami nella notte per un nuovo round di colloqui con gli inviati russi.",
    "Secondo due persone a conoscenza della questione, sul tavolo ci sono concessioni territoriali e garanzie di sicurezza per Kiev.",
    "La Casa Bianca, al momento, non ha commentato ufficialmente le indiscrezioni pubblicate dalla stampa internazionale.",
    "I leader europei continuano a confrontarsi su un possibile schema di garanzie, che includerebbe una zona demilitarizzata.",
]


def page(head: str, headline_h1: str = "Esteri", extra_body: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html><html lang="it"><head><meta charset="utf-8">{head}</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/esteri">Esteri</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<h1 class="section">{headline_h1}</h1></header>
<div class="share"><a href="#">Condividi su Facebook</a> <a href="#">Tweet</a></div>
<article><div class="body">{paragraphs}{extra_body}</div></article>
<aside><h3>Articoli correlati</h3><ul><li><a href="/a">Un altro articolo</a></li><li><a href="/b">Ancora un altro</a></li></ul></aside>
<footer><p>Testata giornalistica registrata - Reg. Trib. di Roma n. 1 - P.IVA 01234567890</p><p>© 2025 Notizie Esempio</p></footer>
</body></html>"""


def test_title_from_og_without_site_suffix_date_only_in_json_ld():
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Notizie Esempio"},
            {
                "@type": "NewsArticle",
                "headline": "Colloqui a Miami tra Usa e Russia - Notizie Esempio",
                "datePublished": "2025-12-18T10:00:00+01:00",
                "author": [{"@type": "Person", "name": "Luca Rossi"}],
                "publisher": {"@type": "Organization", "name": "Notizie Esempio"},
            },
        ],
    }
    head = (
        "<title>Colloqui a Miami tra Usa e Russia - Notizie Esempio</title>"
        '<meta property="og:site_name" content="Notizie Esempio">'
        '<meta property="og:url" content="https://notizie.example/esteri/colloqui-miami">'
        f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    )
    article = only_article(import_text(page(head), kind="html", origin="page.html"))
    assert article.title == "Colloqui a Miami tra Usa e Russia"  # not the <h1> "Esteri"
    assert article.published == "2025-12-18T10:00:00+01:00"
    assert article.author == "Luca Rossi"
    assert article.source == "Notizie Esempio"
    assert article.url == "https://notizie.example/esteri/colloqui-miami"
    assert article.lang == "it"
    assert PARAGRAPHS[0] in article.body and PARAGRAPHS[-1] in article.body
    for furniture in ("Home", "Sport", "Condividi", "Tweet", "correlati", "Testata", "P.IVA", "©"):
        assert furniture not in article.body


def test_meta_tags_and_date_written_only_in_the_description(tmp_path):
    head = (
        '<meta property="og:title" content="ORSO MARSICANO: UN ANNO DA RECORD">'
        '<meta name="description" content="ORSO MARSICANO: UN ANNO DA RECORD (Notizia del 14 Gennaio 2020)">'
        '<meta name="author" content="https://facebook.com/someone">'
    )
    path = tmp_path / "orso.htm"
    path.write_text(page(head), encoding="utf-8")
    article = only_article(import_file(path))
    assert article.title == "ORSO MARSICANO: UN ANNO DA RECORD"
    assert article.published == "2020-01-14"
    assert article.author is None  # a profile URL is not a name


def test_article_published_time_meta_and_title_suffix_trap():
    head = (
        "<title>Obama admits gun laws are his 'biggest frustration' - BBC News</title>"
        '<meta property="og:title" content="Obama admits gun laws are his \'biggest frustration\' - BBC News">'
        '<meta property="og:site_name" content="BBC News">'
        '<meta property="article:published_time" content="2015-07-24T05:36:09+01:00">'
    )
    article = only_article(import_text(page(head, headline_h1="US & Canada"), kind="html"))
    assert article.title == "Obama admits gun laws are his 'biggest frustration'"
    assert article.published == "2015-07-24T05:36:09+01:00"


def test_page_title_with_site_name_is_reduced_to_the_visible_headline():
    head = "<title>Orsi da record nel parco | Parco Nazionale Esempio, Lazio e Molise</title>"
    article = only_article(
        import_text(page(head, headline_h1="Orsi da record nel parco"), kind="html")
    )
    assert article.title == "Orsi da record nel parco"


def test_latin1_page_with_declared_charset(tmp_path):
    text = page("<title>Perché la città è in festa</title>").replace(
        'charset="utf-8"', 'charset="iso-8859-1"'
    )
    path = tmp_path / "latin.html"
    path.write_bytes(text.encode("latin-1"))
    article = only_article(import_file(path))
    assert article.title == "Perché la città è in festa"
    assert "è arrivata a Miami" in article.body


@pytest.mark.fault(
    "import",
    "malformed HTML (unclosed and mismatched tags)",
    "imports the title and the text it can",
)
def test_malformed_html_imports_what_it_can():
    broken = (
        "<html><head><title>Broken page</title><body><p>"
        + PARAGRAPHS[0]
        + "<p><b>"
        + PARAGRAPHS[1]
        + "</i></div></table><p>"
        + PARAGRAPHS[2]
    )
    article = only_article(import_text(broken, kind="html"))
    assert article.title == "Broken page"
    assert PARAGRAPHS[1] in article.body


@pytest.mark.fault(
    "import",
    "deeply nested HTML (300 and 20,000 nested divs)",
    "imported; the body is the paragraph's text",
)
@pytest.mark.parametrize("depth", [300, 20000])
def test_deeply_nested_html_still_gives_its_text(depth):
    nested = "<html><body>" + "<div>" * depth + PARAGRAPHS[0] + "</div>" * depth + "</body></html>"
    article = only_article(import_text(nested, kind="html"))
    assert article.body == PARAGRAPHS[0]
    assert article.title == PARAGRAPHS[0]


@pytest.mark.fault(
    "import",
    "OSC window title, bidi override and Rich markup in an HTML title",
    "escape and bidi removed; markup kept literally",
)
def test_hostile_text_in_a_page_is_cleaned():
    head = "<title>\x1b]0;owned\x07Titolo \u202eevil\u202c [bold]markup[/bold]</title>"
    article = only_article(import_text(page(head), kind="html"))
    assert "\x1b" not in article.title and "\u202e" not in article.title
    assert "[bold]markup[/bold]" in article.title  # text, never markup: kept literally


def test_social_network_names_are_not_authors():
    head = '<title>Un titolo qualsiasi</title><meta name="author" content="Facebook Com; Anna Bianchi">'
    assert only_article(import_text(page(head), kind="html")).author == "Anna Bianchi"


@pytest.fixture
def metadata_reads(monkeypatch):
    """The pages trafilatura's metadata search (htmldate and all) was asked to read."""
    import trafilatura.core
    import trafilatura.metadata

    reads = []
    original = trafilatura.metadata.extract_metadata

    def counted(*args, **kwargs):
        reads.append(args[0])
        return original(*args, **kwargs)

    monkeypatch.setattr(trafilatura.metadata, "extract_metadata", counted)
    monkeypatch.setattr(trafilatura.core, "extract_metadata", counted)  # bare_extraction's
    return reads


def test_trafilatura_metadata_is_not_read_when_the_page_tags_say_it_all(metadata_reads):
    head = (
        '<meta property="og:title" content="Colloqui a Miami, nessuna svolta">'
        '<meta property="og:site_name" content="Notizie Esempio">'
        '<meta property="article:published_time" content="2025-12-02T08:00:00+01:00">'
        '<meta name="author" content="Anna Bianchi">'
    )
    article = only_article(import_text(page(head), kind="html"))
    assert (article.title, article.source, article.author) == (
        "Colloqui a Miami, nessuna svolta",
        "Notizie Esempio",
        "Anna Bianchi",
    )
    assert article.published == "2025-12-02T08:00:00+01:00"
    assert metadata_reads == []


def test_a_site_name_only_trafilatura_finds_still_leaves_the_title(metadata_reads):
    # no og:site_name, publisher or application-name: the site's name comes from twitter:site
    head = (
        "<title>Colloqui a Miami, nessuna svolta | Esempio</title>"
        '<meta name="twitter:site" content="@Esempio">'
        '<meta property="article:published_time" content="2025-12-02T08:00:00+01:00">'
    )
    article = only_article(import_text(page(head), kind="html"))
    assert article.source == "Esempio"
    assert article.title == "Colloqui a Miami, nessuna svolta"
    assert len(metadata_reads) == 1  # once a page, however many fields it fills
