"""What the store raises: every failure a person can be told about, with what to do."""

from __future__ import annotations

from pathlib import Path

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


class BodyDamaged(StoreCorrupt):
    """One article's text in bodies.pack is cut short or changed; the other articles still read."""


class StoreReadOnly(StoreError):
    """A write was attempted on a store opened read-only."""


class NotFound(StoreError, KeyError):
    """No article (highlight, correction) with that id."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""
