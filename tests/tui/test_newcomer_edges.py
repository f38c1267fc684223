"""Pilot tests for the rough edges a newcomer meets in the first hour (issue 14, point 3)."""

from __future__ import annotations

import threading

from textual.widgets._footer import FooterKey

from briefing.config import Config
from briefing.models import Entity
from briefing.tui.app import make_app
from briefing.tui.labels import NAMES, label_colours
from briefing.tui.screens.dialogs import AskNote, AskText, Choose
from briefing.tui.screens.help import HelpScreen
from briefing.tui.widgets.reader import legend
from briefing.tui.wording import plural, shorten
from tests.tui.conftest import fake_services, make_store, sample_articles
from tests.tui.fakes import analyse_many

SEED_ID = "178aed9a09ce"
EN_ID = "a1b2c3d4e5f6"
SHORT_ID = "0f0e0d0c0b0a"


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def footer_keys(app) -> list[str]:
    return [key.description for key in app.screen.query(FooterKey) if key.display]


async def footer_showing(pilot, description: str) -> list[str]:
    """The footer's keys once `description` is among them: the footer follows the focus on
    a later refresh, so wait for it rather than for a fixed time (50 idle pauses at most)."""
    for _ in range(50):
        keys = footer_keys(pilot.app)
        if description in keys:
            return keys
        await pilot.pause()
    return footer_keys(pilot.app)


def count_line(app) -> str:
    return str(app.query_one("#list-count").render())


