"""`briefing` with no command: first run loads the seeds, a locked store offers read-only."""

from __future__ import annotations

import argparse

import pytest

import briefing.tui.app as tui_app
from briefing.commands import tui
from briefing.store import Store


class _Ran:
    def __init__(self) -> None:
        self.stores = []

    def __call__(self, store, config):
        ran = self

        class _App:
            return_code = 0  # Textual's: 1 when the reader ended on a store damaged after paint

            def run(self) -> None:
                ran.stores.append((store, store.count(), store.readonly))

        return _App()


@pytest.fixture
def ran(monkeypatch) -> _Ran:
    fake = _Ran()
    monkeypatch.setattr(tui_app, "make_app", fake)
    return fake


def test_first_run_loads_the_seeds_and_says_so(ran, capsys):
    assert tui.run_tui(argparse.Namespace()) == 0
    out = capsys.readouterr().out
    assert "First run: loaded 1 sample article" in out
    assert ran.stores[0][1] == 1
    # the second run finds them and says nothing
    assert tui.run_tui(argparse.Namespace()) == 0
    assert "First run" not in capsys.readouterr().out
    assert ran.stores[1][1] == 1


@pytest.mark.fault(
    "reader",
    "starting the reader while another instance holds the store (no terminal to ask)",
    "exit 1 with the message; no reader started",
)
def test_locked_store_without_a_terminal_exits_with_the_message(ran, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: False, raising=False)
    holder = Store.open()
    try:
        assert tui.run_tui(argparse.Namespace()) == 1
    finally:
        holder.close()
    assert "briefing:" in capsys.readouterr().err
    assert ran.stores == []


@pytest.mark.fault(
    "reader",
    "starting the reader while another instance holds the store (user answers y)",
    "the reader opens read-only",
)
def test_locked_store_can_be_opened_read_only(ran, monkeypatch):
    class _Tty:
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdin", _Tty())
    monkeypatch.setattr("builtins.input", lambda prompt: "y")
    holder = Store.open()
    try:
        assert tui.run_tui(argparse.Namespace()) == 0
    finally:
        holder.close()
    assert ran.stores[0][2] is True  # the reader got a read-only store


def test_a_store_damaged_behind_its_list_head_exits_1(temp_home, monkeypatch, capsys):
    from briefing.store import layout

    monkeypatch.setattr(layout, "HEAD_ROWS", 1)
    with Store.open() as store:  # two articles: more than the head holds
        from briefing.models import Article

        store.add_articles([Article(id="", title=t, body=t) for t in ("uno", "due")])
        directory = store.directory
    (directory / layout.META).write_bytes(b"{not json")

    made = []

    def headless(store, config):
        made.append(store.loaded)
        app = tui_app.BriefingApp(store, config)
        run = app.run
        app.run = lambda: run(headless=True, size=(80, 24))
        return app

    monkeypatch.setattr(tui_app, "make_app", headless)
    assert tui.run_tui(argparse.Namespace()) == 1
    assert made == [False]  # the reader started from the head, and found the damage after
