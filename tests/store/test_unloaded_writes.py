"""Writes to a lazy snapshot nobody parsed (summaries.json, stories.json) wait in the journal:
storing an analysis on a large store parses no summary, and a compaction carries them over."""

from __future__ import annotations

import shutil
from pathlib import Path

import orjson
import pytest

from briefing.models import Analysis, Article, Entity
from briefing.store import Store, durable, layout, schema
from briefing.store.errors import StoreError
from tests.support.lazy_reads import parsed


def article(n: int) -> Article:
    return Article(id=f"a{n:011d}", title=f"Articolo {n}", body=f"Testo numero {n} su Roma.")


def analysis(article_id: str, links: int = 7, place: str = "Testo") -> Analysis:
    found = Analysis(article_id, "it", "briefing_it_ner", "0.1", [Entity(0, 5, "LOC", place)])
    found.links_version = links
    return found


A0, A1, A2, A3 = (f"a{n:011d}" for n in range(4))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "store"
    with Store.open(folder, auto_backup=False) as s:
        s.add_articles([article(i) for i in range(4)])
        s.put_analyses([analysis(A0, 7), analysis(A1, 3)])
        s.put_story_features([{"id": A0, "words": ["roma"]}, {"id": A1, "words": ["milano"]}])
    return folder


def summary_docs(folder: Path) -> dict[str, int]:
    """Article id -> how many summary documents the store holds for it (after a load)."""
    with Store.open(folder, readonly=True) as s:
        s.summaries()
        docs = s._storage.data["summaries"].values()
        counts: dict[str, int] = {}
        for doc in docs:
            counts[doc["article_id"]] = counts.get(doc["article_id"], 0) + 1
        return counts


def test_an_analysis_stored_on_a_reopened_store_parses_no_summary(folder, monkeypatch):
    before = (folder / layout.SUMMARIES).read_bytes()
    seen = parsed(monkeypatch)
    with Store.open(folder, auto_backup=False) as s:
        s.put_analyses([analysis(A2, 5, "Napoli")])
        assert seen == [layout.CACHE]  # the analyses index only
        assert layout.SUMMARIES not in s._storage.loaded_files
    assert seen == [layout.CACHE]  # closing (compaction) parsed none either
    assert (folder / layout.SUMMARIES).read_bytes() == before  # carried, not rewritten
    monkeypatch.undo()
    with Store.open(folder, readonly=True) as s:
        found = s.summaries()
        assert set(found) == {A0, A1, A2}
        assert found[A2].links_version == 5
        assert found[A0].links_version == 7 and found[A1].links_version == 3
        assert set(s.story_features()) == {A0, A1}
    assert summary_docs(folder) == {A0: 1, A1: 1, A2: 1}


def test_a_summary_replaced_unparsed_stays_one_document(folder, monkeypatch):
    seen = parsed(monkeypatch)
    with Store.open(folder, auto_backup=False) as s:
        s.put_analyses([analysis(A0, 9)])  # A0 already has a summary and story features
        s.put_analyses([analysis(A0, 10)])
        s.compact()
    assert seen == [layout.CACHE]
    monkeypatch.undo()
    with Store.open(folder, readonly=True) as s:
        assert s.summaries()[A0].links_version == 10
        assert set(s.story_features()) == {A1}  # A0's made again by grouping
    assert summary_docs(folder) == {A0: 1, A1: 1}


def test_set_delete_set_of_one_key_unparsed_then_loaded_and_written(folder, monkeypatch):
    with Store.open(folder, auto_backup=False) as s:
        s.put_analyses([analysis(A2, 1)])
        s.delete_article(A2)
        s.add_articles([article(2)])
        s.put_analyses([analysis(A2, 2)])
        assert layout.SUMMARIES not in s._storage.loaded_files
        assert s.summaries()[A2].links_version == 2  # loaded now: the waiting writes applied
        s.put_analyses([analysis(A2, 3), analysis(A3, 4)])
        expected = {k: v.to_dict() for k, v in s.summaries().items()}
    with Store.open(folder, readonly=True) as s:
        assert {k: v.to_dict() for k, v in s.summaries().items()} == expected
    assert summary_docs(folder) == {A0: 1, A1: 1, A2: 1, A3: 1}


