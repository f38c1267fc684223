"""The search index beside the store: SQLite FTS5 over the articles, derived and rebuildable.

The store is the source of truth; this file only answers the filter language quickly without
an index built in memory at each launch. It holds, per article, the folded words of title,
source, author and body (FTS5, contentless: the text stays in bodies.pack), the keys of every
field (tags, language, source, entities), flags and the day, so every node of a parsed query
is one SQL lookup. It is written in the same operation as each store write (searching.py) and
thrown away and rebuilt whenever it may disagree with the store: each of its transactions
records the store's journal position it reflects, so an index that missed a write (a crash
between the journal's fsync and the index's commit) is told by a position behind the store's,
without an fsync of the index per write.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from itertools import compress
from pathlib import Path
from typing import Any, NamedTuple

from briefing.entities.joins import PeopleJoins
from briefing.query.keys import IDENTITY_FIELD, article_keys, entity_keys, iso_day, name_key
from briefing.query.nodes import Query, Text
from briefing.query.normalize import fold
from briefing.query.parser import EXACT_FIELDS

SEARCH_FILE = "search.sqlite"
SEARCH_FILES = tuple(SEARCH_FILE + suffix for suffix in ("", "-wal", "-shm", "-journal"))
FORMAT = 4  # bump when the schema or the folding changes: an older file is rebuilt
# 3: identity ids per article (the "identity" field), for people across articles
# 4: the store's journal position per transaction instead of a pending mark
TOKENIZE = "unicode61 remove_diacritics 2"  # case and accents are folded by fold() already

# Articles keep their number while their text stays the same; a new title or body gets a new
# number (AUTOINCREMENT never reuses one). A contentless FTS5 table forgets a text only when
# given it again: the old words are deleted with the old text, read back from the store; when
# that text cannot be read whole, they stay behind under the old number, matched by no article.
_SCHEMA = f"""
CREATE TABLE info(key TEXT PRIMARY KEY, value) WITHOUT ROWID;
CREATE TABLE articles(
    n INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    published TEXT NOT NULL,
    added TEXT NOT NULL,
    day TEXT NOT NULL,
    text_key TEXT NOT NULL,
    read INTEGER NOT NULL,
    starred INTEGER NOT NULL,
    noted INTEGER NOT NULL,
    anonymous INTEGER NOT NULL DEFAULT 0,
    seq INTEGER  -- the first number it had: ties in the list keep the store's own order
);
CREATE INDEX articles_day ON articles(day) WHERE day != '';
CREATE TABLE names(k INTEGER PRIMARY KEY, field TEXT NOT NULL, key TEXT NOT NULL,
                   UNIQUE(field, key));
-- part 0: keys from the article itself; part 1: keys from its analysis
CREATE TABLE keyed(k INTEGER NOT NULL, n INTEGER NOT NULL, part INTEGER NOT NULL,
                   PRIMARY KEY(k, n, part)) WITHOUT ROWID;
