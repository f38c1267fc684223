"""Pilot tests for stories in the reader: S lists them (on the open article's story), Enter
lists a story's articles, Enter on one opens it filtered by story:, x exports the story."""

from __future__ import annotations

import pytest

from briefing.config import Config
from briefing.store import Store
from briefing.tui.app import make_app
from briefing.tui.screens.stories import StoriesScreen
from tests.stories.synth import fill, talks_and_office
from tests.tui.conftest import fake_services


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "store", backups_dir=tmp_path / "backups") as opened:
        fill(opened, talks_and_office())
        yield opened


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_s_lists_stories_on_the_open_articles_story_and_opens_one_filtered(store):
    ids = [a.id for a, _ in talks_and_office()]
    app = make_app(store, Config(), services=fake_services())
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        app.open_article(ids[3])  # the office story
        await pilot.press("S")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, StoriesScreen) and len(screen.stories) == 2
        assert ids[3] in screen._highlighted_story().article_ids  # its story first
        await pilot.press("up" if screen.options.highlighted else "down")
        talks = screen._highlighted_story()
        assert ids[0] in talks.article_ids
        await pilot.press("enter")
        assert screen.story is talks and screen.options.option_count == 3
        await pilot.press("escape")  # back to the stories, not out
        assert screen.story is None and app.screen is screen
        await pilot.press("enter")
        screen.options.highlighted = talks.article_ids.index(ids[2])
        await pilot.press("enter")
        await settle(pilot)
        assert app.open_id == ids[2]
        assert app.filter_text == f"story:{talks.id}"
        assert {a.id for a in app.article_list.articles} == set(ids[:3])
        assert app.article_list.current.id == ids[2]


async def test_x_in_the_stories_screen_exports_the_story(store, tmp_path):
    app = make_app(store, Config(), services=fake_services())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("S")
        await settle(pilot)
        story = app.screen._highlighted_story()
        await pilot.press("x")
        await pilot.pause()
        box = app.screen.query_one("Input")
        box.value = str(tmp_path / "out")
        await pilot.press("enter")
        await settle(pilot)
        written = list((tmp_path / "out").glob("story-*.md"))
        assert len(written) == 1 and story.id in written[0].name
        assert "## Sources and dates" in written[0].read_text()


async def test_wire_copies_show_once_with_the_outlets_that_reposted_them(tmp_path):
    from tests.stories.test_briefing import _items

    items = _items()
    with Store.open(tmp_path / "wire", backups_dir=tmp_path / "backups") as wire:
        fill(wire, items)
        app = make_app(wire, Config(), services=fake_services())
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            await pilot.press("S")
            await settle(pilot)
            screen = app.screen
            assert len(screen.stories) == 1
            await pilot.press("enter")
            rows = [str(screen.options.get_option_at_index(n).prompt) for n in range(2)]
            assert screen.options.option_count == 2  # three articles, one of them a copy
            assert any("+1 copy: Reposter" in row for row in rows)


async def test_merge_split_retitle_and_undo_from_the_stories_screen(store):
    ids = [a.id for a, _ in talks_and_office()]
    app = make_app(store, Config(), services=fake_services())
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("S")
        await settle(pilot)
        screen = app.screen
        await pilot.press("plus")  # mark the first story...
        await pilot.press("down", "plus")  # ...and merge it into the second
        assert len(screen.stories) == 1 and set(screen.stories[0].article_ids) == set(ids)
        await pilot.press("enter")  # its articles
        screen.options.highlighted = 0
        gone = screen.options.get_option_at_index(0).id
        await pilot.press("minus")
        assert len(screen.stories) == 2
        assert any(s.article_ids == [gone] for s in screen.stories)
        await pilot.press("escape", "r")
        box = app.screen.query_one("Input")
        box.value = "Mine"
        await pilot.press("enter")
        assert any(s.title == "Mine" for s in screen.stories)
        for _ in range(3):
            await pilot.press("ctrl+z")
        assert sorted(len(s.article_ids) for s in screen.stories) == [2, 3]
        assert not any(s.title == "Mine" for s in screen.stories)
