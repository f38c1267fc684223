"""Refreshing subscriptions: fetch several feeds at once, import only their new entries.

Fetching and reading run in a bounded pool of threads; the store is written only by the
calling thread, one feed at a time, as each fetch finishes. A feed's failure is one line in
its report and its back-off; the other feeds go on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from briefing.feeds import backoff, fulltext
from briefing.feeds.dedup import fresh_entries
from briefing.feeds.fetching import fetch_feed
from briefing.ingest.base import ImportFailure, Refused, one_line
from briefing.ingest.feed import FeedEntry, read_feed
from briefing.ingest.url import HTTPRefused
from briefing.models import Article, Feed

WORKERS = 4  # feeds fetched at once: enough to hide slow servers, few enough to be polite


@dataclass
class FeedReport:
    """What one feed's refresh did, and the line that says so."""

    feed_id: str
    name: str
    status: str  # "new", "unchanged", "not modified", "failed", "waiting", "removed"
    added: list[str] = field(default_factory=list)  # ids of the articles imported
    duplicates: int = 0  # entries whose text the store already held
    failures: list[str] = field(default_factory=list)  # entries that did not import
    error: str | None = None  # why the feed failed (status "failed" or "waiting")
    moved_to: str | None = None  # the new URL a permanent redirect gave

    def line(self) -> str:
        if self.status in ("failed", "waiting"):
            return f"{self.name}: {self.error}"
        said = {"not modified": "not modified", "unchanged": "no new entries"}.get(self.status)
        text = said or f"{len(self.added)} new"
        if self.duplicates:
            text += f", {self.duplicates} already stored"
        if self.failures:
            text += f", {len(self.failures)} entries failed"
        if self.moved_to:
            text += f"; moved permanently to {self.moved_to}"
        return f"{self.name}: {text}"


@dataclass
class _Fetch:
    """What a worker hands back for one feed: nothing here has touched the store."""

    feed: Feed
    status: int = 0
    etag: str | None = None
    last_modified: str | None = None
    moved_to: str | None = None
    title: str | None = None
    keys: list[str] = field(default_factory=list)
    fresh: list[FeedEntry] = field(default_factory=list)
    problem: str | None = None  # the feed is malformed but entries were read
    error: str | None = None
    retry_after: str | None = None  # the server's Retry-After with an error answer


def _now() -> datetime:
    return datetime.now(UTC)


def _fetch(feed: Feed, known_links: frozenset[str], options: dict[str, Any]) -> _Fetch:
    """Fetch and read one feed, and fetch full articles for its new summary-only entries."""
    outcome = _Fetch(feed)
    try:
        fetched = fetch_feed(
            feed, allow_local_urls=options["allow_local_urls"], timeout=options["timeout"]
        )
        outcome.status, outcome.moved_to = fetched.status, fetched.moved_to
        outcome.etag, outcome.last_modified = fetched.etag, fetched.last_modified
        if fetched.status == 304:
            return outcome
        parsed = read_feed(fetched.data, origin=feed.url)
    except Refused as refused:
        outcome.error = one_line(refused)
        if isinstance(refused, HTTPRefused):
            outcome.retry_after = refused.retry_after
        return outcome
    except Exception as error:  # one feed must never stop the others
        outcome.error = f"unexpected error: {type(error).__name__}: {one_line(error)}"
        return outcome
    outcome.title = parsed.title
    outcome.problem = f"feed is malformed ({parsed.problem})" if parsed.problem else None
    outcome.keys, outcome.fresh = fresh_entries(parsed.entries, set(feed.seen), known_links)
    built = [entry.result for entry in outcome.fresh]  # here in the pool, not while storing
    if not feed.summaries_only:
        wanting = [
            e
            for e, result in zip(outcome.fresh, built, strict=True)
            if e.link and not e.full and isinstance(result, Article)
        ]
        for entry in wanting[: fulltext.PAGES_PER_REFRESH]:
            entry.result = fulltext.with_full_text(
                entry.result, entry.link, allow_local_urls=options["allow_local_urls"]
            )
    return outcome


