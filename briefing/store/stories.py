"""The automatic story groups: one document per story, its article ids in the order they joined;
and each grouped article's features (identities, stemmed words, day), so a new article is
grouped without reading every body again.

Derived data (briefing.stories.keeping rebuilds it by regrouping), so it lives in the lazy
snapshot beside the analyses; the user's edits are a setting (stories.edits), never here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from briefing.store.core import locked, no_gc
from briefing.store.tables import JournalledTables


class StoriesMixin:
    """Story-group methods of public.Store."""

    # Relied on, defined by StoreCore (declared only: no value here).
    _storage: JournalledTables
    _keys: dict[str, dict[Any, int]]
    _lazy: Callable[..., None]
    _commit: Callable[..., None]

    @locked
    def story_groups(self) -> dict[str, list[str]]:
        """Story id -> article ids, as grouping left them."""
        self._lazy(("stories",))
        docs = self._storage.data.get("stories", {}).values()
        return {d["id"]: list(d["articles"]) for d in docs}

    @locked
    def put_story_groups(
        self, changes: dict[str, list[str] | None], *, replace: bool = False
    ) -> None:
        """Write changed groups (None or [] removes one); `replace` drops every other group."""
        self._lazy(("stories",))
        ops = []
        if replace:
            ops = [("stories", key, None) for key in self._keys["stories"] if key not in changes]
        ops += [
            ("stories", key, {"id": key, "articles": list(ids)} if ids else None)
            for key, ids in changes.items()
        ]
        if ops:
            self._commit(ops)

    @locked
    def story_features(self) -> dict[str, dict]:
        """Article id -> its grouping features as briefing.stories.features stored them."""
        self._lazy(("story_features",))
        with no_gc():  # 10,000 small dicts: collections would only walk them
            return {d["id"]: d for d in self._storage.data.get("story_features", {}).values()}

    @locked
    def put_story_features(self, rows: list[dict]) -> None:
        """Write articles' grouping features (each row keyed by its "id"), one durable write."""
        self._lazy(("story_features",))
        ops = [("story_features", row["id"], dict(row)) for row in rows]
        if ops:
            self._commit(ops)
