"""The entity index: every person, organisation and place in the store, one line per identity
(Mosca and Moscow together), with the number of articles naming it; type to find."""

from __future__ import annotations

from collections import Counter

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from briefing.entities.counting import IdentityCount, count_identities
from briefing.entities.edits import Edits
from briefing.entities.names import fold
from briefing.models import ArticleSummary
from briefing.tui import bindings
from briefing.tui.screens.dialogs import Choose
from briefing.tui.textsafe import clean_line

# (field of ArticleSummary, heading, filter keyword)
GROUPS = [
    ("people", "People", "person"),
    ("organizations", "Organisations", "org"),
    ("places", "Places", "place"),
    ("entities", "Other entities", "entity"),
]


def entity_counts(
    summaries: dict[str, ArticleSummary], mode: str = "en", edits: Edits | None = None
) -> dict[str, list[IdentityCount]]:
    """Per group, identities (or names, for other entities) by the number of articles."""
    found = count_identities(summaries.values(), mode, edits)
    others: Counter[str] = Counter()
    for summary in summaries.values():
        named = set(summary.people) | set(summary.organizations) | set(summary.places)
        others.update(set(summary.entities) - named)  # listed under their own label already
    found["entities"] = [
        IdentityCount("", name, [name], count)
        for name, count in sorted(others.items(), key=lambda kv: (-kv[1], kv[0].casefold()))
    ]
    return found


def quote_value(value: str) -> str:
    """A filter value, quoted when it holds spaces or quotes."""
    if value and all(c.isalnum() or c in "-_.'" for c in value):
        return value
    return '"' + value.replace('"', "") + '"'


class EntityIndex(ModalScreen[str | None]):
    """Enter returns a filter query for the chosen entity; Escape returns None."""

    BINDINGS = [b for b in bindings.DIALOG if b.id == "cancel"] + bindings.ENTITY_INDEX

    def __init__(
        self,
        summaries: dict[str, ArticleSummary],
        unanalysed: int = 0,
        mode: str = "en",
        edits: Edits | None = None,
    ) -> None:
        super().__init__()
        self.summaries = summaries
        self.mode = mode
        self.unanalysed = unanalysed
        self.queries: dict[str, str] = {}
        self.by_key: dict[str, IdentityCount] = {}
        self.marked: IdentityCount | None = None  # the identity "+" merges into the next one
        self._count(edits)

    def _count(self, edits: Edits | None) -> None:
        fresh = {k: ArticleSummary.from_dict(s.to_dict()) for k, s in self.summaries.items()}
        self.rows = entity_counts(fresh, self.mode, edits)
        self.counts = {
            field: Counter({row.name: row.articles for row in rows})
            for field, rows in self.rows.items()
        }

    def _options(self, needle: str = "") -> list[Option | None]:
        options: list[Option | None] = []
        self.queries.clear()
        for field, heading, keyword in GROUPS:
            rows = [
                row
                for row in self.rows.get(field, [])
                if not needle or any(needle in fold(n) for n in [row.name, *row.spellings])
            ]
            if not rows:
                continue
            if options:
                options.append(None)
            options.append(Option(Text(f"{heading} ({len(rows)})", style="bold"), disabled=True))
            for row in rows:
                key = f"entity-{len(self.queries)}"
                self.queries[key] = f"{keyword}:{quote_value(row.name)}"
                self.by_key[key] = row
                prompt = Text(clean_line(row.name), end="")
                prompt.append(f"  {row.articles}", style="dim")
                others = [s for s in row.spellings if s != row.name]
                if others:  # Kiev and Kyiv: one line, every spelling shown
                    prompt.append("  " + ", ".join(clean_line(s) for s in others), style="italic")
                options.append(Option(prompt, id=key))
        return options

    def compose(self) -> ComposeResult:
        options = self._options()
        heading = "Entity index — type to find, Enter filters the list"
        if self.unanalysed:
            heading += f" ({self.unanalysed:,} article(s) not analysed yet)"
        with Vertical(classes="dialog entity-index"):
            yield Static(Text(heading, style="bold", end=""))
            if options:
                yield Input(placeholder="find a name", id="entity-find")
                yield OptionList(*options, id="entities")
            else:
                yield Static(Text("No analysed articles yet.", style="italic", end=""))

    def on_mount(self) -> None:
        for entities in self.query("#entities").results(OptionList):
            entities.focus()

    def on_key(self, event: events.Key) -> None:
        # Typing on the list goes to the find box: arrows, Enter, + and - stay the list's.
        if not (event.is_printable and event.character) or isinstance(self.focused, Input):
            return
        if event.character in "+-":
            return
        for find in self.query("#entity-find").results(Input):
            event.stop()
            event.prevent_default()
            find.focus()
            find.insert_text_at_cursor(event.character)

    @on(Input.Changed, "#entity-find")
    def _find(self, event: Input.Changed) -> None:
        event.stop()
        entities = self.query_one("#entities", OptionList)
        entities.clear_options()
        entities.add_options(self._options(fold(event.value.strip())))

    @on(Input.Submitted, "#entity-find")
    def _to_list(self, event: Input.Submitted) -> None:
        event.stop()
        entities = self.query_one("#entities", OptionList)
        entities.focus()
        entities.action_first()

    # merge, split, undo: stored like corrections, applied everywhere by relinking -----------
    def _highlighted(self) -> IdentityCount | None:
        for entities in self.query("#entities").results(OptionList):
            if entities.highlighted is not None:
                option = entities.get_option_at_index(entities.highlighted)
                return self.by_key.get(option.id or "")
        return None

    def _refresh(self, said: str) -> None:
        from briefing.entities import edits

        self._count(edits.load(self.app.store))
        find = self.query("#entity-find").results(Input)
        needle = next((fold(i.value.strip()) for i in find), "")
        for entities in self.query("#entities").results(OptionList):
            entities.clear_options()
            entities.add_options(self._options(needle))
        self.notify(said)
        self.app.analyse_backlog()  # every analysis linked again, in the background

    def action_merge(self) -> None:
        row = self._highlighted()
        if row is None or not row.id:
            return
        if self.marked is None or self.marked.id == row.id:
            self.marked = row
            self.notify(f"merge {clean_line(row.name)} into…: choose another, press + again")
            return
        from briefing.entities import edits

        source, self.marked = self.marked, None
        edits.merge(self.app.store, source.id, row.id)
        self._refresh(f"{clean_line(source.name)} merged into {clean_line(row.name)}")

    def action_split(self) -> None:
        row = self._highlighted()
        if row is None or not row.id or len(row.spellings) < 2:
            self.notify("only an identity with two spellings or more can be split")
            return

        def chosen(name: str | None) -> None:
            if name:
                from briefing.entities import edits

                edits.split(self.app.store, row.id, name)
                self._refresh(f"{clean_line(name)} is an identity of its own")

        choices = [(s, clean_line(s)) for s in row.spellings]
        self.app.push_screen(Choose("Split which spelling off?", choices), chosen)

    def action_undo_edit(self) -> None:
        from briefing.entities import edits

        gone = edits.undo(self.app.store)
        if gone is None:
            self.notify("no merge or split to undo")
            return
        self._refresh(f"undone: {gone.action}")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.queries.get(event.option.id or ""))

    def action_cancel(self) -> None:
        self.dismiss(None)
