"""Grouping: by shared identities across languages, incrementally, and with the user's edits."""

from __future__ import annotations

from dataclasses import replace

import pytest

from briefing.models import Article, ArticleSummary
from briefing.store import Store
from briefing.stories import keeping
from briefing.stories.background import Background, background
from briefing.stories.features import ArticleFeatures, features_of
from briefing.stories.grouping import Grouper, regroup
from tests.stories.synth import MOSCOW, UKRAINE, analysis, article, fill, talks_and_office


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "store", backups_dir=tmp_path / "backups") as opened:
        yield opened


def _features(pairs):
    return [features_of(a, ArticleSummary.from_analysis(x), a.body) for a, x in pairs]


def test_talks_in_two_languages_make_one_story_and_the_office_another():
    pairs = talks_and_office()
    grouper = regroup(_features(pairs))
    talks = {grouper.story_of[a.id] for a, _ in pairs[:3]}
    office = {grouper.story_of[a.id] for a, _ in pairs[3:]}
    assert len(talks) == 1 and len(office) == 1
    assert talks != office


def test_one_shared_country_is_no_story():
    one = article("Floods in Kyiv", "Rain fell for days.", "2025-12-02")
    two = article("Grain prices", "Exports of wheat rose.", "2025-12-02")
    pairs = [(one, analysis(one, places=[UKRAINE])), (two, analysis(two, places=[UKRAINE]))]
    grouper = regroup(_features(pairs))
    assert grouper.story_of[one.id] != grouper.story_of[two.id]


def test_articles_weeks_apart_start_new_stories():
    pairs = talks_and_office()[:2]
    late = article("Witkoff meets Putin in Moscow", pairs[0][0].body + " again", "2026-02-20")
    pairs.append((late, analysis(late, who=[], places=[MOSCOW])))
    grouper = regroup(_features(pairs))
    assert grouper.story_of[late.id] != grouper.story_of[pairs[0][0].id]


def test_incremental_assign_joins_the_right_story():
    pairs = talks_and_office()
    grouper = Grouper()
    for f in _features(pairs[:2] + pairs[3:4]):
        grouper.assign(f)
    italian, office = _features([pairs[2], pairs[4]])
    assert grouper.assign(italian) == grouper.story_of[pairs[0][0].id]
    assert grouper.assign(office) == grouper.story_of[pairs[3][0].id]


def test_update_groups_new_articles_in_the_store(store):
    pairs = talks_and_office()
    fill(store, pairs[:2] + pairs[3:4])
    placed = keeping.update(store)
    assert len(placed) == 3
    fill(store, pairs[2:3])
    placed = keeping.update(store)
    italian = pairs[2][0].id
    assert list(placed) == [italian]
    stories = keeping.stories(store)
    talks = keeping.story_of(stories, italian)
    assert set(talks.article_ids) == {a.id for a, _ in pairs[:3]}
    assert talks.langs == ["en", "it"]
    assert talks.first == "2025-12-02" and talks.last == "2025-12-03"
    assert {name for _, name, _ in talks.top_entities} >= {"Steve Witkoff", "Moscow"}
    assert keeping.update(store) == {}  # nothing new: nothing moves


def test_move_merge_split_title_and_undo(store):
    pairs = talks_and_office()
    fill(store, pairs)
    keeping.update(store)
    before = {s.id: set(s.article_ids) for s in keeping.stories(store)}
    talks = keeping.story_of(keeping.stories(store), pairs[0][0].id)
    office = keeping.story_of(keeping.stories(store), pairs[3][0].id)

    keeping.move(store, [pairs[2][0].id], office.id)
    assert pairs[2][0].id in keeping.story_of(keeping.stories(store), pairs[3][0].id).article_ids

    keeping.merge(store, talks.id, office.id)
    assert len(keeping.stories(store)) == 1

    keeping.split(store, office.id, [pairs[4][0].id])
    split_off = keeping.story_of(keeping.stories(store), pairs[4][0].id)
    assert split_off.article_ids == [pairs[4][0].id] and split_off.id.startswith("u")

    keeping.retitle(store, office.id, "Talks and an office")
    assert keeping.story_of(keeping.stories(store), pairs[0][0].id).title == "Talks and an office"

    for _ in range(4):
        keeping.edits.undo(store)
    assert {s.id: set(s.article_ids) for s in keeping.stories(store)} == before


def test_edits_survive_a_regroup(store):
    pairs = talks_and_office()
    fill(store, pairs)
    keeping.update(store)
    office = keeping.story_of(keeping.stories(store), pairs[3][0].id)
    keeping.move(store, [pairs[0][0].id], office.id)
    keeping.regroup_store(store)
    assert pairs[0][0].id in keeping.story_of(keeping.stories(store), pairs[3][0].id).article_ids


