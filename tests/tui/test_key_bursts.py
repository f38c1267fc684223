"""Keys typed in a burst right after a pane switch or `/` act where the user sent them,
also while a long analysis holds a worker thread."""

from __future__ import annotations

import threading
import time

import pytest
from textual import events

from briefing.config import Config
from briefing.tui.app import make_app
from tests.tui.conftest import fake_services, make_store
from tests.tui.fakes import analyse

KEYS = {"slash": "/", "question_mark": "?"}


def _busy_until(release: threading.Event) -> None:
    # Pure-Python work in slices, as spaCy's Python parts hold the GIL: the event loop
    # runs slower and refreshes come late, which is when keys used to go astray.
    deadline = time.perf_counter() + 5
    while not release.is_set() and time.perf_counter() < deadline:
        sum(range(5000))


def _slow_services(release: threading.Event):
    """Both analyses slow: were the backlog quick, it could analyse the open article before
    the reader asks, and no long analysis would be running when the keys come."""

    def slow(store, article_id, force=False):
        _busy_until(release)
        return analyse(store, article_id, force)

    def slow_backlog(store, progress, on_batch):
        _busy_until(release)
        return fake_services().analyse_missing(store, progress, on_batch)

    return fake_services(analyse=slow, analyse_missing=slow_backlog)


def _burst(app, *keys: str) -> None:
    """Queue keys all at once, as a fast typist or a paste does (pilot.press waits between)."""
    for key in keys:
        character = KEYS.get(key, key if len(key) == 1 else None)
        app.post_message(events.Key(key, character))


async def _analysis_running(app, pilot) -> None:
    """Wait (bounded) for the long analysis to hold its worker: on a loaded machine it starts
    a few event-loop turns after the first paint."""
    for _ in range(100):
        if any(w.group == "analysis" and w.is_running for w in app.workers):
            return
        await pilot.pause(0.05)
    raise AssertionError("the long analysis never started")


def _state(app) -> dict:
    store = app.store
    return {
        "articles": {a.id: (a.read, a.starred, tuple(a.tags), a.note) for a in store.articles()},
        "highlights": [(h.article_id, h.start, h.end, h.note) for h in store.highlights()],
        "screens": len(app.screen_stack),
        "open": app.open_id,
    }


@pytest.mark.fault(
    "reader",
    "bursts of keys right after 1/2/3 or / while a long analysis holds a worker",
    "each key acts in the pane it was sent to; no note, highlight, flag or dialog appears",
)
async def test_keys_after_a_pane_switch_act_in_the_new_pane_during_a_long_analysis():
    release = threading.Event()
    store = make_store(analysed=False)
    app = make_app(store, Config(), services=_slow_services(release))
    async with app.run_test(size=(120, 36)) as pilot:
        await _analysis_running(app, pilot)
        before = _state(app)
        list_row = app.article_list.cursor
        reader_at = app.text_area.cursor_offset
        for _ in range(3):
            # In the reader "a" opens a note and "h" highlights; in the list they do nothing.
            _burst(app, "2", "1", "a", "h", "j", "k", "3", "j", "1", "j", "k", "2", "j")
            await pilot.pause()
        assert app.article_list.cursor == list_row  # each j in the list met its k
        assert app.text_area.cursor_offset > reader_at  # the reader had its own js
        assert app.focused is app.text_area
        assert _state(app) == before  # no note, no highlight, no dialog, no flag
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()


async def test_keys_after_slash_go_into_the_filter_during_a_long_analysis():
    release = threading.Event()
    store = make_store(analysed=False)
    app = make_app(store, Config(), services=_slow_services(release))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        before = _state(app)
        _burst(app, "2", "slash", *"msahx?")
        await pilot.pause()
        assert app.query_one("#filter").value == "msahx?"
        assert _state(app) == before  # no star, no read mark, no note, no highlight, no dialog
        release.set()
        await app.workers.wait_for_complete()


def _where(app) -> dict:
    # Cursors inside the reader and the facts depend on when an article the list moved to
    # opens, which is timing, not routing; where focus is, the list and the store are not.
    return {
        "focused": app.focused.id if app.focused else None,
        "list": app.article_list.cursor,
        "filter": app.query_one("#filter").value,
        **_state(app),
    }


async def _typed(size, keys, burst: bool) -> dict:
    app = make_app(make_store(), Config(), services=fake_services())
    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        if burst:
            _burst(app, *keys)
        else:
            await pilot.press(*keys)
        for _ in range(3):  # the article the list stopped on opens a few messages later
            await pilot.pause()
        return _where(app)


@pytest.mark.parametrize("size", [(120, 36), (80, 24)])
@pytest.mark.parametrize(
    "keys",
    [
        ("3", "j", "j", "1", "j", "2", "j"),
        ("3", "j", "1", "j", "j", "3", "k"),
        ("2", "j", "tab", "j", "tab", "j"),
        ("3", "j", "slash", "r", "o", "1"),
    ],
)
async def test_a_burst_of_keys_does_what_the_same_keys_typed_slowly_do(size, keys):
    slowly = await _typed(size, keys, burst=False)
    assert await _typed(size, keys, burst=True) == slowly
