"""Faults with real processes, signals and files: SIGKILL mid-write, disk full, damage, two instances."""

from __future__ import annotations

import errno
import os
import random
import re
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from briefing import cli
from briefing.models import Article, Highlight
from briefing.store import Store, StoreCorrupt, StoreError, StoreLocked, layout, list_backups

REPO = Path(__file__).resolve().parent.parent


def body_for(n: int) -> str:
    return f"Corpo dell'articolo {n}. " + "Una frase di prova per riempire il testo. " * 30


def make_article(n: int) -> Article:
    return Article(id=f"k{n:011d}", title=f"Articolo {n}", body=body_for(n), published="2025-12-18")


def run_child(code: str, *args: str) -> subprocess.Popen:
    """A Python child that prints one line per returned write (flushed) on stdout."""
    script = textwrap.dedent(code)
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )


def kill_after(child: subprocess.Popen, lines: int) -> list[str]:
    """Read `lines` acknowledged writes, SIGKILL the child, return every line it got out."""
    seen = []
    while len(seen) < lines:
        line = child.stdout.readline()
        if not line:
            pytest.fail(f"child ended early: {child.stderr.read()}")
        seen.append(line.strip())
    child.send_signal(signal.SIGKILL)
    # read() and not communicate(): communicate reads the pipe underneath the buffer that
    # readline() has already filled, and those lines would be lost.
    rest = child.stdout.read()
    child.stderr.read()
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    return seen + [x for x in rest.splitlines(keepends=True) if x.endswith("\n")]


TAG_WRITER = """
import os, sys
from briefing.store import Store
from briefing.models import Highlight
from briefing.store import layout
layout.COMPACT_MIN_BYTES = 20_000  # compact often, so kills land inside compactions too
s = Store.open(sys.argv[1], backups_dir=sys.argv[2])
ids = sorted(a.id for a in s.articles())
i = 0
while True:
    aid = ids[i % len(ids)]
    kind = i % 3
    if kind == 0:
        s.update_tags(aid, add=[f"t{i}"])
    elif kind == 1:
        s.set_note(aid, f"nota {i}")
    else:
        s.add_highlight(Highlight(f"h{i}", aid, 0, 5, "Corpo", note=f"n{i}"))
    os.write(1, f"{i}\\n".encode())  # one write: a kill cannot leave half a line
    i += 1
"""


@pytest.mark.fault(
    "store",
    "SIGKILL during tag, note and highlight writes (real child process, kills at 3 points, compactions included)",
    "the store opens afterwards (the lock died with the process) and holds every write that had returned",
)
@pytest.mark.parametrize("kill_at", [7, 180, 411])
def test_sigkill_during_tag_note_and_highlight_writes(tmp_path: Path, kill_at: int):
    folder, backups = tmp_path / "store", tmp_path / "backups"
    with Store.open(folder, backups_dir=backups) as s:
        s.add_articles(make_article(n) for n in range(10))
    child = run_child(TAG_WRITER, str(folder), str(backups))
    acknowledged = [int(x) for x in kill_after(child, kill_at + random.randint(0, 20))]
    assert acknowledged == list(range(len(acknowledged)))
    with Store.open(folder, backups_dir=backups) as s:  # the lock died with the child
        articles = {a.id: a for a in s.articles()}
        highlights = {h.id: h for h in s.highlights()}
        ids = sorted(articles)
        last_note: dict[str, int] = {}
        for i in acknowledged:
            aid = ids[i % len(ids)]
            if i % 3 == 0:
                assert f"t{i}" in articles[aid].tags
            elif i % 3 == 1:
                last_note[aid] = i
            else:
                assert highlights[f"h{i}"].note == f"n{i}"
        for aid, i in last_note.items():
            # the newest acknowledged note, or one written after it that had not returned yet
            assert int(articles[aid].note.split()[1]) >= i
        assert s.count() == 10 and s.body(ids[0]).startswith("Corpo")


IMPORTER = """
import os, sys
from briefing.store import Store
from briefing.models import Article
from briefing.store import layout
layout.COMPACT_MIN_BYTES = 50_000
def body_for(n):
    return f"Corpo dell'articolo {n}. " + "Una frase di prova per riempire il testo. " * 30
s = Store.open(sys.argv[1], backups_dir=sys.argv[2])
n = 0
while True:
    batch = [Article(id="", title=f"Articolo {k}", body=body_for(k)) for k in range(n, n + 25)]
    for k, result in zip(range(n, n + 25), s.add_articles(batch)):
        os.write(1, f"{k} {result.article_id}\\n".encode())
    n += 25
"""


