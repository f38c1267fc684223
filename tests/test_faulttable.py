"""docs/FAULTS.md matches the fault markers on the tests, and covers every fault issues 8 and 21 name."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from tests.support import faulttable
from tests.support.faulttable import FaultRow, MarkerError, collect, render, rows_in_file

UPDATE_ENV = "BRIEFING_UPDATE_FAULTS"

# (area, words that must all appear in one row's fault): the list of issue 8 points 1, 2 and 4.
REQUIRED = [
    ("store", ["SIGKILL", "import"]),
    ("store", ["SIGKILL", "tag", "note"]),
    ("store", ["disk full"]),
    ("store", ["permission denied"]),
    ("store", ["truncated"]),
    ("store", ["second", "instance"]),
    ("backups", ["restore"]),
    ("backups", ["migration"]),
    ("import", ["Rich markup"]),
    ("import", ["binary"]),
    ("import", ["empty"]),
    ("import", ["50 MB"]),
    ("import", ["Latin-1"]),
    ("import", ["1 MB single line"]),
    ("import", ["nested HTML"]),
    ("import", ["OSC 52"]),
    ("import", ["zero-width"]),
    ("feeds", ["entity expansion"]),
    ("urls", ["file://"]),
    ("urls", ["ftp://"]),
    ("analysis", ["arbitrary text"]),
    ("reader", ["Rich markup"]),
    ("reader", ["OSC 52"]),
    ("reader", ["OSC 8"]),
    ("reader", ["window title"]),
    ("reader", ["bidi"]),
    ("reader", ["zero-width"]),
    ("reader", ["1 MB single line"]),
    ("cli", ["ANSI"]),
    ("export", ["Rich markup"]),
    ("export", ["1 MB single line"]),
    # issue 21
    ("store", ["bodies.pack", "truncated", "writer"]),
    ("store", ["random bytes", "bodies.pack"]),
    ("store", ["meta.journal", "zeroed", "emptied", "cut", "one byte changed"]),
    ("store", ["0 bytes free"]),
    ("store", ["disk full at close", "daily backup"]),
    ("store", ["lock path", "folder"]),
    ("store", ["lock file deleted", "second writer"]),
    ("backups", ["restore", "bodies.pack", "zeroed"]),
    ("backups", ["backup", "damaged body"]),
    ("reader", ["tag", "window-title", "completion"]),
    ("reader", ["note", "OSC 52", "OSC 8"]),
    ("reader", ["bodies.pack", "cut off"]),
    ("cli", ["briefing tag", "OSC 2"]),
    ("analysis", ["analyze --jsonl", "lone surrogate", "invalid UTF-8"]),
    ("analysis", ["400 nines", "9999-12-31"]),
    ("analysis", ["400 KB", "2.2 GB"]),
    ("import", ["symlink", "/etc/passwd", "unreadable"]),
    ("import", ["UTF-16", "byte-order mark"]),
    ("urls", ["FIFO", "file://"]),
    ("urls", ["drips", "byte"]),
    ("urls", ["Content-Length"]),
    ("export", ["disk full", "30 notes"]),
    ("export", ["FIFO", "folder"]),
    ("export", ["temp files", "killed"]),
]


@pytest.fixture(scope="module")
def rows() -> list[FaultRow]:
    """The markers of the whole suite, parsed once for this module (each parse reads every
    test file's syntax tree: a fifth of a second, 58 tests here)."""
    return collect()


def test_faults_md_is_current(rows):
    expected = render(rows)
    if os.environ.get(UPDATE_ENV):
        faulttable.DOC.parent.mkdir(exist_ok=True)
        faulttable.DOC.write_text(expected, encoding="utf-8")
    assert faulttable.DOC.exists(), "run: python -m tests.support.faulttable > docs/FAULTS.md"
    current = faulttable.DOC.read_text(encoding="utf-8")
    assert current == expected, (
        "docs/FAULTS.md is out of date with the fault markers; regenerate it with "
        f"`python -m tests.support.faulttable > docs/FAULTS.md` or `{UPDATE_ENV}=1 pytest {__file__}`"
    )


@pytest.mark.parametrize(("area", "words"), REQUIRED, ids=lambda x: str(x))
def test_every_fault_the_issue_names_has_a_row(rows, area, words):
    in_area = [r for r in rows if r.area == area]
    assert any(all(w.lower() in r.fault.lower() for w in words) for r in in_area), (area, words)


def test_every_marked_test_exists_once_per_fault(rows):
    assert len(rows) == len(set(rows))
    for row in rows:
        path, name = row.test.split("::")
        source = (faulttable.ROOT / path).read_text(encoding="utf-8")
        assert f"def {name}(" in source


def _write(tmp_path: Path, source: str) -> Path:
    path = tmp_path / "tests" / "test_sample.py"
    path.parent.mkdir(exist_ok=True)
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    return path


def test_markers_are_read_in_order_stacked_and_async(tmp_path: Path):
    path = _write(
        tmp_path,
        """
        import pytest
        from pytest import mark

        @pytest.mark.fault("store", "one", "first")
        @pytest.mark.parametrize("x", [1, 2])
        @mark.fault("store", "two", "second")
        def test_a(x):
            pass

        @pytest.mark.fault("reader", "three", "third")
        async def test_b():
            pass

        def test_unmarked():
            pass
        """,
    )
    rows = rows_in_file(path, tmp_path)
    assert rows == [
        FaultRow("store", "one", "first", "tests/test_sample.py::test_a"),
        FaultRow("store", "two", "second", "tests/test_sample.py::test_a"),
        FaultRow("reader", "three", "third", "tests/test_sample.py::test_b"),
    ]
    assert [r.area for r in collect(tmp_path / "tests", tmp_path)] == ["store", "store", "reader"]


@pytest.mark.parametrize(
    "source",
    [
        '@pytest.mark.fault("store", "x")\ndef test_a(): pass\n',
        '@pytest.mark.fault("store", "x", WHAT)\ndef test_a(): pass\n',
        '@pytest.mark.fault("store", "x", outcome="y")\ndef test_a(): pass\n',
        '@pytest.mark.fault("store", " ", "y")\ndef test_a(): pass\n',
        '@pytest.mark.fault("store", "x", "y")\ndef helper(): pass\n',
        'pytestmark = pytest.mark.fault("store", "x", "y")\n',
        'CASES = [pytest.param(1, marks=pytest.mark.fault("store", "x", "y"))]\n',
    ],
    ids=["two-args", "not-literal", "keyword", "blank", "not-a-test", "module", "param"],
)
def test_unreadable_markers_are_refused_not_dropped(tmp_path: Path, source: str):
    path = _write(tmp_path, "import pytest\n" + source)
    with pytest.raises(MarkerError, match="test_sample.py"):
        rows_in_file(path, tmp_path)


def test_render_keeps_one_row_per_line_and_escapes_pipes():
    rows = [FaultRow("export", "a | b\nc", "kept  |  whole", "tests/test_x.py::test_y")]
    table = render(rows)
    row = next(line for line in table.splitlines() if line.startswith("| export"))
    assert row == r"| export | a \| b c | kept \| whole | [`test_y`](../tests/test_x.py) |"
    assert table.endswith("1 rows (export 1).\n")
