"""The list head (head.json): the newest articles' metadata, kept apart so the reader paints its
first screen before the whole store is parsed.

At 100,000 articles parsing meta.json and listing every article take ~1 s, five times a Textual
hello-world's first paint. The head holds the rows the list shows first, the article count,
how many are unread and the small settings (the theme), written with every snapshot. It is
derived and only trusted when it is exactly current: it names the snapshot generation and the
journal length it reflects, and the journal file must still begin with that generation and be
that long. Any write after it appends to the journal, and a compaction (this briefing's or an
older one's) or a restore starts a new one; the store is then loaded whole before the first
paint, as it always was. The rows are only the first screen's: the reader replaces them with
the store's own list once it is loaded.
"""

from __future__ import annotations

import heapq
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from briefing.store import layout
from briefing.store.journal import header_generation
from briefing.store.layout import HEAD, JOURNAL

FORMAT = 1
_SMALL_SETTING = 200  # bytes of JSON: a theme name, not the user's story edits


@dataclass(frozen=True)
class ListHead:
    """What the list's first screen needs, as of the journal position `position`."""

    rows: list[dict[str, Any]]  # article documents, list order, without their body spans
    count: int
    unread: int
    settings: dict[str, Any]
    position: tuple[int, int]  # (snapshot generation, journal length)
    schema: int


def list_key(doc: dict[str, Any]) -> tuple[str, str]:
    """The list's order, newest first when reversed (the store's articles() sorts by it)."""
    return (doc.get("published") or "", doc.get("added") or "")


def write_head(
    directory: Path, tables: dict[str, dict[str, Any]], position: tuple[int, int], schema: int
) -> None:
    """Write head.json for these tables (raises OSError)."""
    docs = tables.get("articles", {}).values()
    # nlargest is sorted(..., reverse=True)[:n], ties kept in the store's order as articles()
    newest = heapq.nlargest(layout.HEAD_ROWS, docs, key=list_key)
    rows = [{k: v for k, v in doc.items() if k != "_body"} for doc in newest]
    settings = {}
    for doc in tables.get("settings", {}).values():
        if len(orjson.dumps(doc.get("value"))) <= _SMALL_SETTING:
            settings[doc["key"]] = doc.get("value")
    head = {
        "format": FORMAT,
        "position": list(position),
        "schema": schema,
        "count": len(docs),
        "unread": sum(1 for doc in docs if not doc.get("read")),
        "settings": settings,
        "rows": rows,
    }
    # Renamed into place whole, without an fsync: a head lost to a power cut is only missing.
    path = directory / HEAD
    tmp = path.with_name(f".{HEAD}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(orjson.dumps(head))
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def journal_position(directory: Path) -> tuple[int, int] | None:
    """(generation, length) of the journal file as it is on disk, without reading it whole."""
    try:
        with open(directory / JOURNAL, "rb") as journal:
            generation = header_generation(journal.read(64))
            length = os.fstat(journal.fileno()).st_size
    except OSError:
        return None
    return None if generation is None else (generation, length)


def read_head(directory: Path, schema: int) -> ListHead | None:
    """head.json when it reflects exactly the journal as it is on disk, else None."""
    try:
        raw = orjson.loads((directory / HEAD).read_bytes())
        head = ListHead(
            rows=list(raw["rows"]),
            count=int(raw["count"]),
            unread=int(raw["unread"]),
            settings=dict(raw["settings"]),
            position=(int(raw["position"][0]), int(raw["position"][1])),
            schema=int(raw["schema"]),
        )
        current = (
            raw["format"] == FORMAT
            and head.schema == schema
            and head.position == journal_position(directory)
        )
        whole = all(isinstance(row, dict) and isinstance(row.get("id"), str) for row in head.rows)
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None  # missing or damaged: derived, so simply not used
    return head if current and whole else None


def remove_head(directory: Path) -> None:
    (directory / HEAD).unlink(missing_ok=True)
