"""The store's core: open, lock, load, the one write path (_commit), compaction, backups.

The feature methods live in mixins (articles.py, annotations.py, analyses.py); public.Store
puts them together.
"""

from __future__ import annotations

import gc
import logging
import shutil
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import wraps
from pathlib import Path
from typing import Any, Self

from briefing import paths
from briefing.store import backups, layout, schema
from briefing.store.backups import list_backups
from briefing.store.durable import (
    AppendFile,
    ProcessLock,
    describe_os_error,
    fsync_dir,
    read_lock_note,
)
from briefing.store.errors import NotFound, StoreCorrupt, StoreError, StoreLocked, StoreReadOnly
from briefing.store.head import ListHead, read_head, write_head
from briefing.store.layout import (
    ANALYSES,
    ANALYSES_GLOB,
    BODIES,
    CACHE,
    KEYS,
    LAZY_FILE_OF,
    LAZY_FILES,
    LAZY_TABLES,
    LOCK,
    META,
    store_files,
)
from briefing.store.tables import JournalledTables, TablesDB

# Problems met where no caller can be told (on close); the CLI prints them as one line each.
log = logging.getLogger(__name__)


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def sha256_hex(text: str) -> str:
    import hashlib  # here: ~20 ms of OpenSSL loading the reader's first paint never needs

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def locked(method: Callable) -> Callable:
    """Serialise calls: the TUI reads and writes from worker threads."""

    @wraps(method)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        with self._mutex:
            if self._closed:
                raise StoreError("the store is closed")
            if not self.loaded:
                self._load_deferred()
            return method(self, *args, **kwargs)

    return wrapper


@contextmanager
def no_gc() -> Iterator[None]:
    """Build many small objects without the cyclic collector rescanning them meanwhile.

    The store's documents hold no cycles, and every full collection during a bulk build
    walks all of them again: at 40,000 articles listing takes 400 ms with it, 100 without.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _journal_note(note: str) -> tuple[int, int] | None:
    """(generation, length) from the lock file's note "journal G N", if it holds one."""
    parts = note.split()
    if len(parts) == 3 and parts[0] == "journal" and parts[1].isdigit() and parts[2].isdigit():
        return int(parts[1]), int(parts[2])
    return None


# What _load sets: read before a deferred load, it loads the store first (__getattr__).
_LOADED_STATE = frozenset({"_storage", "_db", "_bodies", "_analyses", "_keys", "_next_id"})


