"""The parse read out of a Doc (facts/syntax.py): every token's offsets, text, part of speech,
relation, head, morphology and entity, and the sentences as the parse's trees."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from briefing.facts.syntax import Parse, Token


def _doc() -> Doc:
    vocab = spacy.blank("it").vocab
    # "Meloni ha detto no. Lei parte."
    words = ["Meloni", "ha", "detto", "no", ".", "Lei", "parte", "."]
    return Doc(
        vocab,
        words=words,
        spaces=[True, True, True, False, True, True, False, False],
        heads=[2, 2, 2, 2, 2, 6, 6, 6],
        deps=["nsubj", "aux", "ROOT", "obj", "punct", "nsubj", "ROOT", "punct"],
        pos=["PROPN", "AUX", "VERB", "ADV", "PUNCT", "PRON", "VERB", "PUNCT"],
        morphs=["", "Number=Sing", "Gender=Masc|VerbForm=Part", "", "", "Gender=Fem", "", ""],
        ents=["B-PER", "O", "O", "O", "O", "O", "O", "O"],
    )


def test_every_token_is_read_with_its_offsets_and_annotations():
    parse = Parse.from_doc(_doc())
    assert parse.tokens[0] == Token(0, 0, 6, "Meloni", "PROPN", "nsubj", 2, "", "PER")
    assert parse.tokens[2] == Token(
        2, 10, 15, "detto", "VERB", "ROOT", 2, "Gender=Masc|VerbForm=Part", ""
    )
    assert parse.tokens[5] == Token(5, 20, 23, "Lei", "PRON", "nsubj", 6, "Gender=Fem", "")
    assert [t.text for t in parse.tokens] == [
        "Meloni",
        "ha",
        "detto",
        "no",
        ".",
        "Lei",
        "parte",
        ".",
    ]
    assert (
        parse.tokens[2].feature("VerbForm") == "Part" and parse.tokens[0].feature("Gender") is None
    )
    assert parse.tokens[5].lower == "lei"


def test_dependents_lookups_and_sentences_follow_the_heads():
    parse = Parse.from_doc(_doc())
    assert [t.text for t in parse.deps(2, "nsubj", "aux")] == ["Meloni", "ha"]
    assert parse.at(21).text == "Lei" and parse.at(19) is None  # 19 is the space before "Lei"
    assert [parse.sentence(i) for i in (0, 4, 5, 7)] == [(0, 4), (0, 4), (5, 7), (5, 7)]
    assert parse.subtree(6) == [5, 6, 7]


def test_a_doc_without_a_parse_has_none():
    doc = Doc(spacy.blank("en").vocab, words=["No", "parser", "ran"])
    assert Parse.from_doc(doc) is None


def test_a_subject_the_parser_hung_on_an_auxiliary_is_its_verb_s() -> None:
    # "the US has imposed sanctions": "US" read as the subject of "has", not of "imposed".
    doc = Doc(
        spacy.blank("en").vocab,
        words=["the", "US", "has", "imposed", "sanctions"],
        heads=[1, 2, 3, 3, 3],
        deps=["det", "nsubj", "aux", "ROOT", "obj"],
        pos=["DET", "PROPN", "AUX", "VERB", "NOUN"],
    )
    parse = Parse.from_doc(doc)
    assert parse.tokens[1].head == 3
    assert [t.text for t in parse.deps(3, "nsubj")] == ["US"]
    assert parse.deps(2, "nsubj") == []
