"""`briefing list [QUERY] [--json]` and `briefing show ID [--json]`: read the store from scripts."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from typing import Any

from briefing.commands.ids import resolve_or_explain
from briefing.entities.joins import join_analysis
from briefing.models import Article
from briefing.query import ArticleIndex, QueryError, parse
from briefing.query.index import feed_names
from briefing.store import BodyDamaged, Store, StoreError

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
SHORT_ID = 8
QUERY_HELP = """\
query language:
  words             in title, source, author or text; the last may be a word's start
  "a phrase"        these words in a row (whole words)
  tag:T lang:it     a tag, a language code
  person: org: place: entity: quote: source:
                    a name, from the start of any of its words: person:witkoff,
                    person:"Steve Witkoff"; quote: is who is quoted; source: a
                    publication or web site (source:ansa.it)
  anonymous:yes|no  cites anonymous sources
  is:unread|read|starred|annotated
  date:2025-12-01..2025-12-31  also date:2025-12, date:2025, date:..2025-12-31
  after:D before:D  after or before the day (or month, year) named
  a b   a OR b   NOT a   -a   (a OR b) -c
  Case and accents never matter. Quote the whole query so quotes reach briefing:
  briefing list 'person:"Steve Witkoff" -is:read'
  A query starting with '-' needs '--' before it: briefing list -- -is:read
