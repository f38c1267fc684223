"""Plain-text articles: a header of date, headline, byline and photo credit, the body, site furniture.

The title is the headline line when the text has one: a short first line (at most 25 words)
that does not end like a sentence, followed by more text. Otherwise the title is the first
sentence of the body (cut at about 180 characters), because that is what a reader would quote.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.ingest import datelines, metadata
from briefing.ingest.base import Result, build_article

HEADER_LINES = 6  # a header longer than this is body text, not metadata


def _is_headline(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 25 and len(line) <= 200 and not line.rstrip().endswith((".", ";", ","))


def _is_paragraph(line: str) -> bool:
    """A line that reads as running text: long, or a full sentence of some length."""
    return len(line.split()) > 25 or (len(line) > 80 and line.rstrip().endswith(metadata.END_PUNCT))


@dataclass
class Header:
    """What the first lines of a text say about it, and where its body starts."""

    start: int = 0
    title: str | None = None
    published: str | None = None
    author: str | None = None
    credits: list[str] = field(default_factory=list)


def read_header(lines: list[str]) -> Header:
    """Walk the lines before the first paragraph of running text: date, headline, byline, credit."""
    header = Header()
    for index, raw in enumerate(lines[: HEADER_LINES + 1]):
        line = raw.strip()
        if not line:
            header.start = index + 1
            continue
        if _is_paragraph(line):
            break
        if header.published is None and metadata.looks_like_date_line(line):
            header.published = metadata.parse_date(line)
            if header.published:
                header.start = index + 1
                continue
        if metadata.is_credit(line, in_header=True):
            header.credits.append(line)
        elif header.author is None and metadata.byline_author(line):
            header.author = metadata.byline_author(line)
        elif metadata.is_boilerplate(line):
            pass
        elif (
            header.title is None
            and _is_headline(line)
            and any(x.strip() for x in lines[index + 1 :])
        ):
            header.title = line
        else:
            break
        header.start = index + 1
    return header


def parse(text: str, *, origin: str | None = None) -> list[Result]:
    """One article from a plain text; metadata comes from its first few lines."""
    lines = metadata.clean_text(text).split("\n")
    header = read_header(lines)
    body_lines, body_credits = metadata.strip_lines(lines[header.start :])
    return [
        build_article(
            metadata.tidy_body(body_lines),
            title=header.title,
            origin=origin,
            # a dateline may sit below a title the header walk stops at ("Title.\nLONDON 1996-08-30")
            published=header.published or datelines.head_date(lines),
            author=header.author,
            source=metadata.site_from_furniture(lines[-12:]),
            credit="; ".join(header.credits + body_credits) or None,
        )
    ]
