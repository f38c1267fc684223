"""The consistency component's surnames: a full name's last word alone is the same person."""

from __future__ import annotations

import spacy

from briefing.nlp import pipeline
from tests.support.labelled_docs import labelled_doc

pipeline._register_components()


def run(text: str, labelled: list[tuple[str, str]], **config) -> list[tuple[str, str, str]]:
    nlp = spacy.blank("it")
    nlp.add_pipe("briefing_consistency", config=config)
    doc = labelled_doc(nlp, text, labelled)
    return [(e.text, e.label_, e._.ent_source) for e in nlp(doc).ents]


TEXT = "Irma Testa ha vinto. Testa ha detto: «Ora Rio». Per la Testa è la prima volta."


def test_a_surname_the_model_read_as_another_kind_is_the_person():
    found = run(TEXT, [("Irma Testa", "PER"), ("Testa", "ORG")])
    assert found == [
        ("Irma Testa", "PER", None),
        ("Testa", "PER", "rule"),
        ("Testa", "PER", "rule"),  # the mention the model missed
    ]


def test_without_surnames_the_model_labels_stand():
    found = run(TEXT, [("Irma Testa", "PER"), ("Testa", "ORG")], surnames=False)
    assert ("Testa", "ORG", None) in found
    assert ("Testa", "PER", "rule") not in found


def test_names_with_lowercase_words_give_no_surname():
    # "Scandalo a Bologna" misread as a person must not turn the city into one
    text = "Scandalo a Bologna. È successo a Bologna, in consiglio."
    found = run(text, [("Scandalo a Bologna", "PER"), ("Bologna", "LOC")])
    assert ("Bologna", "LOC", None) in found
    assert all(label != "PER" or t != "Bologna" for t, label, _ in found)


def test_organisations_and_places_give_no_surname():
    text = "La Banca Intesa ha chiuso. Intesa ha detto no."
    found = run(text, [("Banca Intesa", "ORG"), ("Intesa", "ORG")])
    assert found == [("Banca Intesa", "ORG", None), ("Intesa", "ORG", None)]
