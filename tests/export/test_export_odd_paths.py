"""Export meeting odd things where its notes go: a FIFO, a folder, temp files of killed exports."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from briefing.export import ExportOptions, export
from briefing.export.files import remove_stale_temp_files
from tests.support.export_samples import FakeStore, article

ID = "a1b2c3d4e5f6"


def _export_in_a_thread(store: FakeStore, out: Path) -> list[Path]:
    box: list = []

    def work() -> None:
        box.append(export(store, [ID], out, one_file=False, options=ExportOptions()))

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    worker.join(60)
    assert box, "export did not return: it blocked"
    return box[0]


def _note_name(tmp_path: Path) -> str:
    store = FakeStore([article(ID)])
    (first,) = export(store, [ID], tmp_path / "probe", one_file=False, options=ExportOptions())
    return first.name


@pytest.mark.fault(
    "export",
    "a FIFO, or a folder, where a note would go (same name)",
    "never opened or written into (no hang, no IsADirectoryError): the note is written beside it under a longer name",
)
@pytest.mark.parametrize("thing", ["fifo", "folder"])
def test_a_fifo_or_folder_named_like_the_note_is_left_alone(tmp_path: Path, thing: str):
    name = _note_name(tmp_path)
    out = tmp_path / "notes"
    out.mkdir()
    if thing == "fifo":
        os.mkfifo(out / name)
    else:
        (out / name).mkdir()
    (written,) = _export_in_a_thread(FakeStore([article(ID)]), out)
    assert written.name != name and written.name.startswith(name[:-3])
    assert written.read_text(encoding="utf-8").startswith("---")
    assert (out / name).is_fifo() if thing == "fifo" else (out / name).is_dir()


@pytest.mark.fault(
    "export",
    "temp files left by exports that were killed (`.<note>.<pid>-<hex>.tmp` of a process that is gone)",
    "removed by the next export into that folder; a live process's temp file and other hidden files are kept",
)
def test_temp_files_of_killed_exports_are_cleaned(tmp_path: Path):
    out = tmp_path / "notes"
    out.mkdir()
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    dead_pid = int(gone.stdout)
    stale = out / f".nota.md.{dead_pid}-0123abcd.tmp"
    live = out / f".nota.md.{os.getpid()}-89abcdef.tmp"
    mine = out / ".obsidian.tmp"  # not ours
    for path in (stale, live, mine):
        path.write_text("half a note", encoding="utf-8")
    export(FakeStore([article(ID)]), [ID], out, one_file=False, options=ExportOptions())
    assert not stale.exists() and live.exists() and mine.exists()
    assert remove_stale_temp_files(out) == []
