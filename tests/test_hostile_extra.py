"""Faults and hostile input no other test tried: kills mid-`briefing add`, bad backups, escapes."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing import analysis, paths
from briefing.export import ExportError, ExportOptions, export, preserved_sections
from briefing.export import files as export_files
from briefing.ingest import import_file, import_text
from briefing.models import Article
from briefing.store import Store, StoreCorrupt, layout, restore
from tests.support.export_samples import FakeStore, article
from tests.support.imports import only_article, only_failure

REPO = Path(__file__).resolve().parent.parent
SENTENCE = "Il governo ha approvato la manovra dopo una lunga riunione notturna a Palazzo Chigi."

# -- store: SIGKILL while the real `briefing add` imports a folder --


def _body(n: int) -> str:
    return f"{SENTENCE} Il testo della notizia {n} è completo. " * 3


def _committed(store_dir: Path) -> int:
    """Articles a reader sees in the store right now (0 while nothing is committed)."""
    with Store.open(store_dir, readonly=True) as s:
        return s.count()


def _briefing(home: Path, *args: str, **popen) -> subprocess.Popen:
    env = dict(os.environ, **{paths.HOME_ENV: str(home)})
    return subprocess.Popen(
        [sys.executable, "-m", "briefing", *args],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **popen,
    )


@pytest.mark.fault(
    "store",
    "SIGKILL during `briefing add` of a folder (the real command, killed once its first batch is committed)",
    "the store opens; every article in it has its whole body; running the same `add` again adds exactly the rest",
)
def test_sigkill_during_briefing_add_then_the_same_add_finishes(temp_home: Path, tmp_path: Path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    stories = {n: _body(n).strip() for n in range(600)}
    for n, text in stories.items():
        (inbox / f"{n:04d}.txt").write_text(f"Notizia numero {n}\n{text}\n", encoding="utf-8")
    # import alone: analysis after import is not what this test kills
    child = _briefing(temp_home, "add", "--no-analyze", str(inbox))
    try:
        deadline = time.monotonic() + 120
        # Kill as soon as a reader sees the first committed batch, mid-import.
        while not _committed(paths.store_dir()):
            assert child.poll() is None, child.communicate()
            assert time.monotonic() < deadline, "no batch written in 120 s"
            time.sleep(0.005)
        child.send_signal(signal.SIGKILL)
    finally:
        child.communicate(timeout=60)
    assert child.returncode == -signal.SIGKILL
    wanted = set(stories.values())
    with Store.open(readonly=True) as s:
        before = s.count()
        for _article_id, body in s.iter_bodies():
            assert body in wanted  # whole, never a torn body
    assert 0 < before < len(stories), "the kill did not land mid-import: nothing was tested"
    again = _briefing(temp_home, "add", "--no-analyze", str(inbox))
    out, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    assert f"added {len(stories) - before}, duplicates {before}, failed 0" in out + err
    with Store.open(readonly=True) as s:
        assert s.count() == len(stories)
        assert {body for _id, body in s.iter_bodies()} == wanted


# -- backups: a damaged backup is refused before anything is replaced --


@pytest.mark.fault(
    "backups",
    "restore from a damaged backup (its meta.json truncated)",
    "StoreCorrupt naming the backup's file; the current store untouched and no backup made",
)
def test_restore_from_a_damaged_backup_changes_nothing(tmp_path: Path):
    folder, backups = tmp_path / "store", tmp_path / "backups"
    with Store.open(folder, backups_dir=backups) as s:
        s.add_article(Article(id="", title="Prima", body=SENTENCE))
        made = s.backup("prova")
        s.add_article(Article(id="", title="Seconda", body=SENTENCE + " Ancora."))
        s.set_note(s.articles()[0].id, "una nota preziosa")
    meta = made / layout.META
    meta.write_bytes(meta.read_bytes()[:20])
    files_before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    with pytest.raises(StoreCorrupt) as err:
        restore(made, folder, backups_dir=backups)
    assert str(meta) in str(err.value)
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == files_before
    assert [p.name for p in backups.iterdir()] == [made.name]
    with Store.open(folder, readonly=True) as s:
        assert s.count() == 2 and "una nota preziosa" in [a.note for a in s.articles()]


# -- export: the disk fills while a note with the user's words is replaced --


@pytest.mark.fault(
    "export",
    "disk full while re-exporting over a note whose keep section the user edited",
    "ExportError naming the note; the note and its kept words unchanged, no temp file left; a retry keeps them",
)
def test_disk_full_during_reexport_keeps_the_users_note(tmp_path: Path, monkeypatch):
    store = FakeStore([article("a1b2c3d4e5f6")])
    (path,) = export(store, ["a1b2c3d4e5f6"], tmp_path, one_file=False, options=ExportOptions())
    note = path.read_text(encoding="utf-8")
    edited = note.replace("<!-- briefing:keep -->\n", "<!-- briefing:keep -->\nMie note.\n", 1)
    path.write_text(edited, encoding="utf-8")
    kept = preserved_sections(edited)[""]
    assert kept.startswith("Mie note.")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(export_files.os, "fsync", full)
    store.articles["a1b2c3d4e5f6"].title = "Titolo cambiato"
    with pytest.raises(ExportError) as err:
        export(store, ["a1b2c3d4e5f6"], tmp_path, one_file=False, options=ExportOptions())
    assert err.value.problems == [f"could not write {path}: the disk is full"]
    assert path.read_text(encoding="utf-8") == edited
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # no temp file
    monkeypatch.undo()
    assert export(store, ["a1b2c3d4e5f6"], tmp_path, one_file=False, options=ExportOptions()) == [
        path
    ]
    again = path.read_text(encoding="utf-8")
    assert "Titolo cambiato" in again and preserved_sections(again)[""] == kept


# -- import: escapes and invisible characters never reach the store --

ESCAPES = (
    "OSC 52 \x1b]52;c;ZXZpbA==\x07, OSC 8 \x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\, "
    "C1 CSI \x9b2J, DCS \x1bP1$r\x1b\\, zero\u200bwidth, word\u2060joiner, bom\ufeff."
)


@pytest.mark.fault(
    "import",
    "OSC 52 clipboard write, OSC 8 hyperlink, C1 CSI, DCS, zero-width space and word joiner in text",
    "all removed at import from title and body; the visible words kept",
)
@pytest.mark.parametrize("kind", ["text", "markdown", "html"])
def test_escapes_and_invisible_characters_are_removed_at_import(kind: str):
    source = f"{ESCAPES}\n\n{SENTENCE}\n"
    if kind == "html":
        head = f"<head><title>{ESCAPES}</title></head>"
        source = f"<html>{head}<body><p>{ESCAPES} {SENTENCE}</p><p>{SENTENCE}</p></body></html>"
    article = only_article(import_text(source, kind=kind))
    for field in (article.title, article.body):
        assert not {"\x1b", "\x07", "\x9b", "\u200b", "\u2060", "\ufeff"} & set(field)
        assert "link" in field and "zerowidth" in field and "wordjoiner" in field
    assert SENTENCE in article.body


@pytest.mark.fault(
    "import",
    "emoji joined by zero-width joiners, and Persian with a zero-width non-joiner",
    "kept: ZWJ and ZWNJ are part of the text, not hidden tricks",
)
def test_joiners_that_belong_to_the_text_are_kept():
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    persian = "می\u200cخواهم"
    article = only_article(import_text(f"Una famiglia {family} e {persian}.\n{SENTENCE}\n"))
    assert family in article.title and persian in article.title


@pytest.mark.fault(
    "feeds",
    "XML quadratic-blowup entity expansion (one 50 KB entity used 2,000 times) in a .rss file and in text given as a feed",
    "refused: one failure naming the entities; nothing expanded",
)
def test_quadratic_blowup_feed_is_refused(tmp_path: Path):
    big = "x" * 50_000
    uses = "&big;" * 2_000
    bomb = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY big "{big}">]>'
        f'<rss version="2.0"><channel><title>t</title><item><title>{uses}</title>'
        f"<description>{uses}</description></item></channel></rss>"
    )
    path = tmp_path / "blowup.rss"
    path.write_text(bomb, encoding="utf-8")
    failure = only_failure(import_file(path))
    assert failure.source == str(path) and "entit" in failure.reason
    # kind="feed": sniffing looks at the start of the text, which the DOCTYPE fills here
    failure = only_failure(import_text(bomb, origin="blowup", kind="feed"))
    assert failure.source == "blowup" and "entit" in failure.reason


# -- analysis: offsets on arbitrary text, rules-only pipeline --


HOSTILE_PIECES = st.sampled_from(
    [
        "\x1b[31m", "\x1b]52;c;ZXZpbA==\x07", "\u202e", "\u200b", "\u200d", "\ufeff", "\x00",
        "[bold]", "[/]", "«", "»", "“", "”", '"', "\n", "\r\n", " ", ".", ",", "ha detto",
        "said", "secondo fonti", "according to sources", "Mario Rossi", "Mosca", "Kyiv",
        "18 Dicembre 2025", "ieri", "3 p.m.", "$1.2bn", "€90bn", "19,3%", "🙂", "e\u0301",
    ]
)  # fmt: skip
ANY_TEXT = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(HOSTILE_PIECES, st.text(max_size=8)), max_size=30).map("".join),
)


def _inside(text: str, start: int, end: int, *, empty: bool = False) -> None:
    assert 0 <= start <= end <= len(text) and (empty or start < end), (start, end, len(text))


@pytest.mark.fault(
    "analysis",
    "arbitrary text with escapes, bidi, zero-width, NUL, markup and quote marks (hypothesis, rules-only pipeline, analyse_text)",
    "entity and fact offsets always inside the text and slicing back to their text; entities never overlap; mention spans are entities'",
)
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=ANY_TEXT, lang=st.sampled_from(["it", "en", None]))
def test_analyse_text_offsets_on_arbitrary_text(rules_only, text: str, lang: str | None):
    result = analysis.analyse_text(text, lang, "2025-12-18")
    previous_end = 0
    spans = set()
    for entity in result.entities:
        _inside(text, entity.start, entity.end)
        assert entity.start >= previous_end  # sorted, never overlapping
        assert text[entity.start : entity.end] == entity.text
        previous_end = entity.end
        spans.add((entity.start, entity.end))
    facts = result.facts
    for kind in ("dates", "quotes", "attributions", "numbers"):
        for fact in getattr(facts, kind):
            _inside(text, fact.start, fact.end, empty=True)
            assert text[fact.start : fact.end] == fact.text, kind
    for group in facts.people + facts.organizations + facts.places:
        assert group.mentions == len(group.spans)
        for start, end in group.spans:
            _inside(text, start, end)
            assert (start, end) in spans  # a mention is an entity's span, never a new one


# -- reader: the disk fills while a note is saved from the TUI --


@pytest.mark.fault(
    "reader",
    "disk full while saving a note on a highlight in the reader (real store)",
    "a 'Not saved' error naming the full disk; the typed note comes back in the box and is kept in unsaved-notes.md; the store unchanged; saving again works and survives a reopen",
)
def test_disk_full_while_saving_a_note_in_the_reader(tmp_path: Path, monkeypatch):
    import asyncio

    from briefing import paths
    from briefing.config import Config
    from briefing.tui.app import make_app
    from briefing.tui.screens.dialogs import AskNote
    from tests.tui.conftest import fake_services, sample_articles

    folder = tmp_path / "store"
    store = Store.open(folder, backups_dir=tmp_path / "backups")
    store.add_articles(sample_articles())
    seed_id = sample_articles()[0].id
    app = make_app(store, Config(), services=fake_services())
    said: list[tuple[str, str]] = []
    real_notify = app.notify

    def notify(message, *, title="", **kwargs):
        said.append((title, message))
        return real_notify(message, title=title, **kwargs)

    monkeypatch.setattr(app, "notify", notify)

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    async def scenario() -> None:
        async with app.run_test(size=(120, 36)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("2", "h")
            (highlight,) = store.highlights(seed_id)
            with monkeypatch.context() as disk:
                disk.setattr(os, "fdatasync", full)
                await pilot.press("a")
                assert isinstance(app.screen, AskNote)
                await pilot.press(*"prima nota", "ctrl+s")
                await pilot.pause()
            assert ("Not saved", said[-1][1]) == said[-1] and "disk is full" in said[-1][1]
            assert store.highlights(seed_id)[0].note is None
            assert isinstance(app.screen, AskNote)  # given back, text and all
            assert app.screen.query_one("#note-text").text == "prima nota"
            assert "prima nota" in paths.unsaved_notes_file().read_text(encoding="utf-8")
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert store.highlights(seed_id)[0].note == "prima nota"

    asyncio.run(scenario())
    store.close()
    with Store.open(folder, readonly=True) as again:
        assert [h.note for h in again.highlights(seed_id)] == ["prima nota"]


# -- store: a damaged store as every command meets it --


@pytest.mark.fault(
    "cli",
    "every command (the reader, list, show, tag, add, export, backup) on a store whose meta.json is truncated",
    "exit 1 with one line naming the file, saying it was left untouched and pointing to `briefing restore`; no traceback; the file unchanged",
)
@pytest.mark.parametrize(
    "argv",
    [[], ["list"], ["show", "abc"], ["tag", "abc", "+x"], ["add", "IN"], ["export"], ["backup"]],
    ids=lambda argv: argv[0] if argv else "reader",
)
def test_every_command_names_a_damaged_store_and_leaves_it(
    temp_home: Path, tmp_path: Path, argv: list[str], capsys, monkeypatch
):
    import briefing.tui.app as tui_app
    from briefing import cli

    def no_reader(*args, **kwargs):
        raise AssertionError("the reader started on a damaged store")

    monkeypatch.setattr(tui_app, "make_app", no_reader)
    with Store.open() as s:
        s.add_article(Article(id="", title="Prima", body=SENTENCE))
    meta = paths.store_dir() / layout.META
    damaged = meta.read_bytes()[:30]
    meta.write_bytes(damaged)
    (tmp_path / "in.txt").write_text(f"Titolo\n{SENTENCE}\n", encoding="utf-8")
    argv = [str(tmp_path / "in.txt") if a == "IN" else a for a in argv]
    if argv == ["export"]:
        argv += ["-o", str(tmp_path / "out")]
    capsys.readouterr()
    assert cli.main(argv) == 1
    out, err = capsys.readouterr()
    assert err.count("\n") == 1 and str(meta) in err and "briefing restore" in err
    assert "untouched" in err and "Traceback" not in out + err
    assert meta.read_bytes() == damaged


# -- export: SIGKILL while a note the user edited is being replaced --

EXPORTER = """
import os, sys
from pathlib import Path
from briefing.export import ExportOptions, export
from briefing.store import Store
s = Store.open(auto_backup=False)
aid = s.articles()[0].id
i = 0
while True:
    s.set_note(aid, f"nota {i}")
    export(s, [aid], Path(sys.argv[1]), one_file=False, options=ExportOptions())
    os.write(1, f"{i}\\n".encode())
    i += 1
