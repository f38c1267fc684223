"""Snapshot tests of the main screens on the deterministic sample store (no model involved)."""

from __future__ import annotations

import pytest

from briefing.config import Config
from briefing.tui.app import make_app
from tests.tui.conftest import fake_services, make_store


async def _settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _app():
    return make_app(make_store(), Config(), services=fake_services())


@pytest.mark.parametrize("size", [(120, 36), (80, 24)], ids=["120x36", "80x24"])
def test_main_screen(snap_compare, size):
    assert snap_compare(_app(), terminal_size=size, run_before=_settle)


@pytest.mark.parametrize("size", [(120, 36), (80, 24)], ids=["120x36", "80x24"])
def test_reader_with_a_fact_chosen(snap_compare, size):
    async def choose_fact(pilot) -> None:
        await _settle(pilot)
        await pilot.press("3", "down", "enter")
        await pilot.pause()

    assert snap_compare(_app(), terminal_size=size, run_before=choose_fact)


def test_filter(snap_compare):
    async def filter_(pilot) -> None:
        await _settle(pilot)
        await pilot.press("slash", *"tag:ucraina -person:trump")
        await pilot.pause()

    assert snap_compare(_app(), terminal_size=(120, 36), run_before=filter_)


def test_filter_error(snap_compare):
    async def bad(pilot) -> None:
        await _settle(pilot)
        await pilot.press("slash", *"(tag:ucraina")
        await pilot.pause()

    assert snap_compare(_app(), terminal_size=(120, 36), run_before=bad)


@pytest.mark.parametrize("size", [(120, 36), (80, 24)], ids=["120x36", "80x24"])
def test_entity_index(snap_compare, size):
    async def open_index(pilot) -> None:
        await _settle(pilot)
        await pilot.press("v")
        await pilot.pause()

    assert snap_compare(_app(), terminal_size=size, run_before=open_index)


def test_help(snap_compare):
    async def open_help(pilot) -> None:
        await _settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(_app(), terminal_size=(120, 36), run_before=open_help)
