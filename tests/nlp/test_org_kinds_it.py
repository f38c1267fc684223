"""The organisation-kind component: "la compagnia X" makes X an organisation, nothing more."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

from briefing.nlp import pipeline  # noqa: E402
from tests.nlp.helpers import labelled_doc  # noqa: E402

pipeline._register_components()


def run(text: str, labelled: list[tuple[str, str]] = ()) -> list[tuple[str, str]]:
    nlp = spacy.blank("it")
    nlp.add_pipe("briefing_org_kinds")
    doc = labelled_doc(nlp, text, labelled)
    return [(e.text, e.label_) for e in nlp(doc).ents]


def test_a_name_after_a_kind_of_organisation_is_an_organisation():
    text = "La nave, della compagnia genovese Costa Crociere, ha urtato una roccia."
    assert run(text, [("Costa Crociere", "LOC")]) == [("Costa Crociere", "ORG")]


def test_a_name_the_model_missed_is_added_and_the_cue_stays_out():
    assert run("Lo riferisce l'agenzia di stampa Jiji, citando la polizia.") == [("Jiji", "ORG")]
    assert run("tre ufficiali del partito Baath", [("partito Baath", "ORG")]) == [("Baath", "ORG")]


def test_the_model_keeps_a_longer_name_it_found():
    text = "l'associazione umanitaria Save the Children ha protestato"
    assert run(text, [("Save the Children", "ORG")]) == [("Save the Children", "ORG")]


def test_non_cases_are_left_alone():
    # a preposition after the cue: the company of a person
    text = "l'azienda di Meg Whitman è prima"
    assert run(text, [("Meg Whitman", "PER")]) == [("Meg Whitman", "PER")]
    # a capitalised cue is part of a name the model read
    text = "il presidente della Fondazione Antonella Mansi ha votato"
    assert run(text, [("Antonella Mansi", "PER")]) == [("Antonella Mansi", "PER")]
    # no capitalised word after the cue
    assert run("la società ha chiuso il bilancio") == []


def test_english_pipelines_do_not_get_the_italian_cues():
    nlp = spacy.blank("en")
    nlp.add_pipe("briefing_org_kinds")
    assert [e.text for e in nlp("the agency Reuters said").ents] == []


def test_both_sides_of_a_match_are_organisations():
    text = "un giorno dopo la partita Ecuador - Polonia. Questa marcia"
    assert run(text, [("Ecuador", "LOC"), ("Polonia", "LOC")]) == [
        ("Ecuador", "ORG"),
        ("Polonia", "ORG"),
    ]
    assert run("ricordando Italia - Germania 0-3, in cui") == [
        ("Italia", "ORG"),
        ("Germania", "ORG"),
    ]


def test_a_pair_of_places_without_a_match_stays_places():
    text = "riattivata la tratta Seregno - Saronno, percorsa dai treni"
    assert run(text, [("Seregno", "LOC"), ("Saronno", "LOC")]) == [
        ("Seregno", "LOC"),
        ("Saronno", "LOC"),
    ]
