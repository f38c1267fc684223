"""The byline's authors join the people of an article's facts."""

from __future__ import annotations

import pytest

from briefing.facts.bylines import add_authors, byline_names
from briefing.models import Facts, NamedThing


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Marco Pizzorno", ["Marco Pizzorno"]),
        ("di Luca Monaco", ["Luca Monaco"]),
        ("By Jane Doe and John Smith", ["Jane Doe", "John Smith"]),
        ("Maria De Luca, Paolo Rossi", ["Maria De Luca", "Paolo Rossi"]),
        ("Giovanni D'Amico e Anna Verdi", ["Giovanni D'Amico", "Anna Verdi"]),
        ("badely", []),  # a user name
        ("Redazione Esteri", []),
        ("ANSA ROMA", []),
        ("BBC News", []),  # would need a list of outlets to tell; two capitalised words
        ("", []),
        (None, []),
    ],
)
def test_byline_names(byline, names) -> None:
    if byline == "BBC News":
        # Shouted initials: "BBC" is all capitals, so the pair is not taken for a name.
        assert byline_names(byline) == []
        return
    assert byline_names(byline) == names


def test_author_is_added_as_a_person_without_spans() -> None:
    facts = Facts(people=[NamedThing("Vladimir Putin", ["presidente"], 2, [[0, 14]])])
    add_authors(facts, "di Marco Pizzorno", "it")
    assert [(p.name, p.roles, p.mentions, p.spans) for p in facts.people] == [
        ("Marco Pizzorno", ["autore"], 0, []),
        ("Vladimir Putin", ["presidente"], 2, [[0, 14]]),
    ]


def test_author_named_in_the_text_gets_the_role_once() -> None:
    facts = Facts(people=[NamedThing("Jane Doe", ["correspondent"], 1, [[5, 13]])])
    add_authors(facts, "By Jane Doe", "en")
    add_authors(facts, "Jane Doe", "en")
    assert len(facts.people) == 1
    assert facts.people[0].roles == ["author", "correspondent"]
    assert facts.people[0].spans == [[5, 13]]


def test_analyse_text_takes_the_byline() -> None:
    from briefing.analysis import analyse_text

    analysis = analyse_text("Ieri a Roma si è votato.", "it", "2025-12-18", author="Luca Monaco")
    assert analysis.facts.people[0].name == "Luca Monaco"
    assert analysis.facts.people[0].roles == ["autore"]
