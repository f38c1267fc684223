"""The reader's background work: indexing, analysis, re-analysis, import and export.

Each runs in a thread worker and reports with post_message, never touching widgets itself.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from textual import work
from textual.worker import get_current_worker

from briefing.text import fold
from briefing.tui.messages import (
    AnalysisReady,
    ArticlesChanged,
    IndexReady,
    ListLoaded,
    Progress,
    TaskFinished,
)
from briefing.tui.wording import plural


class Cancelled(Exception):
    """Raised from a progress report when the app cancelled the worker (it is quitting)."""


def _reporter(post, task: str):
    """A progress(done, total) callback that reports, and stops the work once cancelled.

    A thread cannot be killed: without this, quitting during a long re-analysis would wait
    for all of it, writing to a store that is being closed.
    """
    worker = get_current_worker()

    def progress(done: int, total: int) -> None:
        if worker.is_cancelled:
            raise Cancelled(task)
        post(Progress(task, done, total or None))

    return progress


class Tasks:
    """Mixed into BriefingApp; expects self.store, self.services, self.index, self.post_message."""

    store: Any
    services: Any
    index: Any
    config: Any
    filter_text: str
    by_id: dict
    import_summary: str = ""  # the last import's, until the analysis of what it added ends
    unanalysed_left: int = 0  # what entity filters cannot see yet (the backlog's count)

    @work(thread=True, exclusive=True, group="load")
    def load_list(self) -> None:
        """The store parsed whole after first paint (it was opened from its list head): every
        article for the list, and the search index. Calls from the event loop meanwhile wait
        for it (the store's lock), so the app asks none until ListLoaded."""
        try:
            self.store.load()
            articles = self.store.articles()
            index = self.services.open_index(self.store)
            self.store.load_analyses_index()  # the first article opens without parsing it
        except Exception as exc:  # noqa: BLE001 (a damaged store: the app says so and quits)
            self.post_message(ListLoaded([], error=str(exc)))
            return
        self.post_message(ListLoaded(articles, index))

    @work(thread=True, exclusive=True, group="index")
    def build_index(self) -> None:
        """The store's search index: opened at mount when it has one; else built once here
        (later launches open it), or, when that cannot be, an index in memory."""
        worker = get_current_worker()
        if self.index is not None:
            warm = getattr(self.index, "warm", None)
            if warm is not None:
                warm()  # the list order, read now rather than on the first keystroke
            return
        total = self.store.count()

        def progress(done: int, total: int) -> None:
            if worker.is_cancelled:
                raise Cancelled("indexing")
            if done % 2000 < 100:  # each report redraws the status line: not too often
                self.post_message(Progress("indexing", done, total))

        try:
            built = self.services.build_search_index(self.store, progress)
        except Cancelled:
            return
        except Exception:  # noqa: BLE001 (a disk or SQLite problem: search from memory instead)
            built = None
        if built is not None:
            self.index = built
            self.post_message(IndexReady(complete=True))
            self.post_message(TaskFinished("indexing", f"{total} articles indexed"))
            return
        self._build_memory_index(worker)

    def _build_memory_index(self, worker: Any) -> None:
        """Metadata and summaries first (filters work at once), then every body for free text."""
        index = self.services.build_index(self.store)
        self.index = index
        self.post_message(IndexReady(complete=False))
        total = self.store.count()
        pairs = []
        for done, pair in enumerate(self.store.iter_bodies(), 1):
            pairs.append(pair)
            if len(pairs) >= 100:
                if worker.is_cancelled:
                    return
                index.add_bodies(pairs)
                pairs = []
                time.sleep(0.002)  # hand the GIL to the event loop: typing stays quick
                if done % 2000 == 0:  # each report redraws the status line: not too often
                    self.post_message(Progress("indexing", done, total))
        index.add_bodies(pairs)
        self.post_message(IndexReady(complete=True))
        self.post_message(TaskFinished("indexing", f"{plural(total, 'article')} indexed"))

    @work(thread=True, exclusive=True, group="analysis")
    def analyse_open(self, article_id: str) -> None:
        """Analyse the open article (loading the pipeline the first time), off the event loop."""
        self.post_message(Progress("analysing", 0, None))
        try:
            analysis = self.services.analyse(self.store, article_id, force=False)
        except Exception as exc:  # the reader must stay usable whatever the analyser does
            self.post_message(TaskFinished("analysing", "", error=f"analysis failed: {exc}"))
            return
        self.post_message(AnalysisReady(article_id, analysis))
        self.post_message(
            TaskFinished("analysing", plural(len(analysis.entities), "entity", "entities"))
        )

    @work(thread=True, exclusive=True, group="recheck")
    def recheck_open(self, article_id: str, cached: Any) -> None:
        """Redo the open article's cached analysis if an older pipeline made it (briefing or a
        model was upgraded); quiet when it is current, which is almost always, and then
        without loading spaCy."""
        try:
            if self.services.is_current(self.store, article_id, cached):
                return
            analysis = self.services.analyse(self.store, article_id, force=False)
        except Exception:  # a check: the cached analysis stays on screen
            return
        if analysis.analysed_at != cached.analysed_at:
            self.post_message(AnalysisReady(article_id, analysis))
            self.post_message(TaskFinished("analysing", "re-analysed with the current pipeline"))

    @work(thread=True, exclusive=True, group="backlog")
    def analyse_backlog(self) -> None:
        """Analyse every article not analysed yet, a batch at a time, so filters and the entity
        index come to see them all; quitting stops it, and the next start resumes it."""
        worker = get_current_worker()

        def progress(done: int, total: int) -> None:
            if worker.is_cancelled:
                raise Cancelled("analysing")
            self.unanalysed_left = total - done
            if total:  # quiet when there is nothing to do, which is almost always
                text = f"analysed {done:,} of {total:,}"
                self.post_message(Progress("analysing", done, total, text))

        def batch_done(ids: list[str]) -> None:
            self.post_message(ArticlesChanged(ids, analysed=True))  # filters see them now

        try:
            done = self.services.analyse_missing(self.store, progress, batch_done)
        except Cancelled:
            return
        except Exception as exc:  # reported, not raised: the reader stays usable
            self.post_message(TaskFinished("analysing", "", error=f"analysis failed: {exc}"))
            return
        self.unanalysed_left = 0
        if done:
            # after an import, its summary stays in view beside the analysis's
            said = f"analysed {len(done):,} article(s)"
            if self.import_summary:
                said, self.import_summary = f"{self.import_summary}; {said}", ""
            self.post_message(TaskFinished("analysing", said))

    @work(thread=True, exclusive=True, group="reanalyse")
    def reanalyse(self, text: str, summary: str, first: str | None = None) -> None:
        """Re-analyse every article whose text holds `text` (after a correction changed)."""
        # Shown at once: the first report would otherwise wait for the pipeline to reload.
        self.post_message(Progress("re-analysing", 0, None))
        needle = fold(text)
        ids = [aid for aid, body in self.store.iter_bodies() if needle and needle in fold(body)]
        if first in ids:  # the article on screen comes back first
            ids.remove(first)
            ids.insert(0, first)

        progress = _reporter(self.post_message, "re-analysing")
        progress(0, len(ids))
        try:
            self.services.analyse_many(self.store, ids, True, progress)
        except Cancelled:
            return
        except Exception as exc:  # reported, not raised: the reader stays usable
            self.post_message(TaskFinished("re-analysing", "", error=f"re-analysis failed: {exc}"))
            return
        self.post_message(ArticlesChanged(ids))
        self.post_message(TaskFinished("re-analysing", f"{summary}: {plural(len(ids), 'article')}"))

    @work(thread=True, exclusive=True, group="import")
    def import_sources(self, sources: list[str]) -> None:
        before = set(self.by_id)  # the app's own list: no store-wide read needed

        progress = _reporter(self.post_message, "importing")
        try:
            outcome = self.services.import_sources(
                self.store, sources, progress, allow_local_urls=self.config.allow_local_urls
            )
        except Cancelled:
            return
        except Exception as exc:  # reported, not raised: the reader stays usable
            self.post_message(TaskFinished("importing", "", error=f"import failed: {exc}"))
            return
        if isinstance(outcome, str):  # an importer that only reports: find what it added
            summary, added = outcome, [a.id for a in self.store.articles() if a.id not in before]
        else:
            summary, added = outcome.summary, outcome.added
        self.import_summary = summary if added else ""
        self.post_message(ArticlesChanged(added, added=True))
        self.post_message(TaskFinished("importing", summary))

    @work(thread=True, exclusive=True, group="export")
    def export_articles(self, ids: list[str], out: Path, one_file: bool) -> None:
        progress = _reporter(self.post_message, "exporting")
        try:
            result = self.services.export(
                self.store,
                ids,
                out,
                one_file=one_file,
                query=self.filter_text or None,
                progress=progress,
                obsidian=self.config.obsidian,
                names=self.config.names,
            )
        except Cancelled:
            return
        except Exception as exc:  # reported, not raised: the reader stays usable
            self.post_message(TaskFinished("exporting", "", error=f"export failed: {exc}"))
            return
        written = len(result) if isinstance(result, list | tuple) else 1
        self.post_message(
            TaskFinished(
                "exporting",
                f"exported {plural(len(ids), 'article')} to {out} ({plural(written, 'file')})",
            )
        )