def _failed(
    feed: Feed, error: str, now: datetime, asked: str | None = None
) -> tuple[Feed, FeedReport]:
    errors = feed.errors + 1
    retry = backoff.retry_after(errors, now, asked)
    feed = replace(
        feed,
        errors=errors,
        last_error=error,
        checked=now.isoformat(timespec="seconds"),
        retry_after=retry.isoformat(timespec="seconds"),
    )
    return feed, FeedReport(feed.id, feed.name, "failed", error=error)


def _store(store: Any, outcome: _Fetch, known_links: set[str], now: datetime) -> FeedReport:
    """Write one feed's new articles and its new state (in the calling thread)."""
    feed = store.get_feed(outcome.feed.id)
    if feed is None:  # unsubscribed while it was being fetched
        return FeedReport(outcome.feed.id, outcome.feed.name, "removed")
    if outcome.error:
        feed, report = _failed(feed, outcome.error, now, outcome.retry_after)
        store.save_feed(feed)
        return report
    stamp = now.isoformat(timespec="seconds")
    feed = replace(
        feed,
        checked=stamp,
        errors=0,
        last_error=None,
        retry_after=None,
        etag=outcome.etag or (feed.etag if outcome.status == 304 else None),
        last_modified=outcome.last_modified
        or (feed.last_modified if outcome.status == 304 else None),
        url=outcome.moved_to or feed.url,
        title=feed.title or outcome.title,
    )
    report = FeedReport(feed.id, feed.name, "not modified", moved_to=outcome.moved_to)
    if outcome.status == 304:
        store.save_feed(feed)
        return report
    articles: list[Article] = []
    for entry in outcome.fresh:
        if isinstance(entry.result, ImportFailure):
            report.failures.append(str(entry.result))
        elif not (entry.link and entry.link in known_links):  # another feed brought it meanwhile
            tags = list(dict.fromkeys([*feed.tags, *entry.result.tags]))
            articles.append(replace(entry.result, feed=feed.id, tags=tags))
    for result in store.add_articles(articles):
        if result.added:
            report.added.append(result.article_id)
        else:
            report.duplicates += 1
    known_links.update(a.url for a in articles if a.url)
    seen = outcome.keys
    if outcome.problem:
        # A feed cut short lists fewer entries than it has: forget none of the ones seen before.
        seen = list(dict.fromkeys([*outcome.keys, *feed.seen]))
        feed = replace(feed, last_error=outcome.problem)
        report.failures.append(f"{feed.url}: {outcome.problem}")
    feed = replace(feed, seen=seen, updated=stamp if report.added else feed.updated)
    store.save_feed(feed)
    report.status = "new" if report.added else "unchanged"
    return report


def refresh_feeds(
    store: Any,
    feeds: Iterable[Feed],
    *,
    allow_local_urls: bool = False,
    workers: int = WORKERS,
    timeout: float | None = None,
    force: bool = False,
    progress: Callable[[FeedReport, int, int], None] | None = None,
    now: Callable[[], datetime] = _now,
) -> list[FeedReport]:
    """Refresh feeds, at most `workers` fetched at once; one report per feed, in finishing order.

    A feed backing off after errors is skipped (status "waiting") unless `force`. `progress`
    is called after each feed with (its report, feeds done, feeds in all); an exception it
    raises stops the refresh (the feeds already written stay written).
    """
    feeds = list(feeds)
    started = now()
    total = len(feeds)
    due: list[Feed] = []
    reports: list[FeedReport] = []
    for feed in feeds:
        if force or backoff.is_due(feed, started):
            due.append(feed)
            continue
        error = (
            f"waiting until {feed.retry_after} after {feed.errors} failure(s): {feed.last_error}"
        )
        reports.append(FeedReport(feed.id, feed.name, "waiting", error=error))
        if progress is not None:
            progress(reports[-1], len(reports), total)
    if not due:
        return reports
    known_links = {a.url for a in store.articles() if a.url}
    options = {"allow_local_urls": allow_local_urls, "timeout": timeout}
    snapshot = frozenset(known_links)
    pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="feed")
    try:
        futures = [pool.submit(_fetch, feed, snapshot, options) for feed in due]
        for future in as_completed(futures):
            report = _store(store, future.result(), known_links, now())
            reports.append(report)
            if progress is not None:
                progress(report, len(reports), total)
    finally:
        # On an error or a cancelled progress, fetches not started yet never start.
        pool.shutdown(wait=True, cancel_futures=True)
    return reports
