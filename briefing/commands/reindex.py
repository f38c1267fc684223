"""`briefing reindex`: rebuild the search index beside the store from the store itself."""

from __future__ import annotations

import argparse
import sys
import time

from briefing.store import Store, StoreError

EXIT_OK, EXIT_FAILED = 0, 1


def register(sub: argparse._SubParsersAction) -> None:
    """Add `reindex` to the parser."""
    reindex = sub.add_parser(
        "reindex",
        help="rebuild the search index from the store",
        description="Rebuild the search index (data/store/search.sqlite) from the articles, "
        "tags and analyses in the store. The index is derived and never the only copy of "
        "anything: briefing rebuilds it by itself when it is missing or damaged; this does it "
        "now.",
    )
    reindex.set_defaults(func=run_reindex)


def run_reindex(args: argparse.Namespace) -> int:
    started = time.perf_counter()

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\rindexing {done}/{total}", end="", file=sys.stderr, flush=True)

    try:
        with Store.open() as store:
            store.build_search_index(progress, fresh=True)
            count = store.count()
    except StoreError as error:
        print(f"briefing reindex: {error}", file=sys.stderr)
        return EXIT_FAILED
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"indexed {count} articles in {time.perf_counter() - started:.1f} s")
    return EXIT_OK
