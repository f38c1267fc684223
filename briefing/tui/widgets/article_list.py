"""The article list: a line-API widget that renders only the rows on screen."""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from briefing.models import Article
from briefing.tui import bindings
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
        text = self.row_text(self.articles[row], width)
        if row == self.cursor:
            text.stylize(self.get_component_rich_style("article-list--cursor"))
        strip = Strip(list(text.render(self.app.console, end="")), text.cell_len)
        strip = strip.adjust_cell_length(width, base).simplify()
        self._line_cache[key] = strip
        return strip

    def row_text(self, article: Article, width: int) -> Text:
        """One row: marks, date, title, then source, language and tags when there is room."""
        dim = self.get_component_rich_style("article-list--dim")
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        text.append(
            "●" if not article.read else " ", self.get_component_rich_style("article-list--tag")
        )
        text.append(
            "★" if article.starred else " ", self.get_component_rich_style("article-list--star")
        )
        text.append(" ")
        date = (article.published or "")[:10]
        text.append(f"{date:<10} " if width >= 60 else f"{date[5:]:<5} ", dim)
        title_style = (
            self.get_component_rich_style("article-list--unread") if not article.read else None
        )
        title = clean_line(article.title) or "(untitled)"
        extras = Text(end="")
        if width >= 70:
            source = clean_line(article.source)[:14]
            extras.append(f" {source:<14}", dim)
            extras.append(f" {(clean_line(article.lang) or '--')[:2]:<2}", dim)
            if article.tags:
                extras.append(
                    " " + " ".join("#" + clean_line(t) for t in article.tags)[:24],
                    self.get_component_rich_style("article-list--tag"),
                )
        room = max(4, width - text.cell_len - extras.cell_len)
        title_text = Text(title, style=title_style or "", end="")
        title_text.truncate(room, overflow="ellipsis", pad=True)
        text.append_text(title_text)
        text.append_text(extras)
        text.truncate(width, overflow="ellipsis")
        return text