def test_a_deleted_article_loses_its_summary_unparsed(folder, monkeypatch):
    seen = parsed(monkeypatch)
    with Store.open(folder, auto_backup=False) as s:
        s.delete_article(A1)
    assert seen == []
    monkeypatch.undo()
    with Store.open(folder, readonly=True) as s:
        assert set(s.summaries()) == {A0}
        assert set(s.story_features()) == {A0}
        assert s.get_analysis(A1) is None


@pytest.mark.fault(
    "store",
    "kill after an unparsed table's write reached the journal, before any compaction",
    "the write replays into the table when it is parsed; the other summaries unchanged",
)
def test_a_crash_after_an_unparsed_write_loses_nothing(folder, tmp_path, monkeypatch):
    with Store.open(folder, auto_backup=False) as s:
        s.put_analyses([analysis(A2, 5)])
        crashed = tmp_path / "crashed"
        crashed.mkdir()
        for name in layout.store_files(folder):
            if (folder / name).exists():
                shutil.copy2(folder / name, crashed / name)
        (crashed / layout.LOCK).write_bytes((folder / layout.LOCK).read_bytes())
    with Store.open(crashed, readonly=True) as s:
        found = s.summaries()
        assert found[A2].links_version == 5 and found[A0].links_version == 7
        assert set(found) == {A0, A1, A2}


@pytest.mark.fault(
    "store",
    "crash during a compaction that carries an unparsed table's writes over",
    "the old journal still holds them: reopened, nothing is lost",
)
def test_a_crash_before_the_journal_swap_keeps_the_carried_writes(folder, monkeypatch, tmp_path):
    real = durable.atomic_write

    def crash_at_the_journal(path, data):
        if path.name == layout.JOURNAL:
            raise OSError(5, "simulated crash before the new journal is swapped in")
        real(path, data)

    with Store.open(folder, auto_backup=False) as s:
        s.put_analyses([analysis(A2, 5)])
        monkeypatch.setattr(durable, "atomic_write", crash_at_the_journal)
        with pytest.raises(StoreError):
            s.compact()
        monkeypatch.undo()
        crashed = tmp_path / "crashed"
        crashed.mkdir()
        for name in layout.store_files(folder):
            if (folder / name).exists():
                shutil.copy2(folder / name, crashed / name)
    with Store.open(crashed, readonly=True) as s:
        assert s.summaries()[A2].links_version == 5
        assert set(s.summaries()) == {A0, A1, A2}


def test_carried_writes_past_their_share_are_folded_into_the_snapshot(folder, monkeypatch):
    monkeypatch.setattr(layout, "COMPACT_MIN_BYTES", 0)  # every carried byte is too many
    seen = parsed(monkeypatch)
    with Store.open(folder, auto_backup=False) as s:
        s.put_analyses([analysis(A2, 5)])
        assert layout.SUMMARIES in seen  # the commit compacted: parsed once, written whole
        assert layout.SUMMARIES in s._storage.loaded_files
        assert s.summaries()[A2].links_version == 5
    journal = (folder / layout.JOURNAL).read_bytes()
    assert b"summaries" not in journal
    monkeypatch.undo()
    with Store.open(folder, readonly=True) as s:
        assert set(s.summaries()) == {A0, A1, A2}


def test_a_close_with_only_carried_writes_rewrites_nothing(folder, monkeypatch):
    with Store.open(folder, auto_backup=False) as s:
        s.put_analyses([analysis(A2, 5)])
    meta = (folder / layout.META).stat().st_mtime_ns
    journal = (folder / layout.JOURNAL).read_bytes()
    assert b"summaries" in journal  # carried over by the close's compaction
    with Store.open(folder, auto_backup=False) as s:
        assert s.count() == 4
    assert (folder / layout.META).stat().st_mtime_ns == meta
    assert (folder / layout.JOURNAL).read_bytes() == journal


def test_a_schema_2_store_steps_to_3_without_parsing_a_summary(folder, monkeypatch):
    meta = orjson.loads((folder / layout.META).read_bytes())
    for doc in meta["_schema"].values():
        doc["value"] = 2
    (folder / layout.META).write_bytes(orjson.dumps(meta))
    seen = parsed(monkeypatch)
    with Store.open(folder, auto_backup=False) as s:
        assert s.schema_version() == schema.SCHEMA_VERSION == 3
        s.put_analyses([analysis(A2, 5)])
    assert seen == [layout.CACHE]
    monkeypatch.undo()
    with Store.open(folder, readonly=True) as s:
        assert s.schema_version() == 3
        assert set(s.summaries()) == {A0, A1, A2}