def _likeness(first: set[str], second: set[str]) -> float:
    words = frozenset({"talks", "minis", "said"})
    one = ArticleFeatures("a", 1, frozenset(first), words, "en")
    two = ArticleFeatures("b", 1, frozenset(second), words | {"other"}, "en")
    grouper = Grouper()
    grouper.place(one, "s1")
    for n in range(20):  # unrelated articles, so the shared keys are rare
        grouper.place(ArticleFeatures(f"x{n}", 1, frozenset({f"per:{n}"}), frozenset(), "en"), "s2")
    return grouper.likenesses(two)["a"]


def test_a_town_and_its_own_country_are_one_shared_name_not_two():
    london = {"country:GB", "geo:2643743"}  # Britain and London: one place said twice
    said_twice = _likeness(london | {"per:ada"}, london | {"per:bob"})
    with_an_actor = _likeness(london | {"org:acme", "per:ada"}, london | {"org:acme", "per:bob"})
    assert said_twice < with_an_actor
    assert said_twice == _likeness({"country:GB", "per:ada"}, {"country:GB", "per:bob"})


def test_shared_countries_alone_add_nothing_to_the_words():
    # Britain and Iraq named by a hijack report and by a report on fighting in Iraq: the
    # setting is shared, no actor is; Rome stands for Italy, so Britain and Rome are two
    # countries too
    words_alone = _likeness({"per:ada"}, {"per:bob"})
    for places in ({"country:GB", "country:IQ"}, {"country:GB", "geo:3169070"}):
        assert _likeness(places | {"per:ada"}, places | {"per:bob"}) == words_alone
    with_an_actor = {"country:GB", "org:acme"}
    assert _likeness(with_an_actor | {"per:ada"}, with_an_actor | {"per:bob"}) > words_alone


def test_across_languages_shared_countries_alone_join_nothing():
    places = frozenset({"country:GB", "country:IQ"})
    one = ArticleFeatures("a", 1, places | {"per:ada"}, frozenset({"hijack"}), "en")
    two = ArticleFeatures("b", 1, places | {"per:bob"}, frozenset({"dirot"}), "it")
    grouper = Grouper()
    grouper.place(one, "s1")
    for n in range(20):
        grouper.place(ArticleFeatures(f"x{n}", 1, frozenset({f"per:{n}"}), frozenset(), "en"), "s2")
    assert grouper.likenesses(two).get("a", 0.0) == 0.0


def _undated(article_id: str, years: set[int]) -> ArticleFeatures:
    # two reports alike in every name and word, undated: only the years their titles name
    names = frozenset({"org:pro recco", "org:jug", "geo:3169070"})
    words = frozenset({"campi", "europ", "final", "recco"})
    return ArticleFeatures(article_id, None, names, words, "it", years=frozenset(years))


def _together(one: ArticleFeatures, two: ArticleFeatures) -> bool:
    grouper = Grouper()
    grouper.assign(one)
    for n in range(20):  # unrelated articles, so the shared keys are rare
        grouper.assign(ArticleFeatures(f"x{n}", None, frozenset({f"per:{n}"}), frozenset(), "it"))
    return grouper.assign(two) == grouper.story_of[one.id]


def test_undated_titles_naming_different_years_are_two_editions_not_one_story():
    assert not _together(_undated("a", {2008}), _undated("b", {2010}))
    assert _together(_undated("a", {2008}), _undated("b", {2008, 2010}))
    assert _together(_undated("a", {2008}), _undated("b", set()))  # no year: nothing known


def test_dated_articles_are_parted_by_their_days_not_by_their_titles_years():
    one = replace(_undated("a", {2025}), day=700_000)
    two = replace(_undated("b", {2026}), day=700_001)
    assert _together(one, two)  # "Budget 2026", a day after "Budget 2025 closes"


def _placed(article_id: str, countries: set[str], day: int | None = None) -> ArticleFeatures:
    return replace(_undated(article_id, set()), day=day, title_countries=frozenset(countries))


def test_undated_titles_naming_different_countries_are_two_events_not_one_story():
    # "Terremoto in Giappone" and "Terremoto in Cile": alike in every other name and word
    assert not _together(_placed("a", {"JP"}), _placed("b", {"CL"}))
    assert not _together(_placed("a", {"JP"}), _placed("b", {"CL"}, day=700_000))
    assert _together(_placed("a", {"JP"}), _placed("b", {"JP", "US"}))
    assert _together(_placed("a", {"JP"}), _placed("b", set()))  # no place: nothing known


def test_dated_articles_are_parted_by_their_days_not_by_their_titles_countries():
    assert _together(_placed("a", {"US"}, day=700_000), _placed("b", {"UA"}, day=700_001))


def _with_people(article_id: str, people: set[str], day: int | None = None) -> ArticleFeatures:
    one = _undated(article_id, set())
    return replace(one, day=day, identities=one.identities | {f"per:{p}" for p in people})


def test_undated_reports_giving_one_person_ages_years_apart_are_two_events():
    # a birthday and an obituary: the same person, institutions and words, five years apart
    def aged(article_id: str, age: int, day: int | None = None) -> ArticleFeatures:
        one = _with_people(article_id, {"ada"}, day)
        return replace(one, ages=frozenset({("per:ada", age)}))

    assert not _together(aged("a", 90), aged("b", 95))
    assert not _together(aged("a", 90), aged("b", 95, day=700_000))
    assert _together(aged("a", 90), aged("b", 90))
    assert _together(aged("a", 90, day=700_000), aged("b", 95, day=700_001))