async def test_the_footer_shows_a_few_readable_keys_per_pane(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        in_list = await footer_showing(pilot, "Open")
        assert {"Open", "Help", "Quit", "Filter"} <= set(in_list)
        assert len(in_list) <= 6 and "Star" not in in_list and "Move" not in in_list
        await pilot.press("2")
        in_reader = await footer_showing(pilot, "Highlight")
        assert {"Highlight", "Note", "Help"} <= set(in_reader) and "Open" not in in_reader
        # every key shown fits the 80 columns, none cut or glued to the next
        keys = [k for k in app.screen.query(FooterKey) if k.display]
        assert sum(k.outer_size.width for k in keys) <= 80
        assert all(k.region.right <= 80 for k in keys)


def test_a_wide_legend_keeps_every_label_on_as_many_lines_as_it_needs():
    labels = ["PER", "ORG", "LOC", "MISC", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"]
    entities = [Entity(i, i + 1, label, "x") for i, label in enumerate(labels)]
    for width in (30, 44, 200):
        shown = legend(entities, analysing=False, width=width).plain
        lines = shown.split("\n")
        assert all(len(line) <= width for line in lines), (width, lines)
        for label in labels:
            assert f"■ {NAMES[label]}" in lines[0] or any(f"■ {NAMES[label]}" in ln for ln in lines)
    assert shown.startswith("■ person  ■ organisation  ■ place")  # people first
    assert len(legend(entities, analysing=False, width=30).plain.split("\n")) > 2


async def test_the_reader_legend_shows_person_on_a_narrow_english_article(store):
    app = make_app(store, Config(), services=fake_services())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("j")  # the English article
        await settle(pilot)
        present = {e.label for e in app.text_area.entities}
        shown = str(app.reader.legend.render())
        for label in present:
            assert NAMES[label] in shown
        width = app.reader.legend.content_region.width
        assert all(len(line) <= width for line in shown.split("\n"))


async def test_dates_have_their_year_in_the_list_and_read_as_words_in_the_header():
    articles = sample_articles()
    articles[1].published = "2017-03-05T09:30:00+01:00"
    app = make_app(make_store(articles), Config(), services=fake_services())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        rows = {a.id: app.article_list.row_text(a, 30).plain for a in app.article_list.articles}
        assert "18 Dec 2025" in rows[SEED_ID] and " 5 Mar 2017" in rows[EN_ID]
        await pilot.press("G")  # the oldest, now the English one
        await pilot.pause()
        header = str(app.query_one("#headline").render())
        assert "Sun 5 Mar 2017, 09:30" in header and "T09:30" not in header


async def test_the_photo_credit_is_in_the_reader_header():
    articles = sample_articles()
    articles[0].credit = "Foto: X @white_lenka"
    app = make_app(make_store(articles), Config(), services=fake_services())
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert "photo: Foto: X @white_lenka" in str(app.query_one("#headline").render())
        await pilot.press("j")  # no credit, no line
        await pilot.pause()
        assert "photo:" not in str(app.query_one("#headline").render())


async def test_enter_in_the_tag_dialog_saves_the_suggestion_shown(app, store):
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("j", "t", *"rus")
        assert isinstance(app.screen, AskText)
        await pilot.press("enter")
        await pilot.pause()
        assert store.get(EN_ID).tags == ["russia"]
        # a space after the word keeps it as typed: a new tag that starts an old one
        await pilot.press("t", *"ucr ", "enter")
        await pilot.pause()
        assert store.get(EN_ID).tags == ["russia", "ucr"]


async def test_a_bad_query_says_the_list_still_shows_the_last_good_one(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"tag:russia")
        await pilot.pause()
        assert [a.id for a in app.article_list.articles] == [SHORT_ID]
        assert count_line(app).startswith("1 of 3 articles")
        await pilot.press(*" (")
        await pilot.pause()
        assert [a.id for a in app.article_list.articles] == [SHORT_ID]
        assert count_line(app) == "still showing “tag:russia” (1)"
        await pilot.press("backspace", "backspace")
        await pilot.pause()
        assert count_line(app).startswith("1 of 3 articles")


async def test_cancelling_the_note_takes_back_the_highlight_a_made(app, store):
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("2", "a")
        assert isinstance(app.screen, AskNote)
        assert len(store.highlights(SEED_ID)) == 1  # shown while the note is written
        await pilot.press("escape")
        await pilot.pause()
        assert store.highlights(SEED_ID) == []
        assert app.text_area.user_highlights == []
        # a highlight made with h stays when a note on it is cancelled
        await pilot.press("h", "a", "escape")
        await pilot.pause()
        assert len(store.highlights(SEED_ID)) == 1


async def test_a_correction_shows_its_re_analysis_before_the_first_article_is_done(store):
    release = threading.Event()

    def slow_analyse_many(store, ids, force, progress):
        release.wait(timeout=30)  # like a pipeline reloading with the new corrections
        analyse_many(store, ids, force, progress)

    app = make_app(store, Config(), services=fake_services(analyse_many=slow_analyse_many))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("2", "right_square_bracket", "e")
        keys = [key for key, _ in app.screen.choices]
        await pilot.press(*["down"] * keys.index("label:ORG"), "enter")
        status = app.status.query_one("#status-text")
        for _ in range(200):  # until the worker's first report is drawn
            if "re-analysing" in str(status.render()):
                break
            await pilot.pause()
        assert str(status.render()) == "re-analysing… 0/1"  # "Miami" is in one article
        assert app.status.busy
        release.set()
        await settle(pilot)
        assert not app.status.busy and "re-analysed after" in str(status.render())


async def test_the_theme_chosen_is_kept_and_entities_follow_light_themes(store):
    app = make_app(store, Config(), services=fake_services())
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        dark_date = app.text_area._theme.syntax_styles["ent-DATE"].color
        app.theme = "textual-light"
        await pilot.pause()
        light_date = app.text_area._theme.syntax_styles["ent-DATE"].color
        assert light_date != dark_date
        assert light_date.name.lower() == label_colours(dark=False)["DATE"].lower()
    assert store.get_setting("theme") == "textual-light"
    again = make_app(store, Config(theme="nord"), services=fake_services())
    async with again.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert again.theme == "textual-light"  # the palette's choice wins over config.toml


async def test_j_k_g_G_scroll_the_help_screen(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        scroller = app.screen._scroller
        assert scroller.max_scroll_y > 0  # taller than the screen: there is something to scroll
        await pilot.press("j", "j")
        await pilot.pause()
        assert scroller.scroll_y == 2
        await pilot.press("k")
        await pilot.pause()
        assert scroller.scroll_y == 1
        await pilot.press("G")
        await pilot.pause()
        assert scroller.scroll_y == scroller.max_scroll_y
        await pilot.press("g")
        await pilot.pause()
        assert scroller.scroll_y == 0


async def test_keys_faster_than_the_refresh_each_scroll_the_help_screen(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        scroller = app.screen._scroller
        for _ in range(3):  # three "j" handled before the screen refreshes once
            app.screen.action_cursor_down()
        await pilot.pause()
        assert scroller.scroll_y == 3
        for _ in range(2):
            app.screen.action_cursor_up()
        await pilot.pause()
        assert scroller.scroll_y == 1


async def test_dialog_titles_are_cut_between_words(store):
    articles = sample_articles()
    articles[0].title = "Nel fine settimana Miami dovrebbe ospitare un nuovo round di colloqui"
    app = make_app(make_store(articles), Config(), services=fake_services())
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        title = app.screen.title_text
        inner = title.removeprefix("Add a tag to “").removesuffix("”")
        assert inner.endswith("…") and len(inner) <= 50
        assert set(inner.rstrip("…").split()) <= set(articles[0].title.split())


async def test_wording_counts_kinds_and_analysis(store):
    one = make_store(sample_articles()[:1], analysed=False)
    app = make_app(one, Config(), services=fake_services())
    async with app.run_test(size=(120, 36)) as pilot:
        assert count_line(app).startswith("1 article ·")
        app.status.progress("analysing", 0, None)
        assert str(app.status.query_one("#status-text").render()) == "analysing…"
        await settle(pilot)
        await pilot.press("2", "right_square_bracket", "e")
        assert isinstance(app.screen, Choose)
        labels = [label for _, label in app.screen.choices]
        assert "It is a person (PER)" in labels and "It is an organisation (ORG)" in labels
        assert not any(" a other" in label or " a organisation" in label for label in labels)


def test_plural_and_shorten():
    assert [plural(n, "article") for n in (0, 1, 2)] == ["0 articles", "1 article", "2 articles"]
    assert plural(1, "entity", "entities") == "1 entity"
    assert plural(3, "entity", "entities") == "3 entities"
    assert shorten("short", 10) == "short"
    assert shorten("one two three four", 12) == "one two…"
    assert shorten("unbreakableword", 6) == "unbre…"
