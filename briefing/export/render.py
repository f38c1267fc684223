"""Articles and briefings rendered to Markdown through Jinja2 templates (data in, text out)."""

from __future__ import annotations

import re
import traceback
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from briefing.export import preserve, text
from briefing.export.frontmatter import (
    MARKER_KEY,
    MARKER_VALUE,
    front_matter,
    yaml_value,
)
from briefing.models import Analysis, Article, Facts, Highlight

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
ARTICLE_TEMPLATE = "article.md.j2"
BRIEFING_TEMPLATE = "briefing.md.j2"
ENTITY_KINDS = ("people", "organizations", "places", "misc")
_LABEL_KIND = {"PER": "people", "ORG": "organizations", "LOC": "places", "MISC": "misc"}


@dataclass
class ExportOptions:
    obsidian: bool = False  # #tags, [[wikilinks]], ^block-ids on highlights
    template: Path | None = None  # a user's copy of article.md.j2 (or briefing.md.j2 for one file)
    force: bool = False  # overwrite files briefing did not make


@dataclass
class ArticleBundle:
    """Everything an exported article shows: the article (with body), highlights, analysis."""

    article: Article
    highlights: list[Highlight] = field(default_factory=list)
    analysis: Analysis | None = None


class ExportTemplateError(Exception):
    """A template cannot be loaded or rendered; the message names the file and line."""


def _stamp(now: datetime | None) -> str:
    return (now or datetime.now(UTC)).isoformat(timespec="seconds")


def _unique(names: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for name in names:
        name = text.one_line(name)
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            out.append(name)
    return out


def entities_by_kind(analysis: Analysis | None) -> dict[str, list[str]]:
    """Entity names per kind: the merged facts when present, else the raw entity labels."""
    kinds: dict[str, list[str]] = {kind: [] for kind in ENTITY_KINDS}
    if analysis is None:
        return kinds
    facts = analysis.facts
    kinds["people"] = [p.name for p in facts.people]
    kinds["organizations"] = [o.name for o in facts.organizations]
    kinds["places"] = [p.name for p in facts.places]
    for entity in analysis.entities:
        kind = _LABEL_KIND.get(entity.label)
        # Facts merge mentions ("Mario Draghi", "Draghi"); raw entities fill a kind only
        # when the facts left it empty, so merged names are not listed twice.
        if kind == "misc" or (kind and not getattr(facts, kind, None)):
            kinds[kind].append(entity.text)
    return {kind: _unique(names) for kind, names in kinds.items()}


def _tags(tags: list[str], obsidian: bool) -> list[str]:
    if obsidian:  # Obsidian properties take tags without the '#', and no spaces
        return _unique([text.hashtag(t)[1:] for t in tags if text.hashtag(t)])
    return _unique(tags)


def _entity_values(names: list[str], obsidian: bool) -> list[str]:
    if obsidian:
        return [link for link in (text.wikilink(n) for n in names) if link]
    return names


def article_front_matter(bundle: ArticleBundle, options: ExportOptions, stamp: str) -> str:
    article = bundle.article
    entities = entities_by_kind(bundle.analysis)
    data: dict[str, Any] = {
        "title": text.one_line(article.title),
        "source": text.one_line(article.source) or None,
        "url": text.one_line(article.url) or None,
        "author": text.one_line(article.author) or None,
        "credit": text.one_line(article.credit) or None,
        "published": text.one_line(article.published) or None,
        "language": text.one_line(article.lang) or None,
        "tags": _tags(article.tags, options.obsidian),
    }
    for kind in ENTITY_KINDS:
        data[kind] = _entity_values(entities[kind], options.obsidian)
    data["exported_at"] = stamp
    data[MARKER_KEY] = MARKER_VALUE
    data["briefing_id"] = article.id
    return front_matter(data)


def briefing_front_matter(
    bundles: list[ArticleBundle], title: str, query: str, options: ExportOptions, stamp: str
) -> str:
    tags = [t for b in bundles for t in b.article.tags]
    data: dict[str, Any] = {
        "title": title,
        "query": text.one_line(query) or None,
        "articles": [b.article.id for b in bundles],
        "tags": _tags(tags, options.obsidian),
        "exported_at": stamp,
        MARKER_KEY: MARKER_VALUE,
        "briefing_kind": "briefing",
    }
    return front_matter(data)


def _article_context(bundle: ArticleBundle) -> dict[str, Any]:
    analysis = bundle.analysis
    facts = None
    if analysis is not None:
        # Facts in reading order, whatever order the extractor produced them in.
        facts = Facts(
            people=analysis.facts.people,
            organizations=analysis.facts.organizations,
            places=analysis.facts.places,
            dates=sorted(analysis.facts.dates, key=lambda d: d.start),
            quotes=sorted(analysis.facts.quotes, key=lambda q: q.start),
            attributions=sorted(analysis.facts.attributions, key=lambda a: a.start),
            numbers=sorted(analysis.facts.numbers, key=lambda n: n.start),
        )
    body = bundle.article.body or ""
    highlights = []
    for h in sorted(bundle.highlights, key=lambda h: (h.start, h.end)):
        if not h.text and 0 <= h.start < h.end <= len(body):
            h = Highlight(**{**h.to_dict(), "text": body[h.start : h.end]})
        highlights.append(h)
    entities = entities_by_kind(analysis)
    return {
        "article": bundle.article,
        "highlights": highlights,
        "facts": facts,
        "entities": entities,
        "known": sorted({name.lower() for names in entities.values() for name in names}),
    }


def _entity_index(bundles: list[ArticleBundle]) -> dict[str, list[tuple[str, list[str]]]]:
    """kind -> [(name, [titles of the articles naming it])], names sorted."""
    index: dict[str, dict[str, tuple[str, list[str]]]] = {k: {} for k in ENTITY_KINDS}
    for bundle in bundles:
        title = text.one_line(bundle.article.title) or bundle.article.id
        for kind, names in entities_by_kind(bundle.analysis).items():
            for name in names:
                entry = index[kind].setdefault(name.casefold(), (name, []))
                if title not in entry[1]:
                    entry[1].append(title)
    return {
        kind: [entry for _, entry in sorted(entries.items())] for kind, entries in index.items()
    }


@lru_cache(maxsize=16)
def _environment(user_dir: str | None, obsidian: bool) -> jinja2.Environment:
    # A user's template directory comes first, so a copy of sections.md.j2 placed next to
    # a custom template overrides the shipped one; the shipped templates fill the rest.
    loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(TEMPLATES_DIR)]
    if user_dir is not None:
        loaders.insert(0, jinja2.FileSystemLoader(user_dir))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=False,  # Markdown, not HTML: the templates escape with the md filters
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        md=text.md,
        md_block=text.md_block,
        quote=text.blockquote,
        cell=text.cell,
        slug=text.slugify,
        block_id=text.block_id,
        yaml=yaml_value,
        day=lambda value: text.one_line(value)[:10],
        entity=text.wikilink if obsidian else text.md,
        tag=text.hashtag if obsidian else text.md,
    )
    env.globals.update(obsidian=obsidian, link=text.link, keep=preserve.keep_block)
    return env


