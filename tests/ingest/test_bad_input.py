"""Bad input: each failure is one line saying what and why, and the rest of the batch imports."""

from __future__ import annotations

import io
import os

import pytest

from briefing.ingest import MAX_BYTES, import_file, import_sources, import_text
from tests.support.imports import articles, failures, only_article, only_failure

SENTENCE = "Il governo ha approvato la manovra dopo una lunga riunione notturna a Palazzo Chigi.\n"


@pytest.mark.fault(
    "import",
    "binary file (PNG bytes) named .txt",
    "one failure naming the file: binary (PNG)",
)
def test_binary_file(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10)
    failure = only_failure(import_file(path))
    assert failure.source == str(path)
    assert "binary" in failure.reason and "PNG" in failure.reason


@pytest.mark.fault("import", "random binary bytes with NUL", "one failure: binary")
def test_random_bytes_with_nul(tmp_path):
    path = tmp_path / "blob"
    path.write_bytes(os.urandom(2048) + b"\x00")
    assert "binary" in only_failure(import_file(path)).reason


@pytest.mark.fault(
    "import",
    "empty file and whitespace-only file",
    "one failure each: 'empty file', 'blank'",
)
def test_empty_and_blank_files(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert only_failure(import_file(empty)).reason == "empty file"
    blank = tmp_path / "blank.md"
    blank.write_text("\n  \n\t\n")
    assert "blank" in only_failure(import_file(blank)).reason


@pytest.mark.fault(
    "import",
    "huge file (50 MB, sparse)",
    "refused naming its size and the limit, without reading it",
)
def test_file_over_the_size_limit_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:  # sparse: 50 MB on paper, nothing on disk
        stream.truncate(50 * 1024 * 1024)
    failure = only_failure(import_file(path))
    assert "50 MB" in failure.reason and "limit" in failure.reason


@pytest.mark.fault(
    "import",
    "standard input over the size limit",
    "one failure for '-' naming the limit",
)
def test_stdin_over_the_size_limit_is_refused():
    stream = io.BytesIO(b"a" * (MAX_BYTES + 10))
    (failure,) = list(import_sources(["-"], stdin=stream))
    assert failure.source == "-" and "limit" in failure.reason


@pytest.mark.fault(
    "import",
    "Latin-1 file without a declared encoding",
    "imported with its accents; language detected (it)",
)
def test_latin1_file(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes(("Perché la città è così cambiata? " * 4 + "\n" + SENTENCE).encode("latin-1"))
    article = only_article(import_file(path))
    assert article.body.startswith("Perché la città è così cambiata?")
    assert article.lang == "it"


@pytest.mark.fault(
    "import",
    "invalid UTF-8 bytes inside a UTF-8 file",
    "the good text keeps its accents; the bad bytes become U+FFFD",
)
def test_broken_utf8_file(tmp_path):
    path = tmp_path / "broken.txt"
    valid = "La città è già in festa, però non è ancora finita.\n".encode()
    path.write_bytes(valid * 3 + b"Citt\xc3 rotta \xff\xfe qui.\n")
    article = only_article(import_file(path))
    assert article.body.startswith("La città è già in festa")  # the good part keeps its accents
    assert "\ufffd" in article.body  # the bad bytes are marked, not guessed


@pytest.mark.fault(
    "import",
    "1 MB single line of text",
    "one article; title at most 200 characters; body whole",
)
def test_one_megabyte_single_line():
    line = ("Una frase lunghissima senza mai andare a capo, ripetuta molte volte " * 16000)[
        : 1024 * 1024
    ]
    article = only_article(import_text(line))
    assert len(article.title) <= 200
    assert len(article.body) > 1_000_000 - 100
    assert article.lang == "it"


@pytest.mark.fault(
    "import",
    "missing path and unreadable file (permission denied)",
    "one failure each: 'no such file or directory', 'permission denied'",
)
def test_missing_path_and_unreadable_file(tmp_path):
    failure = only_failure(list(import_sources([str(tmp_path / "nope.txt")])))
    assert failure.reason == "no such file or directory"
    secret = tmp_path / "secret.txt"
    secret.write_text(SENTENCE)
    secret.chmod(0)
    try:
        if os.access(secret, os.R_OK):
            pytest.skip("running as root: permissions are not enforced")
        assert only_failure(import_file(secret)).reason == "permission denied"
    finally:
        secret.chmod(0o644)


@pytest.mark.fault(
    "import",
    "folder with empty, JPEG and hidden files",
    "good files imported; empty and JPEG ones reported; hidden ones skipped",
)
def test_directory_of_mixed_files(tmp_path):
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    (folder / ".hidden").mkdir()
    (folder / "a.txt").write_text("Prima notizia\n" + SENTENCE)
    (folder / "sub" / "b.md").write_text(
        "---\ntitle: Seconda\n---\nThe second story has a body of its own.\n"
    )
    (folder / "sub" / "c.html").write_text(
        "<html><head><title>Terza</title></head><body><p>" + SENTENCE + "</p></body></html>"
    )
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.jpg").write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(100))
    (folder / ".secret.txt").write_text("hidden file, never imported")
    (folder / ".hidden" / "x.txt").write_text("hidden folder, never imported")
    results = list(import_sources([str(folder)]))
    assert sorted(a.title for a in articles(results)) == ["Prima notizia", "Seconda", "Terza"]
    reasons = {os.path.basename(f.source): f.reason for f in failures(results)}
    assert reasons == {"empty.txt": "empty file", "image.jpg": reasons["image.jpg"]}
    assert "JPEG" in reasons["image.jpg"]
    assert all("hidden" not in a.body for a in articles(results))


@pytest.mark.fault(
    "import",
    "missing file and ftp:// URL among good inputs",
    "each bad source one failure; the rest imported",
)
def test_a_failure_does_not_stop_the_batch(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(SENTENCE)
    sources = [str(tmp_path / "missing.txt"), "ftp://example.org/x", str(good), "-"]
    results = list(
        import_sources(sources, stdin=io.StringIO("Da standard input arriva un testo.\n"))
    )
    assert [type(r).__name__ for r in results] == [
        "ImportFailure",
        "ImportFailure",
        "Article",
        "Article",
    ]
    assert results[3].origin == "-" and results[3].title == "Da standard input arriva un testo."


@pytest.mark.fault(
    "import",
    "an importer raising an unexpected exception",
    "one failure 'unexpected error (KeyError)'; the batch goes on",
)
def test_unexpected_importer_crash_becomes_one_failure(monkeypatch):
    from briefing.ingest import text

    def explode(*args, **kwargs):
        raise KeyError("surprise")

    monkeypatch.setattr(text, "parse", explode)
    failure = only_failure(import_text("some text", origin="x.txt"))
    assert (
        failure.source == "x.txt"
        and "unexpected error" in failure.reason
        and "KeyError" in failure.reason
    )


@pytest.mark.fault(
    "import",
    "Rich markup, OSC window title, CSI clear screen and bidi override in a text file",
    "escapes and bidi removed; the markup kept as literal text in the title",
)
def test_hostile_plain_text_is_cleaned():
    hostile = "\x1b]0;title\x07\x1b[2J[red]Allarme[/red] \u202eotset\u202c\n" + SENTENCE
    article = only_article(import_text(hostile))
    assert article.title == "[red]Allarme[/red] otset"
    assert "\x1b" not in article.body and "\u202e" not in article.body


@pytest.mark.fault("import", "UTF-16 file with a BOM", "decoded; title and body as written")
def test_utf16_text_file_with_bom(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes(("Titolo in UTF-16\n" + SENTENCE).encode("utf-16"))
    article = only_article(import_file(path))
    assert article.title == "Titolo in UTF-16"
    assert article.body == SENTENCE.strip()


def test_content_overrides_a_wrong_extension(tmp_path):
    page = tmp_path / "page.rss"
    page.write_text(
        "<!DOCTYPE html><html><head><title>Una pagina</title></head><body><p>"
        + SENTENCE
        + "</p></body></html>"
    )
    assert only_article(import_file(page)).title == "Una pagina"
    post = tmp_path / "post.txt"
    post.write_text("---\ntitle: Un post\n---\n" + SENTENCE)
    article = only_article(import_file(post))
    assert article.title == "Un post" and "title:" not in article.body
