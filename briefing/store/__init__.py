"""The article store over TinyDB: the only package that imports tinydb.

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

from briefing.store.api import Store
from briefing.store.articles import AddResult
from briefing.store.backups import BackupInfo
from briefing.store.errors import NotFound, StoreCorrupt, StoreError, StoreLocked, StoreReadOnly
from briefing.store.layout import store_files
from briefing.store.restore import find_backup, list_backups, restore
from briefing.store.schema import MIGRATIONS, SCHEMA_VERSION, migration

__all__ = [
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "AddResult",
    "BackupInfo",
    "NotFound",
    "Store",
    "StoreCorrupt",
    "StoreError",
    "StoreLocked",
    "StoreReadOnly",
    "find_backup",
    "list_backups",
    "migration",
    "restore",
    "store_files",
]
