"""Feed subscriptions: one document per feed, its fetch state and the entries it last held."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from briefing.models import Feed
from briefing.store.core import locked
from briefing.store.errors import NotFound
from briefing.store.tables import JournalledTables


class FeedsMixin:
    """Subscription methods of public.Store."""

    # Relied on, defined by StoreCore (declared only: no value here).
    _storage: JournalledTables
    _commit: Callable[..., None]
    _doc: Callable[[str, Any], dict | None]

    @locked
    def feeds(self) -> list[Feed]:
        """Every subscription, by name (case folded)."""
        docs = self._storage.data.get("feeds", {}).values()
        return sorted((Feed.from_dict(d) for d in docs), key=lambda f: (f.name.casefold(), f.id))

    @locked
    def get_feed(self, feed_id: str) -> Feed | None:
        doc = self._doc("feeds", feed_id)
        return None if doc is None else Feed.from_dict(doc)

    @locked
    def save_feed(self, feed: Feed) -> None:
        """Add or replace a subscription (by id)."""
        self._commit([("feeds", feed.id, feed.to_dict())])

    @locked
    def delete_feed(self, feed_id: str) -> None:
        """Forget a subscription; the articles it brought stay."""
        if self._doc("feeds", feed_id) is None:
            raise NotFound(f"no feed with id {feed_id!r}")
        self._commit([("feeds", feed_id, None)])
