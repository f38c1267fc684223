"""The lazy snapshots load one at a time, and schema 1 stores (one cache.json) migrate."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from briefing.models import Analysis, Article, Entity
from briefing.store import Store, layout, list_backups, schema
from tests.support.lazy_reads import parsed


def article(n: int) -> Article:
    return Article(id=f"a{n:011d}", title=f"Articolo {n}", body=f"Testo numero {n} su Roma.")


def analysis(article_id: str, links: int = 7) -> Analysis:
    found = Analysis(article_id, "it", "briefing_it_ner", "0.1", [Entity(0, 5, "LOC", "Testo")])
    found.links_version = links
    return found


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def backups(tmp_path: Path) -> Path:
    return tmp_path / "backups"


def filled(folder: Path, backups: Path) -> None:
    with Store.open(folder, backups_dir=backups, auto_backup=False) as s:
        s.add_articles([article(i) for i in range(4)])
        s.put_analyses([analysis("a00000000000", 7), analysis("a00000000001", 3)])
        s.put_story_groups({"s1": ["a00000000000", "a00000000001"]})


def test_an_analysis_and_the_backlog_count_read_the_index_alone(folder, backups, monkeypatch):
    filled(folder, backups)
    assert {p.name for p in folder.glob("*.json")} >= {"cache.json", "summaries.json"}
    seen = parsed(monkeypatch)
    with Store.open(folder, readonly=True) as s:
        assert s.get_analysis("a00000000001").links_version == 3
        assert s.analysed_links() == {"a00000000000": 7, "a00000000001": 3}
        assert seen == [layout.CACHE]  # not a summary parsed, nor a story
        assert s.summaries()["a00000000000"].links_version == 7
        assert seen == [layout.CACHE, layout.SUMMARIES]
        assert s.story_groups() == {"s1": ["a00000000000", "a00000000001"]}
        assert seen == [layout.CACHE, layout.SUMMARIES, layout.STORIES]


def test_a_write_to_one_snapshot_leaves_the_others_unparsed_and_whole(folder, backups, monkeypatch):
    filled(folder, backups)
    seen = parsed(monkeypatch)
    with Store.open(folder, backups_dir=backups, auto_backup=False) as s:
        s.put_story_groups({"s2": ["a00000000003"]})
        s.compact()
        assert seen == [layout.STORIES]
    with Store.open(folder, readonly=True) as s:
        assert set(s.story_groups()) == {"s1", "s2"}
        assert set(s.summaries()) == {"a00000000000", "a00000000001"}
        assert s.get_analysis("a00000000000") is not None


def as_schema_1(folder: Path) -> None:
    """Rewrite a store as schema 1 wrote it: every lazy table in cache.json, no links."""
    merged = {}
    for name in (layout.SUMMARIES, layout.STORIES, layout.CACHE):
        merged.update(orjson.loads((folder / name).read_bytes()))
        (folder / name).unlink()
    for doc in merged["analyses"].values():
        del doc["links"]
    (folder / layout.CACHE).write_bytes(orjson.dumps(merged))
    meta = orjson.loads((folder / layout.META).read_bytes())
    for doc in meta["_schema"].values():
        doc["value"] = 1
    (folder / layout.META).write_bytes(orjson.dumps(meta))


@pytest.mark.fault(
    "store",
    "a schema 1 store (one cache.json, no links in the analyses index) opened",
    "migrated once after a backup: snapshots split, links read from the summaries",
)
def test_a_schema_1_store_is_split_and_its_links_filled(folder, backups):
    filled(folder, backups)
    as_schema_1(folder)
    with Store.open(folder, backups_dir=backups, auto_backup=False) as s:
        assert s.schema_version() == schema.SCHEMA_VERSION == 3
        assert s.analysed_links() == {"a00000000000": 7, "a00000000001": 3}
    (made,) = list_backups(backups)
    assert made.reason == "before-migration-v1"
    cache = orjson.loads((folder / layout.CACHE).read_bytes())
    assert set(cache) == {"analyses", "_cache"}
    with Store.open(folder, readonly=True) as s:
        assert set(s.summaries()) == {"a00000000000", "a00000000001"}
        assert s.story_groups() == {"s1": ["a00000000000", "a00000000001"]}
        assert s.analysed_links() == {"a00000000000": 7, "a00000000001": 3}


def test_a_migration_cut_before_cache_json_was_replaced_loses_nothing(folder, backups):
    # The compaction after the migration writes summaries.json and stories.json, then
    # cache.json: a crash in between leaves the old cache.json, still holding everything.
    filled(folder, backups)
    summaries = (folder / layout.SUMMARIES).read_bytes()
    as_schema_1(folder)
    (folder / layout.SUMMARIES).write_bytes(summaries)
    with Store.open(folder, backups_dir=backups, auto_backup=False) as s:
        assert set(s.summaries()) == {"a00000000000", "a00000000001"}
        assert s.story_groups() == {"s1": ["a00000000000", "a00000000001"]}
        assert s.analysed_links() == {"a00000000000": 7, "a00000000001": 3}


def test_the_search_index_is_kept_through_the_migration(folder, backups, monkeypatch):
    import sqlite3

    from briefing.store import search

    filled(folder, backups)
    as_schema_1(folder)
    with sqlite3.connect(folder / search.SEARCH_FILE) as db:  # as schema 1 marked it
        db.execute("UPDATE info SET value = 1 WHERE key = 'store_schema'")

    def refuse(*args):
        raise AssertionError("the search index was rebuilt")

    monkeypatch.setattr(search.SearchIndex, "create", refuse)
    with Store.open(folder, backups_dir=backups, auto_backup=False) as s:
        assert s.search_index() is not None
        s.update_tags("a00000000002", add=["kept"])  # written through, as any other write
    with Store.open(folder, backups_dir=backups, auto_backup=False) as s:
        index = s.search_index()
        assert index is not None and index.info()["store_schema"] == schema.SCHEMA_VERSION
