"""The filter language: parsing, errors with positions, and search over an article index."""

from __future__ import annotations

import copy

import pytest

from briefing.models import (
    Analysis,
    Article,
    ArticleSummary,
    Attribution,
    Entity,
    Facts,
    Highlight,
    NamedThing,
    Quote,
)
from briefing.query import ArticleIndex, QueryError, parse


class FakeStore:
    """Just the part of Store's contract the index reads, kept in memory."""

    def __init__(self, articles, summaries=None, highlights=(), bodies=None):
        self.by_id = {a.id: a for a in articles}
        self.summary = dict(summaries or {})
        self.marks = list(highlights)
        self.bodies = dict(bodies or {})

    def articles(self):
        return sorted(self.by_id.values(), key=lambda a: a.published or "", reverse=True)

    def get(self, article_id):
        return self.by_id.get(article_id)

    def summaries(self):
        return dict(self.summary)

    def get_analysis(self, article_id):
        summary = self.summary.get(article_id)
        return None if summary is None else _analysis_for(summary)

    def highlights(self, article_id=None):
        return [h for h in self.marks if article_id in (None, h.article_id)]

    def iter_bodies(self):
        return iter(self.bodies.items())

    def body(self, article_id):
        return self.bodies[article_id]


def _analysis_for(summary: ArticleSummary) -> Analysis:
    """An analysis whose summary is `summary` (refresh() reads analyses, not summaries)."""
    facts = Facts(
        people=[NamedThing(n) for n in summary.people],
        organizations=[NamedThing(n) for n in summary.organizations],
        places=[NamedThing(n) for n in summary.places],
        quotes=[Quote(s, "...", 0, 1) for s in summary.speakers],
        attributions=[Attribution("fonti", None, summary.anonymous, 0, 1)],
    )
    entities = [Entity(0, 1, "MISC", t) for t in summary.entities]
    return Analysis(summary.article_id, "it", "test", "0", entities=entities, facts=facts)


def _article(aid, title, published, **kw):
    return Article(id=aid, title=title, published=published, **kw)


ARTICLES = [
    _article(
        "a1",
        "Witkoff a Mosca per il piano di pace",
        "2025-12-18",
        source="Il Giornale d'Italia",
        lang="it",
        tags=["Ucraina", "diplomazia"],
        author="Mario Rossi",
    ),
    _article(
        "a2",
        "White House says talks continue",
        "2025-12-02T10:00:00+01:00",
        source="Reuters",
        lang="en",
        tags=["usa"],
        read=True,
        url="https://www.reuters.com/world/talks",
    ),
    _article(
        "a3",
        "La libertà di stampa in Europa",
        "2025-11-20",
        source="Corriere della Sera",
        lang="it",
        starred=True,
        note="rileggere",
    ),
    _article(
        "a4", "Markets fall in Asia", "2026-01-05", source="Reuters", lang="en", tags=["economia"]
    ),
    _article("a5", "Senza data", None, source="Blog", lang="fr"),
]
SUMMARIES = {
    "a1": ArticleSummary(
        "a1",
        people=["Steve Witkoff", "Vladimir Putin"],
        organizations=["Cremlino"],
        places=["Mosca"],
        entities=["Steve Witkoff", "Mosca", "18 dicembre"],
        speakers=["Steve Witkoff"],
        anonymous=True,
    ),
    "a2": ArticleSummary(
        "a2",
        people=["Karoline Leavitt"],
        organizations=["White House"],
        places=["Washington"],
        entities=["White House"],
        speakers=["Karoline Leavitt"],
    ),
    "a3": ArticleSummary("a3", places=["Europa"], entities=["Europa"]),
}
BODIES = {
    "a1": "L'inviato americano è arrivato a Mosca. «La pace è vicina», ha detto una fonte del Cremlino.",
    "a2": "The White House said talks with Moscow would continue next week.",
    "a3": "Un rapporto sulla libertà di stampa e sulla Casa Bianca.",
    "a4": "Stocks in Tokyo and Seoul fell sharply on Monday.",
}


