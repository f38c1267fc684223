"""One story as one Markdown briefing: sources, who's who, timeline, who said what, sourcing,
the reader's highlights and notes, links back; the same kept sections and Obsidian options."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from briefing.entities.display import rename_facts
from briefing.export import text
from briefing.export.files import ExportStore, load_bundle, write_note
from briefing.export.frontmatter import MARKER_KEY, MARKER_VALUE, front_matter
from briefing.export.render import (
    ArticleBundle,
    ExportOptions,
    _article_context,
    _render,
    _stamp,
    _tags,
    entities_by_kind,
)
from briefing.stories import near_dups, speakers, timeline
from briefing.stories.stories import Story

STORY_TEMPLATE = "story.md.j2"


def story_file_name(story: Story) -> str:
    slug = text.slugify(story.title, 60)
    return f"story-{story.id}-{slug}.md" if slug else f"story-{story.id}.md"


def _copies(bundles: list[ArticleBundle]) -> tuple[list[dict[str, Any]], set[str]]:
    """Wire copies shown once: the first of each group with the outlets that reposted it."""
    by_id = {b.article.id: b.article for b in bundles}
    groups = near_dups.near_duplicates({i: a.body or "" for i, a in by_id.items()})
    shown, folded = [], set()
    for group in groups:
        original = by_id[group[0]]
        copies = []
        for other in group[1:]:
            copy = by_id[other]
            folded.add(other)
            change = near_dups.changes(
                (original.title, original.body or ""), (copy.title, copy.body or "")
            )
            copies.append({"article": copy, "changes": change})
        shown.append({"original": original, "copies": copies})
    return shown, folded


def story_context(story: Story, bundles: list[ArticleBundle]) -> dict[str, Any]:
    items = [(b.article, b.analysis) for b in bundles]
    copies, folded = _copies(bundles)
    entities = {k: [] for k in ("people", "organizations", "places", "misc")}
    for bundle in bundles:
        for kind, names in entities_by_kind(bundle.analysis).items():
            entities[kind] += [n for n in names if n not in entities[kind]]
    return {
        "story": story,
        "articles": [_article_context(b) for b in bundles],
        "copies": copies,
        "folded": folded,
        "people": speakers.whos_who(items),
        "entities": entities,
        "events": timeline.timeline(items),
        "disagreements": timeline.disagreements(items),
        "speakers": speakers.who_said_what(items),
        "sourcing": speakers.sourcing(items),
    }


def story_front_matter(
    story: Story, bundles: list[ArticleBundle], options: ExportOptions, stamp: str
) -> str:
    tags = [t for b in bundles for t in b.article.tags]
    data: dict[str, Any] = {
        "title": text.one_line(story.title),
        "story": story.id,
        "first": story.first,
        "last": story.last,
        "languages": story.langs,
        "sources": [text.one_line(s) for s in story.sources],
        "articles": [b.article.id for b in bundles],
        "tags": _tags(tags, options.obsidian),
        "exported_at": stamp,
        MARKER_KEY: MARKER_VALUE,
        "briefing_kind": "story",
    }
    return front_matter(data)


def render_story(
    story: Story, bundles: list[ArticleBundle], options: ExportOptions, now: datetime | None = None
) -> str:
    stamp = _stamp(now)
    context = story_context(story, bundles)
    context.update(
        title=text.one_line(story.title),
        front_matter=story_front_matter(story, bundles, options, stamp),
        exported_at=stamp,
    )
    return _render(STORY_TEMPLATE, options, context)


def export_story(
    store: ExportStore,
    story: Story,
    out: Path,
    *,
    options: ExportOptions,
    now: datetime | None = None,
) -> Path:
    """Write the story's briefing into `out` (a folder, or a .md file) and return its path."""
    bundles = []
    for article_id in story.article_ids:
        bundle = load_bundle(store, article_id)
        rename_facts(bundle.analysis, options.names)
        bundles.append(bundle)
    out = Path(out).expanduser()
    path = out if out.suffix.lower() == ".md" else out / story_file_name(story)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_note(path, render_story(story, bundles, options, now), force=options.force)
    return path
