"""The persistent search index: the same answers as the in-memory index, kept by every write,
rebuilt when missing, damaged or left behind by a crash."""

from __future__ import annotations

import random
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.models import Analysis, Article, Attribution, Facts, Highlight, NamedThing, Quote
from briefing.query import ArticleIndex, parse
from briefing.store import Store, restore
from briefing.store.search import SEARCH_FILE, SearchIndex

WORDS = "Mosca Città città Witkoff pace vicina l'Italia Casa Bianca Straße 2025 ü Roma roma".split()
PEOPLE = ["Steve Witkoff", "Vladimir Putin", "Ada Rossi", "Kirill Dmitriev"]
PLACES = ["Mosca", "Città del Vaticano", "Roma"]
SOURCES = ["ANSA", "Corriere della Sera", "Reuters", None]
URLS = ["https://www.ansa.it/a", "https://reuters.com/b", None, "http://[bad"]
DAYS = ["2025-12-18", "2025-11-02", "2026-01-05T09:00:00Z", None, "ieri"]


def _sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 8)))


def _articles(rng: random.Random, n: int) -> list[Article]:
    return [
        Article(
            id="",
            title=_sentence(rng),
            body=f"{i}. " + ". ".join(_sentence(rng) for _ in range(rng.randint(1, 6))),
            published=rng.choice(DAYS),
            source=rng.choice(SOURCES),
            author=rng.choice([None, "Redazione", "Ada Rossi"]),
            url=rng.choice(URLS),
            lang=rng.choice(["it", "en", None]),
            tags=rng.sample(["ucraina", "Russia", "a b", "x:y"], rng.randint(0, 2)),
        )
        for i in range(n)
    ]


def _analysis(rng: random.Random, article_id: str) -> Analysis:
    facts = Facts(
        people=[NamedThing(p) for p in rng.sample(PEOPLE, rng.randint(0, 2))],
        places=[NamedThing(p) for p in rng.sample(PLACES, rng.randint(0, 1))],
        quotes=[Quote(rng.choice(PEOPLE), "…", 0, 1)] if rng.random() < 0.3 else [],
        attributions=[Attribution("fonti", None, True, 0, 1)] if rng.random() < 0.3 else [],
    )
    return Analysis(article_id, "it", "test", "0", facts=facts)


def _fill(store: Store, seed: int = 3, n: int = 40) -> None:
    rng = random.Random(seed)
    store.add_articles(_articles(rng, n))
    ids = [a.id for a in store.articles()]
    store.put_analyses(_analysis(rng, i) for i in ids if rng.random() < 0.7)
    for article_id in rng.sample(ids, min(6, len(ids))):
        store.set_read(article_id, True)
    for article_id in rng.sample(ids, min(4, len(ids))):
        store.set_starred(article_id, True)
    store.set_note(ids[0], "da verificare")
    store.add_highlight(Highlight(id="", article_id=ids[1], start=0, end=2, text="ab"))


def _memory(store: Store) -> ArticleIndex:
    index = ArticleIndex.from_store(store)
    index.add_bodies(store.iter_bodies())
    return index


TERMS = [
    "mosca",
    "citta",
    "CITTÀ",
    "strasse",
    "witk",
    '"casa bianca"',
    "casa bi",
    '"casa bi"',
    "l italia",
    "2025",
    "ros",
    "tag:ucraina",
    'tag:"a b"',
    "tag:x:y",
    "person:witkoff",
    'person:"steve witkoff"',
    "person:putin",
    "place:citta",
    "entity:vladimir",
    "quote:ada",
    "source:ansa.it",
    "source:corriere",
    "source:sera",
    "lang:it",
    "lang:en",
    "is:read",
    "is:unread",
    "is:starred",
    "is:annotated",
    "anonymous:yes",
    "anonymous:no",
    "date:2025",
    "date:2025-12",
    "after:2025-12",
    "before:2026-01-05",
    "date:..2025-12-01",
    "redazione",
]


@st.composite
def queries(draw, depth: int = 0) -> str:
    if depth > 2 or draw(st.booleans()):
        return draw(st.sampled_from(TERMS))
    left, right = draw(queries(depth + 1)), draw(queries(depth + 1))
    shape = draw(st.sampled_from(["{} {}", "{} OR {}", "NOT {}", "-({})", "({}) {}"]))
    return shape.format(left, right)


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    from briefing.entities.registry import registry

    registry()  # loaded once per process (~0.5 s): not the first example's deadline to pay
    folder = tmp_path_factory.mktemp("search")
    with Store.open(folder / "store", backups_dir=folder / "backups") as store:
        _fill(store)
        yield store, _memory(store)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(queries())
