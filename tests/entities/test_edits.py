"""The user's merges and splits: stored, applied by linking, undoable."""

from __future__ import annotations

from briefing.entities import edits, link_analysis, link_mentions, links_version
from briefing.models import Analysis, Entity
from briefing.store import Store


def test_merge_split_and_undo_are_stored_and_applied_by_linking():
    with Store.open() as store:
        assert not edits.load(store)
        merged = edits.merge(store, "per:trump", "per:donald trump")
        split = edits.split(store, "geo:2988507", "Paris")
        loaded = edits.load(store)
    assert [e.id for e in loaded.edits] == [merged.id, split.id]
    links = link_mentions([("Trump", "PER"), ("Paris", "LOC"), ("Parigi", "LOC")], edits=loaded)
    assert links[0].id == "per:donald trump"
    assert links[1].id == "split:paris" and links[2].id == "geo:2988507"
    assert links_version(loaded) != links_version()
    with Store.open() as store:
        assert edits.undo(store).id == split.id
        assert [e.id for e in edits.load(store).edits] == [merged.id]
        assert edits.undo(store, merged.id).id == merged.id
        assert edits.undo(store) is None


def test_merges_follow_chains_and_never_loop():
    chain = edits.Edits(
        [
            edits.IdentityEdit("1", "merge", "org:a", target="org:b"),
            edits.IdentityEdit("2", "merge", "org:b", target="org:c"),
            edits.IdentityEdit("3", "merge", "org:c", target="org:a"),
        ]
    )
    assert chain.resolve("org:a", "A") in {"org:a", "org:b", "org:c"}
    assert edits.Edits(chain.edits[:2]).resolve("org:a", "A") == "org:c"


def test_link_analysis_records_the_edits_it_applied():
    analysis = Analysis("x", "en", "t", "0", entities=[Entity(0, 5, "PER", "Trump")])
    user = edits.Edits([edits.IdentityEdit("1", "merge", "per:trump", target="per:donald trump")])
    link_analysis(analysis, edits=user)
    assert analysis.entities[0].id == "per:donald trump"
    assert analysis.links_version == links_version(user)