CREATE INDEX keyed_n ON keyed(n, part);
CREATE TABLE marks(id TEXT PRIMARY KEY, article TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX marks_article ON marks(article);
CREATE VIRTUAL TABLE words USING fts5(
    title, source, author, body,
    content='', tokenize='{TOKENIZE}', prefix='1 2 3'
);
"""
# Latin letters, Latin-1 symbols, general punctuation and the older currency signs: where the
# unicode61 tokenizer and str.isalnum() agree (a property test checks any text).
_AGREED_CHARS = "\x00-\u024f\u2000-\u2064\u206a-\u206f\u20a0-\u20b9"
_AGREED = re.compile(f"[{_AGREED_CHARS}]*")
_FOREIGN = re.compile(f"[^{_AGREED_CHARS}]+")
_NON_WORD = re.compile(r"[\W_]+")
_ARTICLE_PART, _ANALYSIS_PART = 0, 1
INDEXED_TABLES = ("articles", "summaries", "highlights")
# The identity keys the store's joins read: people (a surname alone) and organisations (an
# acronym alone), entities.joins.
_JOINED_KEYS = (
    "(({column} >= 'per:' AND {column} < 'per;') OR ({column} >= 'org:' AND {column} < 'org;'))"
)

Change = tuple[str, Any, dict | None]  # (table, key, document or None), as the store commits


class Indexed(NamedTuple):
    """An article's text as the FTS table was given it: its key and folded fields."""

    text_key: str
    fields: tuple[str, str, str, str]  # title, source, author, body


def _private(run: re.Match) -> str:
    # Each character as two private-use ones (high and low bits): unicode61 keeps those inside
    # a word whatever its Unicode 6.1 tables say of the original, and prefixes stay prefixes.
    return "".join(chr(0xF0000 + (ord(c) >> 10)) + chr(0x100000 + (ord(c) & 0x3FF)) for c in run[0])


def _folded(text: str | None) -> str:
    """The text folded so that the FTS5 tokenizer finds in it the words of normalize.words().

    fold() casefolds and strips accents (ß is ss, ﬁ is fi); in Latin text the tokenizer then
    splits where words() does. Elsewhere its Unicode 6.1 tables disagree with str.isalnum()
    here and there (newer characters, marks that became letters): such text is split here,
    and its letters outside the agreed ranges are spelt in private-use characters.
    """
    if not text:
        return ""
    folded = fold(text)
    if _AGREED.fullmatch(folded) is None:
        return _FOREIGN.sub(_private, _NON_WORD.sub(" ", folded))
    return folded


def _text_key(doc: Mapping[str, Any]) -> str:
    """What the indexed words depend on: a change means the article's text is indexed anew."""
    parts = (doc.get("title"), doc.get("source"), doc.get("author"), doc.get("content_hash"))
    return hashlib.blake2b(repr(parts).encode(), digest_size=12).hexdigest()


def indexed_fields(doc: Mapping[str, Any], body: str) -> tuple[str, str, str, str]:
    """The FTS table's columns for an article: title, source, author and body, folded."""
    return (
        _folded(doc.get("title")),
        _folded(doc.get("source")),
        _folded(doc.get("author")),
        _folded(body),
    )


def indexed(doc: Mapping[str, Any], body: str) -> Indexed:
    return Indexed(_text_key(doc), indexed_fields(doc, body))


def fts_phrase(terms: tuple[str, ...], exact: bool) -> str:
    """An FTS5 phrase for folded words in a row; unless exact, the last may be a word's start."""
    # Folded words hold letters and digits only: nothing to escape inside the quotes.
    phrase = '"' + " ".join(_FOREIGN.sub(_private, term) for term in terms) + '"'
    return phrase if exact else phrase + " *"


class SearchIndex:
    """One search.sqlite: writes from the store's commits, lookups for query nodes.

    Writes come from one thread at a time (the store's mutex); searches may come from any
    thread at once, through their own connection (WAL: readers never wait for a writer).
    """

    def __init__(self, path: Path, readonly: bool) -> None:
        self.path = path
        self.readonly = readonly
        self._writer: sqlite3.Connection | None = None
        if not readonly:
            self._writer = self._connect(path, readonly=False)
        self._reader = self._connect(path, readonly=True)
        self._read_lock = threading.Lock()
        self._cache = _ResultCache()
        self._order: tuple[list[int], list[str]] | None = None
        self._order_changed = False  # by the transaction in progress
        self._name_ids: dict[tuple[str, str], int] = {}
        # feed id -> its title and site, asked at query time (the store's feeds table)
        self.feed_lookup: Callable[[], dict[str, tuple[str, ...]]] | None = None
        # story: value -> article ids (the store's groups with the user's edits)
        self.story_lookup: Callable[[str], set[str]] | None = None
        # an id -> the store's own string for it: the list order then holds no copies
        # (100,000 ids are 6 MB for as long as the reader runs)
        self.same_ids: Callable[[list[str]], list[str]] | None = None
        # whom a surname alone means across the articles: built from the identity keys on
        # first need (no summary read), then kept by each apply()
        self._people: PeopleJoins | None = None
        self._people_lock = threading.Lock()

    @staticmethod
    def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
        mode = "ro" if readonly else "rwc"
        conn = sqlite3.connect(
            f"{path.as_uri()}?mode={mode}",
            uri=True,
            check_same_thread=False,
            isolation_level=None,  # transactions are ours: BEGIN ... COMMIT
        )
        conn.execute("PRAGMA busy_timeout = 5000")
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
            # No fsync per transaction: one lost to a power cut leaves the recorded journal
            # position behind the store's, and the index is rebuilt.
            conn.execute("PRAGMA synchronous = NORMAL")
        return conn

    # --- opening and creating ---------------------------------------------------------------

    @classmethod
    def create(cls, directory: Path) -> SearchIndex:
        """A new, empty and incomplete index in `directory` (any old one is removed first)."""
        remove_files(directory)
        writer = cls._connect(directory / SEARCH_FILE, readonly=False)
        try:
            writer.executescript(_SCHEMA)
            writer.executemany(
                "INSERT INTO info VALUES (?, ?)",
                [("format", FORMAT), ("complete", 0), ("journal", None), ("store_schema", None)],
            )
        finally:
            writer.close()
        return cls(directory / SEARCH_FILE, readonly=False)

    @classmethod
    def open(
        cls,
        directory: Path,
        readonly: bool,
        article_count: int,
        store_schema: int,
        position: str,
    ) -> SearchIndex | None:
        """The index in `directory` if it is whole and agrees with the store, else None.

        `position` is the store's journal position (journal_position()): the index agrees only
        if its last transaction recorded the same one.
        """
        path = directory / SEARCH_FILE
        if not path.is_file():
            return None
        try:
            index = cls(path, readonly)
        except sqlite3.Error:
            return None
        try:
            if index.agrees(article_count, store_schema, position):
                return index
        except sqlite3.Error:
            pass  # corrupt or not an index: rebuilt
        index.close()
        return None

    def agrees(self, article_count: int, store_schema: int, position: str) -> bool:
        info = self.info()
        return (
            info.get("format") == FORMAT
            and info.get("complete") == 1
            and info.get("journal") == position
            and info.get("store_schema") == store_schema
            and self._read_one("SELECT count(*) FROM articles") == article_count
        )

    def info(self) -> dict[str, Any]:
        with self._read_lock:
            return dict(self._reader.execute("SELECT key, value FROM info").fetchall())

    def close(self) -> None:
        # The writer last: the last connection to close folds the WAL file into the database
        # and removes it, and a read-only one cannot.
        for conn in (self._reader, self._writer):
            if conn is not None:
                conn.close()
        self._writer = None

    # --- writing ----------------------------------------------------------------------------

    def mark_complete(self, store_schema: int) -> None:
        self._set_info("store_schema", store_schema)
        self._set_info("complete", 1)

    def record_position(self, position: str) -> None:
        """The store's journal moved without an indexed change (a compaction, a new index)."""
        self._set_info("journal", position)

    def _set_info(self, key: str, value: Any) -> None:
        assert self._writer is not None, "a read-only index"
        self._writer.execute("INSERT OR REPLACE INTO info VALUES (?, ?)", (key, value))

    def apply(
        self,
        changes: Iterable[Change],
        read_body: Callable[[dict], str],
        position: str,
        previous: Callable[[str], Indexed | None] = lambda article_id: None,
    ) -> None:
        """Index the documents of one store commit and the journal position it took the store to.

        One transaction; `previous` gives an article's text as it was before this commit (its
        folded fields), so words of a replaced or deleted text leave the FTS table.
        """
        db = self._writer
        assert db is not None, "a read-only index"
        changes = list(changes)
        people = self._people
        touched = [key for table, key, _ in changes if table in ("articles", "summaries")]
        changed = False
        db.execute("BEGIN")
        try:
            before = self._person_keys(db, touched) if people is not None else []
            for table, key, doc in changes:
                changed = True
                if table == "articles":
                    self._put_article(db, key, doc, read_body, previous)
                elif table == "summaries":
                    self._put_summary(db, key, doc)
                elif table == "highlights":
                    if doc is None:
                        db.execute("DELETE FROM marks WHERE id = ?", (key,))
                    else:
                        db.execute(
                            "INSERT OR REPLACE INTO marks VALUES (?, ?)", (key, doc["article_id"])
                        )
            db.execute("INSERT OR REPLACE INTO info VALUES ('journal', ?)", (position,))
            after = self._person_keys(db, touched) if people is not None else []
            db.execute("COMMIT")
            with self._people_lock:
                if people is not None:
                    people.update(added=after, removed=before)
                elif self._people is not None:  # built by a search meanwhile: maybe without this
                    self._people = None
        except BaseException:
            db.execute("ROLLBACK")
            self._name_ids.clear()  # ids handed out in the rolled-back transaction
            raise
        finally:
            # After the commit: a search between would read, and keep, the old order.
            if changed:  # searches in flight keep the old dict; new ones start afresh
                self._cache = _ResultCache()
            if self._order_changed:
                self._order, self._order_changed = None, False

    def _put_article(
        self, db: sqlite3.Connection, article_id: str, doc: dict | None, read_body, previous
    ) -> None:
        row = db.execute("SELECT n, text_key FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is not None and (doc is None or row[1] != _text_key(doc)):
            self._forget_words(db, row[0], row[1], previous(article_id))
        if doc is None:
            if row is not None:
                db.execute("DELETE FROM articles WHERE n = ?", (row[0],))
                db.execute("DELETE FROM keyed WHERE n = ?", (row[0],))
                db.execute("DELETE FROM marks WHERE article = ?", (article_id,))
                self._order_changed = True
            return
        text_key = _text_key(doc)
        values = (
            doc.get("published") or "",
            doc.get("added") or "",
            iso_day(doc.get("published")),
            text_key,
            bool(doc.get("read")),
            bool(doc.get("starred")),
            bool((doc.get("note") or "").strip()),
        )
        if row is not None and row[1] == text_key:
            n = row[0]
            old = db.execute("SELECT published, added FROM articles WHERE n = ?", (n,)).fetchone()
            if tuple(old) != values[:2]:
                self._order_changed = True
            db.execute(
                "UPDATE articles SET published = ?, added = ?, day = ?, text_key = ?, read = ?,"
                " starred = ?, noted = ? WHERE n = ?",
                (*values, n),
            )
        else:
            anonymous, seq = 0, None
            if row is not None:  # new text: a new number, keys and flags carried over
                anonymous, seq = db.execute(
                    "SELECT anonymous, seq FROM articles WHERE n = ?", (row[0],)
                ).fetchone()
                db.execute("DELETE FROM articles WHERE n = ?", (row[0],))
            n = db.execute(
                "INSERT INTO articles (id, published, added, day, text_key, read, starred, noted,"
                " anonymous, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (article_id, *values, anonymous, seq),
            ).lastrowid
            if seq is None:
                db.execute("UPDATE articles SET seq = n WHERE n = ?", (n,))
            if row is not None:
                db.execute("UPDATE keyed SET n = ? WHERE n = ?", (n, row[0]))
            db.execute(
                "INSERT INTO words (rowid, title, source, author, body) VALUES (?, ?, ?, ?, ?)",
                (n, *indexed_fields(doc, read_body(doc))),
            )
            self._order_changed = True
        # feed: holds the id; titles and sites are matched at query time (feed_lookup), as a
        # feed's title may be learned after its articles were indexed.
        keys = article_keys(
            doc.get("tags") or (),
            doc.get("lang"),
            doc.get("source"),
            doc.get("url"),
            doc.get("feed"),
        )
        self._put_keys(db, n, _ARTICLE_PART, keys)

    @staticmethod
    def _forget_words(db: sqlite3.Connection, n: int, text_key: str, old: Indexed | None) -> None:
        # FTS5's delete must be given exactly the words inserted, or the table is damaged: only
        # a text whose key is the one indexed, and which was read whole, is taken back.
        if old is not None and old.text_key == text_key:
            db.execute(
                "INSERT INTO words (words, rowid, title, source, author, body)"
                " VALUES ('delete', ?, ?, ?, ?, ?)",
                (n, *old.fields),
            )

    def _put_summary(self, db: sqlite3.Connection, article_id: str, doc: dict | None) -> None:
        row = db.execute("SELECT n FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return  # its article comes later in a rebuild, with its summary
        n = row[0]
        keys: dict[str, tuple[str, ...]] = {}
        if doc is not None:
            keys = entity_keys(
                doc.get("people") or (),
                doc.get("organizations") or (),
                doc.get("places") or (),
                doc.get("entities") or (),
                doc.get("speakers") or (),
                [identity[1] for identity in doc.get("identities") or ()],
            )
        anonymous = bool(doc and doc.get("anonymous"))
        db.execute("UPDATE articles SET anonymous = ? WHERE n = ?", (anonymous, n))
        self._put_keys(db, n, _ANALYSIS_PART, keys)

    def _put_keys(
        self, db: sqlite3.Connection, n: int, part: int, keys: dict[str, tuple[str, ...]]
    ) -> None:
        db.execute("DELETE FROM keyed WHERE n = ? AND part = ?", (n, part))
        rows = {
            (self._name_id(db, field, key), n, part) for field, ks in keys.items() for key in ks
        }
        db.executemany("INSERT INTO keyed VALUES (?, ?, ?)", rows)

    def _name_id(self, db: sqlite3.Connection, field: str, key: str) -> int:
        k = self._name_ids.get((field, key))
        if k is None:
            found = db.execute(
                "SELECT k FROM names WHERE field = ? AND key = ?", (field, key)
            ).fetchone()
            if found is None:
                k = db.execute(
                    "INSERT INTO names (field, key) VALUES (?, ?)", (field, key)
                ).lastrowid
            else:
                k = found[0]
            if len(self._name_ids) > 200_000:  # a bound: a rebuild meets every name once
                self._name_ids.clear()
            self._name_ids[(field, key)] = k
        return k

    # --- what query nodes ask for (the Lookup protocol of query.nodes) ------------------------

    def _read_one(self, sql: str, *args: Any) -> Any:
        with self._read_lock:
            return self._reader.execute(sql, args).fetchone()[0]

    def _slots(self, cache_key: tuple, sql: str, *args: Any) -> set[int]:
        # Into the dict it read from: a write replaces self._cache meanwhile, and a result read
        # before that write must not land in the new one.
        cache = self._cache
        found = cache.get(cache_key)
        if found is None:
            with self._read_lock:
                found = {row[0] for row in self._reader.execute(sql, args)}
            cache.keep(cache_key, found)
        return found

    def everything(self) -> set[int]:
        # From the list order (the same numbers, any change to them changes the order too):
        # one query less, and 100,000 numbers held once, not twice.
        cache = self._cache
        found = cache.get(_EVERYTHING)
        if found is None:
            if self._order is None and self.same_ids is None:
                # No store maps the ids yet (opened from a list head): the numbers alone, so
                # 100,000 id strings are not held twice while the store loads beside.
                with self._read_lock:
                    found = {row[0] for row in self._reader.execute("SELECT n FROM articles")}
            else:
                found = set(self._list_order()[0])
            cache.keep(_EVERYTHING, found)
        return found

    def text_slots(self, terms: tuple[str, ...], exact: bool) -> set[int]:
        # Words of replaced texts stay in the FTS table under numbers no article holds.
        cache, cache_key = self._cache, ("text", terms, exact)
        found = cache.get(cache_key)
        if found is None:
            sql = "SELECT rowid FROM words WHERE words MATCH ?"
            with self._read_lock:  # only what articles hold is kept, not the FTS table's answer
                found = {row[0] for row in self._reader.execute(sql, (fts_phrase(terms, exact),))}
            found &= self.everything()
            cache.keep(cache_key, found)
        return found

    def field_slots(self, field: str, value: str) -> set[int]:
        if field == "feed" and self.feed_lookup is not None:
            found = self._field_slots(field, value)
            for feed_id, names in self.feed_lookup().items():
                if any(f" {value}" in name_key(name) for name in names if name):
                    found = found | self._field_slots(field, name_key(feed_id).strip())
            return found
        return self._field_slots(field, value)

    @staticmethod
    def _person_keys(db: sqlite3.Connection, article_ids: list[str]) -> list[str]:
        """The person keys of these articles' analyses, one per article naming each."""
        found: list[str] = []
        for start in range(0, len(article_ids), 500):  # below SQLite's variable limit
            chunk = article_ids[start : start + 500]
            found += [
                row[0]
                for row in db.execute(
                    "SELECT names.key FROM articles JOIN keyed ON keyed.n = articles.n"
                    " JOIN names ON names.k = keyed.k WHERE names.field = ?"
                    f" AND {_JOINED_KEYS.format(column='names.key')}"
                    f" AND articles.id IN ({','.join('?' * len(chunk))})",
                    (IDENTITY_FIELD, *chunk),
                )
            ]
        return found

    def people_joins(self) -> PeopleJoins:
        """Whom each person key is across the indexed articles (entities.joins)."""
        with self._people_lock:
            if self._people is None:
                with self._read_lock:
                    rows = self._reader.execute(
                        "SELECT key, (SELECT COUNT(*) FROM keyed WHERE keyed.k = names.k)"
                        f" FROM names WHERE field = ? AND {_JOINED_KEYS.format(column='key')}",
                        (IDENTITY_FIELD,),
                    ).fetchall()
                people = PeopleJoins()
                people.update(added=Counter({key: count for key, count in rows if count}))
                self._people = people
            return self._people

    def _field_slots(self, field: str, value: str) -> set[int]:
        if field in EXACT_FIELDS or field == IDENTITY_FIELD:
            return self._slots(
                ("field", field, value),
                "SELECT keyed.n FROM names JOIN keyed ON keyed.k = names.k"
                " WHERE names.field = ? AND names.key = ?",
                field,
                value,
            )
        # A name matches from the start of any of its words: " witk" in " steve witkoff".
        return self._slots(
            ("field", field, value),
            "SELECT keyed.n FROM keyed WHERE keyed.k IN"
            " (SELECT k FROM names WHERE field = ? AND instr(key, ?) > 0)",
            field,
            f" {value}",
        )

    def story_slots(self, value: str) -> set[int]:
        # Not cached: stories change with edits the index never sees.
        ids = sorted(self.story_lookup(value)) if self.story_lookup is not None else []
        found: set[int] = set()
        with self._read_lock:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                marks = ",".join("?" * len(chunk))
                sql = f"SELECT n FROM articles WHERE id IN ({marks})"
                found.update(row[0] for row in self._reader.execute(sql, chunk))
        return found

    def flag_slots(self, flag: str) -> set[int]:
        if flag == "unread":
            return self.everything() - self.flag_slots("read")
        if flag == "annotated":
            sql = (
                "SELECT n FROM articles WHERE noted"
                " UNION SELECT articles.n FROM marks JOIN articles ON articles.id = marks.article"
            )
        elif flag in ("read", "starred", "anonymous"):
            sql = f"SELECT n FROM articles WHERE {flag}"  # noqa: S608 (a fixed column name)
        else:
            return set()
        return self._slots(("flag", flag), sql)

    def date_slots(self, low: str | None, high: str | None) -> set[int]:
        return self._slots(
            ("date", low, high),
            "SELECT n FROM articles WHERE day != '' AND day >= ? AND day <= ?",
            low or "",
            high or "\uffff",
        )

    # --- searching --------------------------------------------------------------------------

    def matching(self, query: Query) -> set[int]:
        """The numbers of the matching articles (positions in list_order()'s numbers); a
        cached set, shared: read it, never change it."""
        found = query.root.evaluate(self)
        if isinstance(query.root, Text):
            return found  # text_slots kept only the articles' numbers: no second pass
        return found & self.everything()

    def list_order(self) -> tuple[list[int], list[str]]:
        """(numbers, ids): every article newest published first; the same lists until a
        write changes the order."""
        return self._list_order()

    def search(self, query: Query) -> list[str]:
        """Ids of the matching articles, in the store's list order (newest published first)."""
        found = self.matching(query)
        numbers, ids = self._list_order()
        if len(found) == len(numbers):
            return list(ids)
        # One C-level pass over the order, also for a few matches: 3-5 ms at 100,000, where a
        # number -> position map to sort them by took 8 MB for as long as the reader ran.
        return list(compress(ids, map(found.__contains__, numbers)))

    def _list_order(self) -> tuple[list[int], list[str]]:
        order = self._order
        if order is None:
            with self._read_lock:
                rows = self._reader.execute(
                    "SELECT n, id FROM articles ORDER BY published DESC, added DESC, seq"
                ).fetchall()
            ids = [i for _, i in rows]
            if self.same_ids is not None:
                ids = self.same_ids(ids)
            order = self._order = ([n for n, _ in rows], ids)
        return order

    def forget_order(self) -> None:
        """Read the list order again on next need (the store now maps ids to its own)."""
        self._order = None
        self._cache = _ResultCache()

    def numbers_of(self, ids: list[str]) -> dict[str, int]:
        """Article id -> its number, for these ids (a screenful: one query)."""
        found: dict[str, int] = {}
        with self._read_lock:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                sql = f"SELECT id, n FROM articles WHERE id IN ({','.join('?' * len(chunk))})"
                found.update(self._reader.execute(sql, chunk).fetchall())
        return found

    def warm(self) -> None:
        """Load the list order and the people joins now (a worker after first paint), not on
        the first keystroke."""
        self._list_order()
        self.everything()
        self.people_joins()

    def refresh(self, article_id: str) -> None:
        """Nothing to do: the store's own writes keep this index current (ArticleIndex's API)."""

    def __len__(self) -> int:
        return len(self.everything())


class _ResultCache(dict):
    """Query results (sets of article numbers) by lookup, bounded by the numbers they hold: at
    100,000 articles one keystroke's words match ~60,000, and a bound by count alone let a
    few dozen keystrokes keep hundreds of MB. The set of every article is kept through a clear
    (each search intersects with it)."""

    MEMBERS = 300_000  # ~20 MB of sets and numbers
    ENTRIES = 512  # typing a filter needs a few dozen lookups

    def __init__(self) -> None:
        super().__init__()
        self.members = 0

    def keep(self, key: tuple, found: set[int]) -> None:
        if self.members + len(found) > self.MEMBERS or len(self) >= self.ENTRIES:
            every = self.get(_EVERYTHING)
            self.clear()
            self.members = 0
            if every is not None and key != _EVERYTHING:
                self[_EVERYTHING], self.members = every, len(every)
        self[key] = found
        self.members += len(found)


_EVERYTHING = ("all",)


def remove_files(directory: Path) -> None:
    """Delete the index and its SQLite side files (it is rebuilt from the store)."""
    for name in SEARCH_FILES:
        (directory / name).unlink(missing_ok=True)
