"""The teams component: a town or country that is a team in a sports article is an ORG."""

from __future__ import annotations

from briefing.nlp import pipeline
from tests.support.labelled_docs import labelled_doc
from tests.support.pipelines import blank_with

pipeline._register_components()

# two sports words: the article is about sport
SPORT = "Il campionato riprende domenica, la squadra si allena. "


def run(text: str, labelled: list[tuple[str, str]] = (), lang: str = "it") -> list[tuple[str, str]]:
    nlp = blank_with(lang, "briefing_teams")  # built once a test process
    doc = labelled_doc(nlp, text, labelled)
    return [(e.text, e.label_) for e in nlp(doc).ents]


def test_a_town_after_an_article_in_a_sports_article_is_its_club():
    text = SPORT + "Il centravanti del Perugia ha segnato due volte."
    assert run(text, [("Perugia", "LOC")]) == [("Perugia", "ORG")]
    text = SPORT + "Ha giocato nella Lecce di allora."
    assert run(text, [("Lecce", "LOC")]) == [("Lecce", "ORG")]


def test_a_large_city_known_by_its_italian_name_is_a_club_too():
    text = SPORT + "Il difensore è passato al Siviglia in gennaio."
    assert run(text, [("Siviglia", "LOC")]) == [("Siviglia", "ORG")]


def test_a_continent_stays_a_place():
    text = SPORT + "La squadra è tornata dall'Africa ieri."
    assert run(text, [("Africa", "LOC")]) == [("Africa", "LOC")]


def test_a_town_is_a_place_outside_sport_or_without_an_article():
    text = "Il sindaco del Perugia ha parlato ieri in piazza."  # no sports words
    assert run(text, [("Perugia", "LOC")]) == [("Perugia", "LOC")]
    text = SPORT + "La squadra è arrivata a Perugia in pullman."
    assert run(text, [("Perugia", "LOC")]) == [("Perugia", "LOC")]


def test_a_longer_name_or_a_us_state_stays_a_place():
    text = SPORT + "Il biglietto per il Perugia Jazz costa poco."
    assert run(text, [("Perugia", "LOC")]) == [("Perugia", "LOC")]
    text = SPORT + "Il giocatore è cresciuto nel Montana, tra i ranch."
    assert run(text, [("Montana", "LOC")]) == [("Montana", "LOC")]


def test_a_country_after_an_article_needs_a_clearly_sports_article():
    many = (
        "La partita del girone è finita in pareggio: l'allenatore ha lodato la squadra, "
        "il portiere e l'attaccante; il campionato riprende. "
    )
    text = many + "Il Portogallo ha giocato meglio nel secondo tempo."
    assert run(text, [("Portogallo", "LOC")]) == [("Portogallo", "ORG")]
    text = SPORT + "Il Portogallo ha approvato la legge sul bilancio."
    assert run(text, [("Portogallo", "LOC")]) == [("Portogallo", "LOC")]


def test_an_opponent_and_the_rest_of_its_list_are_teams():
    text = SPORT + "Ha vinto contro Norvegia, Portogallo e Ancona in una settimana."
    labelled = [("Norvegia", "LOC"), ("Portogallo", "LOC"), ("Ancona", "LOC")]
    assert run(text, labelled) == [(name, "ORG") for name, _ in labelled]


def test_a_list_with_a_club_makes_its_towns_clubs_but_not_after_di():
    text = SPORT + "Hanno vinto Juventina, Messina e Ancona."
    labelled = [("Juventina", "ORG"), ("Messina", "LOC"), ("Ancona", "LOC")]
    assert run(text, labelled) == [("Juventina", "ORG"), ("Messina", "ORG"), ("Ancona", "ORG")]
    text = SPORT + "Hanno vinto Nuova Messina e Juventina."
    labelled = [("Messina", "LOC"), ("Juventina", "ORG")]
    assert run(text, labelled) == labelled  # the model cut "Nuova Messina"
    labelled = [("Juventina", "ORG"), ("Messina", "LOC"), ("Ancona", "LOC")]
    text = SPORT + "Il torneo di Juventina, Messina e Ancona è rinviato."
    assert run(text, labelled) == [("Juventina", "ORG"), ("Messina", "LOC"), ("Ancona", "LOC")]


def test_english_pipelines_are_left_alone():
    text = "The partita and the campionato: the coach of the Perugia said."
    assert run(text, [("Perugia", "LOC")], lang="en") == [("Perugia", "LOC")]


def test_a_two_word_club_named_after_a_town_after_an_article_is_a_club():
    text = SPORT + "Il terzino è passato al Dinamo Bari in estate."
    assert run(text, [("Dinamo Bari", "LOC")]) == [("Dinamo Bari", "ORG")]
    # a venue or a part of a country named after one stays a place
    text = SPORT + "Si gioca nello Bari Stadium, poi nella Bari Est."
    labelled = [("Bari Stadium", "LOC"), ("Bari Est", "LOC")]
    assert run(text, labelled) == labelled


def test_a_town_with_a_word_for_a_club_is_a_club_in_any_article():
    # no sports words needed: the club word says it
    text = "Il presidente del Basket Perugia ha parlato ieri."
    assert run(text, [("Basket Perugia", "LOC")]) == [("Basket Perugia", "ORG")]
    # the model left the word out: it joins the name
    text = "I conti della Lecce Calcio preoccupano i soci."
    assert run(text, [("Lecce", "LOC")]) == [("Lecce Calcio", "ORG")]
    text = "Un accordo con la Pallavolo Ancona è vicino."
    assert run(text, [("Ancona", "LOC")]) == [("Pallavolo Ancona", "ORG")]
    # a town alone stays a town
    assert run("Il sindaco di Ancona ha parlato.", [("Ancona", "LOC")]) == [("Ancona", "LOC")]
