"""The files of a store folder, its tables, and the sizes that trigger housekeeping."""

from __future__ import annotations

from pathlib import Path

META, CACHE, SUMMARIES, STORIES, JOURNAL, BODIES, ANALYSES, LOCK = (
    "meta.json",
    "cache.json",
    "summaries.json",
    "stories.json",
    "meta.journal",
    "bodies.pack",
    "analyses.pack",
    "lock",
)
STORE_FILES = (META, CACHE, SUMMARIES, STORIES, JOURNAL, BODIES, ANALYSES)
# The list head (head.py): derived, rewritten with each snapshot, never in backups
HEAD = "head.json"
HEAD_ROWS = 200  # more than a tall terminal shows before the rest is loaded
# vacuum() rewrites analyses.pack as analyses.<n>.pack; cache.json names the live one
ANALYSES_GLOB = "analyses*.pack"

# Tables only the filters and the article view need, in snapshots of their own parsed on first
# use: painting the list does not wait for them. Each file loads alone: opening an article
# needs the small analyses index (cache.json, ~60 bytes an article), not every summary
# (summaries.json, ~2 KB an article: 2 GB in memory at 100,000). Everything in them is rebuilt
# by analysing (or regrouping) again, so a damaged one is set aside, not fatal.
LAZY_FILES = {
    CACHE: ("analyses", "_cache"),  # the analyses index names the live pack (_cache "pack")
    SUMMARIES: ("summaries",),
    STORIES: ("stories", "story_features"),
}
LAZY_TABLES = tuple(table for tables in LAZY_FILES.values() for table in tables)
LAZY_FILE_OF = {table: name for name, tables in LAZY_FILES.items() for table in tables}

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
