"""The list head: a store opened `deferred` paints from head.json and loads whole later, and only
a head that is exactly current is trusted."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.models import Article
from briefing.store import Store, StoreCorrupt, StoreError, layout
from briefing.store.head import read_head
from briefing.store.schema import SCHEMA_VERSION


@pytest.fixture(autouse=True)
def small_head(monkeypatch):
    monkeypatch.setattr(layout, "HEAD_ROWS", 4)


def _articles(n: int) -> list[Article]:
    # days repeat, so the list's ties (kept in the store's order) are part of what is checked
    return [
        Article(
            id="",
            title=f"Article {i}",
            body=f"Body number {i}.",
            published=f"2025-01-{1 + i % 5:02d}",
            read=i % 3 == 0,
        )
        for i in range(n)
    ]


def _open(directory: Path, **kwargs) -> Store:
    return Store.open(directory, backups_dir=directory.parent / "backups", **kwargs)


@pytest.fixture
def directory(tmp_path: Path) -> Path:
    directory = tmp_path / "store"
    with _open(directory) as store:
        store.add_articles(_articles(11))
        store.set_setting("theme", "nord")
    return directory


def test_a_deferred_open_reads_the_head_alone_and_it_is_the_lists_start(directory: Path):
    store = _open(directory, deferred=True)
    try:
        assert store.loaded is False
        assert store.count() == 11 and store.loaded is False
        assert store.head.unread == 7 and store.head.settings == {"theme": "nord"}
        head = store.head_articles()
        store.load()
        assert store.loaded is True
        every = store.articles()
        assert [a.to_dict() for a in head] == [a.to_dict() for a in every[:4]]
        assert store.head_articles() == []  # loaded: ask articles()
    finally:
        store.close()


def test_any_call_loads_a_deferred_store_first(directory: Path):
    with _open(directory, deferred=True) as store:
        assert len(dict(store.iter_bodies())) == 11  # no @locked method: loads all the same
        assert store.loaded
    with _open(directory, deferred=True) as store:
        first = store.head_articles()[0]
        assert store.get(first.id).title == first.title
        assert store.loaded


def test_a_write_after_the_head_makes_the_next_open_load_whole(directory: Path):
    with _open(directory, deferred=True) as store:
        article = store.head_articles()[0]
        store.set_starred(article.id, True)  # appended to the journal: the head is behind
        # a crash now: no close, so no new head; the journal holds the write
        store._release()
        store._closed = True
    with _open(directory, deferred=True) as store:
        assert store.loaded is True and store.head is None
        assert store.get(article.id).starred
    # the close above wrote a head as of the star
    with _open(directory, deferred=True) as store:
        assert store.loaded is False
        assert store.head_articles()[0].starred


def test_an_older_head_put_back_is_refused(directory: Path):
    old = (directory / layout.HEAD).read_bytes()
    with _open(directory) as store:
        store.set_read(store.articles()[0].id, True)
        store.compact()  # a new journal generation
    (directory / layout.HEAD).write_bytes(old)
    assert read_head(directory, SCHEMA_VERSION) is None
    with _open(directory, deferred=True) as store:
        assert store.loaded is True


def test_a_damaged_head_is_only_missing(directory: Path):
    (directory / layout.HEAD).write_bytes(b'{"format": 1, "rows": [')
    with _open(directory, deferred=True) as store:
        assert store.loaded is True and store.count() == 11


def test_a_store_the_head_holds_whole_is_loaded_at_once(tmp_path: Path):
    directory = tmp_path / "small"
    with _open(directory) as store:
        store.add_articles(_articles(3))
    assert read_head(directory, SCHEMA_VERSION) is not None
    with _open(directory, deferred=True) as store:
        assert store.loaded is True


def test_a_damaged_snapshot_behind_a_current_head_is_told_on_load(directory: Path):
    (directory / layout.META).write_bytes(b"{not json")
    store = _open(directory, deferred=True)  # the head alone is read: nothing seen yet
    assert store.loaded is False
    with pytest.raises(StoreCorrupt):
        store.load()
    with pytest.raises(StoreError, match="closed"):
        store.articles()
    assert not store._lock  # released: another briefing may open it (to restore it)


def test_closing_an_unloaded_store_keeps_its_head(directory: Path):
    before = (directory / layout.HEAD).read_bytes()
    _open(directory, deferred=True).close()
    assert (directory / layout.HEAD).read_bytes() == before
    with _open(directory, deferred=True) as store:
        assert store.loaded is False


def test_a_restore_removes_the_head(directory: Path):
    from briefing.store import restore

    with _open(directory) as store:
        made = store.backup("test")
    restore(made, directory, backups_dir=directory.parent / "backups")
    assert not (directory / layout.HEAD).exists()


def test_the_search_index_opened_from_the_head_is_the_one_the_load_keeps(directory: Path):
    store = _open(directory, deferred=True)
    try:
        early = store.early_search_index()
        assert early is not None and not store.loaded
        assert len(early.everything()) == 11
        assert early._order is None  # the numbers alone: no second copy of every id string
        store.load()
        assert store.search_index() is early
        numbers, ids = early.list_order()  # now with the store's own id strings
        assert all(
            i is store._storage.data["articles"][str(store._keys["articles"][i])]["id"] for i in ids
        )
        assert store.early_search_index() is None  # loaded: search_index() it is
    finally:
        store.close()


def test_no_search_index_from_a_head_it_disagrees_with(directory: Path):
    from briefing.store.search import SEARCH_FILE

    (directory / SEARCH_FILE).unlink()
    store = _open(directory, deferred=True)
    try:
        assert store.early_search_index() is None
    finally:
        store.close()
