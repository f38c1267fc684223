"""The stories in force: automatic groups with the user's edits applied, each described."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from briefing.models import Article, ArticleSummary
from briefing.stories.edits import StoryEdit, apply

TOP_ENTITIES = 8


@dataclass
class Story:
    id: str
    title: str
    article_ids: list[str]  # publication order
    first: str | None = None  # ISO day of the earliest dated article
    last: str | None = None
    langs: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    top_entities: list[tuple[str, str, int]] = field(default_factory=list)  # (id, name, articles)
    titled_by_user: bool = False

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "titled_by_user": self.titled_by_user,
            "first": self.first,
            "last": self.last,
            "langs": self.langs,
            "sources": self.sources,
            "top_entities": [{"id": i, "name": n, "articles": c} for i, n, c in self.top_entities],
            "articles": self.article_ids,
        }


def describe(
    story_id: str,
    members: list[Article],
    summaries: dict[str, ArticleSummary],
    title: str | None = None,
) -> Story:
    """A story's title, dates, languages, sources and most shared entities."""
    members = sorted(members, key=lambda a: (a.published is None, a.published or "", a.id))
    days = [a.published[:10] for a in members if a.published]
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    for article in members:
        summary = summaries.get(article.id)
        seen = {row[1]: row[2] for row in (summary.identities if summary else ()) if row[1]}
        counts.update(seen.keys())
        for key, name in seen.items():
            names.setdefault(key, name)
    return Story(
        id=story_id,
        title=title or (members[0].title if members else story_id),
        article_ids=[a.id for a in members],
        first=min(days) if days else None,
        last=max(days) if days else None,
        langs=sorted({a.lang for a in members if a.lang}),
        sources=sorted({a.source for a in members if a.source}),
        top_entities=[(k, names[k], c) for k, c in counts.most_common(TOP_ENTITIES)],
        titled_by_user=title is not None,
    )


def compose(
    groups: dict[str, list[str]],
    edits: Iterable[StoryEdit],
    articles: dict[str, Article],
    summaries: dict[str, ArticleSummary],
) -> list[Story]:
    """Every story (articles the store no longer holds left out), the latest first."""
    grouped, titles = apply(groups, edits)
    stories = []
    for story_id, ids in grouped.items():
        members = [articles[i] for i in ids if i in articles]
        if members:
            stories.append(describe(story_id, members, summaries, titles.get(story_id)))
    stories.sort(key=lambda s: (s.last or "", len(s.article_ids), s.id), reverse=True)
    return stories


def find(stories: list[Story], key: str) -> list[Story]:
    """Stories whose id starts with `key` (an exact id wins)."""
    exact = [s for s in stories if s.id == key]
    return exact or [s for s in stories if s.id.startswith(key)]
