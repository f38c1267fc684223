"""Markdown articles, with or without YAML front matter (Jekyll, Hugo, Obsidian style)."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache
from typing import Any

import yaml

from briefing.ingest import metadata
from briefing.ingest.base import Result, build_article
from briefing.ingest.text import Header, read_header

_FRONT_MATTER = re.compile(
    r"\A(?:\ufeff)?---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL
)
FRONT_MATTER_MAX = 64 * 1024  # front matter is a few lines; more is not metadata
# libyaml's loader when PyYAML was built with it: the pure-Python one took a third of a
# Markdown file's import (~1.7 ms of front matter); the same safe constructors either way.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """(metadata dict, body) — an empty dict when there is no readable front matter."""
    found = _FRONT_MATTER.match(text)
    if not found or len(found.group(1)) > FRONT_MATTER_MAX:
        return {}, text
    try:
        data = yaml.load(found.group(1), Loader=_LOADER)
    except yaml.YAMLError:
        data = None  # broken YAML: the article is still worth importing, without its metadata
    body = text[found.end() :]
    return (data if isinstance(data, dict) else {}), body


def _scalar(value: Any) -> str | None:
    """A front-matter value as a short string; nested structures (and YAML alias bombs) are ignored."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        text = metadata.clean_line(str(value))
        return text[:500] or None
    if isinstance(value, dict):
        return _scalar(value.get("name"))
    return None


def _first(data: dict[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = data.get(key)
        if isinstance(value, list):
            names = [s for s in (_scalar(v) for v in value[:10]) if s]
            value = ", ".join(names) if names else None
        text = _scalar(value)
        if text:
            return text
    return None


def _tags(data: dict[str, Any]) -> list[str]:
    tags: list[str] = []
    for key in ("tags", "categories", "keywords"):
        value = data.get(key)
        if isinstance(value, str):
            value = value.split(",")
        if isinstance(value, list):
            tags.extend(s for s in (_scalar(v) for v in value[:50]) if s)
    return list(dict.fromkeys(tags))


def _published(data: dict[str, Any]) -> str | None:
    for key in ("date", "published", "pubDate", "pubdate", "publishDate", "created"):
        value = data.get(key)
        if isinstance(value, datetime):
            has_time = (value.hour, value.minute, value.second) != (0, 0, 0)
            return value.isoformat(timespec="seconds") if has_time else value.date().isoformat()
        if isinstance(value, date):
            return value.isoformat()
        text = _scalar(value)
        if text and (parsed := metadata.parse_date(text)):
            return parsed
    return None


@cache
def _parser():
    """One CommonMark parser a process: building one (its rules, its linkifier's patterns) took
    about 0.3 ms, half a Markdown file's import; parsing keeps no state in it."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")


def markdown_to_text(source: str) -> tuple[str, str | None]:
    """(plain text, first level-1 heading or None) from Markdown: markup gone, paragraphs kept."""
    tokens = _parser().parse(source)
    blocks: list[str] = []
    heading: str | None = None
    in_heading = None
    for token in tokens:
        if token.type == "heading_open":
            in_heading = token.tag
        elif token.type == "heading_close":
            in_heading = None
        elif token.type == "inline":
            parts = []
            for child in token.children or []:
                if child.type in ("text", "code_inline"):
                    parts.append(child.content)
                elif child.type == "softbreak":
                    parts.append(" ")
                elif child.type == "hardbreak":
                    parts.append("\n")
            text = "".join(parts).strip()
            if not text:
                continue
            if in_heading == "h1" and heading is None and not blocks:
                heading = text  # the document's own headline, not body text
                continue
            blocks.append(text)
        elif token.type in ("fence", "code_block"):
            blocks.append(token.content.rstrip("\n"))
    return "\n\n".join(blocks), heading


def parse(text: str, *, origin: str | None = None) -> list[Result]:
    """One article from a Markdown text; front matter wins over what the text itself shows."""
    data, body = split_front_matter(metadata.clean_text(text))
    plain, heading = markdown_to_text(body)
    lines = plain.split("\n")
    # Without a heading, the first lines may be a seed-like header: date, headline, credit.
    header = read_header(lines) if heading is None else Header()
    lines, credits = metadata.strip_lines(lines[header.start :])
    credits = header.credits + credits
    return [
        build_article(
            metadata.tidy_body(lines),
            title=_first(data, "title", "headline") or heading or header.title,
            origin=origin,
            published=_published(data) or header.published,
            source=_first(data, "source", "site", "publication", "publisher", "site_name")
            or metadata.site_from_furniture(plain.split("\n")[-12:]),
            author=_first(data, "author", "authors", "byline") or header.author,
            url=_first(
                data, "url", "link", "canonical", "canonical_url", "permalink", "original_url"
            ),
            credit=_first(data, "credit", "image_credit", "photo_credit")
            or "; ".join(credits)
            or None,
            tags=_tags(data),
            lang=_language(data),
        )
    ]


def _language(data: dict) -> str | None:
    """A language code the front matter states ("it", "en-GB"), so detection can be skipped."""
    value = _first(data, "lang", "language")
    if not value:
        return None
    code = value.strip().lower().replace("_", "-").split("-")[0]
    return code if code.isalpha() and 2 <= len(code) <= 3 else None
