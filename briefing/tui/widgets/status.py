"""The status bar: what the reader is doing, with a progress bar while a task runs."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import ProgressBar, Static


class StatusBar(Horizontal):
    """One line above the footer; the progress bar shows only while work runs."""

    DEFAULT_CSS = """
    StatusBar { height: 1; background: $panel; }
    StatusBar #status-text { width: 1fr; height: 1; padding: 0 1; }
    StatusBar ProgressBar { width: 40; height: 1; display: none; }
    StatusBar.-busy ProgressBar { display: block; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="status-text")
        yield ProgressBar(id="progress", show_eta=False)

    def say(self, message: str) -> None:
        # query, not query_one: a worker's last message may arrive while the app is closing
        # and the bar's children are already gone.
        for text in self.query("#status-text").results(Static):
            text.update(Text(message, end=""))

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._tasks: set[str] = set()  # running tasks; not "_running", which Textual owns

    def progress(self, task: str, done: int, total: int | None) -> None:
        self._tasks.add(task)
        self.add_class("-busy")
        for bar in self.query(ProgressBar):
            bar.update(total=total, progress=done)
        # No "0" while the size of the work is unknown (loading a pipeline): just "analysing…".
        suffix = f" {done}/{total}" if total else (f" {done}" if done else "")
        self.say(f"{task}…{suffix}")

    def finished(self, task: str, message: str) -> None:
        self._tasks.discard(task)
        self.set_class(bool(self._tasks), "-busy")
        self.say(message)

    @property
    def busy(self) -> bool:
        return bool(self._tasks)
