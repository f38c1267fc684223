"""The article list: a line-API widget that renders only the rows on screen."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from briefing.models import Article
from briefing.tui import bindings
from briefing.tui.dates import list_date
from briefing.tui.messages import OpenArticle
from briefing.tui.textsafe import clean_line


class ArticleList(ScrollView, can_focus=True):
    """Rows of articles with a cursor; 10,000 rows cost no more than the visible ones."""

    BINDINGS = bindings.LIST
    COMPONENT_CLASSES = {
        "article-list--cursor",
        "article-list--unread",
        "article-list--dim",
        "article-list--star",
        "article-list--tag",
    }
    DEFAULT_CSS = """
    ArticleList { background: $surface; }
    ArticleList > .article-list--cursor { background: $block-cursor-blurred-background; }
    ArticleList:focus > .article-list--cursor {
        background: $block-cursor-background; color: $block-cursor-foreground;
    }
    ArticleList > .article-list--unread { text-style: bold; }
    ArticleList > .article-list--dim { color: $text-muted; }
    ArticleList > .article-list--star { color: $warning; }
    ArticleList > .article-list--tag { color: $accent; }
    """

    cursor: reactive[int] = reactive(0, always_update=True)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.articles: list[Article] = []
        self._line_cache: dict[tuple, Strip] = {}
        self._styles: dict[str, Style] = {}

    def notify_style_update(self) -> None:
        self._styles.clear()
        self._line_cache.clear()
        super().notify_style_update()

    def _style(self, name: str) -> Style:
        """A component style, looked up once per theme (rows are drawn often)."""
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.get_component_rich_style(f"article-list--{name}")
        return style

    # data -------------------------------------------------------------------------------
    def set_articles(self, articles: list[Article], keep: str | None = None) -> None:
        """Show these rows; keep the cursor on article `keep` when it is still listed."""
        self.articles = articles
        self._line_cache.clear()
        self.virtual_size = Size(self.size.width, len(articles))
        index = 0
        if keep is not None:
            for i, article in enumerate(articles):
                if article.id == keep:
                    index = i
                    break
        self.cursor = index
        self.refresh()

    def refresh_article(self, article: Article) -> None:
        """Redraw one row after its metadata changed (tags, read, star)."""
        for i, row in enumerate(self.articles):
            if row.id == article.id:
                self.articles[i] = article
                break
        self._line_cache.clear()
        self.refresh()

    @property
    def current(self) -> Article | None:
        if 0 <= self.cursor < len(self.articles):
            return self.articles[self.cursor]
        return None

    # movement ---------------------------------------------------------------------------
    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.articles) - 1)) if self.articles else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self._line_cache.clear()
        self.scroll_to(y=self._scroll_target(new), animate=False, immediate=True)
        self.refresh()
        if self.current is not None:
            self.post_message(OpenArticle(self.current.id))

    def _scroll_target(self, row: int) -> float:
        height = max(1, self.scrollable_content_region.height)
        top = self.scroll_offset.y
        if row < top:
            return row
        if row >= top + height:
            return row - height + 1
        return top

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_top(self) -> None:
        self.cursor = 0

    def action_bottom(self) -> None:
        self.cursor = len(self.articles) - 1

    def action_page_down(self) -> None:
        self.cursor += max(1, self.scrollable_content_region.height - 1)

    def action_page_up(self) -> None:
        self.cursor -= max(1, self.scrollable_content_region.height - 1)

    def action_open(self) -> None:
        if self.current is not None:
            self.post_message(OpenArticle(self.current.id, focus_reader=True))

    def on_click(self, event) -> None:
        row = event.y + self.scroll_offset.y
        if 0 <= row < len(self.articles):
            self.cursor = row

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.articles))
        self._line_cache.clear()

    # rendering --------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        row = y + self.scroll_offset.y
        width = self.scrollable_content_region.width
        key = (row, width, row == self.cursor, self.has_focus)
        cached = self._line_cache.get(key)
        if cached is not None:
            return cached
        base = self.rich_style
        if row >= len(self.articles):
            return Strip.blank(width, base)
        pieces = self.row_pieces(self.articles[row], width)
        if row == self.cursor:
            cursor = self._style("cursor")
            pieces = [(text, style + cursor) for text, style in pieces]
        # Segments straight from (text, style) pieces: cheaper than rendering a rich Text,
        # and the list redraws every visible row on each filter keystroke.
        strip = Strip([Segment(text, base + style) for text, style in pieces])
        strip = strip.adjust_cell_length(
            width, base + (self._style("cursor") if row == self.cursor else Style())
        )
        if len(self._line_cache) > 4000:  # rows seen while scrolling a long list
            self._line_cache.clear()
        self._line_cache[key] = strip
        return strip

    def row_pieces(self, article: Article, width: int) -> list[tuple[str, Style]]:
        """One row: marks, date, title, then source, language and tags when there is room."""
        plain = Style()
        dim = self._style("dim")
        head = [
            ("●" if not article.read else " ", self._style("tag")),
            ("★" if article.starred else " ", self._style("star")),
            (" ", plain),
            # Always with the year: 2017 and 2025 must not look alike. Right-aligned days.
            (f"{list_date(article.published):>11} ", dim),
        ]
        tail: list[tuple[str, Style]] = []
        if width >= 70:
            tail.append((f" {clean_line(article.source)[:14]:<14}", dim))
            tail.append((f" {(clean_line(article.lang) or '--')[:2]:<2}", dim))
            if article.tags:
                tags = " ".join("#" + clean_line(t) for t in article.tags)
                tail.append(
                    (" " + set_cell_size(tags, min(24, cell_len(tags))), self._style("tag"))
                )
        used = sum(cell_len(text) for text, _ in head) + sum(cell_len(text) for text, _ in tail)
        room = max(4, width - used)
        title = clean_line(article.title) or "(untitled)"
        if cell_len(title) > room:
            title = set_cell_size(title, room - 1) + "…"
        else:
            title = set_cell_size(title, room)
        title_style = self._style("unread") if not article.read else plain
        return [*head, (title, title_style), *tail]

    def row_text(self, article: Article, width: int) -> Text:
        """The row as rich Text (for tests and exports of what the list shows)."""
        text = Text(end="")
        for piece, style in self.row_pieces(article, width):
            text.append(piece, style)
        return text
