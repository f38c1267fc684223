"""The store's tables in memory, loaded from the snapshots (meta.json, cache.json) and the
journal (meta.journal), kept durable by that journal; TinyDB sees them for queries only."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# orjson parses the 10k-article snapshot about 3x faster than json, which is most of open time
import orjson
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from briefing.store import durable, layout
from briefing.store.errors import StoreCorrupt
from briefing.store.journal import Journal
from briefing.store.layout import CACHE, JOURNAL, LAZY_TABLES, META
from briefing.store.schema import Tables

GENERATION_TABLE = "_journal"  # in meta.json: which snapshot the journal continues


class JournalledTables(Storage):
    """The tables in memory ({table: {doc id: doc}}), read from the snapshots and the journal
    once; TinyDB storage for queries.

    A change is made durable by `log()` (one journal line per write, fsynced) and only then
    made in memory by `apply()`, the one call that changes a document.
    """

    def __init__(
        self, directory: Path, readonly: bool = False, written: tuple[int, int] | None = None
    ):
        self.directory = directory
        self.readonly = readonly
        self.meta_path = directory / META
        self.cache_path = directory / CACHE
        self.journal_path = directory / JOURNAL
        self.data: Tables = self._read_snapshot(self.meta_path)
        self.snapshot_size = self._size(self.meta_path) + self._size(self.cache_path)
        self.lazy_loaded = False
        # told (generation, length) after every sync, so the lock file can keep a note of it
        self.on_synced: Callable[[int, int], None] | None = None
        self.cache_problem: str | None = None
        self._pending: list[tuple[str, int, dict | None]] = []  # journal ops on lazy tables
        self.journal = Journal(self.journal_path, readonly)
        # `written`: the (generation, journal length) the last writer noted, if known
        self.journal.replay(self.generation, written, self.apply)

    @staticmethod
    def _size(path: Path) -> int:
        return path.stat().st_size if path.exists() else 0

    def load_lazy(self) -> None:
        """Parse cache.json and apply the journal's entries for it (once)."""
        if self.lazy_loaded:
            return
        try:
            cache = self._read_snapshot(self.cache_path)
        except StoreCorrupt as exc:
            cache = {}
            self.cache_problem = str(exc)
            if not self.readonly:  # set aside, never overwritten: the next compaction writes anew
                aside = self.cache_path.with_name(f"{CACHE}.damaged-{int(time.time())}")
                os.replace(self.cache_path, aside)
        for table in LAZY_TABLES:
            self.data[table] = cache.get(table, {})
        self.lazy_loaded = True
        for op in self._pending:
            self.apply(*op)
        self._pending = []

    def read(self) -> Tables:
        return self.data

    def write(self, data: Tables) -> None:
        raise TypeError("the store writes through its journal, never TinyDB")

    @staticmethod
    def _read_snapshot(path: Path) -> Tables:
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return {}
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            why = "empty file" if not raw else f"not valid JSON: {exc}"
            raise StoreCorrupt(path, why) from exc
        if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
            raise StoreCorrupt(path, "not a table of documents")
        return data

    @property
    def generation(self) -> int:
        """How many times the snapshot was saved with a journal header (0: never)."""
        doc = self.data.get(GENERATION_TABLE, {}).get("1")
        return doc.get("generation", 0) if isinstance(doc, dict) else 0

    def apply(self, table: str, doc_id: int, doc: dict | None) -> None:
        """Set (or, with None, delete) one document in memory: the only call that does.

        Replay, the lazy tables' pending entries and the Store's writes (after their journal
        line is synced) all come through here.
        """
        # Setting a whole doc (or deleting it) makes replay idempotent: a crash between the
        # snapshot rename and the journal truncation replays lines the snapshot already holds.
        if not (isinstance(table, str) and isinstance(doc_id, int)):
            raise ValueError("not a journal entry")
        if not (doc is None or isinstance(doc, dict)):
            raise ValueError("not a document")
        if table in LAZY_TABLES and not self.lazy_loaded:
            self._pending.append((table, doc_id, doc))
            return
        docs = self.data.setdefault(table, {})
        if doc is None:
            docs.pop(str(doc_id), None)
        elif (current := docs.get(str(doc_id))) is not None:
            current.clear()  # in place: a document read before the change reads the change
            current.update(doc)
        else:
            docs[str(doc_id)] = dict(doc)  # never the caller's dict, which it may change later

    def log(self, lines: list[list[list[Any]]]) -> None:
        """Make writes durable: one journal line each, one fsync; raise OSError on failure."""
        self.journal.log(lines)
        self._synced()

    def _synced(self) -> None:
        if self.on_synced is not None:
            self.on_synced(self.generation, self.journal.good_end)

    def needs_compaction(self) -> bool:
        return self.journal.good_end > max(layout.COMPACT_MIN_BYTES, self.snapshot_size)

    def compact(self) -> None:
        """Write the snapshots atomically, then empty the journal (raises OSError).

        Each file is replaced whole; until the journal is emptied it still holds every
        change, so a crash between the two renames replays into the same state.
        """
        if self._pending:
            self.load_lazy()  # the journal is about to go: its cache entries must be written
        size = self._size(self.cache_path)
        if self.lazy_loaded:
            cache = orjson.dumps({t: self.data.get(t, {}) for t in LAZY_TABLES})
            durable.atomic_write(self.cache_path, cache)
            size = len(cache)
        generation = self.generation + 1
        tables = {t: v for t, v in self.data.items() if t not in LAZY_TABLES}
        tables[GENERATION_TABLE] = {"1": {"generation": generation}}
        meta = orjson.dumps(tables)
        durable.atomic_write(self.meta_path, meta)
        self.data[GENERATION_TABLE] = tables[GENERATION_TABLE]
        self.snapshot_size = len(meta) + size
        self.journal.restart(generation)
        self._synced()

    @property
    def has_entries(self) -> bool:
        """Whether the journal holds writes the snapshot has not (more than its header)."""
        return self.journal.has_entries

    def close(self) -> None:
        self.journal.close()


class QueryTable(Table):
    """A TinyDB table for queries only: memory changes through JournalledTables.apply alone,
    so a write through TinyDB (which would skip the journal) fails loudly."""

    def _update_table(self, updater: Callable[[dict[int, Any]], None]) -> None:
        raise TypeError(f"{self.name}: the store writes through its journal, never TinyDB")


class TablesDB(TinyDB):
    """TinyDB's queries over the in-memory tables (highlights are searched this way)."""

    table_class = QueryTable
