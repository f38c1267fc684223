"""The article store over TinyDB: the only module that imports tinydb.

Layout of a store folder (default paths.store_dir()):
  meta.json + meta.journal   TinyDB tables: articles (metadata, no bodies), highlights,
                             corrections, summaries, analyses (index into analyses.pack),
                             settings, _schema. Every write appends one fsynced journal line;
                             the snapshot is rewritten atomically when the journal grows.
  bodies.pack                article bodies (UTF-8), appended; articles hold [offset, length]
  analyses.pack              cached analyses (JSON), appended; the analyses table points in
  lock                       one running writer at a time (holds its pid)

Write order keeps a crash harmless: pack bytes are synced before the journal line that
points at them, and the journal line is synced before memory changes, so a failed save
leaves memory exactly as it was and a retry starts clean.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from functools import wraps
from pathlib import Path
from typing import Any

# orjson parses the 10k-article snapshot about 3x faster than json, which is most of open time
import orjson
from tinydb import Query, TinyDB
from tinydb.storages import Storage
from tinydb.table import Document, Table

from briefing import backups, paths
from briefing.backups import BackupInfo
from briefing.durable import AppendFile, ProcessLock, atomic_write, describe_os_error, fsync_dir
from briefing.models import Analysis, Article, ArticleSummary, Correction, Highlight

SCHEMA_VERSION = 1
AUTO_BACKUP_SECONDS = 24 * 3600
# The journal is folded into the snapshot once it outgrows both this and the snapshot itself,
# so replay on open never costs more than reading the snapshot twice.
COMPACT_MIN_BYTES = 4 * 1024 * 1024

META, CACHE, JOURNAL, BODIES, ANALYSES, LOCK = (
    "meta.json",
    "cache.json",
    "meta.journal",
    "bodies.pack",
    "analyses.pack",
    "lock",
)
STORE_FILES = (META, CACHE, JOURNAL, BODIES, ANALYSES)
# vacuum() rewrites analyses.pack as analyses.<n>.pack; cache.json names the live one
ANALYSES_GLOB = "analyses*.pack"
VACUUM_MIN_BYTES = 16 * 1024 * 1024
# Tables only the filters and the article view need, in their own snapshot (cache.json) that
# is parsed on first use: painting the list does not wait for 40% of the metadata. Everything
# in them is rebuilt by analysing again, so a damaged cache.json is set aside, not fatal.
LAZY_TABLES = ("analyses", "summaries", "_cache")

# The field each table is addressed by; doc ids are the store's own business.
KEYS = {
    "articles": "id",
    "highlights": "id",
    "corrections": "id",
    "summaries": "article_id",
    "analyses": "article_id",
    "settings": "key",
    "_schema": "key",
    "_cache": "key",
}
_ARTICLE_FIELDS = tuple(f.name for f in fields(Article) if f.name != "body")
_EDITABLE = set(_ARTICLE_FIELDS) - {"id"} | {"body"}
_BLANK_ARTICLE = Article(id="", title="").to_dict()
_BLANK_SUMMARY = ArticleSummary(article_id="").to_dict()
_SUMMARY_LISTS = [k for k, v in _BLANK_SUMMARY.items() if isinstance(v, list)]
RESTORE_HINT = "Restore the last good copy with `briefing restore` (see `briefing restore --list`)."


class StoreError(Exception):
    """Base class: every store failure a user can be told about."""


class StoreLocked(StoreError):
    """Another briefing process holds the store for writing."""


class StoreCorrupt(StoreError):
    """A store file cannot be read; it names the file and is never overwritten."""

    def __init__(self, path: Path, reason: str):
        self.path = path
        super().__init__(
            f"{path} cannot be read ({reason}); it has been left untouched. {RESTORE_HINT}"
        )


class StoreReadOnly(StoreError):
    """A write was attempted on a store opened read-only."""


class NotFound(StoreError, KeyError):
    """No article (highlight, correction) with that id."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


@dataclass
class AddResult:
    article_id: str
    added: bool  # False: the same content was already in the store
    duplicate_of: str | None = None


# -- schema migrations -------------------------------------------------------------------

Tables = dict[str, dict[str, dict[str, Any]]]
# from_version -> step that rewrites the raw tables in place to from_version + 1
MIGRATIONS: dict[int, Callable[[Tables], None]] = {}


def migration(from_version: int) -> Callable[[Callable[[Tables], None]], Callable[[Tables], None]]:
    """Register the step from `from_version` to the next one (a backup is taken first)."""

    def register(step: Callable[[Tables], None]) -> Callable[[Tables], None]:
        MIGRATIONS[from_version] = step
        return step

    return register


# -- the TinyDB storage: memory after the first read, journal + snapshot on disk -----------


