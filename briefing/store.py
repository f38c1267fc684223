"""The article store over TinyDB: the only module that imports tinydb.

CONTRACT (being implemented; signatures are what the rest of briefing codes against).

Layout under paths.store_dir():
  meta.json + meta.journal   TinyDB tables: articles (metadata, no bodies), highlights,
                             corrections, summaries, settings, _schema. Small writes append
                             one fsynced journal line; the snapshot is rewritten atomically
                             (temp file, fsync, rename) when the journal grows.
  bodies.pack                article bodies, appended; articles hold (offset, length)
  analyses.pack              cached analyses (JSON), appended; an index table points into it
  lock                       one running writer at a time
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing.models import Analysis, Article, ArticleSummary, Correction, Highlight

SCHEMA_VERSION = 1


class StoreError(Exception):
    """Base class: every store failure a user can be told about."""


class StoreLocked(StoreError):
    """Another briefing process holds the store for writing."""


class StoreCorrupt(StoreError):
    """A store file cannot be read; it names the file and is never overwritten."""


class StoreReadOnly(StoreError):
    """A write was attempted on a store opened read-only."""


@dataclass
class AddResult:
    article_id: str
    added: bool  # False: the same content was already in the store
    duplicate_of: str | None = None


class Store:
    """Open with Store.open(); every mutating method returns once the change is durable."""

    @classmethod
    def open(cls, directory: Path | None = None, *, readonly: bool = False) -> Store:
        """Open (creating if needed) the store in `directory` (default paths.store_dir()).

        Raises StoreLocked when another process holds it (unless readonly), StoreCorrupt
        when a file cannot be parsed.
        """
        raise NotImplementedError

    def close(self) -> None: ...
    def __enter__(self) -> Store: ...
    def __exit__(self, *exc: object) -> None: ...

    readonly: bool
    directory: Path

    # articles
    def add_articles(self, articles: Iterable[Article]) -> list[AddResult]:
        """Add a batch (bodies included), skipping duplicates by content_hash; one fsync per batch."""
        raise NotImplementedError

    def add_article(self, article: Article) -> AddResult: ...
    def count(self) -> int: ...
    def articles(self) -> list[Article]:
        """Every article's metadata (body None), newest published first. Never reads bodies."""
        raise NotImplementedError

    def get(self, article_id: str) -> Article | None:
        """Metadata only (body None)."""
        raise NotImplementedError

    def body(self, article_id: str) -> str: ...
    def iter_bodies(self) -> Iterator[tuple[str, str]]:
        """(article_id, body) for every article, reading the pack sequentially."""
        raise NotImplementedError

    def resolve_id(self, prefix: str) -> str | None:
        """The full id for a unique id prefix (users type short ids)."""
        raise NotImplementedError

    def update_tags(self, article_id: str, add: Iterable[str] = (), remove: Iterable[str] = ()) -> list[str]: ...
    def set_read(self, article_id: str, read: bool) -> None: ...
    def set_starred(self, article_id: str, starred: bool) -> None: ...
    def set_note(self, article_id: str, note: str | None) -> None: ...
    def update_article(self, article_id: str, **fields: Any) -> None: ...
    def delete_article(self, article_id: str) -> None: ...
    def tag_counts(self) -> dict[str, int]: ...

    # highlights and their notes
    def add_highlight(self, highlight: Highlight) -> Highlight: ...
    def update_highlight(self, highlight_id: str, *, note: str | None) -> Highlight: ...
    def delete_highlight(self, highlight_id: str) -> None: ...
    def highlights(self, article_id: str | None = None) -> list[Highlight]: ...

    # analyses cache and the small per-article summaries the filters use
    def get_analysis(self, article_id: str) -> Analysis | None: ...
    def put_analysis(self, analysis: Analysis) -> None: ...
    def summaries(self) -> dict[str, ArticleSummary]: ...

    # entity corrections
    def add_correction(self, correction: Correction) -> Correction: ...
    def remove_correction(self, correction_id: str) -> None: ...
    def corrections(self) -> list[Correction]: ...
    def corrections_version(self) -> int:
        """Grows with every correction change; analyses made before it are stale."""
        raise NotImplementedError

    # settings
    def get_setting(self, key: str, default: Any = None) -> Any: ...
    def set_setting(self, key: str, value: Any) -> None: ...

    # backups
    def backup(self, reason: str = "manual") -> Path: ...
