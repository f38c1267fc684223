"""People across articles: a shorter name joins the one fuller name that fits, or stays its own."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.entities.joins import PeopleJoins, join_people
from briefing.entities.linking import link_mentions


def key(name: str) -> str:
    return link_mentions([(name, "PER")])[0].id


def test_a_surname_joins_the_one_full_name_in_the_store():
    trump, donald = key("Trump"), key("Donald Trump")
    assert join_people([trump, donald]) == {trump: donald}
    assert join_people([trump, donald, key("Melania Trump")]) == {}


def test_middle_initials_that_differ_keep_people_apart():
    w, hw = key("George W. Bush"), key("George H. W. Bush")
    assert w != hw
    assert key("George Herbert Walker Bush") == hw  # middle names count by their initials
    joined = join_people([w, hw, key("George Bush"), key("Bush")])
    assert joined == {}  # "George Bush" and "Bush" fit both: they stay their own


def test_a_name_without_middle_initial_joins_the_one_with_it():
    plain, middle = key("Donald Trump"), key("Donald J. Trump")
    joined = join_people([plain, middle, key("Trump")])
    assert joined.get(plain, plain) == joined.get(middle, middle)
    assert joined[key("Trump")] == joined.get(plain, plain)
    assert key("Donald John Trump") == middle


def test_an_initial_for_a_first_name_joins_only_a_first_name_it_starts():
    m, s = key("M. Waugh"), key("S. Waugh")
    assert m != s
    joined = join_people([m, s, key("Mark Waugh"), key("Steve Waugh")])
    assert joined == {m: key("Mark Waugh"), s: key("Steve Waugh")}
    assert join_people([key("A. Hollioake"), key("Adam Hollioake")]) == {
        key("A. Hollioake"): key("Adam Hollioake")
    }


def test_relatives_with_a_suffix_are_never_joined_to_the_father():
    assert join_people([key("Trump"), key("Donald Trump Jr.")]) == {}


def test_people_joins_resolve_and_list_the_members_of_one_person():
    keys = [key("Trump"), key("Donald Trump"), key("Donald J. Trump"), key("Melania Trump")]
    joins = PeopleJoins(keys)
    donald = joins.resolve(key("Donald Trump"))
    assert joins.resolve(key("Donald J. Trump")) == donald
    assert joins.members(key("Donald Trump")) == {key("Donald Trump"), key("Donald J. Trump")}
    assert joins.resolve(key("Trump")) == key("Trump")  # two Trumps: it stays its own
    # incrementally: Melania's article deleted, the surname joins Donald
    joins.update(removed=[key("Melania Trump")])
    assert joins.resolve(key("Trump")) == donald
    assert key("Trump") in joins.members(key("Donald Trump"))
    joins.update(added=[key("Eric Trump")])
    assert joins.resolve(key("Trump")) == key("Trump")


NAMES = [
    "Trump", "Donald Trump", "Donald J. Trump", "D. Trump", "Melania Trump", "Donald Trump Jr.",
    "Bush", "George Bush", "George W. Bush", "George H. W. Bush", "G. Bush", "Waugh",
    "M. Waugh", "Mark Waugh", "S. Waugh", "Steve Waugh", "von der Leyen", "Ursula von der Leyen",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.sampled_from(NAMES)), max_size=40))
def test_kept_joins_equal_joins_made_afresh(steps):
    """Articles added and deleted in any order: the kept joins are the fresh ones."""
    joins, alive = PeopleJoins(), []
    for add, name in steps:
        if add:
            joins.update(added=[key(name)])
            alive.append(key(name))
        elif key(name) in alive:
            joins.update(removed=[key(name)])
            alive.remove(key(name))
    fresh = join_people(alive)
    for k in {key(name) for name in NAMES}:
        assert joins.resolve(k) == fresh.get(k, k)
        members = {other for other in alive if fresh.get(other, other) == joins.resolve(k)}
        assert joins.members(k) == members | {joins.resolve(k)}
