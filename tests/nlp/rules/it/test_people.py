"""The people component: full names with a first name, and relatives, are people."""

from __future__ import annotations

import json

import spacy

from briefing.nlp import pipeline
from briefing.nlp.build.first_names import build_first_names
from tests.support.labelled_docs import labelled_doc

pipeline._register_components()

NAMES = [{"name": n} for n in ("Gualtiero", "Ottavia", "Benito", "Adam")]


def run(text: str, labelled: list[tuple[str, str]], lang: str = "it") -> list[tuple[str, str]]:
    """Label the first occurrence of each (text, label) in order, as a model would, then run
    the component with a short list of first names (and the shipped cues and places)."""
    nlp = spacy.blank(lang)
    people = nlp.add_pipe("briefing_people", config={"names": None})
    people.add_patterns(NAMES)
    doc = labelled_doc(nlp, text, labelled)
    return [(e.text, e.label_) for e in nlp(doc).ents]


def test_a_full_name_with_a_first_name_is_a_person():
    text = "Una statua di Gualtiero Brindisi è stata rimossa."
    assert run(text, [("Gualtiero Brindisi", "LOC")]) == [("Gualtiero Brindisi", "PER")]
    text = "Ha vinto l'austriaca Ottavia Krenz in due set."
    assert run(text, [("Ottavia Krenz", "ORG")]) == [("Ottavia Krenz", "PER")]


def test_things_named_after_people_stay_things():
    # an article or an articulated preposition before it
    text = "Il paziente è arrivato al pronto soccorso del Gualtiero Brindisi."
    assert run(text, [("Gualtiero Brindisi", "LOC")]) == [("Gualtiero Brindisi", "LOC")]
    # a word for a kind of place or organisation before it
    text = "La partita si gioca nello stadio Benito Ferri di Cassino."
    labelled = [("Benito Ferri", "LOC"), ("Cassino", "LOC")]
    assert run(text, labelled) == labelled
    text = "gli azionisti della società Adam Quarry hanno votato"
    assert run(text, [("Adam Quarry", "ORG")]) == [("Adam Quarry", "ORG")]
    # a place's or a company's head word
    text = "I voli di Adam Air sono sospesi; Ottavia Island è chiusa."
    labelled = [("Adam Air", "ORG"), ("Ottavia Island", "LOC")]
    assert run(text, labelled) == labelled


def test_a_name_without_a_listed_first_name_is_left_alone():
    text = "Una statua di Ercolino Brindisi è stata rimossa."
    assert run(text, [("Ercolino Brindisi", "LOC")]) == [("Ercolino Brindisi", "LOC")]
    # one word, or lowercase words inside, is no full name
    text = "Una statua di Gualtiero è stata rimossa a Ottavia del Lago."
    labelled = [("Gualtiero", "LOC"), ("Ottavia del Lago", "LOC")]
    assert run(text, labelled) == labelled


def test_a_name_after_a_relative_is_a_person():
    text = "Era arrivato con suo fratello Lucerna e con il mio amico Sorrento."
    labelled = [("Lucerna", "LOC"), ("Sorrento", "LOC")]
    assert run(text, labelled) == [("Lucerna", "PER"), ("Sorrento", "PER")]
    text = "il ruolo della sorella di Canossa nel film"
    assert run(text, [("Canossa", "ORG")]) == [("Canossa", "PER")]
    # no article or possessive before the word: not a relative of someone
    text = "la Casa Famiglia Padre Monti accoglie i bambini"
    labelled = [("Monti", "LOC")]
    assert run(text, labelled) == labelled


def test_only_italian_pipelines_have_the_component():
    assert "briefing_people" in pipeline.rule_components("it")
    assert "briefing_people" not in pipeline.rule_components("en")
    assert "briefing_people" not in pipeline.rule_components("fr")


def test_the_list_keeps_first_names_and_leaves_ordinary_words_out(tmp_path):
    rows = [
        ("Parla Gualtiero Brindisi con Rosa Lilla. La rosa, la rosa, la rosa.", "PER"),
        ("Intanto Fiume Rosso e Fiume Verde sono in piena.", "LOC"),
    ]
    train = tmp_path / "train.jsonl"
    with train.open("w", encoding="utf-8") as handle:
        for text, label in rows:
            names = ["Gualtiero Brindisi", "Rosa Lilla"] if label == "PER" else ["Fiume Rosso"]
            ents = [[text.index(n), text.index(n) + len(n), label] for n in names]
            handle.write(json.dumps({"text": text, "entities": ents}) + "\n")
    names = {row["name"] for row in build_first_names(train, locales=("it_IT",))}
    assert "Gualtiero" in names  # the training set's full name
    assert "Marco" in names  # Faker's
    assert "Rosa" not in names  # written lowercase three times
    assert "Fiume" not in names  # opens a place


def test_the_words_of_a_full_name_found_are_the_person_alone_too():
    text = "Ha vinto Ottavia Krenz. La Krenz è al secondo titolo; Ottavia ha detto grazie."
    labelled = [("Ottavia Krenz", "ORG"), ("Krenz", "ORG"), ("Ottavia", "LOC")]
    assert run(text, labelled) == [("Ottavia Krenz", "PER"), ("Krenz", "PER"), ("Ottavia", "PER")]
    # not when the full name stayed a thing
    text = "Allo stadio Benito Ferri si gioca; il Ferri è pieno."
    labelled = [("Benito Ferri", "LOC"), ("Ferri", "LOC")]
    assert run(text, labelled) == labelled


def test_a_saint_on_his_feast_day_is_a_person():
    text = "Il paese celebra la festa di San Gualtiero; la chiesa di San Gualtiero è piena."
    labelled = [("San Gualtiero", "LOC"), ("San Gualtiero", "LOC")]
    assert run(text, labelled) == [("San Gualtiero", "PER"), ("San Gualtiero", "LOC")]


def test_a_word_glued_before_a_full_name_goes():
    # a headline's verb the article writes in lowercase too
    text = "Arrestata Ottavia Krenz\\nLa donna, arrestata ieri, è Ottavia Krenz."
    text = text.replace("\\n", "\n")
    labelled = [("Arrestata Ottavia Krenz", "PER"), ("Ottavia Krenz", "PER")]
    assert run(text, labelled) == [("Ottavia Krenz", "PER"), ("Ottavia Krenz", "PER")]
    # the office a role names
    text = "ha detto il procuratore della Repubblica Gualtiero Brindisi ai giornalisti"
    assert run(text, [("Repubblica Gualtiero Brindisi", "ORG")]) == [("Gualtiero Brindisi", "PER")]


def test_a_full_name_keeps_its_first_word_when_nothing_says_it_is_glued():
    # "Piazza" is written in lowercase nowhere and no role stands before it
    text = "Il corteo è partito da Piazza Gualtiero Brindisi alle dieci."
    assert run(text, [("Piazza Gualtiero Brindisi", "LOC")]) == [
        ("Piazza Gualtiero Brindisi", "LOC")
    ]
    # a particle opens a surname: "Del Ottavia Krenz" stays whole
    text = "Parla Del Ottavia Krenz; del resto tutti parlano."
    assert run(text, [("Del Ottavia Krenz", "PER")]) == [("Del Ottavia Krenz", "PER")]
    # the first word is itself a first name: "Benito Gualtiero Brindisi"
    text = "Ha parlato Benito Gualtiero Brindisi; benito è un nome."
    assert run(text, [("Benito Gualtiero Brindisi", "PER")]) == [
        ("Benito Gualtiero Brindisi", "PER")
    ]