"""
# Terminal controls, C1 controls and bidi/zero-width characters: text from articles must not
# move the cursor, set a window title or reorder what the user sees.
_UNSAFE = {c: " " for c in (*range(0x20), 0x7F, *range(0x80, 0xA0))}
_UNSAFE.update(
    {c: "" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200B, 0x200E, 0x200F)}
)
_UNSAFE_IN_BODY = {c: r for c, r in _UNSAFE.items() if c not in (0x0A, 0x09)}


def register(sub: argparse._SubParsersAction) -> None:
    """Add `list` and `show` to the parser."""
    listing = sub.add_parser(
        "list",
        help="list articles, optionally filtered by a query",
        description="List the articles (newest first) that match QUERY, one a line:\n"
        "short id, date, source, language, tags, title.",
        epilog=QUERY_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    listing.add_argument("query", nargs="*", metavar="QUERY", help="a filter (see below)")
    listing.add_argument("--json", action="store_true", help="print a JSON array for scripts")
    listing.add_argument(
        "--titles",
        action="store_true",
        help="free words search titles, sources and authors only, not the text (faster)",
    )
    listing.set_defaults(func=run_list)

    show = sub.add_parser(
        "show",
        help="print one article",
        description="Print one article's metadata and text.",
    )
    show.add_argument("id", metavar="ID", help="an article id or a unique start of one")
    show.add_argument("--json", action="store_true", help="print a JSON object (with the body)")
    show.set_defaults(func=run_show)


def run_list(args: argparse.Namespace) -> int:
    # Plain joining, like notmuch: phrases need quotes that reach us: 'person:"Steve Witkoff"'.
    text = " ".join(args.query)
    try:
        query = parse(text)
    except QueryError as error:
        print(f"briefing list: bad query: {error.message}", file=sys.stderr)
        print(error.pointer(text), file=sys.stderr)
        return EXIT_USAGE
    try:
        with Store.open(readonly=True) as store:
            articles = store.articles()
            index = store.search_index()  # None while the store has no whole search index
            if query.matches_all:
                found = articles
            elif index is not None and not (args.titles and query.has_free_text):
                by_id = {a.id: a for a in articles}
                found = [by_id[i] for i in index.search(query) if i in by_id]
                if query.has_free_text:
                    # The index holds the words a text had when it was written: a text damaged
                    # since is left out and said, as a scan of the texts would.
                    found = [a for a in found if _readable(store, a.id)]
            else:
                index = ArticleIndex.from_articles(
                    articles,
                    store.summaries(),
                    {h.article_id for h in store.highlights()},
                    store=store,
                    body_postings=False,  # one query: a scan of the texts beats building postings
                    feed_names=feed_names(store),
                )
                if query.has_free_text and not args.titles:
                    needed = index.undecided_ids(query)
                    index.add_bodies((i, body) for i, body in store.iter_bodies() if i in needed)
                by_id = {a.id: a for a in articles}
                found = [by_id[i] for i in index.search(query)]
            if _ENTITY_FIELDS.search(text):
                _say_unanalysed(store)
            if args.json:  # read only when asked: every article's analysis from the pack
                rows = [{**as_json(a), "entities": _identities(store, a.id)} for a in found]
            damaged = dict(store.damaged_bodies)
    except StoreError as error:
        print(f"briefing list: {error}", file=sys.stderr)
        return EXIT_FAILED
    if args.json:
        _write(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        _write("\n".join(line(a) for a in found) if found else None)
    if damaged:  # searched without them: say so, once, and how to get them back
        first = next(iter(damaged.values()))
        others = f" (and {len(damaged) - 1} more texts)" if len(damaged) > 1 else ""
        print(f"briefing list: not searched: {first}{others}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def run_show(args: argparse.Namespace) -> int:
    try:
        with Store.open(readonly=True) as store:
            article_id = resolve_or_explain(store, args.id, "show")
            if article_id is None:
                return EXIT_FAILED
            article = store.get(article_id)
            body = store.body(article_id)
    except StoreError as error:
        print(f"briefing show: {error}", file=sys.stderr)
        return EXIT_FAILED
    if args.json:
        return _write(json.dumps({**as_json(article), "body": body}, ensure_ascii=False, indent=1))
    fields = (
        ("id", article.id),
        ("date", article.published),
        ("source", article.source),
        ("author", article.author),
        ("lang", article.lang),
        ("url", article.url),
        ("tags", ", ".join(article.tags)),
        ("credit", article.credit),
    )
    head = [safe(article.title), *(f"{k + ':':8}{safe(v)}" for k, v in fields if v)]
    return _write("\n".join(head) + "\n\n" + body.translate(_UNSAFE_IN_BODY))


def _readable(store: Store, article_id: str) -> bool:
    try:
        store.body(article_id)
    except BodyDamaged as exc:
        store.damaged_bodies[article_id] = str(exc)
        return False
    return True


def _write(text: str | None) -> int:
    """Print, and stay quiet when the reader of a pipe has gone (briefing list | head)."""
    if text is None:
        return EXIT_OK
    try:
        print(text)
        sys.stdout.flush()
    except BrokenPipeError:
        # Python would complain again when flushing at exit: point stdout at nothing.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return EXIT_OK


_ENTITY_FIELDS = re.compile(r"\b(?:person|org|place|entity|quote|anonymous):", re.IGNORECASE)


def _say_unanalysed(store: Store) -> None:
    """Entity filters see only analysed articles: say how many are not, and what helps."""
    from briefing.backlog import count_unanalysed

    missing = count_unanalysed(store)
    if missing:
        print(
            f"briefing list: {missing} article(s) not analysed yet, so entity filters miss "
            "them; `briefing analyze --all` analyses them",
            file=sys.stderr,
        )


def _identities(store: Store, article_id: str) -> list[dict[str, Any]] | None:
    """An article's people, organisations and places, one per identity (None: not analysed)."""
    analysis = store.get_analysis(article_id)
    if analysis is None:
        return None
    join_analysis(analysis, store.people_joins(), store.person_name)  # "Trump": whom he is
    found: dict[str, dict[str, Any]] = {}
    for entity in analysis.entities:
        if entity.id:
            row = found.setdefault(
                entity.id,
                {
                    "id": entity.id,
                    "canonical": entity.canonical,
                    "label": entity.label,
                    "names": [],
                    "mentions": 0,
                },
            )
            row["mentions"] += 1
            if entity.text not in row["names"]:
                row["names"].append(entity.text)
    return list(found.values())


def as_json(article: Article) -> dict[str, Any]:
    """The fields scripts get for an article (`show` adds the body)."""
    day = (article.published or "")[:10]
    return {
        "id": article.id,
        "title": article.title,
        "published": day if _ISO_DAY.fullmatch(day) else article.published,
        "source": article.source,
        "author": article.author,
        "url": article.url,
        "lang": article.lang,
        "tags": list(article.tags),
        "credit": article.credit,
    }


def line(article: Article) -> str:
    """One article as a list line: short id, date, source, language, tags, title."""
    date = (article.published or "")[:10] or "-"
    source = _fit(article.source or "-", 20)
    tags = " ".join(f"#{t}" for t in article.tags)
    parts = [article.id[:SHORT_ID], f"{date:10}", source, f"{article.lang or '-':3}"]
    if tags:
        parts.append(tags)
    parts.append(article.title)
    return safe("  ".join(parts))


def safe(text: str) -> str:
    """One line of article-supplied text, with nothing a terminal would act on."""
    return text.translate(_UNSAFE)


def _fit(text: str, width: int) -> str:
    return f"{text:{width}}" if len(text) <= width else text[: width - 1] + "…"
