"""The list of the user's entity corrections, where any of them can be undone."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefing.models import Correction
from briefing.tui import bindings
from briefing.tui.textsafe import clean_line


def describe(correction: Correction) -> Text:
    text = Text(f"“{clean_line(correction.text)}”", end="")
    if correction.label is None:
        text.append(" is not an entity", style="italic")
    else:
        text.append(f" → {correction.label}", style="bold")
    if correction.replaces:
        text.append(f" (instead of “{clean_line(correction.replaces)}”)", style="dim")
    if correction.lang:
        text.append(f" [{clean_line(correction.lang)}]", style="dim")
    return text


class CorrectionsScreen(ModalScreen[str | None]):
    """Enter undoes the chosen correction (returns its id)."""

    BINDINGS = [b for b in bindings.DIALOG if b.id == "cancel"]

    def __init__(self, corrections: list[Correction]) -> None:
        super().__init__()
        self.corrections = corrections

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text("Corrections — Enter undoes one", style="bold", end=""))
            if self.corrections:
                yield OptionList(*[Option(describe(c), id=c.id) for c in self.corrections])
            else:
                yield Static(
                    Text("No corrections yet (e or E in the reader).", style="italic", end="")
                )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
