"""The reader pane: headline block, entity legend, and the article text with its styled spans."""

from __future__ import annotations

from bisect import bisect_right

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Static, TextArea
from textual.widgets.text_area import Selection, TextAreaTheme

from briefing.models import Analysis, Article, Entity, Highlight
from briefing.text import sentence_at
from briefing.tui import bindings
from briefing.tui.dates import header_date
from briefing.tui.labels import NAMES, ORDER, label_colours
from briefing.tui.textsafe import break_long_lines, clean_body, clean_line


class ArticleText(TextArea):
    """Read-only article text; entities, highlights, marks and matches are styled spans.

    The text is never markup-parsed: it is a TextArea document, and spans are laid over it
    by offset, so "[bold]" in an article shows as typed.
    """

    BINDINGS = bindings.READER

    def __init__(self, *, id: str | None = None) -> None:
        # Set before TextArea.__init__, which builds the highlight map once.
        self.entities: list[Entity] = []
        self.user_highlights: list[Highlight] = []
        self.mark: tuple[int, int] | None = None
        self.matches: list[tuple[int, int]] = []
        self._line_starts: list[int] = [0]
        self._entity_starts: list[int] = []
        super().__init__(
            "",
            read_only=True,
            soft_wrap=True,
            show_line_numbers=False,
            highlight_cursor_line=False,
            id=id,
        )

    def on_mount(self) -> None:
        self.register_theme(self._make_theme())
        self.theme = "briefing"
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, _theme: object) -> None:
        self.register_theme(self._make_theme())
        self.theme = "briefing"
        self._build_highlight_map()
        self.refresh()

    def _make_theme(self) -> TextAreaTheme:
        variables = self.app.theme_variables
        styles = {
            f"ent-{label}": Style(color=colour, bold=True)
            for label, colour in label_colours(self.app.current_theme.dark).items()
        }
        styles["hl"] = Style(bgcolor=variables.get("warning-muted", "#5f5f00"), underline=True)
        styles["mark"] = Style(bgcolor=variables.get("primary-muted", "#303060"))
        styles["match"] = Style(reverse=True)
        return TextAreaTheme(name="briefing", syntax_styles=styles)

    # content ----------------------------------------------------------------------------
    def show(self, body: str, entities: list[Entity], highlights: list[Highlight]) -> None:
        text = break_long_lines(clean_body(body))
        self.load_text(text)
        starts = [0]
        for line in text.split("\n")[:-1]:
            starts.append(starts[-1] + len(line) + 1)
        self._line_starts = starts
        self.mark = None
        self.matches = []
        self.set_spans(entities=entities, highlights=highlights)
        self.move_cursor((0, 0))
        self.scroll_home(animate=False)

    def set_spans(
        self,
        *,
        entities: list[Entity] | None = None,
        highlights: list[Highlight] | None = None,
    ) -> None:
        if entities is not None:
            self.entities = sorted(entities, key=lambda e: (e.start, e.end))
            self._entity_starts = [e.start for e in self.entities]
        if highlights is not None:
            self.user_highlights = sorted(highlights, key=lambda h: h.start)
        self._build_highlight_map()
        self.refresh()

    def location(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, len(self.text)))
        row = bisect_right(self._line_starts, offset) - 1
        return (row, offset - self._line_starts[row])

    def offset(self, location: tuple[int, int]) -> int:
        row, column = location
        row = max(0, min(row, len(self._line_starts) - 1))
        return self._line_starts[row] + column

    def _build_highlight_map(self) -> None:
        """Lay our spans over the document as TextArea highlights (byte columns per line)."""
        self._line_cache.clear()
        highlights = self._highlights
        highlights.clear()
        spans: list[tuple[int, int, str]] = [
            (e.start, e.end, f"ent-{e.label}") for e in self.entities
        ]
        spans += [(h.start, h.end, "hl") for h in self.user_highlights]
        if self.mark:
            spans.append((*self.mark, "mark"))
        spans += [(s, e, "match") for s, e in self.matches]
        lines = self.text.split("\n")
        for start, end, name in spans:
            if end <= start or start < 0:
                continue
            first_row, first_col = self.location(start)
            last_row, last_col = self.location(end)
            for row in range(first_row, min(last_row, len(lines) - 1) + 1):
                line = lines[row]
                col_a = first_col if row == first_row else 0
                col_b = last_col if row == last_row else len(line)
                byte_a = len(line[:col_a].encode("utf-8"))
                byte_b = len(line[:col_b].encode("utf-8"))
                if byte_b > byte_a:
                    highlights[row].append((byte_a, byte_b, name))

    # where the user is ------------------------------------------------------------------
    @property
    def cursor_offset(self) -> int:
        return self.offset(self.cursor_location)

    def selection_span(self) -> tuple[int, int] | None:
        start, end = sorted(self.selection)
        if start == end:
            return None
        return (self.offset(start), self.offset(end))

    def current_sentence(self) -> tuple[int, int] | None:
        return sentence_at(self.text, self.cursor_offset)

    def entity_at_cursor(self) -> Entity | None:
        span = self.selection_span()
        at = span[0] if span else self.cursor_offset
        for entity in self.entities:
            if entity.start <= at < entity.end or (span and (entity.start, entity.end) == span):
                return entity
        return None

    def highlight_at_cursor(self) -> Highlight | None:
        at = self.cursor_offset
        for highlight in self.user_highlights:
            if highlight.start <= at < highlight.end:
                return highlight
        return None

    def select_span(self, start: int, end: int) -> None:
        self.selection = Selection(self.location(start), self.location(end))
        self.scroll_cursor_visible(center=True)

    def show_span(self, start: int, end: int) -> None:
        """Scroll to a fact: mark its sentence and put the cursor on it."""
        self.mark = sentence_at(self.text, start) or (start, end)
        self._build_highlight_map()
        self.move_cursor(self.location(start), center=True)
        self.refresh()

    # actions ----------------------------------------------------------------------------
    def action_top(self) -> None:
        self.move_cursor((0, 0))

    def action_bottom(self) -> None:
        self.move_cursor(self.document.end)

    def action_next_entity(self) -> None:
        at = self.cursor_offset
        index = bisect_right(self._entity_starts, at)
        if index < len(self.entities):
            entity = self.entities[index]
            self.select_span(entity.start, entity.end)

    def action_previous_entity(self) -> None:
        span = self.selection_span()
        at = span[0] if span else self.cursor_offset
        index = bisect_right(self._entity_starts, at - 1) - 1
        if index >= 0:
            entity = self.entities[index]
            self.select_span(entity.start, entity.end)


