"""The openers component: ordinary Italian words read as names at a sentence start go."""

from __future__ import annotations

from briefing.nlp import pipeline
from tests.support.labelled_docs import labelled_doc
from tests.support.pipelines import blank_with

pipeline._register_components()


def run(text: str, labelled: list[tuple[str, str]], lang: str = "it") -> list[tuple[str, str]]:
    nlp = blank_with(lang, "briefing_openers")  # built once a test process
    doc = labelled_doc(nlp, text, labelled)
    return [(e.text, e.label_) for e in nlp(doc).ents]


def test_sentence_opening_words_with_ordinary_endings_are_dropped():
    text = "Köcher: Sicuramente è stato il primo. Pensavo di aver vinto. Gravissimo incidente."
    labelled = [("Köcher", "PER"), ("Sicuramente", "PER"), ("Pensavo", "PER")]
    labelled.append(("Gravissimo", "LOC"))
    assert run(text, labelled) == [("Köcher", "PER")]


def test_names_stay():
    # mid-sentence, or written mid-sentence elsewhere in the article, or several words
    text = "Ha parlato Orlando. Orlando ha detto no. Fernando Alonso ha vinto."
    labelled = [("Orlando", "PER"), ("Orlando", "PER"), ("Fernando Alonso", "PER")]
    assert run(text, labelled) == labelled
    # an ending too short to tell: "Ivo"
    assert run("Ivo ha vinto.", [("Ivo", "PER")]) == [("Ivo", "PER")]


def test_other_languages_have_no_suffixes():
    assert run("Sicuramente said so.", [("Sicuramente", "PER")], lang="en") == [
        ("Sicuramente", "PER")
    ]


def test_a_word_the_article_also_writes_in_lowercase_is_an_ordinary_word():
    text = "Amore, pace, unità e disciplina. Unità, battaglia e vittoria. Disciplina e pace."
    labelled = [("Unità", "PER"), ("Disciplina", "PER")]
    assert run(text, labelled) == []
    english = "Stocks fell on Monday. Traders sold stocks and bonds."
    assert run(english, [("Stocks", "ORG")], lang="en") == []


def test_a_name_that_is_also_a_word_stays_when_the_article_names_it_mid_sentence():
    text = "May said no. The prime minister may resign, said Theresa May."
    labelled = [("May", "PER"), ("Theresa May", "PER")]
    assert run(text, labelled, lang="en") == labelled
    # or when it opens a sentence and the article never writes it in lowercase
    assert run("Rossi ha detto no. Il presidente ha vinto.", [("Rossi", "PER")]) == [
        ("Rossi", "PER")
    ]
