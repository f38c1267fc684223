"""Small messages that workers and widgets post to the app."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from briefing.models import Analysis


@dataclass
class AnalysisReady(Message):
    """An article's analysis is available (from the cache or freshly computed)."""

    article_id: str
    analysis: Analysis


@dataclass
class Progress(Message):
    """A background task moved on; only the newest one matters, so they replace each other."""

    task: str
    done: int
    total: int | None = None
    text: str | None = None  # the status line, when "task… done/total" would not say it well

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, Progress) and message.task == self.task


@dataclass
class TaskFinished(Message):
    """A background task ended; `error` is set when it failed."""

    task: str
    summary: str
    error: str | None = None


@dataclass
class IndexReady(Message):
    """The filter index finished building (bodies included)."""

    complete: bool


@dataclass
class ListLoaded(Message):
    """The store is loaded after first paint (it was opened from its list head): every
    article for the list and the search index, or why loading failed."""

    articles: list
    index: object = None
    error: str = ""


@dataclass
class ArticlesChanged(Message):
    """Articles were added (added=True) or re-analysed; lists and indexes should refresh."""

    ids: list[str]
    added: bool = False
    analysed: bool = False  # a batch of the backlog: only what filters see has changed


@dataclass
class OpenArticle(Message):
    """The article list asks the app to show an article."""

    article_id: str
    focus_reader: bool = False

    def can_replace(self, message: Message) -> bool:
        # Holding j queues many of these: only the article the cursor stops on is opened.
        return isinstance(message, OpenArticle) and not message.focus_reader


@dataclass
class JumpTo(Message):
    """The facts panel asks the reader to show a span of the open article."""

    start: int
    end: int


@dataclass
class FeedRefreshed(Message):
    """One feed of a refresh is done (done of total); `line` says how, `added` its new ids."""

    line: str
    added: list[str]
    done: int
    total: int
    failed: bool = False


@dataclass
class StoriesReady(Message):
    """The stories are grouped; `article_id` is the article whose story to show first."""

    stories: list
    article_id: str | None
