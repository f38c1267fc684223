"""Crash-safe file primitives for the store: atomic replace, fsynced appends, a process lock."""

from __future__ import annotations

import errno
import os
from pathlib import Path

try:  # POSIX; on Windows the lock falls back to filelock (no pid in the message there)
    import fcntl
except ImportError:  # pragma: no cover - not exercised on Linux CI
    fcntl = None  # type: ignore[assignment]


def describe_os_error(exc: OSError, path: Path, action: str = "save") -> str:
    """A one-line reason a person can act on (disk full, permission denied, ...)."""
    if exc.errno == errno.ENOSPC:
        why = "the disk is full"
    elif exc.errno == errno.EDQUOT:
        why = "the disk quota is exhausted"
    elif exc.errno in (errno.EACCES, errno.EPERM):
        why = "permission denied"
    elif exc.errno == errno.EROFS:
        why = "the file system is read-only"
    else:
        why = exc.strerror or str(exc)
    return f"could not {action} {path}: {why}"


def fsync_dir(directory: Path) -> None:
    """Make a rename or a new file in `directory` durable (a no-op where unsupported)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return  # Windows cannot open folders; its renames are already durable enough
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on folders; the file itself is synced
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes | memoryview) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so a crash leaves either the old or the new file, whole.

    Temp file in the same folder, fsync, os.replace, fsync the folder. On failure the
    temp file is removed and the old file is untouched.
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except OSError:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise
    fsync_dir(path.parent)


class AppendFile:
    """An append-only file whose known-good end is tracked.

    Appends that fail (disk full, EIO on fsync) are cut back to the last good end, so a
    retry never writes after half a record. `good_end` only moves forward after a sync.
    """

    def __init__(self, path: Path, *, readonly: bool = False, valid_end: int | None = None):
        self.path = path
        self.readonly = readonly
        flags = os.O_RDONLY if readonly else os.O_RDWR | os.O_CREAT
        existed = path.exists()
        try:
            self.fd = os.open(path, flags, 0o644)
        except FileNotFoundError:
            if not readonly:
                raise
            self.fd = -1  # a read-only view of a store that never had this file
        if not existed and self.fd >= 0:
            fsync_dir(path.parent)  # a synced file is no use if its name is lost
        size = os.fstat(self.fd).st_size if self.fd >= 0 else 0
        self.good_end = size if valid_end is None else min(valid_end, size)
        self._end = self.good_end  # where the next append goes (unsynced appends move it)
        if not readonly and size > self.good_end:
            os.ftruncate(self.fd, self.good_end)  # drop a torn tail left by a crash

    def append(self, data: bytes) -> int:
        """Write `data` at the end (not yet durable); return its offset."""
        offset = self._end
        try:
            view = memoryview(data)
            pos = offset
            while view:
                written = os.pwrite(self.fd, view, pos)
                view = view[written:]
                pos += written
        except OSError:
            self.rollback()
            raise
        self._end = offset + len(data)
        return offset

    def sync(self) -> None:
        """Make every append so far durable, or roll them all back and raise."""
        if self._end == self.good_end:
            return
        try:
            os.fdatasync(self.fd) if hasattr(os, "fdatasync") else os.fsync(self.fd)
        except OSError:
            self.rollback()
            raise
        self.good_end = self._end

    def rollback(self) -> None:
        """Forget unsynced appends (best effort: a failed truncate is retried next time)."""
        self._end = self.good_end
        try:
            os.ftruncate(self.fd, self.good_end)
        except OSError:
            pass  # pwrite at good_end overwrites the junk on the next append anyway

    def read(self, offset: int, length: int) -> bytes:
        if self.fd < 0:
            return b""
        return os.pread(self.fd, length, offset)

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


def read_lock_note(path: Path) -> str:
    """The note in a lock file, read without taking the lock (for read-only opens)."""
    try:
        with open(path, "rb") as lock:
            lines = lock.read(256).decode("ascii", "replace").split("\n")
    except OSError:
        return ""
    return lines[1].strip() if len(lines) > 1 else ""


class ProcessLock:
    """An exclusive lock on a file held for the life of an open store, with the holder's pid.

    flock is per open file, so a second open in the same process is refused too. After the
    pid line the holder keeps a note (how long the journal is), which outlives it: the next
    holder can tell a journal cut short from one a crash left.
    """

    def __init__(self, path: Path):
        self.path = path
        self.fd = -1
        self._fallback = None
        self.previous_note = ""  # the note the last holder left

    def acquire(self, *, keep_note: bool = True) -> int | None:
        """Take the lock; return None on success, or the holder's pid (0 if unknown)."""
        if fcntl is None:  # pragma: no cover
            import filelock

            self._fallback = filelock.FileLock(str(self.path), timeout=0)
            try:
                self._fallback.acquire()
            except filelock.Timeout:
                return 0
            return None
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except IsADirectoryError:
            raise OSError(errno.EISDIR, "the lock file is a folder", str(self.path)) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").split("\n")[0].strip()
            os.close(fd)
            return int(holder) if holder.isdigit() else 0
        self.fd = fd
        previous = os.pread(fd, 256, 0).decode("ascii", "replace").split("\n")
        self.previous_note = previous[1].strip() if len(previous) > 1 else ""
        self.note(self.previous_note if keep_note else "")
        return None

    def still_ours(self) -> bool:
        """Whether the lock file at the path is still the one we locked.

        flock locks a file, not a name: if the file is deleted or replaced, a second writer
        creates a new one and locks that, and both would write.
        """
        if self.fd < 0:
            return self._fallback is not None  # pragma: no cover - Windows
        try:
            here = os.stat(self.path)
        except OSError:
            return False
        held = os.fstat(self.fd)
        return (here.st_dev, here.st_ino) == (held.st_dev, held.st_ino)

    def note(self, text: str) -> None:
        """Write the pid line and `text` after it (best effort: the pid is only for messages).

        Never synced; a full disk only loses the note, never the lock.
        """
        if self.fd < 0:
            return
        data = f"{os.getpid()}\n{text}\n".encode("ascii")
        try:
            os.pwrite(self.fd, data, 0)
            os.ftruncate(self.fd, len(data))
        except OSError:
            pass

    def release(self) -> None:
        if self._fallback is not None:  # pragma: no cover
            self._fallback.release()
            self._fallback = None
        if self.fd >= 0:
            try:  # no stale pid for the next reader of the message; the note stays
                note = os.pread(self.fd, 256, 0).decode("ascii", "replace").split("\n")
                data = f"\n{note[1] if len(note) > 1 else ''}\n".encode("ascii")
                os.pwrite(self.fd, data, 0)
                os.ftruncate(self.fd, len(data))
            except OSError:
                pass
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = -1
