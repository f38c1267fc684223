"""A filter value as identities, and the name index it feeds."""

from __future__ import annotations

from briefing.entities import identity_names, link_analysis
from briefing.entities.lookup import identity_keys
from briefing.models import Analysis, Article, ArticleSummary, Facts, NamedThing
from briefing.query import ArticleIndex, parse


def test_a_filter_value_names_every_listed_namesake():
    assert identity_keys("place", "Georgia") == {"country:GE", "us-state:GA"}
    assert identity_keys("place", "Moskva") == identity_keys("place", "Mosca")
    assert identity_keys("org", "Cremlino") == {"org:kremlin"}
    assert identity_keys("place", "Cremlino") == set()  # an institution is no place
    assert identity_keys("person", "Volodymyr Zelenskyy") == identity_keys(
        "person", "Volodymyr Zelensky"
    )
    assert set(identity_names("place", "Moskva")) >= {"Moscow"}
    assert identity_names("place", "Nowhere-on-earth") == []


def _index(*places: list[str]) -> ArticleIndex:
    articles, summaries = [], {}
    for n, names in enumerate(places):
        analysis = Analysis(
            f"a{n}", "it", "t", "0", facts=Facts(places=[NamedThing(x) for x in names])
        )
        link_analysis(analysis)
        articles.append(Article(f"a{n}", f"t{n}"))
        summaries[f"a{n}"] = ArticleSummary.from_analysis(analysis)
    return ArticleIndex.from_articles(articles, summaries)


def test_place_filters_find_every_language_and_spelling():
    index = _index(["Mosca"], ["Moscow"], ["Berlino"], ["Kiev"])
    assert index.search(parse("place:Moscow")) == ["a0", "a1"]
    assert index.search(parse("place:mosca")) == ["a0", "a1"]
    assert index.search(parse("place:Moskva")) == ["a0", "a1"]
    assert index.search(parse("place:Berlin")) == ["a2"]
    assert index.search(parse("place:Kyiv")) == ["a3"]


def test_the_entity_index_counts_articles_per_identity_across_spellings_and_articles():
    from briefing.entities.counting import count_identities

    summaries = [
        ArticleSummary("a", identities=[["people", "per:donald trump", "Donald J. Trump"]]),
        ArticleSummary("b", identities=[["people", "per:donald trump", "Donald Trump"]]),
        ArticleSummary("c", identities=[["people", "per:trump", "Trump"]]),  # surname alone
        ArticleSummary("d", identities=[["places", "geo:524901", "Mosca"]]),
        ArticleSummary("e", identities=[["places", "geo:524901", "Moscow"]]),
    ]
    found = count_identities(summaries)
    [trump] = found["people"]
    assert trump.name == "Donald Trump" and trump.articles == 3
    assert set(trump.spellings) == {"Donald Trump", "Donald J. Trump", "Trump"}
    [moscow] = found["places"]
    assert (moscow.name, moscow.articles) == ("Moscow", 2)
    assert count_identities(summaries, "it")["places"][0].name == "Mosca"
