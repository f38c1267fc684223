"""Backups seen from outside an open store: list, find, and restore (even over a damaged store)."""

from __future__ import annotations

import os
from pathlib import Path

from briefing import paths
from briefing.store import backups
from briefing.store.backups import BackupInfo
from briefing.store.durable import ProcessLock, describe_os_error, fsync_dir
from briefing.store.errors import StoreError, StoreLocked
from briefing.store.head import remove_head
from briefing.store.layout import (
    ANALYSES,
    ANALYSES_GLOB,
    BODIES,
    CACHE,
    JOURNAL,
    LOCK,
    META,
    STORE_FILES,
    STORIES,
    SUMMARIES,
    store_files,
)
from briefing.store.public import Store


def list_backups(backups_dir: Path | None = None) -> list[BackupInfo]:
    """Backups oldest first."""
    return backups.list_backups(Path(backups_dir or paths.backups_dir()))


def find_backup(name: str | Path | None, backups_dir: Path | None = None) -> Path:
    """A backup folder by path, by folder name or unique prefix, or the newest when None."""
    try:
        return backups.find_backup(name, Path(backups_dir or paths.backups_dir()))
    except LookupError as exc:
        raise StoreError(str(exc)) from exc


def _count(directory: Path) -> int | None:
    """Articles in a store that may be damaged (None when it cannot be read)."""
    try:
        with Store.open(directory, readonly=True) as store:
            return store.count()
    except StoreError:
        return None


def restore(
    backup: Path, directory: Path | None = None, *, backups_dir: Path | None = None
) -> tuple[Path | None, int]:
    """Replace the store with a backup, after backing up the current one (even if corrupt).

    Returns (the backup of the replaced store, or None when there was no store; articles
    restored). The store must not be open anywhere (StoreLocked otherwise).
    """
    directory = Path(directory) if directory is not None else paths.store_dir()
    if not any((backup / name).is_file() for name in (META, JOURNAL)):
        raise StoreError(f"{backup} is not a briefing backup (it has no {META})")
    restored = Store.verify(backup)  # refuse a damaged backup up front (bodies checked too)
    directory.mkdir(parents=True, exist_ok=True)
    lock = ProcessLock(directory / LOCK)
    holder = lock.acquire(keep_note=False)  # the note described the journal being replaced
    if holder is not None:
        raise StoreLocked(
            f"the store {directory} is in use by process {holder or '?'}; close it first"
        )
    try:
        saved = None
        if any((directory / name).exists() for name in store_files(directory)):
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
        from briefing.store.search import remove_files as remove_search_files  # not at import

        remove_search_files(directory)  # derived from the store it replaces: rebuilt on open
        remove_head(directory)  # derived too: the restored store is loaded whole on open
        fsync_dir(directory)
        wanted = store_files(backup)
        packs = [n for n in wanted if n not in STORE_FILES]
        for name in (JOURNAL, BODIES, ANALYSES, *packs, SUMMARIES, STORIES, CACHE, META):
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
