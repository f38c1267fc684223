"""The organisation-kind component: "la compagnia X" makes X an organisation, nothing more."""

from __future__ import annotations

import spacy

from briefing.nlp import pipeline
from tests.support.labelled_docs import labelled_doc
from tests.support.pipelines import blank_with

pipeline._register_components()


def run(text: str, labelled: list[tuple[str, str]] = ()) -> list[tuple[str, str]]:
    nlp = blank_with("it", "briefing_org_kinds")  # built once a test process
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


def test_a_kind_after_the_name_makes_it_an_organisation():
    # apposition, predicate, bracket
    text = "Ha vinto Velatech, una squadra svizzera, davanti a tutti."
    assert run(text, [("Velatech", "PER")]) == [("Velatech", "ORG")]
    text = "Velatech è stata la prima squadra a vincere il trofeo."
    assert run(text, [("Velatech", "PER")]) == [("Velatech", "ORG")]
    text = "Ieri Fotonix (azienda di software) ha annunciato un accordo."
    assert run(text, [("Fotonix", "LOC")]) == [("Fotonix", "ORG")]
    # the model's longer name is the name: "Fotonix Systems, un'azienda"
    text = "Lo ha detto Fotonix Systems, un'azienda nota."
    assert run(text, [("Fotonix Systems", "PER")]) == [("Fotonix Systems", "ORG")]


def test_a_sentence_opening_word_before_a_kind_is_no_name():
    assert run("Questa è la squadra che ha vinto.") == []
    # no article, no comma or verb: a place where a company is
    text = "A Lione azienda e sindacati hanno firmato"
    assert run(text, [("Lione", "LOC")]) == [("Lione", "LOC")]


def test_a_company_s_verbs_and_roles_name_an_organisation():
    text = "la linea ferroviaria gestita da Ferrolux, in ritardo"
    assert run(text, [("Ferrolux", "LOC")]) == [("Ferrolux", "ORG")]
    text = "Un impiegato di Datalux ha parlato ai giornalisti."
    assert run(text, [("Datalux", "PER")]) == [("Datalux", "ORG")]
    # the person after the company stays a person
    text = "l'amministratore delegato di Ferrolux Mario Bianchi ha detto"
    assert run(text, [("Ferrolux", "LOC"), ("Mario Bianchi", "PER")]) == [
        ("Ferrolux", "ORG"),
        ("Mario Bianchi", "PER"),
    ]


def test_people_run_companies_too():
    text = "un albergo gestito da Mario Bianchi da vent'anni"
    assert run(text, [("Mario Bianchi", "PER")]) == [("Mario Bianchi", "PER")]
    assert run("un albergo gestito da Mario Bianchi da vent'anni") == []


def test_a_field_after_the_kind():
    text = "Il colosso dello streaming Filmora ha reso disponibile il film."
    assert run(text, [("Filmora", "PER")]) == [("Filmora", "ORG")]
    text = "era in compagnia della moglie Anna a Roma"
    assert run(text, [("Anna", "PER")]) == [("Anna", "PER")]
    # an articled preposition is no adjective: "il sito sul Covid" says nothing of Covid
    assert run("ha aperto un sito sul Covid ieri") == []


def test_the_other_mentions_of_the_name_follow():
    text = "Un dipendente di Datalux ha parlato. Poi Datalux ha smentito. Datalux Group no."
    assert run(text, [("Datalux", "PER"), ("Datalux", "PER")]) == [
        ("Datalux", "ORG"),
        ("Datalux", "ORG"),
    ]
    # a mention the model missed is added; a longer name is left alone
    text = "Un dipendente di Datalux ha parlato. Secondo Datalux, tutto bene."
    assert run(text) == [("Datalux", "ORG"), ("Datalux", "ORG")]
    # never over a person's full name that ends with the word
    text = "gestita da Rossi. Lo ha detto Anna Rossi ieri."
    assert run(text, [("Rossi", "PER"), ("Anna Rossi", "PER")]) == [
        ("Rossi", "ORG"),
        ("Anna Rossi", "PER"),
    ]


def test_each_name_listed_after_a_plural_kind():
    text = "le sigle delle federazioni: Boxa, Boxi e Boxo. Poi"
    assert run(text, [("Boxa", "PER"), ("Boxi", "PER"), ("Boxo", "PER")]) == [
        ("Boxa", "ORG"),
        ("Boxi", "ORG"),
        ("Boxo", "ORG"),
    ]
    text = "ha scritto per testate come Diario Del Sur e Radio Norte in Cile"
    assert run(text, [("Diario Del Sur", "PER"), ("Radio Norte", "ORG")]) == [
        ("Diario Del Sur", "ORG"),
        ("Radio Norte", "ORG"),
    ]
    # no list word after the kind: nothing to say of the names
    text = "le federazioni Boxa e Boxi"
    assert run(text, [("Boxa", "PER")]) == [("Boxa", "PER")]
