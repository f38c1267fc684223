"""Export to disk: names, no overwriting others' files, kept edits, progress, the CLI."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from briefing import cli
from briefing.export import (
    ExportError,
    ExportOptions,
    ExportUsageError,
    export,
    preserved_sections,
    read_front_matter,
)
from briefing.models import Highlight, NamedThing
from briefing.store import Store
from tests.support.export_samples import (
    NOW,
    FakeStore,
    analysis,
    article,
    parse,
    split_front_matter,
)

PLAIN = ExportOptions()


def _edit_keep(path: Path, new: str, name: str = "") -> None:
    start = f"<!-- briefing:keep {name} -->" if name else "<!-- briefing:keep -->"
    end = f"<!-- /briefing:keep {name} -->" if name else "<!-- /briefing:keep -->"
    note = path.read_text(encoding="utf-8")
    head, rest = note.split(start + "\n", 1)
    _, tail = rest.split(end, 1)
    path.write_text(head + start + "\n" + new + end + tail, encoding="utf-8")


@pytest.fixture
def store() -> FakeStore:
    return FakeStore(
        [
            article("a1b2c3d4e5f6"),
            article("0123456789ab", title="Seconda notizia", source="Il Post", published=None),
        ]
    )


def test_per_article_files_are_named_date_source_title(tmp_path, store):
    calls = []
    written = export(
        store,
        ["a1b2c3d4e5f6", "0123456789ab"],
        tmp_path / "out",
        one_file=False,
        options=PLAIN,
        progress=lambda done, total: calls.append((done, total)),
        now=NOW,
    )
    assert [p.name for p in written] == [
        "2025-12-18-ansa-il-governo-approva-la-manovra.md",
        "il-post-seconda-notizia.md",
    ]
    assert calls == [(0, 2), (1, 2), (2, 2)]
    for path in written:
        meta, body = split_front_matter(path.read_text(encoding="utf-8"))
        assert meta["exported_by"] == "briefing"
        assert parse(body)[0].type == "heading_open"
    assert not list((tmp_path / "out").glob(".*.tmp"))  # atomic writes leave nothing behind


@pytest.mark.fault(
    "export",
    "path-traversal titles (../../etc/passwd, /etc/passwd, NUL, 1000 characters)",
    "every file inside the output folder, distinct, names at most 150 bytes",
)
def test_hostile_titles_stay_inside_the_output_folder(tmp_path):
    titles = ["../../etc/passwd", "/etc/passwd", "..", "a\x00b", "x" * 1000, "../../etc/passwd"]
    fake = FakeStore([article(f"{i:012x}", title=t, source=None) for i, t in enumerate(titles)])
    out = tmp_path / "out"
    written = export(fake, list(fake.articles), out, one_file=False, options=PLAIN, now=NOW)
    assert len(written) == len(titles) == len({p.name for p in written})
    for path in written:
        assert path.resolve().parent == out.resolve()
        assert len(path.name.encode()) <= 150
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in written)


@pytest.mark.fault(
    "export",
    "an existing note not written by briefing",
    "never overwritten without --force; the other notes written",
)
def test_existing_files_not_made_by_briefing_are_never_overwritten(tmp_path, store):
    out = tmp_path / "out"
    out.mkdir()
    mine = out / "2025-12-18-ansa-il-governo-approva-la-manovra.md"
    mine.write_text("# my own note\n", encoding="utf-8")
    with pytest.raises(ExportError) as failed:
        export(store, ["a1b2c3d4e5f6", "0123456789ab"], out, one_file=False, options=PLAIN)
    assert mine.read_text(encoding="utf-8") == "# my own note\n"
    assert "--force" in failed.value.problems[0]
    assert [p.name for p in failed.value.written] == ["il-post-seconda-notizia.md"]

    written = export(
        store, ["a1b2c3d4e5f6"], out, one_file=False, options=ExportOptions(force=True)
    )
    assert written == [mine]
    assert read_front_matter(mine.read_text(encoding="utf-8"))["briefing_id"] == "a1b2c3d4e5f6"


@pytest.mark.fault(
    "export",
    "a binary file where a note would go",
    "not overwritten; an empty file is",
)
def test_binary_files_are_not_overwritten_and_empty_ones_are(tmp_path, store):
    binary = tmp_path / "2025-12-18-ansa-il-governo-approva-la-manovra.md"
    binary.write_bytes(b"\xff\xfe not utf-8")
    with pytest.raises(ExportError):
        export(store, ["a1b2c3d4e5f6"], tmp_path, one_file=False, options=PLAIN)
    assert binary.read_bytes() == b"\xff\xfe not utf-8"
    binary.write_bytes(b"")  # e.g. a note a crash cut short before any byte reached disk
    assert export(store, ["a1b2c3d4e5f6"], tmp_path, one_file=False, options=PLAIN) == [binary]


def test_single_file_target_also_refuses_a_foreign_file(tmp_path, store):
    target = tmp_path / "note.md"
    target.write_text("precious", encoding="utf-8")
    with pytest.raises(ExportError):
        export(store, ["a1b2c3d4e5f6"], target, one_file=False, options=PLAIN)
    with pytest.raises(ExportError):
        export(store, ["a1b2c3d4e5f6"], target, one_file=True, options=PLAIN)
    assert target.read_text(encoding="utf-8") == "precious"


def test_reexport_keeps_the_edited_section_and_shows_changed_highlights(tmp_path, store):
    out = tmp_path / "out"
    (path,) = export(store, ["a1b2c3d4e5f6"], out, one_file=False, options=PLAIN, now=NOW)
    _edit_keep(path, "Le mie note.\n\n- [ ] chiamare la redazione\n")
    store.marks["a1b2c3d4e5f6"][0].note = "Verificato con la fonte"
    store.marks["a1b2c3d4e5f6"].append(
        Highlight("h3", "a1b2c3d4e5f6", 101, 117, "fonti di governo")
    )
    store.articles["a1b2c3d4e5f6"].title = "Manovra approvata"
    for _ in range(3):
        (again,) = export(store, ["a1b2c3d4e5f6"], out, one_file=False, options=PLAIN)
    # The note is found by its article id even though the title (and so the name) changed.
    assert again == path and list(out.iterdir()) == [path]
    note = path.read_text(encoding="utf-8")
    assert preserved_sections(note) == {"": "Le mie note.\n\n- [ ] chiamare la redazione\n"}
    assert "# Manovra approvata" in note
    assert "Verificato con la fonte" in note and "> fonti di governo" in note


@pytest.mark.fault(
    "export",
    "re-export over a note whose keep section lost its end line",
    "ExportError 'no end line'; the file unchanged unless --force",
)
def test_broken_keep_section_is_not_overwritten_without_force(tmp_path, store):
    (path,) = export(store, ["a1b2c3d4e5f6"], tmp_path, one_file=False, options=PLAIN)
    broken = path.read_text(encoding="utf-8").replace("<!-- /briefing:keep -->", "") + "notes\n"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(ExportError, match="no end line"):
        export(store, ["a1b2c3d4e5f6"], tmp_path, one_file=False, options=PLAIN)
    assert path.read_text(encoding="utf-8") == broken
    export(store, ["a1b2c3d4e5f6"], tmp_path, one_file=False, options=ExportOptions(force=True))
    assert preserved_sections(path.read_text(encoding="utf-8")) == {"": "\n"}


def test_another_articles_note_with_the_same_name_is_left_alone(tmp_path):
    first = FakeStore([article("111111111111")])
    (path,) = export(first, ["111111111111"], tmp_path, one_file=False, options=PLAIN)
    second = FakeStore([article("222222222222")])  # same date, source and title
    (other,) = export(second, ["222222222222"], tmp_path, one_file=False, options=PLAIN)
    assert other != path and other.name.endswith("-22222222.md")
    assert read_front_matter(path.read_text(encoding="utf-8"))["briefing_id"] == "111111111111"


def test_one_file_briefing_to_folder_and_to_file(tmp_path, store):
    ids = ["a1b2c3d4e5f6", "0123456789ab"]
    (path,) = export(
        store, ids, tmp_path, one_file=True, query="tag:politica", options=PLAIN, now=NOW
    )
    assert path.name == "briefing-2026-01-02-tag-politica.md"
    meta, body = split_front_matter(path.read_text(encoding="utf-8"))
    assert meta["articles"] == ids and meta["query"] == "tag:politica"
    _edit_keep(path, "overall thoughts\n")
    _edit_keep(path, "second thoughts\n", "0123456789ab")
    export(store, ids[::-1], tmp_path, one_file=True, query="tag:politica", options=PLAIN, now=NOW)
    kept = preserved_sections(path.read_text(encoding="utf-8"))
    assert kept[""] == "overall thoughts\n" and kept["0123456789ab"] == "second thoughts\n"

    target = tmp_path / "sub" / "today.md"
    assert export(store, ids, target, one_file=True, options=PLAIN) == [target]


def test_many_articles_into_one_per_article_file_is_a_usage_error(tmp_path, store):
    with pytest.raises(ExportUsageError):
        export(store, list(store.articles), tmp_path / "x.md", one_file=False, options=PLAIN)
    assert not (tmp_path / "x.md").exists()


def test_unknown_article_is_reported_and_the_rest_written(tmp_path, store):
    with pytest.raises(ExportError) as failed:
        export(store, ["nope", "a1b2c3d4e5f6"], tmp_path, one_file=False, options=PLAIN)
    assert failed.value.problems == ["no article with id nope"]
    assert len(failed.value.written) == 1


def test_progress_callback_can_stop_an_export(tmp_path, store):
    class Stop(Exception):
        pass

    def progress(done: int, total: int) -> None:
        if done == 1:
            raise Stop

    with pytest.raises(Stop):
        export(
            store, list(store.articles), tmp_path, one_file=False, options=PLAIN, progress=progress
        )
    assert len(list(tmp_path.iterdir())) == 1


# --- with the real store and the command line -------------------------------------------------


def _fill_store(directory: Path | None = None) -> str:
    with Store.open(directory) as real:
        added = real.add_article(
            article("a1b2c3d4e5f6", body="Il governo ha approvato ieri la manovra.")
        )
        real.add_article(
            article("0123456789ab", title="Altro", body="Un altro testo.", tags=["sport"])
        )
        real.add_highlight(Highlight("", added.article_id, 0, 10, "Il governo", note="nota"))
        real.put_analysis(dataclasses.replace(analysis(added.article_id)))
        return added.article_id


def test_export_from_the_real_store(tmp_path):
    article_id = _fill_store(tmp_path / "store")
    with Store.open(tmp_path / "store", readonly=True) as real:
        (path,) = export(real, [article_id], tmp_path / "out", one_file=False, options=PLAIN)
    meta, body = split_front_matter(path.read_text(encoding="utf-8"))
    assert meta["briefing_id"] == article_id and meta["people"] == ["Giorgia Meloni"]
    assert "> Il governo\n" in body and "**Note:** nota" in body


def test_cli_export(tmp_path, capsys):
    article_id = _fill_store()
    out = tmp_path / "out"
    assert cli.main(["export", "--id", article_id[:6], "-o", str(out), "--obsidian"]) == 0
    (path,) = out.iterdir()
    assert capsys.readouterr().out.strip() == str(path)
    assert "^hl-" in path.read_text(encoding="utf-8")

    assert cli.main(["export", "tag:sport", "-o", str(out)]) == 0
    assert len(list(out.iterdir())) == 2
    assert cli.main(["export", "-o", str(out), "--one-file"]) == 0
    briefing = next(out.glob("briefing-*.md"))
    meta, _ = split_front_matter(briefing.read_text(encoding="utf-8"))
    assert article_id in meta["articles"] and len(meta["articles"]) == 2

    briefing.write_text("not ours any more\n", encoding="utf-8")
    assert cli.main(["export", "-o", str(out), "--one-file"]) == 1
    assert briefing.read_text(encoding="utf-8") == "not ours any more\n"
    assert cli.main(["export", "-o", str(out), "--one-file", "--force"]) == 0

    assert cli.main(["export", "tag:", "-o", str(out)]) == 2  # a query that does not parse
    assert cli.main(["export", "--template", str(tmp_path / "none.j2"), "-o", str(out)]) == 2
    assert cli.main(["export", "--id", "zzzz", "-o", str(out)]) == 2
    assert cli.main(["export", "-o", str(out / "one.md")]) == 2  # two articles, one file
    assert cli.main(["export", "tag:nothing-has-this", "-o", str(out)]) == 1


def test_cli_default_folder_is_the_configured_export_dir(tmp_path, temp_home):
    _fill_store()
    target = tmp_path / "notes"
    config = temp_home / "config" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(f'export_dir = "{target.as_posix()}"\nobsidian = true\n', encoding="utf-8")
    assert cli.main(["export", "tag:sport"]) == 0
    (path,) = target.iterdir()
    assert "#sport" in path.read_text(encoding="utf-8")


def test_cli_copy_templates_then_export_uses_the_changed_copy(tmp_path, temp_home, capsys):
    _fill_store()
    assert cli.main(["export", "--copy-templates"]) == 0
    copied = [Path(line) for line in capsys.readouterr().out.split()]
    assert sorted(p.name for p in copied) == [
        "article.md.j2",
        "briefing.md.j2",
        "sections.md.j2",
        "story.md.j2",
    ]
    mine = next(p for p in copied if p.name == "article.md.j2")
    mine.write_text(mine.read_text(encoding="utf-8").replace("## My notes", "## Appunti"))
    assert cli.main(["export", "--copy-templates"]) == 0  # a second copy keeps the changes
    assert "## Appunti" in mine.read_text(encoding="utf-8")

    out = tmp_path / "out"
    assert cli.main(["export", "tag:sport", "-o", str(out), "--no-obsidian"]) == 0
    (path,) = out.iterdir()
    note = path.read_text(encoding="utf-8")
    assert "## Appunti" in note and "## My notes" not in note and "#sport" not in note


@pytest.mark.fault(
    "export",
    "1 MB single line of Markdown and HTML syntax as title, body and highlight",
    "exported; front matter reads back; every bracket escaped",
)
def test_a_one_megabyte_line_exports_and_parses(tmp_path):
    line = "[x](javascript:1) <b>|</b> # " * 35_000  # about 1 MB on one line
    b = FakeStore([article("a1b2c3d4e5f6", title=line, body=line)])
    b.marks["a1b2c3d4e5f6"] = [Highlight("h", "a1b2c3d4e5f6", 0, len(line), line, note=line)]
    (path,) = export(b, ["a1b2c3d4e5f6"], tmp_path, one_file=False, options=PLAIN)
    assert len(path.name.encode()) <= 150
    meta, body = split_front_matter(path.read_text(encoding="utf-8"))
    assert meta["title"] == line.strip()
    # Every bracket from the text is escaped (parsing 5 MB of Markdown here would be slow;
    # the hostile-text tests parse the same escaping).
    assert "[x](" not in body and body.count("\\[x\\](javascript:1)") == 3 * 35_000


def test_renamed_article_with_a_huge_front_matter_is_still_found(tmp_path):
    fake = FakeStore([article("a1b2c3d4e5f6")])
    fake.analyses["a1b2c3d4e5f6"].facts.people = [
        NamedThing(f"Persona numero {i}") for i in range(5000)
    ]
    (path,) = export(fake, ["a1b2c3d4e5f6"], tmp_path, one_file=False, options=PLAIN)
    assert path.read_text(encoding="utf-8").index("\n---\n") > 65536
    _edit_keep(path, "kept\n")
    fake.articles["a1b2c3d4e5f6"].title = "Un altro titolo"
    assert export(fake, ["a1b2c3d4e5f6"], tmp_path, one_file=False, options=PLAIN) == [path]
    assert preserved_sections(path.read_text(encoding="utf-8")) == {"": "kept\n"}
