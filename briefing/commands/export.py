"""`briefing export`: stored articles as Markdown notes, one per article or one briefing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def register(sub) -> None:
    """Add the export command to the parser."""
    parser = sub.add_parser(
        "export",
        help="write articles as Markdown notes (Obsidian-friendly on request)",
        description=(
            "Export the articles matching QUERY (every article when none is given) as Markdown "
            "with YAML front matter: one note per article, or --one-file for a single briefing "
            "with a table of the articles and an entity index. Each note has a section between "
            "<!-- briefing:keep --> lines that re-exporting keeps; the rest is regenerated. "
            "Files briefing did not write are never overwritten without --force."
        ),
    )
    parser.add_argument("query", nargs="*", metavar="QUERY", help="a filter, as in briefing list")
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE|DIR",
        help="a folder, or a .md file (default: export_dir in the config, else here)",
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--per-article",
        dest="one_file",
        action="store_false",
        help="one note per article (the default)",
    )
    mode.add_argument(
        "--one-file", dest="one_file", action="store_true", help="one note for all of them"
    )
    parser.add_argument(
        "--id",
        dest="ids",
        action="append",
        default=[],
        metavar="ID",
        help="export this article (an id or unique id prefix; repeatable)",
    )
    parser.add_argument(
        "--story",
        metavar="STORY",
        help="one briefing of this story (its id or a unique start; see briefing stories): "
        "sources, who's who, timeline, who said what, sourcing, your highlights and notes",
    )
    parser.add_argument(
        "--template",
        metavar="FILE",
        type=Path,
        help="your copy of article.md.j2 (or of briefing.md.j2 with --one-file)",
    )
    parser.add_argument(
        "--obsidian",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="#tags, [[wikilinks]] for entities, ^block-ids on highlights (default: the config)",
    )
    parser.add_argument(
        "--force", action="store_true", help="overwrite files briefing did not write"
    )
    parser.add_argument(
        "--copy-templates",
        nargs="?",
        const=True,
        metavar="DIR",
        help="copy the shipped templates to DIR (default: the config folder's templates/, "
        "which export then uses when no --template is given) and stop",
    )
    parser.set_defaults(func=run, one_file=False)


class UnknownId(Exception):
    """An --id that matches no article or several; the reason is already on stderr."""


def _fail(message: str, code: int) -> int:
    print(f"briefing export: {message}", file=sys.stderr)
    return code


def _select(store, query: str, ids: list[str]) -> list[str]:
    """Article ids from --id prefixes and the query; raises UnknownId or QueryError."""
    from briefing.commands.ids import resolve_or_explain

    chosen = []
    for prefix in ids:
        full = resolve_or_explain(store, prefix, "export")
        if full is None:
            raise UnknownId
        chosen.append(full)
    if ids and not query:
        return chosen
    if not query:
        return [a.id for a in store.articles()]
    from briefing.query import ArticleIndex, parse

    parsed = parse(query)
    index = ArticleIndex.from_store(store)
    index.add_bodies(store.iter_bodies())  # free text searches the article text too
    found = index.search(parsed)
    wanted = set(chosen)
    return [i for i in found if i in wanted] if ids else found


def _analyse(ids: set[str]) -> None:
    """Analyse the chosen articles that are not analysed yet, so every note has its facts.

    When the reader holds the store they are left for it to analyse, and the notes say so.
    """
    from briefing.commands.analysing import analyse_new
    from briefing.store import Store, StoreError

    try:
        with Store.open() as store:
            analyse_new(store, "export", ids=ids)
    except StoreError as exc:  # locked by the reader, most likely: export what there is
        print(
            f"briefing export: {len(ids)} article(s) not analysed yet ({exc}); "
            "their notes have no facts until they are",
            file=sys.stderr,
        )


def _export_story(key: str, out: Path, options) -> int:
    from briefing.backlog import unanalysed_ids
    from briefing.export import ExportTemplateError, preserve
    from briefing.export.story import export_story
    from briefing.store import Store, StoreError
    from briefing.stories import keeping
    from briefing.stories.stories import find

    try:
        with Store.open(readonly=True) as store:
            matches = find(keeping.stories(store), key.strip())
            if len(matches) != 1:
                what = "no story" if not matches else f"{len(matches)} stories"
                return _fail(f"{what} with an id starting with {key!r}", EXIT_USAGE)
            needed = set(matches[0].article_ids) & set(unanalysed_ids(store))
        if needed:
            _analyse(needed)
        with Store.open(readonly=True) as store:
            story = find(keeping.stories(store), matches[0].id)[0]
            path = export_story(store, story, out, options=options)
    except ExportTemplateError as exc:
        return _fail(str(exc), EXIT_USAGE)
    except (StoreError, preserve.PreserveError) as exc:
        return _fail(str(exc), EXIT_SOME_FAILED)
    except OSError as exc:
        return _fail(f"{exc.filename or out}: {exc.strerror or exc}", EXIT_SOME_FAILED)
    print(path)
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    from briefing import config as config_module
    from briefing.backlog import unanalysed_ids
    from briefing.export import (
        ExportError,
        ExportOptions,
        ExportTemplateError,
        ExportUsageError,
        copy_templates,
        default_out_dir,
        export,
        user_template,
        user_templates_dir,
    )
    from briefing.query import QueryError
    from briefing.store import Store, StoreError

    if args.copy_templates:
        target = user_templates_dir() if args.copy_templates is True else Path(args.copy_templates)
        try:
            copied = copy_templates(target.expanduser())
        except OSError as exc:
            return _fail(f"{target}: {exc.strerror or exc}", EXIT_SOME_FAILED)
        for path in copied:
            print(path)
        if not copied:
            print(f"briefing export: {target} already holds the templates", file=sys.stderr)
        return EXIT_OK

    try:
        cfg = config_module.load()
    except config_module.ConfigError as exc:
        return _fail(str(exc), EXIT_USAGE)
    query = " ".join(args.query).strip()
    out = Path(args.output).expanduser() if args.output else default_out_dir(cfg.export_dir)
    # Without --template, the copy made by --copy-templates when the user kept one.
    template = args.template or user_template(args.one_file)
    options = ExportOptions(
        obsidian=cfg.obsidian if args.obsidian is None else args.obsidian,
        template=template,
        force=args.force,
        names=cfg.names,
    )
    if options.template is not None and not options.template.is_file():
        return _fail(f"{options.template}: template file not found", EXIT_USAGE)
    if args.story:
        if query or args.ids or args.one_file:
            return _fail("--story takes no query, --id or --one-file", EXIT_USAGE)
        if args.template is None:  # the copy --copy-templates made, if the user kept one
            kept = user_templates_dir() / "story.md.j2"
            options.template = kept if kept.is_file() else None
        return _export_story(args.story, out, options)
    try:
        with Store.open(readonly=True) as store:
            try:
                ids = _select(store, query, args.ids)
            except UnknownId:
                return EXIT_USAGE
            except QueryError as error:
                print(f"briefing export: bad query: {error.message}", file=sys.stderr)
                print(error.pointer(query), file=sys.stderr)
                return EXIT_USAGE
            if not ids:
                return _fail("no article matches", EXIT_SOME_FAILED)
            needed = set(ids) & set(unanalysed_ids(store))
        if needed:
            _analyse(needed)
        with Store.open(readonly=True) as store:
            written = export(store, ids, out, one_file=args.one_file, query=query, options=options)
    except (ExportUsageError, ExportTemplateError) as exc:
        return _fail(str(exc), EXIT_USAGE)
    except ExportError as exc:
        for path in exc.written:
            print(path)
        for problem in exc.problems:
            print(f"briefing export: {problem}", file=sys.stderr)
        return EXIT_SOME_FAILED
    except StoreError as exc:
        return _fail(str(exc), EXIT_SOME_FAILED)
    for path in written:
        print(path)
    return EXIT_OK
