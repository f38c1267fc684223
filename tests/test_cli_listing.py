"""`briefing list`, `show` and `tag` over a real store in a temporary home."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from briefing import cli
from briefing.models import Analysis, Article, Facts, NamedThing
from briefing.store import Store

ARTICLES = [
    Article(
        id="",
        title="Witkoff a Mosca per il piano di pace",
        body="L'inviato americano è arrivato a Mosca. Una fonte del Cremlino parla di libertà.",
        published="2025-12-18",
        source="Il Giornale d'Italia",
        author="Mario Rossi",
        url="https://example.org/witkoff",
        lang="it",
        tags=["ucraina"],
        credit="Foto: X @white_lenka",
    ),
    Article(
        id="",
        title="White House says talks continue",
        body="The White House said the talks with Moscow would continue next week.",
        published="2025-12-02T10:00:00+01:00",
        source="Reuters",
        lang="en",
    ),
    Article(
        id="",
        title="Evil \x1b]0;owned\x07title \x1b[31mred\u202e",
        body="Body with \x1b[2J escape.",
        published="2025-11-01",
        source="Blog",
        lang="en",
    ),
]


@pytest.fixture
def ids(temp_home) -> list[str]:
    with Store.open() as store:
        results = store.add_articles(ARTICLES)
    return [r.article_id for r in results]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_prints_one_line_per_article_newest_first(ids, capsys):
    code, out, _ = run(capsys, "list")
    lines = out.splitlines()
    assert code == 0
    assert [line.split()[0] for line in lines] == [i[:8] for i in ids]
    first = lines[0].split()
    assert first[1:3] == ["2025-12-18", "Il"]
    assert " it " in lines[0] and "#ucraina" in lines[0]
    assert lines[0].endswith("Witkoff a Mosca per il piano di pace")
    assert lines[1].split()[1] == "2025-12-02"


def test_list_filters_with_the_query_language(ids, capsys):
    assert run(capsys, "list", "tag:ucraina")[1].split()[0] == ids[0][:8]
    assert run(capsys, "list", "lang:en", "date:2025-12")[1].split()[0] == ids[1][:8]
    assert run(capsys, "list", "--", "-lang:en")[1].split()[0] == ids[0][:8]
    assert len(run(capsys, "list", "mosca OR reuters")[1].splitlines()) == 2
    assert run(capsys, "list", 'source:"giornale d\'italia"')[1].split()[0] == ids[0][:8]
    assert run(capsys, "list", '"white house"')[1].split()[0] == ids[1][:8]
    assert run(capsys, "list", '"house white"')[1] == ""
    assert run(capsys, "list", "house", "white")[1].split()[0] == ids[1][:8]


def test_list_searches_bodies_unless_titles_only(ids, capsys):
    assert run(capsys, "list", "cremlino")[1].split()[0] == ids[0][:8]
    assert run(capsys, "list", "LIBERTA")[1].split()[0] == ids[0][:8]
    assert run(capsys, "list", "--titles", "cremlino")[1] == ""


def test_list_uses_analysis_summaries(ids, capsys):
    facts = Facts(people=[NamedThing("Steve Witkoff")], places=[NamedThing("Mosca")])
    with Store.open() as store:
        store.put_analysis(Analysis(ids[0], "it", "test", "0", facts=facts))
    assert run(capsys, "list", 'person:"steve witkoff"')[1].split()[0] == ids[0][:8]
    assert run(capsys, "list", "place:mosca", "--json")[1].count('"id"') == 1


def test_list_json_has_the_script_fields(ids, capsys):
    code, out, _ = run(capsys, "list", "--json")
    data = json.loads(out)
    assert code == 0
    assert [d["id"] for d in data] == ids
    assert set(data[0]) == {
        "id",
        "title",
        "published",
        "source",
        "author",
        "url",
        "lang",
        "tags",
        "credit",
    }
    assert data[0]["published"] == "2025-12-18"
    assert data[1]["published"] == "2025-12-02"  # the ISO date of a datetime
    assert data[0]["credit"] == "Foto: X @white_lenka"
    assert data[0]["tags"] == ["ucraina"]
    assert json.loads(run(capsys, "list", "--json", "tag:nothing")[1]) == []


def test_bad_query_exits_2_with_message_and_caret(ids, capsys):
    code, out, err = run(capsys, "list", "lang:it", "is:nuovo")
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert "is: takes" in lines[0]
    assert lines[1] == "lang:it is:nuovo"
    assert lines[2] == " " * 11 + "^"


@pytest.mark.fault(
    "cli",
    "ANSI colour, OSC window title and bidi override in titles and bodies (`briefing list`, `show`)",
    "printed without ESC, BEL or bidi; --json keeps the exact text, escaped",
)
def test_hostile_titles_reach_the_terminal_inert(ids, capsys):
    out = run(capsys, "list", "source:blog")[1]
    assert "evil" in out.lower()
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    out = run(capsys, "show", ids[2])[1]
    assert "\x1b" not in out and "escape" in out
    # JSON keeps the text exactly (escaped), for scripts
    assert json.loads(run(capsys, "show", ids[2], "--json")[1])["title"] == ARTICLES[2].title


def test_show_by_unique_prefix(ids, capsys):
    code, out, _ = run(capsys, "show", ids[0][:6])
    assert code == 0
    assert out.splitlines()[0] == "Witkoff a Mosca per il piano di pace"
    assert f"id:     {ids[0]}" in out
    assert "credit: Foto: X @white_lenka" in out
    assert out.rstrip().endswith("parla di libertà.")


def test_show_json_adds_the_body(ids, capsys):
    data = json.loads(run(capsys, "show", "--json", ids[1])[1])
    assert data["id"] == ids[1]
    assert data["body"] == ARTICLES[1].body
    assert data["source"] == "Reuters"


def test_show_unknown_or_ambiguous_id_exits_1(ids, capsys):
    code, _, err = run(capsys, "show", "zzzz")
    assert code == 1 and "zzzz" in err
    assert run(capsys, "show", "")[0] == 1  # the empty prefix is every id


def test_tag_adds_removes_and_prints(ids, capsys):
    code, out, _ = run(capsys, "tag", ids[0][:8], "+diplomazia", "-ucraina", "+Ue")
    assert code == 0
    assert out.split() == ["#diplomazia", "#Ue"]
    with Store.open(readonly=True) as store:
        assert store.get(ids[0]).tags == ["diplomazia", "Ue"]
    assert run(capsys, "tag", ids[0])[1].split() == ["#diplomazia", "#Ue"]
    assert run(capsys, "list", "tag:ue")[1].split()[0] == ids[0][:8]


def test_tag_errors(ids, capsys):
    assert run(capsys, "tag", "zzzz", "+x")[0] == 1
    code, _, err = run(capsys, "tag", ids[0], "+")
    assert code == 2 and "not a tag" in err


@pytest.mark.parametrize("command", ["list", "show", "tag"])
def test_help_on_every_command(command, capsys):
    with pytest.raises(SystemExit) as exited:
        cli.main([command, "--help"])
    assert exited.value.code == 0
    assert "usage: briefing " + command in capsys.readouterr().out


def test_usage_errors_exit_2(capsys):
    for argv in (["show"], ["tag"], ["list", "--nonsense"]):
        with pytest.raises(SystemExit) as exited:
            cli.main(argv)
        assert exited.value.code == 2


def _briefing(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "briefing", *argv],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=60,
    )


@pytest.mark.fault(
    "cli",
    "`list`, `show` and `tag` while another instance holds the store",
    "list and show read; tag exits 1 with 'in use'",
)
def test_list_and_show_work_while_another_process_writes(ids):
    with Store.open():  # holds the writer's lock, like a running reader
        listed = _briefing("list", "--json")
        shown = _briefing("show", ids[0])
        tagged = _briefing("tag", ids[0], "+x")
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) == 3
    assert shown.returncode == 0 and "Witkoff" in shown.stdout
    assert tagged.returncode == 1 and "in use" in tagged.stderr


def test_list_into_a_closed_pipe_is_quiet(temp_home):
    with Store.open() as store:
        store.add_articles(
            Article(id="", title=f"Articolo numero {i} " + "x" * 60, body=f"testo {i}")
            for i in range(1500)
        )
    process = subprocess.Popen(
        [sys.executable, "-m", "briefing", "list"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=os.environ.copy(),
    )
    assert process.stdout.read(100)
    process.stdout.close()  # like `briefing list | head -1`
    assert process.wait(timeout=60) == 0
    assert process.stderr.read() == b""
