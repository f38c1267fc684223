"""One polite HTTP request for a feed: who is asking, and what it already has (validators)."""

from __future__ import annotations

from briefing import __version__
from briefing.ingest.url import Fetched, fetch
from briefing.models import Feed

USER_AGENT = f"briefing/{__version__} (terminal feed reader; fetches on the user's refresh)"
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
TIMEOUT = 20.0  # seconds; one slow feed delays only its own line, never the others


def request_headers(feed: Feed) -> dict[str, str]:
    """User-Agent and Accept, plus the validators from the last answer (conditional GET)."""
    headers = {"User-Agent": USER_AGENT, "Accept": ACCEPT}
    if feed.etag:
        headers["If-None-Match"] = feed.etag
    if feed.last_modified:
        headers["If-Modified-Since"] = feed.last_modified
    return headers


def fetch_feed(
    feed: Feed, *, allow_local_urls: bool = False, timeout: float | None = None
) -> Fetched:
    """Fetch a feed's URL; raises ingest.base.Refused with a one-line reason on failure."""
    return fetch(
        feed.url,
        allow_local_urls=allow_local_urls,
        timeout=TIMEOUT if timeout is None else timeout,
        headers=request_headers(feed),
    )
