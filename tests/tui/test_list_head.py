"""The reader over a store opened from its list head: the head's rows at first paint, every
article once the store is loaded after it, and nothing typed meanwhile lost."""

from __future__ import annotations

import contextlib
import threading

import pytest
from textual.worker import WorkerCancelled

from briefing.config import Config
from briefing.models import Article
from briefing.store import Store, layout
from briefing.tui.app import make_app
from tests.tui.conftest import fake_services


@pytest.fixture(autouse=True)
def small_head(monkeypatch):
    monkeypatch.setattr(layout, "HEAD_ROWS", 3)


def _fill() -> None:
    with Store.open() as store:
        store.add_articles(
            Article(
                id="",
                title=f"Notizia {i}",
                body=f"Testo {i}: {word} a Mosca.",
                published=f"2025-03-{10 + i:02d}",
                lang="it",
            )
            for i, word in enumerate(["Cremlino", "Casa Bianca", "Città", "Cremlino", "pace"] * 2)
        )


def _held(store: Store) -> threading.Event:
    """The store's load waits for the returned gate: the test sees the app before it."""
    gate = threading.Event()
    load = store.load

    def held_load() -> None:
        gate.wait(10)
        load()

    store.load = held_load
    return gate


@contextlib.contextmanager
def _reader_on_head():
    """The reader over the filled store opened from its list head, and the gate its load
    waits for; the store is closed after."""
    _fill()
    store = Store.open(deferred=True)
    try:
        assert not store.loaded
        gate = _held(store)
        yield store, gate, make_app(store, Config(), services=fake_services())
    finally:
        store.close()


async def _until(pilot, condition, seconds: float = 10) -> None:
    """Let the app run until `condition()` holds (workers post back through the event loop)."""
    for _ in range(int(seconds / 0.01)):
        if condition():
            return
        await pilot.pause(0.01)
    raise AssertionError("the app never got there")


def _count_line(app) -> str:
    return str(app.query_one("#list-count").render())


async def test_the_first_screen_is_the_head_and_the_list_comes_whole_after(temp_home):
    with _reader_on_head() as (store, gate, app):
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            titles = [a.title for a in app.article_list.articles]
            assert titles == ["Notizia 9", "Notizia 8", "Notizia 7"]
            assert _count_line(app).startswith("10 articles · 10 unread")
            assert app.open_id is None  # no article read before the store is loaded
            gate.set()
            await _until(pilot, lambda: app.open_id is not None)  # once the list is whole
            assert app.list_loaded and len(app.article_list.articles) == 10
            assert app.open_id == app.article_list.articles[0].id
            assert "Notizia 9" in str(app.reader.query_one("#headline").render())


async def test_a_filter_typed_before_the_load_shows_the_heads_matches_then_all(temp_home):
    with _reader_on_head() as (store, gate, app):
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("slash", *"cremlino")
            # through the search index at once: the head's matches, and how many there are
            assert [a.title for a in app.article_list.articles] == ["Notizia 8"]
            assert _count_line(app).startswith("4 of 10 articles · loading the rest")
            assert not store.loaded
            gate.set()
            await _until(pilot, lambda: app.list_loaded)
            assert [a.title for a in app.article_list.articles] == [
                "Notizia 8",
                "Notizia 5",
                "Notizia 3",
                "Notizia 0",
            ]
            assert _count_line(app).startswith("4 of 10 articles")
            await pilot.press("backspace")
            assert len(app.article_list.articles) == 4  # "cremlin": the same four


async def test_a_star_given_to_a_head_row_is_kept_when_the_list_comes(temp_home):
    with _reader_on_head() as (store, gate, app):
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("down", "s")  # the store loads on this thread to save it
            gate.set()
            await _until(pilot, lambda: app.list_loaded)
            starred = [a.title for a in app.article_list.articles if a.starred]
            assert starred == ["Notizia 8"]
    with Store.open(readonly=True) as store:
        assert [a.title for a in store.articles() if a.starred] == ["Notizia 8"]


async def test_a_store_damaged_behind_its_head_ends_the_reader_saying_why(temp_home):
    _fill()
    with Store.open() as store:
        directory = store.directory
    (directory / layout.META).write_bytes(b"{not json")
    store = Store.open(deferred=True)
    try:
        app = make_app(store, Config(), services=fake_services())
        async with app.run_test(size=(120, 36)):
            with contextlib.suppress(WorkerCancelled):  # the app quits as the worker ends
                await next(w for w in app.workers if w.name == "load_list").wait()
        assert app.return_code == 1
    finally:
        store.close()