def test_the_persistent_index_answers_as_the_memory_index(filled, text):
    store, memory = filled
    query = parse(text)
    assert store.search_index().search(query) == memory.search(query)


def test_cached_results_stay_within_their_bound_and_answer_the_same(filled, monkeypatch):
    # At 100,000 articles one keystroke's result holds ~60,000 numbers: the cache of results
    # is bounded by the numbers it holds, not only by how many results it keeps.
    from briefing.store import search

    store, memory = filled
    monkeypatch.setattr(search._ResultCache, "MEMBERS", 60)
    index = SearchIndex(store.search_index().path, readonly=True)  # a fresh, empty cache
    try:
        for _ in range(2):  # the second round answers partly from the cache
            for term in TERMS:
                assert index.search(parse(term)) == memory.search(parse(term)), term
                assert index._cache.members <= 60 + len(store.articles())
        assert len(index._cache) < len(TERMS)
    finally:
        index.close()


def test_every_term_finds_something_and_not_everything(filled):
    # The equivalence above means little if the terms never tell articles apart.
    store, _ = filled
    index = store.search_index()
    everything = len(store.articles())
    for term in TERMS:
        found = len(index.search(parse(term)))
        if term == '"casa bi"':  # quoted: whole words only, and "bi" is none
            assert found == 0
        else:
            assert 0 < found < everything, term


def _same(store: Store, *texts: str) -> None:
    memory = _memory(store)
    index = store.search_index()
    assert index is not None
    for text in ["", *TERMS, *texts]:
        assert index.search(parse(text)) == memory.search(parse(text)), text


def test_each_kind_of_write_reaches_the_index(temp_home):
    with Store.open() as store:
        _fill(store, seed=5, n=12)
        ids = [a.id for a in store.articles()]
        store.update_tags(ids[2], add=["Nuovo tag"], remove=["ucraina", "Russia"])
        store.set_read(ids[2], True)
        store.set_starred(ids[3], True)
        store.set_note(ids[0], None)
        store.set_note(ids[4], "una nota")
        highlight = store.add_highlight(
            Highlight(id="", article_id=ids[5], start=0, end=1, text="a")
        )
        store.delete_highlight(store.highlights(ids[1])[0].id)
        store.update_article(ids[6], title="Zanzibar oggi", published="1999-01-01")
        store.update_article(ids[7], body="Un corpo nuovissimo: Zanzibar.")
        store.put_analysis(_analysis(random.Random(1), ids[6]))
        store.delete_article(ids[8])
        _same(store, "zanzibar", "tag:nuovo", "nuovissimo", "date:1999")
        index = store.search_index()
        assert set(index.search(parse("zanzibar"))) == {ids[6], ids[7]}
        assert index.search(parse("nuovissimo")) == [ids[7]]
        assert ids[8] not in index.search(parse(""))
        store.delete_highlight(highlight.id)
        _same(store)


def test_the_index_survives_a_reopen_without_a_rebuild(temp_home):
    with Store.open() as store:
        _fill(store, n=10)
        expected = store.search_index().search(parse("mosca OR tag:ucraina"))
    path = store.directory / SEARCH_FILE
    stamp = path.stat().st_mtime_ns, path.stat().st_ino
    with Store.open() as store:
        index = store.search_index()
        assert index is not None  # there at once: no build
        assert index.search(parse("mosca OR tag:ucraina")) == expected
    assert (path.stat().st_ino,) == (stamp[1],)
    with Store.open(readonly=True) as reader:  # `briefing list` while the reader runs
        assert reader.search_index().search(parse("mosca OR tag:ucraina")) == expected


@pytest.mark.fault(
    "search index",
    "search.sqlite missing, garbage, truncated, or counting other articles than the store",
    "never answers (read-only: the in-memory index); a writer removes it and rebuilds it",
)
@pytest.mark.parametrize("damage", ["missing", "garbage", "truncated", "other count"])
def test_a_missing_or_damaged_index_is_dropped_and_rebuilt(temp_home, damage):
    with Store.open() as store:
        _fill(store, n=15)
        directory = store.directory
    path = directory / SEARCH_FILE
    if damage == "missing":
        path.unlink()
    elif damage == "garbage":
        path.write_bytes(b"not a database at all" * 100)
    elif damage == "truncated":
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 3])
    else:  # an index of another store: it counts other articles
        index = SearchIndex(path, readonly=False)
        index._writer.execute("DELETE FROM articles WHERE n IN (SELECT n FROM articles LIMIT 1)")
        index.close()
    with Store.open(readonly=True) as reader:
        assert reader.search_index() is None  # never answers from a doubtful index
    with Store.open() as store:
        assert store.search_index() is None
        built = store.build_search_index()
        assert store.search_index() is built
        _same(store)


