"""The feeds screen: every subscription with its unread and total counts; Enter filters by it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefing.models import Feed
from briefing.tui import bindings
from briefing.tui.textsafe import clean_line


class FeedsScreen(ModalScreen[str | None]):
    """Enter returns the filter `feed:ID` for the chosen feed; Escape returns None."""

    BINDINGS = [b for b in bindings.DIALOG if b.id == "cancel"]

    def __init__(self, feeds: list[Feed], counts: dict) -> None:
        """`counts`: feed id -> FeedCounts (unread, total)."""
        super().__init__()
        self.feeds = feeds
        self.counts = counts

    def _prompt(self, feed: Feed) -> Text:
        count = self.counts.get(feed.id)
        unread, total = (count.unread, count.total) if count else (0, 0)
        prompt = Text(clean_line(feed.name), style="bold" if unread else "", end="")
        prompt.append(f"  {unread}/{total}", style="dim")
        if feed.errors:
            prompt.append(f"  failing: {clean_line(feed.last_error or '')}", style="red")
        elif feed.checked is None:
            prompt.append("  not fetched yet", style="italic dim")
        return prompt

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog entity-index"):
            yield Static(Text("Feeds (unread/total) — Enter filters the list", style="bold"))
            if self.feeds:
                options = [Option(self._prompt(f), id=f.id) for f in self.feeds]
                yield OptionList(*options, id="feeds")
            else:
                yield Static(
                    Text("No subscriptions: briefing feed add URL", style="italic", end="")
                )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(f"feed:{event.option.id}" if event.option.id else None)

    def action_cancel(self) -> None:
        self.dismiss(None)
