"""The store's side of the search index: opened with the store, written with each commit.

Every store write goes through _commit; this mixin wraps it, so the index changes in the same
operation: after the journal line is synced, one index transaction applies the change and
records the journal position it reflects. An index whose position is not the store's (it missed
a write), incomplete, of another format or counting other articles than the store is removed on
open and rebuilt (build_search_index, `briefing reindex`).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from threading import RLock
from typing import TYPE_CHECKING, Any

from briefing.models import Feed
from briefing.store import schema
from briefing.store.core import locked
from briefing.store.errors import BodyDamaged, StoreError
from briefing.store.tables import JournalledTables

if TYPE_CHECKING:
    from briefing.store.head import ListHead
    from briefing.store.search import Indexed, SearchIndex
# search.py is imported where it is used: it brings the query language and the identities,
# which the reader's first paint from the list head needs none of.

_BUILD_CHUNK = 100  # articles indexed per hold of the store's lock: the reader stays responsive


class SearchMixin:
    """Search-index methods of public.Store."""

    # Relied on, defined by StoreCore, ArticlesMixin, FeedsMixin (declared only: no value here).
    directory: Path
    readonly: bool
    loaded: bool
    head: ListHead | None
    _mutex: RLock
    _storage: JournalledTables
    _keys: dict[str, dict[Any, int]]
    _writable: Callable[[], None]
    _lazy: Callable[..., None]
    _doc: Callable[[str, Any], dict | None]
    _read_body: Callable[[dict], str]  # ArticlesMixin
    feeds: Callable[[], list[Feed]]  # FeedsMixin

    _search: SearchIndex | None = None
    # opened from the list head before a deferred load (early_search_index), adopted by _load
    _early_search: SearchIndex | None = None
    _early_tried = False
    _early_lock = threading.Lock()  # one per process is enough: opened once, at first paint
    search_problem: str | None = None  # why the index was dropped during this session, if so

    def _load(self) -> None:
        from briefing.store.search import SearchIndex, remove_files

        self._before_migration: tuple[int, str] | None = None
        super()._load()
        self._search = None
        count = len(self._keys["articles"])
        early, self._early_search = self._early_search, None
        try:
            if early is not None and early.agrees(count, schema.SCHEMA_VERSION, self._position()):
                self._search = early  # the one the reader filtered with before the load
                self._hook(early)
                early.forget_order()  # read again with the store's own id strings
            else:
                if early is not None:
                    early.close()
                self._search = SearchIndex.open(
                    self.directory, self.readonly, count, schema.SCHEMA_VERSION, self._position()
                )
            if self._search is None:  # never `or`: an index's truth is its length, a query
                self._search = self._kept_through_migration(count)
        except (sqlite3.Error, OSError):
            self._search = None

        if self._search is None and not self.readonly:
            try:
                remove_files(self.directory)
                if count == 0:  # a new store: its index is complete from the start
                    self._search = SearchIndex.create(self.directory)
                    self._search.record_position(self._position())
                    self._search.mark_complete(schema.SCHEMA_VERSION)
            except (sqlite3.Error, OSError) as exc:
                self._drop_search(exc)

    def _migrate(self) -> None:
        docs = self._storage.data.get("_schema", {}).values()
        version = next((d["value"] for d in docs if d.get("key") == "version"), None)
        if version is not None and version < schema.SCHEMA_VERSION:
            self._before_migration = (version, self._position())
        super()._migrate()

    def _kept_through_migration(self, count: int) -> SearchIndex | None:
        """The index as it was, when it agreed with the store before migration steps that
        change nothing it holds; it then records where the migrated store stands."""
        from briefing.store.search import SearchIndex

        if self._before_migration is None:
            return None
        version, position = self._before_migration
        if not set(range(version, schema.SCHEMA_VERSION)) <= schema.INDEX_NEUTRAL:
            return None
        index = SearchIndex.open(self.directory, self.readonly, count, version, position)
        if index is not None and not self.readonly:
            index.record_position(self._position())
            index.mark_complete(schema.SCHEMA_VERSION)
        return index

    def _position(self) -> str:
        """Where the store's journal stands: the index records it with each transaction."""
        return f"{self._storage.generation} {self._storage.journal.good_end}"

    def _feed_names(self) -> dict[str, tuple[str, ...]]:
        from briefing.query.keys import site  # not at import: query's index imports the store

        return {f.id: (f.name, site(f.url) or "") for f in self.feeds()}

    def _story_members(self, value: str) -> set[str]:
        from briefing.stories.lookup import members  # not at import: stories sit above

        return members(self, value)

    def close(self) -> None:
        try:
            super().close()
        finally:
            if self._early_search is not None:  # never loaded: never adopted
                self._early_search.close()
                self._early_search = None
            if self._search is not None:
                self._search.close()
                self._search = None

    def _compact(self, *, raise_errors: bool) -> None:
        super()._compact(raise_errors=raise_errors)
        index = self._search
        if index is not None and not index.readonly:
            try:
                index.record_position(self._position())
            except sqlite3.Error as exc:
                self._drop_search(exc)

    def _commit(self, *groups: list[tuple[str, object, dict | None]]) -> None:
        index = self._search
        if index is None or index.readonly:
            super()._commit(*groups)
            return
        from briefing.store.search import INDEXED_TABLES, indexed

        changes = [op for group in groups for op in group if op[0] in INDEXED_TABLES]
        # Articles as they were: their old words leave the FTS table (copies, as a store
        # update rewrites the document in place).
        before = {}
        for table, key, _doc in changes:
            if table == "articles" and (old := self._doc("articles", key)) is not None:
                before[key] = dict(old)
        # A failed store write leaves the index as it was, at the journal position the store
        # is still at; a line that reached the journal all the same moves the store's position
        # on its next open, and the index is rebuilt.
        super()._commit(*groups)

        def previous(article_id: str) -> Indexed | None:
            old = before.get(article_id)
            if old is None:
                return None
            try:
                return indexed(old, self._read_body(old))
            except BodyDamaged:  # indexed as "" or whole: which, unknown; its words stay
                return None

        try:
            index.apply(changes, self._indexed_body, self._position(), previous)
        except (sqlite3.Error, OSError, StoreError) as exc:
            # The store has the change; an index without it must not answer: drop it.
            self._drop_search(exc)

    def _indexed_body(self, doc: dict) -> str:
        try:
            return self._read_body(doc)
        except BodyDamaged:  # a damaged text is found by its title, never by wrong words
            return ""

    def _drop_search(self, exc: Exception) -> None:
        from briefing.store.search import remove_files

        self.search_problem = f"search index dropped ({exc}); it is rebuilt on next launch"
        if self._search is not None:
            self._search.close()
            self._search = None
        try:
            remove_files(self.directory)
        except OSError:
            pass  # its journal position is behind the store's: the next open rebuilds it

    def early_search_index(self) -> SearchIndex | None:
        """Before a deferred load: the search index, if it agrees with the list head (its
        count and journal position), so a filter works from first paint. None once loaded (ask
        search_index()) or when it does not agree. The load adopts it: one index, one cache."""
        head = self.head
        if self.loaded or head is None:
            return None
        from briefing.store.search import SearchIndex

        with self._early_lock:
            if self._early_search is None and not self._early_tried:
                self._early_tried = True
                position = f"{head.position[0]} {head.position[1]}"
                try:
                    self._early_search = SearchIndex.open(
                        self.directory, self.readonly, head.count, head.schema, position
                    )
                except (sqlite3.Error, OSError):
                    self._early_search = None
            return self._early_search

    @locked
    def search_index(self) -> SearchIndex | None:
        """The store's search index when it is complete, else None (build_search_index)."""
        index = self._search
        if index is None or index.info().get("complete") != 1:
            return None
        self._hook(index)
        return index

    def _hook(self, index: SearchIndex) -> None:
        """What the index asks the store at query time."""
        index.feed_lookup = self._feed_names  # feed: by title or site, read at query time
        index.story_lookup = self._story_members
        index.same_ids = self._same_ids

    @locked
    def _same_ids(self, ids: list[str]) -> list[str]:
        """These article ids as the store's documents hold them (an unknown one as given)."""
        keys, docs = self._keys["articles"], self._storage.data["articles"]
        return [docs[str(keys[i])]["id"] if i in keys else i for i in ids]

    def build_search_index(
        self, progress: Callable[[int, int], None] | None = None, *, fresh: bool = False
    ) -> SearchIndex:
        """Build the index from the store (all of it again if `fresh`), and return it.

        Chunk by chunk, each under the store's lock, so other threads may read and write in
        between: their writes reach the half-built index through _commit, like any other.
        """
        from briefing.store.search import SearchIndex

        with self._mutex:
            self._writable()
            if self._search is not None and not fresh:
                if self._search.info().get("complete") == 1:
                    return self._search
            if self._search is not None:
                self._search.close()
                self._search = None
            try:
                index = self._search = SearchIndex.create(self.directory)
                self._lazy(("summaries",))  # an article's keys come from its summary
                marks = list(self._storage.data.get("highlights", {}).values())
                index.apply(
                    [("highlights", m["id"], m) for m in marks],
                    self._indexed_body,
                    self._position(),
                )
            except (sqlite3.Error, OSError) as exc:
                self._drop_search(exc)
                raise StoreError(f"cannot build the search index: {exc}") from exc
            ids = list(self._keys["articles"])
        total = len(ids)
        for start in range(0, total, _BUILD_CHUNK):
            with self._mutex:
                if self._search is not index:
                    raise StoreError(self.search_problem or "the search index was dropped")
                changes = []
                for article_id in ids[start : start + _BUILD_CHUNK]:
                    doc = self._doc("articles", article_id)
                    if doc is not None:  # deleted meanwhile
                        changes.append(("articles", article_id, doc))
                        changes.append(
                            ("summaries", article_id, self._doc("summaries", article_id))
                        )
                try:
                    index.apply(changes, self._indexed_body, self._position())
                except (sqlite3.Error, OSError, StoreError) as exc:
                    self._drop_search(exc)
                    raise StoreError(f"cannot build the search index: {exc}") from exc
            if progress is not None:
                progress(min(start + _BUILD_CHUNK, total), total)
        with self._mutex:
            index.mark_complete(schema.SCHEMA_VERSION)
        self._hook(index)
        return index

    @locked
    def _same_ids(self, ids: list[str]) -> list[str]:
        """These article ids as the store's documents hold them (an unknown one as given)."""
        keys, docs = self._keys["articles"], self._storage.data["articles"]
        return [docs[str(keys[i])]["id"] if i in keys else i for i in ids]
