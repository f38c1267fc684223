"""`briefing analyze`: entities and facts of an article file, a JSONL stream, or stored articles."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO, TextIO

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def register(sub) -> None:
    """Add this group's subcommands to the parser."""
    parser = sub.add_parser(
        "analyze",
        help="print the entities and facts of an article (JSON) or of a JSONL stream",
        description=(
            "Analyse FILE (or - for standard input) and print its analysis as JSON. "
            'With --jsonl, read lines {"id", "lang"?, "published"?, "text"} and write lines '
            '{"id", "lang", "pipeline", "pipeline_version", "entities": [{"start", "end", '
            '"label", "text"}], "facts": {...}}; each text is analysed exactly as given and '
            "offsets are character offsets into it. FILE is analysed with the corrections "
            "saved in the store, as the reader would; --jsonl texts without them. With "
            "--article or --all, analyse stored articles and cache the result."
        ),
    )
    parser.add_argument("source", nargs="?", metavar="FILE|-", help="an article file, or -")
    shape = parser.add_mutually_exclusive_group()
    shape.add_argument(
        "--json",
        action="store_true",
        help="print JSON (the default for FILE and --article; with --all, one JSON array)",
    )
    shape.add_argument("--jsonl", action="store_true", help="read and write JSON lines")
    parser.add_argument("--lang", help="language code (default: detected)")
    parser.add_argument("--published", metavar="DATE", help="the article's ISO date")
    parser.add_argument(
        "--no-rules",
        dest="rules",
        action="store_false",
        help="the model alone, without briefing's rule components (to measure them)",
    )
    parser.add_argument("--article", metavar="ID", help="analyse a stored article (id prefix)")
    parser.add_argument("--all", action="store_true", help="analyse every stored article")
    parser.add_argument("--force", action="store_true", help="re-analyse even when cached")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.article or args.all:
        return _run_stored(args)
    if not args.source:
        print(
            "briefing analyze: give FILE, - (standard input), --article ID or --all",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if args.jsonl:
        # Bytes, not text: a line of invalid UTF-8 is that line's failure, not the run's.
        if args.source == "-":
            return _run_jsonl(sys.stdin.buffer, sys.stdout, args)
        with open(args.source, "rb") as stream:
            return _run_jsonl(stream, sys.stdout, args)
    return _run_file(args)


def _entity_row(entity: Any) -> dict[str, Any]:
    row = {"start": entity.start, "end": entity.end, "label": entity.label, "text": entity.text}
    if entity.value is not None:
        row["value"] = entity.value
    if getattr(entity, "id", None):  # PER/ORG/LOC: the identity across languages and spellings
        row["id"] = entity.id
        row["canonical"] = entity.canonical
    return row


_SURROGATE = re.compile("[\ud800-\udfff]")


def _optional_str(obj: dict[str, Any], key: str) -> str | None:
    value = obj.get(key)
    if value is not None and not isinstance(value, str):
        raise TypeError(f"{key} is not a string")
    return value


def _parse_line(raw: bytes, number: int) -> Any:
    """One input line as a TextItem; raises ValueError or TypeError saying what is wrong."""
    from briefing.analysis import TextItem

    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not valid UTF-8 at byte {exc.start}") from None
    try:
        obj = json.loads(line)
    except RecursionError:  # "[[[[..." nested past Python's stack
        raise ValueError("JSON nested too deeply") from None
    if not isinstance(obj, dict):
        raise TypeError("not a JSON object")
    text = obj.get("text")
    if not isinstance(text, str):
        raise TypeError("text is missing or not a string")
    for key, value in (("text", text), ("id", obj.get("id"))):
        if isinstance(value, str) and _SURROGATE.search(value):
            # json accepts "\ud800" alone, but it is no character: UTF-8 cannot hold it
            raise ValueError(f"{key} holds a lone surrogate (not valid Unicode)")
    lang, published = _optional_str(obj, "lang"), _optional_str(obj, "published")
    article_id = obj.get("id", number)
    if not isinstance(article_id, str | int):
        raise TypeError("id is not a string or a number")
    return TextItem(text, lang or None, published, str(article_id))


def _read_jsonl(stream: BinaryIO, failed: list[int]) -> Iterator[Any]:
    """The good lines as TextItems; each bad one is reported on stderr as it is met."""
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        try:
            item = _parse_line(raw, number)
        except (ValueError, TypeError) as exc:
            failed.append(number)
            print(f"briefing analyze: line {number}: {exc}", file=sys.stderr, flush=True)
            continue
        yield item


def _run_jsonl(stream: BinaryIO, out: TextIO, args: argparse.Namespace) -> int:
    from briefing.analysis import analyse_texts

    failed: list[int] = []
    items = _read_jsonl(stream, failed)
    for analysis in analyse_texts(items, rules=args.rules):
        row = {
            "id": analysis.article_id,
            "lang": analysis.lang,
            "pipeline": analysis.pipeline,
            "pipeline_version": analysis.pipeline_version,
            "entities": [_entity_row(e) for e in analysis.entities],
            "facts": analysis.facts.to_dict(),
        }
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return EXIT_SOME_FAILED if failed else EXIT_OK


def _import(source: str) -> list[Any]:
    """Articles (or ImportFailures) read by the importers, as `briefing add` reads them."""
    from briefing.ingest import registry

    if source == "-":
        return registry.import_text(sys.stdin.buffer.read(), origin="-")
    return registry.import_file(Path(source))


def _run_file(args: argparse.Namespace) -> int:
    from briefing.analysis import analyse_text
    from briefing.models import Article

    results = _import(args.source)
    corrections = _saved_corrections() if args.rules else []
    status = EXIT_OK
    for result in results:
        if not isinstance(result, Article):
            print(f"briefing analyze: {result}", file=sys.stderr)
            status = EXIT_SOME_FAILED
            continue
        body = result.body or ""
        analysis = analyse_text(
            body,
            args.lang or result.lang,
            args.published or result.published,
            corrections,
            article_id=result.id,
            rules=args.rules,
            author=result.author,
        )
        data = {
            "article": result.to_dict(with_body=False),
            "text": body,
            **analysis.to_dict(),
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
    return status


def _saved_corrections() -> list[Any]:
    """The user's corrections, read from the store if there is one (never creating it)."""
    from briefing import paths
    from briefing.store import Store, StoreError

    if not paths.store_dir().is_dir():
        return []
    try:
        with Store.open(readonly=True) as store:
            return store.corrections()
    except StoreError as exc:
        print(f"briefing analyze: without your corrections: {exc}", file=sys.stderr)
        return []


def _run_stored(args: argparse.Namespace) -> int:
    from briefing.analysis import analyse_many
    from briefing.commands.ids import resolve_or_explain
    from briefing.entities.joins import join_analysis
    from briefing.store import Store, StoreError

    try:
        with Store.open() as store:
            if args.all:
                ids = [a.id for a in store.articles()]
            else:
                full = resolve_or_explain(store, args.article, "analyze")
                if full is None:
                    return EXIT_USAGE
                ids = [full]

            # A counter redrawn with \r belongs on a terminal, not glued into a log file.
            show_progress = args.all and sys.stderr.isatty()

            def progress(done: int, total: int) -> None:
                print(f"\ranalysed {done}/{total}", end="", file=sys.stderr, flush=True)

            analyses = analyse_many(
                store, ids, progress if show_progress else None, force=args.force
            )
            if show_progress:
                print(file=sys.stderr)
            if args.json or not args.all:  # printed: people as the store joins them
                joins = store.people_joins()
                for analysis in analyses:
                    join_analysis(analysis, joins, store.person_name)
            if args.all and args.json:
                print(json.dumps([a.to_dict() for a in analyses], ensure_ascii=False, indent=1))
            elif args.all:
                for analysis in analyses:
                    print(
                        f"{analysis.article_id}  {analysis.pipeline} {analysis.pipeline_version}  "
                        f"{len(analysis.entities)} entities"
                    )
            else:
                print(json.dumps(analyses[0].to_dict(), ensure_ascii=False, indent=2))
    except StoreError as exc:
        print(f"briefing analyze: {exc}", file=sys.stderr)
        return EXIT_SOME_FAILED
    return EXIT_OK
