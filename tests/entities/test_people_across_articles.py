"""One person across articles: person:"Donald Trump" finds the article that says only "Trump",
in both indexes, in `list --json` and in export, while a second full name keeps it apart."""

from __future__ import annotations

import json

import pytest

from briefing import cli
from briefing.entities import link_analysis
from briefing.export import ExportOptions, export
from briefing.models import Analysis, Article, Entity, Facts, NamedThing
from briefing.query import ArticleIndex, parse
from briefing.store import Store
from tests.support.export_samples import NOW, split_front_matter

BODIES = {
    "full": "Donald Trump spoke in Florida.",
    "alone": "Trump spoke again on Tuesday.",
    "other": "Melania Trump visited a school.",
}
NAMES = {"full": "Donald Trump", "alone": "Trump", "other": "Melania Trump"}


def _add(store: Store, which: str) -> str:
    body = BODIES[which]
    article = Article(id="", title=which, body=body, lang="en", published="2025-12-01")
    article_id = store.add_articles([article])[0].article_id
    name = NAMES[which]
    start = body.index(name)
    facts = Facts(people=[NamedThing(name, mentions=1, spans=[[start, start + len(name)]])])
    entities = [Entity(start, start + len(name), "PER", name)]
    analysis = Analysis(article_id, "en", "test", "0", entities=entities, facts=facts)
    link_analysis(analysis)
    store.put_analysis(analysis)
    return article_id


def _found(store: Store, text: str, persistent: bool) -> set[str]:
    if persistent:
        index = store.search_index()
        assert index is not None
    else:
        index = ArticleIndex.from_store(store)
    return set(index.search(parse(text)))


@pytest.mark.parametrize("persistent", [False, True], ids=["memory", "sqlite"])
def test_a_full_name_finds_the_articles_naming_the_surname_alone(temp_home, persistent):
    with Store.open() as store:
        full, alone = _add(store, "full"), _add(store, "alone")
        assert _found(store, 'person:"Donald Trump"', persistent) == {full, alone}
        assert _found(store, "person:Trump", persistent) == {full, alone}
        other = _add(store, "other")  # a second Trump: the surname alone is nobody's now
        assert _found(store, 'person:"Donald Trump"', persistent) == {full}
        assert _found(store, 'person:"Melania Trump"', persistent) == {other}
        store.delete_article(other)
        assert _found(store, 'person:"Donald Trump"', persistent) == {full, alone}


def test_the_join_survives_a_reopen(temp_home):
    with Store.open() as store:
        full, alone = _add(store, "full"), _add(store, "alone")
    with Store.open(readonly=True) as store:
        assert _found(store, 'person:"Donald Trump"', True) == {full, alone}


def test_list_json_and_export_give_the_cross_article_identity(temp_home, tmp_path, capsys):
    with Store.open() as store:
        full, alone = _add(store, "full"), _add(store, "alone")
    assert cli.main(["list", 'person:"Donald Trump"', "--json"]) == 0
    rows = {row["id"]: row for row in json.loads(capsys.readouterr().out)}
    assert set(rows) == {full, alone}
    [joined] = rows[alone]["entities"]
    [own] = rows[full]["entities"]
    assert joined["id"] == own["id"] and joined["canonical"] == "Donald Trump"
    options = ExportOptions(obsidian=True)
    with Store.open(readonly=True) as store:
        [path] = export(store, [alone], tmp_path, one_file=False, options=options, now=NOW)
    meta, _body = split_front_matter(path.read_text(encoding="utf-8"))
    assert meta["people"] == ["[[Donald Trump]]"]


def test_without_a_search_index_the_store_joins_from_its_summaries(temp_home):
    from briefing.store.search import remove_files

    with Store.open() as store:
        _add(store, "full")
        _add(store, "alone")
        directory = store.directory
    remove_files(directory)
    with Store.open(readonly=True) as store:
        assert store.search_index() is None
        joins = store.people_joins()
        assert joins.resolve("per:trump") == "per:donald trump"
        assert store.person_name("per:donald trump") == "Donald Trump"


def test_analyze_output_of_a_stored_article_gives_the_cross_article_identity(temp_home, capsys):
    with Store.open() as store:
        _add(store, "full")
        alone = _add(store, "alone")
    assert cli.main(["analyze", "--article", alone]) == 0  # analysed again by the pipeline
    analysis = json.loads(capsys.readouterr().out)
    people = [e for e in analysis["entities"] if e["label"] == "PER"]
    assert people and {e["id"] for e in people} == {"per:donald trump"}
    assert {e["canonical"] for e in people} == {"Donald Trump"}


def _add_org(store: Store, body: str, name: str) -> str:
    article = Article(id="", title=name, body=body, lang="en", published="2025-12-01")
    article_id = store.add_articles([article])[0].article_id
    start = body.index(name)
    facts = Facts(organizations=[NamedThing(name, mentions=1, spans=[[start, start + len(name)]])])
    entities = [Entity(start, start + len(name), "ORG", name)]
    analysis = Analysis(article_id, "en", "test", "0", entities=entities, facts=facts)
    link_analysis(analysis)
    store.put_analysis(analysis)
    return article_id


@pytest.mark.parametrize("persistent", [False, True], ids=["memory", "sqlite"])
def test_an_acronym_alone_finds_and_is_found_by_the_one_name_it_abbreviates(temp_home, persistent):
    with Store.open() as store:
        full = _add_org(
            store,
            "The National Transportation Safety Board said.",
            "National Transportation Safety Board",
        )
        alone = _add_org(store, "The NTSB said it again.", "NTSB")
        assert _found(store, "org:NTSB", persistent) == {full, alone}
        assert _found(store, 'org:"National Transportation Safety Board"', persistent) == {
            full,
            alone,
        }
        other = _add_org(
            store, "The National Traffic Safety Bureau said.", "National Traffic Safety Bureau"
        )
        assert _found(store, "org:NTSB", persistent) == {alone}  # two bodies fit: nobody's now
        assert _found(store, 'org:"National Traffic Safety Bureau"', persistent) == {other}
