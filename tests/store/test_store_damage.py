"""Damaged store files as commands meet them: a cut or garbled bodies.pack, a damaged journal."""

from __future__ import annotations

import asyncio
import os
import random
from pathlib import Path

import pytest

from briefing import cli, paths
from briefing.models import Article
from briefing.store import BodyDamaged, Store, StoreCorrupt, StoreLocked, layout

SENTENCE = "Il governo ha approvato la manovra dopo una lunga riunione notturna a Palazzo Chigi."


def _body(n: int) -> str:
    return f"Notizia {n}. {SENTENCE} Il testo numero {n} è completo e parla di Chigi. " * 4


def _fill(count: int = 20) -> list[str]:
    """A store in BRIEFING_HOME with `count` articles; their ids in pack order."""
    with Store.open() as store:
        results = store.add_articles(
            Article(
                id="", title=f"Titolo {n}", body=_body(n), published=f"2025-12-{n % 28 + 1:02d}"
            )
            for n in range(count)
        )
    return [r.article_id for r in results]


def _pack() -> Path:
    return paths.store_dir() / layout.BODIES


def _readable(ids: list[str]) -> dict[str, str | None]:
    """id -> body, or None when the store says it is damaged."""
    found: dict[str, str | None] = {}
    with Store.open(readonly=True) as store:
        for article_id in ids:
            try:
                found[article_id] = store.body(article_id)
            except BodyDamaged as exc:
                assert str(_pack()) in str(exc) and "briefing restore" in str(exc)
                found[article_id] = None
    return found


