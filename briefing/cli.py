"""The `briefing` command line: opens the reader, or runs one subcommand."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from briefing import __version__, paths
from briefing.commands import COMMAND_MODULES

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


class _WholeOptionsParser(argparse.ArgumentParser):
    """A subcommand parser that takes options only as written in full."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs["allow_abbrev"] = False
        super().__init__(*args, **kwargs)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        allow_abbrev=False,
        description="A terminal briefing reader: articles, entities, facts and notes.",
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    parser.add_argument(
        "--home",
        metavar="DIR",
        help=f"keep data, config and cache under DIR (also: ${paths.HOME_ENV})",
    )
    # No abbreviations in any subcommand: `analyze --json` once read as `--jsonl`.
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_WholeOptionsParser)
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
    except BrokenPipeError:  # `briefing analyze FILE | head`: the reader has what it wanted
        # Python would complain again when flushing at exit: point stdout at nothing.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
