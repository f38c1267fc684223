"""The store's schema version and the registry of steps that migrate older stores."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SCHEMA_VERSION = 1

Tables = dict[str, dict[str, dict[str, Any]]]
# from_version -> step that rewrites the raw tables in place to from_version + 1
MIGRATIONS: dict[int, Callable[[Tables], None]] = {}


def migration(from_version: int) -> Callable[[Callable[[Tables], None]], Callable[[Tables], None]]:
    """Register the step from `from_version` to the next one (a backup is taken first)."""

    def register(step: Callable[[Tables], None]) -> Callable[[Tables], None]:
        MIGRATIONS[from_version] = step
        return step

    return register
