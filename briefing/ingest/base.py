"""What every importer returns: finished Articles built one way, or one-line ImportFailures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from briefing.ingest import identity, metadata
from briefing.models import Article

# Larger inputs are refused rather than read: no news article is this big, and a reader
# that tries to hold a 50 MB "article" in memory and analyse it helps nobody.
MAX_BYTES = 10 * 1024 * 1024


@dataclass
class ImportFailure:
    """One input that could not be imported, said in one line a user can act on."""

    source: str  # path, URL, or "-" (with "#3" for the 3rd feed entry etc.)
    reason: str  # one line, human: what and why

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


Result = Article | ImportFailure


class Refused(Exception):
    """Raised inside an importer to refuse its input; the registry turns it into an ImportFailure."""


def one_line(text: str, limit: int = 200) -> str:
    """Squash an exception message onto one short line."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def build_article(
    body: str,
    *,
    title: str | None,
    origin: str | None,
    published: str | None = None,
    source: str | None = None,
    author: str | None = None,
    url: str | None = None,
    credit: str | None = None,
    tags: list[str] | None = None,
    lang: str | None = None,
) -> Article:
    """The one place an Article is made: cleans every field, fills title, language, hash and id."""
    body = metadata.clean_text(body).strip()
    if not body:
        raise Refused("no article text found")
    title = metadata.clean_line(title or "")
    if not title:
        title = metadata.first_sentence(body)
    if len(title) > metadata.TITLE_MAX * 2:
        title = metadata.first_sentence(title)
    digest = identity.content_hash(body)

    def tidy(value: str | None) -> str | None:
        value = metadata.clean_line(value) if value else ""
        return value or None

    return Article(
        id=identity.article_id(digest),
        title=title,
        body=body,
        published=published,
        source=tidy(source),
        author=tidy(author),
        url=tidy(url),
        lang=lang or metadata.detect_language(f"{title}\n{body}"),
        credit=tidy(credit),
        tags=[t for t in (tidy(str(tag)) for tag in tags or []) if t],
        added=datetime.now(UTC).isoformat(timespec="seconds"),
        origin=origin,
        content_hash=digest,
    )
