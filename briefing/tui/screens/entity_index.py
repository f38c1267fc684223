"""The entity index: every entity in the store with the number of articles naming it."""

from __future__ import annotations

from collections import Counter

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefing.models import ArticleSummary
from briefing.tui import bindings
from briefing.tui.textsafe import clean_line

# (field of ArticleSummary, heading, filter keyword)
GROUPS = [
    ("people", "People", "person"),
    ("organizations", "Organisations", "org"),
    ("places", "Places", "place"),
    ("entities", "Other entities", "entity"),
]


def entity_counts(summaries: dict[str, ArticleSummary]) -> dict[str, Counter[str]]:
    """Per group, entity name -> number of articles mentioning it (each article counted once)."""
    counts: dict[str, Counter[str]] = {field: Counter() for field, _, _ in GROUPS}
    for summary in summaries.values():
        named = set(summary.people) | set(summary.organizations) | set(summary.places)
        for field, _, _ in GROUPS:
            names = set(getattr(summary, field))
            if field == "entities":
                names -= named  # listed under their own label already
            counts[field].update(names)
    return counts


def quote_value(value: str) -> str:
    """A filter value, quoted when it holds spaces or quotes."""
    if value and all(c.isalnum() or c in "-_.'" for c in value):
        return value
    return '"' + value.replace('"', "") + '"'


class EntityIndex(ModalScreen[str | None]):
    """Enter returns a filter query for the chosen entity; Escape returns None."""

    BINDINGS = [b for b in bindings.DIALOG if b.id == "cancel"]

    def __init__(self, summaries: dict[str, ArticleSummary]) -> None:
        super().__init__()
        self.counts = entity_counts(summaries)
        self.queries: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        options: list[Option | None] = []
        for field, heading, keyword in GROUPS:
            counter = self.counts[field]
            if not counter:
                continue
            if options:
                options.append(None)
            options.append(Option(Text(f"{heading} ({len(counter)})", style="bold"), disabled=True))
            for name, count in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0].casefold())):
                key = f"entity-{len(self.queries)}"
                self.queries[key] = f"{keyword}:{quote_value(name)}"
                prompt = Text(clean_line(name), end="")
                prompt.append(f"  {count}", style="dim")
                options.append(Option(prompt, id=key))
        with Vertical(classes="dialog entity-index"):
            yield Static(Text("Entity index — Enter filters the list", style="bold", end=""))
            if options:
                yield OptionList(*options, id="entities")
            else:
                yield Static(Text("No analysed articles yet.", style="italic", end=""))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.queries.get(event.option.id or ""))

    def action_cancel(self) -> None:
        self.dismiss(None)
