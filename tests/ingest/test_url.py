"""URLs: http(s) fetched with a timeout; file:// and private hosts refused unless allowed."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from briefing.ingest import import_sources, import_url
from tests.support.imports import articles, only_article, only_failure

PAGE = (
    "<html><head><title>Pagina di prova - Sito Esempio</title>"
    '<meta property="og:site_name" content="Sito Esempio"></head><body><article>'
    "<p>La delegazione americana è arrivata a Miami nella notte per un nuovo round di colloqui.</p>"
    "<p>Secondo due fonti, sul tavolo ci sono concessioni territoriali e garanzie di sicurezza.</p>"
    "</article></body></html>"
).encode("latin-1")
FEED = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>'
    b"<item><title>Uno</title><description>Primo elemento del feed di prova, con testo.</description></item>"
    b"</channel></rss>"
)


class Handler(BaseHTTPRequestHandler):
    routes = {
        "/page": ("text/html; charset=iso-8859-1", PAGE),
        "/feed": ("text/xml", FEED),
        "/plain": ("text/plain", b"Un testo semplice servito come testo, con una frase."),
    }

    def do_GET(self):  # noqa: N802 (http.server's naming)
        if self.path == "/slow":
            time.sleep(2)  # longer than the test's timeout; the client is gone by now
            return
        if self.path.startswith("/go?"):
            self.send_response(302)
            self.send_header("Location", self.path[4:])
            self.end_headers()
            return
        if self.path not in self.routes:
            self.send_error(404, "Not Found")
            return
        kind, data = self.routes[self.path]
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True  # a sleeping handler must not hold up the next test
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.fault(
    "urls",
    "http URL on this machine (127.0.0.1)",
    "refused as private network unless --allow-local-urls",
)
def test_local_http_is_refused_by_default(server):
    failure = only_failure(import_url(f"{server}/page"))
    assert "private network" in failure.reason and "--allow-local-urls" in failure.reason


def test_fetch_html_with_header_charset(server):
    article = only_article(import_url(f"{server}/page", allow_local_urls=True))
    assert article.title == "Pagina di prova"
    assert "è arrivata a Miami" in article.body
    assert article.origin == f"{server}/page"
    assert article.url == f"{server}/page"


def test_fetch_feed_served_as_text_xml_and_plain_text(server):
    results = list(import_sources([f"{server}/feed", f"{server}/plain"], allow_local_urls=True))
    assert [a.title for a in articles(results)] == [
        "Uno",
        "Un testo semplice servito come testo, con una frase.",
    ]


@pytest.mark.fault(
    "urls",
    "HTTP redirect to file:///etc/passwd",
    "refused: 'HTTP 302 ... not allowed'",
)
def test_redirects_are_followed_only_to_http(server):
    article = only_article(import_url(f"{server}/go?{server}/page", allow_local_urls=True))
    assert article.title == "Pagina di prova"
    failure = only_failure(import_url(f"{server}/go?file:///etc/passwd", allow_local_urls=True))
    assert failure.reason.startswith("HTTP 302") and "not allowed" in failure.reason


@pytest.mark.fault("urls", "HTTP 404", "one-line failure 'HTTP 404'")
def test_http_error_is_one_line(server):
    failure = only_failure(import_url(f"{server}/missing", allow_local_urls=True))
    assert failure.reason.startswith("HTTP 404")


@pytest.mark.fault("urls", "server that never answers", "one failure 'timed out after N s'")
def test_slow_server_times_out(server, monkeypatch):
    from briefing.ingest import url

    monkeypatch.setattr(url, "TIMEOUT", 0.3)
    failure = only_failure(import_url(f"{server}/slow", allow_local_urls=True))
    assert failure.reason == "timed out after 0.3 s"


@pytest.mark.fault("urls", "connection refused", "one-line failure 'cannot fetch'")
def test_connection_refused_is_one_line():
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    failure = only_failure(import_url(f"http://127.0.0.1:{port}/x", allow_local_urls=True))
    assert failure.reason.startswith("cannot fetch")


def test_unresolvable_host_says_so():
    failure = only_failure(import_url("http://no-such-host.invalid/news"))
    assert "no-such-host.invalid" in failure.reason or "cannot fetch" in failure.reason


@pytest.mark.fault(
    "urls",
    "file:// URL",
    "refused unless --allow-local-urls; then read as a local file",
)
def test_file_urls_refused_unless_allowed(tmp_path):
    path = tmp_path / "local.txt"
    path.write_text("Un file locale letto tramite un URL file, con una frase completa.\n")
    url = path.as_uri()
    assert "file://" in only_failure(import_url(url)).reason
    article = only_article(import_url(url, allow_local_urls=True))
    assert article.body.startswith("Un file locale")


@pytest.mark.fault(
    "urls",
    "ftp://, gopher:// and data: URLs",
    "refused as not supported, even with --allow-local-urls",
)
@pytest.mark.parametrize(
    "address", ["ftp://example.org/a.txt", "gopher://example.org/", "data:text/plain,hello"]
)
def test_other_schemes_refused(address):
    failure = only_failure(list(import_sources([address], allow_local_urls=True)))
    assert "not supported" in failure.reason


@pytest.mark.fault(
    "urls",
    "redirect to a private-network host (192.168.1.1)",
    "refused: private network",
)
def test_redirect_to_a_private_host_is_refused():
    import urllib.request

    from briefing.ingest import url
    from briefing.ingest.base import Refused

    handler = url._CheckedRedirects(allow_local_urls=False)
    request = urllib.request.Request("http://news.example/a")
    with pytest.raises(Refused, match="private network"):
        handler.redirect_request(request, None, 302, "Found", {}, "http://192.168.1.1/admin")
