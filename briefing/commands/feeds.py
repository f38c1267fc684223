"""`briefing feed add|list|remove|import|export` and `briefing refresh [FEED...]`: subscriptions."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def register(sub: argparse._SubParsersAction) -> None:
    """Add `feed` (with its subcommands) and `refresh`."""
    feed = sub.add_parser(
        "feed",
        help="follow RSS/Atom feeds: add, list, remove, import or export subscriptions",
        description="Subscriptions are kept in the store; `briefing refresh` fetches them.",
    )
    actions = feed.add_subparsers(dest="feed_command", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="subscribe to a feed URL (fetched on the next refresh)")
    add.add_argument("url", metavar="URL")
    add.add_argument(
        "--tag", action="append", default=[], metavar="T", help="tag its articles (repeatable)"
    )
    add.add_argument("--title", help="a name of your own (default: the feed's title)")
    add.add_argument(
        "--summaries-only",
        action="store_true",
        help="keep entries' summaries; never fetch the linked page for the full article",
    )
    add.set_defaults(func=run_add)

    listing = actions.add_parser("list", help="subscriptions with unread/total counts")
    listing.add_argument("--json", action="store_true", help="one JSON object per line")
    listing.set_defaults(func=run_list)

    remove = actions.add_parser("remove", help="unsubscribe (the articles stay)")
    remove.add_argument("feed", metavar="FEED", help="id (or its start), URL or title")
    remove.set_defaults(func=run_remove)

    opml_in = actions.add_parser("import", help="subscribe to every feed of an OPML file")
    opml_in.add_argument("file", metavar="FILE.opml", help="an OPML file, or '-' for stdin")
    opml_in.set_defaults(func=run_import)

    opml_out = actions.add_parser("export", help="write the subscriptions as OPML")
    opml_out.add_argument("-o", "--output", metavar="FILE", help="default: standard output")
    opml_out.set_defaults(func=run_export)

    refresh = sub.add_parser(
        "refresh",
        help="fetch subscribed feeds and import their new entries",
        description="Fetch every feed (or the ones named), a few at a time, and import only "
        "the entries not seen before. A feed that failed recently is skipped until its "
        "back-off ends, unless it is named. Exit status 1 when any feed failed.",
    )
    refresh.add_argument("feeds", nargs="*", metavar="FEED", help="id, URL or title")
    refresh.add_argument(
        "--allow-local-urls",
        action="store_true",
        help="also fetch feeds on this machine or a private network",
    )
    refresh.set_defaults(func=run_refresh)


def _say(text: str) -> str:
    """Feed names and errors are remote data: one clean line, no escape sequences."""
    from briefing.ingest.metadata import clean_line

    return clean_line(text)


def _open(readonly: bool = False):
    from briefing.store import Store

    return Store.open(readonly=readonly)


def _error(command: str, message: str) -> None:
    print(f"briefing {command}: {_say(message)}", file=sys.stderr)


def run_add(args: argparse.Namespace) -> int:
    from briefing.feeds import AlreadySubscribed, subscribe
    from briefing.store import StoreError

    try:
        with _open() as store:
            feed = subscribe(
                store,
                args.url,
                tags=args.tag,
                title=args.title,
                summaries_only=args.summaries_only,
            )
    except ValueError as error:
        _error("feed add", str(error))
        return EXIT_USAGE
    except (AlreadySubscribed, StoreError) as error:
        _error("feed add", str(error))
        return EXIT_FAILED
    print(f"subscribed {feed.id} {_say(feed.url)}; `briefing refresh` fetches it")
    return EXIT_OK


def _state(feed) -> str:
    if feed.errors:
        return f"failing ({feed.errors}x): {feed.last_error}; next try after {feed.retry_after}"
    if feed.checked is None:
        return "never fetched"
    return f"checked {feed.checked}"


def run_list(args: argparse.Namespace) -> int:
    from briefing.feeds import feed_counts
    from briefing.store import StoreError

    try:
        with _open(readonly=True) as store:  # works while the reader holds the store
            feeds = store.feeds()
            counts = feed_counts(store.articles())
    except StoreError as error:
        _error("feed list", str(error))
        return EXIT_FAILED
    for feed in feeds:
        count = counts.get(feed.id)
        unread, total = (count.unread, count.total) if count else (0, 0)
        if args.json:
            shown = {k: v for k, v in feed.to_dict().items() if k != "seen"}
            print(json.dumps({**shown, "unread": unread, "total": total}, ensure_ascii=False))
        else:
            tags = " ".join(f"#{t}" for t in feed.tags)
            pieces = [feed.id, f"{unread}/{total}", feed.name, tags, f"<{feed.url}>", _state(feed)]
            print("  ".join(_say(p) for p in pieces if p))
    return EXIT_OK


def run_remove(args: argparse.Namespace) -> int:
    from briefing.feeds import find_feed
    from briefing.store import StoreError

    try:
        with _open() as store:
            feed = find_feed(store.feeds(), args.feed)
            if feed is None:
                _error(
                    "feed remove",
                    f"no single feed matches {args.feed!r} (see `briefing feed list`)",
                )
                return EXIT_FAILED
            store.delete_feed(feed.id)
    except StoreError as error:
        _error("feed remove", str(error))
        return EXIT_FAILED
    print(_say(f"unsubscribed {feed.id} {feed.name}; its articles stay"))
    return EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    from briefing.feeds import AlreadySubscribed, OpmlError, read_opml, subscribe
    from briefing.store import StoreError

    try:
        data = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
        outlines = read_opml(data)
    except OSError as error:
        _error("feed import", f"cannot read {args.file}: {error.strerror or error}")
        return EXIT_FAILED
    except OpmlError as error:
        _error("feed import", f"{args.file}: {error}")
        return EXIT_FAILED
    added, known, bad = 0, 0, []
    try:
        with _open() as store:
            for outline in outlines:
                try:
                    subscribe(store, outline.url, tags=outline.tags, title=outline.title)
                    added += 1
                except AlreadySubscribed:
                    known += 1
                except ValueError as error:
                    bad.append(str(error))
    except StoreError as error:
        _error("feed import", str(error))
        return EXIT_FAILED
    print(f"subscribed {added}, already subscribed {known}, refused {len(bad)}")
    for line in bad:
        print(_say(line))
    return EXIT_FAILED if bad else EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    from briefing.feeds import write_opml
    from briefing.store import StoreError

    try:
        with _open(readonly=True) as store:
            document = write_opml(store.feeds())
    except StoreError as error:
        _error("feed export", str(error))
        return EXIT_FAILED
    if args.output:
        try:
            Path(args.output).write_text(document, encoding="utf-8")
        except OSError as error:
            _error("feed export", f"cannot write {args.output}: {error.strerror or error}")
            return EXIT_FAILED
    else:
        sys.stdout.write(document)
    return EXIT_OK


def run_refresh(args: argparse.Namespace) -> int:
    from briefing import config as config_module
    from briefing.feeds import find_feed, refresh_feeds
    from briefing.store import StoreError

    try:
        config = config_module.load()
    except config_module.ConfigError as error:
        _error("refresh", str(error))
        return EXIT_USAGE
    try:
        with _open() as store:
            feeds = store.feeds()
            if args.feeds:
                chosen = [find_feed(feeds, wanted) for wanted in args.feeds]
                missing = [w for w, f in zip(args.feeds, chosen, strict=True) if f is None]
                if missing:
                    _error("refresh", f"no single feed matches {', '.join(map(repr, missing))}")
                    return EXIT_USAGE
                feeds = list({f.id: f for f in chosen if f}.values())
            elif not feeds:
                print("no subscriptions: add one with `briefing feed add URL`")
                return EXIT_OK

            def progress(report, done: int, total: int) -> None:
                print(_say(f"[{done}/{total}] {report.line()}"), flush=True)

            reports = refresh_feeds(
                store,
                feeds,
                allow_local_urls=args.allow_local_urls or config.allow_local_urls,
                force=bool(args.feeds),  # a feed asked for by name is tried even while waiting
                progress=progress,
            )
    except StoreError as error:
        _error("refresh", str(error))
        return EXIT_FAILED
    new = sum(len(r.added) for r in reports)
    failed = [r for r in reports if r.status == "failed"]
    waiting = sum(1 for r in reports if r.status == "waiting")
    print(
        f"{new} new article(s) from {len(reports)} feed(s); {len(failed)} failed, {waiting} waiting"
    )
    return EXIT_FAILED if failed else EXIT_OK
