"""`briefing backup` and `briefing restore [BACKUP]`: copies of the store and the way back."""

from __future__ import annotations

import argparse
import sys

from briefing import paths
from briefing.store import BackupInfo, Store, StoreError, find_backup, list_backups, restore

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def register(sub: argparse._SubParsersAction) -> None:
    """Add `backup` and `restore` to the parser."""
    backup = sub.add_parser(
        "backup",
        help="copy the store into the backups folder",
        description="Copy the store into the backups folder under the data folder "
        "(the last 10 are kept). `briefing restore --list` shows them.",
    )
    backup.add_argument("--reason", default="manual", help="a word saved in the backup's name")
    backup.set_defaults(func=run_backup)

    restore_cmd = sub.add_parser(
        "restore",
        help="replace the store with a backup (the current store is backed up first)",
        description="Replace the store with a backup. The current store, even a damaged one, "
        "is backed up first, so a restore can itself be undone. With no BACKUP, list the "
        "backups and ask which (on a terminal).",
    )
    restore_cmd.add_argument(
        "backup",
        nargs="?",
        help="a backup folder, its name or a unique prefix (none: list them and ask which)",
    )
    restore_cmd.add_argument("--list", action="store_true", help="list the backups and exit")
    restore_cmd.set_defaults(func=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    try:
        with Store.open() as store:
            path = store.backup(reason=args.reason)
            count = store.count()
    except StoreError as exc:
        print(f"briefing backup: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(f"Backed up {count} articles to {path}")
    return EXIT_OK


def _print_backups(backups: list[BackupInfo], numbered: bool = False) -> None:
    if not backups:
        print(f"No backups in {paths.backups_dir()}")
    for number, info in enumerate(backups, start=1):
        articles = "?" if info.articles is None else info.articles
        row = f"{info.path.name}\t{info.created}\t{info.reason}\t{articles} articles"
        print(f"{number:3}  {row}" if numbered else row)


def _choose(backups: list[BackupInfo]) -> str | None:
    """Ask on a terminal which backup to restore: its number or name; None when cancelled."""
    _print_backups(backups, numbered=True)
    try:
        answer = input(f"Restore which backup? [1-{len(backups)} or a name; Enter cancels] ")
    except EOFError:
        return None
    answer = answer.strip()
    if answer.isdigit() and 1 <= int(answer) <= len(backups):
        return str(backups[int(answer) - 1].path)
    return answer or None


def run_restore(args: argparse.Namespace) -> int:
    try:
        if args.list:
            _print_backups(list_backups())
            return EXIT_OK
        name = args.backup
        if name is None:  # replacing the store is never the default: show them and ask
            backups = list_backups()
            if not backups:
                print(
                    "briefing restore: there are no backups yet (`briefing backup`)",
                    file=sys.stderr,
                )
                return EXIT_FAILED
            if not sys.stdin.isatty():
                _print_backups(backups)
                print("briefing restore: name one: briefing restore BACKUP", file=sys.stderr)
                return EXIT_USAGE
            name = _choose(backups)
            if name is None:
                print("Nothing restored.")
                return EXIT_OK
        source = find_backup(name)
        saved, count = restore(source)
    except StoreError as exc:
        print(f"briefing restore: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(f"Restored {count} articles from {source}")
    if saved is not None:
        print(f"The store as it was before is saved in {saved}")
    return EXIT_OK
