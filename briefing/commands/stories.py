"""`briefing stories`: list stories (ids, titles, article ids), regroup, and the user's edits."""

from __future__ import annotations

import argparse
import json
import sys

from briefing.commands.listing import safe
from briefing.store import Store, StoreError, StoreLocked

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def register(sub: argparse._SubParsersAction) -> None:
    """Add `stories` (and its edit subcommands) to the parser."""
    stories = sub.add_parser(
        "stories",
        help="list stories: articles grouped by shared people, places and words",
        description="List stories, latest first: id, dates, languages, article count, title, "
        "then the article ids. Articles analysed since the last grouping join a story first. "
        "Edits (move, merge, split, title) are kept in the store; undo removes the last.",
        epilog="examples: briefing stories --json | briefing stories merge s3f2a --into s9c1d",
    )
    stories.add_argument("--json", action="store_true", help="one JSON object per story")
    stories.add_argument(
        "--regroup", action="store_true", help="group every article again from scratch"
    )
    stories.set_defaults(func=run_list, stories_command=None)
    edits = stories.add_subparsers(dest="stories_command", metavar="EDIT")

    move = edits.add_parser("move", help="move articles to another story")
    move.add_argument("articles", nargs="+", metavar="ARTICLE")
    move.add_argument("--to", required=True, metavar="STORY")
    move.set_defaults(func=run_edit)

    merge = edits.add_parser("merge", help="merge a story into another")
    merge.add_argument("story", metavar="STORY")
    merge.add_argument("--into", required=True, metavar="STORY")
    merge.set_defaults(func=run_edit)

    split = edits.add_parser("split", help="give some articles of a story a story of their own")
    split.add_argument("story", metavar="STORY")
    split.add_argument("articles", nargs="+", metavar="ARTICLE")
    split.set_defaults(func=run_edit)

    title = edits.add_parser("title", help="retitle a story ('' gives back the automatic title)")
    title.add_argument("story", metavar="STORY")
    title.add_argument("title", metavar="TITLE")
    title.set_defaults(func=run_edit)

    undo = edits.add_parser("undo", help="undo the last story edit")
    undo.set_defaults(func=run_edit)


def run_list(args: argparse.Namespace) -> int:
    from briefing.stories import keeping

    try:
        try:
            store = Store.open()
        except StoreLocked:  # the reader holds it: group new articles in memory only
            if args.regroup:
                raise
            store = Store.open(readonly=True)
        with store:
            if args.regroup:
                keeping.regroup_store(store)
            found = keeping.stories(store)
    except StoreError as error:
        print(f"briefing stories: {error}", file=sys.stderr)
        return EXIT_FAILED
    for story in found:
        if args.json:
            print(json.dumps(story.to_dict(), ensure_ascii=False))
        else:
            days = story.first or "-"
            if story.last and story.last != story.first:
                days = f"{story.first}..{story.last}"
            langs = ",".join(story.langs) or "-"
            print(
                f"{story.id}  {days:22}  {langs:5}  {len(story.article_ids):3}  {safe(story.title)}"
            )
            print("    " + " ".join(story.article_ids))
    return EXIT_OK


def _story(found: list, key: str) -> str:
    from briefing.stories.stories import find

    matches = find(found, key.strip())
    if len(matches) != 1:
        what = "no story" if not matches else f"{len(matches)} stories"
        raise ValueError(f"{what} with an id starting with '{safe(key)}'")
    return matches[0].id


def _article(store: Store, key: str) -> str:
    full = store.resolve_id(key.strip())
    if full is None:
        raise ValueError(f"no single article with an id starting with '{safe(key)}'")
    return full


def run_edit(args: argparse.Namespace) -> int:
    from briefing.stories import keeping

    try:
        with Store.open() as store:
            found = keeping.stories(store)
            command = args.stories_command
            try:
                if command == "move":
                    ids = [_article(store, a) for a in args.articles]
                    keeping.move(store, ids, _story(found, args.to))
                elif command == "merge":
                    keeping.merge(store, _story(found, args.story), _story(found, args.into))
                elif command == "split":
                    story = _story(found, args.story)
                    ids = [_article(store, a) for a in args.articles]
                    keeping.split(store, story, ids)
                elif command == "title":
                    keeping.retitle(store, _story(found, args.story), args.title)
                elif keeping.edits.undo(store) is None:
                    print("briefing stories undo: no story edit to undo", file=sys.stderr)
                    return EXIT_FAILED
            except ValueError as error:
                print(f"briefing stories {command}: {error}", file=sys.stderr)
                return EXIT_USAGE
    except StoreError as error:
        print(f"briefing stories: {error}", file=sys.stderr)
        return EXIT_FAILED
    print(f"briefing stories {command}: done")
    return EXIT_OK
