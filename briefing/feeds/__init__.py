"""Feed subscriptions that refresh: subscribe, fetch politely, import only what is new.

    feed = subscribe(store, "https://example.org/rss", tags=["news"])
    reports = refresh_feeds(store, store.feeds(), allow_local_urls=False)

Built on the importers (briefing.ingest): the feed importer reads the entries, the HTML
importer the full article when an entry carries only a summary. Subscriptions and their
fetch state live in the store (Store.feeds, save_feed).
"""

from briefing.feeds.opml import OpmlError, read_opml, write_opml
from briefing.feeds.refresh import FeedReport, refresh_feeds
from briefing.feeds.subscriptions import (
    AlreadySubscribed,
    FeedCounts,
    feed_counts,
    find_feed,
    subscribe,
)

__all__ = [
    "AlreadySubscribed",
    "FeedCounts",
    "FeedReport",
    "OpmlError",
    "feed_counts",
    "find_feed",
    "read_opml",
    "refresh_feeds",
    "subscribe",
    "write_opml",
]
