"""Which entries of a fetched feed are new: by guid, else link, else the content hash."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from briefing.ingest.base import ImportFailure
from briefing.ingest.feed import FeedEntry

KEY_LENGTH = 16  # hex characters; a feed of 10,000 entries keeps ~200 KB of keys


def entry_key(entry: FeedEntry) -> str:
    """A short, stable key for an entry: its guid, else its link, else its text's hash."""
    if entry.guid:
        basis = "guid:" + entry.guid
    elif entry.link:
        basis = "link:" + entry.link
    elif not isinstance(entry.result, ImportFailure):
        basis = "hash:" + (entry.result.content_hash or "")
    else:
        basis = "failed:" + entry.result.source
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:KEY_LENGTH]


def fresh_entries(
    entries: Iterable[FeedEntry], seen: set[str], known_links: set[str]
) -> tuple[list[str], list[FeedEntry]]:
    """(every entry's key, the entries not seen before) in feed order.

    An entry is old when its key was in the last fetch, when an article in the store has its
    link, or when an earlier entry of this fetch had the same key. Identical text under a new
    guid is left to the store, which refuses a body it already holds.
    """
    keys: dict[str, None] = {}  # ordered and quick to test
    fresh: list[FeedEntry] = []
    for entry in entries:
        key = entry_key(entry)
        if key in keys:
            continue
        keys[key] = None
        if key in seen or (entry.link and entry.link in known_links):
            continue
        fresh.append(entry)
    return list(keys), fresh
