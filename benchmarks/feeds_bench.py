"""Feed refresh figures against a local HTTP server: a 10,000-entry feed, and parallel fetching.

    python benchmarks/feeds_bench.py [ENTRIES] [--feeds N] [--latency SECONDS]

Prints, for one feed of ENTRIES entries (default 10,000): the first refresh (every entry new),
a refresh of the same bytes without validators (every entry read, none new), and a refresh
answered 304; then N feeds (default 12) each answering after LATENCY seconds (default 0.3),
refreshed with 1 and with 4 workers, and the ratio. Everything lives in a temporary folder.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefing.feeds import refresh_feeds, subscribe  # noqa: E402
from briefing.store import Store  # noqa: E402
from tests.support.feed_server import Answer, FeedServer, item, rss  # noqa: E402


def timed(work) -> tuple[float, object]:
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def big_feed(server: FeedServer, folder: Path, entries: int) -> None:
    body = rss("Big", [item(n) for n in range(entries)])
    server.routes["/plain.rss"] = lambda headers: Answer(200, body, {"Content-Type": "text/xml"})
    server.feed("/etag.rss", body, etag='"big"')
    print(f"one feed of {entries:,} entries ({len(body) / 1e6:.1f} MB)")
    for path in ("/plain.rss", "/etag.rss"):
        with Store.open(folder / path.strip("/."), backups_dir=folder / "b") as store:
            subscribe(store, server.url(path))

            def refresh(store=store):
                return refresh_feeds(store, store.feeds(), allow_local_urls=True)[0]

            first_s, first = timed(refresh)
            again_s, again = timed(refresh)
            label = "no validators" if path == "/plain.rss" else "ETag"
            print(f"  {label:13}  first refresh {first_s:6.2f} s ({len(first.added):,} new)"
                  f"   second {again_s:6.2f} s ({again.status}, {len(again.added)} new)"
                  f"   ratio {first_s / again_s:5.1f}x")  # fmt: skip


def parallel(server: FeedServer, folder: Path, feeds: int, latency: float) -> None:
    def slow(headers, number=0):
        time.sleep(latency)
        return Answer(200, rss("P", [item(number)]))

    print(f"{feeds} feeds, each answering after {latency:g} s")
    figures = {}
    for workers in (1, 4):
        with Store.open(folder / f"p{workers}", backups_dir=folder / "b") as store:
            for n in range(feeds):
                server.routes[f"/p{workers}-{n}.rss"] = lambda h, n=n: slow(h, n)
                subscribe(store, server.url(f"/p{workers}-{n}.rss"))
            figures[workers], _ = timed(
                lambda store=store, w=workers: refresh_feeds(
                    store, store.feeds(), allow_local_urls=True, workers=w
                )
            )
        print(f"  workers {workers}: {figures[workers]:5.2f} s")
    print(f"  4 workers vs 1: {figures[1] / figures[4]:.1f}x faster")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], allow_abbrev=False)
    parser.add_argument("entries", nargs="?", type=int, default=10_000)
    parser.add_argument("--feeds", type=int, default=12)
    parser.add_argument("--latency", type=float, default=0.3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, FeedServer() as server:
        big_feed(server, Path(tmp), args.entries)
        parallel(server, Path(tmp), args.feeds, args.latency)


if __name__ == "__main__":
    main()
