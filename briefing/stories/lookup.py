"""`story:` in the filter language: a story id (or its start) or words of its title -> articles."""

from __future__ import annotations

from typing import Any

from briefing.query.normalize import joined
from briefing.stories import edits


def members(store: Any, value: str) -> set[str]:
    """Ids of the articles in the stories `value` names (as the store last grouped them)."""
    if not hasattr(store, "story_groups"):
        return set()
    grouped, titles = edits.apply(store.story_groups(), edits.load(store))
    wanted = joined(value)
    found: set[str] = set()
    for story, ids in grouped.items():
        if story.startswith(value.strip()):
            found.update(ids)
            continue
        title = titles.get(story)
        if title is None and ids:
            first = store.get(ids[0])
            title = first.title if first else ""
        if wanted.strip() and wanted in joined(title or ""):
            found.update(ids)
    return found