class JournalStorage(Storage):
    """TinyDB storage that reads meta.json + meta.journal once and then lives in memory.

    TinyDB's own write() only swaps the in-memory dict; durability comes from `log()`,
    which the Store calls (before touching memory) with exactly the docs that change.
    """

    def __init__(self, directory: Path, readonly: bool = False):
        self.directory = directory
        self.readonly = readonly
        self.meta_path = directory / META
        self.cache_path = directory / CACHE
        self.journal_path = directory / JOURNAL
        self.data: Tables = self._read_snapshot(self.meta_path)
        self.snapshot_size = self._size(self.meta_path) + self._size(self.cache_path)
        self.lazy_loaded = False
        self.cache_problem: str | None = None
        self._pending: list[tuple[str, int, dict | None]] = []  # journal ops on lazy tables
        valid_end = self._replay()
        self.journal = AppendFile(self.journal_path, readonly=readonly, valid_end=valid_end)

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
            self._apply(*op)
        self._pending = []

    def read(self) -> Tables:
        return self.data

    def write(self, data: Tables) -> None:
        self.data = data

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

    def _replay(self) -> int:
        """Apply the journal over the snapshot; return where its last whole line ends.

        A last line cut short by a crash is ignored. A bad line with good ones after it
        is real damage, not a crash, so it is reported rather than guessed around.
        """
        try:
            raw = self.journal_path.read_bytes()
        except FileNotFoundError:
            return 0
        pos = 0
        while pos < len(raw):
            nl = raw.find(b"\n", pos)
            if nl < 0:
                break  # torn tail: the write never returned, so nobody was told it was saved
            try:
                ops = orjson.loads(raw[pos:nl])
                for table, doc_id, doc in ops:
                    self._apply(table, doc_id, doc)
            except (orjson.JSONDecodeError, TypeError, ValueError) as exc:
                if any(self._is_entry(line) for line in raw[nl + 1 :].split(b"\n")):
                    raise StoreCorrupt(self.journal_path, f"damaged entry at byte {pos}") from exc
                break
            pos = nl + 1
        return pos

    @staticmethod
    def _is_entry(line: bytes) -> bool:
        try:
            return isinstance(orjson.loads(line), list)
        except orjson.JSONDecodeError:
            return False

    def _apply(self, table: str, doc_id: int, doc: dict | None) -> None:
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
        else:
            docs[str(doc_id)] = doc

    def log(self, lines: list[list[list[Any]]]) -> None:
        """Append one journal line per logical write and fsync once; raise OSError on failure."""
        for ops in lines:
            self.journal.append(orjson.dumps(ops) + b"\n")
        self.journal.sync()

    def needs_compaction(self) -> bool:
        return self.journal.good_end > max(COMPACT_MIN_BYTES, self.snapshot_size)

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
            atomic_write(self.cache_path, cache)
            size = len(cache)
        meta = orjson.dumps({t: v for t, v in self.data.items() if t not in LAZY_TABLES})
        atomic_write(self.meta_path, meta)
        self.snapshot_size = len(meta) + size
        self.journal.truncate()

    def close(self) -> None:
        self.journal.close()


class _IntKeys(MutableMapping):
    """The raw table (str keys, as JSON has them) seen with int doc ids, without copying it."""

    def __init__(self, raw: dict[str, Any]):
        self.raw = raw

    def __getitem__(self, doc_id: int) -> Any:
        return self.raw[str(doc_id)]

    def __setitem__(self, doc_id: int, doc: Any) -> None:
        self.raw[str(doc_id)] = doc

    def __delitem__(self, doc_id: int) -> None:
        del self.raw[str(doc_id)]

    def __contains__(self, doc_id: object) -> bool:
        return str(doc_id) in self.raw

    def __iter__(self) -> Iterator[int]:
        return (int(k) for k in list(self.raw))

    def __len__(self) -> int:
        return len(self.raw)


class JournalTable(Table):
    """A TinyDB table whose writes touch only the changed docs.

    TinyDB's own _update_table copies the whole table twice (int keys and back) on every
    write: 5 ms at 10,000 articles, a quarter of the tag-write budget. The storage lives in
    memory, so the updater can work on the raw dict through an int-keyed view instead.
    """

    def _update_table(self, updater: Callable[[dict[int, Any]], None]) -> None:
        tables = self._storage.read()
        updater(_IntKeys(tables.setdefault(self.name, {})))  # type: ignore[arg-type]
        self._storage.write(tables)
        self.clear_cache()


class _TinyDB(TinyDB):
    table_class = JournalTable


# -- the store -----------------------------------------------------------------------------


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _locked(method: Callable) -> Callable:
    """Serialise calls: the TUI reads and writes from worker threads."""

    @wraps(method)
    def wrapper(self: Store, *args: Any, **kwargs: Any) -> Any:
        with self._mutex:
            if self._closed:
                raise StoreError("the store is closed")
            return method(self, *args, **kwargs)

    return wrapper


def _replace_with(doc: dict) -> Callable[[dict], None]:
    def replace(current: dict) -> None:
        current.clear()
        current.update(doc)

    return replace