class StoreCore:
    """State and plumbing shared by the feature mixins; use public.Store."""

    def __init__(self, directory: Path, readonly: bool, backups_dir: Path | None):
        self.directory = directory
        self.readonly = readonly
        self._backups_dir = Path(backups_dir) if backups_dir is not None else None
        self._mutex = threading.RLock()
        self._closed = False
        self._lock: ProcessLock | None = None
        self.auto_backup = True
        self.last_compaction_error: str | None = None
        self.last_backup_error: str | None = None
        self.bodies_problem: str | None = None  # bodies.pack cut short: no appends, reads go on
        self.damaged_bodies: dict[str, str] = {}  # article id -> why, met by iter_bodies
        # open(deferred=True) with a current list head: the tables load on first need
        self.loaded = True
        self.head: ListHead | None = None

    @classmethod
    def open(
        cls,
        directory: Path | None = None,
        *,
        readonly: bool = False,
        backups_dir: Path | None = None,
        auto_backup: bool = True,
        deferred: bool = False,
    ) -> Self:
        """Open (creating if needed) the store in `directory` (default paths.store_dir()).

        Raises StoreLocked when another process holds it (unless readonly), StoreCorrupt
        when a file cannot be parsed. `backups_dir` defaults to paths.backups_dir();
        `auto_backup` makes close() take a backup when the newest is a day old.
        `deferred`: when the list head is current (head.py), only lock and read it; the tables
        are parsed by `load()` or by the first call that needs them (which may then raise
        what opening would have). `head` holds the head; `loaded` says which happened.
        """
        directory = Path(directory) if directory is not None else paths.store_dir()
        store = cls(directory, readonly, backups_dir)
        store.auto_backup = auto_backup
        if not readonly:
            if not directory.is_dir():
                directory.mkdir(parents=True)
                fsync_dir(directory.parent)
            store._lock = ProcessLock(directory / LOCK)
            try:
                holder = store._lock.acquire()
            except OSError as exc:  # a lock path that is a folder, no inode left, ...
                raise StoreError(describe_os_error(exc, directory / LOCK, "lock")) from exc
            if holder is not None:
                who = f"process {holder}" if holder else "another process"
                raise StoreLocked(
                    # No "open it read-only" here: only some callers can; they offer it.
                    f"the store {directory} is in use by {who} (lock file {directory / LOCK}); "
                    "close the other briefing first"
                )
        head = read_head(directory, schema.SCHEMA_VERSION) if deferred else None
        if head is not None and head.count > len(head.rows):  # else loaded in a moment anyway
            store.head, store.loaded = head, False
            return store
        store._load_now()
        return store

    def load(self) -> None:
        """Parse the tables now if open(deferred=True) left them for later (raises StoreError,
        StoreCorrupt as open would); other threads' calls wait for it."""
        with self._mutex:
            if self._closed:
                raise StoreError("the store is closed")
            if not self.loaded:
                self._load_deferred()

    def _load_deferred(self) -> None:
        try:
            self._load_now()
        except BaseException:
            self._closed = True  # unusable: every later call says so
            raise
        self.loaded = True

    def _load_now(self) -> None:
        try:
            with no_gc():
                self._load()
        except OSError as exc:
            self._release()
            raise StoreError(
                describe_os_error(exc, Path(exc.filename or self.directory), "open")
            ) from exc
        except BaseException:
            self._release()
            raise

    def __getattr__(self, name: str) -> Any:
        # The loaded state read outside a @locked method (iter_bodies, properties) before a
        # deferred load: load first. Only called for attributes not set yet.
        if name in _LOADED_STATE and not self.__dict__.get("loaded", True):
            self.load()
            return getattr(self, name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def _load(self) -> None:
        d = self.directory
        for pattern in (f".{META}.*.tmp", ".*.restore") if not self.readonly else ():
            for stale in d.glob(pattern):
                stale.unlink(missing_ok=True)  # a snapshot or restore whose rename never happened
        note = self._lock.previous_note if self._lock else read_lock_note(d / LOCK)
        written = _journal_note(note)
        self._storage = JournalledTables(d, self.readonly, written)
        if self._lock is not None:
            lock = self._lock
            self._storage.on_synced = lambda generation, length: lock.note(
                f"journal {generation} {length}"
            )
        if not self._storage.data and (d / BODIES).exists() and (d / BODIES).stat().st_size:
            raise StoreCorrupt(d / META, "missing, but bodies.pack holds articles")
        self._db = TablesDB(storage=lambda: self._storage)
        had_pack = (d / BODIES).exists()
        self._bodies = AppendFile(d / BODIES, readonly=self.readonly)
        self._analyses: AppendFile | None = None  # opened with the cache (it names the file)
        try:
            self._index()
        except (KeyError, TypeError, ValueError) as exc:
            raise StoreCorrupt(d / META, f"a document lacks its key: {exc!r}") from exc
        self.bodies_problem = self._check_pack_end(had_pack)
        self._migrate()

    def _check_pack_end(self, existed: bool) -> str | None:
        """Why bodies.pack is damaged, when it ends before the bytes the articles point to.

        Pack bytes are synced before the journal line naming them, so no crash can do this:
        the file was cut, emptied or deleted.
        """
        docs = self._storage.data.get("articles", {}).values()
        try:
            wanted = max((doc["_body"][0] + doc["_body"][1] for doc in docs), default=0)
        except (KeyError, TypeError, IndexError) as exc:
            raise StoreCorrupt(
                self.directory / META, f"an article lacks its body: {exc!r}"
            ) from exc
        size = self._bodies.good_end
        if size >= wanted:
            return None
        state = f"{size} bytes" if existed else "missing"
        return (
            f"it is {state} but the articles' texts reach byte {wanted}: it was cut short, "
            "so nothing is added to it"
        )

    def _index(self, tables: Iterable[str] | None = None) -> None:
        data = self._storage.data
        if tables is None:
            self._keys: dict[str, dict[Any, int]] = {}
            self._next_id: dict[str, int] = {}
            loaded = self._storage.loaded_files
            tables = [t for t in KEYS if t not in LAZY_TABLES or LAZY_FILE_OF[t] in loaded]
        for table in tables:
            key, docs = KEYS[table], data.get(table, {})
            self._keys[table] = {doc[key]: int(i) for i, doc in docs.items()}
            self._next_id[table] = max((int(i) for i in docs), default=0) + 1
        if "articles" in tables:
            self._content_hashes: dict[str, str] | None = None  # built by the first import

    @property
    def _hashes(self) -> dict[str, str]:
        """Content hash -> article id, to spot a duplicate on import: built on first need,
        not at every open (0.1 s and 10 MB at 100,000 articles, for the reader's launch)."""
        if self._content_hashes is None:
            self._content_hashes = {
                doc["content_hash"]: doc["id"]
                for doc in self._storage.data.get("articles", {}).values()
                if doc.get("content_hash")
            }
        return self._content_hashes

    def _migrate(self) -> None:
        docs = self._storage.data.get("_schema", {})
        version = next((d["value"] for d in docs.values() if d.get("key") == "version"), None)
        if version is None:
            if not self.readonly:
                self._commit(
                    [("_schema", "version", {"key": "version", "value": schema.SCHEMA_VERSION})]
                )
            return
        if version > schema.SCHEMA_VERSION:
            raise StoreError(
                f"the store {self.directory} was written by a newer briefing (schema {version}, "
                f"this one knows {schema.SCHEMA_VERSION}); upgrade briefing"
            )
        if version == schema.SCHEMA_VERSION:
            return
        if set(range(version, schema.SCHEMA_VERSION)) <= schema.FORMAT_ONLY:
            # nothing written to rewrite (no backup, no parse): only the version moves on
            current = {"key": "version", "value": schema.SCHEMA_VERSION}
            if self.readonly:
                self._storage.data["_schema"][str(self._keys["_schema"]["version"])] = current
            else:
                self._commit([("_schema", "version", current)])
            return
        self._lazy()  # migrations see every table
        if not self.readonly:
            self._copy_to_backups(f"before-migration-v{version}")
        for step in range(version, schema.SCHEMA_VERSION):
            schema.MIGRATIONS[step](self._storage.data)
        for doc in self._storage.data["_schema"].values():
            if doc.get("key") == "version":
                doc["value"] = schema.SCHEMA_VERSION
        if not self.readonly:
            self._compact(raise_errors=True)
        self._index()

    # -- lifecycle --

    def close(self) -> None:
        """Fold the journal into the snapshot (best effort: the journal is already durable)."""
        with self._mutex:
            if self._closed:
                return
            if not self.loaded:  # never parsed: nothing to fold, the head is still current
                self._closed = True
                self._release()
                return
            try:
                if self._lock is not None and not self._lock.still_ours():
                    # Another writer may own the files now: fold nothing over its snapshot.
                    log.warning(
                        "the lock file %s was deleted or replaced; the store was "
                        "left as it is (every write is in the journal)",
                        self._lock.path,
                    )
                    return
                self._vacuum_if_wasteful()
                if not self.readonly and self._storage.has_entries:
                    self._compact(raise_errors=False)
                    if self.last_compaction_error:  # nothing is lost: the journal holds it all
                        log.warning(
                            "%s (every write is kept in the journal)", self.last_compaction_error
                        )
                self._write_head()
                self._daily_backup()
                if self.last_backup_error:
                    log.warning("no daily backup: %s", self.last_backup_error)
            finally:
                self._closed = True
                self._storage.close()
                self._bodies.close()
                if self._analyses is not None:
                    self._analyses.close()
                self._release()

    def _release(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def cache_problem(self) -> str | None:
        """Why cached analyses were dropped on load (a damaged cache.json set aside), if so."""
        return self._storage.cache_problem

    def __repr__(self) -> str:
        mode = "read-only" if self.readonly else "writable"
        return f"<Store {self.directory} {mode}>"

    # -- the one way anything is written --

    def _writable(self) -> None:
        if self.readonly:
            raise StoreReadOnly(f"the store {self.directory} was opened read-only")
        if self._lock is not None and not self._lock.still_ours():
            raise StoreLocked(
                f"the lock file {self._lock.path} was deleted or replaced while this briefing "
                "had the store open, so another one may be writing; nothing was saved. "
                "Close every briefing and open the store again"
            )

    def _commit(self, *groups: list[tuple[str, Any, dict | None]]) -> None:
        """Make each group of (table, key, doc or None) durable, one journal line per group.

        The journal is written first; memory changes only after the fsync succeeded, so a
        failed save leaves the store exactly as it was.
        """
        self._writable()
        lines, changes, next_id = self._resolve(groups)
        try:
            self._storage.log(lines)
        except OSError as exc:
            raise StoreError(describe_os_error(exc, self._storage.journal_path)) from exc
        self._next_id = next_id
        self._apply(changes)
        if self._storage.needs_compaction():
            self._compact(raise_errors=False)

    def _resolve(
        self, groups: Sequence[list[tuple[str, Any, dict | None]]]
    ) -> tuple[list[list[list[Any]]], list[tuple[str, Any, int, dict | None]], dict[str, int]]:
        """Doc ids for (table, key, doc) changes: the journal lines, the changes with their
        ids, and the next free id per table once they are made. Nothing changes yet.

        A write to a lazy table whose snapshot nobody parsed keeps the document's key for its
        id: the snapshot's parse gives it one (tables.JournalledTables._apply_pending), so
        storing an analysis does not parse 2 GB of summaries at 100,000 articles."""
        touched = {table for group in groups for table, _, _ in group}
        waiting = {table for table in touched if self._waits_for_parse(table)}
        waiting -= {
            table for group in groups for table, key, _ in group if not isinstance(key, str)
        }
        self._lazy(touched - waiting)
        next_id = dict(self._next_id)
        new_keys: dict[tuple[str, Any], int] = {}
        lines = []
        changes = []
        for group in groups:
            ops = []
            for table, key, doc in group:
                if table in waiting:
                    ops.append([table, key, doc])
                    changes.append((table, key, key, doc))
                    continue
                doc_id = self._keys[table].get(key) or new_keys.get((table, key))
                if doc_id is None:
                    if doc is None:
                        continue
                    doc_id = new_keys[(table, key)] = next_id[table]
                    next_id[table] += 1
                ops.append([table, doc_id, doc])
                changes.append((table, key, doc_id, doc))
            lines.append(ops)
        return lines, changes, next_id

    def _waits_for_parse(self, table: str) -> bool:
        """Whether a write to `table` can wait in the journal for its snapshot's parse: a
        lazy one on disk and not parsed yet (a missing one costs nothing to parse)."""
        name = LAZY_FILE_OF.get(table)
        if name is None or name in self._storage.loaded_files:
            return False
        return (self.directory / name).exists()

    def _apply(self, changes: list[tuple[str, Any, int | str, dict | None]]) -> None:
        """Change memory: the documents through the call a journal replay makes (the only
        one that changes them), then the key index and TinyDB's query caches."""
        for table, key, doc_id, doc in changes:
            self._storage.apply(table, doc_id, doc)
            if table not in self._keys:  # not parsed yet: indexed when it is
                continue
            if doc is None:
                self._keys[table].pop(key, None)
            else:
                self._keys[table][key] = doc_id
        for table in {table for table, _, _, _ in changes}:
            self._db.table(table).clear_cache()  # highlights are searched through TinyDB

    def _write_head(self) -> None:
        """The list head for the next launch, as of the journal now (best effort: derived)."""
        if self.readonly:
            return
        position = (self._storage.generation, self._storage.journal.good_end)
        if self.head is not None and self.head.position == position:
            return  # the one read at open is still current
        try:
            write_head(self.directory, self._storage.data, position, schema.SCHEMA_VERSION)
        except OSError as exc:
            log.warning("no list head written: %s", describe_os_error(exc, self.directory))

    def _compact(self, *, raise_errors: bool) -> None:
        try:
            # snapshots with too many waiting writes to carry over are parsed (and indexed)
            self._lazy(t for name in self._storage.to_fold() for t in LAZY_FILES[name])
            self._storage.compact()
            self.last_compaction_error = None
        except (OSError, StoreError) as exc:
            message = (
                describe_os_error(exc, self._storage.meta_path)
                if isinstance(exc, OSError)
                else str(exc)
            )
            self.last_compaction_error = message
            if raise_errors:
                if isinstance(exc, StoreError):
                    raise
                raise StoreError(message) from exc

    @locked
    def compact(self) -> None:
        """Rewrite the snapshot now and empty the journal (raises StoreError on failure)."""
        self._writable()
        self._compact(raise_errors=True)

    def _lazy(self, tables: Iterable[str] = LAZY_TABLES) -> None:
        """Load the lazy snapshots holding these tables on first need (the analyses pack opens
        with the analyses index): opening an article must not parse every summary."""
        names = {LAZY_FILE_OF[t] for t in tables if t in LAZY_FILE_OF}
        if not names - self._storage.loaded_files:
            return
        try:
            with no_gc():
                loaded = self._storage.load_lazy(sorted(names))
        except OSError as exc:
            raise StoreError(describe_os_error(exc, self._storage.cache_path, "read")) from exc
        try:
            self._index(loaded)
        except (KeyError, TypeError, ValueError) as exc:
            raise StoreCorrupt(
                self._storage.cache_path, f"a document lacks its key: {exc!r}"
            ) from exc
        if "analyses" not in loaded:
            return
        pack = self._analyses_pack_name()
        try:
            self._analyses = AppendFile(self.directory / pack, readonly=self.readonly)
        except OSError as exc:
            raise StoreError(describe_os_error(exc, self.directory / pack, "open")) from exc
        if not self.readonly and CACHE not in self._storage.cache_problems:
            for orphan in self.directory.glob(ANALYSES_GLOB):
                if orphan.name != pack:  # left by a vacuum a crash cut short
                    orphan.unlink(missing_ok=True)

    def _analyses_pack_name(self) -> str:
        doc_id = self._keys["_cache"].get("pack")
        return self._storage.data["_cache"][str(doc_id)]["value"] if doc_id else ANALYSES

    def _doc(self, table: str, key: Any) -> dict | None:
        if table in LAZY_TABLES:
            self._lazy((table,))
        doc_id = self._keys[table].get(key)
        return None if doc_id is None else self._storage.data[table][str(doc_id)]

    def _article_doc(self, article_id: str) -> dict:
        doc = self._doc("articles", article_id)
        if doc is None:
            raise NotFound(f"no article with id {article_id!r}")
        return doc

    def _append_pack(self, pack: AppendFile, blobs: list[bytes]) -> list[list[int]]:
        """Append and fsync; [offset, length] per blob. Must happen before the journal line."""
        self._writable()
        try:
            spans = [[pack.append(blob), len(blob)] for blob in blobs]
            pack.sync()
        except OSError as exc:
            pack.rollback()
            raise StoreError(describe_os_error(exc, pack.path)) from exc
        return spans

    @locked
    def schema_version(self) -> int:
        doc = self._doc("_schema", "version")
        return doc["value"] if doc else schema.SCHEMA_VERSION

    # -- backups --

    @locked
    def backup(self, reason: str = "manual") -> Path:
        """Copy the store into backups_dir()/<timestamp>-<reason>/; keep the last 10.

        Consistent: this process holds the lock, the journal is folded in first and the
        packs are copied up to their last synced byte.
        """
        if not self.readonly:
            self._compact(raise_errors=True)
        return self._copy_to_backups(reason)

    def _copy_to_backups(self, reason: str) -> Path:
        """The files as they are (snapshots + journal + packs): consistent under the lock.

        The copy is verified (every body against its checksum); a copy that fails is removed,
        so a damaged store never becomes the newest "good" backup.
        """
        lengths = {BODIES: self._bodies.good_end}
        if self._analyses is not None:
            lengths[self._analyses.path.name] = self._analyses.good_end
        try:
            made = backups.make_backup(
                self.directory,
                self._backups_dir or paths.backups_dir(),
                store_files(self.directory),
                reason,
                self.count(),
                lengths,
            )
        except OSError as exc:
            raise StoreError(describe_os_error(exc, Path(exc.filename or self.directory))) from exc
        try:
            type(self).verify(made)
        except StoreError as exc:
            shutil.rmtree(made, ignore_errors=True)
            raise StoreError(f"no backup made: the copy does not read back whole: {exc}") from exc
        return made

    @classmethod
    def verify(cls, directory: Path) -> int:
        """Check a store or backup folder reads whole; return its article count.

        Every file parses, the journal's checksums hold, and every body is there and matches
        its checksum. Raises StoreCorrupt naming the first damaged file.
        """
        with cls.open(directory, readonly=True) as store:
            if store.bodies_problem:
                raise StoreCorrupt(store._bodies.path, store.bodies_problem)
            for _article_id, _body in store.iter_bodies():
                pass
            for article_id in store.damaged_bodies:
                store.body(article_id)  # raises its BodyDamaged, naming the file
            return store.count()

    def _daily_backup(self) -> None:
        """On close: a backup when the newest is older than a day, so damage can be undone."""
        if self.readonly or not self.auto_backup or not self._keys["articles"]:
            return
        try:
            found = list_backups(self._backups_dir or paths.backups_dir())
            if found and found[-1].age_seconds < layout.AUTO_BACKUP_SECONDS:
                return
            self._copy_to_backups("daily")  # close() has just compacted
        except (StoreError, OSError) as exc:
            self.last_backup_error = str(exc)  # the store itself is fine; do not fail close()

    def _vacuum_if_wasteful(self) -> None:
        """Overridden by the analyses mixin; close() calls it before compacting."""
