"""Stories kept up to date through the store: features kept, new articles grouped on analysis."""

from __future__ import annotations

import pytest

from briefing import backlog
from briefing.models import ArticleSummary
from briefing.store import Store
from briefing.stories import keeping
from briefing.stories.features import ArticleFeatures, features_of
from briefing.stories.grouping import Grouper, in_order
from tests.stories.synth import ACME, ROME, analysis, article, fill, talks_and_office


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "store", backups_dir=tmp_path / "backups") as opened:
        yield opened


def _no_bodies(store, monkeypatch):
    def refuse(*_args):
        raise AssertionError("a body was read")

    monkeypatch.setattr(store, "body", refuse)
    monkeypatch.setattr(store, "iter_bodies", refuse)


def test_features_round_trip_through_a_row():
    item, found = talks_and_office()[0]
    features = features_of(item, ArticleSummary.from_analysis(found), item.body)
    assert ArticleFeatures.from_row(features.to_row()) == features


def test_grouping_keeps_features_and_a_fresh_keeper_reads_no_body(store, monkeypatch):
    pairs = talks_and_office()
    fill(store, pairs[:2] + pairs[3:])
    keeping.update(store)
    assert set(store.story_features()) == {a.id for a, _ in pairs[:2] + pairs[3:]}
    italian, italian_analysis = pairs[2]
    new = features_of(italian, ArticleSummary.from_analysis(italian_analysis), italian.body)
    fill(store, pairs[2:3])
    _no_bodies(store, monkeypatch)
    keeper = keeping.Keeper(store)  # the groups and every feature from the store alone
    assert keeper.assign([new]) == {italian.id: keeper.grouper.story_of[pairs[0][0].id]}
    assert italian.id in store.story_groups()[keeper.grouper.story_of[pairs[0][0].id]]


def test_features_of_an_article_analysed_again_are_made_again(store):
    pairs = talks_and_office()
    fill(store, pairs)
    keeping.update(store)
    item = pairs[3][0]
    assert "org:acme" in store.story_features()[item.id]["identities"]
    store.put_analysis(analysis(item, places=[ROME]))  # re-analysed: Acme no longer found
    assert item.id not in store.story_features()
    (features,) = keeping.all_features(store, [item.id])
    assert features.identities == {ROME[0]}
    assert store.story_features()[item.id]["identities"] == [ROME[0]]


def test_features_kept_by_an_older_grouping_are_made_again(store):
    # a row kept before datelines dated undated articles and titles' years were kept
    item = article("Palio di Siena 2012", "Siena, 2 luglio 2012.\nVince la Giraffa.", None)
    fill(store, [(item, analysis(item, places=[ROME]))])
    keeping.update(store)
    old = {k: v for k, v in store.story_features()[item.id].items() if k not in ("version",)}
    old.update(day=None, years=[])
    store.put_story_features([old])
    (features,) = keeping.all_features(store, [item.id])
    assert features.day is not None and features.years == {2012}
    assert store.story_features()[item.id]["years"] == [2012]  # kept again, current


def test_deleting_an_article_drops_its_features(store):
    pairs = talks_and_office()
    fill(store, pairs)
    keeping.update(store)
    store.delete_article(pairs[4][0].id)
    assert pairs[4][0].id not in store.story_features()


def test_analysed_articles_join_their_stories_without_anyone_listing_them(store):
    pairs = talks_and_office()
    analyses = {a.id: found for a, found in pairs}
    for item, _ in pairs:
        store.add_article(item)

    def analyse(target, ids, progress):  # stands for analysis.analyse_many
        target.put_analyses([analyses[i] for i in ids])

    backlog.analyse_missing(store, ids=[a.id for a, _ in pairs[:2]], analyse=analyse)
    first = store.story_groups()
    assert sorted(len(ids) for ids in first.values()) == [2]  # the first batch: grouped whole
    backlog.analyse_missing(store, batch=1, analyse=analyse)  # then one article at a time
    groups = store.story_groups()
    story_of = {a: s for s, ids in groups.items() for a in ids}
    assert len({story_of[a.id] for a, _ in pairs[:3]}) == 1  # the Italian report joined
    assert len({story_of[a.id] for a, _ in pairs[3:]}) == 1
    assert story_of[pairs[0][0].id] != story_of[pairs[3][0].id]
    assert set(store.story_features()) == set(analyses)


def test_a_keeper_indexing_only_nearby_days_assigns_as_one_indexing_everything(store):
    pairs = talks_and_office()
    long_before = article(
        "Acme Corp plans an office in Rome",
        "Acme Corp plans to open an office in Rome, director Ada Rossi says.",
        "2025-06-01",
        source="Old",
    )
    pairs.insert(0, (long_before, analysis(long_before, orgs=[ACME], places=[ROME])))
    fill(store, pairs[:-1])
    keeping.update(store)
    last, found = pairs[-1]
    new = features_of(last, ArticleSummary.from_analysis(found), last.body)

    everything = Grouper(counting=True)  # what the keeper stood for before: all placed
    groups = store.story_groups()
    story_of = {a: s for s, ids in groups.items() for a in ids}
    for f in in_order(keeping.all_features(store)):
        everything.place(f, story_of[f.id])
    keeper = keeping.Keeper(store, write=False)
    assert keeper.assign([new]) == {last.id: everything.assign(new)}
    assert long_before.id not in keeper.grouper._keys  # months away: never indexed
