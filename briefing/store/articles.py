"""Articles: import with duplicate detection, metadata, bodies from the pack, tags and flags."""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields
from threading import RLock
from typing import Any

from briefing.models import Article, Highlight
from briefing.store.core import locked, no_gc, sha256_hex, utc_now
from briefing.store.durable import AppendFile
from briefing.store.errors import BodyDamaged, StoreCorrupt
from briefing.store.head import ListHead
from briefing.store.tables import JournalledTables
from briefing.tags import tag_problem

_ARTICLE_FIELDS = tuple(f.name for f in fields(Article) if f.name != "body")
_EDITABLE = set(_ARTICLE_FIELDS) - {"id"} | {"body"}
_BLANK_ARTICLE = Article(id="", title="").to_dict()


def _metadata_doc(article: Article) -> dict[str, Any]:
    """Article.to_dict(with_body=False), without dataclasses.asdict's deep copy of each field
    (a tenth of an import's store write): the fields are plain values, and the one list
    (tags) is replaced by the caller."""
    return {name: getattr(article, name) for name in _ARTICLE_FIELDS}


def _matches_content_hash(text: str, content_hash: str | None) -> bool:
    """A body stored before checksums: its content hash is of the raw or normalised text."""
    if not content_hash:
        return True
    return content_hash in (sha256_hex(text), sha256_hex(" ".join(text.split())))


@dataclass
class AddResult:
    article_id: str
    added: bool  # False: the same content was already in the store
    duplicate_of: str | None = None


