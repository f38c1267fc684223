"""Pilot tests for feeds in the reader: R refreshes in a worker, F lists unread counts."""

from __future__ import annotations

import threading

import pytest

from briefing.config import Config
from briefing.feeds import subscribe
from briefing.store import Store
from briefing.tui.app import make_app
from briefing.tui.screens.feeds import FeedsScreen
from tests.support.feed_server import Answer, FeedServer, item, rss
from tests.tui.conftest import fake_services, sample_articles


@pytest.fixture
def server():
    with FeedServer() as running:
        yield running


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "store", backups_dir=tmp_path / "backups") as opened:
        opened.add_articles(sample_articles())
        yield opened


def reader(store, **config):
    return make_app(store, Config(allow_local_urls=True, **config), services=fake_services())


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_r_imports_new_entries_unread_and_reports_each_feed(server, store):
    server.feed("/a.rss", rss("Agenzia", [item(1), item(2)]))
    server.routes["/down.rss"] = lambda headers: Answer(500, b"down")
    feed = subscribe(store, server.url("/a.rss"))
    subscribe(store, server.url("/down.rss"))
    app = reader(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert len(app.article_list.articles) == 3
        await pilot.press("R")
        await settle(pilot)
        listed = {a.title: a for a in app.article_list.articles}
        assert {"Notizia 1", "Notizia 2"} <= set(listed)
        assert not listed["Notizia 1"].read and listed["Notizia 1"].feed == feed.id
        # The status line moves on to analysing the new articles; the summary stays as a toast.
        summary = "2 new article(s) from 2 feed(s); 1 failed"
        assert any(summary in n.message for n in app._notifications)
        assert any("HTTP 500" in n.message for n in app._notifications)

        await pilot.press("F")
        assert isinstance(app.screen, FeedsScreen)
        shown = [str(o.prompt) for o in app.screen.query_one("#feeds").options]
        assert any(line.startswith("Agenzia  2/2") for line in shown)
        assert any("failing: HTTP 500" in line for line in shown)
        app.screen.query_one("#feeds").highlighted = next(
            i for i, line in enumerate(shown) if line.startswith("Agenzia")
        )
        await pilot.press("enter")
        await settle(pilot)
        assert app.filter_text == f"feed:{feed.id}"
        assert sorted(a.title for a in app.article_list.articles) == ["Notizia 1", "Notizia 2"]


async def test_the_reader_stays_usable_while_a_slow_feed_is_fetched(server, store):
    arrived = threading.Event()

    def slow(headers):
        arrived.set()
        server.release.wait(10)
        return Answer(200, rss("Lenta", [item(9)]))

    server.routes["/slow.rss"] = slow
    subscribe(store, server.url("/slow.rss"))
    app = reader(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("R")
        assert arrived.wait(5)
        await pilot.press("j", "j")
        await pilot.pause()
        assert app.article_list.cursor == 2  # keys answered while the fetch hangs
        assert app.status.busy
        await pilot.press("R")  # a second R leaves the running refresh alone
        await pilot.pause()
        assert "already refreshing" in str(app.status.query_one("#status-text").render())
        server.release.set()
        await settle(pilot)
        assert "Notizia 9" in {a.title for a in app.article_list.articles}
        assert not app.status.busy


async def test_refresh_on_start_is_a_setting(server, store):
    server.feed("/a.rss", rss("Agenzia", [item(1)]))
    subscribe(store, server.url("/a.rss"))
    app = reader(store)  # off by default
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert server.requests == []
    app = reader(store, refresh_on_start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert server.paths_requested() == ["/a.rss"]
        assert "Notizia 1" in {a.title for a in app.article_list.articles}
