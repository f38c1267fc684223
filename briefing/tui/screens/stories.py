"""The stories screen: every story (dates, languages, article count, title); Enter lists its
articles, Enter on one opens it with the list filtered to its story; x exports the story;
+ merges a story into another, - splits an article off, r retitles, ctrl+z undoes."""

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
        edit: Callable[..., list[Any] | None] | None = None,
    ) -> None:
        """`stories`: stories.Story list; `articles`: id -> Article; `current`: open article;
        `copies_of(story)`: its wire copies (first -> the others), shown as one row;
        `edit(action, *args)`: makes a story edit, returns the stories after it (None: failed)."""
        super().__init__()
        self.copies_of = copies_of
        self.edit = edit
        self.marked: Any = None  # the story `+` will merge into the next one chosen
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
        title = (
            f"Stories ({len(self.stories)}) — Enter: its articles · x: export · + merge into · "
            "r: retitle · ctrl+z: undo"
        )
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
            " — Enter opens · x exports · -: split off · Escape: back",
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

    # the user's edits -----------------------------------------------------------------------
    def _edited(self, action: str, *args: Any, say: str, focus: str | None = None) -> None:
        if self.edit is None:
            return
        stories = self.edit(action, *args)
        if stories is None:
            return  # the app said why
        self.stories = stories
        self.notify(say)
        if self.story is not None:
            story = next((s for s in stories if focus in s.article_ids), None)
            if story is not None:
                self.show_articles(story)
                return
        self.show_stories(focus)

    def action_merge_story(self) -> None:
        if self.story is not None:
            return
        story = self._highlighted_story()
        if story is None:
            return
        if self.marked is None or self.marked.id == story.id:
            self.marked = story
            self.notify(f"merge “{clean_line(story.title)}” into…: choose another, press + again")
            return
        source, self.marked = self.marked, None
        self._edited(
            "merge",
            source.id,
            story.id,
            say=f"merged into “{clean_line(story.title)}”",
            focus=story.article_ids[0],
        )

    def action_split_story(self) -> None:
        if self.story is None or len(self.story.article_ids) < 2:
            return
        article_id = self.options.get_option_at_index(self.options.highlighted or 0).id
        self._edited(
            "split", self.story.id, [article_id], say="split off into a story of its own",
            focus=article_id,
        )  # fmt: skip

    def action_retitle_story(self) -> None:
        from briefing.tui.screens.dialogs import AskText

        story = self._highlighted_story()
        if story is None:
            return

        def done(title: str | None) -> None:
            if title is not None:
                self._edited("retitle", story.id, title, say="retitled", focus=story.article_ids[0])

        self.app.push_screen(
            AskText("Story title ('' gives back the automatic one)", value=story.title), done
        )

    def action_undo_story_edit(self) -> None:
        story = self._highlighted_story()
        self._edited("undo", say="undone", focus=story.article_ids[0] if story else None)

    def action_export_story(self) -> None:
        story = self._highlighted_story()
        if story is not None:
            self.dismiss(("export", story.id))

    def action_cancel(self) -> None:
        if self.story is not None:
            self.show_stories(self.story.article_ids[0] if self.story.article_ids else None)
        else:
            self.dismiss(None)