class Store:
    """Open with Store.open(); every mutating method returns once the change is durable."""

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

    @classmethod
    def open(
        cls,
        directory: Path | None = None,
        *,
        readonly: bool = False,
        backups_dir: Path | None = None,
        auto_backup: bool = True,
    ) -> Store:
        """Open (creating if needed) the store in `directory` (default paths.store_dir()).

        Raises StoreLocked when another process holds it (unless readonly), StoreCorrupt
        when a file cannot be parsed. `backups_dir` defaults to paths.backups_dir();
        `auto_backup` makes close() take a backup when the newest is a day old.
        """
        directory = Path(directory) if directory is not None else paths.store_dir()
        store = cls(directory, readonly, backups_dir)
        store.auto_backup = auto_backup
        if not readonly:
            if not directory.is_dir():
                directory.mkdir(parents=True)
                fsync_dir(directory.parent)
            store._lock = ProcessLock(directory / LOCK)
            holder = store._lock.acquire()
            if holder is not None:
                who = f"process {holder}" if holder else "another process"
                raise StoreLocked(
                    f"the store {directory} is in use by {who} (lock file {directory / LOCK}); "
                    "close the other briefing, or open this one read-only"
                )
        try:
            store._load()
        except OSError as exc:
            store._release()
            raise StoreError(
                describe_os_error(exc, Path(exc.filename or directory), "open")
            ) from exc
        except BaseException:
            store._release()
            raise
        return store

    def _load(self) -> None:
        d = self.directory
        for pattern in (f".{META}.*.tmp", ".*.restore") if not self.readonly else ():
            for stale in d.glob(pattern):
                stale.unlink(missing_ok=True)  # a snapshot or restore whose rename never happened
        self._storage = JournalStorage(d, self.readonly)
        if not self._storage.data and (d / BODIES).exists() and (d / BODIES).stat().st_size:
            raise StoreCorrupt(d / META, "missing, but bodies.pack holds articles")
        self._db = _TinyDB(storage=lambda: self._storage)
        self._bodies = AppendFile(d / BODIES, readonly=self.readonly)
        self._analyses: AppendFile | None = None  # opened with the cache (it names the file)
        try:
            self._index()
        except (KeyError, TypeError, ValueError) as exc:
            raise StoreCorrupt(d / META, f"a document lacks its key: {exc!r}") from exc
        self._migrate()

    def _index(self, tables: Iterable[str] | None = None) -> None:
        data = self._storage.data
        if tables is None:
            self._keys: dict[str, dict[Any, int]] = {}
            self._next_id: dict[str, int] = {}
            loaded = self._storage.lazy_loaded
            tables = [t for t in KEYS if loaded or t not in LAZY_TABLES]
        for table in tables:
            key, docs = KEYS[table], data.get(table, {})
            self._keys[table] = {doc[key]: int(i) for i, doc in docs.items()}
            self._next_id[table] = max((int(i) for i in docs), default=0) + 1
        if "articles" not in tables:
            return
        self._hashes = {
            doc["content_hash"]: doc["id"]
            for doc in data.get("articles", {}).values()
            if doc.get("content_hash")
        }

    def _migrate(self) -> None:
        schema = self._storage.data.get("_schema", {})
        version = next((d["value"] for d in schema.values() if d.get("key") == "version"), None)
        if version is None:
            if not self.readonly:
                self._commit([("_schema", "version", {"key": "version", "value": SCHEMA_VERSION})])
            return
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"the store {self.directory} was written by a newer briefing (schema {version}, "
                f"this one knows {SCHEMA_VERSION}); upgrade briefing"
            )
        if version == SCHEMA_VERSION:
            return
        self._lazy()  # migrations see every table
        if not self.readonly:
            self.backup(reason=f"before-migration-v{version}", _compact=False)
        for step in range(version, SCHEMA_VERSION):
            MIGRATIONS[step](self._storage.data)
        for doc in self._storage.data["_schema"].values():
            if doc.get("key") == "version":
                doc["value"] = SCHEMA_VERSION
        if not self.readonly:
            self._compact(raise_errors=True)
        self._index()

    # -- lifecycle --

    def close(self) -> None:
        """Fold the journal into the snapshot (best effort: the journal is already durable)."""
        with self._mutex:
            if self._closed:
                return
            try:
                self._vacuum_if_wasteful()
                if not self.readonly and self._storage.journal.good_end:
                    self._compact(raise_errors=False)
                self._daily_backup()
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

    def __enter__(self) -> Store:
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

    def _commit(self, *groups: list[tuple[str, Any, dict | None]]) -> None:
        """Make each group of (table, key, doc or None) durable, one journal line per group.

        The journal is written first; memory changes only after the fsync succeeded, so a
        failed save leaves the store exactly as it was.
        """
        self._writable()
        if any(table in LAZY_TABLES for group in groups for table, _, _ in group):
            self._lazy()
        next_id = dict(self._next_id)
        new_keys: dict[tuple[str, Any], int] = {}
        lines = []
        resolved = []
        for group in groups:
            ops = []
            for table, key, doc in group:
                doc_id = self._keys[table].get(key) or new_keys.get((table, key))
                if doc_id is None:
                    if doc is None:
                        continue
                    doc_id = new_keys[(table, key)] = next_id[table]
                    next_id[table] += 1
                ops.append([table, doc_id, doc])
                resolved.append((table, key, doc_id, doc))
            lines.append(ops)
        try:
            self._storage.log(lines)
        except OSError as exc:
            raise StoreError(describe_os_error(exc, self._storage.journal_path)) from exc
        self._next_id = next_id
        self._apply(resolved)
        if self._storage.needs_compaction():
            self._compact(raise_errors=False)

    def _apply(self, resolved: list[tuple[str, Any, int, dict | None]]) -> None:
        by_table: dict[str, list[tuple[Any, int, dict | None]]] = {}
        for table, key, doc_id, doc in resolved:
            by_table.setdefault(table, []).append((key, doc_id, doc))
        for table, changes in by_table.items():
            tdb = self._db.table(table)
            keys = self._keys[table]
            final: dict[int, tuple[Any, dict | None]] = {}
            for key, doc_id, doc in changes:
                final[doc_id] = (key, doc)  # the last change to a doc wins, as in replay
            gone = [i for i, (key, doc) in final.items() if doc is None and key in keys]
            inserts = [
                Document(doc, doc_id=i)
                for i, (key, doc) in final.items()
                if doc is not None and keys.get(key) is None
            ]
            updates = [
                (i, doc)
                for i, (key, doc) in final.items()
                if doc is not None and keys.get(key) is not None
            ]
            # TinyDB returns the doc ids it touched: they must be exactly the journalled ones,
            # or memory would no longer be what a replay of the journal gives.
            touched = tdb.remove(doc_ids=gone) if gone else []
            touched += tdb.insert_multiple(inserts) if inserts else []
            for doc_id, doc in updates:
                touched += tdb.update(_replace_with(doc), doc_ids=[doc_id])
            expected = [i for i, (key, doc) in final.items() if doc is not None or key in keys]
            if sorted(touched) != sorted(expected):
                raise RuntimeError(f"store bug: {table} changed {touched}, journal says {final}")
            for doc_id, (key, doc) in final.items():
                if doc is None:
                    keys.pop(key, None)
                else:
                    keys[key] = doc_id

    def _compact(self, *, raise_errors: bool) -> None:
        try:
            self._storage.compact()
            self.last_compaction_error = None
        except OSError as exc:
            message = describe_os_error(exc, self._storage.meta_path)
            self.last_compaction_error = message
            if raise_errors:
                raise StoreError(message) from exc

    @_locked
    def compact(self) -> None:
        """Rewrite the snapshot now and empty the journal (raises StoreError on failure)."""
        self._writable()
        self._compact(raise_errors=True)

    def _lazy(self) -> None:
        """Load the analyses index and summaries, and open their pack, on first need."""
        if self._analyses is not None:
            return
        if not self._storage.lazy_loaded:
            try:
                self._storage.load_lazy()
            except OSError as exc:
                raise StoreError(describe_os_error(exc, self._storage.cache_path, "read")) from exc
            try:
                self._index(LAZY_TABLES)
            except (KeyError, TypeError, ValueError) as exc:
                raise StoreCorrupt(
                    self._storage.cache_path, f"a document lacks its key: {exc!r}"
                ) from exc
        pack = self._analyses_pack_name()
        try:
            self._analyses = AppendFile(self.directory / pack, readonly=self.readonly)
        except OSError as exc:
            raise StoreError(describe_os_error(exc, self.directory / pack, "open")) from exc
        if not self.readonly and not self.cache_problem:
            for orphan in self.directory.glob(ANALYSES_GLOB):
                if orphan.name != pack:  # left by a vacuum a crash cut short
                    orphan.unlink(missing_ok=True)

    def _analyses_pack_name(self) -> str:
        doc_id = self._keys["_cache"].get("pack")
        return self._storage.data["_cache"][str(doc_id)]["value"] if doc_id else ANALYSES

    def _doc(self, table: str, key: Any) -> dict | None:
        if table in LAZY_TABLES:
            self._lazy()
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

    # -- articles --

    @_locked
    def add_articles(
        self, articles: Iterable[Article], *, batch_size: int = 1000
    ) -> list[AddResult]:
        """Add a batch (bodies included), skipping duplicates by content_hash; one fsync per batch.

        Large iterables are taken `batch_size` at a time; each finished batch is durable.
        """
        self._writable()
        results: list[AddResult] = []
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                results.extend(self._add_batch(batch))
                batch = []
        if batch:
            results.extend(self._add_batch(batch))
        return results

    def _add_batch(self, batch: list[Article]) -> list[AddResult]:
        results: list[AddResult] = []
        fresh: list[tuple[Article, str, bytes]] = []
        seen_hashes: dict[str, str] = {}
        seen_ids: set[str] = set()
        for article in batch:
            body = article.body or ""
            content_hash = article.content_hash or _sha256(body)
            article_id = article.id or content_hash[:12]
            first = self._hashes.get(content_hash) or seen_hashes.get(content_hash)
            if first is None and (article_id in self._keys["articles"] or article_id in seen_ids):
                first = article_id  # same id, different hash: still the same article to a user
            if first is not None:
                results.append(AddResult(first, added=False, duplicate_of=first))
                continue
            seen_hashes[content_hash] = article_id
            seen_ids.add(article_id)
            fresh.append((article, content_hash, body.encode("utf-8")))
            results.append(AddResult(article_id, added=True))
        if not fresh:
            return results
        spans = self._append_pack(self._bodies, [blob for _, _, blob in fresh])
        groups = []
        added = _now()
        for (article, content_hash, _), span in zip(fresh, spans, strict=True):
            doc = article.to_dict(with_body=False)
            doc["id"] = seen_hashes[content_hash]
            doc["content_hash"] = content_hash
            doc["tags"] = list(dict.fromkeys(doc.get("tags") or []))
            doc["added"] = doc.get("added") or added
            doc["_body"] = span
            groups.append([("articles", doc["id"], doc)])
        # If this raises, the synced bodies stay in the pack unreferenced: wasted bytes, no harm.
        self._commit(*groups)
        for _article, content_hash, _ in fresh:
            self._hashes[content_hash] = seen_hashes[content_hash]
        return results

    def add_article(self, article: Article) -> AddResult:
        return self.add_articles([article])[0]

    @_locked
    def count(self) -> int:
        return len(self._keys["articles"])

    @_locked
    def articles(self) -> list[Article]:
        """Every article's metadata (body None), newest published first. Never reads bodies."""
        docs = sorted(
            self._storage.data.get("articles", {}).values(),
            key=lambda d: (d.get("published") or "", d.get("added") or ""),
            reverse=True,
        )
        return [self._to_article(doc) for doc in docs]

    @staticmethod
    def _to_article(doc: dict) -> Article:
        # Filling __dict__ directly is 3x faster than Article(**...) and listing 10,000
        # articles is on the launch path; docs only ever hold Article fields plus _body.
        article = object.__new__(Article)
        values = article.__dict__
        values.update(_BLANK_ARTICLE)
        values.update(doc)
        values.pop("_body", None)
        values["tags"] = list(values["tags"] or ())  # never hand out the list memory holds
        return article

    @_locked
    def get(self, article_id: str) -> Article | None:
        """Metadata only (body None)."""
        doc = self._doc("articles", article_id)
        return None if doc is None else self._to_article(doc)

    @_locked
    def body(self, article_id: str) -> str:
        offset, length = self._article_doc(article_id)["_body"]
        return self._read_body(offset, length)

    def _read_body(self, offset: int, length: int) -> str:
        blob = self._bodies.read(offset, length)
        if len(blob) != length:
            raise StoreCorrupt(self._bodies.path, f"ends before byte {offset + length}")
        return blob.decode("utf-8")

    def iter_bodies(self) -> Iterator[tuple[str, str]]:
        """(article_id, body) for every article, reading the pack sequentially."""
        with self._mutex:
            spans = sorted(
                (doc["_body"], doc["id"]) for doc in self._storage.data.get("articles", {}).values()
            )
        for (offset, length), article_id in spans:
            with self._mutex:  # not held across the yield: the consumer may write meanwhile
                body = self._read_body(offset, length)
            yield article_id, body

    @_locked
    def resolve_id(self, prefix: str) -> str | None:
        """The full id for a unique id prefix (users type short ids)."""
        ids = self._keys["articles"]
        if prefix in ids:
            return prefix
        matches = [i for i in ids if i.startswith(prefix)] if prefix else []
        return matches[0] if len(matches) == 1 else None

    def _update_doc(self, article_id: str, changes: dict[str, Any]) -> dict:
        doc = dict(self._article_doc(article_id))
        doc.update(changes)
        self._commit([("articles", article_id, doc)])
        return doc

    @_locked
    def update_tags(
        self, article_id: str, add: Iterable[str] = (), remove: Iterable[str] = ()
    ) -> list[str]:
        """Add and remove tags (blank ones ignored); return the article's tags after."""
        removed = {t.strip() for t in remove}
        tags = [t for t in self._article_doc(article_id).get("tags", []) if t not in removed]
        for tag in (t.strip() for t in add):
            if tag and tag not in tags:
                tags.append(tag)
        self._update_doc(article_id, {"tags": tags})
        return list(tags)

    @_locked
    def set_read(self, article_id: str, read: bool) -> None:
        self._update_doc(article_id, {"read": bool(read)})

    @_locked
    def set_starred(self, article_id: str, starred: bool) -> None:
        self._update_doc(article_id, {"starred": bool(starred)})

    @_locked
    def set_note(self, article_id: str, note: str | None) -> None:
        self._update_doc(article_id, {"note": note or None})

    @_locked
    def update_article(self, article_id: str, **changes: Any) -> None:
        """Change metadata fields; a new `body` is appended and its content_hash recomputed."""
        unknown = set(changes) - _EDITABLE
        if unknown:
            raise ValueError(f"not an editable article field: {', '.join(sorted(unknown))}")
        old_hash = self._article_doc(article_id).get("content_hash")
        if "tags" in changes:
            changes["tags"] = list(dict.fromkeys(changes["tags"] or []))
        if "body" in changes:
            body = changes.pop("body") or ""
            changes["content_hash"] = _sha256(body)
            changes["_body"] = self._append_pack(self._bodies, [body.encode("utf-8")])[0]
        self._update_doc(article_id, changes)
        if "content_hash" in changes:
            self._hashes.pop(old_hash, None)
            self._hashes[changes["content_hash"]] = article_id

    @_locked
    def delete_article(self, article_id: str) -> None:
        """Remove an article with its highlights, cached analysis and summary."""
        doc = self._article_doc(article_id)
        ops: list[tuple[str, Any, dict | None]] = [("articles", article_id, None)]
        ops += [("highlights", h.id, None) for h in self._highlights(article_id)]
        ops += [("analyses", article_id, None), ("summaries", article_id, None)]
        self._commit(ops)
        self._hashes.pop(doc.get("content_hash"), None)

    @_locked
    def tag_counts(self) -> dict[str, int]:
        counts = Counter(
            t for d in self._storage.data.get("articles", {}).values() for t in d.get("tags", [])
        )
        return dict(sorted(counts.items()))

    # -- highlights --

    @_locked
    def add_highlight(self, highlight: Highlight) -> Highlight:
        """Store a highlight (an id and created time are filled in when missing)."""
        self._article_doc(highlight.article_id)
        data = highlight.to_dict()
        data["id"] = data["id"] or uuid.uuid4().hex[:12]
        data["created"] = data["created"] or _now()
        self._commit([("highlights", data["id"], data)])
        return Highlight.from_dict(data)

    @_locked
    def update_highlight(self, highlight_id: str, *, note: str | None) -> Highlight:
        doc = self._doc("highlights", highlight_id)
        if doc is None:
            raise NotFound(f"no highlight with id {highlight_id!r}")
        data = {**doc, "note": note or None, "updated": _now()}
        self._commit([("highlights", highlight_id, data)])
        return Highlight.from_dict(data)

    @_locked
    def delete_highlight(self, highlight_id: str) -> None:
        if self._doc("highlights", highlight_id) is None:
            raise NotFound(f"no highlight with id {highlight_id!r}")
        self._commit([("highlights", highlight_id, None)])

    @_locked
    def highlights(self, article_id: str | None = None) -> list[Highlight]:
        """Highlights of one article in text order, or of all articles."""
        return self._highlights(article_id)

    def _highlights(self, article_id: str | None) -> list[Highlight]:
        table = self._db.table("highlights")
        docs = table.all() if article_id is None else table.search(Query().article_id == article_id)
        found = [Highlight.from_dict(dict(d)) for d in docs]
        return sorted(found, key=lambda h: (h.article_id, h.start, h.end))

    # -- analyses cache and summaries --

    @_locked
    def get_analysis(self, article_id: str) -> Analysis | None:
        """The cached analysis, or None (also when its pack entry is unreadable: it is a cache)."""
        doc = self._doc("analyses", article_id)
        if doc is None:
            return None
        offset, length = doc["at"]
        try:
            found = Analysis.from_dict(orjson.loads(self._analyses.read(offset, length)))
        except (orjson.JSONDecodeError, KeyError, TypeError):
            return None
        return found if found.article_id == article_id else None

    def put_analysis(self, analysis: Analysis) -> None:
        """Cache an analysis and refresh the article's summary (one durable write)."""
        self.put_analyses([analysis])

    @_locked
    def put_analyses(self, analyses: Iterable[Analysis]) -> None:
        """Cache many analyses with one fsync of the pack and one of the journal."""
        analyses = list(analyses)
        for analysis in analyses:
            self._article_doc(analysis.article_id)
        self._lazy()
        blobs = [orjson.dumps(a.to_dict()) for a in analyses]
        spans = self._append_pack(self._analyses, blobs)
        groups = []
        for analysis, span in zip(analyses, spans, strict=True):
            aid = analysis.article_id
            summary = ArticleSummary.from_analysis(analysis).to_dict()
            groups.append(
                [("analyses", aid, {"article_id": aid, "at": span}), ("summaries", aid, summary)]
            )
        self._commit(*groups)

    @_locked
    def summaries(self) -> dict[str, ArticleSummary]:
        self._lazy()
        found = {}
        for doc in self._storage.data.get("summaries", {}).values():
            summary = object.__new__(ArticleSummary)  # as in _to_article: 10,000 of these
            values = summary.__dict__
            values.update(_BLANK_SUMMARY)
            values.update(doc)
            for name in _SUMMARY_LISTS:
                values[name] = list(values[name])
            found[summary.article_id] = summary
        return found

    @_locked
    def vacuum(self) -> int:
        """Rewrite the analyses pack without superseded analyses; return the bytes freed.

        Re-analysing after every correction appends a new copy of each analysis. The live
        ones are copied into analyses.<n+1>.pack; cache.json, replaced atomically, is the
        switch: a crash before it keeps the old pack, after it the new one (the leftover
        file is removed on the next open).
        """
        self._writable()
        self._lazy()
        self._compact(raise_errors=True)  # an empty journal: only cache.json points into the pack
        old, index = self._analyses, self._storage.data.setdefault("analyses", {})
        live = sorted(index.values(), key=lambda doc: doc["at"][0])
        name = self._analyses_pack_name()
        generation = int(name.split(".")[1]) + 1 if name.count(".") == 2 else 1
        new = AppendFile(self.directory / f"analyses.{generation}.pack")
        spans = []
        try:
            for doc in live:
                blob = old.read(*doc["at"])
                spans.append([new.append(blob), len(blob)])
            new.sync()
        except OSError as exc:
            new.close()
            new.path.unlink(missing_ok=True)
            raise StoreError(describe_os_error(exc, new.path)) from exc
        before = [doc["at"] for doc in live]
        for doc, span in zip(live, spans, strict=True):
            doc["at"] = span
        self._set_raw("_cache", "pack", {"key": "pack", "value": new.path.name})
        try:
            self._storage.compact()  # the commit point
        except OSError as exc:
            for doc, span in zip(live, before, strict=True):
                doc["at"] = span
            self._set_raw("_cache", "pack", {"key": "pack", "value": name})
            new.close()
            new.path.unlink(missing_ok=True)
            raise StoreError(describe_os_error(exc, self._storage.cache_path)) from exc
        freed = old.good_end - new.good_end
        self._analyses = new
        old.close()
        old.path.unlink(missing_ok=True)
        self._db.table("analyses").clear_cache()
        return freed

    def _set_raw(self, table: str, key: str, doc: dict) -> None:
        """Change memory without a journal line (vacuum: the snapshot is the commit)."""
        doc_id = self._keys[table].get(key) or self._next_id[table]
        self._storage.data.setdefault(table, {})[str(doc_id)] = doc
        self._keys[table][key] = doc_id
        self._next_id[table] = max(self._next_id[table], doc_id + 1)
        self._db.table(table).clear_cache()

    def _vacuum_if_wasteful(self) -> None:
        if self.readonly or self._analyses is None:
            return
        live = sum(doc["at"][1] for doc in self._storage.data.get("analyses", {}).values())
        if self._analyses.good_end > max(VACUUM_MIN_BYTES, 2 * live):
            try:
                self.vacuum()
            except StoreError as exc:
                self.last_compaction_error = str(exc)  # the old pack is still whole

    # -- entity corrections --

    @_locked
    def add_correction(self, correction: Correction) -> Correction:
        data = correction.to_dict()
        data["id"] = data["id"] or uuid.uuid4().hex[:12]
        data["created"] = data["created"] or _now()
        self._commit([("corrections", data["id"], data), self._bump_corrections()])
        return Correction.from_dict(data)

    @_locked
    def remove_correction(self, correction_id: str) -> None:
        if self._doc("corrections", correction_id) is None:
            raise NotFound(f"no correction with id {correction_id!r}")
        self._commit([("corrections", correction_id, None), self._bump_corrections()])

    def _bump_corrections(self) -> tuple[str, str, dict]:
        value = self.corrections_version() + 1
        return ("_schema", "corrections_version", {"key": "corrections_version", "value": value})

    @_locked
    def corrections(self) -> list[Correction]:
        docs = self._storage.data.get("corrections", {}).values()
        return sorted(
            (Correction.from_dict(d) for d in docs), key=lambda c: (c.created or "", c.id)
        )

    @_locked
    def corrections_version(self) -> int:
        """Grows with every correction change; analyses made before it are stale."""
        doc = self._doc("_schema", "corrections_version")
        return doc["value"] if doc else 0

    # -- settings --

    @_locked
    def get_setting(self, key: str, default: Any = None) -> Any:
        doc = self._doc("settings", key)
        return default if doc is None else orjson.loads(orjson.dumps(doc["value"]))

    @_locked
    def set_setting(self, key: str, value: Any) -> None:
        """Store a JSON-serialisable value (None deletes the setting)."""
        try:  # refuse what cannot be saved before anything changes
            orjson.dumps(value)
        except TypeError as exc:
            raise TypeError(f"setting {key!r} cannot be saved as JSON: {exc}") from exc
        self._commit([("settings", key, None if value is None else {"key": key, "value": value})])

    @_locked
    def schema_version(self) -> int:
        doc = self._doc("_schema", "version")
        return doc["value"] if doc else SCHEMA_VERSION

    # -- backups --

    @_locked
    def backup(self, reason: str = "manual", *, _compact: bool = True) -> Path:
        """Copy the store into backups_dir()/<timestamp>-<reason>/; keep the last 10.

        Consistent: this process holds the lock, the journal is folded in first and the
        packs are copied up to their last synced byte.
        """
        if _compact and not self.readonly:
            self._compact(raise_errors=True)
        lengths = {BODIES: self._bodies.good_end}
        if self._analyses is not None:
            lengths[self._analyses.path.name] = self._analyses.good_end
        try:
            return backups.make_backup(
                self.directory,
                self._backups_dir or paths.backups_dir(),
                store_files(self.directory),
                reason,
                self.count(),
                lengths,
            )
        except OSError as exc:
            raise StoreError(describe_os_error(exc, Path(exc.filename or self.directory))) from exc

    def _daily_backup(self) -> None:
        """On close: a backup when the newest is older than a day, so damage can be undone."""
        if self.readonly or not self.auto_backup or not self._keys["articles"]:
            return
        try:
            found = list_backups(self._backups_dir)
            if found and found[-1].age_seconds < AUTO_BACKUP_SECONDS:
                return
            self.backup("daily", _compact=False)  # close() has just compacted
        except (StoreError, OSError) as exc:
            self.last_backup_error = str(exc)  # the store itself is fine; do not fail close()


