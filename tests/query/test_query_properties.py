"""Property tests: any string parses or raises QueryError only; NOT and OR behave as sets."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.models import Article, ArticleSummary
from briefing.query import ArticleIndex, QueryError, fold, parse, words

ARTICLES = [
    Article(
        "p1",
        "Witkoff a Mosca: «La pace è vicina»",
        published="2025-12-18",
        source="ANSA",
        lang="it",
        tags=["ucraina"],
    ),
    Article(
        "p2",
        "Città più vivibili, l'Italia è terza",
        published="2025-11-02",
        source="Corriere",
        lang="it",
        read=True,
    ),
    Article(
        "p3",
        "Talks in Moscow (again)",
        published="2026-01-05T09:00:00Z",
        source="Reuters",
        lang="en",
        starred=True,
    ),
    Article(
        "p4", "OR AND NOT: a headline about logic", source="Blog", lang="en", tags=["x:y", "a b"]
    ),
]
SUMMARIES = {"p1": ArticleSummary("p1", people=["Steve Witkoff"], places=["Mosca"], anonymous=True)}
BODIES = [("p1", "Un testo con è, à, ü e 'virgolette'."), ("p3", "Moscow said no (no).")]


def _index(body_postings: bool = True) -> ArticleIndex:
    index = ArticleIndex.from_articles(
        ARTICLES, SUMMARIES, highlighted={"p3"}, body_postings=body_postings
    )
    index.add_bodies(BODIES)
    return index


INDEX = _index()
SCANNING = _index(body_postings=False)
EVERY = set(INDEX.search(parse("")))
# Characters that mean something to the parser, so random strings hit its corners often.
SYNTAX = st.text(alphabet='()"“”«»-: \t\nORANDTorantagis.date20251-lprsnéÀ', max_size=40)
TERMS = st.sampled_from(
    [
        "mosca",
        "Città",
        "citta",
        "'la pace'",
        '"la pace"',
        "tag:ucraina",
        'tag:"a b"',
        "person:witkoff",
        "place:MOSCA",
        "lang:it",
        "lang:en",
        "is:read",
        "is:unread",
        "is:starred",
        "is:annotated",
        "anonymous:yes",
        "anonymous:no",
        "date:2025",
        "date:..2025-12-01",
        "after:2025-12",
        "before:2026-01-05",
        "source:reuters",
        "moscow",
        '"no"',
    ]
)


@st.composite
def queries(draw, depth: int = 0) -> str:
    """Well-formed queries built from TERMS with AND, OR, NOT, '-' and parentheses."""
    if depth > 2 or draw(st.booleans()):
        return draw(TERMS)
    left = draw(queries(depth + 1))
    right = draw(queries(depth + 1))
    shape = draw(st.sampled_from(["{} {}", "{} OR {}", "{} AND {}", "NOT {}", "-({})", "({}) {}"]))
    return shape.format(left, right)


@pytest.mark.fault(
    "query",
    "arbitrary query strings, syntax characters included (hypothesis)",
    "parses, or QueryError with a position inside the text; never another exception",
)
@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=60), SYNTAX))
def test_any_string_parses_or_raises_query_error_only(text):
    try:
        query = parse(text)
    except QueryError as error:
        assert 0 <= error.position <= len(text)
        assert error.message
        return
    assert set(INDEX.search(query)) <= EVERY


@settings(max_examples=200)
@given(queries())
def test_not_is_the_complement_and_or_the_union(text):
    found = set(INDEX.search(parse(text)))
    assert set(INDEX.search(parse(f"NOT ({text})"))) == EVERY - found
    assert set(INDEX.search(parse(f"-({text})"))) == EVERY - found
    assert set(INDEX.search(parse(f"({text}) OR NOT ({text})"))) == EVERY
    assert INDEX.search(parse(f"({text}) -({text})")) == []


@settings(max_examples=200)
@given(queries(), queries())
def test_juxtaposition_is_intersection_and_or_is_union(a, b):
    found_a = set(INDEX.search(parse(a)))
    found_b = set(INDEX.search(parse(b)))
    assert set(INDEX.search(parse(f"({a}) ({b})"))) == found_a & found_b
    assert set(INDEX.search(parse(f"({a}) OR ({b})"))) == found_a | found_b


@settings(max_examples=200)
@given(
    st.one_of(
        queries(), st.sampled_from(["mo", "m", "v", "no", '"no"', "moscow said", "testo con"])
    )
)
def test_scanning_bodies_finds_what_postings_find(text):
    query = parse(text)
    assert SCANNING.search(query) == INDEX.search(query)


@given(st.text())
def test_words_are_the_alphanumeric_runs_of_the_folded_text(text):
    assert words(text) == re.findall(r"[^\W_]+", fold(text))


@settings(max_examples=200)
@given(queries())
def test_bodies_of_undecided_articles_are_enough(text):
    query = parse(text)
    index = ArticleIndex.from_articles(ARTICLES, SUMMARIES, highlighted={"p3"})
    needed = index.undecided_ids(query)
    index.add_bodies([(i, body) for i, body in BODIES if i in needed])
    assert index.search(query) == INDEX.search(query)


def test_undecided_ids_skip_what_fields_settle():
    index = ArticleIndex.from_articles(ARTICLES, SUMMARIES)
    assert index.undecided_ids(parse("lang:en said")) == {"p3", "p4"}
    assert index.undecided_ids(parse("lang:it OR said")) == {"p3", "p4"}
    assert index.undecided_ids(parse("talks")) == {"p1", "p2", "p4"}  # p3's title says it
    assert index.undecided_ids(parse("tag:ucraina")) == set()


@settings(max_examples=200)
@given(st.lists(st.text(max_size=60), min_size=1, max_size=4), st.data())
def test_scan_and_postings_agree_on_any_text(bodies, data):
    articles = [Article(f"x{i}", "-") for i in range(len(bodies))]
    pairs = [(f"x{i}", body) for i, body in enumerate(bodies)]
    with_postings = ArticleIndex.from_articles(articles)
    with_postings.add_bodies(pairs)
    scanning = ArticleIndex.from_articles(articles, body_postings=False)
    scanning.add_bodies(pairs)
    runs = [words(body) for body in bodies if words(body)]
    if not runs:
        return
    run = data.draw(st.sampled_from(runs))
    start = data.draw(st.integers(0, len(run) - 1))
    chosen = run[start : start + data.draw(st.integers(1, 3))]
    chosen[-1] = chosen[-1][: data.draw(st.integers(1, len(chosen[-1])))]  # maybe a word's start
    for text in (" ".join(chosen), '"' + " ".join(chosen) + '"'):
        query = parse(text)
        assert scanning.search(query) == with_postings.search(query), text


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


@settings(max_examples=100)
@given(st.sampled_from([w for a in ARTICLES for w in a.title.split() if w.isalpha()]))
def test_case_and_accents_never_matter(word):
    found = INDEX.search(parse(f'"{word}"'))
    assert found  # every title word finds its article
    for variant in (word.upper(), word.lower(), _strip_accents(word), word.swapcase()):
        assert INDEX.search(parse(f'"{variant}"')) == found
