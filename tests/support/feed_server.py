"""A real HTTP server on 127.0.0.1 for feed tests: routes the test sets and changes as it goes."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


Route = Callable[[dict[str, str]], Answer]


def rss(title: str, items: list[dict[str, str]]) -> bytes:
    """An RSS 2.0 document; each item may have guid, title, link, description, content."""
    parts = ['<?xml version="1.0" encoding="utf-8"?><rss version="2.0" ',
             'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>',
             f"<title>{escape(title)}</title><link>http://example.org/</link>"]  # fmt: skip
    for item in items:
        parts.append("<item>")
        for tag in ("guid", "title", "link", "description"):
            if tag in item:
                parts.append(f"<{tag}>{escape(item[tag])}</{tag}>")
        if "content" in item:
            parts.append(f"<content:encoded>{escape(item['content'])}</content:encoded>")
        parts.append("</item>")
    parts.append("</channel></rss>")
    return "".join(parts).encode("utf-8")


def item(number: int, *, words: str = "", **extra: str) -> dict[str, str]:
    """A distinct entry: its own guid, link and text (so neither key nor hash collide)."""
    text = (
        f"Notizia numero {number}: il consiglio comunale ha approvato la delibera {number} "
        f"dopo una lunga discussione sui fondi per le scuole e i trasporti. {words}"
    )
    return {
        "guid": f"urn:entry:{number}",
        "title": f"Notizia {number}",
        "link": f"http://example.org/news/{number}",
        "content": f"<p>{text}</p>",
        **extra,
    }


class FeedServer:
    """Routes by path; records every request's path and headers; counts requests in flight."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.release = threading.Event()  # lets slow routes finish when the test ends
        self.in_flight = 0
        self.most_in_flight = 0
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                headers = {k.lower(): v for k, v in self.headers.items()}
                with server._lock:
                    server.requests.append((self.path, headers))
                    server.in_flight += 1
                    server.most_in_flight = max(server.most_in_flight, server.in_flight)
                try:
                    route = server.routes.get(self.path)
                    answer = route(headers) if route else Answer(404, b"not found")
                finally:
                    with server._lock:
                        server.in_flight -= 1
                if answer is None:  # the route hung up without answering
                    return
                self.send_response(answer.status)
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(answer.body)))
                self.end_headers()
                self.wfile.write(answer.body)

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_port}{path}"

    def feed(self, path: str, body: bytes, *, etag: str | None = None,
             last_modified: str | None = None) -> None:  # fmt: skip
        """Serve a feed that answers 304 when the client's validators match."""

        def route(headers: dict[str, str]) -> Answer:
            if etag and headers.get("if-none-match") == etag:
                return Answer(304, headers={"ETag": etag})
            if last_modified and headers.get("if-modified-since") == last_modified:
                return Answer(304)
            sent = {"Content-Type": "application/rss+xml; charset=utf-8"}
            if etag:
                sent["ETag"] = etag
            if last_modified:
                sent["Last-Modified"] = last_modified
            return Answer(200, body, sent)

        self.routes[path] = route

    def redirect(self, path: str, status: int, target: str) -> None:
        self.routes[path] = lambda headers: Answer(status, headers={"Location": self.url(target)})

    def paths_requested(self) -> list[str]:
        return [path for path, _ in self.requests]

    def __enter__(self) -> FeedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)
