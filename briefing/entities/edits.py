"""The user's identity edits: merge two identities, or split a spelling off one; undoable.

Kept in the store as one setting (a list, like corrections: the user's own work, never
derived), applied by linking to every analysis: a change relinks the analyses (no pipeline).
"""

from __future__ import annotations

import datetime as dt
import uuid
import zlib
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from briefing.entities.names import alias_key

SETTING = "identity_edits"


@dataclass(frozen=True)
class IdentityEdit:
    """merge: `source` becomes `target`. split: the spelling `name` of `source` gets an id of
    its own ("split:" + its key), so "Paris" read as the socialite leaves Paris the city."""

    id: str
    action: str  # "merge" | "split"
    source: str
    target: str | None = None
    name: str | None = None
    created: str | None = None


class Edits:
    """The edits in force, in the order they were made."""

    def __init__(self, edits: Iterable[IdentityEdit] = ()) -> None:
        self.edits = list(edits)
        self._merged = {e.source: e.target for e in self.edits if e.action == "merge"}
        self._split = {
            (e.source, alias_key(e.name or "")): "split:" + alias_key(e.name or "")
            for e in self.edits
            if e.action == "split"
        }

    def resolve(self, identity_id: str, written: str) -> str:
        """The id a mention written `written` and linked to `identity_id` has after the edits."""
        split = self._split.get((identity_id, alias_key(written)))
        if split is not None:
            return split
        seen = set()
        while identity_id in self._merged and identity_id not in seen:  # chains, never loops
            seen.add(identity_id)
            identity_id = self._merged[identity_id]
        return identity_id

    @property
    def version(self) -> int:
        """0 without edits; else a number that changes with them (analyses record it)."""
        if not self.edits:
            return 0
        return (
            1
            + zlib.crc32(
                repr([(e.action, e.source, e.target, e.name) for e in self.edits]).encode()
            )
            % 999_999
        )

    def __bool__(self) -> bool:
        return bool(self.edits)


def load(store: Any) -> Edits:
    rows = store.get_setting(SETTING, []) or []
    return Edits(IdentityEdit(**row) for row in rows)


def _save(store: Any, edits: list[IdentityEdit]) -> None:
    store.set_setting(SETTING, [asdict(e) for e in edits] or None)


def _new(action: str, source: str, **fields: str) -> IdentityEdit:
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    return IdentityEdit(uuid.uuid4().hex[:12], action, source, created=now, **fields)


def merge(store: Any, source: str, target: str) -> IdentityEdit:
    """Make `source` one identity with `target` everywhere."""
    if source == target:
        raise ValueError("an identity cannot be merged into itself")
    edit = _new("merge", source, target=target)
    _save(store, [*load(store).edits, edit])
    return edit


def split(store: Any, source: str, name: str) -> IdentityEdit:
    """Give the spelling `name` of `source` an identity of its own everywhere."""
    edit = _new("split", source, name=name)
    _save(store, [*load(store).edits, edit])
    return edit


def undo(store: Any, edit_id: str | None = None) -> IdentityEdit | None:
    """Remove one edit (the last when no id is given); return it, or None."""
    edits = load(store).edits
    gone = next((e for e in reversed(edits) if edit_id in (None, e.id)), None)
    if gone is not None:
        _save(store, [e for e in edits if e is not gone])
    return gone
