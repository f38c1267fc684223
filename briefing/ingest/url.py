"""Fetching http(s) URLs with a timeout and a size cap; local and odd schemes refused unless allowed.

Conditional requests (ETag, Last-Modified) and the redirects taken are reported, for feeds.
"""

from __future__ import annotations

import ipaddress
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit
from urllib.request import url2pathname

from briefing import __version__
from briefing.ingest.base import MAX_BYTES, Refused, one_line

TIMEOUT = 15.0  # seconds; a news page that takes longer is not coming


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


def _read_capped(stream) -> bytes:
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise Refused(f"larger than the {MAX_BYTES // (1024 * 1024)} MB limit; not imported")
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
        try:
            with open(path, "rb") as stream:
                return Fetched(_read_capped(stream), url, None, None)
        except OSError as error:
            raise Refused(f"cannot read {path}: {error.strerror or error}") from None
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
    try:
        opener = urllib.request.build_opener(redirects)
        with opener.open(request, timeout=timeout) as response:
            final = response.geturl()
            data = _read_capped(response)
            content_type = response.headers.get_content_type()
            charset = response.headers.get_content_charset()
            validators = response.headers
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
    return Fetched(
        data,
        final,
        content_type,
        charset,
        etag=validators.get("ETag"),
        last_modified=validators.get("Last-Modified"),
        moved_to=redirects.moved_to(),
    )