@pytest.fixture
def store():
    # Copies: tests change tags and flags in place, as the real store's callers would.
    articles = copy.deepcopy(ARTICLES)
    return FakeStore(articles, SUMMARIES, [Highlight("h1", "a2", 0, 5, "The W")], BODIES)


@pytest.fixture
def index(store):
    return ArticleIndex.from_store(store)


def ids(index, text):
    return index.search(parse(text))


# --- searching ------------------------------------------------------------------------------


def test_empty_query_matches_everything_in_store_order(index):
    assert ids(index, "") == ["a4", "a1", "a2", "a3", "a5"]
    assert ids(index, "   ") == ids(index, "")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Mosca", ["a1"]),  # case
        ("mosca", ["a1"]),
        ("liberta", ["a3"]),  # accents
        ("LIBERTÀ", ["a3"]),
        ("witk", ["a1"]),  # the start of a word
        ("reuters", ["a4", "a2"]),  # source
        ("rossi", ["a1"]),  # author
        ('"white house"', ["a2"]),
        ('"house white"', []),
        ('"witk"', []),  # quoted: whole words only
        ("giornale d'italia", ["a1"]),
    ],
)
def test_free_text_searches_titles_and_metadata(index, query, expected):
    assert ids(index, query) == expected


def test_bodies_are_searched_once_added(index, store):
    assert ids(index, "cremlino") == []
    assert ids(index, '"casa bianca"') == []
    index.add_bodies(store.iter_bodies())
    assert index.bodies_indexed == 4
    assert ids(index, "cremlino") == ["a1"]
    assert ids(index, '"casa bianca"') == ["a3"]
    assert ids(index, '"bianca casa"') == []
    assert ids(index, "moscow OR tokyo") == ["a4", "a2"]
    assert ids(index, '"la pace e vicina"') == ["a1"]  # accents and punctuation ignored


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("tag:ucraina", ["a1"]),
        ("tag:UCRAINA", ["a1"]),
        ("tag:ucr", []),  # tags match whole
        ("person:witkoff", ["a1"]),
        ('person:"Steve Witkoff"', ["a1"]),
        ("person:steve", ["a1"]),
        ("person:teve", []),  # from a word's start only
        ('person:"Mr Witkoff"', ["a1"]),  # a form of address is no part of the name
        ('person:"il signor Witkoff"', ["a1"]),
        ("org:cremlino", ["a1"]),
        ('org:"white house"', ["a2"]),
        ("place:mosca", ["a1"]),
        ("place:washington", ["a2"]),
        ("entity:europa", ["a3"]),
        ('entity:"18 dicembre"', ["a1"]),
        ("entity:putin", ["a1"]),  # people count as entities
        ("lang:it", ["a1", "a3"]),
        ("lang:EN", ["a4", "a2"]),
        ("lang:fr", ["a5"]),
        ("source:reuters", ["a4", "a2"]),
        ("source:reuters.com", ["a2"]),  # the site of the URL counts as a source
        ('source:"giornale d\'italia"', ["a1"]),
        ("quote:leavitt", ["a2"]),
        ("quote:putin", []),
        ("anonymous:yes", ["a1"]),
        ("anonymous:no", ["a4", "a2", "a3", "a5"]),
        ("is:read", ["a2"]),
        ("is:unread", ["a4", "a1", "a3", "a5"]),
        ("is:starred", ["a3"]),
        ("is:annotated", ["a2", "a3"]),  # a highlight, a note
    ],
)
def test_fields(index, query, expected):
    assert ids(index, query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("date:2025-12-01..2025-12-31", ["a1", "a2"]),
        ("date:2025-12", ["a1", "a2"]),
        ("date:2025-12-18", ["a1"]),
        ("date:2025-12-02", ["a2"]),  # a full datetime counts by its day
        ("date:2025", ["a1", "a2", "a3"]),
        ("date:..2025-12-01", ["a3"]),
        ("date:2025-12-18..", ["a4", "a1"]),
        ("after:2025-12-18", ["a4"]),  # after and before exclude the day named
        ("after:2025-11", ["a4", "a1", "a2"]),
        ("before:2025-12-18", ["a2", "a3"]),
        ("before:2025-12", ["a3"]),
        ("after:2025-11-30 before:2026", ["a1", "a2"]),
    ],
)
def test_dates(index, query, expected):
    assert ids(index, query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("lang:it tag:ucraina", ["a1"]),
        ("lang:it AND is:starred", ["a3"]),
        ("tag:usa OR tag:economia", ["a4", "a2"]),
        ("lang:en -tag:usa", ["a4"]),
        ("lang:en NOT tag:usa", ["a4"]),
        ("NOT lang:en", ["a1", "a3", "a5"]),
        ("-reuters", ["a1", "a3", "a5"]),
        ("(lang:it OR lang:fr) -is:starred", ["a1", "a5"]),
        ("lang:it OR lang:fr -is:starred", ["a1", "a3", "a5"]),  # AND binds tighter than OR
        ("NOT (lang:it OR lang:en)", ["a5"]),
        ("NOT NOT lang:fr", ["a5"]),
        ("-(-lang:fr)", ["a5"]),
        ("– mosca", ["a1"]),  # a dash alone is punctuation, not NOT
    ],
)
def test_boolean_logic(index, query, expected):
    assert ids(index, query) == expected


