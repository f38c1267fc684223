"""Articles not analysed yet: which, how many, and analysing them a batch at a time.

Every importer path (`briefing add`, the reader's import, feed refresh) calls
`analyse_missing` after adding articles; each analysis is stored as soon as it is made, so
work cut short (quitting, Ctrl-C, a crash) resumes at the next call with what is left.
Each analysed batch then joins its stories (or starts new ones), so stories never wait for
someone to list them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from briefing.entities import edits as identity_edits
from briefing.entities import links_version
from briefing.stories import keeping

BATCH = 8  # articles per analyse_many call: progress moves, and quitting waits for 8 at most


def unanalysed_ids(store: Any) -> list[str]:
    """Ids, in list order, of articles with no analysis, or one linked by older entity lists."""
    linked_by = links_version(identity_edits.load(store))
    # the analyses index, not the summaries: this runs at every start of the reader
    return unanalysed_among(store.article_ids(), store.analysed_links(), linked_by)


def unanalysed_among(
    ids: Iterable[str], links: dict[str, int], linked_by: int | None = None
) -> list[str]:
    """The ids with no analysis in `links` (article id -> the links version its analysis was
    made with, `store.analysed_links()`) or one linked by older entity lists or edits."""
    linked_by = links_version() if linked_by is None else linked_by
    return [article_id for article_id in ids if links.get(article_id) != linked_by]


def count_unanalysed(store: Any) -> int:
    """How many articles filters, the entity index and export cannot see the entities of yet."""
    return len(unanalysed_ids(store))


def analyse_missing(
    store: Any,
    progress: Callable[[int, int], None] | None = None,
    *,
    ids: Iterable[str] | None = None,
    batch: int = BATCH,
    on_batch: Callable[[list[str]], None] | None = None,
    analyse: Callable[..., Any] | None = None,
) -> list[str]:
    """Analyse the articles not analysed yet (only those among `ids`, when given); return them.

    progress(done, total) after each article, on_batch(ids) after each stored batch (the
    reader refreshes its filters). A progress callback may raise to stop the work (the reader
    does when it quits): what was analysed before stays stored. `analyse(store, ids, progress)`
    is analysis.analyse_many unless given (the reader's tests hand in a fake).
    """
    if analyse is None:
        from briefing.analysis import analyse_many as analyse

    todo = unanalysed_ids(store)
    if ids is not None:
        wanted = set(ids)
        todo = [article_id for article_id in todo if article_id in wanted]
    total = len(todo)
    if progress:
        progress(0, total)
    stories: keeping.Keeper | None = None  # the groups, loaded once for every batch
    for start in range(0, total, batch):
        chunk = todo[start : start + batch]

        def step(done: int, _total: int, base: int = start) -> None:
            if progress:
                progress(base + done, total)

        analyse(store, chunk, step)
        stories = keeping.join_stories(store, chunk, stories)
        if on_batch:
            on_batch(chunk)
    return todo
