"""Fetching http(s) URLs with a timeout and a size cap; local and odd schemes refused unless allowed."""

from __future__ import annotations

import ipaddress
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit
from urllib.request import url2pathname

from briefing import __version__
from briefing.ingest.base import MAX_BYTES, Refused, one_line, read_regular_file

TIMEOUT = 15.0  # seconds; a news page that takes longer is not coming
TOTAL_SECONDS = 60.0  # for the whole body, however it trickles in


@dataclass
class Fetched:
    data: bytes
    url: str  # after redirects
    content_type: str | None  # e.g. "text/html"
    charset: str | None


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

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        target = urlsplit(newurl)
        if target.scheme.lower() not in ("http", "https"):
            raise Refused(f"redirected to a {target.scheme or 'non-http'} URL; refused")
        if not self.allow_local_urls and target.hostname and _is_local(target.hostname):
            raise Refused("redirected to this machine or a private network; refused")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


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


def fetch(url: str, *, allow_local_urls: bool = False, timeout: float | None = None) -> Fetched:
    """Download one URL; raises Refused with a one-line reason on any failure."""
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
    request = urllib.request.Request(url, headers={"User-Agent": f"briefing/{__version__}"})
    try:
        opener = urllib.request.build_opener(_CheckedRedirects(allow_local_urls))
        deadline = time.monotonic() + TOTAL_SECONDS
        with opener.open(request, timeout=timeout) as response:
            final = response.geturl()
            data = _read_body(response, deadline)
            content_type = response.headers.get_content_type()
            charset = response.headers.get_content_charset()
    except urllib.error.HTTPError as error:
        raise Refused(f"HTTP {error.code} {one_line(error.reason)}") from None
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, socket.timeout | TimeoutError):
            raise Refused(f"timed out after {timeout:g} s") from None
        if isinstance(reason, socket.gaierror):
            raise Refused(f"cannot resolve {parts.hostname} (no network?)") from None
        raise Refused(f"cannot fetch: {one_line(reason)}") from None
    except TimeoutError:
        raise Refused(f"timed out after {timeout:g} s") from None
    except (OSError, ValueError) as error:
        raise Refused(f"cannot fetch: {one_line(error)}") from None
    return Fetched(data, final, content_type, charset)
