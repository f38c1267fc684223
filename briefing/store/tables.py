"""The store's tables in memory, loaded from the snapshots (meta.json, cache.json) and the
journal (meta.journal), kept durable by that journal; TinyDB sees them for queries only."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

# orjson parses the 10k-article snapshot about 3x faster than json, which is most of open time
import orjson
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from briefing.store import durable, layout
from briefing.store.errors import StoreCorrupt
from briefing.store.journal import Journal, encode
from briefing.store.layout import (
    CACHE,
    JOURNAL,
    KEYS,
    LAZY_FILE_OF,
    LAZY_FILES,
    LAZY_TABLES,
    META,
)
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
        self.snapshot_size = self._size(self.meta_path) + sum(
            self._size(directory / name) for name in LAZY_FILES
        )
        self.loaded_files: set[str] = set()  # the lazy snapshots parsed so far
        # told (generation, length) after every sync, so the lock file can keep a note of it
        self.on_synced: Callable[[int, int], None] | None = None
        self.cache_problems: dict[str, str] = {}  # lazy snapshot -> why it was set aside
        # journal ops on the tables of a lazy snapshot not parsed yet, by snapshot; their doc
        # id is the document's key when it was written unparsed (resolved by load_lazy)
        self._pending: dict[str, list[tuple[str, int | str, dict | None]]] = {}
        self._pending_bytes: dict[str, int] = {}  # their size as JSON, by snapshot
        self.journal = Journal(self.journal_path, readonly)
        self._applied = False  # whether replay changed a parsed table (else only pending ones)
        # `written`: the (generation, journal length) the last writer noted, if known
        self.journal.replay(self.generation, written, self.apply)
        # Where the writes a compaction would fold begin: a journal of pending writes alone
        # would only be carried over again, so it counts as holding none.
        self.carried_end = self.journal.header_end if self._applied else self.journal.good_end

    @staticmethod
    def _size(path: Path) -> int:
        return path.stat().st_size if path.exists() else 0

    @property
    def lazy_loaded(self) -> bool:
        """Whether every lazy snapshot is parsed."""
        return len(self.loaded_files) == len(LAZY_FILES)

    @property
    def cache_problem(self) -> str | None:
        return "; ".join(self.cache_problems.values()) or None

    def load_lazy(self, names: Iterable[str] | None = None) -> list[str]:
        """Parse these lazy snapshots (default all) once, and apply the journal's entries for
        their tables; return the tables loaded now."""
        wanted = [n for n in (LAZY_FILES if names is None else names) if n not in self.loaded_files]
        if not wanted:
            return []
        found = {name: self._read_lazy(name) for name in wanted}
        if CACHE in found:
            # Until schema 2 split them, cache.json held every lazy table: a snapshot with no
            # file of its own yet takes its tables from there (a migration loads them all).
            for name in found:
                if not (self.directory / name).exists():
                    found[name] = found[CACHE]
        loaded = []
        for name, snapshot in found.items():
            for table in LAZY_FILES[name]:
                self.data[table] = snapshot.get(table, {})
                loaded.append(table)
            self.loaded_files.add(name)
            self._apply_pending(self._pending.pop(name, []))
            self._pending_bytes.pop(name, None)
        return loaded

    def _apply_pending(self, ops: list[tuple[str, int | str, dict | None]]) -> None:
        """Apply a parsed snapshot's waiting writes in order, giving a doc id to those written
        by key: the one holding that key, else the next free one. The same snapshot and
        journal always give the same ids, so a later write by id (once parsed) finds its doc."""
        ids: dict[str, dict[Any, int]] = {}  # table -> key -> doc id, built on first need
        free: dict[str, int] = {}
        for table, doc_id, doc in ops:
            field, docs = KEYS[table], self.data.setdefault(table, {})
            keys = ids.get(table)
            if keys is None:
                keys = ids[table] = {d.get(field): int(i) for i, d in docs.items()}
                free[table] = max((int(i) for i in docs), default=0) + 1
            if isinstance(doc_id, str):
                key, doc_id = doc_id, keys.get(doc_id)
                if doc_id is None:
                    if doc is None:
                        continue  # deleting what was never there
                    doc_id = free[table]
            else:
                current = docs.get(str(doc_id))
                if current is not None and keys.get(current.get(field)) == doc_id:
                    del keys[current.get(field)]
                key = doc.get(field) if doc is not None else None
                if doc is not None and (other := keys.get(key)) not in (None, doc_id):
                    # a key has one document: a replay over a snapshot that had already
                    # folded these writes may have given it another id
                    self.apply(table, other, None)
            free[table] = max(free[table], doc_id + 1)
            if doc is None:
                keys.pop(key, None)
            else:
                keys[key] = doc_id
            self.apply(table, doc_id, doc)

    def _read_lazy(self, name: str) -> Tables:
        path = self.directory / name
        try:
            return self._read_snapshot(path)
        except StoreCorrupt as exc:
            self.cache_problems[name] = str(exc)
            if not self.readonly:  # set aside, never overwritten: the next compaction writes anew
                os.replace(path, path.with_name(f"{name}.damaged-{int(time.time())}"))
            return {}

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
        if not (isinstance(table, str) and isinstance(doc_id, int | str)):
            raise ValueError("not a journal entry")
        if not (doc is None or isinstance(doc, dict)):
            raise ValueError("not a document")
        if (name := LAZY_FILE_OF.get(table)) is not None and name not in self.loaded_files:
            self._pending.setdefault(name, []).append((table, doc_id, doc))
            size = len(orjson.dumps(doc)) if doc is not None else 0
            self._pending_bytes[name] = self._pending_bytes.get(name, 0) + size
            return
        if isinstance(doc_id, str):  # by key: only into a table not parsed yet
            raise ValueError("a write by key to a parsed table")
        self._applied = True
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
        written = self.journal.good_end - self.carried_end
        return written > max(layout.COMPACT_MIN_BYTES, self.snapshot_size) or bool(self.to_fold())

    def compact(self) -> None:
        """Write the snapshots atomically, then restart the journal (raises OSError).

        Each file is replaced whole; until the journal is swapped it still holds every
        change, so a crash between the two renames replays into the same state. A lazy
        snapshot nobody parsed is left as it is: its waiting writes are carried over into the
        new journal, unless they outgrow their share of it (then it is parsed and written).
        """
        carried = self._carried()
        lazy_size = 0
        # cache.json last: until it is replaced, an old one still holds what a split-off
        # snapshot holds, so a crash in between loses nothing (load_lazy)
        for name in sorted(LAZY_FILES, key=lambda name: name == CACHE):
            tables, path = LAZY_FILES[name], self.directory / name
            if name in self.loaded_files:
                snapshot = orjson.dumps({t: self.data.get(t, {}) for t in tables})
                durable.atomic_write(path, snapshot)
                lazy_size += len(snapshot)
            else:
                lazy_size += self._size(path)
        generation = self.generation + 1
        tables = {t: v for t, v in self.data.items() if t not in LAZY_TABLES}
        tables[GENERATION_TABLE] = {"1": {"generation": generation}}
        meta = orjson.dumps(tables)
        durable.atomic_write(self.meta_path, meta)
        self.data[GENERATION_TABLE] = tables[GENERATION_TABLE]
        self.snapshot_size = len(meta) + lazy_size
        self.journal.restart(generation, carried)
        self.carried_end = self.journal.good_end
        self._synced()

    def _carried(self) -> bytes:
        """The entry lines of the writes waiting for unparsed snapshots, after parsing those
        with too many of them (to_fold)."""
        too_many = self.to_fold()
        if too_many:  # the Store parses them first (core._compact), so as to index them
            self.load_lazy(too_many)
        return b"".join(encode([list(op)]) for ops in self._pending.values() for op in ops)

    def to_fold(self) -> list[str]:
        """The unparsed snapshots whose waiting writes are too many to carry over: more than
        max(COMPACT_MIN_BYTES, 1/16 of the snapshot) would make every open replay, and hold
        in memory, much of the snapshot (a commit past that compacts, so they never grow
        further)."""
        return [
            name
            for name, size in self._pending_bytes.items()
            if size > max(layout.COMPACT_MIN_BYTES, self._size(self.directory / name) // 16)
        ]

    @property
    def has_entries(self) -> bool:
        """Whether the journal holds writes a compaction would fold (beyond the header and the
        writes carried over for unparsed snapshots)."""
        return self.journal.good_end > self.carried_end

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
