"""ArticleIndex over the real Store: same order as Store.articles(), refresh after each change."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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


# --- incremental updates agree with a fresh build -------------------------------------------

QUERIES = [
    "",
    "mosca",
    "vert",
    '"la pace"',
    "tag:ucraina",
    "tag:nuovo OR tag:ucraina",
    "is:read",
    "is:unread -is:starred",
    "is:annotated",
    "person:witkoff",
    "quote:peskov",
    "anonymous:yes",
    "date:2025-12",
    "after:2025-11-30",
    "lang:it -mosca",
]
OPERATIONS = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "tag",
                "untag",
                "read",
                "star",
                "note",
                "title",
                "analysis",
                "delete",
                "add",
                "highlight",
            ]
        ),
        st.integers(min_value=0, max_value=50),
    ),
    max_size=12,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(OPERATIONS)
def test_refreshed_index_equals_a_fresh_one(tmp_path, operations):
    with tempfile.TemporaryDirectory(dir=tmp_path) as folder, Store.open(Path(folder)) as store:
        store.add_articles(
            [
                _article(
                    "Vertice a Mosca",
                    "La pace è vicina, dice il Cremlino.",
                    "2025-12-18",
                    lang="it",
                ),
                _article("Talks resume", "The White House confirmed.", "2025-12-02", lang="en"),
                _article("Senza data", "Un testo qualunque sulla pace.", None, lang="it"),
            ]
        )
        index = ArticleIndex.from_store(store)
        index.add_bodies(store.iter_bodies())
        for number, (kind, pick) in enumerate(operations):
            live = [a.id for a in store.articles()]
            if kind == "add":
                article = _article(
                    f"Nuovo {number} a Mosca",
                    f"Testo {number} sulla pace.",
                    f"2025-12-{pick % 28 + 1:02d}",
                    lang="it",
                )
                target = store.add_article(article).article_id
                index.add_bodies([(target, article.body)])
            elif not live:
                continue
            else:
                target = live[pick % len(live)]
                _apply(store, kind, target, pick)
            index.refresh(target)
        fresh = ArticleIndex.from_store(store)
        fresh.add_bodies(store.iter_bodies())
        for text in QUERIES:
            assert index.search(parse(text)) == fresh.search(parse(text)), text


def _apply(store: Store, kind: str, target: str, pick: int) -> None:
    if kind == "tag":
        store.update_tags(target, add=["Ucraina" if pick % 2 else "nuovo"])
    elif kind == "untag":
        store.update_tags(target, remove=["Ucraina", "nuovo"])
    elif kind == "read":
        store.set_read(target, pick % 2 == 0)
    elif kind == "star":
        store.set_starred(target, pick % 2 == 0)
    elif kind == "note":
        store.set_note(target, "da rileggere" if pick % 2 else None)
    elif kind == "title":
        store.update_article(
            target, title=f"Titolo cambiato {pick}", published=f"2025-11-{pick % 28 + 1:02d}"
        )
    elif kind == "analysis":
        facts = Facts(
            people=[NamedThing("Steve Witkoff")], quotes=[Quote("Dmitry Peskov", "…", 0, 1)]
        )
        store.put_analysis(Analysis(target, "it", "test", "0", facts=facts))
    elif kind == "delete":
        store.delete_article(target)
    elif kind == "highlight":
        store.add_highlight(Highlight(id="", article_id=target, start=0, end=2, text="La"))
