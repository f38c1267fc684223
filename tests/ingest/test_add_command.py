"""`briefing add`: summary, duplicates, one line per failure, exit codes, a locked store."""

from __future__ import annotations

import io

import pytest

from briefing import cli
from briefing.store import Store

STORY = "Titolo della notizia\nIl governo ha approvato la manovra dopo una lunga riunione notturna a Palazzo Chigi.\n"


def _run(capsys, *argv):
    code = cli.main(["add", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_add_files_then_duplicates(tmp_path, capsys):
    tmp_path = tmp_path / "inputs"  # the store's home is in tmp_path too: keep the inputs apart
    tmp_path.mkdir()
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.md").write_text(
        "---\ntitle: Altra\n---\nUn altro articolo, con un testo diverso.\n"
    )
    code, out, _ = _run(capsys, str(tmp_path))
    assert code == 0
    assert out.splitlines() == ["added 2, duplicates 0, failed 0"]
    (tmp_path / "copy.txt").write_text(STORY.replace("\n", "\n\n"))  # same words, other spacing
    code, out, _ = _run(capsys, str(tmp_path / "a.txt"), str(tmp_path / "copy.txt"))
    assert code == 0
    assert out.splitlines() == ["added 0, duplicates 2, failed 0"]
    with Store.open(readonly=True) as store:
        assert store.count() == 2
        titles = sorted(a.title for a in store.articles())
    assert titles == ["Altra", "Titolo della notizia"]


def test_failures_are_listed_and_exit_1(tmp_path, capsys):
    (tmp_path / "good.txt").write_text(STORY)
    (tmp_path / "empty.txt").write_bytes(b"")
    code, out, _ = _run(
        capsys, str(tmp_path / "good.txt"), str(tmp_path / "empty.txt"), str(tmp_path / "nope")
    )
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == "added 1, duplicates 0, failed 2"
    assert lines[1:] == [
        f"{tmp_path / 'empty.txt'}: empty file",
        f"{tmp_path / 'nope'}: no such file or directory",
    ]


def test_stdin(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(STORY.encode())))
    code, out, _ = _run(capsys, "-")
    assert code == 0 and out.startswith("added 1,")


def test_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["add"])
    assert exit_info.value.code == 2


@pytest.mark.fault(
    "cli",
    "`briefing add` while another instance holds the store",
    "exit 1 with 'in use'; nothing added",
)
def test_locked_store_is_reported_and_changes_nothing(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(STORY)
    with Store.open() as holder:
        code, out, err = _run(capsys, str(tmp_path / "a.txt"))
        assert holder.count() == 0
    assert code == 1
    assert "in use" in err
    assert out == ""


@pytest.mark.fault(
    "cli",
    "file name with an OSC window-title escape",
    "reported without ESC or BEL",
)
def test_hostile_file_names_do_not_reach_the_terminal(tmp_path, capsys):
    name = tmp_path / "evil\x1b]0;pwned\x07.txt"
    name.write_bytes(b"")
    code, out, _ = _run(capsys, str(name))
    assert code == 1
    assert "\x1b" not in out and "\x07" not in out


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal(tmp_path, monkeypatch, capsys):
    from rich.progress import Progress

    from briefing.commands import add

    with add._progress(io.StringIO()) as progress:
        assert progress is None
    terminal = _Terminal()
    with add._progress(terminal) as progress:
        assert isinstance(progress, Progress)
    # the whole command with a terminal on stderr: the summary still goes to stdout
    (tmp_path / "a.txt").write_text(STORY)
    monkeypatch.setattr("sys.stderr", terminal)
    code = cli.main(["add", str(tmp_path / "a.txt")])
    assert code == 0
    assert capsys.readouterr().out.startswith("added 1,")
