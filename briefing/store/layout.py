"""The files of a store folder, its tables, and the sizes that trigger housekeeping."""

from __future__ import annotations

from pathlib import Path

META, CACHE, JOURNAL, BODIES, ANALYSES, LOCK = (
    "meta.json",
    "cache.json",
    "meta.journal",
    "bodies.pack",
    "analyses.pack",
    "lock",
)
STORE_FILES = (META, CACHE, JOURNAL, BODIES, ANALYSES)
# vacuum() rewrites analyses.pack as analyses.<n>.pack; cache.json names the live one
ANALYSES_GLOB = "analyses*.pack"

# Tables only the filters and the article view need, in their own snapshot (cache.json) that
# is parsed on first use: painting the list does not wait for 40% of the metadata. Everything
# in them is rebuilt by analysing (or regrouping) again, so a damaged cache.json is set aside, not fatal.
LAZY_TABLES = ("analyses", "summaries", "stories", "story_features", "_cache")

# The field each table is addressed by; doc ids are the store's own business.
KEYS = {
    "articles": "id",
    "highlights": "id",
    "corrections": "id",
    "summaries": "article_id",
    "analyses": "article_id",
    "settings": "key",
    "feeds": "id",
    "stories": "id",  # automatic story groups (derived: regrouping rebuilds them)
    "story_features": "id",  # what grouping compares (derived: rebuilt from the analyses)
    "_schema": "key",
    "_cache": "key",
}

# Read as layout.NAME at the time of use, so tests and benchmarks can change them.
# The journal is folded into the snapshots once it outgrows both this and the snapshots,
# so replay on open never costs more than reading the snapshots twice.
COMPACT_MIN_BYTES = 4 * 1024 * 1024
# close() vacuums the analyses pack when it is over half waste and bigger than this
VACUUM_MIN_BYTES = 16 * 1024 * 1024
# close() takes a backup when the newest is older than this
AUTO_BACKUP_SECONDS = 24 * 3600


def store_files(directory: Path) -> tuple[str, ...]:
    """The files that make up the store in `directory`, vacuumed analyses packs included."""
    packs = sorted(p.name for p in directory.glob(ANALYSES_GLOB) if p.name != ANALYSES)
    return STORE_FILES + tuple(packs)
