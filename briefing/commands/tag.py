"""`briefing tag ID +tag -tag ...`: add and remove an article's tags, print the result."""

from __future__ import annotations

import argparse
import sys

from briefing.commands.ids import resolve_or_explain
from briefing.commands.listing import safe
from briefing.store import Store, StoreError
from briefing.tags import tag_problem

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def register(sub: argparse._SubParsersAction) -> None:
    """Add `tag` to the parser."""
    tag = sub.add_parser(
        "tag",
        help="add (+tag) and remove (-tag) an article's tags",
        description="Add and remove tags, then print the article's tags. With no changes, "
        "just print them. Quote a tag with spaces: '+breaking news'.",
        epilog="example: briefing tag 3f2a9c +ucraina +diplomazia -todo",
    )
    tag.add_argument("id", metavar="ID", help="an article id or a unique start of one")
    # REMAINDER: '-todo' would otherwise be taken for an unknown option.
    tag.add_argument(
        "changes", nargs=argparse.REMAINDER, metavar="+TAG|-TAG", help="tags to add or remove"
    )
    tag.set_defaults(func=run_tag)


def split_changes(changes: list[str]) -> tuple[list[str], list[str]]:
    """('+a', '-b', 'c') -> (['a', 'c'], ['b']); a word without a sign is added. ValueError if empty."""
    add: list[str] = []
    remove: list[str] = []
    for change in changes:
        sign, name = (change[0], change[1:]) if change.startswith(("+", "-")) else ("+", change)
        # Removing stays possible for a tag an older briefing stored with an escape in it.
        problem = tag_problem(name) if sign == "+" else ("is blank" if not name.strip() else None)
        if not problem and any(c.isspace() and c != " " for c in name):
            problem = "holds a tab or line break"
        if problem:
            # repr shows an escape as \x1b: the refused text must not reach the terminal either
            raise ValueError(f"{change!r} is not a tag: it {problem}")
        (add if sign == "+" else remove).append(name.strip())
    return add, remove


def run_tag(args: argparse.Namespace) -> int:
    try:
        add, remove = split_changes(args.changes)
    except ValueError as error:
        print(f"briefing tag: {error}; write +TAG to add, -TAG to remove", file=sys.stderr)
        return EXIT_USAGE
    try:
        # Read-only when only looking, so it works while the reader holds the store.
        with Store.open(readonly=not (add or remove)) as store:
            article_id = resolve_or_explain(store, args.id, "tag")
            if article_id is None:
                return EXIT_FAILED
            if add or remove:
                tags = store.update_tags(article_id, add=add, remove=remove)
            else:
                tags = store.get(article_id).tags
    except StoreError as error:
        print(f"briefing tag: {error}", file=sys.stderr)
        return EXIT_FAILED
    # safe(): tags stored before they were checked may still hold escapes
    print(safe(" ".join(f"#{t}" if " " not in t else f'#"{t}"' for t in tags)) or "(no tags)")
    return EXIT_OK
