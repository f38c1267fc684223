"""Article text is data: markup, ANSI/OSC escapes, control, bidi and zero-width characters."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual.geometry import Region

from briefing.config import Config
from briefing.models import Article
from briefing.tui.app import make_app
from briefing.tui.textsafe import clean_body, clean_line
from tests.tui.conftest import fake_services, make_store

HOSTILE_TITLE = (
    "[bold red]PWNED[/] \x1b]0;evil window title\x07 [link=https://evil.example]click[/link]"
)
HOSTILE_BODY = (
    "Plain start. [bold]not bold[/bold] and [link=file:///etc/passwd]a link[/link].\n"
    "ANSI \x1b[31mred\x1b[0m and OSC 52 \x1b]52;c;ZXZpbA==\x07 and OSC 8 "
    "\x1b]8;;https://evil.example\x1b\\hyperlink\x1b]8;;\x1b\\ end.\n"
    "C1 CSI \x9b2J, bell \x07, backspace \x08, bidi \u202egnirts\u202c, zero\u200bwidth.\n"
    "Miami is still an entity after all that."
)


def _plain(strips) -> str:
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def _links(strips) -> list[str]:
    return [s.style.link for strip in strips for s in strip if s.style and s.style.link]


@pytest.mark.fault(
    "reader",
    "Rich markup in title, source and body",
    "shown literally in the list, headline and text, never applied",
)
@pytest.mark.fault(
    "reader",
    "ANSI colour escapes, C1 CSI, BEL and backspace in the body",
    "drawn as inert control pictures (␛); no control character reaches the screen",
)
@pytest.mark.fault(
    "reader",
    "OSC 52 clipboard write and OSC 0 window title",
    "nothing reaches the terminal but inert text",
)
@pytest.mark.fault(
    "reader",
    "OSC 8 hyperlink and [link=file://...] markup",
    "no hyperlink reaches the terminal",
)
@pytest.mark.fault(
    "reader",
    "bidi override and zero-width space in the body",
    "not drawn; entity offsets after them still right",
)
async def test_hostile_title_and_body_render_literally_and_inert():
    article = Article(
        id="badbadbadbad",
        title=HOSTILE_TITLE,
        body=HOSTILE_BODY,
        published="2025-12-19",
        source="[i]x[/i]",
    )
    store = make_store([article])
    app = make_app(store, Config(), services=fake_services())
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        widgets = [app.article_list, app.query_one("#headline"), app.text_area]
        strips = []
        for widget in widgets:
            strips += widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
        shown = _plain(strips)
        assert "[bold]not bold[/bold]" in shown
        assert "[link=file:///etc/passwd]a link[/link]" in shown
        assert "[bold red]PWNED[/]" in shown  # the title, in the list and the headline
        assert "␛[31mred␛[0m" in shown  # escapes shown as inert control pictures
        for char in shown:
            assert char in "\n" or unicodedata.category(char) != "Cc", repr(char)
            assert char not in "\u202e\u202c\u200b\x9b"
        assert _links(strips) == []  # no hyperlink reached the terminal
        # offsets survive: the entity after the hostile lines is still styled where it is
        miami = next(e for e in app.text_area.entities if e.text == "Miami")
        assert app.text_area.text[miami.start : miami.end] == "Miami"


def test_clean_body_keeps_offsets_and_newlines():
    cleaned = clean_body(HOSTILE_BODY)
    assert len(cleaned) == len(HOSTILE_BODY)
    assert cleaned.count("\n") == HOSTILE_BODY.count("\n")
    assert "\x1b" not in cleaned and "\x07" not in cleaned and "\x9b" not in cleaned


def test_clean_line_flattens_and_neutralises():
    assert clean_line("a\nb\t\x1b[2Jc") == "a b ␛[2Jc"
    assert clean_line(None) == ""


BIDI_AND_INVISIBLE = set(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200e\u200f\u2060\ufeff\u061c"
)


@pytest.mark.fault(
    "reader",
    "arbitrary text through the body cleaner (hypothesis)",
    "same length; no control, bidi or invisible character left",
)
@given(st.text())
def test_clean_body_never_lets_a_control_character_through(text):
    cleaned = clean_body(text)
    assert len(cleaned) == len(text)
    for char in cleaned:
        assert char in "\n\t" or unicodedata.category(char) != "Cc"
        assert char not in BIDI_AND_INVISIBLE


def test_joiners_stay_so_emoji_and_persian_show_as_imported():
    family = "👩\u200d👩\u200d👧"  # one emoji, joined by ZWJ
    persian = "می\u200cخواهم"  # "I want": ZWNJ keeps the prefix apart without a space
    assert clean_body(family) == family
    assert clean_body(persian) == persian


@pytest.mark.fault(
    "reader",
    "1 MB single line body and a 1 MB title",
    "opens; lines broken at 2000 characters with offsets unchanged; the last entity found; G reaches the end",
)
async def test_a_one_megabyte_single_line_opens_and_scrolls():
    body = ("parola " * 150_000)[:1_000_000] + " Miami"
    article = Article(id="b1gb1gb1gb1g", title="x" * 1_000_000, body=body, published="2025-01-01")
    store = make_store([article], analysed=False)
    app = make_app(store, Config(), services=fake_services())
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = app.text_area.text
        assert len(shown) == len(body)  # offsets unchanged
        assert max(len(line) for line in shown.split("\n")) <= 2000
        miami = next(e for e in app.text_area.entities if e.text == "Miami")
        assert shown[miami.start : miami.end] == "Miami"
        await pilot.press("2", "G")
        assert app.text_area.cursor_offset == len(body)
        assert len(app.article_list.row_text(app.article_list.articles[0], 80).plain) <= 80


def test_break_long_lines_keeps_length_and_prefers_spaces():
    from briefing.tui.textsafe import break_long_lines

    text = "abc " * 2000 + "\nshort\n" + "z" * 5000
    broken = break_long_lines(text, limit=100)
    assert len(broken) == len(text)
    assert all(len(line) <= 100 for line in broken.split("\n"))
    # only spaces became breaks where there were spaces
    changed = [i for i, (a, b) in enumerate(zip(text, broken, strict=True)) if a != b]
    assert all(text[i] == " " for i in changed if i < 8000)
    assert break_long_lines("short\ntext") == "short\ntext"
