"""The command line's rough edges: whole option names, exit codes, ambiguous ids, restore,
lock messages, progress only on a terminal, and `analyze` with the user's corrections."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pytest

from briefing import cli
from briefing.models import Article, Correction
from briefing.store import Store, list_backups

# Ids given by hand so that prefixes collide: "ab" starts three, "abc" two.
ARTICLES = [
    Article(id="abc000000001", title="Vertice a Roma", body="Il vertice si tiene a Roma."),
    Article(id="abc000000002", title="Talks in Geneva", body="The talks are held in Geneva."),
    Article(id="abd000000003", title="Sciopero dei treni", body="Domani sciopero dei treni."),
]


@pytest.fixture
def stored(temp_home: Path) -> list[str]:
    with Store.open(auto_backup=False) as store:
        store.add_articles(ARTICLES)
    return [a.id for a in ARTICLES]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _parsers(parser: argparse.ArgumentParser):
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                yield from _parsers(child)


def test_no_parser_takes_an_abbreviated_option():
    parsers = list(_parsers(cli.build_parser()))
    assert len(parsers) > 5  # the subcommands were found
    assert [p.prog for p in parsers if p.allow_abbrev] == []


@pytest.mark.parametrize(
    "argv",
    [["list", "--jso"], ["analyze", "x.txt", "--jso"], ["export", "--one"], ["restore", "--li"]],
)
def test_an_abbreviated_option_is_a_usage_error(argv, capsys):
    with pytest.raises(SystemExit) as exited:
        cli.main(argv)
    assert exited.value.code == 2
    assert "unrecognized arguments" in capsys.readouterr().err


def test_analyze_json_is_one_object_not_json_lines(tmp_path: Path, capsys):
    article = tmp_path / "note.txt"
    article.write_text("Mario Draghi ha parlato a Bruxelles con Ursula von der Leyen.\n")
    code, out, err = run(capsys, "analyze", str(article), "--json")
    assert code == 0, err
    data = json.loads(out)  # one indented object: a JSON-lines reading would have failed here
    assert data["text"].startswith("Mario Draghi") and data["entities"]
    assert "Expecting value" not in err


def test_analyze_json_and_jsonl_together_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exited:
        cli.main(["analyze", "-", "--json", "--jsonl"])
    assert exited.value.code == 2


def test_a_bad_query_exits_2_in_list_and_export(stored, tmp_path: Path, capsys):
    code, out, err = run(capsys, "list", "date:2025-13")
    assert (code, out) == (2, "")
    assert err.splitlines()[1:] == ["date:2025-13", "     ^"]  # under the value
    code, _, err = run(capsys, "export", "-o", str(tmp_path / "out"), "(roma")
    assert code == 2 and "bad query" in err and err.rstrip().endswith("^")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("argv", "exit_code"),
    [
        (["show", "abc"], 1),
        (["tag", "abc", "+x"], 1),
        (["export", "--id", "abc"], 2),
        (["analyze", "--article", "abc"], 2),
    ],
)
def test_an_ambiguous_id_prefix_lists_the_candidates(stored, argv, exit_code, capsys):
    code, out, err = run(capsys, *argv)
    assert code == exit_code and out == ""
    assert "'abc' starts 2 article ids" in err
    listed = [line.split()[0] for line in err.splitlines()[1:]]
    assert listed == ["abc000000001", "abc000000002"]
    assert "Vertice a Roma" in err and "Talks in Geneva" in err
    with Store.open(readonly=True) as store:
        assert all(not store.get(i).tags for i in stored)  # tag changed nothing


def test_an_unknown_prefix_says_so_and_a_unique_one_works(stored, capsys):
    code, _, err = run(capsys, "show", "zz")
    assert code == 1 and "no article has an id starting with 'zz'" in err
    code, out, _ = run(capsys, "show", "abd")
    assert code == 0 and out.startswith("Sciopero dei treni")


def test_many_candidates_are_cut_with_a_count(temp_home: Path, capsys):
    with Store.open(auto_backup=False) as store:
        store.add_articles(
            Article(id=f"ff{n:010d}", title=f"n{n}", body=f"corpo {n}") for n in range(14)
        )
    code, _, err = run(capsys, "show", "ff")
    assert code == 1
    assert "'ff' starts 14 article ids" in err
    assert len([line for line in err.splitlines() if line.startswith("  ff")]) == 10
    assert err.splitlines()[-1] == "  ... and 4 more"


def _backup_then_add(capsys) -> None:
    assert cli.main(["backup"]) == 0
    with Store.open(auto_backup=False) as store:
        store.add_article(Article(id="eee000000004", title="dopo", body="aggiunto dopo"))
    capsys.readouterr()


def _count() -> int:
    with Store.open(readonly=True) as store:
        return store.count()


def test_restore_without_a_name_and_no_terminal_lists_and_restores_nothing(stored, capsys):
    _backup_then_add(capsys)
    code, out, err = run(capsys, "restore")
    assert code == 2
    (made,) = list_backups()
    assert made.path.name in out and "briefing restore BACKUP" in err
    assert _count() == 4  # the store is as it was


class _Terminal:
    def __init__(self, answer: str) -> None:
        self.answer = answer
        self.prompts: list[str] = []

    def isatty(self) -> bool:
        return True


@pytest.fixture
def terminal(monkeypatch):
    def answering(answer: str) -> _Terminal:
        fake = _Terminal(answer)
        monkeypatch.setattr(sys, "stdin", fake)

        def fake_input(prompt: str) -> str:
            fake.prompts.append(prompt)
            return fake.answer

        monkeypatch.setattr("builtins.input", fake_input)
        return fake

    return answering


def test_restore_without_a_name_asks_and_enter_cancels(stored, terminal, capsys):
    _backup_then_add(capsys)
    asked = terminal("")
    code, out, _ = run(capsys, "restore")
    assert code == 0 and "Nothing restored" in out
    assert asked.prompts and "Restore which backup?" in asked.prompts[0]
    assert "  1  " in out  # numbered
    assert _count() == 4


def test_restore_without_a_name_restores_the_chosen_number(stored, terminal, capsys):
    _backup_then_add(capsys)
    terminal("1")
    code, out, _ = run(capsys, "restore")
    assert code == 0 and "Restored 3 articles" in out
    assert _count() == 3


@pytest.mark.parametrize(
    "argv",
    [["add", "ARTICLE"], ["tag", "abc000000001", "+x"], ["backup"], ["analyze", "--all"]],
)
def test_lock_messages_offer_read_only_only_where_it_exists(stored, tmp_path, argv, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Una notizia qualsiasi, scritta per la prova.\n")
    argv = [str(article) if a == "ARTICLE" else a for a in argv]
    with Store.open():  # another writer, like a running reader
        code, _, err = run(capsys, *argv)
    assert code == 1 and "in use by" in err
    assert "read-only" not in err


def test_the_reader_offers_read_only_when_locked(stored, monkeypatch, capsys):
    from briefing.commands import tui

    monkeypatch.setattr("sys.stdin.isatty", lambda: False, raising=False)
    with Store.open():
        assert tui.run_tui(argparse.Namespace()) == 1
    assert "read-only" in capsys.readouterr().err


def test_analyze_all_progress_only_on_a_terminal(stored, monkeypatch, capsys):
    code, out, err = run(capsys, "analyze", "--all")
    assert code == 0 and "analysed" not in err and "\r" not in err
    assert sorted(line.split()[0] for line in out.splitlines()) == sorted(stored)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    code, _, err = run(capsys, "analyze", "--all")
    assert code == 0 and "\ranalysed 3/3" in err


def test_analyze_all_json_is_an_array_of_analyses(stored, capsys):
    code, out, _ = run(capsys, "analyze", "--all", "--json")
    assert code == 0
    assert sorted(row["article_id"] for row in json.loads(out)) == sorted(stored)


def test_analyze_file_applies_the_corrections_saved_in_the_store(temp_home, tmp_path, capsys):
    article = tmp_path / "nota.txt"
    article.write_text("Il ministro Rossi ha visitato Palazzo Chigi ieri mattina a Roma.\n")

    def label_of(text: str) -> str | None:
        code, out, err = run(capsys, "analyze", str(article))
        assert code == 0, err
        return next((e["label"] for e in json.loads(out)["entities"] if e["text"] == text), None)

    before = label_of("Palazzo Chigi")
    wanted = "MISC" if before != "MISC" else "ORG"
    with Store.open(auto_backup=False) as store:
        store.add_correction(Correction("", "Palazzo Chigi", wanted))
    assert label_of("Palazzo Chigi") == wanted


def test_every_script_parser_refuses_abbreviations():
    """The builders, benchmarks and training scripts too: a typo never runs as another option."""
    import ast

    root = Path(__file__).resolve().parent.parent
    missing = []
    for folder in ("briefing", "benchmarks", "training", "scripts"):
        for path in (root / folder).rglob("*.py"):
            if any(part.startswith(".") for part in path.relative_to(root).parts):
                continue  # a benchmark's own venv
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (
                    isinstance(node, ast.Call)
                    and getattr(node.func, "attr", getattr(node.func, "id", "")) == "ArgumentParser"
                    and not any(
                        k.arg == "allow_abbrev" and getattr(k.value, "value", True) is False
                        for k in node.keywords
                    )
                ):
                    missing.append(f"{path.relative_to(root)}:{node.lineno}")
    assert missing == []
