"""The `briefing` command line: opens the reader, or runs one subcommand."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from briefing import __version__, paths
from briefing.commands import COMMAND_MODULES

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="A terminal briefing reader: articles, entities, facts and notes.",
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    parser.add_argument(
        "--home",
        metavar="DIR",
        help=f"keep data, config and cache under DIR (also: ${paths.HOME_ENV})",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


class _ToStderr(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        print(self.format(record), file=sys.stderr)  # sys.stderr as it is now, not at setup


def _store_warnings_to_stderr() -> None:
    """What the store could not do on close (compact, back up): one plain line each."""
    store_log = logging.getLogger("briefing.store")
    if not store_log.handlers:
        handler = _ToStderr(logging.WARNING)
        handler.setFormatter(logging.Formatter("briefing: %(message)s"))
        store_log.addHandler(handler)
        store_log.propagate = False


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.home:
        paths.set_home(args.home)
    _store_warnings_to_stderr()
    if args.command is None:
        from briefing.commands.tui import run_tui

        return run_tui(args)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