# -- backup and restore, usable on a store that is closed or cannot be opened ---------------


def list_backups(backups_dir: Path | None = None) -> list[BackupInfo]:
    """Backups oldest first."""
    return backups.list_backups(Path(backups_dir or paths.backups_dir()))


def find_backup(name: str | Path | None, backups_dir: Path | None = None) -> Path:
    """A backup folder by path, by folder name or unique prefix, or the newest when None."""
    try:
        return backups.find_backup(name, Path(backups_dir or paths.backups_dir()))
    except LookupError as exc:
        raise StoreError(str(exc)) from exc


def store_files(directory: Path) -> tuple[str, ...]:
    """The files that make up a store, the vacuumed analyses packs included."""
    packs = sorted(p.name for p in directory.glob(ANALYSES_GLOB) if p.name != ANALYSES)
    return STORE_FILES + tuple(packs)


def _count(directory: Path) -> int | None:
    """Articles in a store that may be damaged (None when it cannot be read)."""
    try:
        with Store.open(directory, readonly=True) as store:
            return store.count()
    except StoreError:
        return None


def restore(
    backup: Path, directory: Path | None = None, *, backups_dir: Path | None = None
) -> tuple[Path, int]:
    """Replace the store with a backup, after backing up the current one (even if corrupt).

    Returns (the backup of the replaced store, articles restored). The store must not be
    open anywhere (StoreLocked otherwise).
    """
    directory = Path(directory) if directory is not None else paths.store_dir()
    if not any((backup / name).is_file() for name in (META, JOURNAL)):
        raise StoreError(f"{backup} is not a briefing backup (it has no {META})")
    with Store.open(backup, readonly=True) as probe:  # refuse a damaged backup up front
        restored = probe.count()
    directory.mkdir(parents=True, exist_ok=True)
    lock = ProcessLock(directory / LOCK)
    holder = lock.acquire()
    if holder is not None:
        raise StoreLocked(
            f"the store {directory} is in use by process {holder or '?'}; close it first"
        )
    try:
        saved = backups.make_backup(
            directory,
            backups_dir or paths.backups_dir(),
            store_files(directory),
            "before-restore",
            _count(directory),
        )
        # meta.json goes first and comes back last: a crash in between leaves a store that
        # says it is incomplete (StoreCorrupt) instead of old metadata over new packs.
        (directory / META).unlink(missing_ok=True)
        fsync_dir(directory)
        wanted = store_files(backup)
        packs = [n for n in wanted if n not in STORE_FILES]
        for name in (JOURNAL, BODIES, ANALYSES, *packs, CACHE, META):
            src, dest = backup / name, directory / name
            if src.exists():
                tmp = directory / f".{name}.restore"
                backups.copy_file(src, tmp)
                os.replace(tmp, dest)
            else:
                dest.unlink(missing_ok=True)
        for stale in directory.glob(ANALYSES_GLOB):
            if stale.name not in wanted:
                stale.unlink()
        fsync_dir(directory)
    except OSError as exc:
        raise StoreError(describe_os_error(exc, directory)) from exc
    finally:
        lock.release()
    return saved, restored
