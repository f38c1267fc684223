"""Pilot tests: the reader analyses what is not analysed yet in a worker, with progress."""

from __future__ import annotations

import time

from textual.worker import get_current_worker

from briefing.config import Config
from briefing.tui.app import make_app
from tests.tui.conftest import fake_services, make_store


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _said(app) -> list[str]:
    """Every line the status bar shows, in order."""
    lines: list[str] = []
    say = app.status.say

    def record(message: str) -> None:
        lines.append(message)
        say(message)

    app.status.say = record
    return lines


async def test_unanalysed_articles_are_analysed_after_start_and_filters_see_them():
    store = make_store(analysed=False)
    app = make_app(store, Config(), services=fake_services())
    async with app.run_test(size=(120, 36)) as pilot:
        lines = _said(app)
        await settle(pilot)
        assert all(store.get_analysis(a.id) is not None for a in store.articles())
        progress = [line for line in lines if line.startswith("analysed ") and " of " in line]
        assert progress and progress[-1] == "analysed 3 of 3"
        assert "analysed 3 article(s)" in lines
        app.set_filter("org:Cremlino")
        await settle(pilot)
        assert len(app.article_list.articles) >= 1


async def test_nothing_to_analyse_says_nothing():
    store = make_store()  # every article analysed
    app = make_app(store, Config(), services=fake_services())
    async with app.run_test(size=(120, 36)) as pilot:
        lines = _said(app)
        await settle(pilot)
        assert not [line for line in lines if line.startswith("analysed")]


async def test_an_import_is_followed_by_its_analysis(store, tmp_path):
    source = tmp_path / "nota.md"
    source.write_text(
        "---\ntitle: Una nota importata\ndate: 2026-01-02\n---\n\nIl Cremlino e Mosca.\n",
        encoding="utf-8",
    )
    app = make_app(store, Config(), services=fake_services())
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("i", *str(source), "enter")
        await settle(pilot)
        new = app.article_list.articles[0]
        assert new.title == "Una nota importata"
        assert store.get_analysis(new.id) is not None
        status = str(app.status.query_one("#status-text").render())
        assert status.startswith("imported 1") and status.endswith("analysed 1 article(s)")


async def test_quitting_stops_the_work_and_the_next_start_resumes_it():
    store = make_store(analysed=False)
    services = fake_services()
    real = services.analyse_missing

    def quit_after_the_first(store_, progress, on_batch):
        worker = get_current_worker()

        def report(done, total):
            progress(done, total)
            if done == 1:
                app.call_from_thread(app.exit)  # the user quits mid-way
                for _ in range(500):  # until quitting has cancelled this worker
                    if worker.is_cancelled:
                        break
                    time.sleep(0.01)
                progress(done, total)  # raises: the worker stops here

        return real(store_, report, on_batch)

    services.analyse_missing = quit_after_the_first
    app = make_app(store, Config(), services=services)
    async with app.run_test(size=(120, 36)) as pilot:
        for _ in range(200):
            await pilot.pause()
    analysed = [a.id for a in store.articles() if store.get_analysis(a.id) is not None]
    assert 1 <= len(analysed) < 3
    again = make_app(store, Config(), services=fake_services())
    async with again.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
    assert all(store.get_analysis(a.id) is not None for a in store.articles())