@pytest.mark.fault(
    "store",
    "SIGKILL during a batch import (child process adding 25 articles per write)",
    "the store opens; every acknowledged article is there with its whole body; anything else that landed is whole",
)
@pytest.mark.parametrize("kill_at", [30, 260])
def test_sigkill_during_a_batch_import(tmp_path: Path, kill_at: int):
    folder, backups = tmp_path / "store", tmp_path / "backups"
    child = run_child(IMPORTER, str(folder), str(backups))
    acknowledged = [line.split() for line in kill_after(child, kill_at)]
    assert len(acknowledged) >= kill_at
    with Store.open(folder, backups_dir=backups) as s:
        for n, article_id in acknowledged:
            assert s.get(article_id).title == f"Articolo {n}"
            assert s.body(article_id) == body_for(int(n))
        assert s.count() >= len(acknowledged)
        # whatever else made it in is whole too
        for _article_id, body in s.iter_bodies():
            assert body.startswith("Corpo dell'articolo")


LOCK_HOLDER = """
import sys
from briefing.store import Store
s = Store.open(sys.argv[1], backups_dir=sys.argv[2])
print("ready", flush=True)
sys.stdin.readline()
s.update_tags(s.articles()[0].id, add=["dal-figlio"])
s.close()
print("closed", flush=True)
"""


@pytest.mark.fault(
    "store",
    "a second instance while another process has the store open",
    "StoreLocked naming the holder's pid; read-only works; the holder's later write lands",
)
def test_lock_holds_across_processes(tmp_path: Path):
    folder, backups = tmp_path / "store", tmp_path / "backups"
    with Store.open(folder, backups_dir=backups) as s:
        s.add_article(make_article(1))
    child = run_child(LOCK_HOLDER, str(folder), str(backups))
    try:
        assert child.stdout.readline().strip() == "ready"
        with pytest.raises(StoreLocked) as err:
            Store.open(folder, backups_dir=backups)
        assert f"process {child.pid}" in str(err.value)
        with Store.open(folder, readonly=True) as ro:
            assert ro.count() == 1
        child.stdin.write("go\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "closed"
    finally:
        child.communicate(timeout=30)
    assert child.returncode == 0
    with Store.open(folder, backups_dir=backups) as s:
        assert s.get("k00000000001").tags == ["dal-figlio"]


@pytest.mark.fault(
    "store",
    "a second instance (another process) opening a store we hold",
    "refused with StoreLocked naming our process id",
)
def test_a_second_process_is_refused_while_we_hold_the_store(tmp_path: Path):
    folder = tmp_path / "store"
    with Store.open(folder, backups_dir=tmp_path / "b"):
        probe = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys\nfrom briefing.store import Store, StoreLocked\n"
                "try:\n    Store.open(sys.argv[1])\nexcept StoreLocked as e:\n    print(e); sys.exit(3)",
                str(folder),
            ],
            capture_output=True,
            text=True,
            cwd=REPO,
            timeout=60,
        )
    assert probe.returncode == 3, probe.stderr
    assert f"process {os.getpid()}" in probe.stdout


# -- disk full and permission denied --


@pytest.fixture
def store(tmp_path: Path):
    s = Store.open(tmp_path / "store", backups_dir=tmp_path / "backups")
    s.add_articles(make_article(n) for n in range(3))
    yield s
    s.close()