def test_refresh_sees_tag_read_star_and_note_changes(index, store):
    a5 = store.by_id["a5"]
    a5.tags = ["Nuovo"]
    a5.read = True
    a5.note = "un appunto"
    index.refresh("a5")
    assert ids(index, "tag:nuovo") == ["a5"]
    assert "a5" in ids(index, "is:read")
    assert "a5" in ids(index, "is:annotated")
    store.by_id["a1"].tags = []
    index.refresh("a1")
    assert ids(index, "tag:ucraina") == []


def test_refresh_adds_new_articles_in_date_order_and_drops_deleted(index, store):
    store.by_id["a6"] = _article("a6", "Nuovo vertice a Mosca", "2025-12-20", lang="it")
    store.summary["a6"] = ArticleSummary("a6", people=["Steve Witkoff"])
    index.refresh("a6")
    assert ids(index, "mosca") == ["a6", "a1"]
    assert ids(index, "person:witkoff") == ["a6", "a1"]
    assert ids(index, "")[:3] == ["a4", "a6", "a1"]
    del store.by_id["a1"]
    index.refresh("a1")
    assert ids(index, "mosca") == ["a6"]
    assert "a1" not in ids(index, "")
    assert len(index) == 5


def test_an_article_deleted_and_restored_is_listed_once(index, store):
    a1 = store.by_id.pop("a1")
    index.refresh("a1")
    assert "a1" not in ids(index, "")
    store.by_id["a1"] = a1
    index.refresh("a1")
    assert ids(index, "") == ["a4", "a1", "a2", "a3", "a5"]
    assert ids(index, "mosca") == ["a1"]


def test_refresh_sees_a_new_analysis_and_highlight(index, store):
    assert ids(index, "person:rossi") == []
    store.summary["a4"] = ArticleSummary("a4", people=["Paolo Rossi"])
    store.marks.append(Highlight("h2", "a4", 0, 3, "Sto"))
    index.refresh("a4")
    assert ids(index, "person:rossi") == ["a4"]
    assert "a4" in ids(index, "is:annotated")


def test_deleted_article_is_not_found_through_its_body(index, store):
    index.add_bodies(store.iter_bodies())
    del store.by_id["a4"]
    index.refresh("a4")
    assert ids(index, "tokyo") == []


