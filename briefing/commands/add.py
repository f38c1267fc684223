"""`briefing add PATH|URL|- ...`: import articles into the store, with progress and a summary."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # the importers load only when `add` runs, keeping `briefing --help` quick
    from rich.progress import Progress

    from briefing.ingest import ImportFailure
    from briefing.ingest.adding import Tally
    from briefing.models import Article
    from briefing.store import Store

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2
BATCH = 100  # inputs between two updates of the progress line


def register(sub) -> None:
    """Add the `add` subcommand."""
    parser = sub.add_parser(
        "add",
        help="import articles from files, folders, URLs or stdin",
        description=(
            "Import articles: plain text, Markdown (with YAML front matter), HTML pages, "
            "RSS/Atom feeds (each entry an article), http(s) URLs, folders (recursively, "
            "hidden files skipped) and '-' for standard input. Content already in the store "
            "is reported as a duplicate. Exit status: 0 all imported, 1 some inputs failed, "
            "2 usage error."
        ),
    )
    parser.add_argument("sources", nargs="+", metavar="PATH|URL|-", help="what to import")
    parser.add_argument(
        "--allow-local-urls",
        action="store_true",
        help="also fetch file:// URLs and http(s) URLs on this machine or a private network",
    )
    parser.add_argument(
        "--no-analyze",
        dest="analyze",
        action="store_false",
        help="import only; the entities are found later (`briefing analyze --all`, the reader)",
    )
    parser.set_defaults(func=run)


def _progress(stream: TextIO) -> AbstractContextManager:
    """A rich progress display on a terminal; nothing when stderr is a file or a pipe."""
    if not stream.isatty():
        return nullcontext(None)
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    return Progress(
        SpinnerColumn(),
        TextColumn("importing"),
        TextColumn("{task.fields[summary]}"),
        TimeElapsedColumn(),
        console=Console(file=stream),
        transient=True,
    )


def add_to_store(
    store: Store,
    results: Iterable[Article | ImportFailure],
    tally: Tally,
    progress: Progress | None = None,
) -> Tally:
    """Write imported articles to an open store in batches, the summary kept on the progress."""
    from briefing.ingest.adding import add_imported

    task = progress.add_task("import", total=None, summary="") if progress is not None else None

    def show(tally: Tally) -> None:
        if progress is not None and tally.seen % BATCH == 0:
            progress.update(task, summary=tally.summary())

    return add_imported(store, results, on_progress=show, tally=tally)


def run(args: argparse.Namespace) -> int:
    """Import every source; print the summary and one line per failure."""
    from briefing.ingest import import_sources
    from briefing.store import Store, StoreError

    try:
        store = Store.open()
    except StoreError as error:  # StoreLocked included: say why, change nothing
        print(f"briefing add: {error}", file=sys.stderr)
        return EXIT_SOME_FAILED
    from briefing.ingest.adding import Tally

    results = import_sources(args.sources, allow_local_urls=args.allow_local_urls)
    tally = Tally()
    stopped = None
    reported = False
    try:
        with store:
            try:
                with _progress(sys.stderr) as progress:
                    add_to_store(store, results, tally, progress)
            except StoreError as error:  # what was added before this is durable; say so
                stopped = error
            _report(tally)
            reported = True
            if stopped is None and args.analyze:
                from briefing.commands.analysing import analyse_new

                analyse_new(store, "add")  # whatever is not analysed yet, this import's first
    except StoreError as error:
        stopped = stopped or error
    if not reported:
        _report(tally)
    if stopped is not None:
        print(f"briefing add: stopped: {stopped}", file=sys.stderr)
        return EXIT_SOME_FAILED
    return EXIT_SOME_FAILED if tally.failures else EXIT_OK


def _report(tally: Tally) -> None:
    """The summary line, then one line per failure."""
    from briefing.ingest.metadata import clean_line

    print(tally.summary(), flush=True)
    for failure in tally.failures:
        # file names are user data too: no escape sequences reach the terminal
        print(f"{clean_line(failure.source)}: {clean_line(failure.reason)}")