def fail_with(code: int):
    def failing(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    return failing


@pytest.mark.fault(
    "store",
    "disk full (ENOSPC on fsync) on a tag write",
    "StoreError 'disk is full' naming meta.journal; memory unchanged; the unsynced line cut back; a retry saves it",
)
def test_disk_full_on_fsync_keeps_memory_and_a_retry_works(store: Store, monkeypatch):
    journal = store.directory / layout.JOURNAL
    size_before = journal.stat().st_size
    monkeypatch.setattr(os, "fdatasync", fail_with(errno.ENOSPC))
    with pytest.raises(StoreError, match="disk is full") as err:
        store.update_tags("k00000000001", add=["urgente"])
    assert "meta.journal" in str(err.value)
    assert store.get("k00000000001").tags == []  # memory as it was: nothing half-applied
    assert journal.stat().st_size == size_before  # the unsynced line was cut back
    monkeypatch.undo()
    assert store.update_tags("k00000000001", add=["urgente"]) == ["urgente"]
    store.close()
    with Store.open(store.directory, readonly=True) as again:
        assert again.get("k00000000001").tags == ["urgente"]


@pytest.mark.fault(
    "store",
    "disk full halfway through writing a note's journal line",
    "StoreError; no junk left in the journal; the retried note and later writes survive a reopen",
)
def test_disk_full_halfway_through_a_journal_line(store: Store, monkeypatch):
    real_pwrite = os.pwrite
    calls = []

    def half_then_full(fd, data, offset):
        calls.append(1)
        if len(calls) == 1:
            return real_pwrite(fd, bytes(data[: len(data) // 2]), offset)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "pwrite", half_then_full)
    with pytest.raises(StoreError, match="disk is full"):
        store.set_note("k00000000002", "una nota lunga")
    monkeypatch.undo()
    assert store.get("k00000000002").note is None
    store.set_note("k00000000002", "una nota lunga")
    store.update_tags("k00000000002", add=["x"])
    lines = (store.directory / layout.JOURNAL).read_bytes().splitlines()
    entry = re.compile(rb"#briefing-journal \d+|[0-9a-f]{8} \[\[.*\]\]")  # header, entries
    assert all(entry.fullmatch(line) for line in lines)  # no junk
    store.close()
    with Store.open(store.directory, readonly=True) as again:
        assert again.get("k00000000002").note == "una nota lunga"
        assert again.get("k00000000002").tags == ["x"]


@pytest.mark.fault(
    "store",
    "disk full during a batch import",
    "StoreError naming bodies.pack; nothing of the batch added; a retry adds all of it",
)
def test_disk_full_during_import_adds_nothing_and_a_retry_adds_all(store: Store, monkeypatch):
    monkeypatch.setattr(os, "fdatasync", fail_with(errno.ENOSPC))
    with pytest.raises(StoreError, match="bodies.pack: the disk is full"):
        store.add_articles(make_article(n) for n in range(10, 20))
    assert store.count() == 3
    monkeypatch.undo()
    results = store.add_articles(make_article(n) for n in range(10, 20))
    assert all(r.added for r in results) and store.count() == 13
    assert store.body("k00000000015") == body_for(15)


@pytest.mark.fault(
    "store",
    "permission denied writing the snapshot (compaction on save)",
    "StoreError 'permission denied'; old snapshot untouched; writes go on to the journal; a retry compacts",
)
def test_permission_denied_on_snapshot_then_retry(store: Store, monkeypatch):
    store.compact()
    meta = store.directory / layout.META
    snapshot = meta.read_bytes()
    store.update_tags("k00000000001", add=["prima"])
    real_open = os.open

    def deny_temp(path, *args, **kwargs):
        if str(path).endswith(".tmp"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny_temp)
    with pytest.raises(StoreError, match="permission denied"):
        store.compact()
    assert meta.read_bytes() == snapshot
    # writes still go to the journal; a failed automatic compaction is remembered, not raised
    monkeypatch.setattr(layout, "COMPACT_MIN_BYTES", 0)
    store.update_tags("k00000000001", add=["dopo"])
    assert store.last_compaction_error and "permission denied" in store.last_compaction_error
    monkeypatch.undo()
    store.compact()
    assert store.last_compaction_error is None
    assert (store.directory / layout.JOURNAL).read_bytes().startswith(b"#briefing-journal ")
    assert (store.directory / layout.JOURNAL).read_bytes().count(b"\n") == 1  # the header only
    store.close()
    with Store.open(store.directory, readonly=True) as again:
        assert again.get("k00000000001").tags == ["prima", "dopo"]


@pytest.mark.fault(
    "store",
    "permission denied (EACCES) on a highlight write",
    "StoreError; the highlight is not half-kept in memory; a retry saves it",
)
def test_permission_denied_on_journal_write(store: Store, monkeypatch):
    monkeypatch.setattr(os, "pwrite", fail_with(errno.EACCES))
    with pytest.raises(StoreError, match="permission denied"):
        store.add_highlight(Highlight("h1", "k00000000001", 0, 5, "Corpo"))
    assert store.highlights() == []
    monkeypatch.undo()
    store.add_highlight(Highlight("h1", "k00000000001", 0, 5, "Corpo"))
    assert [h.id for h in store.highlights()] == ["h1"]


# -- damaged files --


def closed_store(tmp_path: Path) -> Path:
    folder = tmp_path / "store"
    with Store.open(folder, backups_dir=tmp_path / "backups") as s:
        s.add_articles(make_article(n) for n in range(4))
        s.update_tags("k00000000001", add=["tenuto"])
    return folder


@pytest.mark.fault(
    "store",
    "corrupt or truncated store file (meta.json truncated, emptied, zeroed, wrong shape, no key)",
    "StoreCorrupt naming the file and `briefing restore`; the file is never overwritten; no lock leaked",
)
@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # truncated
        lambda raw: b"",  # emptied
        lambda raw: b"\x00" * 64 + raw[64:],  # zeros over the start
        lambda raw: b'["not", "tables"]',  # valid JSON, wrong shape
        lambda raw: b'{"articles": {"1": {"title": "no id"}}}',  # a document without its key
    ],
    ids=["truncated", "empty", "zeroed", "wrong-shape", "no-key"],
)
def test_damaged_snapshot_is_named_and_never_overwritten(tmp_path: Path, damage):
    folder = closed_store(tmp_path)
    meta = folder / layout.META
    damaged = damage(meta.read_bytes())
    meta.write_bytes(damaged)
    for readonly in (False, False, True):  # the second try is not StoreLocked: no lock leaked
        with pytest.raises(StoreCorrupt) as err:
            Store.open(folder, readonly=readonly, backups_dir=tmp_path / "backups")
        assert str(meta) in str(err.value) and "briefing restore" in str(err.value)
        assert err.value.path == meta
    assert meta.read_bytes() == damaged


@pytest.mark.fault(
    "store",
    "snapshot file deleted while the bodies remain",
    "StoreCorrupt 'missing', never an empty store",
)
def test_missing_snapshot_with_bodies_is_corruption_not_an_empty_store(tmp_path: Path):
    folder = closed_store(tmp_path)
    (folder / layout.META).unlink()
    with pytest.raises(StoreCorrupt, match="missing"):
        Store.open(folder)


@pytest.mark.fault(
    "store",
    "truncated body pack (bodies.pack)",
    "the store opens; intact bodies read; the cut one raises StoreCorrupt naming bodies.pack",
)
def test_truncated_body_pack_fails_on_that_body_only(tmp_path: Path):
    folder = closed_store(tmp_path)
    pack = folder / layout.BODIES
    os.truncate(pack, pack.stat().st_size - 100)
    with Store.open(folder, readonly=True) as s:
        assert s.count() == 4
        assert s.body("k00000000000") == body_for(0)
        with pytest.raises(StoreCorrupt, match="bodies.pack"):
            s.body("k00000000003")


@pytest.mark.fault(
    "backups",
    "corrupt store repaired with `briefing backup` then `briefing restore`",
    "all articles and bodies back; the damaged files kept as a before-restore backup",
)
def test_briefing_restore_recovers_a_corrupt_store(temp_home: Path, capsys):
    with Store.open() as s:
        s.add_articles(make_article(n) for n in range(3))
    assert cli.main(["backup"]) == 0
    assert "Backed up 3 articles" in capsys.readouterr().out
    meta = Store.open(readonly=True).directory / layout.META
    meta.write_bytes(b'{"articles": {"1": {"id": ')
    with pytest.raises(StoreCorrupt):
        Store.open()
    assert cli.main(["restore", "--list"]) == 0
    made = next(b for b in list_backups() if b.reason == "manual")
    assert made.path.name in capsys.readouterr().out
    assert cli.main(["restore", made.path.name]) == 0
    assert "Restored 3 articles" in capsys.readouterr().out
    with Store.open(readonly=True) as s:
        assert s.count() == 3 and s.body("k00000000002") == body_for(2)
    saved = [b for b in list_backups() if b.reason == "before-restore"]
    assert (saved[0].path / layout.META).read_bytes() == b'{"articles": {"1": {"id": '


@pytest.mark.fault(
    "backups",
    "`briefing backup` while another instance holds the store",
    "exit 1 with 'in use by process'",
)
def test_backup_command_reports_a_locked_store(temp_home: Path, capsys):
    with Store.open():
        assert cli.main(["backup"]) == 1
    assert "in use by process" in capsys.readouterr().err


@pytest.mark.fault(
    "backups",
    "disk full during a backup",
    "StoreError 'disk is full'; no half backup left; the store unharmed; a retry makes a whole backup",
)
def test_disk_full_during_a_backup_leaves_no_half_backup(store: Store, monkeypatch):
    from briefing.store import backups as backups_mod

    backups = store._backups_dir
    real_copy = backups_mod.copy_file
    copied = []

    def copy_then_fail(src, dest, length=None):
        if copied:
            raise OSError(errno.ENOSPC, "No space left on device", str(dest))
        copied.append(src)
        real_copy(src, dest, length)

    monkeypatch.setattr(backups_mod, "copy_file", copy_then_fail)
    with pytest.raises(StoreError, match="disk is full"):
        store.backup("prova")
    monkeypatch.undo()
    assert list_backups(backups) == [] and not list(backups.glob(".*"))
    store.update_tags("k00000000001", add=["dopo"])  # the store itself is unharmed
    made = store.backup("prova")
    with Store.open(made, readonly=True) as copy:
        assert copy.get("k00000000001").tags == ["dopo"] and copy.count() == 3
