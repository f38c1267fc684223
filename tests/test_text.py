"""The one text module: fold, folded text with origins, one line, sentences, language."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from briefing.query.normalize import words
from briefing.text import (
    detect_language,
    fold,
    fold_with_origins,
    one_line,
    sentence_at,
    sentences,
)


def test_fold_ignores_case_accents_and_ligatures():
    assert fold("Università MOSCA") == "universita mosca"
    assert fold("ﬁnanza") == "finanza"
    assert fold("Straße") == "strasse"


def test_the_reader_finds_what_the_filter_finds():
    # The filter folds "ﬁnanza" to "finanza"; the reader's n must find the same word in the
    # body, where a one-character-for-one fold once read "fnanza".
    body = "La ﬁnanza pubblica e la finanza privata."
    assert words(body).count("finanza") == 2  # what the filter and the index hold
    found = fold_with_origins(body).find_all("finanza")
    assert [body[s:e] for s, e in found] == ["ﬁnanza", "finanza"]


def test_origins_map_back_through_expansions_and_dropped_marks():
    body = "Die Straße, cafe\u0301 e Città."
    folded = fold_with_origins(body)
    assert [body[s:e] for s, e in folded.find_all("strasse")] == ["Straße"]
    assert [body[s:e] for s, e in folded.find_all("cafe")] == ["cafe\u0301"[:4]]
    assert [body[s:e] for s, e in folded.find_all("citta")] == ["Città"]
    assert fold_with_origins("plain ascii").find_all("ASCII") == [(6, 11)]
    assert folded.find_all("  ") == []


LETTERS = st.text(alphabet="abcAÉèßﬁﬂ\u0301 .", max_size=40)


@given(LETTERS, LETTERS)
def test_every_span_found_folds_to_the_needle(body, needle):
    for start, end in fold_with_origins(body).find_all(needle):
        assert fold(needle.strip()) in fold(body[start:end])


def test_one_line_collapses_and_cuts():
    assert one_line(" a\n b\t c ") == "a b c"
    assert one_line(None) == ""
    assert one_line("abcdef", limit=4) == "abc…"


def test_sentences_cover_sentences_and_keep_titles():
    text = "Prima frase. Seconda frase!\nTerza “citata.” Quarta"
    assert [text[a:b] for a, b in sentences(text)] == [
        "Prima frase.",
        "Seconda frase!",
        "Terza “citata.”",
        "Quarta",
    ]
    text = "Ha parlato il Sig. Rossi. Poi basta."
    assert [text[a:b] for a, b in sentences(text)] == ["Ha parlato il Sig. Rossi.", "Poi basta."]
    assert sentence_at(text, text.index("basta")) == (26, len(text))
    # Quotes opened with two apostrophes or a single mark start sentences too.
    text = "A huge boon. ''There's more,'' said Mr. Burman. ‘Yes.’"
    assert [text[a:b] for a, b in sentences(text)] == [
        "A huge boon.",
        "''There's more,'' said Mr. Burman.",
        "‘Yes.’",
    ]


def test_a_wire_dateline_is_a_sentence_of_its_own():
    for text, dateline in [
        ("WASHINGTON (AP) — Donald Trump said so.", "WASHINGTON (AP) —"),
        ("Washington (AFP) – Democrat Hillary Clinton said so.", "Washington (AFP) –"),
        ("JACKSON, Miss. - U.S. District Judge Reeves said so.", "JACKSON, Miss. -"),
        ("ROMA, 12 MAG - Il ministro ha detto di sì.", "ROMA, 12 MAG -"),
        ("Prima. MILANO - Il sindaco ha detto di sì.", "MILANO -"),
    ]:
        found = [text[a:b] for a, b in sentences(text)]
        assert dateline in found
        assert found[-1].endswith("so.") or found[-1].endswith("sì.")
    # A dash in a sentence, an abbreviation before a dash, a place without its agency: no dateline.
    for text in [
        "Fiorina pushed ahead -- and said no.",
        "U.S. - China talks resume.",
        "Washington - where nothing works - said no.",
    ]:
        assert [text[a:b] for a, b in sentences(text)] == [text]


def test_language_needs_letters():
    assert detect_language("12 345 !!") is None
    assert detect_language("Il governo ha approvato la legge di bilancio ieri sera.") == "it"
