"""The facts panel: people, organisations, places, dates, quotes, attributions, numbers."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing.models import Facts, Highlight, NamedThing
from briefing.tui import bindings
from briefing.tui.messages import JumpTo
from briefing.tui.textsafe import clean_line


class FactsPanel(OptionList):
    """One option per fact; choosing it sends the reader to the fact's sentence."""

    BINDINGS = bindings.FACTS

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.spans: dict[str, list[tuple[int, int]]] = {}
        self.plain: list[str] = []  # each option's words, in order (the prompts are grids)
        self._visits: dict[str, int] = {}

    def show_facts(self, facts: Facts | None, highlights: list[Highlight] | None = None) -> None:
        """The sections of `facts`, after the user's own highlights and notes."""
        highlighted = self.highlighted
        self.clear_options()
        self.spans = {}
        self.plain = []
        self._visits = {}
        options: list[Option | None] = []

        def add(option: Option, words: Text) -> None:
            options.append(option)
            self.plain.append(words.plain)

        def section(title: str, rows: list[tuple[Text, list[tuple[int, int]]]]) -> None:
            if not rows:
                return
            if options:
                options.append(None)
            title_text = Text(f"{title} ({len(rows)})", style="bold")
            add(Option(title_text, disabled=True), title_text)
            for prompt, spans in rows:
                key = f"fact-{len(self.spans)}"
                self.spans[key] = spans
                add(Option(_bulleted(prompt), id=key), prompt)

        notes = sorted(highlights or [], key=lambda h: h.start)
        section(
            "Your highlights", [(_highlight(h.text, h.note), [(h.start, h.end)]) for h in notes]
        )
        if facts is None:
            if options:
                options.append(None)
            waiting = Text("analysing…", style="italic")
            add(Option(waiting, disabled=True), waiting)
            self.add_options(options)
            return
        section("People", [(_named(p), _spans(p.spans)) for p in facts.people])
        section("Organisations", [(_named(o), _spans(o.spans)) for o in facts.organizations])
        section("Places", [(_named(p), _spans(p.spans)) for p in facts.places])
        section("Dates", [(_pair(d.text, d.iso), [(d.start, d.end)]) for d in facts.dates])
        section(
            "Quotes",
            [
                (_quote(q.text, q.speaker, q.reported, q.unsure, q.how), [(q.start, q.end)])
                for q in facts.quotes
            ],
        )
        section(
            "Attributions",
            [
                (
                    _attribution(a.text, a.source, a.anonymous, a.source_type, a.unsure),
                    [(a.start, a.end)],
                )
                for a in facts.attributions
            ],
        )
        section("Numbers", [(_pair(n.text, n.what), [(n.start, n.end)]) for n in facts.numbers])
        if not options:
            nothing = Text("no facts found", style="italic")
            add(Option(nothing, disabled=True), nothing)
        self.add_options(options)
        if highlighted is not None and highlighted < self.option_count:
            self.highlighted = highlighted  # a new note must not send the cursor to the top

    def action_top(self) -> None:
        self.action_first()

    def action_bottom(self) -> None:
        self.action_last()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        key = event.option.id
        spans = self.spans.get(key or "")
        if not spans:
            return
        # Choosing a person again goes on to their next mention.
        visit = self._visits.get(key, -1) + 1
        self._visits[key] = visit
        start, end = spans[visit % len(spans)]
        self.post_message(JumpTo(start, end))


def _bulleted(prompt: Text) -> Table:
    """The fact after a bullet, its wrapped lines indented under its first: a long role must
    not wrap into what looks like the next person ("... genero del presidente" / "Trump ×3")."""
    grid = Table.grid()
    grid.add_column(width=2, no_wrap=True)
    grid.add_column()
    grid.add_row(Text("• ", style="dim"), prompt)
    return grid


def _spans(spans: list[list[int]]) -> list[tuple[int, int]]:
    return [(int(s[0]), int(s[1])) for s in spans if len(s) >= 2]


def _named(thing: NamedThing) -> Text:
    text = Text(clean_line(thing.name), end="")
    if thing.roles:
        text.append(" — " + ", ".join(clean_line(r) for r in thing.roles), style="italic")
    if thing.mentions > 1:
        text.append(f" ×{thing.mentions}", style="dim")
    # one line per identity: its other spellings here and its listed names (Kiev · Kyiv)
    others = [a for a in dict.fromkeys(thing.aliases) if a.casefold() != thing.name.casefold()]
    if others:
        text.append(" · " + ", ".join(clean_line(a) for a in others), style="dim italic")
    return text


def _pair(first: str, second: str | None) -> Text:
    text = Text(clean_line(first), end="")
    if second:
        text.append(" → " + clean_line(second), style="dim")
    return text


def _highlight(words: str, note: str | None) -> Text:
    shown = clean_line(words)
    text = Text(shown if len(shown) <= 80 else shown[:79] + "…", style="underline", end="")
    if note:
        text.append("\n✎ " + clean_line(note), style="italic")
    return text


def _quote(
    words: str, speaker: str | None, reported: bool, unsure: bool = False, how: str | None = None
) -> Text:
    shown = clean_line(words)
    if len(shown) > 120:
        shown = shown[:117] + "…"
    text = Text(("≈ " if reported else "“") + shown + ("" if reported else "”"), end="")
    missing = "unnamed source" if how == "hearsay" else "unknown speaker"
    text.append(" — " + _who(speaker, unsure, missing), style=_UNSURE if unsure else "italic")
    return text


def _attribution(
    words: str,
    source: str | None,
    anonymous: bool,
    kind: str | None = None,
    unsure: bool = False,
) -> Text:
    """`kind` is an anonymous source's kind ("official", "close"...) when it is known."""
    text = Text(end="")
    if anonymous:
        label = f"anonymous: {kind}" if kind and kind != "unspecified" else "anonymous"
        text.append(f"[{label}] ", style="bold reverse")
    text.append(clean_line(words))
    if source:
        text.append(" — " + _who(source, unsure), style=_UNSURE if unsure else "italic")
    return text


# A speaker guessed from a weak cue (the nearest name) is shown as a guess, never as a fact.
_UNSURE = "dim italic"


def _who(name: str | None, unsure: bool, missing: str = "") -> str:
    if not name:
        return missing
    return clean_line(name) + ("?" if unsure else "")
