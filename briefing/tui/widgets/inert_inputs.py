"""Input boxes whose content is inert: what is typed, pasted or given never reaches the terminal.

Textual draws an Input's value, its completion and a TextArea's text as they are, so an escape
sequence in a stored note or tag (or a pasted one) would be written to the terminal when the
box opens. Here every such character becomes the visible stand-in the article text uses.
"""

from __future__ import annotations

from dataclasses import replace

from textual.suggester import SuggestFromList
from textual.widgets import Input, TextArea
from textual.widgets.text_area import Edit

from briefing.tui.textsafe import clean_body


def inert_line(text: str) -> str:
    """One line as an Input may hold it: line breaks and tabs become spaces, controls pictures."""
    return clean_body(text.replace("\r\n", " ").replace("\n", " ").replace("\t", " "))


def inert_text(text: str) -> str:
    """Text as a TextArea may hold it: lines kept (CRLF as LF), every other control a picture."""
    return clean_body(text.replace("\r\n", "\n"))


class InertInput(Input):
    """An Input whose value is cleaned on every change (typed, pasted or set)."""

    def validate_value(self, value: str) -> str:
        return inert_line(value)


class InertSuggestions(SuggestFromList):
    """Completion from a list whose entries are cleaned before they are ever drawn."""

    def __init__(self, suggestions: list[str], *, case_sensitive: bool = False) -> None:
        super().__init__([inert_line(s) for s in suggestions], case_sensitive=case_sensitive)


class InertTextArea(TextArea):
    """A TextArea whose initial text and every edit (typing, paste, undo) are cleaned."""

    def __init__(self, text: str = "", **kwargs) -> None:
        super().__init__(inert_text(text), **kwargs)

    def load_text(self, text: str) -> None:
        super().load_text(inert_text(text))

    def edit(self, edit: Edit):  # noqa: ANN201 - Textual's EditResult
        if edit.text and inert_text(edit.text) != edit.text:
            edit = replace(edit, text=inert_text(edit.text))
        return super().edit(edit)
