"""Placeholder: the 'tui' command group (being written)."""

from __future__ import annotations


def register(sub) -> None:
    """Add this group's subcommands to the parser."""


def run_tui(args) -> int:
    raise SystemExit("the reader is being written")
