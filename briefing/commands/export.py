"""Placeholder: the 'export' command group (being written)."""

from __future__ import annotations


def register(sub) -> None:
    """Add this group's subcommands to the parser."""
