"""The ages an article gives its people, and when two articles' ages part them."""

from __future__ import annotations

from briefing.stories.ages import ages_of, different_ages

PEOPLE = [("per:ciampi", "Carlo Azeglio Ciampi"), ("per:carli", "Guido Carli")]


def test_an_age_said_in_a_sentence_naming_one_person_is_theirs():
    text = "Il presidente emerito Carlo Azeglio Ciampi compie oggi 90 anni. Fu governatore."
    assert ages_of(text, "it", PEOPLE) == {("per:ciampi", 90)}
    text = "È morto ieri Ciampi, aveva 95 anni."
    assert ages_of(text, "it", PEOPLE) == {("per:ciampi", 95)}
    assert ages_of("Arrestato Ciampi, 49 anni, a Roma.", "it", PEOPLE) == {("per:ciampi", 49)}
    assert ages_of("Morto Ciampi, il 29enne pestato.", "it", PEOPLE) == {("per:ciampi", 29)}
    text = "Guido Carli, a 20-year-old student, won."
    assert ages_of(text, "en", PEOPLE) == {("per:carli", 20)}


def test_durations_and_sentences_naming_two_people_give_no_age():
    assert ages_of("Ciampi fu governatore per 14 anni.", "it", PEOPLE) == frozenset()
    assert ages_of("Ciampi lavorò da 20 anni con Carli, che ha 60 anni.", "it", PEOPLE) == set()
    assert ages_of("Ciampi compie 90 anni.", "de", PEOPLE) == frozenset()  # no patterns


def test_ages_two_years_apart_part_two_articles_one_year_does_not():
    assert different_ages({("per:ciampi", 90)}, {("per:ciampi", 95)})
    assert not different_ages({("per:ciampi", 90)}, {("per:ciampi", 91)})  # a birthday between
    assert not different_ages({("per:ciampi", 90)}, {("per:carli", 95)})  # someone else
    assert not different_ages({("per:ciampi", 90)}, frozenset())
