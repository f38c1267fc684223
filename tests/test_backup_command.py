"""`briefing backup` and `briefing restore`: names, listing, exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing import cli, paths
from briefing.models import Article
from briefing.store import Store, list_backups


def add(n: int) -> None:
    with Store.open(auto_backup=False) as s:
        s.add_article(Article(id=f"b{n:011d}", title=f"t{n}", body=f"corpo {n}"))


def test_backup_with_a_reason_then_restore_it_by_name(temp_home: Path, capsys):
    add(1)
    assert cli.main(["backup", "--reason", "prima del viaggio"]) == 0
    (made,) = list_backups()
    assert made.path.parent == paths.backups_dir()
    assert made.path.name.endswith("-prima-del-viaggio") and made.reason == "prima del viaggio"
    add(2)
    capsys.readouterr()
    assert cli.main(["restore", made.path.name]) == 0
    out = capsys.readouterr().out
    assert f"Restored 1 articles from {made.path}" in out and "before-restore" in out
    with Store.open(readonly=True) as s:
        assert [a.id for a in s.articles()] == ["b00000000001"]


@pytest.mark.fault(
    "backups",
    "`briefing restore` with no backups, or a name that matches none",
    "exit 1 with a one-line error",
)
def test_restore_list_and_errors(temp_home: Path, capsys):
    assert cli.main(["restore", "--list"]) == 0
    assert "No backups" in capsys.readouterr().out
    assert cli.main(["restore"]) == 1
    assert "no backups yet" in capsys.readouterr().err
    add(1)
    cli.main(["backup"])
    assert cli.main(["restore", "zzz"]) == 1
    assert "no backup matches 'zzz'" in capsys.readouterr().err
    assert cli.main(["restore", "--list"]) == 0
    assert "\tmanual\t1 articles" in capsys.readouterr().out


def test_restore_into_an_empty_home_makes_no_pointless_backup(temp_home: Path, tmp_path, capsys):
    add(1)
    assert cli.main(["backup"]) == 0
    (made,) = list_backups()
    moved = tmp_path / "elsewhere"
    made.path.rename(moved)
    for path in paths.store_dir().iterdir():  # a new machine: no store yet
        path.unlink()
    capsys.readouterr()
    assert cli.main(["restore", str(moved)]) == 0
    assert "saved in" not in capsys.readouterr().out
    assert list_backups() == []
    with Store.open(readonly=True) as s:
        assert s.count() == 1
