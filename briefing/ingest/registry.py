"""The one registry of importers: picks the kind of an input and turns any failure into one line."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from briefing.ingest import feed, html, markdown, metadata, text, url
from briefing.ingest.base import (
    MAX_BYTES,
    ImportFailure,
    Refused,
    Result,
    one_line,
    read_regular_file,
)

KINDS = ("text", "markdown", "html", "feed")
EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".rdf": "feed",
}
_CONTENT_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "application/xml": "feed",
    "text/xml": "feed",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
    "text/plain": "text",
}
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML_ROOT = re.compile(r"<(?:!doctype\s+html|html|head|body|article|div|p)[\s>]", re.IGNORECASE)
_MEGABYTES = MAX_BYTES // (1024 * 1024)


def sniff_kind(head: str) -> str:
    """Guess the kind from the first characters of an input."""
    start = head[:4096].lstrip("\ufeff \t\r\n")
    if start.startswith("---\n") or start.startswith("---\r\n"):
        return "markdown"
    if _FEED_ROOT.search(start[:2048]):
        return "feed"
    if start.startswith("<") and _HTML_ROOT.search(start[:2048]):
        return "html"
    if re.match(r"#{1,6} \S", start):
        return "markdown"
    return "text"


def _parse(
    data: bytes, origin: str, kind: str, page_url: str | None, charset: str | None
) -> list[Result]:
    if kind == "feed":
        return feed.parse(data, origin=origin)  # feedparser reads the XML declaration itself
    if kind == "html":
        decoded = metadata.decode_bytes(data, charset) if charset else html.decode_html(data)
        return html.parse(decoded, origin=origin, url=page_url)
    decoded = metadata.decode_bytes(data, charset)
    if kind == "markdown":
        return markdown.parse(decoded, origin=origin)
    return text.parse(decoded, origin=origin)


def import_bytes(
    data: bytes,
    origin: str,
    *,
    kind: str | None = None,
    name: str | None = None,
    page_url: str | None = None,
) -> list[Result]:
    """Import raw bytes; `name` (a file name) or `kind` says what they are, else they are sniffed."""
    return _guarded(origin, lambda: _import_bytes(data, origin, kind, name, page_url))


def _import_bytes(
    data: bytes,
    origin: str,
    kind: str | None,
    name: str | None,
    page_url: str | None,
    charset: str | None = None,
) -> list[Result]:
    if len(data) > MAX_BYTES:
        raise Refused(f"larger than the {_MEGABYTES} MB limit; not imported")
    if not data.strip():
        raise Refused("empty file" if data == b"" else "nothing but blank space")
    what = metadata.binary_kind(data)
    if what:
        raise Refused(f"binary file ({what}), not text, Markdown, HTML or a feed")
    if kind is None:
        kind = _kind_of(data, name)
    if kind not in KINDS:
        raise Refused(f"unknown kind {kind!r} (known: {', '.join(KINDS)})")
    return _parse(data, origin, kind, page_url, charset)


def _kind_of(data: bytes, name: str | None) -> str:
    """The extension says what a file should be; clear content (a feed root, a page) overrides it."""
    sniffed = sniff_kind(data[:4096].decode("utf-8", errors="replace"))
    named = EXTENSIONS.get(Path(name).suffix.lower()) if name else None
    if named is None or named == sniffed:
        return sniffed
    if named == "markdown":
        return "feed" if sniffed == "feed" else "markdown"  # Markdown may hold HTML
    return sniffed if sniffed != "text" else named


def _guarded(origin: str, work: Callable[[], list[Result]]) -> list[Result]:
    """Run one import; a Refused or any unexpected error becomes a single ImportFailure."""
    try:
        return work()
    except Refused as refused:
        return [ImportFailure(origin, one_line(refused))]
    except MemoryError:
        return [ImportFailure(origin, "ran out of memory reading this input")]
    except RecursionError:
        return [ImportFailure(origin, "structure nested too deeply to read")]
    except Exception as error:  # one bad input must never stop a batch
        return [
            ImportFailure(origin, f"unexpected error: {type(error).__name__}: {one_line(error)}")
        ]


def import_file(path: Path) -> list[Result]:
    """Import one file (its extension, else its content, says what it is)."""
    path = Path(path)
    origin = str(path)

    def work() -> list[Result]:
        data = read_regular_file(path)
        return _import_bytes(data, origin, None, path.name, None)

    return _guarded(origin, work)


def import_directory(directory: Path) -> Iterator[Result]:
    """Every file under a directory, recursively, in name order; hidden files and folders skipped.

    A folder that cannot be read is a failure line, not a silent gap; a symlink is followed
    only when it points inside the folder being imported (a link to /etc/passwd is no article).
    """
    unreadable: list[OSError] = []
    inside = Path(directory).resolve()
    for root, dirs, files in os.walk(directory, onerror=unreadable.append):
        while unreadable:
            error = unreadable.pop(0)
            yield ImportFailure(
                str(error.filename or root), f"folder not read: {error.strerror or error}"
            )
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(root) / name
            if path.is_symlink() and not path.resolve().is_relative_to(inside):
                yield ImportFailure(str(path), "a link to outside the folder; not followed")
                continue
            yield from import_file(path)
    for error in unreadable:  # the top folder itself
        yield ImportFailure(str(error.filename or directory), f"folder not read: {error.strerror}")


def import_text(
    text: str | bytes, *, origin: str | None = None, kind: str | None = None
) -> list[Result]:
    """Import an article given as a string (or bytes); `kind` forces the importer."""
    data = text if isinstance(text, bytes) else text.encode("utf-8", errors="surrogatepass")
    return import_bytes(data, origin or "-", kind=kind)


def _read_stream(stream: BinaryIO) -> bytes:
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise Refused(f"larger than the {_MEGABYTES} MB limit; not imported")
    return data


def import_url(address: str, *, allow_local_urls: bool = False) -> list[Result]:
    """Fetch and import one URL; the Content-Type (or the URL's file name) says what it is."""

    def work() -> list[Result]:
        fetched = url.fetch(address, allow_local_urls=allow_local_urls)
        kind = _CONTENT_TYPES.get(fetched.content_type or "")
        if kind in (None, "text", "feed"):
            # servers label feeds text/xml and pages text/plain often enough: trust the bytes
            head = fetched.data[:4096].decode("utf-8", errors="replace")
            sniffed = sniff_kind(head)
            kind = sniffed if sniffed != "text" or kind is None else kind
        return _import_bytes(fetched.data, address, kind, None, fetched.url, fetched.charset)

    return _guarded(address, work)


def import_sources(
    sources: Iterable[str],
    *,
    allow_local_urls: bool = False,
    stdin: TextIO | BinaryIO | None = None,
) -> Iterator[Result]:
    """Import paths, directories, URLs and "-" (standard input), yielding results as they come."""
    for source in sources:
        if source == "-":
            stream = stdin if stdin is not None else sys.stdin
            binary = getattr(stream, "buffer", stream)

            def read_stdin(binary=binary) -> list[Result]:
                data = _read_stream(binary)
                if isinstance(data, str):  # a text stream without a buffer (tests, StringIO)
                    data = data.encode("utf-8", errors="surrogatepass")
                return _import_bytes(data, "-", None, None, None)

            yield from _guarded("-", read_stdin)
        elif url.looks_like_url(source):
            yield from import_url(source, allow_local_urls=allow_local_urls)
        else:
            path = Path(source).expanduser()
            if path.is_dir():
                yield from import_directory(path)
            else:
                yield from import_file(path)
