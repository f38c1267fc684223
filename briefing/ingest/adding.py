"""Imported articles into a store: the one loop `briefing add`, the reader's import and the
first run's sample articles all use, in batches (one durable write each), counting what was
added, what was already there and what failed."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from briefing.ingest.base import ImportFailure
from briefing.models import Article

BATCH = 100  # articles per store write: one fsync each, and little lost work if interrupted


@dataclass
class Tally:
    """What happened to one import."""

    added: list[str] = field(default_factory=list)  # ids, in import order
    duplicates: int = 0
    failures: list[ImportFailure] = field(default_factory=list)
    seen: int = 0  # inputs read so far, failed ones included

    def summary(self) -> str:
        return f"added {len(self.added)}, duplicates {self.duplicates}, failed {len(self.failures)}"


def add_imported(
    store: Any,
    results: Iterable[Article | ImportFailure],
    *,
    on_progress: Callable[[Tally], None] | None = None,
    batch: int = BATCH,
    tally: Tally | None = None,
) -> Tally:
    """Write `results` (from ingest.import_sources) to an open store, `batch` at a time;
    on_progress(tally) after each input. A store error stops it: what was written stays and
    `tally` (when the caller gives one) says what that was."""
    tally = tally if tally is not None else Tally()
    pending: list[Article] = []

    def flush() -> None:
        for outcome in store.add_articles(pending):
            if outcome.added:
                tally.added.append(outcome.article_id)
            else:
                tally.duplicates += 1
        pending.clear()

    for result in results:
        tally.seen += 1
        if isinstance(result, ImportFailure):
            tally.failures.append(result)
        else:
            pending.append(result)
            if len(pending) >= batch:
                flush()
        if on_progress is not None:
            on_progress(tally)
    if pending:
        flush()
    if on_progress is not None:
        on_progress(tally)
    return tally
