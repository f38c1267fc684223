"""The help screen, generated from the declared bindings and the user's keymap."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from briefing.tui import bindings


def help_table(keymap: dict[str, str]) -> Table:
    """Every binding, grouped as the panes use them, with the keys currently in force."""
    table = Table.grid(padding=(0, 2))
    table.add_column(justify="right", style="bold")
    table.add_column()
    table.add_column(style="dim")
    for title, group in bindings.GROUPS:
        table.add_row(Text(title, style="bold underline"), "", "")
        for binding in group:
            keys = bindings.key_for(binding, keymap)
            shown = bindings.pretty_keys(keys)
            table.add_row(Text(shown), Text(binding.description), Text(binding.id or ""))
        table.add_row("", "", "")
    return table


class HelpScreen(ModalScreen):
    """Keys in force; rebind any of them in config.toml under [keys] by the id in the last column."""

    # The movement keys (and their rebinding) scroll the help as they move the panes.
    BINDINGS = [*(b for b in bindings.DIALOG if b.id == "cancel"), *bindings.MOVE]

    def __init__(self, keymap: dict[str, str]) -> None:
        super().__init__()
        self.keymap = keymap
        self.table = help_table(keymap)

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog help"):
            yield Static(Text("briefing keys", style="bold", end=""))
            yield Static(self.table, id="help-table")
            yield Static(
                Text(
                    'Rebind in config.toml:  [keys]  star = "S"  (ids in the right column)\n'
                    "Filter words: tag: person: org: place: entity: lang: source: quote: "
                    "anonymous:yes is:unread|starred|annotated date:A..B after: before:  OR  NOT  -  ( )",
                    style="dim",
                    end="",
                )
            )

    @property
    def _scroller(self) -> VerticalScroll:
        return self.query_one(VerticalScroll)

    # immediate: keys typed faster than the screen refreshes each scroll one line, not one in all.
    def action_cursor_down(self) -> None:
        self._scroller.scroll_down(animate=False, immediate=True)

    def action_cursor_up(self) -> None:
        self._scroller.scroll_up(animate=False, immediate=True)

    def action_top(self) -> None:
        self._scroller.scroll_home(animate=False)

    def action_bottom(self) -> None:
        self._scroller.scroll_end(animate=False)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def key_question_mark(self) -> None:
        self.dismiss(None)
