"""The store's schema version and the registry of steps that migrate older stores."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# 2: the lazy snapshot split in three (cache.json, summaries.json, stories.json; the
# compaction after the migration writes them) and each analyses-index row carrying its
# analysis's links version ("links"), so counting what is left to analyse needs no summary
# 3: a journal entry writing to a lazy table nobody parsed may name the document by its key
# (a string) instead of its doc id; the snapshots are as in 2
SCHEMA_VERSION = 3
# Steps that change nothing the search index holds: an index that agreed with the store before
# them is kept (at 100,000 articles a rebuild takes minutes)
INDEX_NEUTRAL = {1, 2}
# Steps that change only what newer writes may look like: the version moves on, nothing is
# parsed, rewritten or backed up
FORMAT_ONLY = {2}

Tables = dict[str, dict[str, dict[str, Any]]]
# from_version -> step that rewrites the raw tables in place to from_version + 1
MIGRATIONS: dict[int, Callable[[Tables], None]] = {}


def migration(from_version: int) -> Callable[[Callable[[Tables], None]], Callable[[Tables], None]]:
    """Register the step from `from_version` to the next one (a backup is taken first)."""

    def register(step: Callable[[Tables], None]) -> Callable[[Tables], None]:
        MIGRATIONS[from_version] = step
        return step

    return register


@migration(1)
def _links_in_the_analyses_index(tables: Tables) -> None:
    """Each analyses-index row gets its summary's links version (0 when it has no summary:
    the backlog then links it again, without the pipeline)."""
    links = {
        doc.get("article_id"): doc.get("links_version", 0)
        for doc in tables.get("summaries", {}).values()
    }
    for doc in tables.get("analyses", {}).values():
        doc["links"] = links.get(doc.get("article_id"), 0)


@migration(2)
def _writes_by_key(tables: Tables) -> None:
    """Nothing to rewrite (FORMAT_ONLY): a schema 2 store already reads as a schema 3 one."""
