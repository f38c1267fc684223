"""A full disk, as each command meets it: one clear line, never a traceback or a flood."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from briefing import cli, paths
from briefing.export import ExportError, ExportOptions, export
from briefing.export import files as export_files
from briefing.models import Article
from briefing.store import Store, backups, durable, layout

SENTENCE = "Il governo ha approvato la manovra dopo una lunga riunione notturna a Palazzo Chigi."


def _full(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _fill(count: int = 3) -> list[str]:
    with Store.open(auto_backup=False) as store:
        results = store.add_articles(
            Article(id="", title=f"Titolo {n}", body=f"{SENTENCE} Numero {n}.")
            for n in range(count)
        )
    return [r.article_id for r in results]


def fill_the_disk(monkeypatch) -> None:
    """Every write below the store fails with ENOSPC (stdout and stderr still print)."""
    real_write = os.write

    def write(fd, data):
        if fd <= 2:
            return real_write(fd, data)
        return _full()

    monkeypatch.setattr(os, "write", write)
    monkeypatch.setattr(os, "pwrite", _full)
    monkeypatch.setattr(os, "fsync", _full)
    monkeypatch.setattr(os, "fdatasync", _full)
    monkeypatch.setattr(backups, "copy_file", _full)


@pytest.mark.fault(
    "store",
    "0 bytes free when a writer starts (ENOSPC on every write, the lock file's pid line included): `briefing tag`, `briefing add`",
    "exit 1 with one line saying the disk is full and naming meta.journal or bodies.pack (and, on close, at most one 'no daily backup' line); no traceback; the store unchanged",
)
def test_a_writer_on_a_full_disk_says_so_in_one_line(tmp_path: Path, capsys, monkeypatch):
    ids = _fill()
    source = tmp_path / "nuovo.txt"
    source.write_text(f"Nuovo titolo\n{SENTENCE} Un altro testo.\n", encoding="utf-8")
    capsys.readouterr()
    with monkeypatch.context() as disk:
        fill_the_disk(disk)
        for argv, name in (
            (["tag", ids[0], "+x"], "meta.journal"),
            (["add", str(source)], "bodies.pack"),
        ):
            assert cli.main(argv) == 1
            out, err = capsys.readouterr()
            failed = [line for line in err.splitlines() if "no daily backup" not in line]
            assert len(failed) == 1 and "disk is full" in failed[0] and name in failed[0], err
            assert len(err.splitlines()) <= 2 and "Traceback" not in out + err
    with Store.open(readonly=True) as store:
        assert store.count() == 3 and store.get(ids[0]).tags == []


@pytest.mark.fault(
    "store",
    "disk full at close: the journal cannot be folded into meta.json and the daily backup cannot be made",
    "one line each on stderr (meta.json and 'the disk is full', every write kept in the journal; 'no daily backup'); the command's own write stands and reads back",
)
def test_close_time_compaction_and_backup_failures_are_one_line_each(capsys, monkeypatch):
    ids = _fill()
    real = durable.atomic_write

    def snapshot_full(path, data):
        if path.name == layout.META:
            _full()
        real(path, data)

    capsys.readouterr()
    with monkeypatch.context() as disk:
        disk.setattr(durable, "atomic_write", snapshot_full)
        disk.setattr(backups, "copy_file", _full)
        assert cli.main(["tag", ids[0], "+salvato"]) == 0
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert len(lines) == 2, err
    assert "meta.json" in lines[0] and "disk is full" in lines[0] and "journal" in lines[0]
    assert lines[1].startswith("briefing: no daily backup") and "disk is full" in lines[1]
    with Store.open(readonly=True) as store:
        assert store.get(ids[0]).tags == ["salvato"]
    assert [p.name for p in paths.backups_dir().glob(".*")] == []  # no half backup


@pytest.mark.fault(
    "export",
    "disk full while exporting 30 notes (ENOSPC on every write)",
    "two lines: the first note named with 'the disk is full', then how many notes were not written; no temp file left",
)
def test_export_on_a_full_disk_stops_with_one_line(tmp_path: Path, capsys, monkeypatch):
    _fill(30)
    out_dir = tmp_path / "notes"
    out_dir.mkdir()
    real_open = open

    class FullFile:
        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def write(self, data):
            _full()

    def full_open(file, mode="r", *args, **kwargs):
        fh = real_open(file, mode, *args, **kwargs)
        return FullFile(fh) if ("x" in mode or "w" in mode) else fh

    monkeypatch.setattr(export_files, "open", full_open, raising=False)
    with Store.open(readonly=True) as store:
        with pytest.raises(ExportError) as err:
            export(
                store,
                [a.id for a in store.articles()],
                out_dir,
                one_file=False,
                options=ExportOptions(),
            )
    problems = err.value.problems
    assert len(problems) == 2
    assert problems[0].startswith(f"could not write {out_dir}") and "disk is full" in problems[0]
    assert problems[1] == "export stopped: 29 more notes not written"
    assert list(out_dir.iterdir()) == []