"""


@pytest.mark.fault(
    "export",
    "SIGKILL while re-exporting, again and again, over a note whose keep section the user edited",
    "the note is whole, with the user's words and the newest returned export; at most one hidden .tmp file left behind; the next export keeps the words",
)
@pytest.mark.parametrize("kill_at", [5, 40])
def test_sigkill_during_reexport_never_tears_the_note(temp_home: Path, tmp_path: Path, kill_at):
    out = tmp_path / "vault"
    with Store.open() as s:
        s.add_article(
            Article(id="", title="Nota da esportare", body=SENTENCE, published="2025-12-18")
        )
        (path,) = export(s, [s.articles()[0].id], out, one_file=False, options=ExportOptions())
    edited = path.read_text(encoding="utf-8").replace(
        "<!-- briefing:keep -->\n", "<!-- briefing:keep -->\nLe mie parole.\n", 1
    )
    path.write_text(edited, encoding="utf-8")
    kept = preserved_sections(edited)[""]
    child = subprocess.Popen(
        [sys.executable, "-c", EXPORTER, str(out)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        acknowledged = -1
        while acknowledged < kill_at:
            line = child.stdout.readline()
            assert line, child.stderr.read().decode()
            acknowledged = int(line)
        child.send_signal(signal.SIGKILL)
    finally:
        child.communicate(timeout=60)
    assert child.returncode == -signal.SIGKILL
    note = path.read_text(encoding="utf-8")
    assert preserved_sections(note)[""] == kept
    assert int(note.split("nota ")[1].split()[0]) >= acknowledged  # the newest returned export
    leftovers = [p.name for p in out.iterdir() if p != path]
    assert len(leftovers) <= 1 and all(n.startswith(".") and n.endswith(".tmp") for n in leftovers)
    with Store.open() as s:
        assert export(s, [s.articles()[0].id], out, one_file=False, options=ExportOptions()) == [
            path
        ]
    assert preserved_sections(path.read_text(encoding="utf-8"))[""] == kept