def test_the_countries_a_title_names_are_kept_with_the_features():
    article = Article(id="a", title="Forte scossa di terremoto in Giappone", body="Testo.")
    features = features_of(article, None, article.body)
    assert features.title_countries == {"JP"}
    assert ArticleFeatures.from_row(features.to_row()) == features
    old_row = {k: v for k, v in features.to_row().items() if k != "title_countries"}
    assert ArticleFeatures.from_row(old_row).title_countries == frozenset()


def test_the_ages_the_lead_gives_people_are_kept_with_the_features():
    article = Article(id="a", title="Ciampi compie 90 anni", body="Festa al Quirinale.", lang="it")
    summary = ArticleSummary("a", identities=[["people", "per:ciampi", "Carlo Azeglio Ciampi"]])
    features = features_of(article, summary, article.body)
    assert features.ages == {("per:ciampi", 90)}
    assert ArticleFeatures.from_row(features.to_row()) == features


def test_the_years_a_title_names_are_kept_with_the_features():
    article = Article(id="a", title="Pro Recco campione d'Europa 2010", body="Testo.")
    features = features_of(article, None, article.body)
    assert features.years == {2010}
    assert ArticleFeatures.from_row(features.to_row()) == features
    old_row = {k: v for k, v in features.to_row().items() if k != "years"}  # kept before
    assert ArticleFeatures.from_row(old_row).years == frozenset()


def _institutions_likeness(lang: str, priors, shared=("org:bank-of-italy", "org:governo")):
    # two reports of a small store naming the same two institutions and other actors
    # (Fazio's resignation and Ciampi's death: the Bank of Italy and the Government)
    words = frozenset({"gover", "banca", "presi", "anni"})
    one = ArticleFeatures("a", 1, frozenset({*shared, "per:antonio fazio"}), words, lang)
    two = ArticleFeatures("b", 1, frozenset({*shared, "per:carlo ciampi"}), words | {"morto"}, lang)
    grouper = Grouper(priors=priors)
    grouper.place(one, "s1")
    for n in range(20):  # unrelated articles: in this store alone both institutions are rare
        grouper.place(ArticleFeatures(f"x{n}", 1, frozenset({f"per:{n}"}), frozenset(), lang), "s")
    return grouper.likenesses(two)["a"]


def _store_only(lang: str | None) -> Background:
    return Background()  # no language's news: the store's counts alone


def _news(lang: str | None) -> Background:
    # a background where the Government is in a third of the news, the Bank in one in twenty
    if lang != "it":
        return Background()
    return Background(1000, {"i:org:governo": 300, "i:org:bank-of-italy": 50}, ("i:",))


def test_institutions_common_in_the_languages_news_link_nothing_in_a_small_store():
    store_only = _institutions_likeness("it", _store_only)
    words_only = _institutions_likeness("it", _store_only, shared=())
    assert store_only > words_only  # two rare shared names in a store of 22
    # beside the news the Government weighs nothing and the Bank alone is one shared name
    assert _institutions_likeness("it", _news) == words_only


def test_a_languages_background_weighs_only_that_languages_articles():
    assert _institutions_likeness("en", _news) == _institutions_likeness("en", _store_only)


def test_the_shipped_italian_background_knows_common_institutions_from_rare_names():
    news = background("it")
    assert news.articles > 500
    assert news.counts["i:org:governo"] > 0.02 * news.articles
    assert "i:per:nikola tomasoli" not in news.counts  # a victim named in one story
    assert background("en").articles == 0  # no English news among the training texts


def test_words_common_in_the_languages_news_weigh_less_than_its_rare_words():
    def likeness(shared: set[str], priors) -> float:
        one = ArticleFeatures("a", 1, frozenset(), frozenset(shared | {"fazio"}), "it")
        two = ArticleFeatures("b", 1, frozenset(), frozenset(shared | {"ciamp"}), "it")
        grouper = Grouper(priors=priors)
        grouper.place(one, "s1")
        for n in range(20):
            grouper.place(ArticleFeatures(f"x{n}", 1, frozenset(), frozenset({f"w{n}"}), "it"), "s")
        return grouper.likenesses(two).get("a", 0.0)

    def news(lang):  # "della" and "gover" are in most Italian news, "scoss" in few
        return Background(1000, {"w:della": 700, "w:gover": 90, "w:scoss": 5}, ("w:",))

    assert likeness({"della", "gover"}, _store_only) == likeness({"scoss", "terre"}, _store_only)
    # beside the news "della" and "gover" are too common to weigh anything
    assert likeness({"della", "gover"}, news) == 0.0 < likeness({"scoss", "terre"}, news)
    assert background("it").counts["w:gover"] > background("it").counts.get("w:scoss", 0)
