"""The reader over a real store: the filter answers from the store's search index from the
first paint, and builds that index once when the store has none."""

from __future__ import annotations

import threading

from briefing.config import Config
from briefing.models import Article
from briefing.store import Store
from briefing.store.search import SEARCH_FILE
from briefing.tui.app import make_app
from tests.tui.conftest import fake_services


def _articles() -> list[Article]:
    return [
        Article(id="", title=f"Notizia {i}", body=f"Testo {i}: {word} a Mosca.", lang="it")
        for i, word in enumerate(["Cremlino", "Casa Bianca", "Città", "Cremlino", "pace"])
    ]


def _never_in_memory(store):
    raise AssertionError("the reader built an in-memory index over a store that has one")


async def test_the_filter_works_at_first_paint_from_the_stores_index(temp_home):
    with Store.open() as store:
        store.add_articles(_articles())
    with Store.open() as store:
        gate = threading.Event()  # holds every worker: nothing is built after first paint

        def held(store_, progress):
            gate.wait(10)

        services = fake_services(build_index=_never_in_memory, build_search_index=held)
        app = make_app(store, Config(), services=services)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("slash", *"cremlino")
            assert len(app.article_list.articles) == 2
            assert "indexing" not in str(app.query_one("#list-count").render())
            await pilot.press(*["backspace"] * 8, *"citta")
            assert [a.title for a in app.article_list.articles] == ["Notizia 2"]
            gate.set()


async def test_a_store_without_an_index_gets_one_built_once(temp_home):
    with Store.open() as store:
        store.add_articles(_articles())
        directory = store.directory
    (directory / SEARCH_FILE).unlink()
    with Store.open() as store:
        assert store.search_index() is None
        app = make_app(store, Config(), services=fake_services(build_index=_never_in_memory))
        async with app.run_test(size=(120, 36)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert store.search_index() is not None
            await pilot.press("slash", *"mosca")
            assert len(app.article_list.articles) == 5
    with Store.open(readonly=True) as store:
        assert store.search_index() is not None  # kept for the next launch