def _describe(exc: BaseException, path: Path) -> str:
    """file:line: message for a template mistake (Jinja maps frames to template lines)."""
    filename, line = getattr(exc, "filename", None), getattr(exc, "lineno", None)
    if not line:
        for frame in reversed(traceback.extract_tb(exc.__traceback__)):
            if frame.filename and not frame.filename.endswith(".py"):
                filename, line = frame.filename, frame.lineno
                break
    message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return f"{filename or path}{f':{line}' if line else ''}: {message}"


def _render(default_name: str, options: ExportOptions, context: dict[str, Any]) -> str:
    if options.template is not None:
        path = Path(options.template).expanduser()
        if not path.is_file():
            raise ExportTemplateError(f"{path}: template file not found")
        env = _environment(str(path.resolve().parent), options.obsidian)
        name = path.name
    else:
        env = _environment(None, options.obsidian)
        name, path = default_name, TEMPLATES_DIR / default_name
    try:
        rendered = env.get_template(name).render(context)
    except Exception as exc:  # any mistake in a user's template: say where, not crash
        raise ExportTemplateError(_describe(exc, path)) from exc
    # Templates leave runs of blank lines where optional parts are empty.
    rendered = re.sub(r"\n{3,}", "\n\n", rendered).strip("\n") + "\n"
    if not rendered.startswith(context["front_matter"]):
        raise ExportTemplateError(f"{path}: the template must begin with {{{{ front_matter }}}}")
    try:
        preserve.find_sections(rendered)
    except preserve.PreserveError as exc:
        raise ExportTemplateError(f"{path}: {exc}") from exc
    return rendered


def render_article(
    bundle: ArticleBundle, options: ExportOptions, now: datetime | None = None
) -> str:
    """One article as a Markdown note with front matter and an empty keep section."""
    stamp = _stamp(now)
    context = _article_context(bundle)
    context.update(
        front_matter=article_front_matter(bundle, options, stamp),
        exported_at=stamp,
    )
    return _render(ARTICLE_TEMPLATE, options, context)


def briefing_title(query: str, now: datetime | None = None) -> str:
    day = (now or datetime.now(UTC)).date().isoformat()
    query = text.one_line(query)
    return f"Briefing {day}: {query}" if query else f"Briefing {day}"


def render_briefing(
    bundles: list[ArticleBundle], query: str, options: ExportOptions, now: datetime | None = None
) -> str:
    """Many articles as one note: title, query, table of articles, sections, entity index."""
    stamp = _stamp(now)
    title = briefing_title(query, now)
    context = {
        "title": title,
        "query": text.one_line(query),
        "articles": [_article_context(b) for b in bundles],
        "index": _entity_index(bundles),
        "front_matter": briefing_front_matter(bundles, title, query, options, stamp),
        "exported_at": stamp,
    }
    return _render(BRIEFING_TEMPLATE, options, context)
