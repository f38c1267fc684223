"""The store: every table's CRUD, reopening, duplicates, the journal, the lock, schema, backups."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

from briefing.models import (
    Analysis,
    Article,
    Attribution,
    Correction,
    Entity,
    Facts,
    Highlight,
    NamedThing,
    Quote,
)
from briefing.store import (
    NotFound,
    Store,
    StoreCorrupt,
    StoreError,
    StoreLocked,
    StoreReadOnly,
    durable,
    find_backup,
    layout,
    list_backups,
    restore,
    schema,
    tables,
)
from briefing.store import backups as backups_mod


def make_article(n: int, **extra) -> Article:
    body = extra.pop("body", f"Articolo numero {n}. " + "Testo di prova con parole. " * 20)
    return Article(
        id=extra.pop("id", f"a{n:011d}"),
        title=f"Titolo {n}",
        body=body,
        published=f"2025-12-{n % 28 + 1:02d}",
        source="Il Giornale",
        lang="it",
        **extra,
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def backups(tmp_path: Path) -> Path:
    return tmp_path / "backups"


@pytest.fixture
def store(folder: Path, backups: Path):
    s = Store.open(folder, backups_dir=backups)
    yield s
    s.close()


def crash_image(folder: Path, dest: Path) -> Path:
    """The files as a crash would leave them right now (the live store keeps running)."""
    dest.mkdir()
    for name in layout.store_files(folder):
        if (folder / name).exists():
            shutil.copy2(folder / name, dest / name)
    return dest


def state(s: Store) -> dict:
    """Everything a user could lose, in comparable form."""
    return {
        "articles": [a.to_dict() for a in s.articles()],
        "bodies": dict(s.iter_bodies()),
        "highlights": [h.to_dict() for h in s.highlights()],
        "corrections": [c.to_dict() for c in s.corrections()],
        "corrections_version": s.corrections_version(),
        "summaries": {k: v.to_dict() for k, v in s.summaries().items()},
        "analyses": {
            a.id: (x.to_dict() if (x := s.get_analysis(a.id)) else None) for a in s.articles()
        },
        "theme": s.get_setting("theme"),
    }


def sample_analysis(article_id: str) -> Analysis:
    facts = Facts(
        people=[NamedThing("Mario Rossi", roles=["ministro"], mentions=2, spans=[[0, 11]])],
        quotes=[Quote("Mario Rossi", "andremo avanti", 20, 34)],
        attributions=[Attribution("fonti vicine", None, True, 40, 52)],
    )
    return Analysis(
        article_id=article_id,
        lang="it",
        pipeline="briefing_it_ner",
        pipeline_version="0.1",
        entities=[Entity(0, 11, "PER", "Mario Rossi"), Entity(60, 65, "LOC", "Roma")],
        facts=facts,
        body_hash="abc",
    )


def fill(s: Store) -> None:
    s.add_articles([make_article(i) for i in range(5)])
    s.update_tags("a00000000001", add=["politica", "italia"])
    s.set_read("a00000000002", True)
    s.set_starred("a00000000003", True)
    s.set_note("a00000000004", "da rileggere")
    s.add_highlight(Highlight("h1", "a00000000001", 0, 8, "Articolo", note="inizio"))
    s.add_correction(Correction("c1", "Roma", "LOC", lang="it"))
    s.put_analysis(sample_analysis("a00000000001"))
    s.set_setting("theme", "nord")


# -- articles --


def test_add_get_body_and_list_newest_first(store: Store):
    results = store.add_articles([make_article(1), make_article(20), make_article(5)])
    assert [r.added for r in results] == [True, True, True]
    assert store.count() == 3
    listed = store.articles()
    assert [a.published for a in listed] == ["2025-12-21", "2025-12-06", "2025-12-02"]
    assert all(a.body is None for a in listed)
    got = store.get("a00000000020")
    assert got.title == "Titolo 20" and got.body is None and got.added
    assert store.body("a00000000020") == make_article(20).body
    assert store.get("nope") is None
    with pytest.raises(NotFound):
        store.body("nope")


def test_listing_never_reads_bodies(store: Store, monkeypatch):
    store.add_articles([make_article(i) for i in range(3)])

    def no_bodies(*args):
        raise AssertionError("a body was read")

    monkeypatch.setattr(store, "_read_body", no_bodies)
    monkeypatch.setattr(store._bodies, "read", no_bodies)
    assert len(store.articles()) == 3
    assert store.get("a00000000001").title == "Titolo 1"
    assert store.tag_counts() == {}


def test_duplicates_by_content_hash_also_within_a_batch(store: Store):
    body = "Lo stesso testo, due volte."
    first = store.add_article(Article(id="", title="uno", body=body))
    assert first.added and first.article_id == hashlib.sha256(body.encode()).hexdigest()[:12]
    again = store.add_articles(
        [Article(id="other", title="due", body=body), make_article(7), make_article(7, id="x")]
    )
    assert again[0].added is False and again[0].duplicate_of == first.article_id
    assert again[1].added is True
    assert again[2].added is False and again[2].duplicate_of == "a00000000007"
    assert store.count() == 2
    assert store.get(first.article_id).content_hash == hashlib.sha256(body.encode()).hexdigest()


def test_tags_read_starred_note(store: Store):
    store.add_article(make_article(1))
    aid = "a00000000001"
    assert store.update_tags(aid, add=["b", "a", " ", "b"]) == ["b", "a"]
    assert store.update_tags(aid, add=["c"], remove=["b"]) == ["a", "c"]
    store.set_read(aid, True)
    store.set_starred(aid, True)
    store.set_note(aid, "nota")
    art = store.get(aid)
    assert (art.tags, art.read, art.starred, art.note) == (["a", "c"], True, True, "nota")
    art.tags.append("mutated")  # callers get copies, never the store's own lists
    assert store.get(aid).tags == ["a", "c"]
    assert store.tag_counts() == {"a": 1, "c": 1}
    with pytest.raises(NotFound):
        store.update_tags("missing", add=["x"])


def test_update_article_and_new_body(store: Store):
    store.add_article(make_article(1))
    aid = "a00000000001"
    store.update_article(aid, title="Nuovo", body="Un corpo nuovo.")
    assert store.get(aid).title == "Nuovo"
    assert store.body(aid) == "Un corpo nuovo."
    assert store.get(aid).content_hash == hashlib.sha256(b"Un corpo nuovo.").hexdigest()
    # the old text is no longer a duplicate; the new one is
    assert store.add_article(make_article(1, id="again")).added is True
    assert store.add_article(Article(id="", title="t", body="Un corpo nuovo.")).added is False
    with pytest.raises(ValueError):
        store.update_article(aid, id="other")


def test_delete_article_takes_its_highlights_analysis_and_summary(store: Store):
    fill(store)
    store.delete_article("a00000000001")
    assert store.get("a00000000001") is None
    assert store.highlights("a00000000001") == []
    assert store.get_analysis("a00000000001") is None
    assert "a00000000001" not in store.summaries()
    assert store.count() == 4
    assert store.add_article(make_article(1)).added is True  # its content may come back


def test_resolve_id(store: Store):
    store.add_articles([make_article(1, id="abc123000000"), make_article(2, id="abd000000000")])
    assert store.resolve_id("abc") == "abc123000000"
    assert store.resolve_id("ab") is None  # ambiguous
    assert store.resolve_id("zz") is None
    assert store.resolve_id("abd000000000") == "abd000000000"


# -- the other tables --


def test_highlights_crud(store: Store):
    store.add_article(make_article(1))
    aid = "a00000000001"
    h2 = store.add_highlight(Highlight("", aid, 30, 40, "parole"))
    h1 = store.add_highlight(Highlight("h1", aid, 0, 8, "Articolo"))
    assert h2.id and h2.created
    assert [h.id for h in store.highlights(aid)] == ["h1", h2.id]
    updated = store.update_highlight("h1", note="una nota")
    assert updated.note == "una nota" and updated.updated
    assert store.highlights(aid)[0].note == "una nota"
    store.delete_highlight(h1.id)
    assert [h.id for h in store.highlights()] == [h2.id]
    with pytest.raises(NotFound):
        store.delete_highlight("h1")
    with pytest.raises(NotFound):
        store.add_highlight(Highlight("h9", "no-such-article", 0, 1, "x"))


def test_analyses_and_summaries(store: Store):
    store.add_article(make_article(1))
    aid = "a00000000001"
    assert store.get_analysis(aid) is None
    analysis = sample_analysis(aid)
    store.put_analysis(analysis)
    assert store.get_analysis(aid) == analysis
    summary = store.summaries()[aid]
    assert summary.people == ["Mario Rossi"] and summary.speakers == ["Mario Rossi"]
    assert summary.anonymous is True and summary.entities == ["Mario Rossi", "Roma"]
    analysis.pipeline_version = "0.2"
    store.put_analysis(analysis)  # replaced, not duplicated
    assert store.get_analysis(aid).pipeline_version == "0.2"
    assert len(store.summaries()) == 1


def test_corrections_and_their_version(store: Store):
    assert store.corrections_version() == 0
    c = store.add_correction(Correction("", "Palazzo Chigi", "ORG"))
    store.add_correction(Correction("c2", "Oggi", None, lang="it"))
    assert store.corrections_version() == 2
    assert {x.id for x in store.corrections()} == {c.id, "c2"}
    store.remove_correction(c.id)
    assert [x.id for x in store.corrections()] == ["c2"]
    assert store.corrections_version() == 3
    with pytest.raises(NotFound):
        store.remove_correction(c.id)


def test_settings(store: Store):
    assert store.get_setting("theme", "default") == "default"
    store.set_setting("theme", "nord")
    store.set_setting("columns", {"width": [10, 20]})
    assert store.get_setting("theme") == "nord"
    got = store.get_setting("columns")
    got["width"].append(30)  # a copy
    assert store.get_setting("columns") == {"width": [10, 20]}
    store.set_setting("theme", None)
    assert store.get_setting("theme") is None
    with pytest.raises(TypeError, match="'bad' cannot be saved"):
        store.set_setting("bad", object())
    with pytest.raises(TypeError):
        store.set_setting("bad", 2**70)  # JSON numbers beyond 64 bits do not round-trip
    assert store.get_setting("bad") is None


# -- durability --


def test_reopen_keeps_everything(folder: Path, backups: Path):
    with Store.open(folder, backups_dir=backups) as s:
        fill(s)
        before = state(s)
    assert (folder / layout.JOURNAL).read_bytes().count(b"\n") == 1  # folded in: header only
    with Store.open(folder, backups_dir=backups) as s:
        assert state(s) == before
        assert s.schema_version() == schema.SCHEMA_VERSION


@pytest.mark.fault(
    "store",
    "crash (files as a kill leaves them) before any compaction",
    "every write reads back from the journal",
)
def test_every_write_survives_a_crash_through_the_journal(store: Store, folder: Path, tmp_path):
    fill(store)
    image = crash_image(folder, tmp_path / "crashed")
    assert not (image / layout.META).exists()  # nothing compacted yet: journal only
    with Store.open(image, readonly=True) as s:
        assert state(s) == state(store)


def test_memory_after_writes_is_exactly_what_a_replay_of_the_journal_gives(
    store: Store, folder: Path, tmp_path
):
    fill(store)
    store.update_highlight("h1", note="cambiata")  # an update in place
    store.add_highlight(Highlight("h2", "a00000000002", 0, 8, "Articolo"))
    store.delete_highlight("h2")  # a delete
    store.put_analysis(sample_analysis("a00000000001"))  # a lazy table written twice
    image = crash_image(folder, tmp_path / "crashed")
    with Store.open(image, readonly=True) as replayed:
        replayed._lazy()  # loads every lazy snapshot too
        assert replayed._storage.data == store._storage.data
        assert replayed._keys == store._keys


def test_a_write_through_tinydb_is_refused_and_changes_nothing(store: Store):
    fill(store)
    before = state(store)
    with pytest.raises(TypeError, match="journal"):
        store._db.table("highlights").insert({"id": "h9", "article_id": "a00000000001"})
    with pytest.raises(TypeError, match="journal"):
        store._db.drop_tables()
    assert state(store) == before


@pytest.mark.fault(
    "store",
    "crash between writing the new snapshot and renaming it",
    "old snapshot kept, temp file removed, every write recovered from the journal",
)
def test_crash_between_temp_write_and_rename_keeps_old_snapshot(
    store: Store, folder, tmp_path, monkeypatch
):
    store.add_articles([make_article(i) for i in range(3)])
    store.compact()
    old_snapshot = (folder / layout.META).read_bytes()
    fill(store)

    def crash(*args):
        raise OSError(5, "simulated crash before rename")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(StoreError):
        store.compact()
    monkeypatch.undo()
    assert (folder / layout.META).read_bytes() == old_snapshot
    assert not list(folder.glob(".meta.json.*"))  # the temp file was removed
    image = crash_image(folder, tmp_path / "crashed")
    with Store.open(image, readonly=True) as s:
        assert state(s) == state(store)


@pytest.mark.fault(
    "store",
    "crash between the snapshot rename and the journal truncation",
    "the journal replays over the new snapshot harmlessly, deletes included",
)
def test_crash_between_rename_and_journal_truncation_replays_harmlessly(
    store, folder, tmp_path, monkeypatch
):
    fill(store)
    store.delete_article("a00000000004")
    store.update_tags("a00000000001", remove=["italia"])

    real = durable.atomic_write

    def crash_at_the_journal(path, data):
        if path.name == layout.JOURNAL:
            raise OSError(5, "simulated crash before the new journal is swapped in")
        real(path, data)

    monkeypatch.setattr(durable, "atomic_write", crash_at_the_journal)
    with pytest.raises(StoreError):
        store.compact()
    monkeypatch.undo()
    assert (folder / layout.JOURNAL).stat().st_size > 0
    image = crash_image(folder, tmp_path / "crashed")
    with Store.open(image, readonly=True) as s:
        assert state(s) == state(store)
        assert s.get("a00000000004") is None


@pytest.mark.fault(
    "store",
    "torn last journal line (crash mid-append)",
    "ignored and cut off; later writes land after the cut, not after junk",
)
def test_torn_last_journal_line_is_ignored_and_cut(store: Store, folder, tmp_path):
    fill(store)
    expected = state(store)
    image = crash_image(folder, tmp_path / "crashed")
    with open(image / layout.JOURNAL, "ab") as journal:
        journal.write(b'[["articles",1,{"id":"a00000000001","tit')
    with Store.open(image) as s:
        assert state(s) == expected
        s.update_tags("a00000000002", add=["dopo"])  # written after the cut, not after junk
        expected = state(s)
    with Store.open(image, readonly=True) as s:
        assert state(s) == expected


@pytest.mark.fault(
    "store",
    "damaged journal line followed by good ones",
    "StoreCorrupt naming meta.journal; the file left as it was",
)
def test_damaged_journal_line_followed_by_good_ones_is_corruption(store: Store, folder, tmp_path):
    fill(store)
    image = crash_image(folder, tmp_path / "crashed")
    journal = image / layout.JOURNAL
    lines = journal.read_bytes().split(b"\n")
    lines[2] = lines[2][:10]
    journal.write_bytes(b"\n".join(lines))
    damaged = journal.read_bytes()
    with pytest.raises(StoreCorrupt, match="meta.journal"):
        Store.open(image)
    assert journal.read_bytes() == damaged


def test_journal_is_compacted_when_it_grows(folder, backups, monkeypatch):
    monkeypatch.setattr(layout, "COMPACT_MIN_BYTES", 2000)
    with Store.open(folder, backups_dir=backups) as s:
        s.add_articles([make_article(i) for i in range(5)])
        for i in range(40):
            s.update_tags("a00000000001", add=[f"t{i}"])
            assert (folder / layout.JOURNAL).stat().st_size < 2000 + 2 * 1024
        assert (folder / layout.META).exists()
        expected = state(s)
    with Store.open(folder, readonly=True) as s:
        assert state(s) == expected


# -- the lock and read-only --


@pytest.mark.fault(
    "store",
    "a second instance in the same process",
    "StoreLocked naming the lock file and pid; read-only opens and refuses writes (StoreReadOnly)",
)
def test_second_writer_is_refused_readonly_allowed(store: Store, folder: Path):
    store.add_article(make_article(1))
    with pytest.raises(StoreLocked) as err:
        Store.open(folder)
    assert str(folder / "lock") in str(err.value) and str(os.getpid()) in str(err.value)
    with Store.open(folder, readonly=True) as ro:
        assert ro.count() == 1
        with pytest.raises(StoreReadOnly):
            ro.update_tags("a00000000001", add=["x"])
        with pytest.raises(StoreReadOnly):
            ro.add_article(make_article(2))
    store.close()
    with Store.open(folder) as again:
        assert again.count() == 1


def test_closed_store_refuses_use(store: Store):
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.count()
    store.close()  # twice is fine


def test_default_directory_is_paths_store_dir(temp_home: Path):
    with Store.open() as s:
        assert s.directory == temp_home / "data" / "store"


# -- schema and migrations --


@pytest.mark.fault(
    "backups",
    "schema migration on open",
    "a backup of the files as they were is taken first; migrated once, not again",
)
def test_migration_takes_a_backup_first(folder, backups, monkeypatch):
    with Store.open(folder, backups_dir=backups, auto_backup=False) as s:
        fill(s)

    def v1_to_v2(tables):
        for doc in tables["articles"].values():
            doc["source"] = (doc.get("source") or "").upper()

    now = schema.SCHEMA_VERSION
    monkeypatch.setattr(schema, "SCHEMA_VERSION", now + 1)
    monkeypatch.setitem(schema.MIGRATIONS, now, v1_to_v2)
    with Store.open(folder, backups_dir=backups) as s:
        assert s.schema_version() == now + 1
        assert s.get("a00000000001").source == "IL GIORNALE"
    (made,) = list_backups(backups)
    assert made.reason == f"before-migration-v{now}"
    # the backup holds the files as they were (opening it would migrate it in memory)
    raw = (made.path / "meta.json").read_text() + (made.path / "meta.journal").read_text()
    assert "Il Giornale" in raw and "IL GIORNALE" not in raw
    with Store.open(folder, backups_dir=backups) as s:  # migrated once, not again
        assert s.get("a00000000001").source == "IL GIORNALE"
    assert len(list_backups(backups)) == 1


@pytest.mark.fault(
    "store",
    "store written by a newer briefing (schema version ahead)",
    "refused: StoreError 'newer briefing'",
)
def test_store_from_a_newer_briefing_is_refused(folder, backups, monkeypatch):
    now = schema.SCHEMA_VERSION
    monkeypatch.setattr(schema, "SCHEMA_VERSION", now + 2)
    Store.open(folder, backups_dir=backups).close()
    monkeypatch.setattr(schema, "SCHEMA_VERSION", now)
    with pytest.raises(StoreError, match="newer briefing"):
        Store.open(folder, backups_dir=backups)


# -- backups --


@pytest.mark.fault(
    "backups",
    "restore from a backup, then undo the restore",
    "everything as at the backup; the replaced store is itself backed up and restorable",
)
def test_backup_and_restore_round_trip(folder, backups):
    with Store.open(folder, backups_dir=backups) as s:
        fill(s)
        saved_state = state(s)
        made = s.backup("prima")
        s.delete_article("a00000000002")
        s.update_tags("a00000000001", add=["dopo"])
        s.set_setting("theme", "chiaro")
        changed_state = state(s)
    assert made.name.endswith("-prima")
    assert find_backup(None, backups) == made
    before_restore, count = restore(made, folder, backups_dir=backups)
    assert count == 5
    with Store.open(folder, backups_dir=backups) as s:
        assert state(s) == saved_state
    # the restore can itself be undone
    restore(before_restore, folder, backups_dir=backups)
    with Store.open(folder, readonly=True) as s:
        assert state(s) == changed_state


@pytest.mark.fault(
    "backups",
    "restore while another instance has the store open",
    "StoreLocked; nothing replaced",
)
def test_restore_refuses_while_the_store_is_open(store: Store, folder, backups):
    made = store.backup()
    with pytest.raises(StoreLocked):
        restore(made, folder, backups_dir=backups)


@pytest.mark.fault(
    "backups",
    "more backups than the rolling limit",
    "only the newest are kept; an ambiguous name prefix is an error",
)
def test_only_the_last_backups_are_kept(store: Store, backups, monkeypatch):
    monkeypatch.setattr(backups_mod, "KEEP_BACKUPS", 3)
    made = [store.backup(f"n{i}") for i in range(5)]
    kept = [b.path for b in list_backups(backups)]
    assert kept == made[-3:]
    assert find_backup(made[-1].name, backups) == made[-1]
    with pytest.raises(StoreError, match="more than one"):
        find_backup(made[-1].name[:4], backups)


@pytest.mark.fault(
    "store",
    "writes from 4 threads at once, readers interleaved",
    "all 100 tags land, in order per article",
)
def test_writes_from_many_threads_all_land(folder: Path, backups: Path):
    import threading

    with Store.open(folder, backups_dir=backups) as s:
        s.add_articles([make_article(i) for i in range(4)])

        def writer(n: int) -> None:
            for i in range(25):
                s.update_tags(f"a{n:011d}", add=[f"t{i}"])
                s.articles()  # readers interleave with writers (the TUI's worker threads)

        threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    with Store.open(folder, readonly=True) as s:
        for n in range(4):
            assert s.get(f"a{n:011d}").tags == [f"t{i}" for i in range(25)]


def test_readonly_open_of_a_missing_store_creates_nothing(tmp_path: Path):
    with Store.open(tmp_path / "nowhere", readonly=True) as s:
        assert s.count() == 0 and s.articles() == []
    assert not (tmp_path / "nowhere").exists()


@pytest.mark.fault(
    "store",
    "permission denied reading a store file on open",
    "StoreError naming bodies.pack and 'permission denied'; the lock is let go",
)
def test_unreadable_store_file_is_a_store_error(store: Store, folder: Path, monkeypatch):
    store.close()
    real_open = os.open

    def deny(path, *args, **kwargs):
        if str(path).endswith("bodies.pack"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny)
    with pytest.raises(StoreError, match="could not open .*bodies.pack: permission denied"):
        Store.open(folder)
    monkeypatch.undo()
    Store.open(folder).close()  # and the lock was let go


def test_close_takes_a_daily_backup(folder: Path, backups: Path, monkeypatch):
    Store.open(folder, backups_dir=backups).close()
    assert list_backups(backups) == []  # nothing worth keeping yet
    with Store.open(folder, backups_dir=backups) as s:
        s.add_article(make_article(1))
    (daily,) = list_backups(backups)
    assert daily.reason == "daily" and daily.articles == 1
    with Store.open(folder, backups_dir=backups) as s:
        s.add_article(make_article(2))
    assert len(list_backups(backups)) == 1  # the last one is less than a day old
    monkeypatch.setattr(layout, "AUTO_BACKUP_SECONDS", 0)
    with Store.open(folder, backups_dir=backups, auto_backup=False):
        pass
    assert len(list_backups(backups)) == 1
    with Store.open(folder, backups_dir=backups):
        pass
    newest = list_backups(backups)[-1]
    assert newest.articles == 2
    with Store.open(newest.path, readonly=True) as copy:
        assert copy.body("a00000000002") == make_article(2).body


def test_article_ids_come_in_the_order_of_the_list(store: Store):
    store.add_articles([make_article(i) for i in (3, 5, 1, 4)])
    assert store.article_ids() == [a.id for a in store.articles()]
    assert store.article_ids() == ["a00000000005", "a00000000004", "a00000000003", "a00000000001"]


def test_listing_does_not_parse_the_analysis_cache(folder: Path, backups: Path, monkeypatch):
    with Store.open(folder, backups_dir=backups) as s:
        fill(s)
    assert (folder / layout.CACHE).exists()

    def refuse(self, *names):
        raise AssertionError("cache.json parsed before it was needed")

    monkeypatch.setattr(tables.JournalledTables, "load_lazy", refuse)
    with Store.open(folder, readonly=True) as s:
        assert len(s.articles()) == 5 and s.get("a00000000001").tags == ["politica", "italia"]
        assert s.highlights("a00000000001")[0].note == "inizio"
    monkeypatch.undo()
    with Store.open(folder, readonly=True) as s:
        assert s.summaries()["a00000000001"].people == ["Mario Rossi"]


@pytest.mark.fault(
    "store",
    "corrupt analysis cache (cache.json)",
    "set aside as cache.json.damaged-*; notes and tags untouched; analysing again rebuilds it",
)
def test_damaged_analysis_cache_is_set_aside_not_fatal(folder: Path, backups: Path):
    with Store.open(folder, backups_dir=backups) as s:
        fill(s)
        notes = state(s)["articles"]
    cache = folder / layout.CACHE
    cache.write_bytes(b'{"analyses": {"1": ')
    (folder / layout.SUMMARIES).write_bytes(b"")
    with Store.open(folder, backups_dir=backups) as s:
        assert state(s)["articles"] == notes  # nothing the user wrote is touched
        assert s.get_analysis("a00000000001") is None and s.summaries() == {}
        assert "cache.json" in s.cache_problem and "summaries.json" in s.cache_problem
        s.put_analysis(sample_analysis("a00000000001"))  # analysing again rebuilds it
    (aside,) = folder.glob("cache.json.damaged-*")
    assert aside.read_bytes() == b'{"analyses": {"1": '
    assert len(list(folder.glob("summaries.json.damaged-*"))) == 1
    with Store.open(folder, readonly=True) as s:
        assert s.get_analysis("a00000000001") == sample_analysis("a00000000001")


def analysed_three_times_five(s: Store) -> None:
    s.add_articles([make_article(i) for i in range(3)])
    for version in range(5):
        for i in range(3):
            analysis = sample_analysis(f"a{i:011d}")
            analysis.pipeline_version = f"v{version}"
            s.put_analysis(analysis)


def test_vacuum_drops_superseded_analyses(folder: Path, backups: Path):
    with Store.open(folder, backups_dir=backups) as s:
        analysed_three_times_five(s)
        before = (folder / "analyses.pack").stat().st_size
        freed = s.vacuum()
        assert not (folder / "analyses.pack").exists()
        assert (folder / "analyses.1.pack").stat().st_size == before - freed
        assert freed > before * 0.7  # four of five copies were superseded
        assert {s.get_analysis(f"a{i:011d}").pipeline_version for i in range(3)} == {"v4"}
        s.put_analysis(sample_analysis("a00000000000"))  # appends to the new pack
        assert s.get_analysis("a00000000000").pipeline_version == "0.1"
        summaries = {k: v.to_dict() for k, v in s.summaries().items()}
    with Store.open(folder, backups_dir=backups) as s:
        assert s.get_analysis("a00000000000").pipeline_version == "0.1"
        assert s.get_analysis("a00000000002").pipeline_version == "v4"
        assert {k: v.to_dict() for k, v in s.summaries().items()} == summaries
        made = s.backup("after-vacuum")
        s.vacuum()
        assert sorted(p.name for p in folder.glob("analyses*.pack")) == ["analyses.2.pack"]
    assert (made / "analyses.1.pack").exists()
    restore(made, folder, backups_dir=backups)
    assert sorted(p.name for p in folder.glob("analyses*.pack")) == ["analyses.1.pack"]
    with Store.open(folder, readonly=True) as s:
        assert s.get_analysis("a00000000002").pipeline_version == "v4"


@pytest.mark.fault(
    "store",
    "disk full in the middle of a vacuum",
    "StoreError; the old analyses pack kept and read; a retry vacuums",
)
def test_a_failed_vacuum_keeps_the_old_pack(store: Store, folder: Path, monkeypatch):
    analysed_three_times_five(store)
    real = durable.atomic_write
    calls = []

    def fail_at_the_switch(path, data):
        calls.append(path.name)
        # vacuum compacts first (cache.json among the snapshots), then switches: cache.json again
        if calls.count("cache.json") == 2:
            raise OSError(28, "No space left on device")
        real(path, data)

    monkeypatch.setattr(durable, "atomic_write", fail_at_the_switch)
    with pytest.raises(StoreError, match="disk is full"):
        store.vacuum()
    monkeypatch.undo()
    assert "meta.json" in calls[: calls.index("cache.json", calls.index("cache.json") + 1)]
    assert sorted(p.name for p in folder.glob("analyses*.pack")) == ["analyses.pack"]
    assert store.get_analysis("a00000000001").pipeline_version == "v4"
    store.vacuum()
    assert store.get_analysis("a00000000001").pipeline_version == "v4"


@pytest.mark.fault(
    "store",
    "leftover pack of a vacuum cut short",
    "readers ignore it; the next writer removes it",
)
def test_leftover_pack_of_a_cut_vacuum_is_removed_by_a_writer(folder: Path, backups: Path):
    with Store.open(folder, backups_dir=backups) as s:
        analysed_three_times_five(s)
        s.vacuum()
    (folder / "analyses.2.pack").write_bytes(b"half a vacuum")
    with Store.open(folder, readonly=True) as s:
        assert s.get_analysis("a00000000001").pipeline_version == "v4"
    assert (folder / "analyses.2.pack").exists()  # a reader never deletes
    with Store.open(folder, backups_dir=backups) as s:
        assert s.get_analysis("a00000000001").pipeline_version == "v4"
    assert sorted(p.name for p in folder.glob("analyses*.pack")) == ["analyses.1.pack"]


def test_close_vacuums_a_wasteful_pack(folder: Path, backups: Path, monkeypatch):
    monkeypatch.setattr(layout, "VACUUM_MIN_BYTES", 0)
    with Store.open(folder, backups_dir=backups) as s:
        analysed_three_times_five(s)
    assert sorted(p.name for p in folder.glob("analyses*.pack")) == ["analyses.1.pack"]
    with Store.open(folder, backups_dir=backups) as s:
        assert s.get_analysis("a00000000001").pipeline_version == "v4"
    # nothing wasted the second time: no new generation
    assert sorted(p.name for p in folder.glob("analyses*.pack")) == ["analyses.1.pack"]
