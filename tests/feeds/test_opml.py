"""OPML in and out: folders and categories become tags, and a round trip keeps every feed."""

from __future__ import annotations

import pytest

from briefing.feeds import OpmlError, read_opml, write_opml
from briefing.models import Feed

NESTED = b"""<?xml version="1.0"?>
<opml version="1.0"><head><title>mine</title></head><body>
  <outline text="Italia">
    <outline text="ANSA" type="rss" xmlUrl="https://www.ansa.it/rss.xml" category="/breaking"/>
    <outline text="Sport"><outline title="Gazzetta" xmlUrl="https://gazzetta.it/rss"/></outline>
  </outline>
  <outline text="Loose" xmlUrl="https://example.org/feed.atom"/>
  <outline text="Just a link" htmlUrl="https://example.org/"/>
</body></opml>"""


def test_read_nested_folders_as_tags():
    found = read_opml(NESTED)
    assert [(o.url, o.title, o.tags) for o in found] == [
        ("https://www.ansa.it/rss.xml", "ANSA", ["Italia", "breaking"]),
        ("https://gazzetta.it/rss", "Gazzetta", ["Italia", "Sport"]),
        ("https://example.org/feed.atom", "Loose", []),
    ]


def test_write_then_read_keeps_urls_titles_and_tags():
    feeds = [
        Feed(id="a1", url="https://a.example/rss?x=1&y=2", title="A & B", tags=["news", "it"]),
        Feed(id="b2", url="https://b.example/atom"),
    ]
    document = write_opml(feeds)
    assert document.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    back = read_opml(document.encode("utf-8"))
    assert [(o.url, o.title, o.tags) for o in back] == [
        ("https://a.example/rss?x=1&y=2", "A & B", ["news", "it"]),
        ("https://b.example/atom", "https://b.example/atom", []),
    ]


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"<rss><channel/></rss>", "not OPML"),
        (b"<opml><head/></opml>", "without a <body>"),
        (b"<opml><body><outline", "not well-formed"),
        (
            b'<?xml version="1.0"?><!DOCTYPE o [<!ENTITY a "aaaa">]><opml><body>'
            b'<outline text="&a;" xmlUrl="https://x.example/"/></body></opml>',
            "safety",
        ),
    ],
)
def test_unreadable_opml_is_refused_with_a_reason(data, reason):
    with pytest.raises(OpmlError, match=reason):
        read_opml(data)
