"""An article's grouping features: its day is the store's publication date, else the date its
text's first lines give (a store may hold articles imported before datelines were read)."""

from __future__ import annotations

import datetime as dt

from briefing.models import Article
from briefing.stories.features import features_of

BODY = (
    "Il governo ha approvato la manovra dopo una lunga riunione notturna a Palazzo Chigi, "
    "con molte tensioni tra i partiti della maggioranza."
)


def _day(iso: str) -> int:
    return dt.date.fromisoformat(iso).toordinal()


def test_the_publication_date_is_the_day():
    article = Article(id="a", title="Manovra", body=BODY, published="2025-12-03T10:00:00+01:00")
    assert features_of(article, None, article.body).day == _day("2025-12-03")


def test_the_store_date_wins_over_a_dateline_in_the_text():
    body = "Roma, 29 settembre 2010.\n" + BODY
    article = Article(id="a", title="Manovra", body=body, published="2025-12-03")
    assert features_of(article, None, body).day == _day("2025-12-03")


def test_an_undated_article_takes_the_day_of_its_dateline():
    body = "Roma, 29 settembre 2010.\n" + BODY
    article = Article(id="a", title="Manovra approvata", body=body)
    assert features_of(article, None, body).day == _day("2010-09-29")


def test_an_undated_article_without_a_dateline_stays_undated():
    body = BODY + " Il testo era stato presentato il 29 settembre 2010."
    article = Article(id="a", title="Manovra approvata", body=body)
    assert features_of(article, None, body).day is None
