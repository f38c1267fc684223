"""Subscribing, finding a feed by what a user types, and each feed's unread and total counts."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from briefing.models import Feed

ID_LENGTH = 8


class AlreadySubscribed(Exception):
    """The URL is a subscription already; `feed` is the one that has it."""

    def __init__(self, feed: Feed) -> None:
        super().__init__(f"already subscribed: {feed.name} ({feed.id})")
        self.feed = feed


def feed_id(url: str) -> str:
    """The subscription's id: from the URL it was first added with, kept when the URL moves."""
    return hashlib.sha256(url.strip().encode("utf-8")).hexdigest()[:ID_LENGTH]


def check_url(url: str) -> str:
    """The URL, stripped; ValueError with a reason when it cannot be a feed's address."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not an http(s) URL: {url!r}")
    return url


def subscribe(
    store: Any,
    url: str,
    *,
    tags: list[str] | None = None,
    title: str | None = None,
    summaries_only: bool = False,
) -> Feed:
    """Add a subscription (not fetched yet); raises AlreadySubscribed or ValueError."""
    url = check_url(url)
    for feed in store.feeds():
        if feed.url == url:
            raise AlreadySubscribed(feed)
    new_id = feed_id(url)
    while store.get_feed(new_id) is not None:  # a feed first added with this URL has moved
        new_id = feed_id(new_id + url)
    feed = Feed(
        id=new_id,
        url=url,
        title=(title or "").strip() or None,
        tags=[t.strip() for t in tags or [] if t.strip()],
        summaries_only=summaries_only,
        added=datetime.now(UTC).isoformat(timespec="seconds"),
    )
    store.save_feed(feed)
    return feed


def find_feed(feeds: list[Feed], wanted: str) -> Feed | None:
    """The feed a user means: its id (or a unique prefix), its URL, or its title (any case)."""
    wanted = wanted.strip()
    for match in (
        lambda f: f.id == wanted or f.url == wanted,
        lambda f: (f.title or "").casefold() == wanted.casefold(),
        lambda f: f.id.startswith(wanted),
    ):
        found = [f for f in feeds if match(f)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            return None  # ambiguous: better to ask than to guess
    return None


@dataclass
class FeedCounts:
    unread: int = 0
    total: int = 0


def feed_counts(articles: list[Any]) -> dict[str, FeedCounts]:
    """Unread and total articles per feed id (articles from no feed are left out)."""
    totals = Counter(a.feed for a in articles if a.feed)
    unread = Counter(a.feed for a in articles if a.feed and not a.read)
    return {fid: FeedCounts(unread[fid], total) for fid, total in totals.items()}
