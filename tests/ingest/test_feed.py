"""RSS and Atom feeds: entries become articles; broken and hostile feeds fail one line at a time."""

from __future__ import annotations

import pytest

from briefing.ingest import import_file, import_text
from tests.support.imports import articles, failures, only_failure

BODY_HTML = (
    '<img src="x.jpg" data-credit="Dakota Collegiate/Twitter" alt="">'
    "<p>Winnipeg high school students will wear custom sports hijabs this season, the school said.</p>"
    "<p>The initiative was started last year by a student who was questioned by referees.</p>"
    "<p>Also on Example:</p>"
)

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>
    <![CDATA[Example News - All Posts]]>
  </title>
  <link>https://news.example</link>
  <pubDate>Tue, 17 Oct 2017 22:17:00 +0000</pubDate>
  <item>
    <title>
      <![CDATA[  School orders custom hijabs for athletes  ]]>
    </title>
    <link>https://news.example/hijabs</link>
    <author>Canadian Press</author>
    <pubDate>Tue, 17 Oct 2017 22:17:00 +0000</pubDate>
    <description>A short summary.</description>
    <content:encoded><![CDATA[{BODY_HTML}]]></content:encoded>
  </item>
  <item>
    <title>Headline only item</title>
    <link>https://news.example/short</link>
    <pubDate>Tue, 17 Oct 2017 21:38:00 +0000</pubDate>
  </item>
</channel>
</rss>"""


def test_rss_entries_with_full_text_and_credit(tmp_path):
    path = tmp_path / "news.rss"
    path.write_text(RSS, encoding="utf-8")
    results = import_file(path)
    assert not failures(results)
    first, second = articles(results)
    assert first.title == "School orders custom hijabs for athletes"
    assert first.source == "Example News - All Posts"
    assert first.published == "2017-10-17T22:17:00+00:00"
    assert first.author == "Canadian Press"
    assert first.url == "https://news.example/hijabs"
    assert first.credit == "Dakota Collegiate/Twitter"
    assert first.origin == f"{path}#1"
    assert first.body.startswith("Winnipeg high school students")
    assert first.body.endswith("questioned by referees.")
    assert second.title == "Headline only item" and second.body == "Headline only item"
    assert second.origin == f"{path}#2"


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Notizie Atom</title>
  <updated>2025-12-18T10:00:00Z</updated>
  <entry>
    <title>Colloqui a Miami</title>
    <link href="https://atom.example/miami"/>
    <id>urn:1</id>
    <published>2025-12-18T09:30:00+01:00</published>
    <author><name>Anna Bianchi</name></author>
    <content type="html">&lt;p&gt;La delegazione americana è arrivata a Miami nella notte per i colloqui con gli inviati russi.&lt;/p&gt;</content>
  </entry>
</feed>"""


def test_atom_entry():
    (article,) = articles(import_text(ATOM, origin="feed.atom"))
    assert article.title == "Colloqui a Miami"
    assert article.published == "2025-12-18T09:30:00+01:00"
    assert article.author == "Anna Bianchi"
    assert article.source == "Notizie Atom"
    assert article.lang == "it"
    assert article.body.startswith("La delegazione americana")


def test_latin1_feed_without_declaration_and_portuguese_dates(tmp_path):
    feed = """<rss><channel><title>Notícias Exemplo</title>
<item><title><![CDATA[Eleição: candidato perde em simulações de 2º turno]]></title>
<link>https://pt.example/a</link>
<description><![CDATA[<p>Líder na pesquisa de intenção de voto divulgada nesta segunda-feira, o candidato não tem o mesmo desempenho.</p>]]></description>
<pubDate>Seg, 24 Set 2018 19:42:40 -0300</pubDate></item>
</channel></rss>"""
    path = tmp_path / "uol.xml"
    path.write_bytes(feed.encode("latin-1"))
    (article,) = articles(import_file(path))
    assert article.title == "Eleição: candidato perde em simulações de 2º turno"
    assert article.source == "Notícias Exemplo"
    assert article.published == "2018-09-24T19:42:40-03:00"
    assert article.lang == "pt"
    assert "Líder na pesquisa" in article.body


@pytest.mark.fault(
    "feeds",
    "XML entity expansion (billion laughs) in an RSS feed",
    "refused: one failure naming the entities; nothing expanded",
)
def test_billion_laughs_feed_is_refused():
    entities = "\n".join(
        f'<!ENTITY lol{i} "{"&lol" + str(i - 1) + ";" * 1}{("&lol" + str(i - 1) + ";") * 9}">'
        for i in range(1, 10)
    )
    bomb = f"""<?xml version="1.0"?>
<!DOCTYPE rss [
<!ENTITY lol0 "lol">
{entities}
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>"""
    failure = only_failure(import_text(bomb, origin="bomb.rss"))
    assert failure.source == "bomb.rss"
    assert "entit" in failure.reason


@pytest.mark.fault(
    "feeds",
    "XML external entity (SYSTEM file://) in a feed",
    "refused; the local file is never read",
)
def test_external_entity_feed_is_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    xxe = f"""<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>
<rss version="2.0"><channel><title>x</title><item><title>&xxe;</title><description>&xxe;</description></item></channel></rss>"""
    failure = only_failure(import_text(xxe, origin="xxe.rss"))
    assert "entit" in failure.reason


@pytest.mark.fault(
    "feeds",
    "feed cut off in the middle of an entry",
    "the whole entries import; the cut entry and the feed reported",
)
def test_broken_feed_imports_what_parses_and_reports_the_rest():
    good = "".join(
        f"<item><title>Item {n}</title><description>Text of item number {n}, long enough to be a sentence.</description></item>"
        for n in (1, 2)
    )
    broken = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title>{good}<item><title>Three</ti'
    results = import_text(broken, origin="broken.rss")
    assert [a.title for a in articles(results)] == ["Item 1", "Item 2"]
    entry, feed = failures(results)
    assert entry.source == "broken.rss#3"  # the cut-off entry
    assert feed.source == "broken.rss"
    assert "malformed" in feed.reason and "imported 2 entries" in feed.reason


@pytest.mark.fault("feeds", "garbage given as a feed", "one failure")
def test_garbage_that_looks_like_a_feed_is_one_failure():
    failure = only_failure(import_text("<rss><<<>>>&&&", origin="junk.rss", kind="feed"))
    assert failure.source == "junk.rss"