_CRASH = textwrap.dedent(
    """
    import os, sys
    from briefing.store import Store
    from briefing.store.search import SearchIndex

    def crash(self, *args):
        os._exit(9)  # killed after the store's journal line, before the index's transaction

    SearchIndex.apply = crash
    store = Store.open(auto_backup=False)
    first = store.articles()[0].id
    store.update_tags(first, add=["dopo il crash"])
    """
)


@pytest.mark.fault(
    "search index",
    "process killed after the store's journal line, before the index's transaction",
    "the store has the write; the index, at a journal position behind it, is not trusted and is "
    "rebuilt with it",
)
def test_a_crash_between_the_store_and_the_index_leaves_no_stale_answers(temp_home, tmp_path):
    with Store.open() as store:
        _fill(store, n=8)
        first = store.articles()[0].id
    script = tmp_path / "crash.py"
    script.write_text(_CRASH)
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, str(script)], cwd=root, check=False)
    assert done.returncode == 9
    with Store.open() as store:
        assert "dopo il crash" in store.get(first).tags  # the store kept the write
        assert store.search_index() is None  # the index did not: it is not trusted
        store.build_search_index()
        assert store.search_index().search(parse('tag:"dopo il crash"')) == [first]


@pytest.mark.fault(
    "search index",
    "disk full (SQLite error) writing the index after a store write",
    "the store write stands; the index is dropped (search_problem says why) and rebuilt",
)
def test_a_failed_index_write_drops_the_index_not_the_store_write(temp_home, monkeypatch):
    import sqlite3

    with Store.open() as store:
        _fill(store, n=5)
        first = store.articles()[0].id

        def full_disk(self, *args):
            raise sqlite3.OperationalError("database or disk is full")

        monkeypatch.setattr(SearchIndex, "apply", full_disk)
        store.update_tags(first, add=["salvato"])
        assert "salvato" in store.get(first).tags
        assert store.search_index() is None and "disk is full" in store.search_problem
        monkeypatch.undo()
        store.build_search_index()
        assert store.search_index().search(parse("tag:salvato")) == [first]


def test_writes_during_a_build_are_not_lost(temp_home, monkeypatch):
    from briefing.store import searching

    monkeypatch.setattr(searching, "_BUILD_CHUNK", 3)
    with Store.open() as store:
        _fill(store, n=12)
        (Path(store.directory) / SEARCH_FILE).unlink()
    with Store.open() as store:
        ids = [a.id for a in store.articles()]
        calls = []

        def write_meanwhile(done: int, total: int) -> None:
            calls.append(done)
            if len(calls) == 1:  # after the first chunk: one indexed article, one not yet
                store.update_tags(ids[-1], add=["durante"])
                store.update_tags(ids[0], add=["durante"])
                store.delete_article(ids[1])

        store.build_search_index(write_meanwhile)
        assert len(calls) == 4
        _same(store, "tag:durante")


@pytest.mark.fault(
    "search index",
    "a backup restored over a store with an index",
    "the index of the replaced store is removed, never answers for the restored one",
)
def test_restore_drops_the_index_of_the_replaced_store(temp_home):
    with Store.open() as store:
        _fill(store, n=6)
        backup = store.backup()
        store.update_tags(store.articles()[0].id, add=["dopo il backup"])
        directory = store.directory
    restore(backup, directory)
    assert not (directory / SEARCH_FILE).exists()
    with Store.open() as store:
        store.build_search_index()
        assert store.search_index().search(parse('tag:"dopo il backup"')) == []


def test_a_new_store_has_its_index_from_the_start(temp_home):
    with Store.open() as store:
        assert store.search_index() is not None
        store.add_articles(_articles(random.Random(2), 5))
        _same(store)


def test_reindex_command_rebuilds_the_index(temp_home, capsys):
    from briefing.cli import main

    with Store.open() as store:
        _fill(store, n=7)
        directory = store.directory
    (directory / SEARCH_FILE).write_bytes(b"junk")
    assert main(["reindex"]) == 0
    assert "indexed 7 articles" in capsys.readouterr().out
    with Store.open(readonly=True) as store:
        assert store.search_index() is not None
        _same(store)


@pytest.fixture(scope="module")
def tokenizer():
    import sqlite3

    from briefing.store.search import TOKENIZE

    db = sqlite3.connect(":memory:")
    db.execute(f"CREATE VIRTUAL TABLE w USING fts5(body, tokenize={TOKENIZE!r})")
    db.execute("CREATE VIRTUAL TABLE v USING fts5vocab(w, 'instance')")
    return db


