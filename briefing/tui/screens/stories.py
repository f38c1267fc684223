"""The stories screen: every story (dates, languages, article count, title); Enter lists its
articles, Enter on one opens it with the list filtered to its story; x exports the story."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefing.tui import bindings
from briefing.tui.textsafe import clean_line
from briefing.tui.wording import plural

# Dismissed with ("open", story id, article id), ("export", story id) or None.
Choice = tuple[str, ...] | None


class StoriesScreen(ModalScreen[Choice]):
    BINDINGS = [*bindings.STORIES, *(b for b in bindings.DIALOG if b.id == "cancel")]

    def __init__(
        self,
        stories: list[Any],
        articles: dict[str, Any],
        current: str | None,
        copies_of: Callable[[Any], dict[str, list[str]]] | None = None,
    ) -> None:
        """`stories`: stories.Story list; `articles`: id -> Article; `current`: open article;
        `copies_of(story)`: its wire copies (first -> the others), shown as one row."""
        super().__init__()
        self.copies_of = copies_of
        self.stories = stories
        self.articles = articles
        self.current = current
        self.story: Any = None  # the story whose articles are listed, or None: all stories

    def _story_prompt(self, story: Any) -> Text:
        days = story.first or "undated"
        if story.last and story.last != story.first:
            days = f"{story.first}..{story.last[5:]}"
        prompt = Text(f"{days:17} ", style="dim", end="")
        prompt.append(f"{','.join(story.langs) or '-':5} ", style="dim")
        prompt.append(f"{len(story.article_ids):3}  ", style="bold")
        prompt.append(clean_line(story.title), style="italic" if story.titled_by_user else "")
        return prompt

    def _article_prompt(self, article_id: str, copies: list[str] = ()) -> Text:
        article = self.articles.get(article_id)
        if article is None:
            return Text(article_id, end="")
        prompt = Text(f"{(article.published or '')[:10]:10} ", style="dim", end="")
        prompt.append(f"{clean_line(article.source or '-')[:18]:18} ", style="dim")
        prompt.append(clean_line(article.title))
        if copies:
            outlets = [
                clean_line(getattr(self.articles.get(c), "source", None) or "?") for c in copies
            ]
            prompt.append(
                f"  +{plural(len(copies), 'copy', 'copies')}: {', '.join(outlets)}", style="dim"
            )
        return prompt

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog entity-index"):
            yield Static(id="stories-title")
            yield OptionList(id="stories")

    def on_mount(self) -> None:
        self.show_stories(self.current)

    @property
    def options(self) -> OptionList:
        return self.query_one("#stories", OptionList)

    def show_stories(self, article_id: str | None = None) -> None:
        """Every story, the cursor on the one holding `article_id` (the open article's story)."""
        self.story = None
        title = f"Stories ({len(self.stories)}) — Enter: its articles · x: export it"
        self.query_one("#stories-title", Static).update(Text(title, style="bold"))
        self.options.clear_options()
        self.options.add_options([Option(self._story_prompt(s), id=s.id) for s in self.stories])
        at = next((n for n, s in enumerate(self.stories) if article_id in s.article_ids), 0)
        if self.stories:
            self.options.highlighted = at
        self.options.focus()

    def show_articles(self, story: Any) -> None:
        self.story = story
        title = Text(clean_line(story.title), style="bold")
        title.append(
            f"\n{plural(len(story.article_ids), 'article')}, "
            f"{', '.join(clean_line(s) for s in story.sources) or 'no source'}"
            " — Enter opens · x exports · Escape: back",
            style="dim",
        )
        self.query_one("#stories-title", Static).update(title)
        copies = self.copies_of(story) if self.copies_of is not None else {}
        folded = {c for group in copies.values() for c in group}
        shown = [i for i in story.article_ids if i not in folded]
        self.options.clear_options()
        self.options.add_options(
            [Option(self._article_prompt(i, copies.get(i, [])), id=i) for i in shown]
        )
        at = shown.index(self.current) if self.current in shown else 0
        self.options.highlighted = at

    def _highlighted_story(self) -> Any:
        if self.story is not None:
            return self.story
        index = self.options.highlighted
        return self.stories[index] if index is not None and self.stories else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.story is None:
            story = next((s for s in self.stories if s.id == event.option.id), None)
            if story is not None:
                self.show_articles(story)
        elif event.option.id:
            self.dismiss(("open", self.story.id, event.option.id))

    def action_move(self, step: int) -> None:
        if step > 0:
            self.options.action_cursor_down()
        else:
            self.options.action_cursor_up()

    def action_export_story(self) -> None:
        story = self._highlighted_story()
        if story is not None:
            self.dismiss(("export", story.id))

    def action_cancel(self) -> None:
        if self.story is not None:
            self.show_stories(self.story.article_ids[0] if self.story.article_ids else None)
        else:
            self.dismiss(None)
