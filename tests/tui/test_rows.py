"""ListedRows: a filter's matches as the reader's rows, picked through the index's list order."""

from __future__ import annotations

from dataclasses import replace

from briefing.models import Article
from briefing.query import ArticleIndex, parse
from briefing.store import Store
from briefing.tui.rows import ListedRows


def article(n: int, words: str) -> Article:
    return Article(
        id=f"a{n:011d}", title=f"Titolo {n}", body=words, published=f"2025-12-{n + 1:02d}"
    )


def test_rows_are_the_index_matches_in_list_order_and_follow_reloads(tmp_path):
    with Store.open(tmp_path / "store", backups_dir=tmp_path / "b") as store:
        store.add_articles(
            [
                article(0, "Roma e Mosca"),
                article(1, "Mosca"),
                article(2, "Roma"),
                article(3, "Parigi"),
            ]
        )
        by_id = {a.id: a for a in store.articles()}
        rows, index = ListedRows(by_id.get), store.search_index()
        for text in ["roma", "mosca", "roma OR parigi", "-roma", "nessuno", ""]:
            expected = [by_id[i] for i in index.search(parse(text))]
            assert rows.matching(index, parse(text)) == expected, text
        assert [a.id for a in rows.matching(index, parse("roma"))] == [
            "a00000000002",
            "a00000000000",
        ]

        starred = replace(by_id["a00000000002"], starred=True)  # the reader reloads one
        by_id[starred.id] = starred
        rows.replace(starred)
        assert rows.matching(index, parse("roma"))[0] is starred

        store.add_articles([article(4, "Roma di nuovo")])  # the index's order changes
        assert len(rows.matching(index, parse("roma"))) == 2  # not listed by the reader yet
        by_id["a00000000004"] = store.get("a00000000004")
        rows.forget()
        assert [a.id for a in rows.matching(index, parse("roma"))][0] == "a00000000004"


def test_the_memory_index_answers_through_ids(tmp_path):
    with Store.open(tmp_path / "store", backups_dir=tmp_path / "b") as store:
        store.add_articles([article(0, "Roma"), article(1, "Mosca")])
        by_id = {a.id: a for a in store.articles()}
        memory = ArticleIndex.from_store(store)
        memory.add_bodies(store.iter_bodies())
        assert ListedRows(by_id.get).matching(memory, parse("mosca")) == [by_id["a00000000001"]]


def test_unread_is_counted_with_the_rows_and_follows_reloads(tmp_path):
    with Store.open(tmp_path / "store", backups_dir=tmp_path / "b") as store:
        store.add_articles([article(n, f"Roma {n}") for n in range(4)] + [article(4, "Mosca")])
        store.set_read("a00000000001", True)
        store.set_read("a00000000004", True)
        by_id = {a.id: a for a in store.articles()}
        rows, index = ListedRows(by_id.get), store.search_index()
        for text in ["roma", "mosca", "-roma", ""]:
            found = rows.matching(index, parse(text))
            assert rows.unread == sum(not a.read for a in found), text
        read = replace(by_id["a00000000002"], read=True)
        by_id[read.id] = read
        rows.replace(read)
        rows.matching(index, parse("roma"))
        assert rows.unread == 2
        memory = ArticleIndex.from_store(store)
        rows.matching(memory, parse("roma"))
        assert rows.unread is None  # not counted: the reader counts the rows itself