@settings(max_examples=1000)
@given(st.text(max_size=40))
def test_the_index_holds_exactly_the_words_of_the_filter_language(tokenizer, text):
    from briefing.query.normalize import words
    from briefing.store.search import _folded, fts_phrase

    tokenizer.execute("DELETE FROM w")
    tokenizer.execute("INSERT INTO w (rowid, body) VALUES (1, ?)", (_folded(text),))
    terms = [row[0] for row in tokenizer.execute("SELECT term FROM v ORDER BY offset")]
    expected = [fts_phrase((word,), exact=True)[1:-1] for word in words(text)]
    assert terms == expected
    for word in words(text):  # and each is found, whole and by its start
        for phrase in (fts_phrase((word,), True), fts_phrase((word[:1],), False)):
            found = tokenizer.execute("SELECT rowid FROM w WHERE w MATCH ?", (phrase,)).fetchall()
            assert found == [(1,)]


def _indexed_rows(store: Store, word: str) -> set[int]:
    """Rows of the FTS table holding `word`, whether or not an article still has that number."""
    index = store.search_index()
    return {
        row[0]
        for row in index._reader.execute("SELECT rowid FROM words WHERE words MATCH ?", (word,))
    }


def test_an_edited_or_deleted_text_leaves_the_word_table(temp_home):
    with Store.open() as store:
        store.add_articles(
            [
                Article(id="", title="Vecchio titolo", body="Parole antiche di Zanzibar."),
                Article(id="", title="Altro", body="Testo che resta, con Ottavia."),
            ]
        )
        by_title = {a.title: a.id for a in store.articles()}
        first, other = by_title["Vecchio titolo"], by_title["Altro"]
        store.update_article(other, body="Un testo nuovo su Zanzibar.", title="Nuovo titolo")
        assert _indexed_rows(store, "ottavia") == set()  # the old body's words
        assert _indexed_rows(store, "altro") == set()  # the old title's
        assert len(_indexed_rows(store, "zanzibar")) == 2
        store.set_read(other, True)  # same text: nothing to forget, nothing forgotten
        assert len(_indexed_rows(store, "zanzibar")) == 2
        store.delete_article(first)
        assert len(_indexed_rows(store, "zanzibar")) == 1
        assert _indexed_rows(store, "antiche") == set()
        index = store.search_index()
        index._writer.execute("INSERT INTO words (words, rank) VALUES ('integrity-check', 1)")
        assert index.search(parse("zanzibar")) == [other]


@pytest.mark.fault(
    "search index",
    "an index file from before the store's last writes (a transaction lost to a power cut, "
    "an old copy put back), counting the same articles",
    "its journal position is not the store's: never answers, rebuilt",
)
def test_an_index_behind_the_store_is_not_trusted(temp_home, tmp_path):
    with Store.open() as store:
        _fill(store, n=6)
        first = store.articles()[0].id
        directory = store.directory
    old = (directory / SEARCH_FILE).read_bytes()
    with Store.open() as store:
        store.update_tags(first, add=["dopo la copia"])
    (directory / SEARCH_FILE).write_bytes(old)
    with Store.open(readonly=True) as reader:
        assert reader.search_index() is None
    with Store.open() as store:
        assert store.search_index() is None
        store.build_search_index()
        assert store.search_index().search(parse('tag:"dopo la copia"')) == [first]


def test_writes_outside_the_index_keep_it_trusted(temp_home):
    from briefing.models import Feed

    with Store.open() as store:
        _fill(store, n=5)
        store.save_feed(Feed(id="f1", url="https://example.org/rss", title="Esempio"))
    with Store.open() as store:
        assert store.search_index() is not None  # no rebuild for a write it does not hold
        store.save_feed(Feed(id="f2", url="https://example.org/b", title="Altro"))
        store.compact()
    with Store.open(readonly=True) as reader:
        assert reader.search_index() is not None
        _same(reader)


def test_opening_the_store_reads_nothing_of_the_index_but_its_state(filled, tmp_path):
    # The list order (100,000 ids at 100,000 articles) is read by the reader's worker after
    # the first paint, never by the open that comes before it.
    store, _ = filled
    with Store.open(store.directory, readonly=True) as reader:
        assert reader._search is not None and reader._search._order is None
        assert reader._search._cache == {}


def test_the_list_order_holds_the_stores_own_id_strings(filled):
    store, _ = filled
    numbers, ids = store.search_index().list_order()
    assert ids == [a.id for a in store.articles()] and len(numbers) == len(ids)
    docs = {doc["id"]: doc["id"] for doc in store._storage.data["articles"].values()}
    assert all(i is docs[i] for i in ids)  # no second copy of 100,000 strings
