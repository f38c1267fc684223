"""ArticleIndex over the real Store: same order as Store.articles(), refresh after each change."""

from __future__ import annotations

import pytest

from briefing.models import Analysis, Article, Facts, Highlight, NamedThing, Quote
from briefing.query import ArticleIndex, parse
from briefing.store import Store


def _article(title: str, body: str, published: str | None, **kw) -> Article:
    return Article(id="", title=title, body=body, published=published, **kw)


@pytest.fixture
def store(temp_home):
    with Store.open() as store:
        store.add_articles(
            [
                _article(
                    "Vertice a Mosca", "Il Cremlino accoglie l'inviato.", "2025-12-18", lang="it"
                ),
                _article("Talks resume", "The White House confirmed.", "2025-12-18", lang="en"),
                _article("Senza data", "Un testo qualunque.", None, lang="it"),
                _article("Elezioni in Francia", "Parigi vota.", "2025-11-02", lang="it"),
            ]
        )
        yield store


def search(index, text):
    return index.search(parse(text))


def test_order_is_the_stores_list_order(store):
    index = ArticleIndex.from_store(store)
    assert search(index, "") == [a.id for a in store.articles()]
    store.add_article(_article("Nuovo", "Testo nuovo del giorno.", "2025-12-18", lang="it"))
    store.add_article(_article("Vecchio", "Testo vecchio.", "2024-01-01", lang="it"))
    for article in store.articles():
        index.refresh(article.id)
    assert search(index, "") == [a.id for a in store.articles()]
    assert search(index, "lang:it") == [a.id for a in store.articles() if a.lang == "it"]


def test_refresh_after_each_kind_of_change(store):
    index = ArticleIndex.from_store(store)
    first = store.articles()[0].id
    store.update_tags(first, add=["Ucraina"])
    store.set_read(first, True)
    store.set_starred(first, True)
    index.refresh(first)
    assert search(index, "tag:ucraina is:read is:starred") == [first]
    assert first not in search(index, "is:unread")

    store.add_highlight(Highlight(id="", article_id=first, start=0, end=3, text="Il "))
    index.refresh(first)
    assert search(index, "is:annotated") == [first]

    facts = Facts(
        people=[NamedThing("Steve Witkoff")],
        quotes=[Quote("Dmitry Peskov", "...", 0, 3)],
    )
    store.put_analysis(Analysis(first, "it", "test", "0", facts=facts))
    index.refresh(first)
    assert search(index, "person:witkoff quote:peskov") == [first]
    assert search(index, "person:witkoff") == search(
        ArticleIndex.from_store(store), "person:witkoff"
    )

    store.delete_article(first)
    index.refresh(first)
    assert first not in search(index, "")


def test_bodies_from_the_store_and_an_edited_body(store):
    index = ArticleIndex.from_store(store)
    assert search(index, "cremlino") == []
    index.add_bodies(store.iter_bodies())
    (moscow,) = search(index, "cremlino")
    store.update_article(moscow, body="Nuovo testo: il vertice si tiene a Ginevra.")
    index.refresh(moscow)
    assert search(index, "cremlino") == []
    assert search(index, "ginevra") == [moscow]
