"""In-memory indexes over a store's articles, built once and updated per article, for search."""

from __future__ import annotations

import threading
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import Any

from briefing.entities.joins import PeopleJoins
from briefing.models import Article, ArticleSummary
from briefing.query.keys import IDENTITY_FIELD, article_keys, entity_keys, iso_day, site
from briefing.query.nodes import Query, undecided
from briefing.query.normalize import joined
from briefing.query.parser import PREFIX_FIELDS
from briefing.query.tables import Names, Words
from briefing.store.errors import StoreCorrupt

NAME_FIELDS = PREFIX_FIELDS  # the fields whose values are names
FLAGS = ("read", "starred", "annotated", "anonymous")


def feed_names(store: Any) -> dict[str, tuple[str, ...]]:
    """Feed id -> its name and site, what feed: matches besides the id (from_articles)."""
    feeds = store.feeds() if hasattr(store, "feeds") else []  # test fakes may have none
    return {f.id: (f.name, site(f.url) or "") for f in feeds}


class ArticleIndex:
    """Everything a query needs, per article slot; built once, refreshed one article at a time.

    Without bodies, free text searches title, source and author; add_bodies() adds the text.
    Safe to use from two threads: add_bodies() in a worker while the reader searches.
    """

    def __init__(self, store: Any = None, *, body_postings: bool = True) -> None:
        """`body_postings=False`: bodies are scanned per query instead (one-off searches)."""
        self._store = store
        # add_bodies() may run in a worker thread while the reader searches and refreshes.
        self._lock = threading.RLock()
        self._ids: list[str] = []
        self._slot: dict[str, int] = {}
        self._alive: set[int] = set()
        self._order: list[int] = []  # slots in the store's list order (newest first)
        self._order_dirty = False
        self._rank: list[int] | None = None  # slot -> position in _order, built on demand
        self._ordered_ids: list[str] = []  # the ids in _order, built with _rank
        self._days: list[str] = []  # slot -> "YYYY-MM-DD" or ""
        self._sort_keys: list[tuple[str, str]] = []  # slot -> the store's (published, added)
        self._hashes: list[str | None] = []  # slot -> content_hash, to notice an edited body
        self._by_day: tuple[list[str], list[int]] | None = None  # sorted, built on demand
        self._meta = Words(compact=False)
        self._bodies = Words(compact=True, postings=body_postings)
        self._exact: dict[str, dict[str, set[int]]] = {"tag": {}, "lang": {}, IDENTITY_FIELD: {}}
        self._people = PeopleJoins()  # who a surname alone is, across these articles
        self._names = {field: Names() for field in NAME_FIELDS}
        self._values: list[dict[str, tuple[str, ...]]] = []  # slot -> field -> its keys
        self._flags: dict[str, set[int]] = {flag: set() for flag in FLAGS}
        self._feed_names: dict[str, tuple[str, ...]] = {}  # feed id -> what feed: may match

    # --- building ---------------------------------------------------------------------------

    @classmethod
    def from_store(cls, store: Any) -> ArticleIndex:
        """Index every article's metadata and analysis summary; bodies are not read."""
        highlighted = {h.article_id for h in store.highlights()}
        return cls.from_articles(
            store.articles(),
            store.summaries(),
            highlighted,
            store=store,
            feed_names=feed_names(store),
        )

    @classmethod
    def from_articles(
        cls,
        articles: Iterable[Article],
        summaries: dict[str, ArticleSummary] | None = None,
        highlighted: Iterable[str] = (),
        *,
        store: Any = None,
        body_postings: bool = True,
        feed_names: dict[str, tuple[str, ...]] | None = None,
    ) -> ArticleIndex:
        """Index articles given in list order (no store needed; refresh() then needs one).

        `feed_names`: feed id -> the names feed: also finds its articles by (title, site).
        """
        index = cls(store, body_postings=body_postings)
        index._feed_names = dict(feed_names or {})
        summaries = summaries or {}
        highlighted = set(highlighted)
        for article in articles:
            index._put(article, summaries.get(article.id), article.id in highlighted)
        index._order_dirty = False  # the order given is the store's own: keep it
        index._sorted_days()  # now, not on the first date: keystroke
        return index

    def add_bodies(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Index article texts, so free text searches them too. Ids not indexed are skipped."""
        for article_id, body in pairs:
            slot = self._slot.get(article_id)
            # Indexed already: an edited body comes through refresh(), which sees its new hash.
            if slot is None or not body or slot in self._bodies.texts:
                continue
            text = self._bodies.prepare(body)  # the slow part, done outside the lock
            # One article at a time under the lock: a reader can search between two.
            with self._lock:
                if slot not in self._bodies.texts:
                    self._bodies.add(slot, text)

    def refresh(self, article_id: str) -> None:
        """Re-read one article (new, changed or deleted) from the store."""
        if self._store is None:
            raise RuntimeError("refresh() needs an index made with a store (from_store)")
        article = self._store.get(article_id)
        if article is None:
            with self._lock:
                self._remove(article_id)
            return
        analysis = self._store.get_analysis(article_id)
        summary = ArticleSummary.from_analysis(analysis) if analysis is not None else None
        annotated = bool(self._store.highlights(article_id))
        slot = self._slot.get(article_id)
        edited = slot is not None and self._hashes[slot] != article.content_hash
        body = None
        if edited and slot in self._bodies.texts:
            try:
                body = self._store.body(article_id)
            except StoreCorrupt:  # a damaged text is searched no more; the rest still is
                body = ""
        with self._lock:
            self._put(article, summary, annotated)
            self._hashes[self._slot[article_id]] = article.content_hash
            if body is not None:
                self._bodies.replace(slot, self._bodies.prepare(body))

    def _put(self, article: Article, summary: ArticleSummary | None, highlighted: bool) -> None:
        slot = self._slot.get(article.id)
        if slot is None:
            slot = len(self._ids)
            self._ids.append(article.id)
            self._slot[article.id] = slot
            self._days.append("")
            self._sort_keys.append(("", ""))
            self._hashes.append(article.content_hash)
            self._values.append({})
            self._order.append(slot)
            self._order_dirty = True
        else:
            self._unindex(slot)
            if slot not in self._alive:  # deleted once, and back (a restore): list it again
                self._order.append(slot)
                self._order_dirty = True
        self._alive.add(slot)
        day = iso_day(article.published)
        if day != self._days[slot]:
            self._days[slot] = day
            self._by_day = None
        sort_key = (article.published or "", article.added or "")
        if sort_key != self._sort_keys[slot]:
            self._sort_keys[slot] = sort_key
            self._order_dirty = True
        self._meta.add(
            slot,
            "\n".join(joined(t or "") for t in (article.title, article.source, article.author)),
        )
        values = article_keys(
            article.tags,
            article.lang,
            article.source,
            article.url,
            article.feed,
            self._feed_names.get(article.feed or "", ()),
        )
        if summary is not None:
            values |= entity_keys(
                summary.people,
                summary.organizations,
                summary.places,
                summary.entities,
                summary.speakers,
                [identity[1] for identity in summary.identities],
            )
            self._people.update(added=values[IDENTITY_FIELD])
        for field, keys in values.items():
            if field in self._exact:
                for key in keys:
                    self._exact[field].setdefault(key, set()).add(slot)
            else:
                self._names[field].add(slot, keys)
        self._values[slot] = values
        flags = {
            "read": article.read,
            "starred": article.starred,
            "annotated": highlighted or bool(article.note and article.note.strip()),
            "anonymous": summary is not None and summary.anonymous,
        }
        for flag, on in flags.items():
            (self._flags[flag].add if on else self._flags[flag].discard)(slot)

    def _unindex(self, slot: int) -> None:
        self._meta.remove(slot)
        self._people.update(removed=self._values[slot].get(IDENTITY_FIELD, ()))
        for field, keys in self._values[slot].items():
            if field in self._exact:
                for key in keys:
                    self._exact[field][key].discard(slot)
            else:
                self._names[field].remove(slot, keys)
        self._values[slot] = {}
        for members in self._flags.values():
            members.discard(slot)

    def _remove(self, article_id: str) -> None:
        slot = self._slot.get(article_id)
        if slot is None or slot not in self._alive:
            return
        self._unindex(slot)
        self._alive.discard(slot)
        self._by_day = None
        self._order_dirty = True  # drops the slot from the list order

    # --- what query nodes ask for -----------------------------------------------------------

    def everything(self) -> set[int]:
        return self._alive

    def text_slots(self, words: tuple[str, ...], exact: bool) -> set[int]:
        found = self._meta.lookup(words, exact)
        if self._bodies.texts:
            found = found | self._bodies.lookup(words, exact)
        return found

    def field_slots(self, field: str, value: str) -> set[int]:
        if field in self._exact:
            return self._exact[field].get(value, set())
        return self._names[field].lookup(value)

    def people_joins(self) -> PeopleJoins:
        return self._people

    def flag_slots(self, flag: str) -> set[int]:
        if flag == "unread":
            return self._alive - self._flags["read"]
        return self._flags[flag]

    def _sorted_days(self) -> tuple[list[str], list[int]]:
        """Days and their slots, sorted by day, for bisecting; rebuilt after a date changes."""
        if self._by_day is None:
            pairs = sorted(
                (day, slot) for slot, day in enumerate(self._days) if day and slot in self._alive
            )
            self._by_day = ([day for day, _ in pairs], [slot for _, slot in pairs])
        return self._by_day

    def story_slots(self, value: str) -> set[int]:
        if self._store is None:
            return set()
        from briefing.stories.lookup import members  # stories sit above the query layer

        found = members(self._store, value)
        return {self._slot[i] for i in found if i in self._slot} & self._alive

    def date_slots(self, low: str | None, high: str | None) -> set[int]:
        days, slots = self._sorted_days()
        start = bisect_left(days, low) if low else 0
        end = bisect_right(days, high) if high else len(days)
        return set(slots[start:end])

    # --- searching --------------------------------------------------------------------------

    def search(self, query: Query) -> list[str]:
        """Ids of the matching articles, in the store's list order."""
        with self._lock:
            return self._search(query)

    def _search(self, query: Query) -> list[str]:
        found = query.root.evaluate(self)
        if len(self._alive) != len(self._ids):
            found = found & self._alive  # body postings keep slots of deleted articles
        order = self._ordered()
        if len(found) == len(order):
            return list(self._ordered_ids)  # everything (a common word): a copy, in C
        ids = self._ids
        if len(found) * 8 > len(order):
            return [ids[slot] for slot in order if slot in found]
        return [ids[slot] for slot in sorted(found, key=self._rank.__getitem__)]

    def _ordered(self) -> list[int]:
        if self._order_dirty:
            # The store's own key (Store.articles: published, then added, newest first); the
            # sort is stable, so ties keep the order the store gave.
            alive = dict.fromkeys(slot for slot in self._order if slot in self._alive)
            self._order = sorted(alive, key=self._sort_keys.__getitem__, reverse=True)
            self._order_dirty = False
            self._rank = None
        if self._rank is None:
            self._rank = [0] * len(self._ids)
            for position, slot in enumerate(self._order):
                self._rank[slot] = position
            self._ordered_ids = [self._ids[slot] for slot in self._order]
        return self._order

    def undecided_ids(self, query: Query) -> set[str]:
        """Ids whose match depends on their body, before bodies are added (one-off searches
        read just these: `lang:it "casa bianca"` needs only the Italian bodies)."""
        with self._lock:
            return {self._ids[slot] for slot in undecided(query.root, self) if slot in self._alive}

    def drop_caches(self) -> None:
        """Forget cached word and name lookups (benchmarks measure a cold keystroke)."""
        self._meta.clear_cache()
        self._bodies.clear_cache()
        for names in self._names.values():
            names.clear_cache()

    def __len__(self) -> int:
        return len(self._alive)

    @property
    def bodies_indexed(self) -> int:
        """How many article texts free text can search (0 until add_bodies)."""
        return len(self._bodies.texts)
