"""Plain-text articles: a header of date, headline, byline and photo credit, the body, site furniture.

The title is the headline line when the text has one: a short first line (at most 25 words)
that does not end like a sentence, followed by more text. Otherwise the title is the first
sentence of the body (cut at about 180 characters), because that is what a reader would quote.
"""

from __future__ import annotations

from briefing.ingest import metadata
from briefing.ingest.base import Result, build_article

HEADER_LINES = 6  # a header longer than this is body text, not metadata


def _is_headline(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 25 and len(line) <= 200 and not line.rstrip().endswith((".", ";", ","))


def _is_paragraph(line: str) -> bool:
    """A line that reads as running text: long, or a full sentence of some length."""
    return len(line.split()) > 25 or (len(line) > 80 and line.rstrip().endswith(metadata.END_PUNCT))


def parse(text: str, *, origin: str | None = None) -> list[Result]:
    """One article from a plain text; metadata comes from its first few lines."""
    lines = metadata.clean_text(text).split("\n")
    published = author = title = None
    credits: list[str] = []
    start = 0
    # Walk the header: lines before the first paragraph of running text.
    for index, raw in enumerate(lines[: HEADER_LINES + 1]):
        line = raw.strip()
        if not line:
            start = index + 1
            continue
        if _is_paragraph(line):
            break
        if published is None and metadata.looks_like_date_line(line):
            published = metadata.parse_date(line)
            if published:
                start = index + 1
                continue
        if metadata.is_credit(line, in_header=True):
            credits.append(line)
        elif author is None and metadata.byline_author(line):
            author = metadata.byline_author(line)
        elif metadata.is_boilerplate(line):
            pass
        elif title is None and _is_headline(line) and any(x.strip() for x in lines[index + 1 :]):
            title = line
        else:
            break
        start = index + 1
    body_lines, body_credits = metadata.strip_lines(lines[start:])
    credits.extend(body_credits)
    return [
        build_article(
            metadata.tidy_body(body_lines),
            title=title,
            origin=origin,
            published=published,
            author=author,
            source=metadata.site_from_furniture(lines[-12:]),
            credit="; ".join(credits) or None,
        )
    ]