class Reader(Vertical):
    """Headline, source, date and author above the legend and the text."""

    def compose(self) -> ComposeResult:
        yield Static(id="headline")
        yield Legend(id="legend")
        yield ArticleText(id="text")

    @property
    def text_area(self) -> ArticleText:
        return self.query_one(ArticleText)

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.legend.refresh())

    @property
    def legend(self) -> Legend:
        return self.query_one(Legend)

    def show(
        self, article: Article, body: str, analysis: Analysis | None, highlights: list[Highlight]
    ) -> None:
        self.query_one("#headline", Static).update(headline(article, len(highlights)))
        entities = analysis.entities if analysis else []
        self.legend.show(entities if analysis else None)
        self.text_area.show(body, entities, highlights)

    def update_header(self, article: Article, highlight_count: int) -> None:
        self.query_one("#headline", Static).update(headline(article, highlight_count))

    def set_analysis(self, analysis: Analysis) -> None:
        self.legend.show(analysis.entities)
        self.text_area.set_spans(entities=analysis.entities)


def headline(article: Article, highlight_count: int = 0) -> Text:
    """The block above the text: title, then source, date, author, language, tags, marks."""
    # One line per row, cut with an ellipsis: a long title must not push the byline away.
    text = Text(
        clean_line(article.title) or "(untitled)",
        style="bold",
        end="",
        no_wrap=True,
        overflow="ellipsis",
    )
    parts = [
        clean_line(article.source),
        header_date(article.published),
        ("by " + clean_line(article.author)) if article.author else "",
        clean_line(article.lang),
    ]
    text.append("\n" + " · ".join(p for p in parts if p), style="italic")
    if article.credit:
        text.append("\nphoto: " + clean_line(article.credit), style="dim")
    extras = []
    if article.starred:
        extras.append("★ starred")
    if article.tags:
        extras.append(" ".join("#" + clean_line(t) for t in article.tags))
    if highlight_count:
        extras.append(f"{highlight_count} highlight{'s' if highlight_count != 1 else ''}")
    if extras:
        text.append("\n" + "  ".join(extras))
    return text


def legend(entities: list[Entity], *, analysing: bool, dark: bool = True, width: int = 0) -> Text:
    """The labels present in this article, each in its colour, people first.

    With a `width`, the items go on as many lines as they need, each "■ name" kept whole:
    a wide legend never loses a label (Rich would break "■" from its name).
    """
    if analysing:
        return Text("analysing…", style="italic", end="")
    present = sorted({e.label for e in entities}, key=lambda label: ORDER.get(label, 99))
    if not present:
        return Text("no entities", style="italic", end="")
    colours = label_colours(dark)
    text = Text(end="")
    used = 0
    for label in present:
        name = NAMES.get(label, label.lower())
        size = 2 + len(name)
        if used and width and used + 2 + size > width:
            text.append("\n")
            used = 0
        elif used:
            text.append("  ")
            used += 2
        text.append("■ ", style=colours.get(label, "white"))
        text.append(name)
        used += size
    return text


class Legend(Widget):
    """The legend line(s) above the text, laid out for the width the pane has."""

    DEFAULT_CSS = "Legend { height: auto; }"

    entities: list[Entity] | None = None  # None while the analysis is on its way

    def show(self, entities: list[Entity] | None) -> None:
        self.entities = entities
        self.refresh(layout=True)

    def _text(self, width: int) -> Text:
        return legend(
            self.entities or [],
            analysing=self.entities is None,
            dark=self.app.current_theme.dark,
            width=width,
        )

    def render(self) -> Text:
        return self._text(self.content_region.width)

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self._text(width).plain.split("\n"))

    def on_resize(self) -> None:
        self.refresh(layout=True)
