"""Fetching http(s) URLs with a timeout and a size cap; local and odd schemes refused unless allowed.

Conditional requests (ETag, Last-Modified) and the redirects taken are reported, for feeds.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NoReturn
from urllib.parse import urlsplit
from urllib.request import url2pathname

from briefing import __version__
from briefing.ingest.base import MAX_BYTES, Refused, one_line, read_regular_file

TIMEOUT = 15.0  # seconds; a news page that takes longer is not coming
TOTAL_SECONDS = 60.0  # for the whole body, however it trickles in


class HTTPRefused(Refused):
    """An HTTP error answer; `retry_after` is the server's Retry-After header, if it sent one."""

    def __init__(self, message: str, status: int, retry_after: str | None) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


@dataclass
class Fetched:
    data: bytes
    url: str  # after redirects
    content_type: str | None  # e.g. "text/html"
    charset: str | None
    status: int = 200  # 304: not modified since the validators sent (data is empty)
    etag: str | None = None
    last_modified: str | None = None
    moved_to: str | None = None  # where permanent redirects (301, 308) say the URL now lives


def looks_like_url(source: str) -> bool:
    """True when a source should be fetched rather than read as a path."""
    scheme = urlsplit(source).scheme
    return len(scheme) > 1 and "://" in source or source.lower().startswith(("file:", "data:"))


