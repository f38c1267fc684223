"""Input boxes are inert: a stored tag or note, or pasted text, with escapes never reaches the terminal."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual import events
from textual.geometry import Region
from textual.widgets import Input

from briefing.config import Config
from briefing.models import Article
from briefing.tui.app import make_app
from briefing.tui.screens.dialogs import AskNote
from briefing.tui.widgets.inert_inputs import InertTextArea, inert_line, inert_text
from tests.tui.conftest import fake_services, make_store

TITLE_ESCAPE = "\x1b]2;pwned title\x07"
HOSTILE_TAG = f"ok{TITLE_ESCAPE}"
HOSTILE_NOTE = (
    "first line\x1b[2J\x1b[H cleared\n"
    "clipboard \x1b]52;c;ZXZpbA==\x07 and a link \x1b]8;;https://evil.example\x1b\\here"
    "\x1b]8;;\x1b\\ \x9b31m C1, bidi \u202eevil\u202c\r\nlast"
)


def _shown(widget) -> tuple[str, list]:
    size = widget.outer_size
    strips = widget.render_lines(Region(0, 0, size.width, size.height))
    text = "\n".join("".join(segment.text for segment in strip) for strip in strips)
    links = [s.style.link for strip in strips for s in strip if s.style and s.style.link]
    return text, links


def _assert_inert(text: str) -> None:
    for char in text:
        assert char == "\n" or unicodedata.category(char) not in ("Cc", "Cf"), repr(char)


def _app_with_a_hostile_tag():
    article = Article(id="aaaaaaaaaaaa", title="Plain", body="Some text.", tags=[HOSTILE_TAG])
    other = Article(id="bbbbbbbbbbbb", title="Other", body="More text.", published="2025-12-19")
    return make_app(make_store([article, other]), Config(), services=fake_services())


@pytest.mark.fault(
    "reader",
    "a stored tag holding an OSC window-title escape, offered by the tag completion; the same escape pasted into the tag box",
    "the completion and the box show it as inert control pictures (␛); no control character is drawn; the tag saved from a paste holds no control character",
)
async def test_tag_completion_and_paste_are_inert():
    app = _app_with_a_hostile_tag()
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        app.article_list.focus()
        target = app.current.id
        await pilot.press("t")
        await pilot.pause()
        box = app.screen.query_one("#answer", Input)
        await pilot.press("o", "k")
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown, _ = _shown(box)
        assert "ok␛]2;pwned title␇" in shown  # the suggestion is drawn, as pictures
        _assert_inert(shown)
        hint, _ = _shown(app.screen.query_one(".hint"))
        _assert_inert(hint)
        box.post_message(events.Paste(f"-{TITLE_ESCAPE}"))
        await pilot.pause()
        _assert_inert(box.value)
        await pilot.press("enter")
        await pilot.pause()
        saved = [t for t in app.store.get(target).tags if t != HOSTILE_TAG]
        assert saved and all(unicodedata.category(c) != "Cc" for tag in saved for c in tag)


@pytest.mark.fault(
    "reader",
    "a note holding clear-screen, OSC 52 clipboard, OSC 8 link, C1 and bidi sequences, opened in its edit box; the same pasted in",
    "the box draws only inert pictures and no hyperlink; line breaks kept; saving gives back the cleaned text",
)
async def test_note_box_with_escapes_is_inert():
    app = make_app(make_store(), Config(), services=fake_services())
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        saved: list[str | None] = []
        app.push_screen(AskNote("Note", "quote", HOSTILE_NOTE), saved.append)
        await pilot.pause()
        area = app.screen.query_one("#note-text", InertTextArea)
        shown, links = _shown(area)
        assert links == []
        _assert_inert(shown)
        assert "␛[2J" in shown and "last" in shown
        assert area.text.count("\n") == HOSTILE_NOTE.count("\n")
        area.post_message(events.Paste(HOSTILE_NOTE))
        await pilot.pause()
        shown, links = _shown(area)
        assert links == []
        _assert_inert(shown)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert saved and saved[0] is not None
        _assert_inert(saved[0])
        assert saved[0].count("clipboard") >= 2  # the note, then the paste


@given(st.text())
def test_inert_text_lets_no_control_through(text: str):
    for char in inert_line(text):
        assert unicodedata.category(char) != "Cc", repr(char)
    for char in inert_text(text):  # a note keeps its lines and tabs (the box draws tabs as spaces)
        assert char in "\n\t" or unicodedata.category(char) != "Cc", repr(char)
