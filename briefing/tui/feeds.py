"""The reader's feed actions: R refreshes every subscription in a worker, F lists them."""

from __future__ import annotations

from typing import Any

from textual import work
from textual.worker import get_current_worker

from briefing.tui.messages import ArticlesChanged, FeedRefreshed, TaskFinished
from briefing.tui.textsafe import clean_line

TASK = "refreshing feeds"


class FeedActions:
    """Mixed into BriefingApp; expects store, services, config, status and set_filter."""

    store: Any
    services: Any
    config: Any

    def action_refresh_feeds(self) -> None:
        if self.store.readonly:
            self.status.say("read-only: another briefing holds the store; feeds not refreshed")
            return
        if any(w.group == "feeds" and w.is_running for w in self.workers):
            # a second R would cancel the first mid-way: let the running refresh finish
            self.status.say("feeds are already refreshing")
            return
        self.refresh_subscriptions()

    @work(thread=True, exclusive=True, group="feeds")
    def refresh_subscriptions(self) -> None:
        """Fetch every feed (a few at a time); each one reports as it lands, with its articles."""
        worker = get_current_worker()

        class Stop(Exception):
            pass

        def progress(report, done: int, total: int) -> None:
            if worker.is_cancelled:  # quitting: no more store writes
                raise Stop
            failed = report.status == "failed"
            self.post_message(FeedRefreshed(report.line(), report.added, done, total, failed))

        self.post_message(FeedRefreshed("", [], 0, 0, False))
        try:
            reports = self.services.refresh_feeds(
                self.store, progress, allow_local_urls=self.config.allow_local_urls
            )
        except Stop:
            return
        except Exception as exc:  # reported, not raised: the reader stays usable
            self.post_message(TaskFinished(TASK, "", error=f"refresh failed: {exc}"))
            return
        if not reports:
            self.post_message(TaskFinished(TASK, "no subscriptions: briefing feed add URL"))
            return
        new = sum(len(r.added) for r in reports)
        failed = sum(1 for r in reports if r.status == "failed")
        waiting = sum(1 for r in reports if r.status == "waiting")
        summary = f"{new} new article(s) from {len(reports)} feed(s)"
        if failed or waiting:
            summary += f"; {failed} failed, {waiting} waiting (F shows which)"
        self.post_message(TaskFinished(TASK, summary))
        # The status line goes on to the analysis of the new articles: keep the summary in view.
        self.call_from_thread(self.notify, summary, title="feeds refreshed")

    def on_feed_refreshed(self, message: FeedRefreshed) -> None:
        if self._shutting_down():
            return
        self.status.progress(TASK, message.done, message.total or None)
        if message.line:
            self.status.say(f"{TASK} {message.done}/{message.total}: {clean_line(message.line)}")
        if message.failed:
            self.notify(clean_line(message.line), title="feed failed", severity="warning")
        if message.added:
            self.post_message(ArticlesChanged(message.added, added=True))

    def action_feeds(self) -> None:
        from briefing.feeds import feed_counts
        from briefing.tui.screens.feeds import FeedsScreen  # loaded when first shown

        def done(query: str | None) -> None:
            if query:
                self.set_filter(query)
                self.article_list.focus()

        feeds = self.store.feeds() if hasattr(self.store, "feeds") else []
        self.push_screen(FeedsScreen(feeds, feed_counts(self.store.articles())), done)
