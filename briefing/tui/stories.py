"""The reader's story actions: S shows the stories (on the open article's), x in them exports one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import work

from briefing.store import StoreError
from briefing.tui.messages import StoriesReady, TaskFinished
from briefing.tui.screens.dialogs import AskText

TASK = "grouping stories"


class StoryActions:
    """Mixed into BriefingApp; expects store, services, config, status, set_filter, open_id."""

    store: Any
    services: Any
    config: Any

    def action_stories(self) -> None:
        self.status.say(f"{TASK}…")
        self.load_stories(self.open_id or getattr(self.article_list.current, "id", None))

    @work(thread=True, exclusive=True, group="stories")
    def load_stories(self, article_id: str | None) -> None:
        """Group articles analysed since the last time, then list every story (a worker:
        the first grouping of a large store takes seconds)."""
        try:
            found = self.services.stories(self.store)
        except Exception as exc:  # reported, not raised: the reader stays usable
            self.post_message(TaskFinished(TASK, "", error=f"stories failed: {exc}"))
            return
        self.post_message(StoriesReady(found, article_id))

    def on_stories_ready(self, message: StoriesReady) -> None:
        from briefing.tui.screens.stories import StoriesScreen  # loaded when first shown

        if self._shutting_down():
            return
        self.status.finished(TASK, f"{len(message.stories)} stories")
        by_id = {s.id: s for s in message.stories}

        def done(choice: tuple[str, ...] | None) -> None:
            if not choice:
                return
            if choice[0] == "open":
                _, story_id, article_id = choice
                self.open_article(article_id)  # first: the filtered list keeps it under the cursor
                self.set_filter(f"story:{story_id}")
                self.article_list.focus()
            elif choice[0] == "export" and choice[1] in by_id:
                self._ask_story_folder(by_id[choice[1]])

        def copies_of(story: Any) -> dict[str, list[str]]:
            try:
                return self.services.story_copies(self.store, story)
            except StoreError:  # a damaged body: every article listed, none folded
                return {}

        def edit(action: str, *args: Any) -> list | None:
            """A story edit, then the stories after it (grouping is not run again)."""
            try:
                done = self.services.story_edit(self.store, action, *args)
                if action == "undo" and done is None:
                    self.notify("no story edit to undo")
                    return None
                return self.services.stories(self.store)
            except (StoreError, ValueError) as exc:  # read-only, or a story into itself
                self.notify(str(exc), title="story not changed", severity="warning")
                return None

        screen = StoriesScreen(message.stories, self.by_id, message.article_id, copies_of, edit)
        self.push_screen(screen, done)

    def _ask_story_folder(self, story: Any) -> None:
        default_dir = self.config.export_dir or str(Path.cwd() / "briefing-export")

        def to(folder: str | None) -> None:
            if folder:
                self.export_story(story, Path(folder).expanduser())

        self.push_screen(AskText(f"Export the story “{story.id}” to folder", value=default_dir), to)

    @work(thread=True, exclusive=True, group="export")
    def export_story(self, story: Any, out: Path) -> None:
        try:
            path = self.services.export_story(
                self.store, story, out, obsidian=self.config.obsidian, names=self.config.names
            )
        except Exception as exc:  # reported, not raised: the reader stays usable
            self.post_message(TaskFinished("exporting", "", error=f"export failed: {exc}"))
            return
        self.post_message(TaskFinished("exporting", f"exported the story to {path}"))
