"""Stories through the store: incremental update after import, full regroup, user edits."""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterable
from typing import Any

from briefing.stories import edits
from briefing.stories.features import VERSION, ArticleFeatures, features_of
from briefing.stories.grouping import WINDOW_DAYS, Grouper, in_order, regroup
from briefing.stories.stories import Story, compose

# Above this many articles to compute, one sequential pass over the bodies pack beats
# reading each body where it lies.
SEQUENTIAL_READ = 200


def all_features(store: Any, ids: Iterable[str] | None = None) -> list[ArticleFeatures]:
    """Features of the analysed articles (of `ids` only, when given): those the store keeps,
    the others made from the bodies and kept (unless the store is read-only). The store drops
    an article's kept features when it is analysed again; rows of an older `VERSION` are
    made again."""
    kept = store.story_features()
    summaries = store.summaries() if ids is None else None
    wanted = set(summaries) if summaries is not None else set(ids or ())
    # rows of an older version count as missing: made again with what grouping now compares
    current = {i for i in wanted if i in kept and kept[i].get("version") == VERSION}
    found = [ArticleFeatures.from_row(kept[i]) for i in current]
    missing = [i for i in wanted if i not in current]
    if missing:
        if summaries is None:
            summaries = store.summaries(missing)  # only analysed articles have one
        made = _make_features(store, [i for i in missing if i in summaries], summaries)
        if made and not store.readonly:
            store.put_story_features([f.to_row() for f in made])
        found += made
    return found


def _make_features(store: Any, ids: list[str], summaries: dict) -> list[ArticleFeatures]:
    wanted = set(ids)
    if len(wanted) <= SEQUENTIAL_READ:
        bodies = ((article_id, store.body(article_id)) for article_id in ids)
        articles = {article_id: store.get(article_id) for article_id in ids}
    else:
        bodies = ((i, body) for i, body in store.iter_bodies() if i in wanted)
        articles = {a.id: a for a in store.articles() if a.id in wanted}
    return [
        features_of(articles[article_id], summaries[article_id], body)
        for article_id, body in bodies
    ]


def regroup_store(store: Any) -> int:
    """Group every analysed article from scratch; returns the number of stories."""
    grouper = regroup(all_features(store))
    store.put_story_groups(dict(grouper.members), replace=True)
    return len(grouper.members)


class Keeper:
    """The automatic groups kept in memory, so each new article is assigned in milliseconds.

    Loading reads the grouped articles' stored features and counts their keys (rarity is
    weighed over every article, as a regroup does); only the articles within `WINDOW_DAYS` of
    the ones being assigned are indexed, since no other can be alike. `write=False` (or a
    read-only store) keeps new assignments in memory only.
    """

    def __init__(self, store: Any, *, write: bool = True) -> None:
        self.store = store
        self.write = write and not getattr(store, "readonly", False)
        groups = store.story_groups()
        grouped = {a for ids in groups.values() for a in ids}
        collecting = gc.isenabled()
        # 20,000 key sets built beside the store's millions of objects: each full collection
        # would walk them all again (loading 10,000: 0.84 s with collections, 0.30 without)
        gc.disable()
        try:
            self._features = {f.id: f for f in all_features(store, grouped)}
            names: Counter[str] = Counter()
            found: Counter[str] = Counter()
            for f in self._features.values():  # counted bare, prefixed once per distinct key
                names.update(f.identities)
                found.update(f.words)
        finally:
            if collecting:
                gc.enable()
        counts = {"i:" + k: n for k, n in names.items()}
        counts.update(("w:" + k, n) for k, n in found.items())
        self.grouper = Grouper(counts, len(self._features), counting=True)
        self.grouper.adopt(
            {
                story: kept
                for story, ids in groups.items()
                if (kept := [a for a in ids if a in self._features])
            }
        )

    def assign(self, features: Iterable[ArticleFeatures]) -> dict[str, str]:
        """Assign new articles (publication order), write the groups they changed."""
        new = [f for f in in_order(features) if f.id not in self.grouper.story_of]
        self._index_near(new)
        placed = {f.id: self.grouper.assign(f) for f in new}
        self._features.update((f.id, f) for f in new)
        if placed and self.write:
            changed = {s: self.grouper.members[s] for s in set(placed.values())}
            self.store.put_story_groups(changed)
        return placed

    def _index_near(self, new: list[ArticleFeatures]) -> None:
        """Index the grouped articles that could be alike the new ones: within the window of
        their days (undated articles match any day)."""
        days = [f.day for f in new]
        if not days:
            return
        anywhen = None in days
        low = 0 if anywhen else min(days) - WINDOW_DAYS
        high = 0 if anywhen else max(days) + WINDOW_DAYS
        for f in self._features.values():
            if anywhen or f.day is None or low <= f.day <= high:
                self.grouper.index(f)

    def groups(self) -> dict[str, list[str]]:
        return {s: list(ids) for s, ids in self.grouper.members.items()}


def update(store: Any) -> dict[str, str]:
    """Give every analysed article not in a story yet its story; article -> story placed."""
    return _bring_up_to_date(store)[1]


def join_stories(store: Any, ids: Iterable[str], keeper: Keeper | None = None) -> Keeper | None:
    """Put just-analysed articles in their stories, right after their analysis.

    Returns the keeper to hand back next time, so a backlog analysed a batch at a time loads
    the groups once. A store never grouped is grouped whole first (a regroup weighs keys over
    every article at once); a read-only store is left alone.
    """
    if store.readonly:
        return keeper
    if keeper is None:
        if not store.story_groups():
            update(store)
            return None
        keeper = Keeper(store)
    keeper.assign(all_features(store, ids))
    return keeper


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
