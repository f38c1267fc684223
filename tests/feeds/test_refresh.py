"""Refreshing subscriptions against real HTTP servers on 127.0.0.1, never the internet."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest

from briefing.feeds import backoff, refresh_feeds, subscribe
from briefing.feeds.fetching import USER_AGENT
from briefing.store import Store
from tests.support.feed_server import Answer, FeedServer, item, rss


@pytest.fixture
def server():
    with FeedServer() as running:
        yield running


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "store", backups_dir=tmp_path / "backups") as opened:
        yield opened


def refresh(store, **options):
    options.setdefault("allow_local_urls", True)
    return {r.feed_id: r for r in refresh_feeds(store, store.feeds(), **options)}


def test_a_feed_that_changes_imports_only_its_new_entries_unread_and_tagged(server, store):
    server.feed("/news.rss", rss("Cronaca", [item(1), item(2)]))
    feed = subscribe(store, server.url("/news.rss"), tags=["locale"])
    first = refresh(store)[feed.id]
    assert first.status == "new" and len(first.added) == 2
    server.feed("/news.rss", rss("Cronaca", [item(3), item(1), item(2)]))
    second = refresh(store)[feed.id]
    assert second.status == "new" and len(second.added) == 1
    new = store.get(second.added[0])
    assert new.title == "Notizia 3" and new.feed == feed.id
    assert new.tags == ["locale"] and new.read is False
    assert new.url == "http://example.org/news/3"
    assert store.count() == 3
    saved = store.get_feed(feed.id)
    assert saved.title == "Cronaca" and saved.errors == 0 and len(saved.seen) == 3
    third = refresh(store)[feed.id]
    assert third.status == "unchanged" and third.added == []


def test_conditional_get_sends_validators_and_a_304_changes_nothing(server, store):
    server.feed("/etag.rss", rss("E", [item(1)]), etag='"v1"')
    server.feed("/lm.rss", rss("L", [item(2)]), last_modified="Mon, 07 Dec 2026 01:00:00 GMT")
    etag_feed = subscribe(store, server.url("/etag.rss"))
    lm_feed = subscribe(store, server.url("/lm.rss"))
    refresh(store)
    assert store.get_feed(etag_feed.id).etag == '"v1"'
    assert store.get_feed(lm_feed.id).last_modified == "Mon, 07 Dec 2026 01:00:00 GMT"
    server.requests.clear()
    reports = refresh(store)
    assert reports[etag_feed.id].status == "not modified"
    assert reports[lm_feed.id].status == "not modified"
    sent = dict(server.requests)
    assert sent["/etag.rss"]["if-none-match"] == '"v1"'
    assert sent["/lm.rss"]["if-modified-since"] == "Mon, 07 Dec 2026 01:00:00 GMT"
    assert sent["/etag.rss"]["user-agent"] == USER_AGENT
    assert store.count() == 2
    assert store.get_feed(etag_feed.id).etag == '"v1"'  # kept across the 304


def test_a_301_updates_the_stored_url_and_a_302_does_not(server, store):
    server.feed("/new-home.rss", rss("Moved", [item(1)]))
    server.feed("/elsewhere.rss", rss("Visiting", [item(2)]))
    server.redirect("/old.rss", 301, "/new-home.rss")
    server.redirect("/for-now.rss", 302, "/elsewhere.rss")
    moved = subscribe(store, server.url("/old.rss"))
    visiting = subscribe(store, server.url("/for-now.rss"))
    reports = refresh(store)
    assert reports[moved.id].moved_to == server.url("/new-home.rss")
    assert store.get_feed(moved.id).url == server.url("/new-home.rss")
    assert store.get_feed(visiting.id).url == server.url("/for-now.rss")
    assert reports[visiting.id].moved_to is None
    assert len(reports[moved.id].added) == 1 and len(reports[visiting.id].added) == 1
    server.requests.clear()
    refresh(store)
    assert "/old.rss" not in server.paths_requested()  # it asks the new home directly now
    assert "/for-now.rss" in server.paths_requested()


def test_a_slow_server_times_out_while_the_other_feeds_go_on(server, store):
    def slow(headers):
        server.release.wait(10)  # answers only when the test ends
        return None

    server.routes["/slow.rss"] = slow
    server.feed("/quick.rss", rss("Quick", [item(1)]))
    slow_feed = subscribe(store, server.url("/slow.rss"))
    quick = subscribe(store, server.url("/quick.rss"))
    reports = refresh(store, timeout=0.5)
    assert reports[slow_feed.id].status == "failed"
    assert "timed out" in reports[slow_feed.id].error
    assert "\n" not in reports[slow_feed.id].line()
    assert len(reports[quick.id].added) == 1
    assert store.get_feed(slow_feed.id).errors == 1


def test_a_500_fails_in_one_line_and_the_feed_backs_off(server, store):
    server.routes["/broken.rss"] = lambda headers: Answer(500, b"oops")
    feed = subscribe(store, server.url("/broken.rss"))
    start = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)
    report = refresh(store, now=lambda: start)[feed.id]
    assert report.status == "failed" and "HTTP 500" in report.error
    first_wait = datetime.fromisoformat(store.get_feed(feed.id).retry_after) - start
    assert first_wait > timedelta(0)

    server.requests.clear()
    waiting = refresh(store, now=lambda: start + first_wait / 2)[feed.id]
    assert waiting.status == "waiting" and server.requests == []  # not asked again yet

    later = start + first_wait
    refresh(store, now=lambda: later)
    saved = store.get_feed(feed.id)
    assert saved.errors == 2
    assert datetime.fromisoformat(saved.retry_after) - later > first_wait  # waits grow

    server.feed("/broken.rss", rss("Back", [item(1)]))
    forced = refresh(store, force=True, now=lambda: later)[feed.id]
    assert forced.status == "new"
    saved = store.get_feed(feed.id)
    assert saved.errors == 0 and saved.retry_after is None and saved.last_error is None


def test_a_503_with_retry_after_waits_as_long_as_the_server_asks(server, store):
    server.routes["/busy.rss"] = lambda headers: Answer(503, b"", {"Retry-After": "7200"})
    server.routes["/soon.rss"] = lambda headers: Answer(429, b"", {"Retry-After": "5"})
    busy = subscribe(store, server.url("/busy.rss"))
    soon = subscribe(store, server.url("/soon.rss"))
    start = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)
    refresh(store, now=lambda: start)

    def wait(feed):
        return datetime.fromisoformat(store.get_feed(feed.id).retry_after) - start

    assert wait(busy) == timedelta(hours=2)  # longer than the first back-off: the server's
    assert wait(soon) == backoff.FIRST_WAIT  # shorter: never sooner than the back-off


def test_a_broken_feed_is_one_line_and_a_truncated_one_keeps_its_entries(server, store):
    server.routes["/junk.rss"] = lambda headers: Answer(200, b"<html><body>no feed here")
    whole = rss("Cut", [item(1), item(2), item(3)])
    server.routes["/cut.rss"] = lambda headers: Answer(200, whole[: whole.index(b"<item>", 600)])
    junk = subscribe(store, server.url("/junk.rss"))
    cut = subscribe(store, server.url("/cut.rss"))
    reports = refresh(store)
    assert reports[junk.id].status == "failed"
    assert "feed" in reports[junk.id].error
    assert len(reports[cut.id].added) >= 1
    assert any("malformed" in line for line in reports[cut.id].failures)
    assert store.get_feed(junk.id).errors == 1


def test_a_feed_cut_short_forgets_none_of_the_entries_seen_before(server, store):
    whole = rss("Cut", [item(1), item(2), item(3)])
    server.feed("/cut.rss", whole)
    feed = subscribe(store, server.url("/cut.rss"))
    refresh(store)
    server.routes["/cut.rss"] = lambda headers: Answer(200, whole[: whole.index(b"<item>", 600)])
    report = refresh(store)[feed.id]
    assert report.added == [] and report.failures
    assert len(store.get_feed(feed.id).seen) == 3


def test_entries_are_deduplicated_by_guid_link_and_content(server, store):
    edited = item(1, words="Aggiornamento delle 18.")  # same guid, new text: not new
    no_guid = {k: v for k, v in item(2).items() if k != "guid"}
    bare = {"title": "Senza link", "description": "Un testo senza guid né link, sempre uguale."}
    server.feed("/a.rss", rss("A", [item(1), no_guid, bare]))
    feed_a = subscribe(store, server.url("/a.rss"))
    assert len(refresh(store)[feed_a.id].added) == 3

    moved_link = {**no_guid, "content": "<p>Testo cambiato, stesso link di prima.</p>"}
    server.feed("/a.rss", rss("A", [edited, moved_link, bare, bare]))
    assert refresh(store)[feed_a.id].added == []

    # Another feed carrying an entry already stored (same link) does not import it again.
    server.feed("/b.rss", rss("B", [{**item(1), "guid": "other-guid"}, item(4)]))
    feed_b = subscribe(store, server.url("/b.rss"))
    report_b = refresh(store)[feed_b.id]
    assert [store.get(i).title for i in report_b.added] == ["Notizia 4"]
    assert store.count() == 4


def test_feeds_are_fetched_in_parallel_within_the_bound(server, store):
    together = threading.Barrier(2, timeout=5)

    def meet(headers):
        try:
            together.wait()  # returns only when two requests are in flight at once
        except threading.BrokenBarrierError:
            pass
        return Answer(200, rss("P", [item(len(server.requests) + 100)]))

    for number in range(6):
        server.routes[f"/p{number}.rss"] = meet
        subscribe(store, server.url(f"/p{number}.rss"))
    reports = refresh(store, workers=2)
    assert server.most_in_flight == 2
    assert all(r.status in ("new", "unchanged") for r in reports.values())


def test_summary_only_entries_get_the_linked_page_unless_the_feed_says_not(server, store):
    page = (
        "<html><head><title>Pagina</title></head><body><article>"
        + "".join(
            f"<p>Paragrafo {n} dell'articolo completo con i dettagli della vicenda.</p>"
            for n in range(8)
        )
        + "</article></body></html>"
    ).encode()
    server.routes["/story.html"] = lambda headers: Answer(200, page, {"Content-Type": "text/html"})
    entry = {"guid": "s1", "title": "Storia", "link": server.url("/story.html"),
             "description": "Solo un sommario."}  # fmt: skip
    server.feed("/full.rss", rss("Full", [entry]))
    server.feed("/short.rss", rss("Short", [{**entry, "guid": "s2"}]))
    full = subscribe(store, server.url("/full.rss"))
    short = subscribe(store, server.url("/short.rss"), summaries_only=True)
    reports = refresh(store, workers=1)
    article = store.get(reports[full.id].added[0])
    assert "Paragrafo 7" in store.body(article.id) and article.title == "Storia"
    # the summaries-only feed neither fetched the page nor imported the same link again
    assert reports[short.id].added == []
    assert server.paths_requested().count("/story.html") == 1


def test_a_summary_stays_when_the_linked_page_cannot_be_read(server, store):
    entry = {"guid": "g", "title": "Breve", "link": server.url("/gone.html"),
             "description": "Il sommario resta quando la pagina non si legge."}  # fmt: skip
    server.feed("/f.rss", rss("F", [entry]))
    feed = subscribe(store, server.url("/f.rss"))
    report = refresh(store)[feed.id]
    assert report.status == "new" and report.failures == []
    assert store.body(report.added[0]) == "Il sommario resta quando la pagina non si legge."
    assert "/gone.html" in server.paths_requested()


def test_a_feed_growing_to_ten_thousand_entries(server, store):
    server.feed("/big.rss", rss("Big", [item(n) for n in range(100)]))
    feed = subscribe(store, server.url("/big.rss"))
    assert len(refresh(store)[feed.id].added) == 100
    server.feed("/big.rss", rss("Big", [item(n) for n in range(10_000)]))
    grown = refresh(store)[feed.id]
    assert len(grown.added) == 9_900 and grown.duplicates == 0
    assert store.count() == 10_000
    assert len(store.get_feed(feed.id).seen) == 10_000
    assert refresh(store)[feed.id].added == []


def test_subscriptions_and_their_state_survive_reopening(server, tmp_path):
    server.feed("/keep.rss", rss("Keep", [item(1)]), etag='"k"')
    with Store.open(tmp_path / "s", backups_dir=tmp_path / "b") as first:
        feed = subscribe(first, server.url("/keep.rss"), tags=["x"])
        refresh(first)
    with Store.open(tmp_path / "s", backups_dir=tmp_path / "b") as again:
        saved = again.get_feed(feed.id)
        assert (saved.url, saved.tags, saved.etag, saved.title) == (feed.url, ["x"], '"k"', "Keep")
        again.delete_feed(feed.id)
        assert again.feeds() == [] and again.count() == 1  # its articles stay


def test_an_entry_that_breaks_the_importer_fails_alone(server, store, monkeypatch):
    from briefing.ingest import feed as feed_importer

    real = feed_importer.build_article

    def fragile(body, **fields):
        if fields.get("title") == "Notizia 2":
            raise KeyError("something odd in this entry")
        return real(body, **fields)

    monkeypatch.setattr(feed_importer, "build_article", fragile)
    server.feed("/odd.rss", rss("Odd", [item(1), item(2), item(3)]))
    feed = subscribe(store, server.url("/odd.rss"))
    report = refresh(store)[feed.id]
    assert len(report.added) == 2
    assert len(report.failures) == 1 and "unexpected error: KeyError" in report.failures[0]
