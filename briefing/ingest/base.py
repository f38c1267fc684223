"""What every importer returns: finished Articles built one way, or one-line ImportFailures."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from briefing.ingest import identity, metadata
from briefing.models import Article
from briefing.text import detect_language
from briefing.text import one_line as text_one_line

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


def read_regular_file(path: Path | str, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file (at most `limit` + 1 of them); Refused for anything else.

    Opened without blocking and checked on the open descriptor: a FIFO would wait forever
    for a writer, a device never ends, and a check before opening could be raced.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise Refused("no such file or directory") from None
    except IsADirectoryError:
        raise Refused("is a directory") from None
    except PermissionError:
        raise Refused("permission denied") from None
    except OSError as error:
        raise Refused(f"cannot read: {error.strerror or error}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise Refused("is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise Refused("not a regular file (a FIFO, socket or device); not read")
        if info.st_size > limit:
            mb = info.st_size / (1024 * 1024)
            raise Refused(
                f"file is {mb:.0f} MB, over the {limit // (1024 * 1024)} MB limit; not imported"
            )
        with os.fdopen(fd, "rb", closefd=False) as stream:
            return stream.read(limit + 1)
    except OSError as error:
        raise Refused(f"cannot read: {error.strerror or error}") from None
    finally:
        os.close(fd)


def one_line(text: object, limit: int = 200) -> str:
    """Squash an exception message onto one short line."""
    return text_one_line(str(text), limit)


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
        lang=lang or detect_language(f"{title}\n{body}"),
        credit=tidy(credit),
        tags=[t for t in (tidy(str(tag)) for tag in tags or []) if t],
        added=datetime.now(UTC).isoformat(timespec="seconds"),
        origin=origin,
        content_hash=digest,
    )
