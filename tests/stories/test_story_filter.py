"""`story:` in the filter language, answered by the search index and the in-memory index."""

from __future__ import annotations

import pytest

from briefing.query import ArticleIndex, QueryError, parse
from briefing.store import Store
from briefing.stories import keeping
from tests.stories.synth import fill, talks_and_office


@pytest.fixture
def grouped(tmp_path):
    with Store.open(tmp_path / "store", backups_dir=tmp_path / "backups") as store:
        pairs = talks_and_office()
        fill(store, pairs)
        keeping.update(store)
        yield store, [a.id for a, _ in pairs]


def _both(store, text):
    query = parse(text)
    searched = set(store.search_index().search(query))
    in_memory = set(ArticleIndex.from_store(store).search(query))
    assert searched == in_memory
    return searched


def test_story_id_and_its_start_find_the_story(grouped):
    store, ids = grouped
    talks = keeping.story_of(keeping.stories(store), ids[0])
    assert _both(store, f"story:{talks.id}") == set(ids[:3])
    assert _both(store, f"story:{talks.id[:6]}") >= set(ids[:3])
    assert _both(store, f"story:{talks.id} lang:it") == {ids[2]}
    assert _both(store, f"-story:{talks.id}") == set(ids[3:])


def test_story_title_words_and_user_edits(grouped):
    store, ids = grouped
    office = keeping.story_of(keeping.stories(store), ids[3])
    assert _both(store, "story:acme") == set(ids[3:])
    keeping.retitle(store, office.id, "Hiring in Rome")
    assert _both(store, 'story:"hiring in"') == set(ids[3:])
    keeping.move(store, [ids[0]], office.id)
    assert _both(store, f"story:{office.id}") == {ids[0], *ids[3:]}


def test_story_needs_a_value_and_nothing_unknown_matches(grouped):
    store, _ = grouped
    assert _both(store, "story:zzzz") == set()
    with pytest.raises(QueryError):
        parse("stori:x")
