"""Stories through the store: incremental update after import, full regroup, user edits."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from briefing.stories import edits
from briefing.stories.features import ArticleFeatures, features_of
from briefing.stories.grouping import Grouper, in_order, regroup
from briefing.stories.stories import Story, compose


def all_features(store: Any, ids: Iterable[str] | None = None) -> list[ArticleFeatures]:
    """Features of the analysed articles (of `ids` only, when given)."""
    summaries = store.summaries()
    wanted = set(summaries) if ids is None else set(ids) & set(summaries)
    articles = {a.id: a for a in store.articles() if a.id in wanted}
    found = []
    for article_id, body in store.iter_bodies():
        if article_id in articles:
            found.append(features_of(articles[article_id], summaries[article_id], body))
    return found


def regroup_store(store: Any) -> int:
    """Group every analysed article from scratch; returns the number of stories."""
    grouper = regroup(all_features(store))
    store.put_story_groups(dict(grouper.members), replace=True)
    return len(grouper.members)


class Keeper:
    """The automatic groups kept in memory, so each new article is assigned in milliseconds.

    Loading costs one pass over the grouped articles' features; `write=False` (a read-only
    store: the reader holds it) keeps new assignments in memory only.
    """

    def __init__(self, store: Any, *, write: bool = True) -> None:
        self.store = store
        self.write = write and not getattr(store, "readonly", False)
        self.grouper = Grouper()
        groups = store.story_groups()
        story_of = {a: s for s, ids in groups.items() for a in ids}
        for f in in_order(all_features(store, story_of)):
            self.grouper.place(f, story_of[f.id])

    def assign(self, features: Iterable[ArticleFeatures]) -> dict[str, str]:
        """Assign new articles (publication order), write the groups they changed."""
        placed = {}
        for f in in_order(features):
            if f.id not in self.grouper.story_of:
                placed[f.id] = self.grouper.assign(f)
        if placed and self.write:
            changed = {s: self.grouper.members[s] for s in set(placed.values())}
            self.store.put_story_groups(changed)
        return placed

    def groups(self) -> dict[str, list[str]]:
        return {s: list(ids) for s, ids in self.grouper.members.items()}


def update(store: Any) -> dict[str, str]:
    """Give every analysed article not in a story yet its story; article -> story placed."""
    return _bring_up_to_date(store)[1]


def _bring_up_to_date(store: Any) -> tuple[dict[str, list[str]], dict[str, str]]:
    groups = store.story_groups()
    grouped = {a for ids in groups.values() for a in ids}
    new = set(store.summaries()) - grouped
    if not new:
        return groups, {}
    if not groups:  # nothing grouped yet: regroup weighs keys over everything at once
        grouper = regroup(all_features(store))
        if not store.readonly:
            store.put_story_groups(dict(grouper.members), replace=True)
        return dict(grouper.members), dict(grouper.story_of)
    keeper = Keeper(store)
    placed = keeper.assign(all_features(store, new))
    return keeper.groups(), placed


def stories(store: Any, *, update_first: bool = True) -> list[Story]:
    """The stories in force (automatic groups + the user's edits), latest first.

    `update_first` groups analysed articles not in a story yet (in memory only when the
    store is read-only), so a list is never missing the latest articles.
    """
    groups = _bring_up_to_date(store)[0] if update_first else store.story_groups()
    return compose(
        groups,
        edits.load(store),
        {a.id: a for a in store.articles()},
        store.summaries(),
    )


def story_of(all_stories: list[Story], article_id: str) -> Story | None:
    return next((s for s in all_stories if article_id in s.article_ids), None)


def move(store: Any, article_ids: list[str], target: str) -> edits.StoryEdit:
    return edits.record(store, "move", target=target, articles=list(article_ids))


def merge(store: Any, story: str, target: str) -> edits.StoryEdit:
    if story == target:
        raise ValueError("a story cannot be merged into itself")
    return edits.record(store, "merge", story=story, target=target)


def split(store: Any, story: str, article_ids: list[str]) -> edits.StoryEdit:
    """The given articles leave `story` for a new story of their own."""
    return edits.record(
        store, "split", story=story, target=edits.new_story_id(), articles=list(article_ids)
    )


def retitle(store: Any, story: str, title: str | None) -> edits.StoryEdit:
    return edits.record(store, "title", story=story, title=(title or "").strip() or None)
