"""Pilot tests: the reader analyses what is not analysed yet in a worker, with progress."""

from __future__ import annotations

import time

from textual.widgets import Static
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


async def test_an_import_is_followed_by_its_analysis(store, tmp_path, monkeypatch):
    source = tmp_path / "nota.md"
    source.write_text(
        "---\ntitle: Una nota importata\ndate: 2026-01-02\n---\n\nIl Cremlino e Mosca.\n",
        encoding="utf-8",
    )
    app = make_app(store, Config(), services=fake_services())
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        monkeypatch.chdir(tmp_path)  # a short path to type: pilot waits after every key
        await pilot.press("i", *source.name, "enter")
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
        for _ in range(200):  # until the app has quit (bounded)
            if not app.is_running:
                break
            await pilot.pause()
    analysed = [a.id for a in store.articles() if store.get_analysis(a.id) is not None]
    assert 1 <= len(analysed) < 3
    again = make_app(store, Config(), services=fake_services())
    async with again.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
    assert all(store.get_analysis(a.id) is not None for a in store.articles())


async def test_entity_index_counts_identities_across_languages_and_finds_by_typing():
    from briefing.models import Article
    from tests.tui.fakes import GAZETTEER

    GAZETTEER_EXTRA = {"Moscow": "LOC", "Kremlin": "ORG"}
    articles = [
        Article(id="000000000001", title="Mosca", body="Il Cremlino parla da Mosca.", lang="it"),
        Article(id="000000000002", title="Moscow", body="The Kremlin spoke in Moscow.", lang="en"),
        Article(id="000000000003", title="Kiev", body="A Kiev si tratta.", lang="it"),
        Article(id="000000000000", title="Berlino", body="A Berlino si tratta.", lang="it"),
    ]
    GAZETTEER.update(GAZETTEER_EXTRA)
    try:
        store = make_store(articles)
        store._analyses.pop("000000000000")  # one article not analysed yet (listed last)
        app = make_app(store, Config(), services=fake_services(analyse_missing=lambda *_: []))
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            await pilot.press("v")
            await pilot.pause()
            screen = app.screen
            assert screen.counts["places"]["Moscow"] == 2  # Mosca and Moscow: one line
            assert screen.counts["organizations"]["Kremlin"] == 2
            assert "1 article(s) not analysed yet" in str(screen.query_one(Static).render())
            await pilot.press("k", "r", "e")
            await pilot.pause()
            assert list(screen.queries.values()) == ["org:Kremlin"]
            await pilot.press("enter", "enter")
            await pilot.pause()
            assert app.filter_text == "org:Kremlin"
            assert {a.id for a in app.article_list.articles} == {"000000000001", "000000000002"}
    finally:
        for name in GAZETTEER_EXTRA:
            GAZETTEER.pop(name)


async def test_an_entity_filter_says_how_many_articles_it_cannot_see_yet():
    store = make_store()
    store._analyses.pop("0f0e0d0c0b0a")  # the short Italian article, not analysed
    store.readonly = True  # another reader holds the store: nothing analyses it here
    app = make_app(store, Config(), services=fake_services())
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        app.set_filter("place:Mosca")
        await settle(pilot)
        count = str(app.query_one("#list-count").render())
        assert count.endswith("articles · 1 unanalysed")
        app.set_filter("Mosca")  # free text reads the bodies: nothing missed
        await settle(pilot)
        assert "not analysed" not in str(app.query_one("#list-count").render())


async def test_merge_and_undo_from_the_entity_index_keyboard():
    from briefing.entities import edits

    store = make_store()
    app = make_app(store, Config(), services=fake_services())
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await pilot.pause()
        screen = app.screen
        option_list = screen.query_one("#entities")

        def highlight(name: str) -> None:
            key = next(k for k, row in screen.by_key.items() if row.name == name)
            option_list.highlighted = option_list.get_option_index(key)

        highlight("Donbas")
        await pilot.press("plus")
        highlight("Ukraine")
        await pilot.press("plus")
        await settle(pilot)
        assert [(e.action, e.source, e.target) for e in edits.load(store).edits] == [
            ("merge", "region:ua-donbas", "country:UA")
        ]
        assert "Donbas" not in screen.counts["places"]
        assert screen.counts["places"]["Ukraine"] == 1
        # the relink ran: the stored analysis carries the merged id
        ids = {e.id for a in store.articles() for e in store.get_analysis(a.id).entities}
        assert "region:ua-donbas" not in ids and "country:UA" in ids
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert not edits.load(store)
        assert screen.counts["places"]["Donbas"] == 1
