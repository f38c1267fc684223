"""Sources that could hang an import or reach outside it: FIFOs, dripping servers, links, UTF-16."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from briefing.ingest import import_sources, import_url, url
from tests.support.imports import articles, failures, only_article, only_failure

TEXT = (
    "Roma, 18 dicembre 2025\n"
    "Il governo ha approvato la manovra dopo una lunga riunione notturna a Palazzo Chigi. "
    "Città, perché e così: le parole accentate restano com'erano.\n"
)


def finishes(work: Callable[[], list], within: float = 60.0) -> list:
    """Run `work` in a thread; fail (instead of hanging the suite) if it never returns."""
    box: list = []
    worker = threading.Thread(target=lambda: box.append(work()), daemon=True)
    worker.start()
    worker.join(within)
    assert box, "the import did not return: it blocked"
    return box[0]


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    return path


@pytest.mark.fault(
    "urls",
    "a file:// URL (allowed) naming a FIFO nobody writes to; the same FIFO given as a path and inside a folder",
    "refused at once as not a regular file, one line each; nothing blocks; the folder's other files import",
)
def test_a_fifo_is_refused_and_never_blocks(tmp_path: Path, fifo: Path):
    failure = only_failure(finishes(lambda: import_url(fifo.as_uri(), allow_local_urls=True)))
    assert "not a regular file" in failure.reason
    failure = only_failure(finishes(lambda: list(import_sources([str(fifo)]))))
    assert "not a regular file" in failure.reason
    (tmp_path / "story.txt").write_text(TEXT, encoding="utf-8")
    results = finishes(lambda: list(import_sources([str(tmp_path)])))
    assert len(articles(results)) == 1
    assert [f.source for f in failures(results)] == [str(fifo)]


class Dripping(BaseHTTPRequestHandler):
    """/drip: a page one byte at a time; /short: fewer bytes than Content-Length, then close."""

    def do_GET(self):  # noqa: N802 (http.server's naming)
        body = TEXT.encode("utf-8")
        if self.path == "/headers":  # the status line, then a header that never ends
            try:
                self.wfile.write(b"HTTP/1.1 200 OK\r\nX-Drip: ")
                for _ in range(2000):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.05)
            except OSError:
                pass
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.path == "/short":
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        try:
            for byte in body:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.05)
        except OSError:
            pass  # the client gave up, as it should

    def log_message(self, *args):
        pass


@pytest.fixture
def dripping():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Dripping)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.fault(
    "urls",
    "an HTTP server that drips the page one byte at a time (each byte well inside the per-read timeout; the total bound lowered to 1 s for the test)",
    "refused: 'still downloading after 1 s'; the per-read timeout no longer lets it run for minutes",
)
def test_a_dripping_server_hits_the_total_bound(dripping: str, monkeypatch):
    monkeypatch.setattr(url, "TOTAL_SECONDS", 1.0)
    failure = only_failure(
        finishes(lambda: import_url(f"{dripping}/drip", allow_local_urls=True), within=120)
    )
    assert "still downloading after 1 s" in failure.reason


@pytest.mark.fault(
    "urls",
    "an HTTP server that drips its headers one byte at a time (the total bound lowered to 1 s and the per-read timeout to 0.5 s for the test)",
    "refused: 'still downloading after 1 s' once the total time is up (a timer shuts the connection)",
)
def test_dripping_headers_hit_the_total_bound(dripping: str, monkeypatch):
    monkeypatch.setattr(url, "TOTAL_SECONDS", 1.0)
    monkeypatch.setattr(url, "TIMEOUT", 0.5)
    failure = only_failure(
        finishes(lambda: import_url(f"{dripping}/headers", allow_local_urls=True), within=120)
    )
    assert "still downloading after 1 s" in failure.reason


@pytest.mark.fault(
    "urls",
    "an HTTP body shorter than its Content-Length (the server closes the connection early)",
    "refused: 'cut off: N of M bytes arrived'; nothing imported truncated",
)
def test_a_body_shorter_than_its_content_length_is_refused(dripping: str):
    failure = only_failure(import_url(f"{dripping}/short", allow_local_urls=True))
    size = len(TEXT.encode("utf-8"))
    assert f"cut off: {size // 2} of {size} bytes arrived" in failure.reason


@pytest.mark.fault(
    "import",
    "a folder holding a symlink to /etc/passwd, a symlink to a file outside it, a symlink inside it, and an unreadable subfolder",
    "each outside link one failure line ('not followed'), the unreadable subfolder one failure line; the inside link and the other files imported",
)
def test_folder_import_stays_inside_and_reports_unreadable_folders(tmp_path: Path, monkeypatch):
    inbox = tmp_path / "inbox"
    (inbox / "sub").mkdir(parents=True)
    (inbox / "locked").mkdir()
    (inbox / "story.txt").write_text(TEXT, encoding="utf-8")
    outside = tmp_path / "outside.txt"
    outside.write_text(TEXT.replace("manovra", "legge"), encoding="utf-8")
    (inbox / "passwd.txt").symlink_to("/etc/passwd")
    (inbox / "outside.txt").symlink_to(outside)
    (inbox / "sub" / "again.txt").symlink_to(inbox / "story.txt")
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(path).name == "locked":  # as a folder without read permission is to a user
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    results = list(import_sources([str(inbox)]))
    reasons = {Path(f.source).name: f.reason for f in failures(results)}
    assert reasons == {
        "locked": "folder not read: Permission denied",
        "outside.txt": "a link to outside the folder; not followed",
        "passwd.txt": "a link to outside the folder; not followed",
    }
    assert len(articles(results)) == 2  # story.txt and the link to it inside the folder
    assert all("root:" not in (a.body or "") for a in articles(results))


@pytest.mark.fault(
    "import",
    "UTF-16 file without a byte-order mark (little- and big-endian)",
    "imported as text with its accents, not called binary",
)
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_text(tmp_path: Path, codec: str):
    path = tmp_path / "story.txt"
    path.write_bytes(TEXT.encode(codec))
    article = only_article(list(import_sources([str(path)])))
    assert "perché" in article.body and "Palazzo Chigi" in article.body


def test_binary_data_with_nuls_is_still_binary(tmp_path: Path):
    path = tmp_path / "data.txt"
    path.write_bytes(bytes(range(256)) * 20)
    assert "binary" in only_failure(list(import_sources([str(path)]))).reason


def test_a_socket_file_is_refused(tmp_path: Path):
    path = tmp_path / "sock.txt"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        failure = only_failure(finishes(lambda: list(import_sources([str(path)]))))
        assert "not a regular file" in failure.reason or "cannot read" in failure.reason
    finally:
        server.close()
