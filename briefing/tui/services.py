"""The domain calls the reader makes, gathered so tests can hand in small fakes.

Each default imports its module only when first used: spaCy and friends load in a worker
thread after the first paint, never at startup.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing.models import Analysis

ProgressFn = Callable[[int, int], None]


def _import_nlp() -> None:
    """spaCy whole, once, before a worker analyses (nlp.pipeline.import_spacy: two workers
    importing it at once would see a half-initialised module)."""
    from briefing.nlp.pipeline import import_spacy

    import_spacy()


def _analyse(store: Any, article_id: str, force: bool = False) -> Analysis:
    _import_nlp()
    from briefing.analysis import analyse_article

    return analyse_article(store, article_id, force=force)


def _is_current(store: Any, article_id: str, analysis: Analysis) -> bool:
    """Whether the cached analysis is what analysing again would give (no spaCy needed)."""
    from briefing.analysis import is_current

    return is_current(store, article_id, analysis)


def _analyse_many(store: Any, ids: list[str], force: bool, progress: ProgressFn) -> None:
    _import_nlp()
    from briefing.analysis import analyse_many

    analyse_many(store, ids, progress, force=force)


def _analyse_missing(
    store: Any, progress: ProgressFn, on_batch: Callable[[list[str]], None]
) -> list[str]:
    from briefing.backlog import analyse_missing

    def analyse(store: Any, ids: list[str], step: ProgressFn) -> None:
        _import_nlp()  # only once there is something to analyse: mostly there is not
        from briefing.analysis import analyse_many

        analyse_many(store, ids, step)

    return analyse_missing(store, progress, on_batch=on_batch, analyse=analyse)


def _parse(text: str) -> Any:
    from briefing.query.parser import parse

    return parse(text)


def _query_error() -> type[Exception]:
    from briefing.query.parser import QueryError

    return QueryError


def _index(store: Any) -> Any:
    from briefing.query.index import ArticleIndex

    return ArticleIndex.from_store(store)


def _open_index(store: Any) -> Any:
    """The store's persistent search index, ready at once; None when it has none (yet)."""
    search_index = getattr(store, "search_index", None)
    return search_index() if search_index is not None else None


def _build_search_index(store: Any, progress: ProgressFn) -> Any:
    """Build the store's persistent index (once: later launches open it); None if it cannot."""
    build = getattr(store, "build_search_index", None)
    return None if build is None or store.readonly else build(progress)


@dataclass
class ImportOutcome:
    """What an import did: one line for the status bar, and the ids it added."""

    summary: str
    added: list[str]


def _import(
    store: Any, sources: list[str], progress: ProgressFn, allow_local_urls: bool = False
) -> ImportOutcome:
    from briefing.ingest import import_sources
    from briefing.ingest.adding import add_imported

    tally = add_imported(
        store,
        import_sources(sources, allow_local_urls=allow_local_urls),
        on_progress=lambda t: progress(t.seen, 0),
        batch=200,  # one fsync per batch, and progress the user can see
    )
    added, duplicates, failures = tally.added, tally.duplicates, [str(f) for f in tally.failures]
    summary = f"imported {len(added)}, {duplicates} already there, {len(failures)} failed"
    if failures:
        summary += ": " + failures[0] + (" …" if len(failures) > 1 else "")
    return ImportOutcome(summary, added)


def _refresh_feeds(
    store: Any, progress: Callable[..., None], allow_local_urls: bool = False
) -> list:
    from briefing.feeds import refresh_feeds

    return refresh_feeds(store, store.feeds(), allow_local_urls=allow_local_urls, progress=progress)


def _export(
    store: Any,
    ids: list[str],
    out: Path,
    *,
    one_file: bool,
    query: str | None,
    progress: ProgressFn,
    obsidian: bool = False,
    names: str = "en",
) -> list[Path]:
    from briefing.export import ExportOptions, export

    options = ExportOptions(obsidian=obsidian, names=names)
    return export(
        store, ids, out, one_file=one_file, query=query or "", options=options, progress=progress
    )


def _stories(store: Any) -> list:
    from briefing.stories.keeping import stories

    return stories(store)


def _export_story(store: Any, story: Any, out: Path, *, obsidian: bool, names: str) -> Path:
    from briefing.export import ExportOptions
    from briefing.export.story import export_story

    return export_story(store, story, out, options=ExportOptions(obsidian=obsidian, names=names))


def _story_copies(store: Any, story: Any) -> dict[str, list[str]]:
    """A story's wire copies: the first of each -> the others (shown once in the stories view)."""
    from briefing.stories.near_dups import fold_copies

    return fold_copies({i: store.body(i) for i in story.article_ids})


def _story_edit(store: Any, action: str, *args: Any) -> Any:
    """One of keeping's edits (merge, split, retitle, undo); returns what it returns."""
    from briefing.stories import keeping

    if action == "undo":
        return keeping.edits.undo(store)
    return getattr(keeping, action)(store, *args)


def _is_stale(analysis: Analysis, body: str, corrections_version: int) -> bool:
    """A cached analysis made before the body or the corrections changed (analysis.is_fresh;
    the pipeline is asked later, off the event loop, by the recheck worker)."""
    from briefing.analysis import body_hash, is_fresh

    return not is_fresh(analysis, body_hash(body), corrections_version)


@dataclass
class Services:
    """What the reader asks of the rest of briefing."""

    analyse: Callable[..., Analysis] = _analyse
    analyse_many: Callable[[Any, list[str], bool, ProgressFn], None] = _analyse_many
    analyse_missing: Callable[..., list[str]] = _analyse_missing
    is_current: Callable[[Any, str, Analysis], bool] = _is_current
    parse_query: Callable[[str], Any] = _parse
    query_error: Callable[[], type[Exception]] = _query_error
    build_index: Callable[[Any], Any] = _index  # in memory, when the store has no index
    open_index: Callable[[Any], Any] = _open_index
    build_search_index: Callable[[Any, ProgressFn], Any] = _build_search_index
    import_sources: Callable[..., ImportOutcome | str] = _import
    refresh_feeds: Callable[..., list] = _refresh_feeds  # (store, progress(report, done, total))
    export: Callable[..., Any] = _export
    stories: Callable[[Any], list] = _stories  # the stories in force, new articles grouped
    export_story: Callable[..., Path] = _export_story
    story_copies: Callable[[Any, Any], dict[str, list[str]]] = _story_copies
    story_edit: Callable[..., Any] = _story_edit  # (store, "merge"|"split"|"retitle"|"undo", ...)
    is_stale: Callable[[Analysis, str, int], bool] = _is_stale