class ArticlesMixin:
    """Article methods of public.Store."""

    # Relied on, defined by StoreCore, AnnotationsMixin (declared only: no value here).
    loaded: bool
    head: ListHead | None
    _mutex: RLock
    _storage: JournalledTables
    _keys: dict[str, dict[Any, int]]
    _hashes: dict[str, str]
    _bodies: AppendFile
    bodies_problem: str | None
    damaged_bodies: dict[str, str]
    _writable: Callable[[], None]
    _commit: Callable[..., None]
    _doc: Callable[[str, Any], dict | None]
    _article_doc: Callable[[str], dict]
    _append_pack: Callable[[AppendFile, list[bytes]], list[list[int]]]
    _highlights: Callable[[str | None], list[Highlight]]  # AnnotationsMixin

    # -- articles --

    @locked
    def add_articles(
        self, articles: Iterable[Article], *, batch_size: int = 1000
    ) -> list[AddResult]:
        """Add a batch (bodies included), skipping duplicates by content_hash; one fsync per batch.

        Large iterables are taken `batch_size` at a time; each finished batch is durable.
        """
        self._writable()
        results: list[AddResult] = []
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                results.extend(self._add_batch(batch))
                batch = []
        if batch:
            results.extend(self._add_batch(batch))
        return results

    def _add_batch(self, batch: list[Article]) -> list[AddResult]:
        results: list[AddResult] = []
        fresh: list[tuple[Article, str, bytes]] = []
        seen_hashes: dict[str, str] = {}
        seen_ids: set[str] = set()
        for article in batch:
            body = article.body or ""
            content_hash = article.content_hash or sha256_hex(body)
            article_id = article.id or content_hash[:12]
            first = self._hashes.get(content_hash) or seen_hashes.get(content_hash)
            if first is None and (article_id in self._keys["articles"] or article_id in seen_ids):
                first = article_id  # same id, different hash: still the same article to a user
            if first is not None:
                results.append(AddResult(first, added=False, duplicate_of=first))
                continue
            seen_hashes[content_hash] = article_id
            seen_ids.add(article_id)
            fresh.append((article, content_hash, body.encode("utf-8")))
            results.append(AddResult(article_id, added=True))
        if not fresh:
            return results
        spans = self._append_bodies([blob for _, _, blob in fresh])
        groups = []
        added = utc_now()
        for (article, content_hash, _), span in zip(fresh, spans, strict=True):
            doc = _metadata_doc(article)
            doc["id"] = seen_hashes[content_hash]
            doc["content_hash"] = content_hash
            doc["tags"] = list(dict.fromkeys(doc.get("tags") or []))
            doc["added"] = doc.get("added") or added
            doc["_body"] = span
            groups.append([("articles", doc["id"], doc)])
        # If this raises, the synced bodies stay in the pack unreferenced: wasted bytes, no harm.
        self._commit(*groups)
        for _article, content_hash, _ in fresh:
            self._hashes[content_hash] = seen_hashes[content_hash]
        return results

    def add_article(self, article: Article) -> AddResult:
        return self.add_articles([article])[0]

    def count(self) -> int:
        if not self.loaded and self.head is not None:  # deferred: the head counted them
            return self.head.count
        return self._count()

    @locked
    def _count(self) -> int:
        return len(self._keys["articles"])

    def head_articles(self) -> list[Article]:
        """The list head's rows (the newest articles, in list order) while the store is not
        loaded yet (open(deferred=True)); [] once it is: ask articles() then."""
        head = self.head
        if self.loaded or head is None:
            return []
        with no_gc():
            return [self._to_article(doc) for doc in head.rows]

    @locked
    def articles(self) -> list[Article]:
        """Every article's metadata (body None), newest published first. Never reads bodies."""
        docs = self._listed_docs()
        with no_gc():
            return [self._to_article(doc) for doc in docs]

    @locked
    def article_ids(self) -> list[str]:
        """Every article's id in the order of articles(), without building the articles (at
        100,000 they take 60 MB: the backlog asks this at every start of the reader)."""
        return [doc["id"] for doc in self._listed_docs()]

    def _listed_docs(self) -> list[dict]:
        return sorted(
            self._storage.data.get("articles", {}).values(),
            key=lambda d: (d.get("published") or "", d.get("added") or ""),
            reverse=True,
        )

    @staticmethod
    def _to_article(doc: dict) -> Article:
        # Filling __dict__ directly is 3x faster than Article(**...) and listing 10,000
        # articles is on the launch path; docs only ever hold Article fields plus _body.
        article = object.__new__(Article)
        values = article.__dict__
        values.update(_BLANK_ARTICLE)
        values.update(doc)
        values.pop("_body", None)
        values["tags"] = list(values["tags"] or ())  # never hand out the list memory holds
        return article

    @locked
    def get(self, article_id: str) -> Article | None:
        """Metadata only (body None)."""
        doc = self._doc("articles", article_id)
        return None if doc is None else self._to_article(doc)

    @locked
    def body(self, article_id: str) -> str:
        """The article's text; BodyDamaged (naming bodies.pack) when its bytes were changed."""
        return self._read_body(self._article_doc(article_id))

    def _append_bodies(self, blobs: list[bytes]) -> list[list[int]]:
        """Append to bodies.pack: [offset, length, crc32] per blob, refused on a cut pack."""
        if self.bodies_problem:
            # Appending at the cut would put new texts where old articles point.
            raise StoreCorrupt(self._bodies.path, self.bodies_problem)
        spans = self._append_pack(self._bodies, blobs)
        return [[*span, zlib.crc32(blob)] for span, blob in zip(spans, blobs, strict=True)]

    def _read_body(self, doc: dict) -> str:
        span = doc["_body"]
        offset, length = span[0], span[1]
        blob = self._bodies.read(offset, length)

        def damaged(why: str) -> BodyDamaged:
            return BodyDamaged(self._bodies.path, f"the text of article {doc['id']} {why}")

        if len(blob) != length:
            raise damaged(f"ends before byte {offset + length}")
        if len(span) > 2 and zlib.crc32(blob) != span[2]:
            raise damaged("does not match its checksum")
        try:
            text = blob.decode("utf-8")
        except UnicodeDecodeError:
            raise damaged("is not valid UTF-8") from None
        if len(span) == 2 and not _matches_content_hash(text, doc.get("content_hash")):
            raise damaged("does not match its content hash")  # stored before checksums
        return text

    def iter_bodies(self) -> Iterator[tuple[str, str]]:
        """(article_id, body) for every article, reading the pack sequentially.

        A damaged body is left out and remembered in `damaged_bodies` (id -> reason), so a
        search over the text goes on without it and can say so.
        """
        with self._mutex:
            docs = sorted(
                self._storage.data.get("articles", {}).values(), key=lambda d: d["_body"][0]
            )
        for doc in docs:
            with self._mutex:  # not held across the yield: the consumer may write meanwhile
                try:
                    body = self._read_body(doc)
                except BodyDamaged as exc:
                    self.damaged_bodies[doc["id"]] = str(exc)
                    continue
            yield doc["id"], body

    @locked
    def resolve_id(self, prefix: str) -> str | None:
        """The full id for a unique id prefix (users type short ids)."""
        if prefix in self._keys["articles"]:
            return prefix
        matches = self.ids_starting_with(prefix, limit=2)
        return matches[0] if len(matches) == 1 else None

    @locked
    def ids_starting_with(self, prefix: str, limit: int | None = None) -> list[str]:
        """Article ids that start with `prefix` (none for an empty one), sorted, at most `limit`."""
        if not prefix:
            return []
        return sorted(i for i in self._keys["articles"] if i.startswith(prefix))[:limit]

    def _update_doc(self, article_id: str, changes: dict[str, Any]) -> dict:
        doc = dict(self._article_doc(article_id))
        doc.update(changes)
        self._commit([("articles", article_id, doc)])
        return doc

    @locked
    def update_tags(
        self, article_id: str, add: Iterable[str] = (), remove: Iterable[str] = ()
    ) -> list[str]:
        """Add and remove tags (blank ones ignored); return the article's tags after."""
        removed = {t.strip() for t in remove}
        added = [t.strip() for t in add if t.strip()]
        for tag in added:
            if problem := tag_problem(tag):
                raise ValueError(f"{tag!r} is not a tag: it {problem}")
        tags = [t for t in self._article_doc(article_id).get("tags", []) if t not in removed]
        for tag in added:
            if tag and tag not in tags:
                tags.append(tag)
        self._update_doc(article_id, {"tags": tags})
        return list(tags)

    @locked
    def set_read(self, article_id: str, read: bool) -> None:
        self._update_doc(article_id, {"read": bool(read)})

    @locked
    def set_starred(self, article_id: str, starred: bool) -> None:
        self._update_doc(article_id, {"starred": bool(starred)})

    @locked
    def set_note(self, article_id: str, note: str | None) -> None:
        self._update_doc(article_id, {"note": note or None})

    @locked
    def update_article(self, article_id: str, **changes: Any) -> None:
        """Change metadata fields; a new `body` is appended and its content_hash recomputed."""
        unknown = set(changes) - _EDITABLE
        if unknown:
            raise ValueError(f"not an editable article field: {', '.join(sorted(unknown))}")
        old_hash = self._article_doc(article_id).get("content_hash")
        if "tags" in changes:
            changes["tags"] = list(dict.fromkeys(changes["tags"] or []))
        if "body" in changes:
            body = changes.pop("body") or ""
            changes["content_hash"] = sha256_hex(body)
            changes["_body"] = self._append_bodies([body.encode("utf-8")])[0]
        self._update_doc(article_id, changes)
        if "content_hash" in changes:
            self._hashes.pop(old_hash, None)
            self._hashes[changes["content_hash"]] = article_id

    @locked
    def delete_article(self, article_id: str) -> None:
        """Remove an article with its highlights, cached analysis and summary."""
        doc = self._article_doc(article_id)
        ops: list[tuple[str, Any, dict | None]] = [("articles", article_id, None)]
        ops += [("highlights", h.id, None) for h in self._highlights(article_id)]
        ops += [("analyses", article_id, None), ("summaries", article_id, None)]
        ops.append(("story_features", article_id, None))  # derived from the two above
        self._commit(ops)
        self._hashes.pop(doc.get("content_hash"), None)

    @locked
    def tag_counts(self) -> dict[str, int]:
        counts = Counter(
            t for d in self._storage.data.get("articles", {}).values() for t in d.get("tags", [])
        )
        return dict(sorted(counts.items()))
