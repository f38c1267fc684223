"""Store backups as plain folders of copied files: make, list, find, prune (no TinyDB here)."""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import orjson

from briefing.store.durable import fsync_dir

KEEP_BACKUPS = 10
INFO = "backup.json"


@dataclass
class BackupInfo:
    path: Path
    created: str  # ISO datetime (UTC)
    reason: str
    articles: int | None  # None: the store could not be read when it was copied

    @property
    def age_seconds(self) -> float:
        try:
            return time.time() - datetime.fromisoformat(self.created).timestamp()
        except ValueError:
            return float("inf")


def copy_file(src: Path, dest: Path, length: int | None = None) -> None:
    """Copy `src` (its first `length` bytes when given) to `dest`, fsynced."""
    with open(src, "rb") as fin, open(dest, "wb") as fout:
        remaining = length
        while remaining is None or remaining > 0:
            chunk = fin.read(1024 * 1024 if remaining is None else min(remaining, 1024 * 1024))
            if not chunk:
                break
            fout.write(chunk)
            if remaining is not None:
                remaining -= len(chunk)
        fout.flush()
        os.fsync(fout.fileno())


def make_backup(
    directory: Path,
    backups: Path,
    names: tuple[str, ...],
    reason: str,
    articles: int | None,
    lengths: dict[str, int] | None = None,
    keep: int | None = None,
) -> Path:
    """Copy the named files of `directory` into backups/<UTC timestamp>-<reason>/.

    The folder appears whole or not at all (built under a hidden name, then renamed).
    `lengths` cuts append-only files at their last synced byte. Raises OSError.
    Only the newest `keep` backups (default KEEP_BACKUPS) are kept.
    """
    safe_reason = "".join(c if c.isalnum() or c in "-_" else "-" for c in reason) or "manual"
    backups.mkdir(parents=True, exist_ok=True)
    now = time.time()  # milliseconds in the name keep name order == time order
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime(now)) + f".{int(now * 1000) % 1000:03d}Z"
    final = backups / f"{stamp}-{safe_reason}"
    n = 1
    while final.exists():
        n += 1
        final = backups / f"{stamp}-{safe_reason}-{n}"
    # Hidden folders are copies a crash interrupted (at worst this fails a concurrent
    # read-only backup, which then reports it).
    for stale in backups.glob(".*.partial"):
        shutil.rmtree(stale, ignore_errors=True)
    partial = backups / f".{final.name}.partial"
    try:
        partial.mkdir()
        for name in names:
            if (directory / name).exists():
                copy_file(directory / name, partial / name, (lengths or {}).get(name))
        info = {
            "created": datetime.fromtimestamp(now, UTC).isoformat(timespec="seconds"),
            "reason": reason,
            "articles": articles,
            "store": str(directory),
        }
        (partial / INFO).write_bytes(orjson.dumps(info, option=orjson.OPT_INDENT_2))
        os.replace(partial, final)
        fsync_dir(backups)
    except OSError:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    for old in list_backups(backups)[: -(keep or KEEP_BACKUPS)]:
        shutil.rmtree(old.path, ignore_errors=True)
    return final


def list_backups(backups: Path) -> list[BackupInfo]:
    """Backups oldest first (their folder names start with a UTC timestamp)."""
    if not backups.is_dir():
        return []
    found = []
    for path in sorted(p for p in backups.iterdir() if p.is_dir() and not p.name.startswith(".")):
        try:
            info = orjson.loads((path / INFO).read_bytes())
        except (OSError, orjson.JSONDecodeError):
            info = {}  # still listed: a hand-made or damaged backup is better than none
        created = (
            info.get("created") or datetime.fromtimestamp(path.stat().st_mtime, UTC).isoformat()
        )
        found.append(BackupInfo(path, created, info.get("reason", "?"), info.get("articles")))
    return found


def find_backup(name: str | Path | None, backups: Path) -> Path:
    """A backup folder by path, by folder name or unique prefix, or the newest when None.

    Raises LookupError with a message for a person.
    """
    if name is not None and Path(name).is_dir():
        return Path(name)
    found = list_backups(backups)
    if name is None:
        if not found:
            raise LookupError("there are no backups yet (make one with `briefing backup`)")
        return found[-1].path
    matches = [b.path for b in found if b.path.name.startswith(str(name))]
    if len(matches) != 1:
        why = "no backup" if not matches else "more than one backup"
        raise LookupError(f"{why} matches {name!r} (see `briefing restore --list`)")
    return matches[0]