def test_an_edited_body_is_searched_anew(index, store):
    index.add_bodies(store.iter_bodies())
    assert ids(index, "tokyo") == ["a4"]
    store.bodies["a4"] = "Le borse di Milano e Parigi chiudono in calo."
    store.by_id["a4"].content_hash = "new"
    index.refresh("a4")
    assert ids(index, "tokyo") == []
    assert ids(index, "tok") == []
    assert ids(index, "parigi") == ["a4"]
    assert ids(index, '"borse di milano"') == ["a4"]


def test_bodies_indexed_in_a_thread_while_searching(store):
    import threading

    many = [_article(f"b{i:04d}", f"Titolo {i}", f"2025-01-{i % 28 + 1:02d}") for i in range(2000)]
    index = ArticleIndex.from_articles(many, store=store)
    query = parse("parola OR titolo")
    worker = threading.Thread(
        target=index.add_bodies,
        args=([(a.id, f"testo con la parola{i % 7}") for i, a in enumerate(many)],),
    )
    worker.start()
    while worker.is_alive():
        assert len(index.search(query)) == 2000  # every title matches; never an error
    worker.join()
    assert len(index.search(parse("parola3"))) == len([i for i in range(2000) if i % 7 == 3])


def test_one_parsed_query_is_evaluated_many_times(index, store):
    query = parse("tag:nuovo")
    assert index.search(query) == []
    store.by_id["a4"].tags = ["nuovo"]
    index.refresh("a4")
    assert index.search(query) == ["a4"]


def test_search_terms_for_highlighting():
    query = parse('Mosca "casa bianca" -tokyo tag:x')
    assert query.search_terms() == [("mosca",), ("casa", "bianca")]
    assert parse("").matches_all


# --- errors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "position", "says"),
    [
        ("(lang:it", 0, "never closed"),
        ("lang:it)", 7, "no matching"),
        ('person:"Steve', 7, "never closed"),
        ("foo:bar", 0, "unknown field"),
        ("mosca OR", 6, "OR needs"),
        ("OR mosca", 0, "missing"),
        ("mosca NOT", 6, "negate"),
        ("mosca AND", 6, "AND"),
        ("tag:", 0, "needs a value"),
        ("()", 0, "empty"),
        ("is:nuovo", 3, "is:"),
        ("anonymous:forse", 10, "yes or no"),
        ("date:2025-13", 5, "no such month"),
        ("date:2025-02-30", 5, "no such day"),
        ("date:2025-12-01..2025-13", 17, "no such month"),
        ("date:2025-12-31..2025-12-01", 5, "ends before"),
        ("date:dicembre", 5, "not a date"),
        ("after:2025-12..", 6, "not a date"),
        ("x " + "(" * 200 + "y" + ")" * 200, 2 + 64, "nested"),
    ],
)
def test_bad_queries_raise_query_error_with_position(query, position, says):
    with pytest.raises(QueryError) as caught:
        parse(query)
    assert caught.value.position == position
    assert says in caught.value.message
    assert isinstance(caught.value, ValueError)


def test_error_pointer_puts_a_caret_under_the_position():
    with pytest.raises(QueryError) as caught:
        parse("lang:it is:nuovo")
    assert caught.value.pointer("lang:it is:nuovo") == "lang:it is:nuovo\n           ^"


def test_text_with_colons_can_be_quoted(index):
    assert ids(index, '"foo:bar"') == []
    assert ids(index, "10:30") == []  # digits before ':' are no field


def test_odd_metadata_is_indexed_without_error():
    odd = [
        Article("o1", "", url="http://[::1", published="18/12/2025", lang="", tags=["", " "]),
        Article("o2", "\x1b[31m!!!", url="not a url", published="2025-12", source=" "),
    ]
    index = ArticleIndex.from_articles(odd)
    assert index.search(parse("")) == ["o1", "o2"]  # the order given
    assert index.search(parse("date:2025")) == []  # not ISO days: no date to match
    assert index.search(parse("source:x")) == []