@pytest.mark.fault(
    "store",
    "bodies.pack truncated, emptied or deleted, then a writer adds articles (`briefing add`)",
    "refused: exit 1, one line naming bodies.pack as cut short and pointing to `briefing restore`; nothing appended, so no article serves another's text; the intact texts still read",
)
@pytest.mark.parametrize("damage", ["truncated", "emptied", "deleted"])
def test_a_cut_body_pack_is_never_appended_to(tmp_path: Path, capsys, damage: str):
    ids = _fill()
    pack = _pack()
    whole = pack.read_bytes()
    if damage == "deleted":
        pack.unlink()
    else:
        pack.write_bytes(whole[: len(whole) // 2] if damage == "truncated" else b"")
    inbox = tmp_path / "new"
    inbox.mkdir()
    for n in range(100, 105):
        (inbox / f"{n}.txt").write_text(f"Nuova {n}\n{_body(n)}\n", encoding="utf-8")
    capsys.readouterr()
    assert cli.main(["add", str(inbox)]) == 1
    out, err = capsys.readouterr()
    assert str(pack) in err and "cut short" in err and "briefing restore" in err
    assert "Traceback" not in out + err
    size_after = pack.stat().st_size if pack.exists() else 0
    assert size_after == {"truncated": len(whole) // 2, "emptied": 0, "deleted": 0}[damage]
    with Store.open(readonly=True) as store:
        assert store.count() == len(ids)  # nothing of the batch was added
    bodies = _readable(ids)
    for n, article_id in enumerate(ids):
        assert bodies[article_id] in (None, _body(n))  # never another article's text
    assert any(b is None for b in bodies.values())
    if damage == "truncated":
        assert bodies[ids[0]] == _body(0)


@pytest.mark.fault(
    "store",
    "64 random bytes written into the middle of bodies.pack",
    "each hit article reads as damaged (BodyDamaged naming bodies.pack, checksum); `show` of it exits 1 with one line; `show` of the others, free-text `list` (exit 1 and a line saying what was not searched) and export of the rest work",
)
def test_random_bytes_in_the_pack_damage_only_their_articles(tmp_path: Path, capsys):
    ids = _fill()
    pack = _pack()
    data = bytearray(pack.read_bytes())
    at = len(data) // 2
    data[at : at + 64] = random.Random(7).randbytes(64)
    pack.write_bytes(bytes(data))
    bodies = _readable(ids)
    hit = [i for i, b in bodies.items() if b is None]
    assert 1 <= len(hit) <= 2
    for n, article_id in enumerate(ids):
        assert bodies[article_id] in (None, _body(n))
    capsys.readouterr()
    assert cli.main(["show", hit[0]]) == 1
    out, err = capsys.readouterr()
    assert err.count("\n") == 1 and str(pack) in err and "checksum" in err and not out
    intact = next(i for i in ids if i not in hit)
    assert cli.main(["show", intact]) == 0
    assert "Chigi" in capsys.readouterr().out
    assert cli.main(["list", "chigi"]) == 1  # free text reads every body
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == len(ids) - len(hit)
    assert "not searched" in err and err.count("\n") == 1
    assert cli.main(["export", "-o", str(tmp_path / "out")]) == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and hit[0] in err
    assert len(list((tmp_path / "out").glob("*.md"))) == len(ids) - len(hit)


@pytest.mark.fault(
    "reader",
    "opening an article whose text in bodies.pack is cut off (truncated pack, real store)",
    "the text pane says the text is damaged and how to restore it; an error names bodies.pack; moving to another article shows its text",
)
def test_the_reader_shows_a_damaged_text_as_damaged(monkeypatch):
    from briefing.config import Config
    from briefing.tui.app import make_app
    from tests.tui.conftest import fake_services

    ids = _fill(6)
    pack = _pack()
    pack.write_bytes(pack.read_bytes()[:-10])  # the last article's text loses its end
    store = Store.open(readonly=True)
    app = make_app(store, Config(), services=fake_services())
    said: list[str] = []
    real_notify = app.notify
    monkeypatch.setattr(
        app, "notify", lambda message, **kw: (said.append(message), real_notify(message, **kw))
    )

    async def scenario() -> None:
        async with app.run_test(size=(120, 36)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            app.open_article(ids[-1])
            await pilot.pause()
            assert "damaged" in app.text_area.text and "briefing restore" in app.text_area.text
            assert any(str(pack) in message for message in said)
            assert app.analysis is not None and not app.analysis.entities  # nothing waits
            app.open_article(ids[0])
            await pilot.pause()
            assert app.text_area.text.startswith("Notizia 0.")

    try:
        asyncio.run(scenario())
    finally:
        store.close()


def test_bodies_written_before_checksums_are_checked_by_their_content_hash():
    ids = _fill(3)
    store_dir = paths.store_dir()
    with Store.open() as store:  # as an older briefing wrote them: [offset, length] only
        store.compact()
    meta = store_dir / layout.META
    text = meta.read_text(encoding="utf-8")
    import json

    data = json.loads(text)
    for doc in data["articles"].values():
        doc["_body"] = doc["_body"][:2]
    meta.write_text(json.dumps(data), encoding="utf-8")
    assert all(_readable(ids).values())
    pack = _pack()
    raw = bytearray(pack.read_bytes())
    raw[5] = ord("X")  # same length, still UTF-8, different text
    pack.write_bytes(bytes(raw))
    assert _readable(ids)[ids[0]] is None


def test_a_damaged_body_in_a_write_path_is_still_refused_loudly():
    ids = _fill(2)
    pack = _pack()
    os.truncate(pack, 10)
    with Store.open() as store:
        assert store.bodies_problem and "cut short" in store.bodies_problem
        store.update_tags(ids[0], add=["ancora"])  # metadata writes go on
        with pytest.raises(StoreCorrupt, match="cut short"):
            store.update_article(ids[0], body="Un testo nuovo.")
    with Store.open(readonly=True) as store:
        assert store.get(ids[0]).tags == ["ancora"]


# -- meta.journal: damage is named, never replayed around or compacted over --

JOURNAL_WRITER = """
import os
from briefing.store import Store
s = Store.open(auto_backup=False)
ids = sorted(a.id for a in s.articles())
for n in range(6):
    s.update_tags(ids[n % len(ids)], add=[f"dopo-{n}"])
os._exit(0)  # as a kill leaves it: no close, no compaction, the lock note kept
"""


def _journal_after_acknowledged_writes() -> Path:
    import subprocess
    import sys

    _fill(4)  # closed: the journal now holds only its header
    assert cli.main(["backup"]) == 0
    child = subprocess.run(
        [sys.executable, "-c", JOURNAL_WRITER],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        timeout=120,
    )
    assert child.returncode == 0, child.stderr
    journal = paths.store_dir() / layout.JOURNAL
    assert journal.read_bytes().count(b"\n") == 7  # the header and six acknowledged writes
    return journal


def _damage(journal: Path, how: str) -> None:
    raw = journal.read_bytes()
    lines = raw.split(b"\n")  # ends with b""
    if how == "zeroed":
        journal.write_bytes(b"\0" * len(raw))
    elif how == "emptied":
        journal.write_bytes(b"")
    elif how == "deleted":
        journal.unlink()
    elif how == "cut at a line end":
        journal.write_bytes(b"\n".join(lines[:-3]) + b"\n")
    elif how == "cut inside a line":
        journal.write_bytes(raw[: len(raw) - len(lines[-2]) // 2 - 1])
    elif how == "one byte changed":
        at = len(raw) - 5  # inside the last line, still valid JSON
        journal.write_bytes(raw[:at] + (b"7" if raw[at : at + 1] != b"7" else b"8") + raw[at + 1 :])
    elif how == "random bytes appended":
        journal.write_bytes(raw + random.Random(3).randbytes(40).replace(b"\n", b"x"))


@pytest.mark.fault(
    "store",
    "meta.journal zeroed, emptied, deleted, cut at a line end or inside a line, one byte changed, or random bytes appended, after acknowledged writes (checksum per line, header, length noted in the lock file)",
    "`list` and `tag` exit 1 with one line naming meta.journal and `briefing restore`; readers and writers refuse alike (StoreCorrupt); the file left byte for byte (never cut or compacted over); `briefing restore` keeps it in its before-restore backup and the store opens again",
)
@pytest.mark.parametrize(
    "how",
    ["zeroed", "emptied", "deleted", "cut at a line end", "cut inside a line", "one byte changed",
     "random bytes appended"],
)  # fmt: skip
def test_a_damaged_journal_is_named_and_kept(capsys, how: str):
    journal = _journal_after_acknowledged_writes()
    _damage(journal, how)
    damaged = journal.read_bytes() if journal.exists() else None
    for readonly in (False, True):
        with pytest.raises(StoreCorrupt, match="meta.journal"):
            Store.open(readonly=readonly)
    capsys.readouterr()
    for argv in (["list"], ["tag", "x", "+y"]):
        assert cli.main(argv) == 1
        out, err = capsys.readouterr()
        assert err.count("\n") == 1 and "meta.journal" in err and "briefing restore" in err
    assert (journal.read_bytes() if journal.exists() else None) == damaged
    (backup,) = [p.name for p in paths.backups_dir().iterdir() if p.name.endswith("-manual")]
    assert cli.main(["restore", backup]) == 0
    capsys.readouterr()
    kept = sorted(paths.backups_dir().glob("*before-restore*"))[-1] / layout.JOURNAL
    assert (kept.read_bytes() if kept.exists() else None) == damaged
    with Store.open() as store:
        assert store.count() == 4  # as at the backup


def test_a_torn_last_line_after_acknowledged_writes_is_still_a_crash():
    journal = _journal_after_acknowledged_writes()
    entry = b'0badc0de [["articles",1,{"id":"x'  # a write that never returned
    journal.write_bytes(journal.read_bytes() + entry)
    with Store.open() as store:
        tags = [t for a in store.articles() for t in a.tags]
        assert sorted(tags) == [f"dopo-{n}" for n in range(6)]


# -- backups: verified when made and before they are restored --


@pytest.mark.fault(
    "backups",
    "restore from a backup whose bodies.pack is zeroed, truncated or missing",
    "refused: exit 1 with one line naming the backup's bodies.pack; the current store untouched and no before-restore backup made",
)
@pytest.mark.parametrize("damage", ["zeroed", "truncated", "missing"])
def test_restore_verifies_the_backups_bodies(capsys, damage: str):
    ids = _fill(5)
    assert cli.main(["backup"]) == 0
    capsys.readouterr()
    (backup,) = [p for p in paths.backups_dir().iterdir() if p.name.endswith("-manual")]
    backups_before = sorted(p.name for p in paths.backups_dir().iterdir())
    pack = backup / layout.BODIES
    size = pack.stat().st_size
    if damage == "missing":
        pack.unlink()
    else:
        pack.write_bytes(b"\0" * size if damage == "zeroed" else pack.read_bytes()[: size // 3])
    with Store.open() as store:
        store.update_tags(ids[0], add=["dopo-il-backup"])
    before = {p.name: p.read_bytes() for p in paths.store_dir().iterdir() if p.is_file()}
    assert cli.main(["restore", backup.name]) == 1
    out, err = capsys.readouterr()
    assert err.count("\n") == 1 and str(pack) in err and "Traceback" not in out + err
    after = {p.name: p.read_bytes() for p in paths.store_dir().iterdir() if p.is_file()}
    assert after == before
    assert sorted(p.name for p in paths.backups_dir().iterdir()) == backups_before


@pytest.mark.fault(
    "backups",
    "`briefing backup` (or the daily one) of a store with a damaged body (random bytes in bodies.pack)",
    "no backup made (the copy is checked against the checksums and removed): exit 1 with one line naming the damaged text; earlier backups kept",
)
def test_a_backup_of_a_damaged_store_is_not_kept(capsys):
    _fill(8)
    assert cli.main(["backup"]) == 0
    capsys.readouterr()
    first = sorted(paths.backups_dir().iterdir())
    pack = _pack()
    data = bytearray(pack.read_bytes())
    data[100:140] = random.Random(5).randbytes(40)
    pack.write_bytes(bytes(data))
    assert cli.main(["backup"]) == 1
    out, err = capsys.readouterr()
    assert err.count("\n") == 1 and "no backup made" in err and "bodies.pack" in err
    assert sorted(paths.backups_dir().iterdir()) == first


# -- the lock file --


@pytest.mark.fault(
    "store",
    "the lock path is a folder",
    "writers exit 1 with one line naming the lock and saying it is a folder; no traceback; readers still read",
)
def test_a_lock_path_that_is_a_folder_is_one_line(capsys):
    ids = _fill(2)
    lock = paths.store_dir() / layout.LOCK
    lock.unlink()
    lock.mkdir()
    capsys.readouterr()
    assert cli.main(["tag", ids[0], "+x"]) == 1
    out, err = capsys.readouterr()
    assert err.count("\n") == 1 and str(lock) in err and "folder" in err
    assert "Traceback" not in out + err
    assert cli.main(["show", ids[0]]) == 0


@pytest.mark.fault(
    "store",
    "the lock file deleted while a writer (the reader) has the store open, then a second writer opens it and writes",
    "the first writer's next write is refused (StoreLocked: the lock file was deleted or replaced, nothing saved) instead of being lost; its close folds nothing over the other's files; the second writer's write survives",
)
def test_a_deleted_lock_file_never_lets_two_writers_write():
    ids = _fill(2)
    first = Store.open()
    try:
        first.update_tags(ids[0], add=["prima"])
        (paths.store_dir() / layout.LOCK).unlink()
        with Store.open() as second:  # flock locked the deleted file: a new one is free
            second.update_tags(ids[1], add=["seconda"])
        with pytest.raises(StoreLocked, match="deleted or replaced"):
            first.update_tags(ids[0], add=["persa"])
    finally:
        first.close()
    with Store.open(readonly=True) as store:
        assert store.get(ids[0]).tags == ["prima"]
        assert store.get(ids[1]).tags == ["seconda"]
