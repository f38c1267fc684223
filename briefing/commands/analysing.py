"""Analysing the articles an import added, from the command line, with a progress bar."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Any, TextIO


def _bar(stream: TextIO) -> Any:
    """Count, rate and time left on a terminal; None when the stream is a file or a pipe, so
    no bar is drawn into redirected output."""
    if not stream.isatty():
        return None
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    return Progress(
        TextColumn("analysing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
        console=Console(file=stream),
        transient=True,
    )


def analyse_new(
    store: Any, command: str, stream: TextIO | None = None, ids: Iterable[str] | None = None
) -> int:
    """Analyse what is not analysed yet (among `ids`); report on `stream` (stderr); how many.

    Ctrl-C stops between two articles: what was analysed is kept, the rest waits for the
    next `briefing add`, `briefing analyze --all` or the reader.
    """
    from briefing.backlog import analyse_missing

    stream = stream or sys.stderr
    bar = _bar(stream)
    done_ids: list[str] = []
    try:
        if bar is None:
            done_ids = analyse_missing(store, ids=ids)
        else:
            with bar:
                task = bar.add_task("analyse", total=None, rate="")

                def progress(done: int, total: int) -> None:
                    speed = bar.tasks[0].speed
                    rate = f"{speed:.1f} articles/s" if speed else ""
                    bar.update(task, completed=done, total=total, rate=rate)

                done_ids = analyse_missing(store, progress, ids=ids)
    except KeyboardInterrupt:
        print(
            f"briefing {command}: analysis interrupted; the rest is analysed by the next "
            "`briefing add`, `briefing analyze --all` or the reader",
            file=stream,
        )
        return 0
    if done_ids:
        print(f"analysed {len(done_ids)} article(s)", file=stream)
    return len(done_ids)
