"""The user's own work: highlights and their notes, entity corrections, settings."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import orjson
from tinydb import Query

from briefing.models import Correction, Highlight
from briefing.store.core import locked, utc_now
from briefing.store.errors import NotFound
from briefing.store.tables import JournalledTables, TablesDB


class AnnotationsMixin:
    """Highlight, correction and setting methods of public.Store."""

    # Relied on, defined by StoreCore (declared only: no value here).
    _storage: JournalledTables
    _db: TablesDB
    _commit: Callable[..., None]
    _doc: Callable[[str, Any], dict | None]
    _article_doc: Callable[[str], dict]

    # -- highlights --

    @locked
    def add_highlight(self, highlight: Highlight) -> Highlight:
        """Store a highlight (an id and created time are filled in when missing)."""
        self._article_doc(highlight.article_id)
        data = highlight.to_dict()
        data["id"] = data["id"] or uuid.uuid4().hex[:12]
        data["created"] = data["created"] or utc_now()
        self._commit([("highlights", data["id"], data)])
        return Highlight.from_dict(data)

    @locked
    def update_highlight(self, highlight_id: str, *, note: str | None) -> Highlight:
        doc = self._doc("highlights", highlight_id)
        if doc is None:
            raise NotFound(f"no highlight with id {highlight_id!r}")
        data = {**doc, "note": note or None, "updated": utc_now()}
        self._commit([("highlights", highlight_id, data)])
        return Highlight.from_dict(data)

    @locked
    def delete_highlight(self, highlight_id: str) -> None:
        if self._doc("highlights", highlight_id) is None:
            raise NotFound(f"no highlight with id {highlight_id!r}")
        self._commit([("highlights", highlight_id, None)])

    @locked
    def highlights(self, article_id: str | None = None) -> list[Highlight]:
        """Highlights of one article in text order, or of all articles."""
        return self._highlights(article_id)

    def _highlights(self, article_id: str | None) -> list[Highlight]:
        table = self._db.table("highlights")
        docs = table.all() if article_id is None else table.search(Query().article_id == article_id)
        found = [Highlight.from_dict(dict(d)) for d in docs]
        return sorted(found, key=lambda h: (h.article_id, h.start, h.end))

    # -- entity corrections --

    @locked
    def add_correction(self, correction: Correction) -> Correction:
        data = correction.to_dict()
        data["id"] = data["id"] or uuid.uuid4().hex[:12]
        data["created"] = data["created"] or utc_now()
        self._commit([("corrections", data["id"], data), self._bump_corrections()])
        return Correction.from_dict(data)

    @locked
    def remove_correction(self, correction_id: str) -> None:
        if self._doc("corrections", correction_id) is None:
            raise NotFound(f"no correction with id {correction_id!r}")
        self._commit([("corrections", correction_id, None), self._bump_corrections()])

    def _bump_corrections(self) -> tuple[str, str, dict]:
        value = self.corrections_version() + 1
        return ("_schema", "corrections_version", {"key": "corrections_version", "value": value})

    @locked
    def corrections(self) -> list[Correction]:
        docs = self._storage.data.get("corrections", {}).values()
        return sorted(
            (Correction.from_dict(d) for d in docs), key=lambda c: (c.created or "", c.id)
        )

    @locked
    def corrections_version(self) -> int:
        """Grows with every correction change; analyses made before it are stale."""
        doc = self._doc("_schema", "corrections_version")
        return doc["value"] if doc else 0

    # -- settings --

    @locked
    def get_setting(self, key: str, default: Any = None) -> Any:
        doc = self._doc("settings", key)
        return default if doc is None else orjson.loads(orjson.dumps(doc["value"]))

    @locked
    def set_setting(self, key: str, value: Any) -> None:
        """Store a JSON-serialisable value (None deletes the setting)."""
        try:  # refuse what cannot be saved before anything changes
            orjson.dumps(value)
        except TypeError as exc:
            raise TypeError(f"setting {key!r} cannot be saved as JSON: {exc}") from exc
        self._commit([("settings", key, None if value is None else {"key": key, "value": value})])
