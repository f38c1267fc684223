"""The user's story edits: move articles, merge and split stories, retitle; undoable.

Kept in the store as one setting (a list in the order made: the user's own work, never
derived, like corrections and identity edits) and applied on top of the automatic groups
each time stories are read, so a regroup never loses them and undo is dropping one.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

SETTING = "story_edits"
ACTIONS = ("move", "merge", "split", "title")


@dataclass(frozen=True)
class StoryEdit:
    """move: `articles` go to `target`. merge: every article of `story` goes to `target`.
    split: `articles` leave `story` for a new story `target`. title: `story` is called `title`."""

    id: str
    action: str
    story: str | None = None
    target: str | None = None
    articles: list[str] = field(default_factory=list)
    title: str | None = None
    created: str | None = None


def apply(
    groups: dict[str, list[str]], edits: Iterable[StoryEdit]
) -> tuple[dict[str, list[str]], dict[str, str]]:
    """The groups after the edits (story -> article ids), and the titles the user gave."""
    story_of = {a: s for s, members in groups.items() for a in members}
    order = {a: i for i, a in enumerate(a for members in groups.values() for a in members)}
    titles: dict[str, str] = {}
    for edit in edits:
        if edit.action in ("move", "split") and edit.target:
            for article in edit.articles:
                if article in story_of:
                    story_of[article] = edit.target
        elif edit.action == "merge" and edit.story and edit.target:
            for article, story in story_of.items():
                if story == edit.story:
                    story_of[article] = edit.target
            if edit.story in titles and edit.target not in titles:
                titles[edit.target] = titles[edit.story]
        elif edit.action == "title" and edit.story:
            if edit.title:
                titles[edit.story] = edit.title
            else:
                titles.pop(edit.story, None)
    result: dict[str, list[str]] = {}
    for article in sorted(story_of, key=order.__getitem__):
        result.setdefault(story_of[article], []).append(article)
    return result, {s: t for s, t in titles.items() if s in result}


def load(store: Any) -> list[StoryEdit]:
    return [StoryEdit(**row) for row in store.get_setting(SETTING, []) or []]


def _save(store: Any, edits: list[StoryEdit]) -> None:
    store.set_setting(SETTING, [asdict(e) for e in edits] or None)


def record(store: Any, action: str, **fields: Any) -> StoryEdit:
    """Store one edit (after the ones before it) and return it."""
    if action not in ACTIONS:
        raise ValueError(f"a story edit is one of {', '.join(ACTIONS)}")
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    edit = StoryEdit(uuid.uuid4().hex[:12], action, created=now, **fields)
    _save(store, [*load(store), edit])
    return edit


def new_story_id() -> str:
    """A story the user made by splitting: "u" keeps it apart from automatic ids ("s...")."""
    return "u" + uuid.uuid4().hex[:11]


def undo(store: Any, edit_id: str | None = None) -> StoryEdit | None:
    """Remove one edit (the last when no id is given); return it, or None."""
    edits = load(store)
    gone = next((e for e in reversed(edits) if edit_id in (None, e.id)), None)
    if gone is not None:
        _save(store, [e for e in edits if e is not gone])
    return gone
