"""The analyses cache (JSON in a pack, indexed in cache.json) and the per-article summaries."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import orjson

from briefing.models import Analysis, ArticleSummary
from briefing.store import layout
from briefing.store.core import locked, no_gc
from briefing.store.durable import AppendFile, describe_os_error
from briefing.store.errors import StoreError
from briefing.store.tables import JournalledTables, TablesDB

_BLANK_SUMMARY = ArticleSummary(article_id="").to_dict()
_SUMMARY_LISTS = [k for k, v in _BLANK_SUMMARY.items() if isinstance(v, list)]


class AnalysesMixin:
    """Analysis-cache methods of public.Store."""

    # Relied on, defined by StoreCore (declared only: no value here).
    directory: Path
    readonly: bool
    _storage: JournalledTables
    _db: TablesDB
    _next_id: dict[str, int]
    _analyses: AppendFile | None
    last_compaction_error: str | None
    _writable: Callable[[], None]
    _lazy: Callable[..., None]
    _commit: Callable[..., None]
    _resolve: Callable[..., tuple[list, list, dict[str, int]]]
    _apply: Callable[[list], None]
    _compact: Callable[..., None]
    _doc: Callable[[str, Any], dict | None]
    _article_doc: Callable[[str], dict]
    _append_pack: Callable[[AppendFile, list[bytes]], list[list[int]]]
    _analyses_pack_name: Callable[[], str]

    # -- analyses cache and summaries --

    @locked
    def get_analysis(self, article_id: str) -> Analysis | None:
        """The cached analysis, or None (also when its pack entry is unreadable: it is a cache)."""
        doc = self._doc("analyses", article_id)
        if doc is None:
            return None
        offset, length = doc["at"]
        try:
            found = Analysis.from_dict(orjson.loads(self._analyses.read(offset, length)))
        except (orjson.JSONDecodeError, KeyError, TypeError):
            return None
        return found if found.article_id == article_id else None

    def put_analysis(self, analysis: Analysis) -> None:
        """Cache an analysis and refresh the article's summary (one durable write)."""
        self.put_analyses([analysis])

    @locked
    def put_analyses(self, analyses: Iterable[Analysis]) -> None:
        """Cache many analyses with one fsync of the pack and one of the journal."""
        analyses = list(analyses)
        for analysis in analyses:
            self._article_doc(analysis.article_id)
        self._lazy(("analyses",))
        blobs = [orjson.dumps(a.to_dict()) for a in analyses]
        spans = self._append_pack(self._analyses, blobs)
        groups = []
        for analysis, span in zip(analyses, spans, strict=True):
            aid, links = analysis.article_id, analysis.links_version
            summary = ArticleSummary.from_analysis(analysis).to_dict()
            groups.append(
                [
                    ("analyses", aid, {"article_id": aid, "at": span, "links": links}),
                    ("summaries", aid, summary),
                    ("story_features", aid, None),  # made from the analysis: made again
                ]
            )
        self._commit(*groups)

    @locked
    def load_analyses_index(self) -> None:
        """Parse the analyses index (cache.json) now, in the caller's thread, rather than when
        the first article is opened (at 100,000 articles ~0.1 s on the reader's event loop)."""
        self._lazy(("analyses",))

    @locked
    def analysed_links(self) -> dict[str, int]:
        """Article id -> the links version of its cached analysis, for every analysed article:
        read from the analyses index alone (what is left to analyse is asked at every start,
        and the summaries of 100,000 articles take 2 GB in memory)."""
        self._lazy(("analyses",))
        return {
            doc["article_id"]: doc.get("links", 0)
            for doc in self._storage.data.get("analyses", {}).values()
        }

    @locked
    def summaries(self, ids: Iterable[str] | None = None) -> dict[str, ArticleSummary]:
        """Every article's summary, or those of `ids` (the ones that have one): grouping a
        few new articles need not build 10,000."""
        self._lazy(("summaries",))
        found = {}
        if ids is None:
            docs = self._storage.data.get("summaries", {}).values()
        else:
            docs = [d for i in ids if (d := self._doc("summaries", i)) is not None]
        with no_gc():
            for doc in docs:
                summary = object.__new__(ArticleSummary)  # as in _to_article: 10,000 of these
                values = summary.__dict__
                values.update(_BLANK_SUMMARY)
                values.update(doc)
                for name in _SUMMARY_LISTS:
                    values[name] = list(values[name])
                found[summary.article_id] = summary
        return found

    @locked
    def vacuum(self) -> int:
        """Rewrite the analyses pack without superseded analyses; return the bytes freed.

        Re-analysing after every correction appends a new copy of each analysis. The live
        ones are copied into analyses.<n+1>.pack; cache.json, replaced atomically, is the
        switch: a crash before it keeps the old pack, after it the new one (the leftover
        file is removed on the next open).
        """
        self._writable()
        self._lazy(("analyses",))
        self._compact(raise_errors=True)  # an empty journal: only cache.json points into the pack
        old, index = self._analyses, self._storage.data.setdefault("analyses", {})
        live = sorted(index.values(), key=lambda doc: doc["at"][0])
        name = self._analyses_pack_name()
        generation = int(name.split(".")[1]) + 1 if name.count(".") == 2 else 1
        new = AppendFile(self.directory / f"analyses.{generation}.pack")
        spans = []
        try:
            for doc in live:
                blob = old.read(*doc["at"])
                spans.append([new.append(blob), len(blob)])
            new.sync()
        except OSError as exc:
            new.close()
            new.path.unlink(missing_ok=True)
            raise StoreError(describe_os_error(exc, new.path)) from exc
        # Memory changes as every write's does, without a journal line: the snapshot commits.
        kept = [("analyses", doc["article_id"], dict(doc)) for doc in live]
        moved = [
            ("analyses", doc["article_id"], {**doc, "at": span})
            for doc, span in zip(live, spans, strict=True)
        ]
        self._set_unjournalled(
            [*moved, ("_cache", "pack", {"key": "pack", "value": new.path.name})]
        )
        try:
            self._storage.compact()  # the commit point
        except OSError as exc:
            self._set_unjournalled([*kept, ("_cache", "pack", {"key": "pack", "value": name})])
            new.close()
            new.path.unlink(missing_ok=True)
            raise StoreError(describe_os_error(exc, self._storage.cache_path)) from exc
        freed = old.good_end - new.good_end
        self._analyses = new
        old.close()
        old.path.unlink(missing_ok=True)
        return freed

    def _set_unjournalled(self, changes: list[tuple[str, str, dict]]) -> None:
        """Change memory without a journal line (vacuum: the snapshot is the commit)."""
        _lines, resolved, next_id = self._resolve([changes])
        self._next_id = next_id
        self._apply(resolved)

    def _vacuum_if_wasteful(self) -> None:
        if self.readonly or self._analyses is None:
            return
        live = sum(doc["at"][1] for doc in self._storage.data.get("analyses", {}).values())
        if self._analyses.good_end > max(layout.VACUUM_MIN_BYTES, 2 * live):
            try:
                self.vacuum()
            except StoreError as exc:
                self.last_compaction_error = str(exc)  # the old pack is still whole
