"""The feed: field of the filter language: a subscription's id, title or site."""

from __future__ import annotations

import pytest

from briefing.models import Article
from briefing.query import ArticleIndex, QueryError, parse

ARTICLES = [
    Article(id="a1", title="Uno", feed="3fa2c0de"),
    Article(id="a2", title="Due", feed="3fa2c0de"),
    Article(id="b1", title="Tre", feed="77b0e1aa"),
    Article(id="c1", title="Quattro"),  # imported by hand, from no feed
]
NAMES = {"3fa2c0de": ("ANSA – Ultima ora", "ansa.it"), "77b0e1aa": ("Il Post", "ilpost.it")}


@pytest.fixture
def index():
    return ArticleIndex.from_articles(ARTICLES, feed_names=NAMES)


@pytest.mark.parametrize(
    "query, found",
    [
        ("feed:3fa2", ["a1", "a2"]),  # the start of its id
        ("feed:ansa", ["a1", "a2"]),  # a word of its title
        ('feed:"ultima ora"', ["a1", "a2"]),
        ("feed:ilpost.it", ["b1"]),  # its site
        ("feed:post", ["b1"]),
        ("-feed:ansa", ["b1", "c1"]),
        ("feed:ansa OR feed:post", ["a1", "a2", "b1"]),
        ("feed:nowhere", []),
    ],
)
def test_feed_field(index, query, found):
    assert sorted(index.search(parse(query))) == found


def test_feed_field_without_names_still_matches_the_id():
    bare = ArticleIndex.from_articles(ARTICLES)
    assert sorted(bare.search(parse("feed:77b0"))) == ["b1"]
    assert bare.search(parse("feed:post")) == []


def test_unknown_fields_name_feed_among_the_known():
    with pytest.raises(QueryError, match="feed:"):
        parse("fed:ansa")
