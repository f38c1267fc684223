"""The article store over TinyDB: the only package that imports tinydb.

Layout of a store folder (default paths.store_dir()):
  meta.json      snapshot of the TinyDB tables articles (metadata, no bodies), highlights,
                 corrections, settings, feeds (subscriptions and their fetch state), _schema
  cache.json     snapshot of analyses (index into the analyses pack, with each analysis's
                 links version) and _cache (the live pack's name)
  summaries.json snapshot of the per-article summaries (entities, identities)
  stories.json   snapshot of the automatic story groups and each article's grouping features
                 (each of these three parsed only when first needed, alone, and rebuildable by
                 analysing or regrouping again)
  meta.journal   one fsynced JSON line per write, over every snapshot; folded into them
                 (atomic replace) when it grows and on close
  bodies.pack    article bodies (UTF-8), appended; articles hold [offset, length]
  analyses.pack  cached analyses (JSON), appended; vacuum() rewrites it as analyses.<n>.pack
  lock           one running writer at a time (holds its pid)

Write order keeps a crash harmless: pack bytes are synced before the journal line that
points at them, and the journal line is synced before memory changes, so a failed save
leaves memory exactly as it was and a retry starts clean.

Import everything from here: Store, AddResult, the errors, backups and restore.
"""

from briefing.store.articles import AddResult
from briefing.store.backups import BackupInfo
from briefing.store.errors import (
    BodyDamaged,
    NotFound,
    StoreCorrupt,
    StoreError,
    StoreLocked,
    StoreReadOnly,
)
from briefing.store.layout import store_files
from briefing.store.public import Store
from briefing.store.restore import find_backup, list_backups, restore
from briefing.store.schema import MIGRATIONS, SCHEMA_VERSION, migration

__all__ = [
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "AddResult",
    "BackupInfo",
    "BodyDamaged",
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