def _is_local(host: str) -> bool:
    """True for loopback, private and link-local hosts (also any name resolving to one)."""
    if host.lower() in ("localhost", "localhost.localdomain") or host.lower().endswith(
        ".localhost"
    ):
        return True
    try:
        addresses = {ipaddress.ip_address(host.strip("[]"))}
    except ValueError:
        try:
            infos = socket.getaddrinfo(host, None)
        except (socket.gaierror, UnicodeError):
            return False  # unresolvable: the fetch itself reports it
        addresses = {ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos}
    return any(
        a.is_loopback or a.is_private or a.is_link_local or a.is_unspecified for a in addresses
    )


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only where the first URL could have gone: http(s), and no local host."""

    def __init__(self, allow_local_urls: bool) -> None:
        super().__init__()
        self.allow_local_urls = allow_local_urls
        self.taken: list[tuple[int, str]] = []  # (status, target) of every redirect followed

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        target = urlsplit(newurl)
        if target.scheme.lower() not in ("http", "https"):
            raise Refused(f"redirected to a {target.scheme or 'non-http'} URL; refused")
        if not self.allow_local_urls and target.hostname and _is_local(target.hostname):
            raise Refused("redirected to this machine or a private network; refused")
        self.taken.append((code, newurl))
        return super().redirect_request(req, fp, code, msg, headers, newurl)

    def moved_to(self) -> str | None:
        """The last target of the unbroken run of permanent redirects from the first URL."""
        moved = None
        for code, target in self.taken:
            if code not in (301, 308):
                break
            moved = target
        return moved


class _Watch:
    """Cuts every connection of one download when its total time is up.

    The socket timeout is per read: a server sending its headers a byte at a time would
    reset it forever. A timer shuts the sockets down instead, which ends any blocked read.
    """

    def __init__(self, seconds: float) -> None:
        self.connections: list[http.client.HTTPConnection] = []
        self.expired = False
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def _expire(self) -> None:
        self.expired = True
        for connection in self.connections:
            if connection.sock is not None:
                try:
                    connection.sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def handlers(self) -> list[urllib.request.BaseHandler]:
        watch = self

        class Http(urllib.request.HTTPHandler):
            def http_open(self, req):
                return self.do_open(watch._connection(http.client.HTTPConnection), req)

        class Https(urllib.request.HTTPSHandler):
            def https_open(self, req):
                return self.do_open(
                    watch._connection(http.client.HTTPSConnection),
                    req,
                    context=self._context,
                )

        return [Http(), Https()]

    def _connection(self, kind: type) -> Callable[..., http.client.HTTPConnection]:
        def make(*args: Any, **kwargs: Any) -> http.client.HTTPConnection:
            connection = kind(*args, **kwargs)
            self.connections.append(connection)
            return connection

        return make

    def __enter__(self) -> _Watch:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()


def _too_big() -> Refused:
    return Refused(f"larger than the {MAX_BYTES // (1024 * 1024)} MB limit; not imported")


def _read_body(response, deadline: float) -> bytes:
    """The whole body, within the size cap and the total time, as long as it says it is.

    read1 returns what has arrived, so a server dripping a byte at a time is caught by the
    deadline (the socket timeout alone is per read, and each byte would reset it).
    """
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read1(64 * 1024):
        size += len(chunk)
        if size > MAX_BYTES:
            raise _too_big()
        if time.monotonic() > deadline:
            raise Refused(f"still downloading after {TOTAL_SECONDS:g} s; not imported")
        chunks.append(chunk)
    data = b"".join(chunks)
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and len(data) < int(declared):
        raise Refused(f"cut off: {len(data)} of {declared} bytes arrived; not imported")
    return data


def fetch(
    url: str,
    *,
    allow_local_urls: bool = False,
    timeout: float | None = None,
    headers: dict[str, str] | None = None,
) -> Fetched:
    """Download one URL; raises Refused with a one-line reason on any failure.

    `headers` are sent too (If-None-Match, If-Modified-Since, a User-Agent of one's own); a
    304 answer comes back as Fetched with status 304 and no data.
    """
    timeout = TIMEOUT if timeout is None else timeout
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "file":
        if not allow_local_urls:
            raise Refused("file:// URLs are refused (use --allow-local-urls, or give the path)")
        path = url2pathname(parts.path)
        data = read_regular_file(path)
        if len(data) > MAX_BYTES:
            raise _too_big()
        return Fetched(data, url, None, None)
    if scheme not in ("http", "https"):
        raise Refused(f"{scheme or 'this kind of'} URLs are not supported (only http and https)")
    if not parts.hostname:
        raise Refused("URL has no host")
    if not allow_local_urls and _is_local(parts.hostname):
        raise Refused(
            "URL points to this machine or a private network; refused (use --allow-local-urls)"
        )
    request = urllib.request.Request(
        url, headers={"User-Agent": f"briefing/{__version__}", **(headers or {})}
    )
    redirects = _CheckedRedirects(allow_local_urls)
    watch = _Watch(TOTAL_SECONDS)  # headers included, however slowly they come
    try:
        opener = urllib.request.build_opener(redirects, *watch.handlers())
        deadline = time.monotonic() + TOTAL_SECONDS
        with watch, opener.open(request, timeout=timeout) as response:
            final = response.geturl()
            data = _read_body(response, deadline)
            content_type = response.headers.get_content_type()
            charset = response.headers.get_content_charset()
            validators = response.headers
    except Refused:
        raise
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return Fetched(
                b"",
                error.geturl() or url,
                None,
                None,
                status=304,
                etag=error.headers.get("ETag"),
                last_modified=error.headers.get("Last-Modified"),
                moved_to=redirects.moved_to(),
            )
        raise HTTPRefused(
            f"HTTP {error.code} {one_line(error.reason)}",
            error.code,
            error.headers.get("Retry-After") if error.headers else None,
        ) from None
    except Exception as error:
        if watch.expired:
            raise Refused(f"still downloading after {TOTAL_SECONDS:g} s; not imported") from None
        _refuse(error, timeout, parts.hostname)
    if watch.expired:  # the cut can also look like a short, complete answer
        raise Refused(f"still downloading after {TOTAL_SECONDS:g} s; not imported")
    return Fetched(
        data,
        final,
        content_type,
        charset,
        etag=validators.get("ETag"),
        last_modified=validators.get("Last-Modified"),
        moved_to=redirects.moved_to(),
    )


def _refuse(error: Exception, timeout: float, host: str | None) -> NoReturn:
    """The one-line Refused for a failed download (HTTP errors are handled before)."""
    if isinstance(error, urllib.error.URLError):
        reason = error.reason
        if isinstance(reason, socket.timeout | TimeoutError):
            raise Refused(f"timed out after {timeout:g} s") from None
        if isinstance(reason, socket.gaierror):
            raise Refused(f"cannot resolve {host} (no network?)") from None
        raise Refused(f"cannot fetch: {one_line(reason)}") from None
    if isinstance(error, TimeoutError):
        raise Refused(f"timed out after {timeout:g} s") from None
    if isinstance(error, OSError | ValueError | http.client.HTTPException):
        raise Refused(f"cannot fetch: {one_line(error)}") from None
    raise error
