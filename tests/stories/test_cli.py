"""`briefing stories` (list, --json, edits, undo) and `briefing export --story` in a temp home."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing import cli
from briefing.store import Store
from tests.stories.synth import fill, talks_and_office


@pytest.fixture
def ids(temp_home) -> list[str]:
    with Store.open() as store:
        return [a.id for a in fill(store, talks_and_office())]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _stories(capsys) -> list[dict]:
    code, out, _ = run(capsys, "stories", "--json")
    assert code == 0
    return [json.loads(line) for line in out.splitlines()]


def test_stories_lists_ids_titles_and_article_ids(ids, capsys):
    found = _stories(capsys)
    assert sorted(len(s["articles"]) for s in found) == [2, 3]
    talks = next(s for s in found if ids[0] in s["articles"])
    assert talks["langs"] == ["en", "it"] and talks["title"] == "Witkoff meets Putin in Moscow"
    code, out, _ = run(capsys, "stories")
    assert code == 0 and talks["id"] in out and " ".join(talks["articles"]) in out


def test_edits_from_the_command_line_and_undo(ids, capsys):
    found = _stories(capsys)
    talks = next(s for s in found if ids[0] in s["articles"])
    office = next(s for s in found if ids[3] in s["articles"])
    assert run(capsys, "stories", "merge", talks["id"][:7], "--into", office["id"])[0] == 0
    assert len(_stories(capsys)) == 1
    assert run(capsys, "stories", "title", office["id"], "Everything")[0] == 0
    assert _stories(capsys)[0]["title"] == "Everything"
    assert run(capsys, "stories", "undo")[0] == 0
    assert run(capsys, "stories", "undo")[0] == 0
    assert len(_stories(capsys)) == 2
    code, _, err = run(capsys, "stories", "undo")
    assert code == 1 and "no story edit" in err
    code, _, err = run(capsys, "stories", "merge", "nope", "--into", office["id"])
    assert code == 2 and "no story" in err


def test_export_story_writes_one_briefing(ids, capsys, tmp_path):
    talks = next(s for s in _stories(capsys) if ids[0] in s["articles"])
    code, out, _ = run(capsys, "export", "--story", talks["id"], "-o", str(tmp_path / "out"))
    assert code == 0
    text = (tmp_path / "out").joinpath(out.strip().rsplit("/", 1)[1]).read_text()
    assert "briefing_kind: story" in text and "## Sources and dates" in text
    assert all(i in text for i in talks["articles"])
    code, _, err = run(capsys, "export", "--story", "zzz")
    assert code == 2 and "no story" in err


def test_export_story_uses_the_kept_copy_of_its_template(ids, capsys, tmp_path):
    talks = next(s for s in _stories(capsys) if ids[0] in s["articles"])
    code, out, _ = run(capsys, "export", "--copy-templates")
    kept = next(p for p in map(Path, out.split()) if p.name == "story.md.j2")
    kept.write_text(kept.read_text().replace("## Sources and dates", "## Fonti e date"))
    code, out, _ = run(capsys, "export", "--story", talks["id"], "-o", str(tmp_path / "o.md"))
    assert code == 0 and "## Fonti e date" in (tmp_path / "o.md").read_text()
