"""Opening the reader: `briefing` with no command (loads the sample articles on a first run)."""

from __future__ import annotations

import argparse
import gc
import sys

from briefing import paths


def register(sub) -> None:
    """The reader has no subcommand: `briefing` alone opens it (see cli.main)."""


def load_seeds(store) -> int:
    """Import the shipped sample articles into an empty store; returns how many were added."""
    from briefing.ingest import import_sources
    from briefing.ingest.adding import add_imported

    return len(add_imported(store, import_sources([str(paths.seeds_dir())])).added)


def _ask_readonly(message: str) -> bool:
    """The reader can read a store another process writes: ask on a terminal, say so elsewhere."""
    if not sys.stdin.isatty():
        print(f"{message} (on a terminal, briefing offers to open it read-only)", file=sys.stderr)
        return False
    answer = input(f"{message}\nOpen it read-only instead? [y/N] ")
    return answer.strip().lower() in {"y", "yes"}


def run_tui(args: argparse.Namespace) -> int:
    """Open the store, load the seeds on a first run, and run the reader until the user quits."""
    from briefing import config as config_module
    from briefing.store import Store, StoreError, StoreLocked

    try:
        config = config_module.load()
    except config_module.ConfigError as exc:
        print(f"briefing: {exc}", file=sys.stderr)
        return 2
    gc.disable()  # opening parses every article's metadata: no full GC passes meanwhile
    try:
        # deferred: a large store paints its list head first and is parsed after (head.py)
        store = Store.open(deferred=True)
    except StoreLocked as exc:
        if not _ask_readonly(f"briefing: {exc}"):
            return 1
        store = Store.open(readonly=True, deferred=True)
    except StoreError as exc:
        print(f"briefing: {exc}", file=sys.stderr)
        return 1
    finally:
        gc.enable()  # the app keeps it off until its first paint, then freezes what it loaded
    try:
        if store.count() == 0 and not store.readonly:
            added = load_seeds(store)
            if added:
                print(f"First run: loaded {added} sample article(s) from {paths.seeds_dir()}")
        from briefing.tui.app import make_app

        app = make_app(store, config)
        app.run()  # a store found damaged after first paint ends it with code 1 and why
    finally:
        store.close()
    return app.return_code or 0
