"""Small modal dialogs: a line of text (with completion), a note, a choice from a list."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from briefing.tui import bindings
from briefing.tui.textsafe import clean_line
from briefing.tui.widgets.inert_inputs import InertInput, InertSuggestions, InertTextArea


class _Dialog(ModalScreen):
    BINDINGS = [b for b in bindings.DIALOG if b.id == "cancel"]

    def action_cancel(self) -> None:
        self.dismiss(None)


class AskText(_Dialog):
    """Ask for one line; Tab or → accepts the completion shown (e.g. an existing tag)."""

    def __init__(
        self, title: str, *, value: str = "", suggestions: list[str] | None = None
    ) -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.suggestions = suggestions or []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(clean_line(self.title_text), style="bold", end=""))
            suggester = (
                InertSuggestions(self.suggestions, case_sensitive=False)
                if self.suggestions
                else None
            )
            yield InertInput(value=self.value, suggester=suggester, id="answer")
            if self.suggestions:
                shown = ", ".join(clean_line(s, 60) for s in self.suggestions[:12]) + (
                    " …" if len(self.suggestions) > 12 else ""
                )
                yield Static(Text(shown, style="dim", end=""), classes="hint")

    def completed(self, typed: str) -> str:
        """What Enter saves: the completion shown after what was typed, else the typed text.

        The same rule as SuggestFromList: the first suggestion that starts with the text,
        case aside. A space after a word ends it, so "ukr " keeps "ukr" beside "ukraine".
        """
        wanted = typed.casefold()
        if wanted and not wanted.endswith(" "):
            for suggestion in self.suggestions:
                if suggestion.casefold().startswith(wanted):
                    return suggestion
        return typed.strip()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(self.completed(event.value) or None)


class AskNote(_Dialog):
    """Write or edit a note; Ctrl+S saves, Escape leaves it as it was."""

    BINDINGS = bindings.DIALOG

    def __init__(self, title: str, quote: str, note: str | None) -> None:
        super().__init__()
        self.title_text = title
        self.quote = quote
        self.note = note or ""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog note"):
            yield Static(Text(clean_line(self.title_text), style="bold", end=""))
            yield Static(Text(self.quote[:300], style="italic", end=""), classes="quote")
            yield InertTextArea(self.note, id="note-text", soft_wrap=True)
            yield Static(Text("ctrl+s save · escape cancel", style="dim", end=""), classes="hint")

    def action_save(self) -> None:
        self.dismiss(self.query_one("#note-text", InertTextArea).text)


class Choose(_Dialog):
    """Pick one of (key, label) choices; returns the key."""

    def __init__(self, title: str, choices: list[tuple[str, str]], *, note: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(clean_line(self.title_text), style="bold", end=""))
            if self.note:
                yield Static(Text(self.note, style="italic", end=""))
            yield OptionList(
                *[Option(Text(label), id=key) for key, label in self.choices], id="choices"
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)
