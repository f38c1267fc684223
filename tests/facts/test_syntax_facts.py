"""Speakers, sources and roles from a dependency parse: Docs parsed by hand, so each test
checks the extractors' reading of the syntax, not the parser's accuracy."""

from __future__ import annotations

from functools import cache

import pytest
import spacy
from spacy.tokens import Doc, Span

from briefing.facts import extract_facts
from briefing.facts.quotes import quote_spans_of
from briefing.facts.reporting import find_frames
from briefing.facts.syntax import Parse
from briefing.facts.verbs import reporting_verbs
from briefing.models import Facts

# (word, head index, relation, part of speech[, morphology]); heads are absolute; a root is its
# own head.
Row = tuple


@cache
def _vocab(lang: str):
    return spacy.blank(lang).vocab


def parsed(
    lang: str,
    rows: list[Row],
    people: dict[str, tuple[int, int]] | None = None,
    dates: list[tuple[int, int]] = (),
    places: list[tuple[int, int]] = (),
    orgs: list[tuple[int, int]] = (),
) -> Doc:
    """A Doc with the given parse, PER entities (token ranges, end exclusive), DATEs, LOCs and
    ORGs."""
    words = [r[0] for r in rows]
    spaces = [
        not (i + 1 < len(rows) and rows[i + 1][0] in {",", ".", "»", ":"}) for i in range(len(rows))
    ]
    for i, word in enumerate(words):
        if word in {"«", "“"}:
            spaces[i] = False
        if i + 1 < len(words) and words[i + 1] in {"”"}:
            spaces[i] = False
    ents = ["O"] * len(rows)
    labelled = [(span, "PER") for span in (people or {}).values()] + [(s, "DATE") for s in dates]
    labelled += [(span, "LOC") for span in places] + [(span, "ORG") for span in orgs]
    for (start, end), label in labelled:
        ents[start] = f"B-{label}"
        for k in range(start + 1, end):
            ents[k] = f"I-{label}"
    roots = [i for i, r in enumerate(rows) if r[1] == i]
    sent_starts = [i == 0 or (rows[i - 1][0] == "." and i > 0) for i in range(len(rows))]
    assert roots, "every sentence needs a root"
    return Doc(
        _vocab(lang),
        words=words,
        spaces=spaces,
        heads=[r[1] for r in rows],
        deps=["ROOT" if r[1] == i else r[2] for i, r in enumerate(rows)],
        pos=[r[3] for r in rows],
        morphs=[r[4] if len(r) > 4 else "" for r in rows],
        sent_starts=sent_starts,
        ents=ents,
    )


def facts(
    lang: str,
    rows: list[Row],
    people: dict[str, tuple[int, int]] | None = None,
    orgs: list[tuple[int, int]] = (),
) -> Facts:
    return extract_facts(parsed(lang, rows, people, orgs=orgs), lang, "2025-12-18")


def test_an_inverted_subject_after_the_quote_is_its_speaker() -> None:
    rows = [
        ("«", 4, "punct", "PUNCT"), ("Non", 4, "advmod", "ADV"), ("ci", 4, "expl", "PRON"),
        ("sono", 4, "cop", "AUX"), ("soldi", 8, "parataxis", "NOUN"), ("»", 4, "punct", "PUNCT"),
        (",", 8, "punct", "PUNCT"), ("ha", 8, "aux", "AUX"), ("detto", 8, "ROOT", "VERB"),
        ("Rossi", 8, "nsubj", "PROPN"), (".", 8, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Rossi": (9, 10)})
    assert [(q.text, q.speaker, q.how) for q in found.quotes] == [
        ("Non ci sono soldi", "Rossi", "frame")
    ]
    assert [(a.text, a.source, a.kind) for a in found.attributions] == [
        ("detto Rossi", "Rossi", "speech")
    ]


def test_secondo_x_gives_the_clause_it_hangs_on_to_x() -> None:
    rows = [
        ("Secondo", 1, "case", "ADP"), ("Rossi", 5, "obl", "PROPN"), (",", 1, "punct", "PUNCT"),
        ("il", 4, "det", "DET"), ("governo", 5, "nsubj", "NOUN"), ("cadrà", 5, "ROOT", "VERB"),
        (".", 5, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Rossi": (1, 2)})
    assert [(q.text, q.speaker, q.reported) for q in found.quotes] == [
        ("il governo cadrà", "Rossi", True)
    ]


def _dropped_subject_rows() -> list[Row]:
    # "Il ministro Mario Rossi parla. «Putin ha perso», ha detto."
    return [
        ("Il", 1, "det", "DET"), ("ministro", 4, "nsubj", "NOUN"), ("Mario", 1, "nmod", "PROPN"),
        ("Rossi", 2, "flat:name", "PROPN"), ("parla", 4, "ROOT", "VERB"), (".", 4, "punct", "PUNCT"),
        ("«", 9, "punct", "PUNCT"), ("Putin", 9, "nsubj", "PROPN"), ("ha", 9, "aux", "AUX"),
        ("perso", 14, "parataxis", "VERB"), ("»", 9, "punct", "PUNCT"), (",", 14, "punct", "PUNCT"),
        ("ha", 14, "aux", "AUX"), ("ancora", 14, "advmod", "ADV"), ("detto", 14, "ROOT", "VERB"),
        (".", 14, "punct", "PUNCT"),
    ]  # fmt: skip


def test_a_dropped_subject_is_the_person_before_never_the_one_inside_the_quote() -> None:
    found = facts("it", _dropped_subject_rows(), {"Mario Rossi": (2, 4), "Putin": (7, 8)})
    [quote] = found.quotes
    assert quote.text == "Putin ha perso"
    assert (quote.speaker, quote.how) == ("Mario Rossi", "coreference")


def test_a_plural_verb_names_no_one_person() -> None:
    rows = [
        ("“", 3, "punct", "PUNCT"), ("It", 3, "nsubj", "PRON"), ("is", 3, "cop", "AUX"),
        ("over", 9, "ccomp", "ADJ"), ("for", 5, "case", "ADP"), ("us", 3, "obl", "PRON"),
        (",", 3, "punct", "PUNCT"), ("”", 3, "punct", "PUNCT"),
        ("they", 9, "nsubj", "PRON"), ("said", 9, "ROOT", "VERB"), (".", 9, "punct", "PUNCT"),
    ]  # fmt: skip
    doc = parsed("en", rows)
    found = extract_facts(doc, "en", "2025-12-18")
    assert [(q.text, q.speaker) for q in found.quotes] == [("It is over for us,", None)]
    assert [(a.source, a.anonymous) for a in found.attributions] == [(None, False)]


def test_a_frame_set_off_by_dashes_inside_the_quote_names_its_speaker() -> None:
    rows = [
        ("“", 2, "punct", "PUNCT"), ("Stiamo", 2, "aux", "AUX"), ("facendo", 2, "ROOT", "VERB"),
        ("il", 4, "det", "DET"), ("possibile", 2, "obj", "NOUN"), ("-", 7, "punct", "PUNCT"),
        ("ha", 7, "aux", "AUX"), ("dichiarato", 2, "parataxis", "VERB"), ("un", 9, "det", "DET"),
        ("addetto", 7, "nsubj", "NOUN"), ("-", 7, "punct", "PUNCT"), ("non", 13, "advmod", "ADV"),
        ("ci", 13, "expl", "PRON"), ("aspettavamo", 2, "parataxis", "VERB"),
        ("la", 15, "det", "DET"), ("folla", 13, "obj", "NOUN"), ("”", 2, "punct", "PUNCT"),
        (".", 2, "punct", "PUNCT"),
    ]  # fmt: skip
    [quote] = facts("it", rows).quotes
    assert quote.text.startswith("Stiamo facendo il possibile")
    assert quote.speaker == "addetto"


def test_roles_come_from_the_title_a_name_hangs_on_and_its_apposition() -> None:
    rows = [
        ("Il", 1, "det", "DET"), ("ministro", 7, "nsubj", "NOUN"), ("della", 3, "case", "ADP"),
        ("difesa", 1, "nmod", "NOUN"), ("Igor", 1, "nmod", "PROPN"),
        ("Konashenkov", 4, "flat:name", "PROPN"), ("ha", 7, "aux", "AUX"),
        ("parlato", 7, "ROOT", "VERB"), (".", 7, "punct", "PUNCT"),
        ("Mancino", 18, "nsubj", "PROPN"), (",", 12, "punct", "PUNCT"),
        ("già", 12, "advmod", "ADV"), ("presidente", 9, "appos", "NOUN"),
        ("del", 14, "case", "ADP"), ("Senato", 12, "nmod", "PROPN"), (",", 12, "punct", "PUNCT"),
        ("ha", 18, "aux", "AUX"), ("poi", 18, "advmod", "ADV"), ("parlato", 18, "ROOT", "VERB"),
        (".", 18, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Igor Konashenkov": (4, 6), "Mancino": (9, 10)})
    roles = {p.name: p.roles for p in found.people}
    assert roles["Igor Konashenkov"] == ["ministro della difesa"]
    assert roles["Mancino"] == ["già presidente del Senato"]


def test_a_body_is_no_title() -> None:
    rows = [
        ("L'", 1, "det", "DET"), ("amministrazione", 4, "nsubj", "NOUN"),
        ("Trump", 1, "nmod", "PROPN"), ("ha", 4, "aux", "AUX"), ("deciso", 4, "ROOT", "VERB"),
        (".", 4, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Trump": (2, 3)})
    assert [p.roles for p in found.people] == [[]]


def test_a_guess_from_the_nearest_name_is_marked_unsure() -> None:
    # No reporting verb anywhere: the only cue is a person named in the sentence before.
    rows = [
        ("Rossi", 1, "nsubj", "PROPN"), ("parla", 1, "ROOT", "VERB"), (".", 1, "punct", "PUNCT"),
        ("«", 5, "punct", "PUNCT"), ("Basta", 5, "advmod", "ADV"), ("tasse", 5, "ROOT", "NOUN"),
        ("per", 7, "case", "ADP"), ("tutti", 5, "nmod", "PRON"), ("»", 5, "punct", "PUNCT"),
        (".", 5, "punct", "PUNCT"),
    ]  # fmt: skip
    [quote] = facts("it", rows, {"Rossi": (0, 1)}).quotes
    assert (quote.speaker, quote.how, quote.unsure) == ("Rossi", "nearest name", True)


def test_the_panel_shows_an_unsure_speaker_as_a_guess() -> None:
    from briefing.tui.widgets.facts_panel import _quote

    assert _quote("Basta tasse", "Rossi", False, unsure=True).plain.endswith("— Rossi?")
    assert _quote("Basta tasse", "Rossi", False).plain.endswith("— Rossi")


def test_an_opening_cue_reads_its_source_up_to_the_comma_when_the_parse_of_a_name_strays() -> None:
    # "Secondo il settimanale Le Monde, il test valutava i rischi.": the parser hangs the
    # outlet's name on the clause ("Le Monde" as its subject), as a real parse did.
    rows = [
        ("Secondo", 2, "case", "ADP"), ("il", 2, "det", "DET"), ("settimanale", 4, "nmod", "ADJ"),
        ("Le", 4, "det", "DET"), ("Monde", 8, "nsubj", "PROPN"), (",", 4, "punct", "PUNCT"),
        ("il", 7, "det", "DET"), ("test", 8, "nsubj", "NOUN"), ("valutava", 8, "ROOT", "VERB"),
        ("i", 10, "det", "DET"), ("rischi", 8, "obj", "NOUN"), (".", 8, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows)
    assert [a.source for a in found.attributions] == ["settimanale Le Monde"]
    assert [(q.text, q.speaker, q.reported) for q in found.quotes] == [
        ("il test valutava i rischi", "settimanale Le Monde", True)
    ]


def test_a_frame_set_off_by_commas_reports_its_sentence_even_when_hung_on_a_noun() -> None:
    # "The museum, Mr. Bush said, celebrated his heroes.": "said" parsed as a relative clause.
    rows = [
        ("The", 1, "det", "DET"), ("museum", 7, "nsubj", "NOUN"), (",", 1, "punct", "PUNCT"),
        ("Mr.", 4, "nmod:desc", "PROPN"), ("Bush", 5, "nsubj", "PROPN"),
        ("said", 1, "acl:relcl", "VERB"), (",", 7, "punct", "PUNCT"),
        ("celebrated", 7, "ROOT", "VERB"), ("his", 9, "nmod:poss", "PRON"),
        ("heroes", 7, "obj", "NOUN"), (".", 7, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("en", rows, {"Bush": (3, 5)})
    assert [(a.source, a.how) for a in found.attributions] == [("Bush", "frame")]
    assert [(q.speaker, q.reported) for q in found.quotes] == [("Bush", True)]
    assert found.quotes[0].text.startswith("The museum")


def test_a_relative_who_said_is_the_noun_it_hangs_on() -> None:
    # "Rossi, che ha detto che il governo cadrà, parla." -> Rossi's claim.
    rows = [
        ("Rossi", 13, "nsubj", "PROPN"), (",", 0, "punct", "PUNCT"), ("che", 4, "nsubj", "PRON"),
        ("ha", 4, "aux", "AUX"), ("detto", 0, "acl:relcl", "VERB"), ("che", 8, "mark", "SCONJ"),
        ("il", 7, "det", "DET"), ("governo", 8, "nsubj", "NOUN"), ("cadrà", 4, "ccomp", "VERB"),
        (",", 0, "punct", "PUNCT"), ("oggi", 13, "advmod", "ADV"), ("non", 13, "advmod", "ADV"),
        ("ancora", 13, "advmod", "ADV"), ("parla", 13, "ROOT", "VERB"), (".", 13, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Rossi": (0, 1)})
    assert [(q.text, q.speaker) for q in found.quotes] == [("il governo cadrà", "Rossi")]


def test_a_participle_credits_an_outlet_agent_but_not_a_thing() -> None:
    # "la frase riportata dal quotidiano" is the paper's; "sostenuto dalle donazioni" no one's.
    def rows(verb: str, noun: str) -> list[Row]:
        return [
            ("La", 1, "det", "DET"), ("frase", 6, "nsubj", "NOUN"), (verb, 1, "acl", "VERB"),
            ("dal", 4, "case", "ADP"), (noun, 2, "obl:agent", "NOUN"), ("è", 6, "cop", "AUX"),
            ("dura", 6, "ROOT", "ADJ"), (".", 6, "punct", "PUNCT"),
        ]  # fmt: skip

    assert [a.source for a in facts("it", rows("riportata", "quotidiano")).attributions] == [
        "quotidiano"
    ]
    assert facts("it", rows("sostenuta", "governo")).attributions == []


def test_a_dropped_subject_goes_to_the_person_the_sentence_before_puts_forward() -> None:
    # "È Rossi, creatore del sito. «Non mollo mai questa battaglia» dichiara."
    rows = [
        ("È", 1, "cop", "AUX"), ("Rossi", 1, "ROOT", "PROPN"), (",", 3, "punct", "PUNCT"),
        ("creatore", 1, "appos", "NOUN"), (".", 1, "punct", "PUNCT"),
        ("«", 7, "punct", "PUNCT"), ("Non", 7, "advmod", "ADV"), ("mollo", 12, "parataxis", "VERB"),
        ("mai", 7, "advmod", "ADV"), ("questa", 10, "det", "DET"), ("battaglia", 7, "obj", "NOUN"),
        ("»", 7, "punct", "PUNCT"), ("dichiara", 12, "ROOT", "VERB"), (".", 12, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Rossi": (1, 2)})
    assert [(q.speaker, q.how) for q in found.quotes] == [("Rossi", "coreference")]


def test_a_participle_taken_for_the_main_verb_still_lends_its_subject() -> None:
    # "Il macchinista rimasto illeso ha dichiarato: «...»", parsed with "rimasto" as the root.
    rows = [
        ("Il", 1, "det", "DET"), ("macchinista", 2, "nsubj", "NOUN"),
        ("rimasto", 2, "ROOT", "VERB", "VerbForm=Part"), ("illeso", 2, "xcomp", "ADJ"),
        ("ha", 5, "aux", "AUX"), ("dichiarato", 2, "ccomp", "VERB", "VerbForm=Part"),
        (":", 2, "punct", "PUNCT"), ("«", 8, "punct", "PUNCT"), ("Spero", 2, "parataxis", "VERB"),
        ("che", 11, "mark", "SCONJ"), ("nessuno", 11, "nsubj", "PRON"), ("soffra", 8, "ccomp", "VERB"),
        ("ancora", 11, "advmod", "ADV"), ("»", 8, "punct", "PUNCT"), (".", 2, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows)
    assert [q.speaker for q in found.quotes] == ["macchinista"]


def test_speech_nouns_credit_their_owner_when_they_present_words() -> None:
    # "Il voto è una farsa, sono le parole di Rossi." / "... le parole di Rossi hanno pesato."
    def rows(presents: bool) -> list[Row]:
        head = [
            ("Il", 1, "det", "DET"), ("voto", 4, "nsubj", "NOUN"), ("è", 4, "cop", "AUX"),
            ("una", 4, "det", "DET"), ("farsa", 4, "ROOT", "NOUN"), (",", 4, "punct", "PUNCT"),
        ]  # fmt: skip
        if presents:
            return head + [
                ("sono", 8, "cop", "AUX"), ("le", 8, "det", "DET"), ("parole", 4, "parataxis", "NOUN"),
                ("di", 10, "case", "ADP"), ("Rossi", 8, "nmod", "PROPN"), (".", 4, "punct", "PUNCT"),
            ]  # fmt: skip
        return head + [
            ("e", 11, "cc", "CCONJ"), ("le", 8, "det", "DET"), ("parole", 11, "nsubj", "NOUN"),
            ("di", 10, "case", "ADP"), ("Rossi", 8, "nmod", "PROPN"), ("pesano", 4, "conj", "VERB"),
            (".", 4, "punct", "PUNCT"),
        ]  # fmt: skip

    found = facts("it", rows(True), {"Rossi": (10, 11)})
    assert [(a.text, a.source) for a in found.attributions] == [("parole di Rossi", "Rossi")]
    assert facts("it", rows(False), {"Rossi": (10, 11)}).attributions == []


def test_a_light_verb_with_a_speech_noun_and_a_rumour_as_subject_are_attributions() -> None:
    # "Rossi ha lanciato un appello. Si erano rincorse voci."
    rows = [
        ("Rossi", 2, "nsubj", "PROPN"), ("ha", 2, "aux", "AUX"), ("lanciato", 2, "ROOT", "VERB"),
        ("un", 4, "det", "DET"), ("appello", 2, "obj", "NOUN"), (".", 2, "punct", "PUNCT"),
        ("Si", 8, "expl", "PRON"), ("erano", 8, "aux", "AUX"), ("rincorse", 8, "ROOT", "VERB"),
        ("voci", 8, "nsubj", "NOUN"), (".", 8, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Rossi": (0, 1)})
    assert [(a.text, a.source, a.anonymous) for a in found.attributions] == [
        ("Rossi ha lanciato un appello", "Rossi", False),
        ("rincorse voci", "voci", True),
    ]


def test_a_passive_subject_is_what_was_said_not_who_said_it() -> None:
    # "The holiday is observed by Christians."
    rows = [
        ("The", 1, "det", "DET"), ("holiday", 3, "nsubj:pass", "NOUN"),
        ("is", 3, "aux:pass", "AUX"), ("observed", 3, "ROOT", "VERB"), ("by", 5, "case", "ADP"),
        ("Christians", 3, "obl:agent", "PROPN"), (".", 3, "punct", "PUNCT"),
    ]  # fmt: skip
    assert [a.source for a in facts("en", rows).attributions] == ["Christians"]


def test_a_passive_without_an_agent_is_credited_to_no_one() -> None:
    # "Rossi parla. Il voto è stato annunciato." -> nobody is named for the announcement.
    rows = [
        ("Rossi", 1, "nsubj", "PROPN"), ("parla", 1, "ROOT", "VERB"), (".", 1, "punct", "PUNCT"),
        ("Il", 4, "det", "DET"), ("voto", 7, "nsubj:pass", "NOUN"), ("è", 7, "aux", "AUX"),
        ("stato", 7, "aux:pass", "AUX"), ("annunciato", 7, "ROOT", "VERB"),
        (".", 7, "punct", "PUNCT"),
    ]  # fmt: skip
    assert [a.source for a in facts("it", rows, {"Rossi": (0, 1)}).attributions] == [None]


def test_what_follows_a_colon_behind_a_reporting_verb_is_its_content() -> None:
    # "L'agenzia riporta notizie gravi: i villaggi sono stati bruciati."
    rows = [
        ("L'", 1, "det", "DET"), ("agenzia", 2, "nsubj", "NOUN"), ("riporta", 2, "ROOT", "VERB"),
        ("notizie", 2, "obj", "NOUN"), ("gravi", 3, "amod", "ADJ"), (":", 2, "punct", "PUNCT"),
        ("i", 7, "det", "DET"), ("villaggi", 10, "nsubj:pass", "NOUN"), ("sono", 10, "aux", "AUX"),
        ("stati", 10, "aux:pass", "AUX"), ("bruciati", 2, "parataxis", "VERB"),
        (".", 2, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows)
    assert [(q.text, q.speaker) for q in found.quotes] == [
        ("i villaggi sono stati bruciati", "agenzia")
    ]


def test_a_relative_clause_on_a_thing_is_no_one_speaking() -> None:
    # "Un'immagine che ricorda i messaggi di Rossi." - an image recalls, nobody speaks.
    rows = [
        ("Un'", 1, "det", "DET"), ("immagine", 1, "ROOT", "NOUN"), ("che", 3, "nsubj", "PRON"),
        ("ricorda", 1, "acl:relcl", "VERB"), ("i", 5, "det", "DET"), ("messaggi", 3, "obj", "NOUN"),
        ("di", 7, "case", "ADP"), ("Rossi", 5, "nmod", "PROPN"), (".", 1, "punct", "PUNCT"),
    ]  # fmt: skip
    assert facts("it", rows, {"Rossi": (7, 8)}).attributions == []


def test_the_four_said_names_the_four_people_just_named() -> None:
    # "Rossi, Bianchi, Verdi e Neri si sono visti. Nella nota i quattro hanno detto che ..."
    rows = [
        ("Rossi", 8, "nsubj", "PROPN"), (",", 2, "punct", "PUNCT"), ("Bianchi", 0, "conj", "PROPN"),
        (",", 4, "punct", "PUNCT"), ("Verdi", 0, "conj", "PROPN"), ("e", 6, "cc", "CCONJ"),
        ("Neri", 0, "conj", "PROPN"), ("si", 8, "expl", "PRON"), ("vedono", 8, "ROOT", "VERB"),
        (".", 8, "punct", "PUNCT"), ("Nella", 11, "case", "ADP"), ("nota", 15, "obl", "NOUN"),
        ("i", 13, "det", "DET"), ("quattro", 15, "nsubj", "NUM"), ("hanno", 15, "aux", "AUX"),
        ("detto", 15, "ROOT", "VERB"), ("che", 18, "mark", "SCONJ"), ("tutto", 18, "nsubj", "PRON"),
        ("cambia", 15, "ccomp", "VERB"), (".", 15, "punct", "PUNCT"),
    ]  # fmt: skip
    people = {"Rossi": (0, 1), "Bianchi": (2, 3), "Verdi": (4, 5), "Neri": (6, 7)}
    found = facts("it", rows, people)
    assert [(q.text, q.speaker) for q in found.quotes] == [
        ("tutto cambia", "Rossi, Bianchi, Verdi, Neri")
    ]


def test_she_goes_to_the_woman_named_before_not_the_last_man() -> None:
    # "Anna Rossi parla con Mario Bianchi. Bianchi ascolta. Lei ha detto che tutto cambia."
    rows = [
        ("Anna", 2, "nsubj", "PROPN"), ("Rossi", 0, "flat:name", "PROPN"),
        ("parla", 2, "ROOT", "VERB"), ("con", 4, "case", "ADP"), ("Mario", 2, "obl", "PROPN"),
        ("Bianchi", 4, "flat:name", "PROPN"), (".", 2, "punct", "PUNCT"),
        ("Bianchi", 8, "nsubj", "PROPN"), ("ascolta", 8, "ROOT", "VERB"), (".", 8, "punct", "PUNCT"),
        ("Lei", 12, "nsubj", "PRON"), ("ha", 12, "aux", "AUX"), ("detto", 12, "ROOT", "VERB"),
        ("che", 16, "mark", "SCONJ"), ("tutto", 16, "nsubj", "PRON"), ("presto", 16, "advmod", "ADV"),
        ("cambia", 12, "ccomp", "VERB"), (".", 12, "punct", "PUNCT"),
    ]  # fmt: skip
    people = {"Anna Rossi": (0, 2), "Mario Bianchi": (4, 6), "Bianchi": (7, 8)}
    found = facts("it", rows, people)
    assert [(q.speaker, q.how) for q in found.quotes] == [("Anna Rossi", "coreference")]
    rows[10] = ("Lui", 12, "nsubj", "PRON")
    assert [q.speaker for q in facts("it", rows, people).quotes] == ["Mario Bianchi"]


def test_a_first_name_a_honorific_or_an_italian_article_gives_a_gender() -> None:
    from briefing.facts.genders import gender_of

    assert gender_of("Giorgia Meloni", "it") == "Fem"
    assert gender_of("Andrea Rossi", "it") == "Masc"  # an Italian man's name in -a
    assert gender_of("Merkel", "it", "la") == "Fem"
    assert gender_of("May", "en", "Mrs") == "Fem"
    assert gender_of("Rossi", "it") is None


def test_lo_stesso_interessato_is_the_person_spoken_of_but_suo_stesso_medico_is_not() -> None:
    # "Rossi torna. La notizia è stata confermata dallo stesso interessato."
    def rows(possessive: bool) -> list[Row]:
        agent = [("dal", 11, "case", "ADP"), ("suo", 11, "det:poss", "DET")] if possessive else [
            ("dallo", 11, "case", "ADP"), ("lo", 11, "det", "DET")
        ]  # fmt: skip
        return [
            ("Rossi", 1, "nsubj", "PROPN"), ("torna", 1, "ROOT", "VERB"), (".", 1, "punct", "PUNCT"),
            ("La", 4, "det", "DET"), ("notizia", 7, "nsubj:pass", "NOUN"), ("è", 7, "aux", "AUX"),
            ("stata", 7, "aux:pass", "AUX"), ("confermata", 7, "ROOT", "VERB"), *agent,
            ("stesso", 11, "amod", "ADJ"), ("interessato", 7, "obl:agent", "NOUN"),
            (".", 7, "punct", "PUNCT"),
        ]  # fmt: skip

    assert [a.source for a in facts("it", rows(False), {"Rossi": (0, 1)}).attributions] == ["Rossi"]
    assert [a.source for a in facts("it", rows(True), {"Rossi": (0, 1)}).attributions] == [
        "suo stesso interessato"
    ]


def test_a_reporting_verb_tagged_as_an_adjective_still_reports_when_it_has_a_subject() -> None:
    # "L'agenzia riporta notizie gravi: ...", with "riporta" tagged ADJ by the tagger.
    rows = [
        ("L'", 1, "det", "DET"), ("agenzia", 2, "nsubj", "NOUN"), ("riporta", 2, "ROOT", "ADJ"),
        ("notizie", 2, "obj", "NOUN"), ("gravi", 3, "amod", "ADJ"), (":", 2, "punct", "PUNCT"),
        ("i", 7, "det", "DET"), ("villaggi", 10, "nsubj:pass", "NOUN"), ("sono", 10, "aux", "AUX"),
        ("stati", 10, "aux:pass", "AUX"), ("bruciati", 2, "parataxis", "VERB"),
        (".", 2, "punct", "PUNCT"),
    ]  # fmt: skip
    assert [(q.text, q.speaker) for q in facts("it", rows).quotes] == [
        ("i villaggi sono stati bruciati", "agenzia")
    ]
    # An adjective with a copula is a description, not a report: "La notizia è riportata".
    described = [
        ("La", 1, "det", "DET"), ("notizia", 3, "nsubj", "NOUN"), ("è", 3, "cop", "AUX"),
        ("riportata", 3, "ROOT", "ADJ"), (".", 3, "punct", "PUNCT"),
    ]  # fmt: skip
    assert facts("it", described).attributions == []


def test_a_finite_verb_hung_on_the_noun_before_it_has_that_noun_for_subject() -> None:
    # "I testimoni riferiscono di aver visto i due aerei.", "riferiscono" parsed as an amod.
    rows = [
        ("I", 1, "det", "DET"), ("testimoni", 1, "ROOT", "NOUN"),
        ("riferiscono", 1, "amod", "VERB", "Mood=Ind|Number=Plur|VerbForm=Fin"),
        ("di", 5, "mark", "ADP"), ("aver", 5, "aux", "AUX"),
        ("visto", 1, "acl", "VERB", "VerbForm=Part"), ("i", 8, "det", "DET"),
        ("due", 8, "nummod", "NUM"), ("aerei", 5, "obj", "NOUN"), (".", 1, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows).attributions
    assert [(a.source, a.text) for a in found] == [("testimoni", "I testimoni riferiscono")]
    assert [found[0].content and rows_text(rows, found[0].content)] == ["aver visto i due aerei"]


def rows_text(rows: list[Row], span: tuple[int, int]) -> str:
    return parsed("it", rows).text[span[0] : span[1]]


def test_the_noun_after_a_verb_opened_by_come_is_its_speaker() -> None:
    # "Il voto è rinviato, come ha chiesto Rossi.": "come" stands for what was asked.
    rows = [
        ("Il", 1, "det", "DET"), ("voto", 3, "nsubj:pass", "NOUN"), ("è", 3, "aux:pass", "AUX"),
        ("rinviato", 3, "ROOT", "VERB", "VerbForm=Part"), (",", 7, "punct", "PUNCT"),
        ("come", 7, "mark", "SCONJ"), ("ha", 7, "aux", "AUX"),
        ("chiesto", 3, "advcl", "VERB", "VerbForm=Part"), ("Rossi", 7, "obj", "PROPN"),
        (".", 3, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Rossi": (8, 9)}).attributions
    assert [(a.source, a.how) for a in found] == [("Rossi", "frame")]


def test_a_participle_whose_agent_is_credited_with_a_di_clause_reports_it() -> None:
    # "Il personale, accusato dalla clientela di mentire, tace."
    rows = [
        ("Il", 1, "det", "DET"), ("personale", 9, "nsubj", "NOUN"), (",", 3, "punct", "PUNCT"),
        ("accusato", 1, "acl", "VERB", "VerbForm=Part"), ("dalla", 5, "case", "ADP"),
        ("clientela", 3, "obl:agent", "NOUN"), ("di", 7, "mark", "ADP"),
        ("mentire", 3, "xcomp", "VERB", "VerbForm=Inf"), (",", 3, "punct", "PUNCT"),
        ("tace", 9, "ROOT", "VERB"), (".", 9, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows).attributions
    assert [(a.source, rows_text(rows, a.content)) for a in found] == [("clientela", "mentire")]


def test_a_relative_lost_by_the_parse_speaks_for_the_noun_before_its_comma() -> None:
    # "Critiche dei cittadini, che accusarono i vicini di mentire.": "accusarono" parsed as a
    # conjunct of "Critiche", its "di" clause as an adverbial.
    rows = [
        ("Critiche", 0, "ROOT", "NOUN"), ("dei", 2, "case", "ADP"), ("cittadini", 0, "nmod", "NOUN"),
        (",", 5, "punct", "PUNCT"), ("che", 5, "nsubj", "PRON"),
        ("accusarono", 0, "conj", "VERB", "Mood=Ind|Number=Plur|VerbForm=Fin"),
        ("i", 7, "det", "DET"), ("vicini", 5, "obj", "NOUN"), ("di", 9, "mark", "ADP"),
        ("mentire", 5, "advcl", "VERB", "VerbForm=Inf"), (".", 0, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows).attributions
    assert [(a.source, rows_text(rows, a.content)) for a in found] == [("cittadini", "mentire")]


def test_secondo_le_quali_credits_the_noun_before_it_when_the_parse_lost_the_clause() -> None:
    # "Smentite le voci secondo le quali Rossi è morto.", with "morto" the root.
    rows = [
        ("Smentite", 8, "obl", "NOUN"), ("le", 2, "det", "DET"), ("voci", 8, "nsubj:pass", "NOUN"),
        ("secondo", 5, "case", "ADP"), ("le", 5, "det", "DET"), ("quali", 2, "nmod", "PRON"),
        ("Rossi", 8, "nsubj", "PROPN"), ("è", 8, "aux", "AUX"), ("morto", 8, "ROOT", "VERB"),
        (".", 8, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Rossi": (6, 7)}).attributions
    according = [a for a in found if a.kind == "according"]
    assert [(a.source, rows_text(rows, a.content)) for a in according] == [
        ("voci", "Rossi è morto")
    ]


def test_a_person_of_the_article_named_in_a_source_is_its_speaker_whatever_the_label() -> None:
    # "Secondo il direttore, Anna Vibber, il guasto è finito. Vibber è a Roma.": "Anna Vibber"
    # left unlabelled by the recogniser, "Vibber" a person in the next sentence.
    rows = [
        ("Secondo", 2, "case", "ADP"), ("il", 2, "det", "DET"), ("direttore", 9, "obl", "NOUN"),
        (",", 4, "punct", "PUNCT"), ("Anna", 2, "nmod", "PROPN"), ("Vibber", 4, "flat:name", "PROPN"),
        (",", 2, "punct", "PUNCT"), ("il", 8, "det", "DET"), ("guasto", 9, "nsubj", "NOUN"),
        ("finito", 9, "ROOT", "VERB"), (".", 9, "punct", "PUNCT"),
        ("Vibber", 14, "nsubj", "PROPN"), ("è", 14, "cop", "AUX"), ("a", 14, "case", "ADP"),
        ("Roma", 14, "ROOT", "PROPN"), (".", 14, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Vibber": (11, 12)}).attributions
    assert [a.source for a in found if a.kind == "according"] == ["Vibber"]


def test_a_copular_speech_noun_presents_the_rest_of_its_sentence() -> None:
    # "Di fronte a ciò, sono le parole di Rossi, serve un'azione."
    rows = [
        ("Di", 1, "case", "ADP"), ("fronte", 7, "obl", "NOUN"), ("a", 3, "case", "ADP"),
        ("ciò", 1, "nmod", "PRON"), (",", 1, "punct", "PUNCT"), ("sono", 7, "cop", "AUX"),
        ("le", 7, "det", "DET"), ("parole", 11, "obl", "NOUN"), ("di", 9, "case", "ADP"),
        ("Rossi", 7, "nmod", "PROPN"), (",", 7, "punct", "PUNCT"), ("serve", 11, "ROOT", "VERB"),
        ("un'", 13, "det", "DET"), ("azione", 11, "nsubj", "NOUN"), (".", 11, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Rossi": (9, 10)})
    assert [(q.text, q.speaker) for q in found.quotes] == [("serve un' azione", "Rossi")]


def test_il_presidente_del_consiglio_is_the_person_named_premier_before() -> None:
    # "Il premier Rossi parla. Bianchi tace. Secondo il presidente del Consiglio, il voto vale."
    rows = [
        ("Il", 1, "det", "DET"), ("premier", 3, "nsubj", "NOUN"), ("Rossi", 1, "flat:name", "PROPN"),
        ("parla", 3, "ROOT", "VERB"), (".", 3, "punct", "PUNCT"),
        ("Bianchi", 6, "nsubj", "PROPN"), ("tace", 6, "ROOT", "VERB"), (".", 6, "punct", "PUNCT"),
        ("Secondo", 10, "case", "ADP"), ("il", 10, "det", "DET"), ("presidente", 17, "obl", "NOUN"),
        ("del", 12, "case", "ADP"), ("Consiglio", 10, "nmod", "PROPN"), (",", 10, "punct", "PUNCT"),
        ("il", 15, "det", "DET"), ("voto", 17, "nsubj", "NOUN"), ("ora", 17, "advmod", "ADV"),
        ("vale", 17, "ROOT", "VERB"), (".", 17, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Rossi": (2, 3), "Bianchi": (5, 6)})
    assert [(a.source, a.how) for a in found.attributions if a.kind == "according"] == [
        ("Rossi", "coreference")
    ]


def test_what_a_finding_shows_is_its_object() -> None:
    # "The video shows an officer with a gun." - a report verb whose object is what it shows.
    rows = [
        ("The", 1, "det", "DET"), ("video", 2, "nsubj", "NOUN"), ("shows", 2, "ROOT", "VERB"),
        ("an", 4, "det", "DET"), ("officer", 2, "obj", "NOUN"), ("with", 7, "case", "ADP"),
        ("a", 7, "det", "DET"), ("gun", 4, "nmod", "NOUN"), (".", 2, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("en", rows).attributions
    assert [(a.source, a.kind) for a in found] == [("video", "report")]
    assert (
        parsed("en", rows).text[found[0].content[0] : found[0].content[1]]
        == "an officer with a gun"
    )


def test_a_date_after_the_verb_is_never_its_speaker() -> None:
    # "«Vergogna», Rossi ha detto venerdì.", with "venerdì" parsed as the subject.
    rows = [
        ("«", 1, "punct", "PUNCT"), ("Vergogna", 6, "parataxis", "NOUN"), ("»", 1, "punct", "PUNCT"),
        (",", 6, "punct", "PUNCT"), ("Rossi", 1, "appos", "PROPN"), ("ha", 6, "aux", "AUX"),
        ("detto", 6, "ROOT", "VERB", "VerbForm=Part"), ("venerdì", 6, "nsubj", "NOUN"),
        (".", 6, "punct", "PUNCT"),
    ]  # fmt: skip
    doc = parsed("it", rows, {"Rossi": (4, 5)}, dates=[(7, 8)])
    found = extract_facts(doc, "it", "2025-12-18")
    assert [q.speaker for q in found.quotes] == ["Rossi"]


def test_according_to_new_developments_cites_no_one_but_according_to_the_plan_does() -> None:
    def rows(det: str | None, noun: str) -> list[Row]:
        head = [("According", 3 if det else 2, "case", "VERB"), ("to", 0, "fixed", "ADP")]
        if det:
            head.append((det, 3, "det", "DET"))
        at = len(head)
        return head + [
            (noun, at + 3, "obl", "NOUN"), (",", at, "punct", "PUNCT"), ("troops", at + 3, "nsubj", "NOUN"),
            ("leave", at + 3, "ROOT", "VERB"), (".", at + 3, "punct", "PUNCT"),
        ]  # fmt: skip

    assert facts("en", rows(None, "developments")).attributions == []
    assert [a.source for a in facts("en", rows("the", "plan")).attributions] == ["plan"]
    assert [a.source for a in facts("en", rows(None, "officials")).attributions] == ["officials"]


def test_a_predicate_behind_a_preposition_is_no_role() -> None:
    # "Kushner was in attendance." / "Kushner was the envoy."
    def rows(case: bool) -> list[Row]:
        head = [("Kushner", 3, "nsubj", "PROPN"), ("was", 3, "cop", "AUX")]
        middle = [("in", 3, "case", "ADP")] if case else [("the", 3, "det", "DET")]
        return (
            head
            + middle
            + [("attendance" if case else "envoy", 3, "ROOT", "NOUN"), (".", 3, "punct", "PUNCT")]
        )

    assert [p.roles for p in facts("en", rows(True), {"Kushner": (0, 1)}).people] == [[]]
    assert [p.roles for p in facts("en", rows(False), {"Kushner": (0, 1)}).people] == [["envoy"]]


def test_the_name_right_after_a_quote_and_its_verb_speaks_however_the_parse_hung_it() -> None:
    # '"Taxes are rigged for the rich," said Sanders, whose bid was founded on it.' - "Sanders"
    # parsed as the subject of "founded".
    rows = [
        ("“", 3, "punct", "PUNCT"), ("Taxes", 3, "nsubj", "NOUN"), ("are", 3, "cop", "AUX"),
        ("rigged", 9, "ccomp", "ADJ"), ("for", 6, "case", "ADP"), ("the", 6, "det", "DET"),
        ("rich", 3, "obl", "NOUN"), (",", 3, "punct", "PUNCT"), ("”", 3, "punct", "PUNCT"),
        ("said", 9, "ROOT", "VERB"), ("Sanders", 15, "nsubj:pass", "PROPN"),
        (",", 13, "punct", "PUNCT"), ("whose", 13, "nmod:poss", "PRON"),
        ("bid", 15, "nsubj:pass", "NOUN"), ("was", 15, "aux:pass", "AUX"),
        ("founded", 9, "ccomp", "VERB"), ("on", 17, "case", "ADP"), ("it", 15, "obl", "PRON"),
        (".", 9, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("en", rows, {"Sanders": (10, 11)})
    assert [(q.speaker, q.reported) for q in found.quotes if not q.reported] == [("Sanders", False)]


def test_a_title_after_a_quote_and_its_verb_gives_way_to_the_name_it_titles() -> None:
    # "''There's a lot of complexity,'' said Mr. Burman." - "Burman" parsed as a clause.
    rows = [
        ("“", 4, "punct", "PUNCT"), ("Taxes", 4, "nsubj", "NOUN"), ("on", 3, "case", "ADP"),
        ("work", 1, "nmod", "NOUN"), ("rose", 8, "ccomp", "VERB"), ("again", 4, "advmod", "ADV"),
        (",", 4, "punct", "PUNCT"), ("”", 4, "punct", "PUNCT"), ("said", 8, "ROOT", "VERB"),
        ("Mr.", 10, "nmod:desc", "PROPN"), ("Burman", 8, "ccomp", "PROPN"),
        (".", 8, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("en", rows, {"Burman": (10, 11)})
    assert [q.speaker for q in found.quotes if not q.reported] == ["Burman"]


def test_a_name_the_parse_hung_on_the_verb_as_an_adverb_is_its_subject() -> None:
    # "PolitiFact announced it will have checkers." - "PolitiFact" parsed as advmod.
    rows = [
        ("PolitiFact", 1, "advmod", "PROPN"), ("announced", 1, "ROOT", "VERB", "VerbForm=Fin"),
        ("it", 4, "nsubj", "PRON"), ("will", 4, "aux", "AUX"), ("have", 1, "ccomp", "VERB"),
        ("checkers", 4, "obj", "NOUN"), (".", 1, "punct", "PUNCT"),
    ]  # fmt: skip
    assert [a.source for a in facts("en", rows).attributions] == ["PolitiFact"]


def test_a_verb_joined_to_the_name_heading_the_sentence_has_it_for_subject() -> None:
    # "Ban, the secretary general, vowed to act." - "vowed" parsed as conj of "Ban".
    rows = [
        ("Ban", 0, "ROOT", "PROPN"), (",", 4, "punct", "PUNCT"), ("the", 4, "det", "DET"),
        ("secretary", 4, "compound", "NOUN"), ("general", 0, "appos", "NOUN"),
        (",", 6, "punct", "PUNCT"), ("vowed", 0, "conj", "VERB", "VerbForm=Fin"),
        ("to", 8, "mark", "PART"), ("act", 6, "xcomp", "VERB", "VerbForm=Inf"),
        (".", 0, "punct", "PUNCT"),
    ]  # fmt: skip
    doc = parsed("en", rows, {"Ban": (0, 1)})
    frames = find_frames(Parse.from_doc(doc), "en", [])
    assert [(f.source_head, f.how) for f in frames] == [(0, "subject")]
    assert [a.source for a in extract_facts(doc, "en", "2025-12-18").attributions] == ["Ban"]


def test_a_quote_on_the_line_after_a_colon_is_the_colon_clause_s() -> None:
    # 'Smith writes:\n\n“In an illustration of the lack of enthusiasm, few gave.”'
    rows = [
        ("Smith", 1, "nsubj", "PROPN"), ("writes", 1, "ROOT", "NOUN"), (":", 1, "punct", "PUNCT"),
        ("\n\n", 2, "dep", "SPACE"), ("“", 10, "punct", "PUNCT"), ("In", 6, "case", "ADP"),
        ("an", 6, "det", "DET"), ("illustration", 10, "obl", "NOUN"), ("of", 9, "case", "ADP"),
        ("the", 9, "det", "DET"), ("lack", 6, "nmod", "NOUN"), (",", 10, "punct", "PUNCT"),
        ("few", 12, "nsubj", "PRON"), ("gave", 12, "ROOT", "VERB"), (".", 12, "punct", "PUNCT"),
        ("”", 12, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("en", rows, {"Smith": (0, 1)})
    assert [q.speaker for q in found.quotes if not q.reported] == ["Smith"]


def test_the_words_between_a_closing_quote_and_its_verb_are_the_speaker() -> None:
    # '"Not good, great," Rep. Elijah Cummings said.' - the name hung on the quote's clause.
    rows = [
        ("“", 2, "punct", "PUNCT"), ("Not", 2, "advmod", "PART"), ("good", 2, "ROOT", "ADJ"),
        (",", 4, "punct", "PUNCT"), ("great", 2, "conj", "ADJ"), (",", 2, "punct", "PUNCT"),
        ("”", 2, "punct", "PUNCT"), ("Rep.", 9, "amod", "ADJ"), ("Elijah", 9, "compound", "PROPN"),
        ("Cummings", 2, "nmod", "PROPN"), ("said", 10, "ROOT", "VERB", "VerbForm=Fin"),
        (".", 10, "punct", "PUNCT"),
    ]  # fmt: skip
    doc = parsed("en", rows)
    frames = find_frames(Parse.from_doc(doc), "en", quote_spans_of(doc.text))
    assert [(f.source_head, f.how) for f in frames] == [(9, "subject")]


def test_a_name_after_a_quote_s_sentence_end_is_not_taken_for_its_speaker() -> None:
    # '«...». Rossi, già ministro, ha parlato.': another sentence, whatever the parse says.
    rows = [
        ("«", 1, "punct", "PUNCT"), ("Basta", 1, "ROOT", "VERB"), ("»", 1, "punct", "PUNCT"),
        (".", 1, "punct", "PUNCT"), ("Rossi", 7, "obl", "PROPN"), (",", 4, "punct", "PUNCT"),
        ("ha", 7, "aux", "AUX"), ("detto", 7, "ROOT", "VERB"), ("no", 7, "obj", "ADV"),
        (".", 7, "punct", "PUNCT"),
    ]  # fmt: skip
    doc = parsed("it", rows)
    frames = find_frames(Parse.from_doc(doc), "it", quote_spans_of(doc.text))
    assert [f.source_head for f in frames] == [None]


def test_a_name_set_off_by_commas_after_a_role_is_the_source_not_a_conjunct() -> None:
    # "A lawyer for the outlets, David Schulz, said no." - "David" parsed as a conjunct.
    rows = [
        ("A", 1, "det", "DET"), ("lawyer", 9, "nsubj", "NOUN"), ("for", 4, "case", "ADP"),
        ("the", 4, "det", "DET"), ("outlets", 1, "nmod", "NOUN"), (",", 6, "punct", "PUNCT"),
        ("David", 1, "conj", "PROPN"), ("Schulz", 6, "flat", "PROPN"), (",", 6, "punct", "PUNCT"),
        ("said", 9, "ROOT", "VERB", "VerbForm=Fin"), ("no", 9, "obj", "INTJ"),
        (".", 9, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("en", rows, {"David Schulz": (6, 8)})
    assert [a.source for a in found.attributions] == ["David Schulz"]


def test_a_document_s_source_keeps_the_clause_that_names_where_it_comes_from() -> None:
    # "A study that appeared in the Journal found that ..."
    rows = [
        ("A", 1, "det", "DET"), ("study", 7, "nsubj", "NOUN"), ("that", 3, "nsubj", "PRON"),
        ("appeared", 1, "acl:relcl", "VERB"), ("in", 6, "case", "ADP"), ("the", 6, "det", "DET"),
        ("Journal", 3, "obl", "PROPN"), ("found", 7, "ROOT", "VERB", "VerbForm=Fin"),
        ("that", 10, "mark", "SCONJ"), ("advice", 10, "nsubj", "NOUN"),
        ("failed", 7, "ccomp", "VERB", "VerbForm=Fin"), (".", 7, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("en", rows)
    assert [a.source for a in found.attributions] == ["study that appeared in the Journal"]


def test_chanting_is_speech() -> None:
    # 'Protesters marched, chanting “What curfew?”'
    rows = [
        ("Protesters", 1, "nsubj", "NOUN"), ("marched", 1, "ROOT", "VERB", "VerbForm=Fin"),
        (",", 3, "punct", "PUNCT"), ("chanting", 1, "advcl", "VERB", "VerbForm=Ger"),
        ("“", 6, "punct", "PUNCT"), ("What", 6, "det", "DET"), ("curfew", 3, "obj", "NOUN"),
        ("?", 6, "punct", "PUNCT"), ("”", 6, "punct", "PUNCT"),
    ]  # fmt: skip
    assert [a.source for a in facts("en", rows).attributions] == ["Protesters"]


def test_a_verb_tagged_as_a_plural_noun_still_reports_its_that_clause() -> None:
    # "The Post reports that the team left." - "reports" tagged NOUN, "Post" its compound.
    rows = [
        ("The", 1, "det", "DET"), ("Post", 2, "compound", "PROPN"), ("reports", 2, "ROOT", "NOUN"),
        ("that", 6, "mark", "SCONJ"), ("the", 5, "det", "DET"), ("team", 6, "nsubj", "NOUN"),
        ("left", 2, "acl", "VERB", "VerbForm=Fin"), (".", 2, "punct", "PUNCT"),
    ]  # fmt: skip
    doc = parsed("en", rows)
    frames = find_frames(Parse.from_doc(doc), "en", [])
    assert [(f.source_head, doc.text[f.content[0] : f.content[1]]) for f in frames] == [
        (1, "the team left")
    ]


def test_an_agent_without_by_is_a_misparse_not_the_speaker() -> None:
    # 'Protesters marching chanted "What curfew?"' - "curfew" parsed as obl:agent.
    rows = [
        ("Protesters", 0, "ROOT", "NOUN"), ("marching", 0, "acl", "VERB", "VerbForm=Ger"),
        ("chanted", 0, "acl", "VERB", "VerbForm=Fin"), ("“", 5, "punct", "PUNCT"),
        ("What", 5, "det", "DET"), ("curfew", 2, "obl:agent", "NOUN"), ("?", 5, "punct", "PUNCT"),
        ("”", 5, "punct", "PUNCT"),
    ]  # fmt: skip
    assert [a.source for a in facts("en", rows).attributions] == ["Protesters"]


def test_a_name_right_before_a_verb_with_no_subject_is_its_subject_and_alone() -> None:
    # "At a gig with Barbra Streisand, Clinton called them “deplorables.”" - "Clinton" hung
    # on "gig", with "Streisand" below it.
    rows = [
        ("At", 2, "case", "ADP"), ("a", 2, "det", "DET"), ("gig", 9, "obl", "NOUN"),
        ("with", 5, "case", "ADP"), ("Barbra", 5, "compound", "PROPN"),
        ("Streisand", 7, "nmod", "PROPN"), (",", 7, "punct", "PUNCT"), ("Clinton", 2, "nmod", "PROPN"),
        ("then", 9, "advmod", "ADV"), ("called", 9, "ROOT", "VERB", "VerbForm=Fin"),
        ("them", 9, "obj", "PRON"), ("“", 12, "punct", "PUNCT"), ("deplorables", 9, "obl", "NOUN"),
        (".", 9, "punct", "PUNCT"), ("”", 9, "punct", "PUNCT"),
    ]  # fmt: skip
    doc = parsed("en", rows, {"Clinton": (7, 8)})
    frames = find_frames(Parse.from_doc(doc), "en", quote_spans_of(doc.text))
    assert [(f.source_head, doc.text[f.source[0] : f.source[1]]) for f in frames] == [
        (7, "Clinton")
    ]


def test_a_gerund_tagged_as_a_noun_after_a_comma_reports_for_its_clause_s_subject() -> None:
    # "Trump walked onto the stage, chanting “U-S-A!”" - "chanting" tagged NOUN, on "stage".
    rows = [
        ("Trump", 1, "nsubj", "PROPN"), ("walked", 1, "ROOT", "VERB", "VerbForm=Fin"),
        ("onto", 4, "case", "ADP"), ("the", 4, "det", "DET"), ("stage", 1, "obl", "NOUN"),
        (",", 6, "punct", "PUNCT"), ("chanting", 4, "acl", "NOUN"), ("“", 8, "punct", "PUNCT"),
        ("USA", 6, "obj", "PROPN"), ("!", 8, "punct", "PUNCT"), ("”", 8, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("en", rows, {"Trump": (0, 1)})
    assert [a.source for a in found.attributions] == ["Trump"]


def test_as_a_memo_put_it_credits_the_memo() -> None:
    # 'a “lawful source of income,” as a Homeland Security memo put it.' - "memo" hung as obl.
    rows = [
        ("It", 2, "nsubj", "PRON"), ("is", 2, "cop", "AUX"), ("income", 2, "ROOT", "NOUN"),
        (",", 2, "punct", "PUNCT"), ("as", 6, "case", "ADP"), ("a", 6, "det", "DET"),
        ("memo", 7, "obl", "NOUN"), ("put", 2, "acl", "VERB", "VerbForm=Fin"),
        ("it", 7, "obj", "PRON"), (".", 2, "punct", "PUNCT"),
    ]  # fmt: skip
    doc = parsed("en", rows)
    frames = find_frames(Parse.from_doc(doc), "en", [])
    assert [(f.kind, f.source_head) for f in frames] == [("speech", 6)]
    # Without "as", "put it" is only putting.
    rows[4] = ("so", 6, "advmod", "ADV")
    assert find_frames(Parse.from_doc(parsed("en", rows)), "en", []) == []


def test_a_verb_on_a_participle_describing_a_noun_has_that_noun_for_subject() -> None:
    # 'Protesters marching through town chanted “What curfew?”' - "chanted" an advcl of
    # "marching", itself on "Protesters".
    rows = [
        ("Protesters", 0, "ROOT", "NOUN"), ("marching", 0, "acl", "VERB", "VerbForm=Ger"),
        ("through", 3, "case", "ADP"), ("town", 1, "obl", "NOUN"),
        ("chanted", 1, "advcl", "VERB", "VerbForm=Fin"), ("“", 7, "punct", "PUNCT"),
        ("What", 7, "det", "DET"), ("curfew", 4, "ccomp", "NOUN"), ("?", 7, "punct", "PUNCT"),
        ("”", 7, "punct", "PUNCT"),
    ]  # fmt: skip
    doc = parsed("en", rows)
    frames = find_frames(Parse.from_doc(doc), "en", quote_spans_of(doc.text))
    assert [(f.source_head, f.how) for f in frames] == [(0, "shared")]


def test_a_clause_s_subject_is_never_taken_from_inside_a_quote() -> None:
    # 'Dean, a doctor, poked at it, tweeting, “Notice Trump sniffing.”' - "Dean" hung on the
    # quote's verb, whose subject "Trump" is the quote's own.
    rows = [
        ("Dean", 14, "vocative", "PROPN"), (",", 3, "punct", "PUNCT"), ("a", 3, "det", "DET"),
        ("doctor", 0, "appos", "NOUN"), (",", 3, "punct", "PUNCT"),
        ("poked", 0, "conj", "VERB", "VerbForm=Part"), ("at", 7, "case", "ADP"),
        ("it", 5, "obl", "PRON"), (",", 9, "punct", "PUNCT"), ("tweeting", 5, "obl", "NOUN"),
        (",", 9, "punct", "PUNCT"), ("“", 14, "punct", "PUNCT"), ("Notice", 13, "compound", "PROPN"),
        ("Trump", 14, "nsubj", "PROPN"), ("sniffing", 14, "ROOT", "VERB", "VerbForm=Ger"),
        (".", 14, "punct", "PUNCT"), ("”", 14, "punct", "PUNCT"),
    ]  # fmt: skip
    doc = parsed("en", rows, {"Dean": (0, 1), "Trump": (13, 14)})
    frames = find_frames(Parse.from_doc(doc), "en", quote_spans_of(doc.text))
    assert [f.source_head for f in frames] == [0]


def test_a_noun_after_a_verb_whose_object_is_a_clitic_before_it_is_its_inverted_subject() -> None:
    # "Lo ha confermato il ministro.": the parse made "ministro" a second object.
    rows = [
        ("Lo", 2, "obj", "PRON", "Clitic=Yes|PronType=Prs"), ("ha", 2, "aux", "AUX"),
        ("confermato", 2, "ROOT", "VERB", "VerbForm=Part"), ("il", 4, "det", "DET"),
        ("ministro", 2, "obj", "NOUN"), (".", 2, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows).attributions
    assert [(a.source, a.how) for a in found] == [("ministro", "frame")]


def _made_known_rows(negated: bool = False) -> list[Row]:
    # "La polizia (non) ha reso noto che Rossi è stato arrestato."
    rows = [
        ("La", 1, "det", "DET"), ("polizia", 3, "nsubj", "NOUN"), ("ha", 3, "aux", "AUX"),
        ("reso", 3, "ROOT", "VERB", "VerbForm=Part"), ("noto", 3, "xcomp", "ADJ"),
        ("che", 9, "mark", "SCONJ"), ("Rossi", 9, "nsubj:pass", "PROPN"), ("è", 9, "aux", "AUX"),
        ("stato", 9, "aux:pass", "AUX"), ("arrestato", 3, "ccomp", "VERB", "VerbForm=Part"),
        (".", 3, "punct", "PUNCT"),
    ]  # fmt: skip
    if negated:
        rows = [("Non", 4, "advmod", "ADV"), *((w, h + 1, *rest) for w, h, *rest in rows)]
        rows[1] = ("la", 2, "det", "DET")
    return rows


def test_rendere_noto_reports_its_clause_for_its_subject() -> None:
    rows = _made_known_rows()
    found = facts("it", rows, {"Rossi": (6, 7)}).attributions
    assert [(a.source, rows_text(rows, a.content)) for a in found] == [
        ("polizia", "Rossi è stato arrestato")
    ]
    assert found[0].text == "La polizia ha reso noto"


def test_rendere_noto_negated_reports_nothing() -> None:
    assert facts("it", _made_known_rows(negated=True), {"Rossi": (7, 8)}).attributions == []


def test_the_noun_made_known_is_what_is_reported_not_who_reports_it() -> None:
    # "Rossi rende nota la sua intenzione.": the parse made "intenzione" the subject.
    rows = [
        ("Rossi", 1, "nsubj", "PROPN"), ("rende", 1, "ROOT", "VERB", "VerbForm=Fin"),
        ("nota", 1, "xcomp", "ADJ"), ("la", 5, "det", "DET"), ("sua", 5, "det:poss", "DET"),
        ("intenzione", 1, "nsubj", "NOUN"), (".", 1, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Rossi": (0, 1)}).attributions
    assert [(a.source, rows_text(rows, a.content)) for a in found] == [
        ("Rossi", "la sua intenzione")
    ]


def test_a_noun_after_an_indefinite_article_set_off_by_a_comma_is_a_role() -> None:
    # "Parla Fredrick Mbuya, un riservista della polizia.": the parse made "riservista" a
    # conjunct of the verb, and "riservista" is no listed role word.
    rows = [
        ("Parla", 0, "ROOT", "VERB"), ("Fredrick", 0, "nsubj", "PROPN"),
        ("Mbuya", 1, "flat:name", "PROPN"), (",", 5, "punct", "PUNCT"), ("un", 5, "det", "DET"),
        ("riservista", 0, "conj", "NOUN"), ("della", 7, "case", "ADP"),
        ("polizia", 5, "nmod", "NOUN"), (".", 0, "punct", "PUNCT"),
    ]  # fmt: skip
    people = facts("it", rows, {"Fredrick Mbuya": (1, 3)}).people
    assert [(p.name, p.roles) for p in people] == [("Fredrick Mbuya", ["riservista della polizia"])]


def test_a_name_in_a_short_quoted_term_with_a_common_noun_is_no_person() -> None:
    # "Restituiti i «Monti bond» allo Stato."
    rows = [
        ("Restituiti", 0, "ROOT", "VERB"), ("i", 4, "det", "DET"), ("«", 3, "punct", "PUNCT"),
        ("Monti", 4, "compound", "PROPN"), ("bond", 0, "nsubj:pass", "NOUN"),
        ("»", 3, "punct", "PUNCT"), ("allo", 7, "case", "ADP"), ("Stato", 0, "obl", "NOUN"),
        (".", 0, "punct", "PUNCT"),
    ]  # fmt: skip
    assert facts("it", rows, {"Monti": (3, 4)}).people == []


def test_a_title_standing_for_another_finds_the_person_who_holds_that_one() -> None:
    # "Il presidente iracheno Rossi parla. Bianchi vota. L'ex raìs ha detto che la guerra è
    # finita.": "raìs" is what the press calls an Arab president; Bianchi is only the last
    # subject.
    rows = [
        ("Il", 1, "det", "DET"), ("presidente", 4, "nsubj", "NOUN"), ("iracheno", 1, "amod", "ADJ"),
        ("Rossi", 1, "appos", "PROPN"), ("parla", 4, "ROOT", "VERB"), (".", 4, "punct", "PUNCT"),
        ("Bianchi", 7, "nsubj", "PROPN"), ("vota", 7, "ROOT", "VERB"), (".", 7, "punct", "PUNCT"),
        ("L'", 11, "det", "DET"), ("ex", 11, "amod", "ADJ"), ("raìs", 13, "nsubj", "NOUN"),
        ("ha", 13, "aux", "AUX"), ("detto", 13, "ROOT", "VERB", "VerbForm=Part"),
        ("che", 18, "mark", "SCONJ"), ("la", 16, "det", "DET"), ("guerra", 18, "nsubj", "NOUN"),
        ("è", 18, "aux", "AUX"), ("finita", 13, "ccomp", "VERB"), (".", 13, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Rossi": (3, 4), "Bianchi": (6, 7)})
    assert [(a.source, a.how) for a in found.attributions] == [("Rossi", "coreference")]


def test_a_verb_tagged_as_a_noun_after_a_quote_and_its_speaker_frames_the_quote() -> None:
    # '"Pay your taxes now!" a narrator in the ad asks.': "asks" tagged a plural noun hung on
    # "narrator", and "narrator" made the quote's object.
    rows = [
        ("“", 1, "punct", "PUNCT"), ("Pay", 1, "ROOT", "VERB"), ("your", 3, "det:poss", "PRON"),
        ("taxes", 1, "obj", "NOUN"), ("now", 1, "advmod", "ADV"), ("!", 1, "punct", "PUNCT"),
        ("”", 1, "punct", "PUNCT"), ("a", 8, "det", "DET"), ("narrator", 1, "obj", "NOUN"),
        ("in", 11, "case", "ADP"), ("the", 11, "det", "DET"), ("ad", 8, "nmod", "NOUN"),
        ("asks", 8, "nmod", "NOUN", "Number=Plur"), (".", 1, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("en", rows)
    assert [(q.text, q.speaker) for q in found.quotes] == [
        ("Pay your taxes now !", "narrator in the ad")
    ]


def test_an_organisation_before_an_unnamed_official_is_not_the_speaker() -> None:
    # "A White House official said the talks failed."
    rows = [
        ("A", 3, "det", "DET"), ("White", 2, "amod", "ADJ"), ("House", 3, "compound", "PROPN"),
        ("official", 4, "nsubj", "NOUN"), ("said", 4, "ROOT", "VERB", "VerbForm=Fin"),
        ("the", 6, "det", "DET"), ("talks", 7, "nsubj", "NOUN"), ("failed", 4, "ccomp", "VERB"),
        (".", 4, "punct", "PUNCT"),
    ]  # fmt: skip
    doc = parsed("en", rows)
    doc.ents = [doc.char_span(2, 13, label="ORG")]
    found = extract_facts(doc, "en", "2025-12-18").attributions
    assert [a.source for a in found] == ["White House official"]


def _role_mention_rows(words: list[str]) -> list[Row]:
    # "Rossi spoke. <words> said the talks failed.": words[-1] the subject's head noun.
    n = len(words)
    rows: list[Row] = [
        ("Rossi", 1, "nsubj", "PROPN"),
        ("spoke", 1, "ROOT", "VERB"),
        (".", 1, "punct", "PUNCT"),
    ]
    head, verb = 3 + n - 1, 3 + n
    for word in words[:-1]:
        pos = "DET" if word.lower() in {"the", "a"} else ("PROPN" if word[0].isupper() else "NOUN")
        rows.append((word, head, "det" if pos == "DET" else "compound", pos))
    rows.append((words[-1], verb, "nsubj", "NOUN"))
    rows += [
        ("said", verb, "ROOT", "VERB", "VerbForm=Fin"), ("the", verb + 2, "det", "DET"),
        ("talks", verb + 3, "nsubj", "NOUN"), ("failed", verb, "ccomp", "VERB"),
        (".", verb, "punct", "PUNCT"),
    ]  # fmt: skip
    return rows


def test_a_bare_role_is_the_person_spoken_of_but_a_named_place_s_role_is_someone_else() -> None:
    bare = facts("en", _role_mention_rows(["The", "senator"]), {"Rossi": (0, 1)})
    assert [(a.source, a.how) for a in bare.attributions] == [("Rossi", "coreference")]
    placed = facts("en", _role_mention_rows(["The", "Vermont", "senator"]), {"Rossi": (0, 1)})
    assert [a.source for a in placed.attributions] == ["Vermont senator"]


def test_a_role_mention_goes_to_the_person_whose_role_says_most_of_it() -> None:
    # "Attorney General Verdi spoke. City Attorney Rossi spoke. The attorney general said the
    # talks failed.", "attorney" the head: Rossi is nearer, Verdi holds the whole role.
    rows = [
        ("Attorney", 2, "compound", "PROPN"), ("General", 2, "compound", "PROPN"),
        ("Verdi", 3, "nsubj", "PROPN"), ("spoke", 3, "ROOT", "VERB"), (".", 3, "punct", "PUNCT"),
        ("City", 7, "compound", "PROPN"), ("Attorney", 7, "compound", "PROPN"),
        ("Rossi", 8, "nsubj", "PROPN"), ("spoke", 8, "ROOT", "VERB"), (".", 8, "punct", "PUNCT"),
        ("The", 11, "det", "DET"), ("attorney", 13, "nsubj", "NOUN"), ("general", 11, "amod", "ADJ"),
        ("said", 13, "ROOT", "VERB", "VerbForm=Fin"), ("the", 15, "det", "DET"),
        ("talks", 16, "nsubj", "NOUN"), ("failed", 13, "ccomp", "VERB"), (".", 13, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("en", rows, {"Verdi": (2, 3), "Rossi": (7, 8)})
    assert [a.source for a in found.attributions] == ["Verdi"]


def test_a_source_that_speaks_of_something_reports_it() -> None:
    # "Fonti locali parlano di venti vittime."
    rows = [
        ("Fonti", 2, "nsubj", "NOUN"), ("locali", 0, "amod", "ADJ"), ("parlano", 2, "ROOT", "VERB"),
        ("di", 5, "case", "ADP"), ("venti", 5, "nummod", "NUM"), ("vittime", 2, "obl", "NOUN"),
        (".", 2, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows).attributions
    assert [(a.source, rows_text(rows, a.content)) for a in found] == [
        ("Fonti locali", "venti vittime")
    ]


def test_the_object_of_a_gerund_after_a_comma_is_never_its_speaker() -> None:
    # "Il Norad è pronto, assicurando la protezione del continente."
    rows = [
        ("Il", 1, "det", "DET"), ("Norad", 3, "nsubj", "PROPN"), ("è", 3, "cop", "AUX"),
        ("pronto", 3, "ROOT", "ADJ"), (",", 5, "punct", "PUNCT"),
        ("assicurando", 3, "advcl", "VERB", "VerbForm=Ger"), ("la", 7, "det", "DET"),
        ("protezione", 5, "obj", "NOUN"), ("del", 9, "case", "ADP"), ("continente", 7, "nmod", "NOUN"),
        (".", 3, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows).attributions
    assert all(a.source != "protezione del continente" for a in found)


def test_a_source_with_no_name_that_stands_for_no_one_named_is_unnamed() -> None:
    # "Il macchinista rimasto illeso ha dichiarato che il treno correva."
    rows = [
        ("Il", 1, "det", "DET"), ("macchinista", 5, "nsubj", "NOUN"),
        ("rimasto", 1, "acl", "VERB", "VerbForm=Part"), ("illeso", 2, "xcomp", "ADJ"),
        ("ha", 5, "aux", "AUX"), ("dichiarato", 5, "ROOT", "VERB", "VerbForm=Part"),
        ("che", 10, "mark", "SCONJ"), ("il", 8, "det", "DET"), ("treno", 10, "nsubj", "NOUN"),
        ("ora", 10, "advmod", "ADV"), ("correva", 5, "ccomp", "VERB"), (".", 5, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows).attributions
    assert [(a.source, a.anonymous) for a in found] == [("macchinista", True)]


def test_they_after_a_group_that_spoke_as_one_is_that_group() -> None:
    # "Smith and Jones arrived. The two said talks failed. They said war continues."
    rows = [
        ("Smith", 3, "nsubj", "PROPN"), ("and", 2, "cc", "CCONJ"), ("Jones", 0, "conj", "PROPN"),
        ("arrived", 3, "ROOT", "VERB"), (".", 3, "punct", "PUNCT"),
        ("The", 6, "det", "DET"), ("two", 7, "nsubj", "NUM"), ("said", 7, "ROOT", "VERB"),
        ("talks", 9, "nsubj", "NOUN"), ("failed", 7, "ccomp", "VERB"), (".", 7, "punct", "PUNCT"),
        ("They", 12, "nsubj", "PRON"), ("said", 12, "ROOT", "VERB"), ("war", 14, "nsubj", "NOUN"),
        ("continues", 12, "ccomp", "VERB"), (".", 12, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("en", rows, {"Smith": (0, 1), "Jones": (2, 3)}).attributions
    assert [a.source for a in found] == ["Smith, Jones", "Smith, Jones"]


def test_whoever_says_something_is_no_one_in_particular() -> None:
    # "Rossi parla. C'è chi sostiene che il ponte cadrà."
    rows = [
        ("Rossi", 1, "nsubj", "PROPN"), ("parla", 1, "ROOT", "VERB"), (".", 1, "punct", "PUNCT"),
        ("C'", 4, "expl", "PRON"), ("è", 4, "ROOT", "VERB"), ("chi", 6, "nsubj", "PRON"),
        ("sostiene", 4, "ccomp", "VERB"), ("che", 10, "mark", "SCONJ"), ("il", 9, "det", "DET"),
        ("ponte", 10, "nsubj", "NOUN"), ("cadrà", 6, "ccomp", "VERB"), (".", 4, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Rossi": (0, 1)}).attributions
    assert [a.source for a in found] == [None]


def test_an_italian_name_after_a_thing_the_parse_hung_it_on_speaks_itself() -> None:
    # "È tornato sul palco Morandi, che ha detto che era bello.": "Morandi" hung on "palco".
    rows = [
        ("È", 1, "aux", "AUX"), ("tornato", 1, "ROOT", "VERB"), ("sul", 3, "case", "ADP"),
        ("palco", 1, "obl", "NOUN"), ("Morandi", 3, "nmod", "PROPN"), (",", 8, "punct", "PUNCT"),
        ("che", 8, "nsubj", "PRON"), ("ha", 8, "aux", "AUX"),
        ("detto", 3, "acl:relcl", "VERB", "VerbForm=Part"), ("che", 11, "mark", "SCONJ"),
        ("era", 11, "cop", "AUX"), ("bello", 8, "ccomp", "ADJ"), (".", 1, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Morandi": (4, 5)}).attributions
    assert [a.source for a in found] == ["Morandi"]


def test_a_role_of_an_unnamed_body_is_an_unnamed_source_not_the_last_speaker() -> None:
    rows = _role_mention_rows(["The", "ministry", "spokesman"])
    found = facts("en", rows, {"Rossi": (0, 1)}).attributions
    assert [(a.source, a.anonymous) for a in found] == [("ministry spokesman", True)]


def test_a_participle_naming_the_noun_before_it_reports_nothing() -> None:
    # "Canada funded the centre, called the Laqlaq Society."
    rows = [
        ("Canada", 1, "nsubj", "PROPN"), ("funded", 1, "ROOT", "VERB"), ("the", 3, "det", "DET"),
        ("centre", 1, "obj", "NOUN"), (",", 5, "punct", "PUNCT"),
        ("called", 3, "acl", "VERB", "VerbForm=Part"), ("the", 8, "det", "DET"),
        ("Laqlaq", 8, "compound", "PROPN"), ("Society", 5, "obj", "PROPN"), (".", 1, "punct", "PUNCT"),
    ]  # fmt: skip
    assert facts("en", rows).attributions == []


def test_a_reporting_verb_with_a_particle_of_another_sense_reports_nothing() -> None:
    # "Vogts has called up a squad."
    rows = [
        ("Vogts", 2, "nsubj", "PROPN"), ("has", 2, "aux", "AUX"),
        ("called", 2, "ROOT", "VERB", "VerbForm=Part"), ("up", 2, "compound:prt", "ADP"),
        ("a", 5, "det", "DET"), ("squad", 2, "obj", "NOUN"), (".", 2, "punct", "PUNCT"),
    ]  # fmt: skip
    assert facts("en", rows, {"Vogts": (0, 1)}).attributions == []


def test_a_participle_between_a_number_and_its_noun_reports_nothing() -> None:
    # "Clinton led Sanders by 300 pledged delegates." (the parse made "pledged" a verb)
    rows = [
        ("Clinton", 1, "nsubj", "PROPN"), ("led", 1, "ROOT", "VERB"), ("Sanders", 1, "obj", "PROPN"),
        ("by", 4, "case", "ADP"), ("300", 1, "obl", "NUM"), ("pledged", 1, "xcomp", "VERB"),
        ("delegates", 5, "obj", "NOUN"), (".", 1, "punct", "PUNCT"),
    ]  # fmt: skip
    assert facts("en", rows, {"Clinton": (0, 1), "Sanders": (2, 3)}).attributions == []


def test_a_verb_after_a_number_still_reports() -> None:
    # "A reading above 50 indicates expansion.": only a participle there describes the noun.
    rows = [
        ("A", 1, "det", "DET"), ("reading", 4, "nsubj", "NOUN"), ("above", 3, "case", "ADP"),
        ("50", 1, "nmod", "NUM"), ("indicates", 4, "ROOT", "VERB"), ("expansion", 4, "obj", "NOUN"),
        (".", 4, "punct", "PUNCT"),
    ]  # fmt: skip
    assert [a.text for a in facts("en", rows).attributions] == ["A reading above 50 indicates"]


def test_a_that_clause_hung_on_a_misattached_day_is_the_content() -> None:
    # "Netanyahu said Wednesday that he would go." (the parse made the day the complement)
    rows = [
        ("Netanyahu", 1, "nsubj", "PROPN"), ("said", 1, "ROOT", "VERB"),
        ("Wednesday", 1, "ccomp", "PROPN"), ("that", 6, "mark", "SCONJ"),
        ("he", 6, "nsubj", "PRON"), ("would", 6, "aux", "AUX"), ("go", 2, "acl:relcl", "VERB"),
        (".", 1, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("en", rows, {"Netanyahu": (0, 1)})
    assert [q.text for q in found.quotes if q.reported] == ["he would go"]


def test_a_nouns_own_that_clause_stays_in_the_content() -> None:
    # "Biden said the accusation that Clinton lied hurt them."
    rows = [
        ("Biden", 1, "nsubj", "PROPN"), ("said", 1, "ROOT", "VERB"), ("the", 3, "det", "DET"),
        ("accusation", 1, "ccomp", "NOUN"), ("that", 6, "mark", "SCONJ"),
        ("Clinton", 6, "nsubj", "PROPN"), ("lied", 3, "acl", "VERB"), ("hurt", 3, "acl", "VERB"),
        ("them", 7, "obj", "PRON"), (".", 1, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("en", rows, {"Biden": (0, 1), "Clinton": (5, 6)})
    assert [q.text for q in found.quotes if q.reported] == [
        "the accusation that Clinton lied hurt them"
    ]


def test_the_noun_after_a_present_participle_is_its_listener_not_its_speaker() -> None:
    # "Trump smiled, telling the crowd, “We win.”"
    rows = [
        ("Trump", 1, "nsubj", "PROPN"), ("smiled", 1, "ROOT", "VERB"), (",", 3, "punct", "PUNCT"),
        ("telling", 1, "advcl", "VERB", "Tense=Pres|VerbForm=Part"), ("the", 5, "det", "DET"),
        ("crowd", 3, "obj", "NOUN"), (",", 3, "punct", "PUNCT"), ("“", 9, "punct", "PUNCT"),
        ("We", 9, "nsubj", "PRON"), ("win", 1, "parataxis", "VERB"), (".", 9, "punct", "PUNCT"),
        ("”", 9, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("en", rows, {"Trump": (0, 1)})
    assert [(q.speaker, q.text) for q in found.quotes] == [("Trump", "We win.")]


def test_a_name_parsed_as_the_object_after_said_is_its_subject() -> None:
    # "Voters get nervous, said Christine Link." (the parse made "Link" an object)
    rows = [
        ("Voters", 1, "nsubj", "NOUN"), ("get", 4, "ccomp", "VERB"), ("nervous", 1, "xcomp", "ADJ"),
        (",", 1, "punct", "PUNCT"), ("said", 4, "ROOT", "VERB"), ("Christine", 6, "compound", "PROPN"),
        ("Link", 4, "obj", "PROPN"), (".", 4, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("en", rows, {"Christine Link": (5, 7)})
    assert [(a.source, a.text) for a in found.attributions] == [
        ("Christine Link", "said Christine Link")
    ]


def test_a_thing_right_after_a_verb_with_its_clause_before_is_no_speaker() -> None:
    # "Costs rose, expressed doubts." : only a noun that can speak is an inverted subject.
    rows = [
        ("Costs", 1, "nsubj", "NOUN"), ("rose", 3, "ccomp", "VERB"), (",", 1, "punct", "PUNCT"),
        ("expressed", 3, "ROOT", "VERB"), ("doubts", 3, "obj", "NOUN"), (".", 3, "punct", "PUNCT"),
    ]  # fmt: skip
    assert [a.source for a in facts("en", rows).attributions] in ([], [None])


def test_a_name_before_an_age_in_commas_speaks_when_the_parse_lost_it() -> None:
    # "Arriving late, Jim Bennett, 57, said it was early." ("Bennett" hung on "Arriving")
    rows = [
        ("Arriving", 8, "advcl", "VERB", "Tense=Pres|VerbForm=Part"), ("late", 0, "advmod", "ADV"),
        (",", 0, "punct", "PUNCT"), ("Jim", 0, "obl", "PROPN"), ("Bennett", 3, "flat", "PROPN"),
        (",", 6, "punct", "PUNCT"), ("57", 3, "list", "NUM"), (",", 3, "punct", "PUNCT"),
        ("said", 8, "ROOT", "VERB", "VerbForm=Fin"), ("it", 11, "nsubj", "PRON"),
        ("was", 11, "cop", "AUX"), ("early", 8, "ccomp", "ADJ"), (".", 8, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("en", rows, {"Jim Bennett": (3, 5)})
    assert [(a.source, a.text) for a in found.attributions] == [
        ("Jim Bennett", "Jim Bennett, 57, said")
    ]


def test_a_name_before_a_role_of_someone_elses_in_commas_speaks() -> None:
    # "Ahead of the vote, Patti Davis, Reagan's daughter, said it was early." ("Davis" hung on
    # "vote"; the name in the apposition only owns the role)
    rows = [
        ("Ahead", 12, "advmod", "ADV"), ("of", 3, "case", "ADP"), ("the", 3, "det", "DET"),
        ("vote", 0, "obl", "NOUN"), (",", 5, "punct", "PUNCT"), ("Patti", 3, "nmod", "PROPN"),
        ("Davis", 5, "flat", "PROPN"), (",", 10, "punct", "PUNCT"),
        ("Reagan", 10, "nmod:poss", "PROPN"), ("'s", 8, "case", "PART"),
        ("daughter", 5, "appos", "NOUN"), (",", 10, "punct", "PUNCT"),
        ("said", 12, "ROOT", "VERB", "VerbForm=Fin"), ("it", 15, "nsubj", "PRON"),
        ("was", 15, "cop", "AUX"), ("early", 12, "ccomp", "ADJ"), (".", 12, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("en", rows, {"Patti Davis": (5, 7), "Reagan": (8, 9)}).attributions
    assert [(a.source, a.text) for a in found] == [
        ("Patti Davis", "Patti Davis, Reagan 's daughter, said")
    ]


def test_a_place_before_commas_is_no_speaker() -> None:
    # "A farmer from Sumter, a small town, says it was early." (no subject in the parse)
    rows = [
        ("A", 1, "det", "DET"), ("farmer", 9, "dep", "NOUN"), ("from", 3, "case", "ADP"),
        ("Sumter", 1, "nmod", "PROPN"), (",", 7, "punct", "PUNCT"), ("a", 7, "det", "DET"),
        ("small", 7, "amod", "ADJ"), ("town", 3, "appos", "NOUN"), (",", 3, "punct", "PUNCT"),
        ("says", 9, "ROOT", "VERB", "VerbForm=Fin"), ("it", 12, "nsubj", "PRON"),
        ("was", 12, "cop", "AUX"), ("early", 9, "ccomp", "ADJ"), (".", 9, "punct", "PUNCT"),
    ]  # fmt: skip
    doc = parsed("en", rows)
    doc.ents = [Span(doc, 3, 4, label="LOC")]
    found = extract_facts(doc, "en", "2025-12-18").attributions
    assert "Sumter" not in [a.source for a in found]


@pytest.mark.parametrize("noun", ["claim", "assertion"])
def test_a_possessive_title_is_not_whose_claim_it_is(noun: str) -> None:
    # "Mr. Trump's claim that they cheated drew fire." (the parse made "Mr." a possessor)
    rows = [
        ("Mr.", 3, "nmod:poss", "PROPN"), ("Trump", 3, "nmod:poss", "PROPN"),
        ("'s", 3, "nmod:poss", "PROPN"), (noun, 8, "nsubj", "NOUN"),
        ("that", 6, "mark", "SCONJ"), ("they", 6, "nsubj", "PRON"), ("cheated", 3, "acl", "VERB"),
        ("drew", 8, "dep", "VERB"), ("fire", 8, "ROOT", "NOUN"), (".", 8, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("en", rows, {"Trump": (1, 2)}).attributions
    assert [(a.source, a.text) for a in found] == [("Trump", f"Trump 's {noun}")]


def test_da_after_a_perfect_with_avere_is_a_place_not_an_agent() -> None:
    # "«Devono tornare», Rossi ha detto dalla sua casa."
    rows = [
        ("«", 2, "punct", "PUNCT"), ("Devono", 2, "aux", "AUX"), ("tornare", 7, "parataxis", "VERB"),
        ("»", 2, "punct", "PUNCT"), (",", 7, "punct", "PUNCT"), ("Rossi", 7, "nsubj", "PROPN"),
        ("ha", 7, "aux", "AUX"), ("detto", 7, "ROOT", "VERB", "Tense=Past|VerbForm=Part"),
        ("dalla", 10, "case", "ADP"), ("sua", 10, "det:poss", "DET"), ("casa", 7, "obl", "NOUN"),
        (".", 7, "punct", "PUNCT"),
    ]  # fmt: skip
    rows[5] = ("Rossi", 7, "dep", "PROPN")  # and the parse lost the subject
    found = facts("it", rows, {"Rossi": (5, 6)}).attributions
    assert "sua casa" not in [a.source for a in found]


def test_of_a_title_and_a_name_both_parsed_subjects_the_name_speaks_with_its_title() -> None:
    # "Il segretario Ban Ki-moon ha detto che basta." (title and name both "nsubj")
    rows = [
        ("Il", 1, "det", "DET"), ("segretario", 7, "nsubj", "NOUN"), ("Ban", 1, "flat", "PROPN"),
        ("Ki", 2, "flat", "PROPN"), ("-", 5, "punct", "PUNCT"), ("moon", 7, "nsubj", "PROPN"),
        ("ha", 7, "aux", "AUX"), ("detto", 7, "ROOT", "VERB"), ("che", 9, "mark", "SCONJ"),
        ("basta", 7, "ccomp", "VERB"), (".", 7, "punct", "PUNCT"),
    ]  # fmt: skip
    doc = parsed("it", rows)
    doc.ents = [Span(doc, 2, 6, label="PER")]
    found = extract_facts(doc, "it", "2025-12-18").attributions
    # (the test Doc writes a space around every token: "Ki - moon")
    assert [(a.source, a.text) for a in found] == [
        ("Ban Ki - moon", "Il segretario Ban Ki - moon ha detto")
    ]


def test_a_body_before_a_name_still_speaks_for_them() -> None:
    # "L'amministrazione Bush ha detto che basta." (both "nsubj"): someone of Bush's speaks
    rows = [
        ("L'", 1, "det", "DET"), ("amministrazione", 4, "nsubj", "NOUN"),
        ("Bush", 4, "nsubj", "PROPN"), ("ha", 4, "aux", "AUX"), ("detto", 4, "ROOT", "VERB"),
        ("che", 6, "mark", "SCONJ"), ("basta", 4, "ccomp", "VERB"), (".", 4, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Bush": (2, 3)}).attributions
    assert [a.source for a in found] != ["Bush"]


def test_news_that_there_is_is_not_news_saying_something() -> None:
    # "C'è qualche notizia di un clima più disteso."
    rows = [
        ("C'", 1, "expl", "PRON"), ("è", 1, "ROOT", "VERB"), ("qualche", 3, "det", "DET"),
        ("notizia", 1, "nsubj", "NOUN"), ("di", 6, "case", "ADP"), ("un", 6, "det", "DET"),
        ("clima", 3, "nmod", "NOUN"), (".", 1, "punct", "PUNCT"),
    ]  # fmt: skip
    assert facts("it", rows).attributions == []


def test_a_noun_the_parse_made_subject_of_its_adjective_after_the_verb_spoke() -> None:
    # '"It was not convincing," said one Democrat familiar with the talks.' - the parse read
    # "Democrat familiar" as a clause of "said", leaving the verb with no subject.
    rows = [
        ("“", 4, "punct", "PUNCT"), ("It", 4, "nsubj", "PRON"), ("was", 4, "cop", "AUX"),
        ("not", 4, "advmod", "PART"), ("convincing", 7, "ccomp", "ADJ"), (",", 4, "punct", "PUNCT"),
        ("”", 4, "punct", "PUNCT"), ("said", 7, "ROOT", "VERB", "VerbForm=Fin"),
        ("one", 9, "nummod", "NUM"), ("Democrat", 10, "nsubj", "PROPN"),
        ("familiar", 7, "ccomp", "ADJ"), ("with", 13, "case", "ADP"), ("the", 13, "det", "DET"),
        ("talks", 10, "obl", "NOUN"), (".", 7, "punct", "PUNCT"),
    ]  # fmt: skip
    doc = parsed("en", rows)
    frames = find_frames(Parse.from_doc(doc), "en", quote_spans_of(doc.text))
    assert [(f.source_head, f.how) for f in frames] == [(9, "inverted")]


def test_a_title_the_parse_made_a_subject_of_its_own_gives_way_to_the_name() -> None:
    # "Il Sig. Mario Rossi ha detto che va bene." - "Sig" and "Mario" both subjects of "detto".
    rows = [
        ("Il", 1, "det", "DET"), ("Sig", 6, "nsubj", "PROPN"), (".", 1, "punct", "PUNCT"),
        ("Mario", 6, "nsubj", "PROPN"), ("Rossi", 3, "flat:name", "PROPN"),
        ("ha", 6, "aux", "AUX"), ("detto", 6, "ROOT", "VERB", "VerbForm=Part"),
        ("che", 8, "mark", "SCONJ"), ("va", 6, "ccomp", "VERB"), ("bene", 8, "advmod", "ADV"),
        (".", 6, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Mario Rossi": (3, 5)})
    assert [a.source for a in found.attributions] == ["Mario Rossi"]


def test_a_verb_whose_clause_ends_at_a_quote_s_opening_speaks_whatever_the_verb() -> None:
    # 'Clinton grinned, “I stayed home with my family all day long.”' - no list names
    # "grinned"; the quote is too long for the rule on a few words quoted under a verb.
    rows = [
        ("Clinton", 1, "nsubj", "PROPN"), ("grinned", 1, "ROOT", "VERB", "VerbForm=Fin"),
        (",", 5, "punct", "PUNCT"), ("“", 5, "punct", "PUNCT"), ("I", 5, "nsubj", "PRON"),
        ("stayed", 1, "parataxis", "VERB", "VerbForm=Fin"), ("home", 5, "advmod", "ADV"),
        ("with", 9, "case", "ADP"), ("my", 9, "nmod:poss", "PRON"), ("family", 5, "obl", "NOUN"),
        ("all", 11, "det", "DET"), ("day", 5, "obl", "NOUN"), ("long", 11, "advmod", "ADV"),
        (".", 5, "punct", "PUNCT"), ("”", 5, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("en", rows, {"Clinton": (0, 1)})
    assert [(q.speaker, q.how) for q in found.quotes] == [("Clinton", "frame")]
    # Without the comma opening the quote, the verb frames nothing.
    rows[2] = ("today", 1, "obl", "NOUN")
    found = facts("en", rows, {"Clinton": (0, 1)})
    assert found.attributions == []
    assert [q.how for q in found.quotes] != ["frame"]


def test_the_day_a_verb_was_said_on_is_not_what_was_said() -> None:
    # "Officials said late Thursday." - the parse made the day the verb's complement.
    rows = [
        ("Officials", 1, "nsubj", "NOUN"), ("said", 1, "ROOT", "VERB", "VerbForm=Fin"),
        ("late", 3, "amod", "ADJ"), ("Thursday", 1, "ccomp", "PROPN"), (".", 1, "punct", "PUNCT"),
    ]  # fmt: skip
    found = extract_facts(parsed("en", rows, dates=[(2, 4)]), "en", "2025-12-18")
    assert [(a.text, a.content) for a in found.attributions] == [("Officials said", None)]
    assert found.quotes == []


def test_officials_of_a_named_administration_are_unnamed_officials_not_the_person() -> None:
    # "Obama administration officials said it was over."
    rows = [
        ("Obama", 1, "compound", "PROPN"), ("administration", 2, "compound", "NOUN"),
        ("officials", 3, "nsubj", "NOUN"), ("said", 3, "ROOT", "VERB", "VerbForm=Fin"),
        ("it", 6, "nsubj", "PRON"), ("was", 6, "cop", "AUX"), ("over", 3, "ccomp", "ADJ"),
        (".", 3, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("en", rows, {"Obama": (0, 1)})
    assert [(a.source, a.anonymous) for a in found.attributions] == [
        ("Obama administration officials", True)
    ]


def _quotes_in_a_row_rows() -> list[Row]:
    # '"It is over for all of us," said Reeves, a senior fellow at the Center for Health and
    # Human Rights at the university. "They lost the vote and they know it."'
    return [
        ("“", 3, "punct", "PUNCT"), ("It", 3, "nsubj", "PRON"), ("is", 3, "cop", "AUX"),
        ("over", 11, "ccomp", "ADJ"), ("for", 6, "case", "ADP"), ("all", 3, "obl", "PRON"),
        ("of", 8, "case", "ADP"), ("us", 6, "nmod", "PRON"), (",", 3, "punct", "PUNCT"),
        ("”", 3, "punct", "PUNCT"), ("said", 11, "ROOT", "VERB", "VerbForm=Fin"),
        ("Reeves", 11, "nsubj", "PROPN"), (",", 16, "punct", "PUNCT"), ("a", 16, "det", "DET"),
        ("senior", 16, "amod", "ADJ"), ("fellow", 12, "appos", "NOUN"), ("at", 19, "case", "ADP"),
        ("the", 19, "det", "DET"), ("Center", 16, "nmod", "PROPN"), ("for", 21, "case", "ADP"),
        ("Health", 19, "nmod", "PROPN"), ("and", 25, "cc", "CCONJ"), ("Human", 25, "amod", "PROPN"),
        ("Rights", 21, "conj", "PROPN"), ("at", 28, "case", "ADP"), ("the", 28, "det", "DET"),
        ("university", 25, "nmod", "NOUN"), (".", 11, "punct", "PUNCT"),
        ("“", 32, "punct", "PUNCT"), ("They", 32, "nsubj", "PRON"),
        ("lost", 32, "ROOT", "VERB", "VerbForm=Fin"), ("the", 34, "det", "DET"),
        ("vote", 32, "obj", "NOUN"), ("and", 37, "cc", "CCONJ"), ("they", 37, "nsubj", "PRON"),
        ("know", 32, "conj", "VERB", "VerbForm=Fin"), ("it", 37, "obj", "PRON"),
        (".", 32, "punct", "PUNCT"), ("”", 32, "punct", "PUNCT"),
    ]  # fmt: skip


def test_a_quote_opening_the_sentence_after_the_frame_of_the_quote_before_is_theirs() -> None:
    # "Reeves" is no PER here (as "Mr. Reeves" often is not): no name is near to guess from.
    rows = _quotes_in_a_row_rows()
    found = facts("en", rows)
    assert [(q.text, q.speaker, q.how) for q in found.quotes] == [
        ("It is over for all of us,", "Reeves", "frame"),
        ("They lost the vote and they know it.", "Reeves", "previous quote"),
    ]
    # In the next paragraph, this reading does not hold.
    rows[28:28] = [("\n", 27, "dep", "SPACE")]
    rows[29:] = [(w, h + 1 if h >= 28 else h, *rest) for w, h, *rest in rows[29:]]
    assert [q.speaker for q in facts("en", rows).quotes] == ["Reeves", None]


def test_a_person_named_before_a_colon_with_no_verb_speaks_the_quote_after_it() -> None:
    # "Larqué, sulla morte del compagno: «Si sentiva debole negli ultimi tempi»."
    rows = [
        ("Larqué", 0, "ROOT", "PROPN"), (",", 3, "punct", "PUNCT"), ("sulla", 3, "case", "ADP"),
        ("morte", 0, "nmod", "NOUN"), ("del", 5, "case", "ADP"), ("compagno", 3, "nmod", "NOUN"),
        (":", 9, "punct", "PUNCT"), ("«", 9, "punct", "PUNCT"), ("Si", 9, "expl", "PRON"),
        ("sentiva", 0, "parataxis", "VERB"), ("debole", 9, "xcomp", "ADJ"),
        ("negli", 13, "case", "ADP"), ("ultimi", 13, "amod", "ADJ"), ("tempi", 9, "obl", "NOUN"),
        ("»", 9, "punct", "PUNCT"), (".", 0, "punct", "PUNCT"),
    ]  # fmt: skip
    [quote] = facts("it", rows, {"Larqué": (0, 1)}).quotes
    assert (quote.speaker, quote.how) == ("Larqué", "frame")


def test_a_role_never_stands_for_a_place_that_spoke_before() -> None:
    # "Gli Stati Uniti hanno chiesto aiuto. «Non possiamo confermare nulla», ha affermato il
    # funzionario."
    rows = [
        ("Gli", 1, "det", "DET"), ("Stati", 4, "nsubj", "PROPN"), ("Uniti", 1, "flat", "PROPN"),
        ("hanno", 4, "aux", "AUX"), ("chiesto", 4, "ROOT", "VERB", "VerbForm=Part"),
        ("aiuto", 4, "obj", "NOUN"), (".", 4, "punct", "PUNCT"), ("«", 10, "punct", "PUNCT"),
        ("Non", 10, "advmod", "ADV"), ("possiamo", 10, "aux", "AUX"),
        ("confermare", 15, "parataxis", "VERB"), ("nulla", 10, "obj", "PRON"),
        ("»", 10, "punct", "PUNCT"), (",", 15, "punct", "PUNCT"), ("ha", 15, "aux", "AUX"),
        ("affermato", 15, "ROOT", "VERB", "VerbForm=Part"), ("il", 17, "det", "DET"),
        ("funzionario", 15, "nsubj", "NOUN"), (".", 15, "punct", "PUNCT"),
    ]  # fmt: skip
    found = extract_facts(parsed("it", rows, places=[(1, 3)]), "it", "2025-12-18")
    assert [(a.text, a.source) for a in found.attributions][-1] == (
        "affermato il funzionario",
        "funzionario",
    )


def test_he_after_a_place_that_spoke_is_the_person_who_spoke_before_it() -> None:
    # 'Rubio said it was over. The US said no. He continued: "We will lose the vote."'
    rows = [
        ("Rubio", 1, "nsubj", "PROPN"), ("said", 1, "ROOT", "VERB", "VerbForm=Fin"),
        ("it", 4, "nsubj", "PRON"), ("was", 4, "cop", "AUX"), ("over", 1, "ccomp", "ADJ"),
        (".", 1, "punct", "PUNCT"), ("The", 7, "det", "DET"), ("US", 8, "nsubj", "PROPN"),
        ("said", 8, "ROOT", "VERB", "VerbForm=Fin"), ("no", 8, "obj", "INTJ"),
        (".", 8, "punct", "PUNCT"), ("He", 12, "nsubj", "PRON", "Gender=Masc"),
        ("continued", 12, "ROOT", "VERB", "VerbForm=Fin"), (":", 17, "punct", "PUNCT"),
        ("“", 17, "punct", "PUNCT"), ("We", 17, "nsubj", "PRON"), ("will", 17, "aux", "AUX"),
        ("lose", 12, "parataxis", "VERB", "VerbForm=Fin"), ("the", 19, "det", "DET"),
        ("vote", 17, "obj", "NOUN"), (".", 17, "punct", "PUNCT"), ("”", 17, "punct", "PUNCT"),
    ]  # fmt: skip
    found = extract_facts(parsed("en", rows, places=[(7, 8)]), "en", "2025-12-18")
    assert [q.speaker for q in found.quotes if q.text.startswith("We will")] == ["Rubio"]


def test_a_person_named_after_a_verb_after_a_quote_is_its_subject_however_misparsed() -> None:
    # '"We are all props," said Virginia delegate Beau Correll.' - "delegate" read as a verb.
    rows = [
        ("“", 4, "punct", "PUNCT"), ("We", 4, "nsubj", "PRON"), ("are", 4, "cop", "AUX"),
        ("all", 4, "advmod", "ADV"), ("props", 7, "ccomp", "NOUN"), (",", 4, "punct", "PUNCT"),
        ("”", 4, "punct", "PUNCT"), ("said", 7, "ROOT", "VERB", "VerbForm=Fin"),
        ("Virginia", 9, "nsubj", "PROPN"), ("delegate", 7, "ccomp", "VERB"),
        ("Beau", 9, "obj", "PROPN"), ("Correll", 10, "flat", "PROPN"), (".", 7, "punct", "PUNCT"),
    ]  # fmt: skip
    doc = parsed("en", rows, {"Beau Correll": (10, 12)}, places=[(8, 9)])
    found = extract_facts(doc, "en", "2025-12-18")
    assert [(q.speaker, q.how) for q in found.quotes] == [("Beau Correll", "frame")]
    # A name qualifying a noun ("said Rubio spokesman Alex Conant") is someone else's.
    rows[8:12] = [
        ("Rubio", 9, "compound", "PROPN"), ("spokesman", 7, "dep", "NOUN"),
        ("Alex", 9, "appos", "PROPN"), ("Conant", 10, "flat", "PROPN"),
    ]  # fmt: skip
    found = facts("en", rows, {"Rubio": (8, 9), "Alex Conant": (10, 12)})
    assert [q.speaker for q in found.quotes] == ["Alex Conant"]


def test_a_frame_in_the_sentence_right_after_the_quote_names_its_speaker() -> None:
    # '"Who can remember? Is it two?" Clinton asks.' - three sentences, the parse's trees.
    rows = [
        ("“", 3, "punct", "PUNCT"), ("Who", 3, "nsubj", "PRON"), ("can", 3, "aux", "AUX"),
        ("remember", 3, "ROOT", "VERB", "VerbForm=Fin"), ("?", 3, "punct", "PUNCT"),
        ("Is", 7, "cop", "AUX"), ("it", 7, "nsubj", "PRON"), ("two", 7, "ROOT", "NUM"),
        ("?", 7, "punct", "PUNCT"), ("”", 7, "punct", "PUNCT"),
        ("Clinton", 11, "nsubj", "PROPN"), ("asks", 11, "ROOT", "VERB", "VerbForm=Fin"),
        (".", 11, "punct", "PUNCT"),
    ]  # fmt: skip
    [quote] = facts("en", rows, {"Clinton": (10, 11)}).quotes
    assert (quote.speaker, quote.how) == ("Clinton", "frame")


def test_an_english_infinitive_with_a_subject_of_its_own_speaks() -> None:
    # "Sources close to her campaign say she stands behind him." - "say" tagged infinitive.
    rows = [
        ("Sources", 5, "nsubj", "NOUN"), ("close", 0, "amod", "ADJ"), ("to", 4, "case", "ADP"),
        ("her", 4, "nmod:poss", "PRON"), ("campaign", 1, "obl", "NOUN"),
        ("say", 5, "ROOT", "VERB", "VerbForm=Inf"), ("she", 7, "nsubj", "PRON"),
        ("stands", 5, "ccomp", "VERB", "VerbForm=Fin"), ("behind", 9, "case", "ADP"),
        ("him", 7, "obl", "PRON"), (".", 5, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("en", rows)
    assert [(a.source, a.anonymous) for a in found.attributions] == [
        ("Sources close to her campaign", True)
    ]
    # "Cook did not say ...": a speech verb after "did" or a modal still speaks.
    did = [("Cook", 3, "nsubj", "PROPN"), ("did", 3, "aux", "AUX"), ("not", 3, "advmod", "PART")]
    rows[:6] = [*did, ("say", 3, "ROOT", "VERB", "VerbForm=Inf")]
    rows[4:] = [(w, h - 2 if h >= 5 else h, *rest) for w, h, *rest in rows[4:]]
    assert [a.text for a in facts("en", rows).attributions] == ["Cook did not say"]
    # ... but an infinitive after "to" is the subject's plan, not speech.
    rows[1:3] = [("wants", 1, "ROOT", "VERB", "VerbForm=Fin"), ("to", 3, "mark", "PART")]
    rows[3] = ("say", 1, "xcomp", "VERB", "VerbForm=Inf")
    rows[0] = ("Cook", 1, "nsubj", "PROPN")
    assert "Cook wants to say" not in [a.text for a in facts("en", rows).attributions]


def _mixed_quote_rows(quoted: str) -> list[Row]:
    # 'Beck drew Palin a “clown” again.' - no list or judge takes "drew" for a cue.
    return [
        ("Beck", 1, "nsubj", "PROPN"), ("drew", 1, "ROOT", "VERB", "VerbForm=Fin"),
        ("Palin", 1, "obj", "PROPN"), ("a", 5, "det", "DET"), ("“", 5, "punct", "PUNCT"),
        (quoted, 1, "xcomp", "NOUN"), ("”", 5, "punct", "PUNCT"), ("again", 1, "advmod", "ADV"),
        (".", 1, "punct", "PUNCT"),
    ]  # fmt: skip


def test_a_few_words_quoted_in_a_person_s_clause_are_that_person_s() -> None:
    people = {"Beck": (0, 1), "Palin": (2, 3)}
    found = facts("en", _mixed_quote_rows("clown"), people)
    assert [(a.text, a.source) for a in found.attributions] == [("Beck drew", "Beck")]
    # A capitalised name in quotes is a title or a nickname, not words said.
    assert facts("en", _mixed_quote_rows("Perception"), people).attributions == []
    # Italian articles quote many words of their own: not read so.
    assert facts("it", _mixed_quote_rows("clown"), people).attributions == []


def test_a_paragraph_break_the_tagger_took_for_a_name_never_speaks() -> None:
    # "Rossi spoke.\n\nAsked about it, Ushakov said no." - the break tagged as a name right
    # before "Asked", itself tagged finite.
    rows = [
        ("Rossi", 1, "nsubj", "PROPN"), ("spoke", 1, "ROOT", "VERB", "VerbForm=Fin"),
        (".", 1, "punct", "PUNCT"), ("\n\n", 1, "obj", "PROPN"),
        ("Asked", 9, "advcl", "VERB", "VerbForm=Fin"), ("about", 6, "case", "ADP"),
        ("it", 4, "obl", "PRON"), (",", 4, "punct", "PUNCT"), ("Ushakov", 9, "nsubj", "PROPN"),
        ("said", 9, "ROOT", "VERB", "VerbForm=Fin"), ("no", 9, "obj", "INTJ"),
        (".", 9, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("en", rows, {"Rossi": (0, 1), "Ushakov": (8, 9)})
    assert all(a.source is None or a.source.strip() for a in found.attributions)
    assert "Ushakov" in {a.source for a in found.attributions}


def _content_of(doc: Doc, found: Facts, cue: str) -> str | None:
    attribution = next(a for a in found.attributions if cue in a.text)
    return doc.text[slice(*attribution.content)] if attribution.content else None


def test_a_name_told_before_what_was_told_is_the_listener_not_the_content() -> None:
    # "Aides told POLITICO they planned a reply.": the outlet in capitals tagged a verb
    rows = [
        ("Aides", 1, "nsubj", "NOUN"), ("told", 1, "ROOT", "VERB", "VerbForm=Fin"),
        ("POLITICO", 1, "xcomp", "VERB", "Mood=Imp|VerbForm=Fin"), ("they", 4, "nsubj", "PRON"),
        ("planned", 1, "ccomp", "VERB", "VerbForm=Fin"), ("a", 6, "det", "DET"),
        ("reply", 4, "obj", "NOUN"), (".", 1, "punct", "PUNCT"),
    ]  # fmt: skip
    doc = parsed("en", rows)
    assert _content_of(doc, extract_facts(doc, "en", "2025-12-18"), "told") == (
        "they planned a reply"
    )


def _adding_rows(after: list[Row]) -> list[Row]:
    # "Clinton won the primary, adding ...": the gerund hangs on "won"
    return [
        ("Clinton", 1, "nsubj", "PROPN"), ("won", 1, "ROOT", "VERB", "VerbForm=Fin"),
        ("the", 3, "det", "DET"), ("primary", 1, "obj", "NOUN"), (",", 5, "punct", "PUNCT"),
        ("adding", 1, "advcl", "VERB", "VerbForm=Ger"), *after, (".", 1, "punct", "PUNCT"),
    ]  # fmt: skip


def test_adding_to_a_lead_increases_it_and_says_nothing() -> None:
    to_her_lead = [
        ("to", 8, "case", "ADP"), ("her", 8, "nmod:poss", "PRON", "Poss=Yes"),
        ("lead", 5, "obl", "NOUN"),
    ]  # fmt: skip
    found = facts("en", _adding_rows(to_her_lead), {"Clinton": (0, 1)})
    assert not [a for a in found.attributions if "adding" in a.text]
    that_she_won = [
        ("that", 8, "mark", "SCONJ"), ("she", 8, "nsubj", "PRON"),
        ("led", 5, "ccomp", "VERB", "VerbForm=Fin"),
    ]  # fmt: skip
    found = facts("en", _adding_rows(that_she_won), {"Clinton": (0, 1)})
    assert [a.source for a in found.attributions if "adding" in a.text] == ["Clinton"]


def test_a_participle_after_a_preposition_or_a_possessive_describes_the_noun_after_it() -> None:
    # "Clinton extends her lead in pledged delegates." / "... her pledged delegates."
    def rows(before: Row) -> list[Row]:
        return [
            ("Clinton", 1, "nsubj", "PROPN"), ("extends", 1, "ROOT", "VERB", "VerbForm=Fin"),
            ("her", 3, "nmod:poss", "PRON", "Poss=Yes"), ("lead", 1, "obj", "NOUN"), before,
            ("pledged", 1, "advcl", "VERB", "VerbForm=Part"), ("delegates", 5, "obj", "NOUN"),
            (".", 1, "punct", "PUNCT"),
        ]  # fmt: skip

    for before in [("in", 1, "advmod", "ADP"), ("and", 5, "cc", "CCONJ")]:
        found = facts("en", rows(before), {"Clinton": (0, 1)})
        pledged = [a for a in found.attributions if "pledged" in a.text]
        assert pledged == [] if before[0] == "in" else pledged, before


def test_a_finding_about_oneself_is_no_finding() -> None:
    # "He found himself embroiled." / "He found the report flawed."
    def rows(obj: Row) -> list[Row]:
        return [
            ("He", 1, "nsubj", "PRON"), ("found", 1, "ROOT", "VERB", "VerbForm=Fin"), obj,
            ("embroiled", 1, "xcomp", "VERB", "VerbForm=Part"), (".", 1, "punct", "PUNCT"),
        ]  # fmt: skip

    itself = facts("en", rows(("himself", 1, "obj", "PRON", "Reflex=Yes")))
    assert not [a for a in itself.attributions if "found" in a.text]
    other = facts("en", rows(("Rossi", 1, "obj", "PROPN")), {"Rossi": (2, 3)})
    assert [a.kind for a in other.attributions if "found" in a.text] == ["report"]


def test_what_someone_reportedly_did_is_reported_by_someone_unnamed() -> None:
    # "Rossi spoke. Trump reportedly met Putin.": not Rossi's, though Rossi spoke last
    rows = [
        ("Rossi", 1, "nsubj", "PROPN"), ("spoke", 1, "ROOT", "VERB", "VerbForm=Fin"),
        (".", 1, "punct", "PUNCT"), ("Trump", 5, "nsubj", "PROPN"),
        ("reportedly", 5, "advmod", "ADV"), ("met", 5, "ROOT", "VERB", "VerbForm=Fin"),
        ("Putin", 5, "obj", "PROPN"), (".", 5, "punct", "PUNCT"),
    ]  # fmt: skip
    doc = parsed("en", rows, {"Rossi": (0, 1), "Trump": (3, 4), "Putin": (6, 7)})
    found = extract_facts(doc, "en", "2025-12-18")
    hearsay = [a for a in found.attributions if a.text == "reportedly"]
    assert [(a.source, a.anonymous, a.kind) for a in hearsay] == [(None, True, "report")]
    assert _content_of(doc, found, "reportedly") == "Trump reportedly met Putin"
    claims = [(q.text, q.speaker, q.reported, q.how) for q in found.quotes]
    assert claims == [("Trump reportedly met Putin", None, True, "hearsay")]


def _colon_rows(lead: list[Row]) -> list[Row]:
    # lead + ': “Keep calling voters as late as you can.”'; the quote's verb hangs on the root
    n = len(lead)
    root = next(i for i, row in enumerate(lead) if row[1] == i)
    return [
        *lead, (":", root, "punct", "PUNCT"), ("“", n + 2, "punct", "PUNCT"),
        ("Keep", root, "parataxis", "VERB", "VerbForm=Fin"),
        ("calling", n + 2, "xcomp", "VERB", "VerbForm=Ger"), ("voters", n + 3, "obj", "NOUN"),
        ("as", n + 6, "advmod", "ADV"), ("late", n + 3, "advmod", "ADV"),
        ("as", n + 9, "mark", "SCONJ"), ("you", n + 9, "nsubj", "PRON"),
        ("can", n + 6, "advcl", "AUX"), (".", n + 2, "punct", "PUNCT"),
        ("”", n + 2, "punct", "PUNCT"),
    ]  # fmt: skip


def test_a_person_named_right_before_the_colon_opening_a_quote_labels_it() -> None:
    # "Pollsters agree - Carl Bialik: “...”": the label, not the verb before it, says who
    lead = [
        ("Pollsters", 1, "nsubj", "NOUN"), ("agree", 1, "ROOT", "VERB", "VerbForm=Fin"),
        ("-", 4, "punct", "PUNCT"), ("Carl", 4, "compound", "PROPN"),
        ("Bialik", 1, "parataxis", "PROPN"),
    ]  # fmt: skip
    found = facts("en", _colon_rows(lead), {"Carl Bialik": (3, 5)})
    assert [(q.speaker, q.reported) for q in found.quotes] == [("Carl Bialik", False)]


def test_a_person_a_verb_acts_on_before_the_colon_is_not_the_speaker() -> None:
    # "Trump attacked Cruz: “...”": Trump's words about Cruz
    lead = [
        ("Trump", 1, "nsubj", "PROPN"), ("attacked", 1, "ROOT", "VERB", "VerbForm=Fin"),
        ("Cruz", 1, "obj", "PROPN"),
    ]  # fmt: skip
    found = facts("en", _colon_rows(lead), {"Trump": (0, 1), "Cruz": (2, 3)})
    assert [q.speaker for q in found.quotes if not q.reported] == ["Trump"]


def test_a_few_words_quoted_under_a_verb_made_finite_by_its_auxiliary_are_the_subject_s() -> None:
    # 'Beck is drawing Palin a “clown” again.' / 'Beck kept drawing ...': only the finite aux
    def rows(aux: Row) -> list[Row]:
        return [
            ("Beck", 2, "nsubj", "PROPN"), aux, ("drawing", 2, "ROOT", "VERB", "VerbForm=Ger"),
            ("Palin", 2, "obj", "PROPN"), ("a", 6, "det", "DET"), ("“", 6, "punct", "PUNCT"),
            ("clown", 2, "xcomp", "NOUN"), ("”", 6, "punct", "PUNCT"),
            ("again", 2, "advmod", "ADV"), (".", 2, "punct", "PUNCT"),
        ]  # fmt: skip

    people = {"Beck": (0, 1), "Palin": (3, 4)}
    found = facts("en", rows(("is", 2, "aux", "AUX", "VerbForm=Fin")), people)
    assert [(a.text, a.source) for a in found.attributions] == [("Beck is drawing", "Beck")]
    found = facts("en", rows(("to", 2, "mark", "PART")), people)
    assert found.attributions == []


def test_a_past_verb_joined_to_a_reported_pluperfect_goes_on_with_the_one_reporting() -> None:
    # 'Rubio said the US had made progress, but refused, saying talks continued.'
    rows = [
        ("Rubio", 1, "nsubj", "PROPN"), ("said", 1, "ROOT", "VERB", "Tense=Past|VerbForm=Fin"),
        ("the", 3, "det", "DET"), ("US", 5, "nsubj", "PROPN"),
        ("had", 5, "aux", "AUX", "Tense=Past|VerbForm=Fin"),
        ("made", 1, "ccomp", "VERB", "Tense=Past|VerbForm=Fin"), ("progress", 5, "obj", "NOUN"),
        (",", 9, "punct", "PUNCT"), ("but", 9, "cc", "CCONJ"),
        ("refused", 5, "conj", "VERB", "Tense=Past|VerbForm=Fin"), (",", 11, "punct", "PUNCT"),
        ("saying", 9, "advcl", "VERB", "VerbForm=Ger"), ("talks", 13, "nsubj", "NOUN"),
        ("continued", 11, "ccomp", "VERB", "Tense=Past|VerbForm=Fin"), (".", 1, "punct", "PUNCT"),
    ]  # fmt: skip
    doc = parsed("en", rows, {"Rubio": (0, 1)}, places=[(3, 4)])
    found = extract_facts(doc, "en", "2025-12-18")
    assert "US" not in {a.source for a in found.attributions}
    assert [a.source for a in found.attributions if a.text == "saying"] == ["Rubio"]


def test_as_put_it_never_reaches_across_a_dash_for_its_speaker() -> None:
    # "Zelensky wants guarantees such as Nato membership - a move long opposed by Russia.":
    # "as ... move ... opposed" is no "as X put it"; Russia, the agent, opposes
    rows = [
        ("Zelensky", 1, "nsubj", "PROPN"), ("wants", 1, "ROOT", "VERB", "VerbForm=Fin"),
        ("guarantees", 1, "obj", "NOUN"), ("such", 6, "case", "ADJ"), ("as", 3, "fixed", "ADP"),
        ("Nato", 6, "compound", "PROPN"), ("membership", 2, "nmod", "NOUN"),
        ("-", 9, "punct", "PUNCT"), ("a", 9, "det", "DET"), ("move", 6, "appos", "NOUN"),
        ("long", 11, "advmod", "ADV"),
        ("opposed", 6, "acl", "VERB", "Tense=Past|VerbForm=Part|Voice=Pass"),
        ("by", 13, "case", "ADP"), ("Russia", 11, "obl:agent", "PROPN"),
        (".", 1, "punct", "PUNCT"),
    ]  # fmt: skip
    doc = parsed("en", rows, {"Zelensky": (0, 1)}, places=[(13, 14)])
    found = extract_facts(doc, "en", "2025-12-18")
    opposed = [(a.text, a.source) for a in found.attributions if "opposed" in a.text]
    assert opposed == [("opposed by Russia", "Russia")]


def test_quest_ultima_is_the_person_of_her_gender_named_last_before() -> None:
    # "Franca Rame e Dario Fo arrivano. Quest'ultima ha detto: «Sono felice di essere qui»."
    rows = [
        ("Franca", 5, "nsubj", "PROPN"), ("Rame", 0, "flat:name", "PROPN"),
        ("e", 3, "cc", "CCONJ"), ("Dario", 0, "conj", "PROPN"), ("Fo", 3, "flat:name", "PROPN"),
        ("arrivano", 5, "ROOT", "VERB"), (".", 5, "punct", "PUNCT"), ("Quest'", 8, "det", "DET"),
        ("ultima", 10, "nsubj", "NOUN", "Gender=Fem|Number=Sing"), ("ha", 10, "aux", "AUX"),
        ("detto", 10, "ROOT", "VERB"), (":", 10, "punct", "PUNCT"), ("«", 14, "punct", "PUNCT"),
        ("Sono", 14, "cop", "AUX"), ("felice", 10, "parataxis", "ADJ"),
        ("di", 17, "mark", "ADP"), ("essere", 17, "cop", "AUX"), ("qui", 14, "advcl", "ADV"),
        ("»", 14, "punct", "PUNCT"), (".", 10, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Franca Rame": (0, 2), "Dario Fo": (3, 5)})
    assert [(q.speaker, q.how) for q in found.quotes] == [("Franca Rame", "coreference")]


def test_a_span_of_time_the_parse_made_a_subject_never_speaks() -> None:
    # "Rossi è arrivato. Un giorno disse: «Vado a casa adesso»."
    rows = [
        ("Rossi", 2, "nsubj", "PROPN"), ("è", 2, "aux", "AUX"), ("arrivato", 2, "ROOT", "VERB"),
        (".", 2, "punct", "PUNCT"), ("Un", 5, "det", "DET"), ("giorno", 6, "nsubj", "NOUN"),
        ("disse", 6, "ROOT", "VERB", "VerbForm=Fin"), (":", 6, "punct", "PUNCT"),
        ("«", 9, "punct", "PUNCT"), ("Vado", 6, "parataxis", "VERB"), ("a", 11, "case", "ADP"),
        ("casa", 9, "obl", "NOUN"), ("adesso", 9, "advmod", "ADV"), ("»", 9, "punct", "PUNCT"),
        (".", 6, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Rossi": (0, 1)})
    assert [q.speaker for q in found.quotes] == ["Rossi"]
    assert [a.source for a in found.attributions] == ["Rossi"]


def _relative_rows(on_the_noun: bool) -> list[Row]:
    # "È il ritorno sul palco di Adriano Celentano, che ha detto: «Sono tornato»." with the
    # name on "palco"; or "È la fidanzata di Adriano Celentano, che ...", the name on the noun
    rows = [
        ("È", 2, "cop", "AUX"), ("il", 2, "det", "DET"), ("ritorno", 2, "ROOT", "NOUN"),
        ("sul", 4, "case", "ADP"), ("palco", 2, "nmod", "NOUN"), ("di", 6, "case", "ADP"),
        ("Adriano", 4, "nmod", "PROPN"), ("Celentano", 6, "flat:name", "PROPN"),
        (",", 11, "punct", "PUNCT"), ("che", 11, "nsubj", "PRON"), ("ha", 11, "aux", "AUX"),
        ("detto", 2, "acl:relcl", "VERB"), (":", 11, "punct", "PUNCT"),
        ("«", 15, "punct", "PUNCT"), ("Sono", 15, "aux", "AUX"),
        ("tornato", 11, "parataxis", "VERB"), ("»", 15, "punct", "PUNCT"),
        (".", 2, "punct", "PUNCT"),
    ]  # fmt: skip
    if on_the_noun:
        rows[2], rows[6] = ("fidanzata", 2, "ROOT", "NOUN"), ("Adriano", 2, "nmod", "PROPN")
    return rows


def test_a_name_right_before_a_relative_clause_the_parse_hung_on_another_noun_speaks() -> None:
    found = facts("it", _relative_rows(False), {"Adriano Celentano": (6, 8)})
    assert [(a.source, a.kind) for a in found.attributions] == [("Adriano Celentano", "speech")]
    assert [(q.speaker, q.how) for q in found.quotes] == [("Adriano Celentano", "frame")]


def test_a_name_inside_a_person_noun_does_not_take_its_relative_clause() -> None:
    # "la fidanzata di Adriano Celentano, che ha detto": the clause is hers, not his (a name
    # the parse hung on the clause's own noun is taken to be the parse's choice)
    found = facts("it", _relative_rows(True), {"Adriano Celentano": (6, 8)})
    assert "Adriano Celentano" not in {a.source for a in found.attributions}


def test_the_verb_whose_words_are_the_quote_speaks_whatever_it_is() -> None:
    # "Celentano ha esordito con la frase «Quando sono qui mi si secca la voce»."
    rows = [
        ("Celentano", 2, "nsubj", "PROPN"), ("ha", 2, "aux", "AUX"),
        ("esordito", 2, "ROOT", "VERB"), ("con", 5, "case", "ADP"), ("la", 5, "det", "DET"),
        ("frase", 2, "obl", "NOUN"), ("«", 12, "punct", "PUNCT"), ("Quando", 8, "mark", "SCONJ"),
        ("sono", 12, "advcl", "AUX"), ("qui", 8, "advmod", "ADV"), ("mi", 12, "iobj", "PRON"),
        ("si", 12, "expl", "PRON"), ("secca", 2, "parataxis", "VERB"), ("la", 14, "det", "DET"),
        ("voce", 12, "nsubj", "NOUN"), ("»", 12, "punct", "PUNCT"), (".", 2, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Celentano": (0, 1)})
    assert [(q.speaker, q.how) for q in found.quotes] == [("Celentano", "frame")]
    assert [a.source for a in found.attributions] == ["Celentano"]


def test_riportare_a_harm_or_a_result_reports_nothing() -> None:
    # "Rossi ha riportato gravi ferite." / "Rossi ha riportato la notizia."
    def rows(words: list[Row]) -> list[Row]:
        return [
            ("Rossi", 2, "nsubj", "PROPN"), ("ha", 2, "aux", "AUX"),
            ("riportato", 2, "ROOT", "VERB"), *words, (".", 2, "punct", "PUNCT"),
        ]  # fmt: skip

    hurt = facts("it", rows([("gravi", 4, "amod", "ADJ"), ("ferite", 2, "obj", "NOUN")]))
    assert hurt.attributions == []
    # the parse may take the harm for a verb: the word after the adjectives still says it
    misread = facts("it", rows([("gravi", 2, "xcomp", "ADJ"), ("ferite", 2, "advcl", "VERB")]))
    assert misread.attributions == []
    news = facts("it", rows([("la", 4, "det", "DET"), ("notizia", 2, "obj", "NOUN")]))
    assert [a.kind for a in news.attributions] == ["report"]


def test_a_plain_mark_after_a_number_is_a_unit_and_a_doubled_one_opens_nothing() -> None:
    text = (
        'A 17" si è classificato Cancellara, a 29 "un altro; Armstrong ha chiuso a 1\'9" da Martin.'
    )
    assert quote_spans_of(text) == []
    assert quote_spans_of('Disse "" e poi "basta così" a tutti.') == [(15, 27)]
    assert quote_spans_of('Ha detto "andiamo a casa" ieri.') == [(9, 25)]


def _these_rows(after: Row) -> list[Row]:
    # "«Il voto è una farsa adesso». Queste sono le parole del WWF<after>"
    return [
        ("«", 5, "punct", "PUNCT"), ("Il", 2, "det", "DET"), ("voto", 5, "nsubj", "NOUN"),
        ("è", 5, "cop", "AUX"), ("una", 5, "det", "DET"), ("farsa", 5, "ROOT", "NOUN"),
        ("adesso", 5, "advmod", "ADV"), ("»", 5, "punct", "PUNCT"), (".", 5, "punct", "PUNCT"),
        ("Queste", 12, "nsubj", "PRON"), ("sono", 12, "cop", "AUX"), ("le", 12, "det", "DET"),
        ("parole", 12, "ROOT", "NOUN"), ("del", 14, "case", "ADP"), ("WWF", 12, "nmod", "PROPN"),
        after,
    ]  # fmt: skip


def test_words_presented_after_them_as_someone_s_are_theirs() -> None:
    found = facts("it", _these_rows((".", 12, "punct", "PUNCT")))
    direct = [(q.text, q.speaker) for q in found.quotes if not q.reported]
    assert direct == [("Il voto è una farsa adesso", "WWF")]
    assert [q for q in found.quotes if q.reported] == []  # the quote is not claimed twice
    # "queste sono le parole del WWF:" presents what follows, not the sentence before
    found = facts("it", _these_rows((":", 12, "punct", "PUNCT")))
    assert [q.speaker for q in found.quotes if not q.reported] != ["WWF"]


def test_the_person_whose_relative_clause_leads_to_the_colon_speaks() -> None:
    # "Il rivale è il pugile Amir Khan, il quale è ansioso di sfidare Mayweather: «Lo batterò
    # presto»." - the one named on the noun the clause is on, not the one named last
    rows = [
        ("Il", 1, "det", "DET"), ("rivale", 4, "nsubj", "NOUN"), ("è", 4, "cop", "AUX"),
        ("il", 4, "det", "DET"), ("pugile", 4, "ROOT", "NOUN"), ("Amir", 4, "nmod", "PROPN"),
        ("Khan", 5, "flat:name", "PROPN"), (",", 11, "punct", "PUNCT"), ("il", 9, "det", "DET"),
        ("quale", 11, "nsubj", "PRON"), ("è", 11, "cop", "AUX"),
        ("ansioso", 4, "acl:relcl", "ADJ"), ("di", 13, "mark", "ADP"),
        ("sfidare", 11, "ccomp", "VERB"), ("Mayweather", 13, "obj", "PROPN"),
        (":", 11, "punct", "PUNCT"), ("«", 19, "punct", "PUNCT"), ("Lo", 18, "obj", "PRON"),
        ("batterò", 4, "parataxis", "VERB"), ("presto", 18, "advmod", "ADV"),
        ("»", 18, "punct", "PUNCT"), (".", 4, "punct", "PUNCT"),
    ]  # fmt: skip
    rows[16] = ("«", 18, "punct", "PUNCT")
    found = facts("it", rows, {"Amir Khan": (5, 7), "Mayweather": (14, 15)})
    assert [(q.speaker, q.how) for q in found.quotes] == [("Amir Khan", "frame")]


def test_words_named_with_their_owner_before_a_colon_are_the_owner_s() -> None:
    # "Si legge nelle parole del presidente Chávez: «Otto stelle, non sette, da oggi»."
    rows = [
        ("Si", 1, "expl", "PRON"), ("legge", 1, "ROOT", "VERB"), ("nelle", 3, "case", "ADP"),
        ("parole", 1, "obl", "NOUN"), ("del", 5, "case", "ADP"), ("presidente", 3, "nmod", "NOUN"),
        ("Chávez", 5, "flat", "PROPN"), (":", 1, "punct", "PUNCT"), ("«", 10, "punct", "PUNCT"),
        ("Otto", 10, "nummod", "NUM"), ("stelle", 1, "parataxis", "NOUN"),
        (",", 13, "punct", "PUNCT"), ("non", 13, "advmod", "ADV"), ("sette", 10, "conj", "NUM"),
        (",", 16, "punct", "PUNCT"), ("da", 16, "case", "ADP"), ("oggi", 10, "obl", "ADV"),
        ("»", 10, "punct", "PUNCT"), (".", 1, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Chávez": (6, 7)})
    assert [(q.speaker, q.how) for q in found.quotes] == [("Chávez", "frame")]
    assert [a.source for a in found.attributions] == ["Chávez"]


def test_an_account_presented_after_a_quote_of_several_sentences_is_the_owner_s() -> None:
    # "«Era tardi. Ho sentito urla». Questo è il racconto di Patrizia Rossi."
    rows = [
        ("«", 2, "punct", "PUNCT"), ("Era", 2, "cop", "AUX"), ("tardi", 2, "ROOT", "ADV"),
        (".", 2, "punct", "PUNCT"), ("Ho", 5, "aux", "AUX"), ("sentito", 5, "ROOT", "VERB"),
        ("urla", 5, "obj", "NOUN"), ("»", 5, "punct", "PUNCT"), (".", 5, "punct", "PUNCT"),
        ("Questo", 12, "nsubj", "PRON"), ("è", 12, "cop", "AUX"), ("il", 12, "det", "DET"),
        ("racconto", 12, "ROOT", "NOUN"), ("di", 14, "case", "ADP"),
        ("Patrizia", 12, "nmod", "PROPN"), ("Rossi", 14, "flat:name", "PROPN"),
        (".", 12, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Patrizia Rossi": (14, 16)})
    assert [(q.speaker, q.how) for q in found.quotes if not q.reported] == [
        ("Patrizia Rossi", "frame")
    ]


def test_what_is_read_in_a_document_is_the_document_s() -> None:
    # "Nella sentenza si legge: «Si deve tenere conto delle impronte culturali»."
    rows = [
        ("Nella", 1, "case", "ADP"), ("sentenza", 3, "obl", "NOUN"), ("si", 3, "expl", "PRON"),
        ("legge", 3, "ROOT", "VERB"), (":", 3, "punct", "PUNCT"), ("«", 8, "punct", "PUNCT"),
        ("Si", 8, "expl", "PRON"), ("deve", 8, "aux", "AUX"), ("tenere", 3, "parataxis", "VERB"),
        ("conto", 8, "obj", "NOUN"), ("delle", 11, "case", "ADP"),
        ("impronte", 9, "nmod", "NOUN"), ("culturali", 11, "amod", "ADJ"),
        ("»", 8, "punct", "PUNCT"), (".", 3, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows)
    assert [(a.source, a.anonymous, a.source_type) for a in found.attributions] == [
        ("sentenza", True, "document")
    ]
    assert [(q.speaker, q.how) for q in found.quotes] == [("sentenza", "frame")]
    # "Si legge nella nota: «...»", "legge" taken for a noun at the sentence start
    rows[:4] = [
        ("Si", 1, "expl", "PRON"), ("legge", 1, "ROOT", "NOUN"), ("nella", 3, "case", "ADP"),
        ("nota", 1, "obl", "NOUN"),
    ]  # fmt: skip
    rows[4:] = [(w, 1 if h == 3 else h, d, p) for w, h, d, p in rows[4:]]
    found = facts("it", rows)
    assert [(q.speaker, q.how) for q in found.quotes] == [("nota", "frame")]


def test_an_italian_gerund_with_its_pronouns_joined_still_reports() -> None:
    # "Napolitano ha salutato Dalla, definendolo «un artista forte ed originale»."
    rows = [
        ("Napolitano", 2, "nsubj", "PROPN"), ("ha", 2, "aux", "AUX"),
        ("salutato", 2, "ROOT", "VERB"), ("Dalla", 2, "obj", "PROPN"), (",", 5, "punct", "PUNCT"),
        ("definendolo", 2, "advcl", "VERB", "VerbForm=Ger"), ("«", 8, "punct", "PUNCT"),
        ("un", 8, "det", "DET"), ("artista", 5, "xcomp", "NOUN"), ("forte", 8, "amod", "ADJ"),
        ("ed", 11, "cc", "CCONJ"), ("originale", 9, "conj", "ADJ"), ("»", 8, "punct", "PUNCT"),
        (".", 2, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Napolitano": (0, 1), "Dalla": (3, 4)})
    assert [(q.speaker, q.how) for q in found.quotes] == [("Napolitano", "frame")]
    assert [a.source for a in found.attributions] == ["Napolitano"]
    # a reflexive "si" makes another verb: "chiedendosi" wonders, "riferendosi" refers to
    assert "chiedendosi" not in reporting_verbs("it") and "riferendosi" not in reporting_verbs("it")


def _reacted_rows(subject: Row) -> list[Row]:
    # "Vecchioni ha detto «Era grande», mentre <subject> ha reagito così alla notizia: «Non
    # posso crederci davvero»." - the parse hangs the second quote on "detto", as it did
    return [
        ("Vecchioni", 2, "nsubj", "PROPN"), ("ha", 2, "aux", "AUX"), ("detto", 2, "ROOT", "VERB"),
        ("«", 5, "punct", "PUNCT"), ("Era", 5, "cop", "AUX"), ("grande", 2, "ccomp", "ADJ"),
        ("»", 5, "punct", "PUNCT"), (",", 11, "punct", "PUNCT"), ("mentre", 11, "mark", "SCONJ"),
        subject, ("ha", 11, "aux", "AUX", "VerbForm=Fin"),
        ("reagito", 2, "advcl", "VERB", "VerbForm=Part"),
        ("così", 11, "advmod", "ADV"), ("alla", 14, "case", "ADP"), ("notizia", 11, "obl", "NOUN"),
        (":", 2, "punct", "PUNCT"), ("«", 19, "punct", "PUNCT"), ("Non", 19, "advmod", "ADV"),
        ("posso", 19, "aux", "AUX"), ("crederci", 2, "parataxis", "VERB"),
        ("davvero", 19, "advmod", "ADV"), ("»", 19, "punct", "PUNCT"), (".", 2, "punct", "PUNCT"),
    ]  # fmt: skip


def test_a_compound_tense_whose_clause_ends_at_the_quote_s_colon_speaks() -> None:
    people = {"Vecchioni": (0, 1), "Jovanotti": (9, 10)}
    found = facts("it", _reacted_rows(("Jovanotti", 11, "nsubj", "PROPN")), people)
    assert [q.speaker for q in found.quotes if not q.reported] == ["Vecchioni", "Jovanotti"]
    # a subject that cannot speak frames nothing of its own
    found = facts("it", _reacted_rows(("l'economia", 11, "nsubj", "NOUN")), {"Vecchioni": (0, 1)})
    assert [a.source for a in found.attributions] == ["Vecchioni"]


def test_a_verb_outside_a_quote_joined_to_one_inside_does_not_take_the_quote_s_subject() -> None:
    # "Bossi ha esordito: «C'è un solo ministro e sono io», e ha ribadito che la riforma va
    # avanti." with "ribadito" joined to "è", inside the quote
    rows = [
        ("Bossi", 2, "nsubj", "PROPN"), ("ha", 2, "aux", "AUX", "VerbForm=Fin"),
        ("esordito", 2, "ROOT", "VERB", "VerbForm=Part"), (":", 2, "punct", "PUNCT"),
        ("«", 6, "punct", "PUNCT"), ("C'", 6, "expl", "PRON"),
        ("è", 2, "parataxis", "VERB", "VerbForm=Fin"), ("un", 9, "det", "DET"),
        ("solo", 9, "amod", "ADJ"), ("ministro", 6, "nsubj", "NOUN"), ("e", 12, "cc", "CCONJ"),
        ("sono", 12, "cop", "AUX", "VerbForm=Fin"), ("io", 9, "conj", "PRON"),
        ("»", 6, "punct", "PUNCT"), (",", 17, "punct", "PUNCT"), ("e", 17, "cc", "CCONJ"),
        ("ha", 17, "aux", "AUX", "VerbForm=Fin"), ("ribadito", 6, "conj", "VERB", "VerbForm=Part"),
        ("che", 21, "mark", "SCONJ"), ("la", 20, "det", "DET"), ("riforma", 21, "nsubj", "NOUN"),
        ("va", 17, "ccomp", "VERB", "VerbForm=Fin"), ("avanti", 21, "advmod", "ADV"),
        (".", 2, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Bossi": (0, 1)})
    assert {a.source for a in found.attributions} == {"Bossi"}
    assert all(q.speaker == "Bossi" for q in found.quotes)


def test_the_name_before_words_set_off_by_commas_speaks_not_the_words() -> None:
    # "Lo stesso Gilbert, deluso ma grande protagonista, ha affermato: «...»": the parse made
    # the name the subject of the words after it, and those words the verb's subject
    rows = [
        ("Lo", 2, "det", "DET"), ("stesso", 2, "amod", "ADJ"), ("Gilbert", 7, "nsubj", "PROPN"),
        (",", 4, "punct", "PUNCT"), ("deluso", 2, "conj", "NOUN"), ("ma", 6, "cc", "CCONJ"),
        ("grande", 7, "amod", "ADJ"), ("protagonista", 10, "nsubj", "NOUN"),
        (",", 7, "punct", "PUNCT"), ("ha", 10, "aux", "AUX", "VerbForm=Fin"),
        ("affermato", 10, "ROOT", "VERB", "VerbForm=Part"), (":", 10, "punct", "PUNCT"),
        ("«", 14, "punct", "PUNCT"), ("Non", 14, "advmod", "ADV"),
        ("ho", 10, "parataxis", "VERB", "VerbForm=Fin"), ("nulla", 14, "obj", "PRON"),
        ("da", 17, "mark", "ADP"), ("rimproverarmi", 15, "acl", "VERB", "VerbForm=Inf"),
        ("»", 14, "punct", "PUNCT"), (".", 10, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Gilbert": (2, 3)})
    assert [q.speaker for q in found.quotes] == ["Gilbert"]
    # "Óscar Freire, uno dei favoriti, ammette: «...»": the words the verb's subject, the
    # name left apart before them
    rows = [
        ("Óscar", 9, "nsubj", "PROPN"), ("Freire", 0, "flat:name", "PROPN"),
        (",", 0, "punct", "PUNCT"), ("uno", 9, "nsubj", "PRON"), ("dei", 5, "case", "ADP"),
        ("favoriti", 3, "nmod", "NOUN"), (",", 3, "punct", "PUNCT"),
        ("ora", 9, "advmod", "ADV"), ("già", 9, "advmod", "ADV"),
        ("ammette", 9, "ROOT", "VERB", "VerbForm=Fin"), (":", 9, "punct", "PUNCT"),
        ("«", 12, "punct", "PUNCT"), ("Avevo", 9, "parataxis", "VERB", "VerbForm=Fin"),
        ("la", 14, "det", "DET"), ("possibilità", 12, "obj", "NOUN"), ("»", 12, "punct", "PUNCT"),
        (".", 9, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Óscar Freire": (0, 2)})
    assert [q.speaker for q in found.quotes] == ["Óscar Freire"]


def test_a_clause_with_a_copula_after_a_name_is_not_words_set_off() -> None:
    # "Rossi, non è stato l'unico ..., il suo nemico Bianchi ha annunciato": the parse made
    # the copular clause the verb's subject; its own subject is not the one who announced
    rows = [
        ("Rossi", 5, "nsubj", "PROPN"), (",", 0, "punct", "PUNCT"), ("non", 5, "advmod", "ADV"),
        ("è", 5, "aux", "AUX", "VerbForm=Fin"), ("stato", 5, "cop", "AUX", "VerbForm=Part"),
        ("unico", 11, "nsubj", "ADJ"), (",", 8, "punct", "PUNCT"), ("il", 8, "det", "DET"),
        ("nemico", 5, "obl", "NOUN"), ("Bianchi", 8, "nmod", "PROPN"),
        ("ha", 11, "aux", "AUX", "VerbForm=Fin"),
        ("annunciato", 11, "ROOT", "VERB", "VerbForm=Part"), ("che", 14, "mark", "SCONJ"),
        ("non", 14, "advmod", "ADV"), ("corre", 11, "ccomp", "VERB", "VerbForm=Fin"),
        (".", 11, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Rossi": (0, 1), "Bianchi": (9, 10)})
    assert "Rossi" not in {a.source for a in found.attributions}


def test_a_short_lead_naming_someone_who_can_speak_labels_the_quote() -> None:
    # "Un poliziotto: «La scuola è distrutta»." (the tagger took "poliziotto" for an adverb)
    rows = [
        ("Un", 1, "det", "DET"), ("poliziotto", 1, "ROOT", "ADV"), (":", 1, "punct", "PUNCT"),
        ("«", 7, "punct", "PUNCT"), ("La", 5, "det", "DET"), ("scuola", 7, "nsubj", "NOUN"),
        ("è", 7, "cop", "AUX", "VerbForm=Fin"), ("distrutta", 1, "parataxis", "ADJ"),
        ("»", 7, "punct", "PUNCT"), (".", 1, "punct", "PUNCT"),
    ]  # fmt: skip
    assert [q.speaker for q in facts("it", rows).quotes] == ["poliziotto"]
    # "Una certezza: «...»" labels nothing: a certainty says nothing
    rows[1] = ("certezza", 1, "ROOT", "NOUN")
    assert [q.speaker for q in facts("it", rows).quotes] == [None]


def test_a_gerund_the_parse_hung_on_the_noun_before_it_is_that_noun_s() -> None:
    # "Il ministro, comunicando la notizia, ha rassicurato i partiti: «...»."
    rows = [
        ("Il", 1, "det", "DET"), ("ministro", 1, "ROOT", "NOUN"), (",", 1, "punct", "PUNCT"),
        ("comunicando", 1, "advcl", "VERB", "VerbForm=Ger"), ("la", 5, "det", "DET"),
        ("notizia", 3, "obj", "NOUN"), (",", 8, "punct", "PUNCT"),
        ("ha", 8, "aux", "AUX", "VerbForm=Fin"),
        ("rassicurato", 3, "conj", "VERB", "VerbForm=Part"), ("i", 10, "det", "DET"),
        ("partiti", 8, "obj", "NOUN"), (":", 1, "punct", "PUNCT"), ("«", 16, "punct", "PUNCT"),
        ("Le", 14, "det", "DET"), ("elezioni", 16, "nsubj", "NOUN"),
        ("saranno", 16, "cop", "AUX", "VerbForm=Fin"), ("libere", 1, "parataxis", "NOUN"),
        ("»", 16, "punct", "PUNCT"), (".", 1, "punct", "PUNCT"),
    ]  # fmt: skip
    assert [q.speaker for q in facts("it", rows).quotes] == ["ministro"]


def test_a_name_set_beside_a_phrase_a_preposition_governs_is_no_dropped_subject() -> None:
    # "Maroni ha parlato. E in merito alle critiche ricevute dal sindaco di Genova, Marta
    # Vincenzi, ha concluso: «Sono stato accusato»."
    rows = [
        ("Maroni", 2, "nsubj", "PROPN"), ("ha", 2, "aux", "AUX", "VerbForm=Fin"),
        ("parlato", 2, "ROOT", "VERB", "VerbForm=Part"), (".", 2, "punct", "PUNCT"),
        ("E", 19, "cc", "CCONJ"), ("in", 6, "case", "ADP"), ("merito", 19, "obl", "NOUN"),
        ("alle", 8, "case", "ADP"), ("critiche", 6, "nmod", "NOUN"),
        ("ricevute", 8, "acl", "VERB", "VerbForm=Part"), ("dal", 11, "case", "ADP"),
        ("sindaco", 9, "obl:agent", "NOUN"), ("di", 13, "case", "ADP"),
        ("Genova", 11, "nmod", "PROPN"), (",", 15, "punct", "PUNCT"),
        ("Marta", 13, "conj", "PROPN"), ("Vincenzi", 15, "flat:name", "PROPN"),
        (",", 6, "punct", "PUNCT"), ("ha", 19, "aux", "AUX", "VerbForm=Fin"),
        ("concluso", 19, "ROOT", "VERB", "VerbForm=Part"), (":", 19, "punct", "PUNCT"),
        ("«", 24, "punct", "PUNCT"), ("Sono", 24, "aux", "AUX", "VerbForm=Fin"),
        ("stato", 24, "aux:pass", "AUX", "VerbForm=Part"),
        ("accusato", 19, "parataxis", "VERB", "VerbForm=Part"), ("»", 24, "punct", "PUNCT"),
        (".", 19, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Maroni": (0, 1), "Marta Vincenzi": (15, 17)})
    assert [q.speaker for q in found.quotes] == ["Maroni"]
    # with no comma after the name, it is the subject the parse hung there: "..., Marta
    # Vincenzi ha concluso"
    del rows[17]
    rows = [(w, h - 1 if h > 17 else h, *rest) for w, h, *rest in rows]
    found = facts("it", rows, {"Maroni": (0, 1), "Marta Vincenzi": (15, 17)})
    assert [q.speaker for q in found.quotes] == ["Marta Vincenzi"]


def test_a_relative_clause_on_a_thing_is_not_whom_a_dropped_subject_goes_on_with() -> None:
    # "Maroni ha parlato. Lo studio, che dice che le tasse salgono, è uscito. Ha aggiunto che
    # le tasse scendono."
    rows = [
        ("Maroni", 2, "nsubj", "PROPN"), ("ha", 2, "aux", "AUX", "VerbForm=Fin"),
        ("parlato", 2, "ROOT", "VERB", "VerbForm=Part"), (".", 2, "punct", "PUNCT"),
        ("Lo", 5, "det", "DET"), ("studio", 15, "nsubj", "NOUN"), (",", 5, "punct", "PUNCT"),
        ("che", 8, "nsubj", "PRON"), ("dice", 5, "acl:relcl", "VERB", "VerbForm=Fin"),
        ("che", 12, "mark", "SCONJ"), ("le", 11, "det", "DET"), ("tasse", 12, "nsubj", "NOUN"),
        ("salgono", 8, "ccomp", "VERB", "VerbForm=Fin"), (",", 15, "punct", "PUNCT"),
        ("è", 15, "aux", "AUX", "VerbForm=Fin"), ("uscito", 15, "ROOT", "VERB", "VerbForm=Part"),
        (".", 15, "punct", "PUNCT"), ("Ha", 18, "aux", "AUX", "VerbForm=Fin"),
        ("aggiunto", 18, "ROOT", "VERB", "VerbForm=Part"), ("che", 22, "mark", "SCONJ"),
        ("le", 21, "det", "DET"), ("tasse", 22, "nsubj", "NOUN"),
        ("scendono", 18, "ccomp", "VERB", "VerbForm=Fin"), (".", 18, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Maroni": (0, 1)})
    assert [a.source for a in found.attributions if a.text == "aggiunto"] == ["Maroni"]


def test_secondo_quanto_ha_riferito_x_credits_x_with_the_quote_after_the_colon() -> None:
    # "La situazione, secondo quanto ha riferito Padre Bernardo Cervellera, è gravissima:
    # «Il villaggio è distrutto»." with the name hung on "situazione"
    rows = [
        ("La", 1, "det", "DET"), ("situazione", 12, "nsubj", "NOUN"), (",", 1, "punct", "PUNCT"),
        ("secondo", 4, "case", "ADP"), ("quanto", 6, "obl", "PRON"),
        ("ha", 6, "aux", "AUX", "VerbForm=Fin"), ("riferito", 1, "acl", "VERB", "VerbForm=Part"),
        ("Padre", 1, "nmod", "PROPN"), ("Bernardo", 7, "flat:name", "PROPN"),
        ("Cervellera", 8, "flat:name", "PROPN"), (",", 1, "punct", "PUNCT"),
        ("è", 12, "cop", "AUX", "VerbForm=Fin"), ("gravissima", 12, "ROOT", "ADJ"),
        (":", 12, "punct", "PUNCT"), ("«", 18, "punct", "PUNCT"), ("Il", 16, "det", "DET"),
        ("villaggio", 18, "nsubj:pass", "NOUN"), ("è", 18, "aux:pass", "AUX", "VerbForm=Fin"),
        ("distrutto", 12, "parataxis", "VERB", "VerbForm=Part"), ("»", 18, "punct", "PUNCT"),
        (".", 12, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Bernardo Cervellera": (8, 10)})
    direct = [q.speaker for q in found.quotes if not q.reported]
    assert direct == ["Bernardo Cervellera"]
    assert [a.source for a in found.attributions] == ["Bernardo Cervellera"]


def test_the_verb_right_before_the_opening_mark_says_the_quote() -> None:
    # "Rossi ha parlato di «sciagura», mentre il premier Enrico Letta ha detto «È un giorno
    # triste»." with the quote hung on "parlato"
    rows = [
        ("Rossi", 2, "nsubj", "PROPN"), ("ha", 2, "aux", "AUX", "VerbForm=Fin"),
        ("parlato", 2, "ROOT", "VERB", "VerbForm=Part"), ("di", 5, "case", "ADP"),
        ("«", 5, "punct", "PUNCT"), ("sciagura", 2, "obl", "NOUN"), ("»", 5, "punct", "PUNCT"),
        (",", 14, "punct", "PUNCT"), ("mentre", 14, "mark", "SCONJ"), ("il", 10, "det", "DET"),
        ("premier", 14, "nsubj", "NOUN"), ("Enrico", 10, "nmod", "PROPN"),
        ("Letta", 11, "flat:name", "PROPN"), ("ha", 14, "aux", "AUX", "VerbForm=Fin"),
        ("detto", 2, "advcl", "VERB", "VerbForm=Part"), ("«", 18, "punct", "PUNCT"),
        ("È", 18, "cop", "AUX", "VerbForm=Fin"), ("un", 18, "det", "DET"),
        ("giorno", 2, "parataxis", "NOUN"), ("triste", 18, "amod", "ADJ"),
        ("»", 18, "punct", "PUNCT"), (".", 2, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Rossi": (0, 1), "Enrico Letta": (11, 13)})
    direct = [(q.text, q.speaker) for q in found.quotes if not q.reported]
    assert ("È un giorno triste", "Enrico Letta") in direct


def test_a_role_with_a_party_beside_it_is_the_person_not_the_party() -> None:
    # "La parlamentare Rosy Bindi è arrivata. Dopo gli episodi, la senatrice Pd ha detto «È
    # il momento»."
    rows = [
        ("La", 1, "det", "DET"), ("parlamentare", 5, "nsubj", "NOUN"),
        ("Rosy", 1, "nmod", "PROPN"), ("Bindi", 2, "flat:name", "PROPN"),
        ("è", 5, "aux", "AUX", "VerbForm=Fin"), ("arrivata", 5, "ROOT", "VERB", "VerbForm=Part"),
        (".", 5, "punct", "PUNCT"), ("Dopo", 9, "case", "ADP"), ("gli", 9, "det", "DET"),
        ("episodi", 15, "obl", "NOUN"), (",", 9, "punct", "PUNCT"), ("la", 12, "det", "DET"),
        ("senatrice", 15, "nsubj", "NOUN"), ("Pd", 12, "nmod", "PROPN"),
        ("ha", 15, "aux", "AUX", "VerbForm=Fin"), ("detto", 15, "ROOT", "VERB", "VerbForm=Part"),
        ("«", 19, "punct", "PUNCT"), ("È", 19, "cop", "AUX", "VerbForm=Fin"),
        ("il", 19, "det", "DET"), ("momento", 15, "parataxis", "NOUN"),
        ("»", 19, "punct", "PUNCT"), (".", 15, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Rosy Bindi": (2, 4)}, orgs=[(13, 14)])
    assert [q.speaker for q in found.quotes] == ["Rosy Bindi"]


def test_the_gender_of_a_speech_noun_is_not_its_owner_s() -> None:
    # "Maria Rossi è morta. È arrivato Paolo Lanza, padre del killer. Queste sono state le sue
    # parole: «La famiglia è in lutto»." ("parole" is feminine; Paolo Lanza is not)
    rows = [
        ("Maria", 3, "nsubj", "PROPN"), ("Rossi", 0, "flat:name", "PROPN"),
        ("è", 3, "aux", "AUX", "VerbForm=Fin"), ("morta", 3, "ROOT", "VERB", "VerbForm=Part"),
        (".", 3, "punct", "PUNCT"), ("È", 6, "aux", "AUX", "VerbForm=Fin"),
        ("arrivato", 6, "ROOT", "VERB", "VerbForm=Part"), ("Paolo", 6, "nsubj", "PROPN"),
        ("Lanza", 7, "flat:name", "PROPN"), (",", 7, "punct", "PUNCT"),
        ("padre", 7, "appos", "NOUN"), ("del", 12, "case", "ADP"), ("killer", 10, "nmod", "NOUN"),
        (".", 6, "punct", "PUNCT"), ("Queste", 19, "nsubj", "PRON"),
        ("sono", 19, "aux", "AUX", "VerbForm=Fin"), ("state", 19, "cop", "VERB", "VerbForm=Part"),
        ("le", 19, "det", "DET"), ("sue", 19, "det:poss", "DET"),
        ("parole", 19, "ROOT", "NOUN", "Gender=Fem|Number=Plur"), (":", 19, "punct", "PUNCT"),
        ("«", 26, "punct", "PUNCT"), ("La", 23, "det", "DET"), ("famiglia", 26, "nsubj", "NOUN"),
        ("è", 26, "cop", "AUX", "VerbForm=Fin"), ("in", 26, "case", "ADP"),
        ("lutto", 19, "parataxis", "NOUN"), ("»", 26, "punct", "PUNCT"),
        (".", 19, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Maria Rossi": (0, 2), "Paolo Lanza": (7, 9)})
    assert [q.speaker for q in found.quotes] == ["Paolo Lanza"]


def _young_men_rows() -> list[Row]:
    # "L'accusatrice accettò un passaggio dei due giovani che hanno poi dichiarato: «Non ha
    # risposto». Lei aveva mandato un sms alla amica: «Aiuto»."
    return [
        ("L'", 1, "det", "DET"), ("accusatrice", 2, "nsubj", "NOUN"),
        ("accettò", 2, "ROOT", "VERB", "VerbForm=Fin"), ("un", 4, "det", "DET"),
        ("passaggio", 2, "obj", "NOUN"), ("dei", 7, "case", "ADP"), ("due", 7, "nummod", "NUM"),
        ("giovani", 4, "nmod", "NOUN"), ("che", 11, "nsubj", "PRON"),
        ("hanno", 11, "aux", "AUX", "VerbForm=Fin"), ("poi", 11, "advmod", "ADV"),
        ("dichiarato", 7, "acl:relcl", "VERB", "VerbForm=Part"), (":", 2, "punct", "PUNCT"),
        ("«", 16, "punct", "PUNCT"), ("Non", 16, "advmod", "ADV"),
        ("ha", 16, "aux", "AUX", "VerbForm=Fin"),
        ("risposto", 2, "parataxis", "VERB", "VerbForm=Part"), ("»", 16, "punct", "PUNCT"),
        (".", 2, "punct", "PUNCT"), ("La", 20, "det", "DET"), ("donna", 22, "nsubj", "NOUN"),
        ("aveva", 22, "aux", "AUX", "VerbForm=Fin"),
        ("mandato", 22, "ROOT", "VERB", "VerbForm=Part"), ("un", 24, "det", "DET"),
        ("sms", 22, "obj", "NOUN"), (":", 22, "punct", "PUNCT"), ("«", 27, "punct", "PUNCT"),
        ("Aiuto", 22, "parataxis", "NOUN"), ("»", 27, "punct", "PUNCT"),
        (".", 22, "punct", "PUNCT"),
    ]  # fmt: skip


def test_people_a_common_noun_names_can_speak_in_a_relative_clause() -> None:
    found = facts("it", _young_men_rows())
    assert [q.speaker for q in found.quotes][:1] == ["due giovani"]


def test_quotes_in_a_row_stop_at_a_sentence_about_someone_else() -> None:
    # the second quote is the woman's sms, not the young men's words going on
    found = facts("it", _young_men_rows())
    assert [q.speaker for q in found.quotes] == ["due giovani", None]


def test_words_before_a_gerund_after_a_quote_are_not_its_subject() -> None:
    # "Irène Terrel ha detto che la decisione offre «una nuova speranza» per «ricominciare»
    # una vita, affermando di sentirsi «molto sollevata»."
    rows = [
        ("Irène", 3, "nsubj", "PROPN"), ("Terrel", 0, "flat:name", "PROPN"),
        ("ha", 3, "aux", "AUX", "VerbForm=Fin"), ("detto", 3, "ROOT", "VERB", "VerbForm=Part"),
        ("che", 7, "mark", "SCONJ"), ("la", 6, "det", "DET"), ("decisione", 7, "nsubj", "NOUN"),
        ("offre", 3, "ccomp", "VERB", "VerbForm=Fin"), ("«", 7, "punct", "PUNCT"),
        ("una", 11, "det", "DET"), ("nuova", 11, "amod", "ADJ"), ("speranza", 7, "obj", "NOUN"),
        ("»", 7, "punct", "PUNCT"), ("per", 15, "case", "ADP"), ("«", 15, "punct", "PUNCT"),
        ("ricominciare", 7, "obl", "VERB", "VerbForm=Inf"), ("»", 15, "punct", "PUNCT"),
        ("una", 18, "det", "DET"), ("vita", 15, "obj", "NOUN"), (",", 15, "punct", "PUNCT"),
        ("affermando", 15, "advcl", "VERB", "VerbForm=Ger"), ("di", 22, "mark", "ADP"),
        ("sentirsi", 20, "xcomp", "VERB", "VerbForm=Inf"), ("«", 25, "punct", "PUNCT"),
        ("molto", 25, "advmod", "ADV"), ("sollevata", 20, "xcomp", "ADJ"),
        ("»", 25, "punct", "PUNCT"), (".", 3, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Irène Terrel": (0, 2)})
    assert "vita" not in {q.speaker for q in found.quotes}
    assert "vita" not in {a.source for a in found.attributions}


def test_e_quanto_ha_dichiarato_x_presents_the_sentence_before_as_x_s() -> None:
    # "Il Papa è grave. «Il Papa è sereno». È quanto ha dichiarato il portavoce Joaquín
    # Navarro-Valls."
    rows = [
        ("Il", 1, "det", "DET"), ("Papa", 3, "nsubj", "NOUN"),
        ("è", 3, "cop", "AUX", "VerbForm=Fin"), ("grave", 3, "ROOT", "ADJ"),
        (".", 3, "punct", "PUNCT"), ("«", 9, "punct", "PUNCT"), ("Il", 7, "det", "DET"),
        ("Papa", 9, "nsubj", "NOUN"), ("è", 9, "cop", "AUX", "VerbForm=Fin"),
        ("sereno", 9, "ROOT", "ADJ"), ("»", 9, "punct", "PUNCT"), (".", 9, "punct", "PUNCT"),
        ("È", 15, "aux", "AUX", "VerbForm=Fin"), ("quanto", 15, "nsubj", "PRON"),
        ("ha", 15, "aux", "AUX", "VerbForm=Fin"),
        ("dichiarato", 15, "ROOT", "VERB", "VerbForm=Part"), ("il", 17, "det", "DET"),
        ("portavoce", 15, "obj", "NOUN"), ("Joaquín", 17, "nmod", "PROPN"),
        ("Navarro-Valls", 18, "flat:name", "PROPN"), (".", 15, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Joaquín Navarro-Valls": (18, 20)})
    direct = [q.speaker for q in found.quotes if not q.reported]
    assert direct == ["Joaquín Navarro-Valls"]


def test_a_frame_naming_no_one_yields_to_the_named_one_right_after_the_quote() -> None:
    # "Hanno commentato altri politici: «La pace è un valore» ha dichiarato il premier Mario
    # Monti."
    rows = [
        ("Hanno", 1, "aux", "AUX", "VerbForm=Fin"),
        ("commentato", 1, "ROOT", "VERB", "VerbForm=Part"), ("altri", 3, "amod", "ADJ"),
        ("politici", 1, "obj", "NOUN", "Number=Plur"), (":", 1, "punct", "PUNCT"),
        ("«", 9, "punct", "PUNCT"), ("La", 7, "det", "DET"), ("pace", 9, "nsubj", "NOUN"),
        ("è", 9, "cop", "AUX", "VerbForm=Fin"), ("valore", 1, "parataxis", "NOUN"),
        ("»", 9, "punct", "PUNCT"), ("ha", 12, "aux", "AUX", "VerbForm=Fin"),
        ("dichiarato", 1, "parataxis", "VERB", "VerbForm=Part"), ("il", 14, "det", "DET"),
        ("premier", 12, "nsubj", "NOUN"), ("Mario", 14, "nmod", "PROPN"),
        ("Monti", 15, "flat:name", "PROPN"), (".", 1, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Mario Monti": (15, 17)})
    assert [q.speaker for q in found.quotes if not q.reported] == ["Mario Monti"]


def test_a_verb_opening_its_sentence_with_a_speaker_after_it_frames_the_colon_s_quote() -> None:
    # "Letizia Moratti ha parlato. Ha continuato il sindaco: «Il risultato è positivo»."
    rows = [
        ("Letizia", 3, "nsubj", "PROPN"), ("Moratti", 0, "flat:name", "PROPN"),
        ("ha", 3, "aux", "AUX", "VerbForm=Fin"), ("parlato", 3, "ROOT", "VERB", "VerbForm=Part"),
        (".", 3, "punct", "PUNCT"), ("Ha", 6, "aux", "AUX", "VerbForm=Fin"),
        ("continuato", 6, "ROOT", "VERB", "VerbForm=Part"), ("il", 8, "det", "DET"),
        ("sindaco", 6, "obj", "NOUN"), (":", 6, "punct", "PUNCT"), ("«", 14, "punct", "PUNCT"),
        ("Il", 12, "det", "DET"), ("risultato", 14, "nsubj", "NOUN"),
        ("è", 14, "cop", "AUX", "VerbForm=Fin"), ("positivo", 6, "parataxis", "ADJ"),
        ("»", 14, "punct", "PUNCT"), (".", 6, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Letizia Moratti": (0, 2)})
    assert [(q.speaker, q.how) for q in found.quotes] == [("Letizia Moratti", "coreference")]
    # "Ha continuato il programma: «...»": a programme says nothing
    rows[8] = ("programma", 6, "obj", "NOUN")
    found = facts("it", rows, {"Letizia Moratti": (0, 2)})
    assert "continuato" not in {a.text.split()[0] for a in found.attributions}


def test_a_statement_someone_publishes_is_its_owner_s() -> None:
    # "Il Telegraph pubblica una dichiarazione della Sharapova: «Sono triste»."
    rows = [
        ("Il", 1, "det", "DET"), ("Telegraph", 2, "nsubj", "PROPN"),
        ("pubblica", 2, "ROOT", "VERB", "VerbForm=Fin"), ("una", 4, "det", "DET"),
        ("dichiarazione", 2, "obj", "NOUN"), ("della", 6, "case", "ADP"),
        ("Sharapova", 4, "nmod", "PROPN"), (":", 2, "punct", "PUNCT"),
        ("«", 10, "punct", "PUNCT"), ("Sono", 10, "cop", "AUX", "VerbForm=Fin"),
        ("triste", 2, "parataxis", "ADJ"), ("»", 10, "punct", "PUNCT"),
        (".", 2, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Sharapova": (6, 7)})
    assert [q.speaker for q in found.quotes] == ["Sharapova"]


def test_a_relative_clause_after_a_name_set_beside_a_noun_is_the_name_s() -> None:
    # "È arrivato un volto della televisione, Pippo Baudo, che ha detto: «Un posto per lui»."
    rows = [
        ("È", 1, "aux", "AUX", "VerbForm=Fin"), ("arrivato", 1, "ROOT", "VERB", "VerbForm=Part"),
        ("un", 3, "det", "DET"), ("volto", 1, "nsubj", "NOUN"), ("della", 5, "case", "ADP"),
        ("televisione", 3, "nmod", "NOUN"), (",", 7, "punct", "PUNCT"),
        ("Pippo", 3, "appos", "PROPN"), ("Baudo", 7, "flat:name", "PROPN"),
        (",", 3, "punct", "PUNCT"), ("che", 12, "nsubj", "PRON"),
        ("ha", 12, "aux", "AUX", "VerbForm=Fin"), ("detto", 3, "acl:relcl", "VERB", "VerbForm=Part"),
        (":", 12, "punct", "PUNCT"), ("«", 16, "punct", "PUNCT"), ("Un", 16, "det", "DET"),
        ("posto", 12, "parataxis", "NOUN"), ("per", 18, "case", "ADP"),
        ("lui", 16, "nmod", "PRON"), ("»", 16, "punct", "PUNCT"), (".", 1, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Pippo Baudo": (7, 9)})
    assert [a.source for a in found.attributions] == ["Pippo Baudo"]


def test_the_same_body_is_not_the_person_spoken_of() -> None:
    # "È morto Fabrizio Frizzi. La stessa famiglia ha detto: «Siamo tristi»."
    rows = [
        ("È", 1, "aux", "AUX", "VerbForm=Fin"), ("morto", 1, "ROOT", "VERB", "VerbForm=Part"),
        ("Fabrizio", 1, "nsubj", "PROPN"), ("Frizzi", 2, "flat:name", "PROPN"),
        (".", 1, "punct", "PUNCT"), ("La", 7, "det", "DET"), ("stessa", 7, "amod", "ADJ"),
        ("famiglia", 9, "nsubj", "NOUN"), ("ha", 9, "aux", "AUX", "VerbForm=Fin"),
        ("detto", 9, "ROOT", "VERB", "VerbForm=Part"), (":", 9, "punct", "PUNCT"),
        ("«", 13, "punct", "PUNCT"), ("Siamo", 13, "cop", "AUX", "VerbForm=Fin"),
        ("tristi", 9, "parataxis", "ADJ"), ("»", 13, "punct", "PUNCT"),
        (".", 9, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Fabrizio Frizzi": (2, 4)})
    assert [q.speaker for q in found.quotes] == ["stessa famiglia"]


def test_a_speech_noun_right_after_a_quote_names_its_owner() -> None:
    # "Il turista è partito. «Ho molta fretta, devo partire subito», queste le parole di Ivan
    # Petrov."
    rows = [
        ("Il", 1, "det", "DET"), ("turista", 3, "nsubj", "NOUN"),
        ("è", 3, "aux", "AUX", "VerbForm=Fin"), ("partito", 3, "ROOT", "VERB", "VerbForm=Part"),
        (".", 3, "punct", "PUNCT"), ("«", 6, "punct", "PUNCT"),
        ("Ho", 6, "ROOT", "VERB", "VerbForm=Fin"), ("molta", 8, "det", "DET"),
        ("fretta", 6, "obj", "NOUN"), (",", 11, "punct", "PUNCT"),
        ("devo", 11, "aux", "AUX", "VerbForm=Fin"), ("partire", 6, "conj", "VERB", "VerbForm=Inf"),
        ("subito", 11, "advmod", "ADV"), ("»", 6, "punct", "PUNCT"), (",", 17, "punct", "PUNCT"),
        ("queste", 17, "det", "DET"), ("le", 17, "det", "DET"), ("parole", 6, "parataxis", "NOUN"),
        ("di", 19, "case", "ADP"), ("Ivan", 17, "nmod", "PROPN"),
        ("Petrov", 19, "flat:name", "PROPN"), (".", 6, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Ivan Petrov": (19, 21)})
    assert [(q.speaker, q.how) for q in found.quotes] == [("Ivan Petrov", "frame")]


def test_a_gerund_inside_a_claim_never_takes_the_claim_s_subject() -> None:
    # "Bossi ha parlato. Ha ammesso che la strada migliore sia quella pacifica, sottolineando
    # che «la lotta non finirà mai»." with the gerund hung inside the claim
    rows = [
        ("Bossi", 2, "nsubj", "PROPN"), ("ha", 2, "aux", "AUX", "VerbForm=Fin"),
        ("parlato", 2, "ROOT", "VERB", "VerbForm=Part"), (".", 2, "punct", "PUNCT"),
        ("Ha", 5, "aux", "AUX", "VerbForm=Fin"), ("ammesso", 5, "ROOT", "VERB", "VerbForm=Part"),
        ("che", 12, "mark", "SCONJ"), ("la", 8, "det", "DET"), ("strada", 12, "nsubj", "NOUN"),
        ("migliore", 8, "amod", "ADJ"), ("sia", 12, "cop", "AUX", "VerbForm=Fin"),
        ("quella", 12, "det", "DET"), ("pacifica", 5, "ccomp", "ADJ"),
        (",", 14, "punct", "PUNCT"), ("sottolineando", 12, "advcl", "VERB", "VerbForm=Ger"),
        ("che", 20, "mark", "SCONJ"), ("«", 20, "punct", "PUNCT"), ("la", 18, "det", "DET"),
        ("lotta", 20, "nsubj", "NOUN"), ("non", 20, "advmod", "ADV"),
        ("finirà", 14, "ccomp", "VERB", "VerbForm=Fin"), ("mai", 20, "advmod", "ADV"),
        ("»", 20, "punct", "PUNCT"), (".", 5, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Bossi": (0, 1)})
    assert {a.source for a in found.attributions} == {"Bossi"}
    assert {q.speaker for q in found.quotes} == {"Bossi"}


def test_a_relative_clause_after_the_inverted_subject_is_no_content() -> None:
    # "«Oggi ci sono gli operai», ha affermato il deputato, Vladimir Luxuria, che ha
    # partecipato." with the relative clause hung on the verb
    rows = [
        ("«", 3, "punct", "PUNCT"), ("Oggi", 3, "advmod", "ADV"), ("ci", 3, "expl", "PRON"),
        ("sono", 3, "ROOT", "VERB", "VerbForm=Fin"), ("gli", 5, "det", "DET"),
        ("operai", 3, "nsubj", "NOUN"), ("»", 3, "punct", "PUNCT"), (",", 9, "punct", "PUNCT"),
        ("ha", 9, "aux", "AUX", "VerbForm=Fin"), ("affermato", 3, "conj", "VERB", "VerbForm=Part"),
        ("il", 11, "det", "DET"), ("deputato", 9, "obj", "NOUN"), (",", 13, "punct", "PUNCT"),
        ("Vladimir", 11, "appos", "PROPN"), ("Luxuria", 13, "flat:name", "PROPN"),
        (",", 9, "punct", "PUNCT"), ("che", 18, "nsubj", "PRON"),
        ("ha", 18, "aux", "AUX", "VerbForm=Fin"),
        ("partecipato", 9, "ccomp", "VERB", "VerbForm=Part"), (".", 3, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Vladimir Luxuria": (13, 15)})
    assert [(q.text, q.speaker) for q in found.quotes] == [
        ("Oggi ci sono gli operai", "Vladimir Luxuria")
    ]


def test_a_dropped_subject_after_a_colon_lead_is_the_person_it_names() -> None:
    # "Gli organizzatori hanno detto: «Siamo felici». Da registrare la presenza di Paolo
    # Ferrero: «È una festa», ha dichiarato."
    rows = [
        ("Gli", 1, "det", "DET"), ("organizzatori", 3, "nsubj", "NOUN"),
        ("hanno", 3, "aux", "AUX", "VerbForm=Fin"), ("detto", 3, "ROOT", "VERB", "VerbForm=Part"),
        (":", 7, "punct", "PUNCT"), ("«", 7, "punct", "PUNCT"),
        ("Siamo", 7, "cop", "AUX", "VerbForm=Fin"), ("felici", 3, "parataxis", "ADJ"),
        ("»", 7, "punct", "PUNCT"), (".", 3, "punct", "PUNCT"), ("Da", 11, "mark", "ADP"),
        ("registrare", 11, "ROOT", "VERB", "VerbForm=Inf"), ("la", 13, "det", "DET"),
        ("presenza", 11, "obj", "NOUN"), ("di", 15, "case", "ADP"),
        ("Paolo", 13, "nmod", "PROPN"), ("Ferrero", 15, "flat:name", "PROPN"),
        (":", 11, "punct", "PUNCT"), ("«", 21, "punct", "PUNCT"),
        ("È", 21, "cop", "AUX", "VerbForm=Fin"), ("una", 21, "det", "DET"),
        ("festa", 11, "parataxis", "NOUN"), ("»", 21, "punct", "PUNCT"),
        (",", 25, "punct", "PUNCT"), ("ha", 25, "aux", "AUX", "VerbForm=Fin"),
        ("dichiarato", 11, "parataxis", "VERB", "VerbForm=Part"), (".", 11, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Paolo Ferrero": (15, 17)})
    assert [q.speaker for q in found.quotes] == ["organizzatori", "Paolo Ferrero"]


def test_the_official_again_is_the_unnamed_official_not_the_country_spoken_of() -> None:
    # "Un funzionario ha detto che gli Stati Uniti hanno chiesto aiuto. «Non sappiamo niente»,
    # ha affermato il funzionario."
    rows = [
        ("Un", 1, "det", "DET"), ("funzionario", 3, "nsubj", "NOUN"),
        ("ha", 3, "aux", "AUX", "VerbForm=Fin"), ("detto", 3, "ROOT", "VERB", "VerbForm=Part"),
        ("che", 9, "mark", "SCONJ"), ("gli", 6, "det", "DET"), ("Stati", 9, "nsubj", "PROPN"),
        ("Uniti", 6, "flat:name", "PROPN"), ("hanno", 9, "aux", "AUX", "VerbForm=Fin"),
        ("chiesto", 3, "ccomp", "VERB", "VerbForm=Part"), ("aiuto", 9, "obj", "NOUN"),
        (".", 3, "punct", "PUNCT"), ("«", 14, "punct", "PUNCT"), ("Non", 14, "advmod", "ADV"),
        ("sappiamo", 14, "ROOT", "VERB", "VerbForm=Fin"), ("niente", 14, "obj", "PRON"),
        ("»", 14, "punct", "PUNCT"), (",", 19, "punct", "PUNCT"),
        ("ha", 19, "aux", "AUX", "VerbForm=Fin"),
        ("affermato", 14, "parataxis", "VERB", "VerbForm=Part"), ("il", 21, "det", "DET"),
        ("funzionario", 19, "obj", "NOUN"), (".", 14, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, orgs=[(6, 8)])
    quote = next(q for q in found.quotes if q.text == "Non sappiamo niente")
    assert quote.speaker == "funzionario"


def test_a_role_never_stands_for_a_body_that_spoke_before() -> None:
    # "La Fiat ha detto che i conti sono buoni. «Siamo soddisfatti», ha affermato il portavoce."
    rows = [
        ("La", 1, "det", "DET"), ("Fiat", 3, "nsubj", "PROPN"),
        ("ha", 3, "aux", "AUX", "VerbForm=Fin"), ("detto", 3, "ROOT", "VERB", "VerbForm=Part"),
        ("che", 8, "mark", "SCONJ"), ("i", 6, "det", "DET"), ("conti", 8, "nsubj", "NOUN"),
        ("sono", 8, "cop", "AUX", "VerbForm=Fin"), ("buoni", 3, "ccomp", "ADJ"),
        (".", 3, "punct", "PUNCT"), ("«", 12, "punct", "PUNCT"),
        ("Siamo", 12, "cop", "AUX", "VerbForm=Fin"), ("soddisfatti", 12, "ROOT", "ADJ"),
        ("»", 12, "punct", "PUNCT"), (",", 16, "punct", "PUNCT"),
        ("ha", 16, "aux", "AUX", "VerbForm=Fin"),
        ("affermato", 12, "parataxis", "VERB", "VerbForm=Part"), ("il", 18, "det", "DET"),
        ("portavoce", 16, "obj", "NOUN"), (".", 12, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, orgs=[(1, 2)])
    quote = next(q for q in found.quotes if q.text == "Siamo soddisfatti")
    assert quote.speaker != "Fiat"


def test_a_name_after_a_title_a_preposition_governs_is_no_bare_subject() -> None:
    # "Violante, commentando la rabbia del premier Silvio Berlusconi, ha affermato: «Siamo
    # stanchi»." with "Violante" tagged as an adverb
    rows = [
        ("Violante", 11, "advmod", "ADV"), (",", 0, "punct", "PUNCT"),
        ("commentando", 11, "advcl", "VERB", "VerbForm=Ger"), ("la", 4, "det", "DET"),
        ("rabbia", 2, "obj", "NOUN"), ("del", 6, "case", "ADP"), ("premier", 4, "nmod", "NOUN"),
        ("Silvio", 6, "nmod", "PROPN"), ("Berlusconi", 7, "flat:name", "PROPN"),
        (",", 2, "punct", "PUNCT"), ("ha", 11, "aux", "AUX", "VerbForm=Fin"),
        ("affermato", 11, "ROOT", "VERB", "VerbForm=Part"), (":", 11, "punct", "PUNCT"),
        ("«", 15, "punct", "PUNCT"), ("Siamo", 15, "cop", "AUX", "VerbForm=Fin"),
        ("stanchi", 11, "parataxis", "ADJ"), ("»", 15, "punct", "PUNCT"),
        (".", 11, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Violante": (0, 1), "Silvio Berlusconi": (7, 9)})
    assert [q.speaker for q in found.quotes] == ["Violante"]


def test_a_perfect_cut_by_commas_keeps_its_subject() -> None:
    # "Mario Rossi si è rifiutato, il questore ha, infatti, affermato che «era innocente»." with
    # "ha" read as a verb of its own
    rows = [
        ("Mario", 4, "nsubj", "PROPN"), ("Rossi", 0, "flat:name", "PROPN"),
        ("si", 4, "expl", "PRON"), ("è", 4, "aux", "AUX", "VerbForm=Fin"),
        ("rifiutato", 4, "ROOT", "VERB", "VerbForm=Part"), (",", 8, "punct", "PUNCT"),
        ("il", 7, "det", "DET"), ("questore", 8, "nsubj", "NOUN"),
        ("ha", 4, "parataxis", "VERB", "VerbForm=Fin"), (",", 10, "punct", "PUNCT"),
        ("infatti", 12, "advmod", "ADV"), (",", 10, "punct", "PUNCT"),
        ("affermato", 4, "conj", "VERB", "VerbForm=Part"), ("che", 16, "mark", "SCONJ"),
        ("«", 16, "punct", "PUNCT"), ("era", 16, "cop", "AUX", "VerbForm=Fin"),
        ("innocente", 12, "ccomp", "ADJ"), ("»", 16, "punct", "PUNCT"),
        (".", 4, "punct", "PUNCT"),
    ]  # fmt: skip
    doc = parsed("it", rows, {"Mario Rossi": (0, 2)})
    frames = find_frames(Parse.from_doc(doc), "it", quote_spans_of(doc.text))
    sources = {doc.text[f.cue[0] : f.cue[1]]: f.source for f in frames}
    start, end = sources["affermato"]
    assert doc.text[start:end] == "il questore"


def test_a_body_s_relative_clause_is_an_aside_a_dropped_subject_skips() -> None:
    # "Maroni se la prende con la Federcalcio, che aveva parlato di colpe. Poi ha concluso:
    # «Ci rido sopra»."
    rows = [
        ("Maroni", 3, "nsubj", "PROPN"), ("se", 3, "expl", "PRON"), ("la", 3, "obj", "PRON"),
        ("prende", 3, "ROOT", "VERB", "VerbForm=Fin"), ("con", 6, "case", "ADP"),
        ("la", 6, "det", "DET"), ("Federcalcio", 3, "obl", "PROPN"), (",", 10, "punct", "PUNCT"),
        ("che", 10, "nsubj", "PRON"), ("aveva", 10, "aux", "AUX", "VerbForm=Fin"),
        ("parlato", 6, "acl:relcl", "VERB", "VerbForm=Part"), ("di", 12, "case", "ADP"),
        ("colpe", 10, "obl", "NOUN"), (".", 3, "punct", "PUNCT"), ("Poi", 16, "advmod", "ADV"),
        ("ha", 16, "aux", "AUX", "VerbForm=Fin"), ("concluso", 16, "ROOT", "VERB", "VerbForm=Part"),
        (":", 16, "punct", "PUNCT"), ("«", 20, "punct", "PUNCT"), ("Ci", 20, "expl", "PRON"),
        ("rido", 16, "parataxis", "VERB", "VerbForm=Fin"), ("sopra", 20, "advmod", "ADV"),
        ("»", 20, "punct", "PUNCT"), (".", 16, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Maroni": (0, 1)}, orgs=[(6, 7)])
    quote = next(q for q in found.quotes if q.text == "Ci rido sopra")
    assert quote.speaker == "Maroni"


def test_a_verb_right_after_the_closing_mark_outranks_a_lead_whose_clause_runs_on() -> None:
    # "Avaro è stato minacciato dai ragazzi: «Abbiamo sentito il colpo», ha dichiarato uno dei
    # carabinieri."
    rows = [
        ("Avaro", 3, "nsubj:pass", "PROPN"), ("è", 3, "aux", "AUX", "VerbForm=Fin"),
        ("stato", 3, "aux:pass", "AUX", "VerbForm=Part"),
        ("minacciato", 3, "ROOT", "VERB", "VerbForm=Part"), ("dai", 5, "case", "ADP"),
        ("ragazzi", 3, "obl:agent", "NOUN"), (":", 3, "punct", "PUNCT"),
        ("«", 9, "punct", "PUNCT"), ("Abbiamo", 9, "aux", "AUX", "VerbForm=Fin"),
        ("sentito", 3, "parataxis", "VERB", "VerbForm=Part"), ("il", 11, "det", "DET"),
        ("colpo", 9, "obj", "NOUN"), ("»", 9, "punct", "PUNCT"), (",", 15, "punct", "PUNCT"),
        ("ha", 15, "aux", "AUX", "VerbForm=Fin"),
        ("dichiarato", 9, "parataxis", "VERB", "VerbForm=Part"), ("uno", 15, "obj", "PRON"),
        ("dei", 18, "case", "ADP"), ("carabinieri", 16, "nmod", "NOUN"),
        (".", 3, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Avaro": (0, 1)})
    quote = next(q for q in found.quotes if not q.reported)
    assert quote.speaker == "uno dei carabinieri"


def test_a_relative_clause_on_a_title_s_complement_is_the_title_holder_s() -> None:
    # "Il ministro Mario Rossi è arrivato. «È urgente», ha aggiunto il ministro degli Esteri,
    # che ha proseguito: «Siamo pronti»."
    rows = [
        ("Il", 1, "det", "DET"), ("ministro", 5, "nsubj", "NOUN"), ("Mario", 1, "appos", "PROPN"),
        ("Rossi", 2, "flat:name", "PROPN"), ("è", 5, "aux", "AUX", "VerbForm=Fin"),
        ("arrivato", 5, "ROOT", "VERB", "VerbForm=Part"), (".", 5, "punct", "PUNCT"),
        ("«", 9, "punct", "PUNCT"), ("È", 9, "cop", "AUX", "VerbForm=Fin"),
        ("urgente", 9, "ROOT", "ADJ"), ("»", 9, "punct", "PUNCT"), (",", 13, "punct", "PUNCT"),
        ("ha", 13, "aux", "AUX", "VerbForm=Fin"),
        ("aggiunto", 9, "parataxis", "VERB", "VerbForm=Part"), ("il", 15, "det", "DET"),
        ("ministro", 13, "obj", "NOUN"), ("degli", 17, "case", "ADP"),
        ("Esteri", 15, "nmod", "PROPN"), (",", 21, "punct", "PUNCT"), ("che", 21, "nsubj", "PRON"),
        ("ha", 21, "aux", "AUX", "VerbForm=Fin"),
        ("proseguito", 17, "acl:relcl", "VERB", "VerbForm=Part"), (":", 21, "punct", "PUNCT"),
        ("«", 25, "punct", "PUNCT"), ("Siamo", 25, "cop", "AUX", "VerbForm=Fin"),
        ("pronti", 21, "parataxis", "ADJ"), ("»", 25, "punct", "PUNCT"),
        (".", 9, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Mario Rossi": (2, 4)})
    assert [q.speaker for q in found.quotes if not q.reported] == ["Mario Rossi", "Mario Rossi"]


def test_after_a_comma_only_a_noun_that_can_speak_is_a_subject_put_after_its_verb() -> None:
    # "Il papa ha parlato. Nel discorso, ha evidenziato la vicinanza e annunciato «un cammino»."
    rows = [
        ("Il", 1, "det", "DET"), ("papa", 3, "nsubj", "NOUN"),
        ("ha", 3, "aux", "AUX", "VerbForm=Fin"), ("parlato", 3, "ROOT", "VERB", "VerbForm=Part"),
        (".", 3, "punct", "PUNCT"), ("Nel", 6, "case", "ADP"), ("discorso", 9, "obl", "NOUN"),
        (",", 6, "punct", "PUNCT"), ("ha", 9, "aux", "AUX", "VerbForm=Fin"),
        ("evidenziato", 9, "ROOT", "VERB", "VerbForm=Part"), ("la", 11, "det", "DET"),
        ("vicinanza", 9, "obj", "NOUN"), ("e", 13, "cc", "CCONJ"),
        ("annunciato", 9, "conj", "VERB", "VerbForm=Part"), ("«", 16, "punct", "PUNCT"),
        ("un", 16, "det", "DET"), ("cammino", 13, "obj", "NOUN"), ("»", 16, "punct", "PUNCT"),
        (".", 9, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows)
    assert "vicinanza" not in {a.source for a in found.attributions}
    assert [q.speaker for q in found.quotes if not q.reported] != ["vicinanza"]


def test_someone_named_after_a_quote_reporting_what_follows_did_not_say_it() -> None:
    # "Il teologo ha proposto una «ricerca sull'etica per tutte le religioni», alla quale
    # Ratzinger ha risposto che «l'impegno è un obiettivo importante»."
    rows = [
        ("Il", 1, "det", "DET"), ("teologo", 3, "nsubj", "NOUN"),
        ("ha", 3, "aux", "AUX", "VerbForm=Fin"), ("proposto", 3, "ROOT", "VERB", "VerbForm=Part"),
        ("una", 6, "det", "DET"), ("«", 6, "punct", "PUNCT"), ("ricerca", 3, "obj", "NOUN"),
        ("sull'", 8, "case", "ADP"), ("etica", 6, "nmod", "NOUN"), ("per", 12, "case", "ADP"),
        ("tutte", 12, "det", "DET"), ("le", 12, "det", "DET"), ("religioni", 6, "nmod", "NOUN"),
        ("»", 6, "punct", "PUNCT"), (",", 19, "punct", "PUNCT"), ("alla", 16, "case", "ADP"),
        ("quale", 19, "obl", "PRON"), ("Ratzinger", 19, "nsubj", "PROPN"),
        ("ha", 19, "aux", "AUX", "VerbForm=Fin"),
        ("risposto", 6, "acl:relcl", "VERB", "VerbForm=Part"), ("che", 26, "mark", "SCONJ"),
        ("«", 26, "punct", "PUNCT"), ("l'", 23, "det", "DET"), ("impegno", 26, "nsubj", "NOUN"),
        ("è", 26, "cop", "AUX", "VerbForm=Fin"), ("un", 26, "det", "DET"),
        ("obiettivo", 19, "ccomp", "NOUN"), ("importante", 26, "amod", "ADJ"),
        ("»", 26, "punct", "PUNCT"), (".", 3, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Ratzinger": (17, 18)})
    said = {q.text.split()[0]: (q.speaker, q.how) for q in found.quotes if not q.reported}
    assert said["ricerca"] != ("Ratzinger", "frame")  # at most a guess from the name nearby
    assert said["l'"] == ("Ratzinger", "frame")


def test_quotes_in_a_row_stop_at_a_sentence_a_body_is_the_subject_of() -> None:
    # "Rossi ha detto: «Siamo pronti». L'Associazione ha condannato il fatto e ha fatto presente
    # come «anche il Profeta avrebbe visitato le tombe»."
    rows = [
        ("Rossi", 2, "nsubj", "PROPN"), ("ha", 2, "aux", "AUX", "VerbForm=Fin"),
        ("detto", 2, "ROOT", "VERB", "VerbForm=Part"), (":", 6, "punct", "PUNCT"),
        ("«", 6, "punct", "PUNCT"), ("Siamo", 6, "cop", "AUX", "VerbForm=Fin"),
        ("pronti", 2, "parataxis", "ADJ"), ("»", 6, "punct", "PUNCT"), (".", 2, "punct", "PUNCT"),
        ("L'", 10, "det", "DET"), ("Associazione", 12, "nsubj", "PROPN"),
        ("ha", 12, "aux", "AUX", "VerbForm=Fin"),
        ("condannato", 12, "ROOT", "VERB", "VerbForm=Part"), ("il", 14, "det", "DET"),
        ("fatto", 12, "obj", "NOUN"), ("e", 17, "cc", "CCONJ"),
        ("ha", 17, "aux", "AUX", "VerbForm=Fin"), ("fatto", 12, "conj", "VERB", "VerbForm=Part"),
        ("presente", 17, "xcomp", "ADJ"), ("come", 25, "mark", "SCONJ"),
        ("«", 25, "punct", "PUNCT"), ("anche", 25, "advmod", "ADV"), ("il", 23, "det", "DET"),
        ("Profeta", 25, "nsubj", "PROPN"), ("avrebbe", 25, "aux", "AUX", "VerbForm=Fin"),
        ("visitato", 17, "advcl", "VERB", "VerbForm=Part"), ("le", 27, "det", "DET"),
        ("tombe", 25, "obj", "NOUN"), ("»", 25, "punct", "PUNCT"), (".", 12, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Rossi": (0, 1)}, orgs=[(10, 11)])
    said = [(q.speaker, q.how) for q in found.quotes if not q.reported]
    assert said[0] == ("Rossi", "frame")
    assert said[1] != ("Rossi", "previous quote")  # at most a guess from the name nearby


def test_a_relative_clause_after_a_name_of_two_words_is_that_name_s() -> None:
    # "Rossi fu nominato da papa Paolo VI, che lo definì un «insigne maestro di teologia»." with
    # the relative clause hung on the main verb and the name taken for a place
    rows = [
        ("Rossi", 2, "nsubj:pass", "PROPN"), ("fu", 2, "aux:pass", "AUX", "VerbForm=Fin"),
        ("nominato", 2, "ROOT", "VERB", "VerbForm=Part"), ("da", 4, "case", "ADP"),
        ("papa", 2, "obl", "NOUN"), ("Paolo", 4, "nmod", "PROPN"), ("VI", 5, "flat:name", "ADJ"),
        (",", 2, "punct", "PUNCT"), ("che", 10, "nsubj", "PRON"), ("lo", 10, "obj", "PRON"),
        ("definì", 2, "advcl", "VERB", "VerbForm=Fin"), ("un", 14, "det", "DET"),
        ("«", 14, "punct", "PUNCT"), ("insigne", 14, "amod", "ADJ"), ("maestro", 10, "obj", "NOUN"),
        ("di", 16, "case", "ADP"), ("teologia", 14, "nmod", "NOUN"), ("»", 14, "punct", "PUNCT"),
        (".", 2, "punct", "PUNCT"),
    ]  # fmt: skip
    doc = parsed("it", rows, {"Rossi": (0, 1)}, places=[(5, 7)])
    found = extract_facts(doc, "it", "2025-12-18")
    assert [q.speaker for q in found.quotes if not q.reported] == ["Paolo VI"]


def test_the_first_citizen_is_the_mayor_named_before() -> None:
    # "Il sindaco Flavio Tosi ha voluto la manifestazione. «Ho proposto questa manifestazione»,
    # ha dichiarato il primo cittadino."
    rows = [
        ("Il", 1, "det", "DET"), ("sindaco", 5, "nsubj", "NOUN"), ("Flavio", 1, "appos", "PROPN"),
        ("Tosi", 2, "flat:name", "PROPN"), ("ha", 5, "aux", "AUX", "VerbForm=Fin"),
        ("voluto", 5, "ROOT", "VERB", "VerbForm=Part"), ("la", 7, "det", "DET"),
        ("manifestazione", 5, "obj", "NOUN"), (".", 5, "punct", "PUNCT"),
        ("«", 11, "punct", "PUNCT"), ("Ho", 11, "aux", "AUX", "VerbForm=Fin"),
        ("proposto", 11, "ROOT", "VERB", "VerbForm=Part"), ("questa", 13, "det", "DET"),
        ("manifestazione", 11, "obj", "NOUN"), ("»", 11, "punct", "PUNCT"),
        (",", 17, "punct", "PUNCT"), ("ha", 17, "aux", "AUX", "VerbForm=Fin"),
        ("dichiarato", 11, "parataxis", "VERB", "VerbForm=Part"), ("il", 20, "det", "DET"),
        ("primo", 20, "amod", "ADJ"), ("cittadino", 17, "obj", "NOUN"),
        (".", 11, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Flavio Tosi": (2, 4)})
    assert [q.speaker for q in found.quotes if not q.reported] == ["Flavio Tosi"]


def test_a_role_subject_leading_to_a_colon_speaks_not_the_name_near_it() -> None:
    # "Il ministro fa riferimento ai tagli del governo Prodi: «Li stiamo deludendo»."
    rows = [
        ("Il", 1, "det", "DET"), ("ministro", 2, "nsubj", "NOUN"),
        ("fa", 2, "ROOT", "VERB", "VerbForm=Fin"), ("riferimento", 2, "obj", "NOUN"),
        ("ai", 5, "case", "ADP"), ("tagli", 2, "obl", "NOUN"), ("del", 7, "case", "ADP"),
        ("governo", 5, "nmod", "NOUN"), ("Prodi", 7, "nmod", "PROPN"), (":", 2, "punct", "PUNCT"),
        ("«", 13, "punct", "PUNCT"), ("Li", 13, "obj", "PRON"),
        ("stiamo", 13, "aux", "AUX", "VerbForm=Fin"),
        ("deludendo", 2, "parataxis", "VERB", "VerbForm=Ger"), ("»", 13, "punct", "PUNCT"),
        (".", 2, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Prodi": (8, 9)})
    assert [q.speaker for q in found.quotes if not q.reported] == ["ministro"]


def test_a_name_before_a_relative_clause_set_off_by_commas_is_the_verb_s_subject() -> None:
    # "Phyllis Schlafly died. Richard Viguerie, who masterminded the use of direct mail, called
    # her “the first lady of the movement.”" with "called" hung on the relative clause
    rows = [
        ("Phyllis", 2, "nsubj", "PROPN"), ("Schlafly", 0, "flat", "PROPN"),
        ("died", 2, "ROOT", "VERB", "VerbForm=Fin"), (".", 2, "punct", "PUNCT"),
        ("Richard", 4, "ROOT", "PROPN"), ("Viguerie", 4, "flat", "PROPN"),
        (",", 8, "punct", "PUNCT"), ("who", 8, "nsubj", "PRON"),
        ("masterminded", 4, "acl:relcl", "VERB", "VerbForm=Fin"), ("the", 10, "det", "DET"),
        ("use", 8, "obj", "NOUN"), ("of", 13, "case", "ADP"), ("direct", 13, "amod", "ADJ"),
        ("mail", 10, "nmod", "NOUN"), (",", 15, "punct", "PUNCT"),
        ("called", 8, "advcl", "VERB", "VerbForm=Fin"), ("her", 15, "obj", "PRON"),
        ("“", 20, "punct", "PUNCT"), ("the", 20, "det", "DET"), ("first", 20, "amod", "ADJ"),
        ("lady", 15, "obj", "NOUN"), ("of", 23, "case", "ADP"), ("the", 23, "det", "DET"),
        ("movement", 20, "nmod", "NOUN"), (".", 20, "punct", "PUNCT"), ("”", 20, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("en", rows, {"Phyllis Schlafly": (0, 2), "Richard Viguerie": (4, 6)})
    assert [q.speaker for q in found.quotes if not q.reported] == ["Richard Viguerie"]


def test_a_frame_inside_a_person_s_aside_keeps_both_attributions() -> None:
    # "Mario Placanica, che secondo i pm era armato, ha denunciato un tentativo di omicidio."
    rows = [
        ("Mario", 11, "nsubj", "PROPN"), ("Placanica", 0, "flat:name", "PROPN"),
        (",", 8, "punct", "PUNCT"), ("che", 8, "nsubj", "PRON"), ("secondo", 6, "case", "ADP"),
        ("i", 6, "det", "DET"), ("pm", 8, "obl", "NOUN"), ("era", 8, "cop", "AUX", "VerbForm=Fin"),
        ("armato", 0, "acl:relcl", "ADJ"), (",", 8, "punct", "PUNCT"),
        ("ha", 11, "aux", "AUX", "VerbForm=Fin"), ("denunciato", 11, "ROOT", "VERB", "VerbForm=Part"),
        ("un", 13, "det", "DET"), ("tentativo", 11, "obj", "NOUN"), ("di", 15, "case", "ADP"),
        ("omicidio", 13, "nmod", "NOUN"), (".", 11, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Mario Placanica": (0, 2)})
    assert {a.source for a in found.attributions} == {"Mario Placanica", "pm"}


def test_a_name_after_said_closing_a_sentence_is_its_subject() -> None:
    # "The group is short of money, said former governor Ed Rendell." with the name hung on the
    # clause said
    rows = [
        ("The", 1, "det", "DET"), ("group", 3, "nsubj", "NOUN"),
        ("is", 3, "cop", "AUX", "VerbForm=Fin"), ("short", 3, "ROOT", "ADJ"),
        ("of", 5, "case", "ADP"), ("money", 3, "obl", "NOUN"), (",", 7, "punct", "PUNCT"),
        ("said", 3, "parataxis", "VERB", "VerbForm=Fin"), ("former", 9, "amod", "ADJ"),
        ("governor", 10, "nmod", "NOUN"), ("Ed", 3, "nmod", "PROPN"), ("Rendell", 10, "flat", "PROPN"),
        (".", 3, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("en", rows, {"Ed Rendell": (10, 12)})
    assert [a.source for a in found.attributions] == ["Ed Rendell"]


def test_a_name_after_says_that_goes_on_with_its_own_verb_is_what_was_said() -> None:
    # "Dean Johnson, a salesman, says Cruz will win." with no subject hung on "says"
    rows = [
        ("Dean", 6, "dep", "PROPN"), ("Johnson", 0, "flat", "PROPN"), (",", 4, "punct", "PUNCT"),
        ("a", 4, "det", "DET"), ("salesman", 0, "appos", "NOUN"), (",", 6, "punct", "PUNCT"),
        ("says", 6, "ROOT", "VERB", "VerbForm=Fin"), ("Cruz", 9, "nsubj", "PROPN"),
        ("will", 9, "aux", "AUX", "VerbForm=Fin"), ("win", 6, "ccomp", "VERB", "VerbForm=Inf"),
        (".", 6, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("en", rows, {"Dean Johnson": (0, 2), "Cruz": (7, 8)})
    assert "Cruz" not in {a.source for a in found.attributions}


def test_a_gerund_with_no_subject_goes_on_with_the_first_person_of_its_sentence() -> None:
    # "Di Battista ha poi attaccato sia Salvini che Berlusconi, accusando il governo di mentire."
    # as the parse read it: no subject, "Di" a preposition
    rows = [
        ("Di", 1, "case", "ADP"), ("Battista", 4, "obl", "PROPN"),
        ("ha", 4, "aux", "AUX", "VerbForm=Fin"), ("poi", 4, "advmod", "ADV"),
        ("attaccato", 4, "ROOT", "VERB", "VerbForm=Part"), ("sia", 6, "cc", "CCONJ"),
        ("Salvini", 4, "obl", "PROPN"), ("che", 8, "det", "PRON"),
        ("Berlusconi", 4, "dep", "PROPN"), (",", 4, "punct", "PUNCT"),
        ("accusando", 4, "advcl", "VERB", "VerbForm=Ger"), ("il", 12, "det", "DET"),
        ("governo", 10, "obj", "NOUN"), ("di", 14, "mark", "ADP"),
        ("mentire", 12, "acl", "VERB", "VerbForm=Inf"), (".", 4, "punct", "PUNCT"),
    ]  # fmt: skip
    people = {"Di Battista": (0, 2), "Salvini": (6, 7), "Berlusconi": (8, 9)}
    found = facts("it", rows, people)
    sources = {a.text: a.source for a in found.attributions}
    assert sources["accusando"] == "Di Battista"


def test_the_frame_right_after_a_quote_is_its_own_whatever_content_the_parse_gave_it() -> None:
    # 'Cotti said Chechnya must stay in Russia. “There is no doubt that Chechnya belongs to
    # Russia,” he said, pointing out that Russia was a member.'
    rows = [
        ("Cotti", 1, "nsubj", "PROPN"), ("said", 1, "ROOT", "VERB", "VerbForm=Fin"),
        ("Chechnya", 4, "nsubj", "PROPN"), ("must", 4, "aux", "AUX", "VerbForm=Fin"),
        ("stay", 1, "ccomp", "VERB", "VerbForm=Inf"), ("in", 6, "case", "ADP"),
        ("Russia", 4, "obl", "PROPN"), (".", 1, "punct", "PUNCT"), ("“", 10, "punct", "PUNCT"),
        ("There", 10, "expl", "PRON"), ("is", 10, "ROOT", "VERB", "VerbForm=Fin"),
        ("no", 12, "det", "DET"), ("doubt", 10, "nsubj", "NOUN"), ("that", 15, "mark", "SCONJ"),
        ("Chechnya", 15, "nsubj", "PROPN"), ("belongs", 12, "acl", "VERB", "VerbForm=Fin"),
        ("to", 17, "case", "ADP"), ("Russia", 15, "obl", "PROPN"), (",", 12, "punct", "PUNCT"),
        ("”", 12, "punct", "PUNCT"), ("he", 21, "nsubj", "PRON"),
        ("said", 12, "acl:relcl", "VERB", "VerbForm=Fin"), (",", 23, "punct", "PUNCT"),
        ("pointing", 21, "ccomp", "VERB", "VerbForm=Part"), ("out", 23, "compound:prt", "ADP"),
        ("that", 29, "mark", "SCONJ"), ("Russia", 29, "nsubj", "PROPN"),
        ("was", 29, "cop", "AUX", "VerbForm=Fin"), ("a", 29, "det", "DET"),
        ("member", 23, "ccomp", "NOUN"), (".", 10, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("en", rows, {"Cotti": (0, 1)})
    quote = next(q for q in found.quotes if not q.reported)
    assert (quote.speaker, quote.how) == ("Cotti", "coreference")


def test_a_relative_clause_with_who_is_a_person_s_turn_whatever_the_name_s_label() -> None:
    # 'Henke, who called his round a “pleasant surprise,” finished with six birdies. “We
    # finally got things going in the right direction,” he said.' with Henke taken for a body
    rows = [
        ("Henke", 0, "ROOT", "PROPN"), (",", 3, "punct", "PUNCT"), ("who", 3, "nsubj", "PRON"),
        ("called", 0, "acl:relcl", "VERB", "VerbForm=Fin"), ("his", 3, "obj", "PRON"),
        ("round", 3, "xcomp", "ADP"), ("a", 9, "det", "DET"), ("“", 9, "punct", "PUNCT"),
        ("pleasant", 9, "amod", "ADJ"), ("surprise", 3, "obj", "NOUN"),
        (",", 9, "punct", "PUNCT"), ("”", 12, "punct", "PUNCT"),
        ("finished", 3, "xcomp", "VERB", "VerbForm=Part"), ("with", 15, "case", "ADP"),
        ("six", 15, "nummod", "NUM"), ("birdies", 12, "obl", "NOUN"), (".", 0, "punct", "PUNCT"),
        ("“", 20, "punct", "PUNCT"), ("We", 20, "nsubj", "PRON"),
        ("finally", 20, "advmod", "ADV"), ("got", 30, "ccomp", "VERB", "VerbForm=Fin"),
        ("things", 20, "obj", "NOUN"), ("going", 21, "acl", "VERB", "VerbForm=Ger"),
        ("in", 26, "case", "ADP"), ("the", 26, "det", "DET"), ("right", 26, "amod", "ADJ"),
        ("direction", 22, "obl", "NOUN"), (",", 20, "punct", "PUNCT"),
        ("”", 20, "punct", "PUNCT"), ("he", 30, "nsubj", "PRON"),
        ("said", 30, "ROOT", "VERB", "VerbForm=Fin"), (".", 30, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("en", rows, orgs=[(0, 1)])
    quote = next(q for q in found.quotes if q.text.startswith("We finally"))
    assert quote.speaker == "Henke"


def test_per_and_a_name_opening_a_sentence_cites_that_person() -> None:
    # "Emma ha detto: «Sono felice di questa vittoria». Per Noemi, il momento più difficile è
    # «salire le scale per arrivare sul palco»."
    rows = [
        ("Emma", 2, "nsubj", "PROPN"), ("ha", 2, "aux", "AUX", "VerbForm=Fin"),
        ("detto", 2, "ROOT", "VERB", "VerbForm=Part"), (":", 6, "punct", "PUNCT"),
        ("«", 6, "punct", "PUNCT"), ("Sono", 6, "cop", "AUX", "VerbForm=Fin"),
        ("felice", 2, "parataxis", "ADJ"), ("di", 9, "case", "ADP"), ("questa", 9, "det", "DET"),
        ("vittoria", 6, "obl", "NOUN"), ("»", 6, "punct", "PUNCT"), (".", 2, "punct", "PUNCT"),
        ("Per", 13, "case", "ADP"), ("Noemi", 21, "obl", "PROPN"), (",", 13, "punct", "PUNCT"),
        ("il", 16, "det", "DET"), ("momento", 21, "nsubj", "NOUN"), ("più", 18, "advmod", "ADV"),
        ("difficile", 16, "amod", "ADJ"), ("è", 21, "cop", "AUX", "VerbForm=Fin"),
        ("«", 21, "punct", "PUNCT"), ("salire", 21, "ROOT", "VERB", "VerbForm=Inf"),
        ("le", 23, "det", "DET"), ("scale", 21, "obj", "NOUN"), ("per", 25, "mark", "ADP"),
        ("arrivare", 21, "advcl", "VERB", "VerbForm=Inf"), ("sul", 27, "case", "ADP"),
        ("palco", 25, "obl", "NOUN"), ("»", 21, "punct", "PUNCT"), (".", 21, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Emma": (0, 1), "Noemi": (13, 14)})
    assert [q.speaker for q in found.quotes if not q.reported] == ["Emma", "Noemi"]
    assert "Noemi" in {a.source for a in found.attributions}


def test_per_opening_a_sentence_with_no_one_named_cites_no_one() -> None:
    # "Per gli amici a quattro zampe, questa sembra l'estate migliore."
    rows = [
        ("Per", 2, "case", "ADP"), ("gli", 2, "det", "DET"), ("amici", 8, "obl", "NOUN"),
        ("a", 5, "case", "ADP"), ("quattro", 5, "nummod", "NUM"), ("zampe", 2, "nmod", "NOUN"),
        (",", 8, "punct", "PUNCT"), ("questa", 8, "nsubj", "PRON"),
        ("sembra", 8, "ROOT", "VERB", "VerbForm=Fin"), ("l'", 10, "det", "DET"),
        ("estate", 8, "obj", "NOUN"), ("migliore", 10, "amod", "ADJ"), (".", 8, "punct", "PUNCT"),
    ]  # fmt: skip
    assert facts("it", rows).attributions == []


def test_a_frame_between_dashes_in_a_quote_takes_its_speaker_from_within_the_dashes() -> None:
    # "Un ringraziamento di Betori al cardinale Ruini; «due grandi presidenti - ha dichiarato
    # Betori - che mi hanno indicato le vie giuste»." The parse made the noun before the quote
    # the subject and the name after the verb its object.
    rows = [
        ("Un", 1, "det", "DET"), ("ringraziamento", 14, "nsubj", "NOUN"),
        ("di", 3, "case", "ADP"), ("Betori", 1, "nmod", "PROPN"), ("al", 5, "case", "ADP"),
        ("cardinale", 1, "nmod", "ADJ"), ("Ruini", 5, "flat", "PROPN"),
        (";", 1, "punct", "PUNCT"), ("«", 11, "punct", "PUNCT"), ("due", 11, "nummod", "NUM"),
        ("grandi", 11, "amod", "ADJ"), ("presidenti", 1, "parataxis", "NOUN"),
        ("-", 11, "punct", "PUNCT"), ("ha", 14, "aux", "AUX", "VerbForm=Fin"),
        ("dichiarato", 14, "ROOT", "VERB", "VerbForm=Part"), ("Betori", 14, "obj", "PROPN"),
        ("-", 14, "punct", "PUNCT"), ("che", 20, "nsubj", "PRON"), ("mi", 20, "iobj", "PRON"),
        ("hanno", 20, "aux", "AUX", "VerbForm=Fin"),
        ("indicato", 14, "ccomp", "VERB", "VerbForm=Part"), ("le", 22, "det", "DET"),
        ("vie", 20, "obj", "NOUN"), ("giuste", 22, "amod", "ADJ"), ("»", 20, "punct", "PUNCT"),
        (".", 14, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Betori": (15, 16), "Ruini": (6, 7)})
    quote = next(q for q in found.quotes if q.text.startswith("due grandi"))
    assert (quote.speaker, quote.how) == ("Betori", "frame")


def test_the_name_before_a_parenthesis_is_the_subject_of_the_verb_after_it() -> None:
    # "Alvarez (una rarità per un messicano) ha dichiarato: «Non l'ho mai preso»." with the
    # parse taking the aside's noun for the subject
    rows = [
        ("Alvarez", 9, "dep", "PROPN"), ("(", 3, "punct", "PUNCT"), ("una", 3, "det", "DET"),
        ("rarità", 9, "nsubj", "NOUN"), ("per", 6, "case", "ADP"), ("un", 6, "det", "DET"),
        ("messicano", 3, "nmod", "NOUN"), (")", 3, "punct", "PUNCT"),
        ("ha", 9, "aux", "AUX", "VerbForm=Fin"),
        ("dichiarato", 9, "ROOT", "VERB", "VerbForm=Part"), (":", 9, "punct", "PUNCT"),
        ("«", 16, "punct", "PUNCT"), ("Non", 16, "advmod", "ADV"), ("l'", 16, "obj", "PRON"),
        ("ho", 16, "aux", "AUX", "VerbForm=Fin"), ("mai", 16, "advmod", "ADV"),
        ("preso", 9, "parataxis", "VERB", "VerbForm=Part"), ("»", 16, "punct", "PUNCT"),
        (".", 9, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Alvarez": (0, 1)})
    assert [q.speaker for q in found.quotes] == ["Alvarez"]


def test_a_name_before_a_parenthesis_is_not_who_announced_a_passive() -> None:
    # "Edmund Phelps (Evanston, 1933) è stato annunciato come vincitore del premio."
    rows = [
        ("Edmund", 9, "nsubj:pass", "PROPN"), ("Phelps", 0, "flat:name", "PROPN"),
        ("(", 3, "punct", "PUNCT"), ("Evanston", 0, "appos", "PROPN"),
        (",", 3, "punct", "PUNCT"), ("1933", 3, "nummod", "NUM"), (")", 3, "punct", "PUNCT"),
        ("è", 9, "aux", "AUX", "VerbForm=Fin"), ("stato", 9, "aux:pass", "AUX", "VerbForm=Part"),
        ("annunciato", 9, "ROOT", "VERB", "VerbForm=Part"), ("come", 11, "case", "ADP"),
        ("vincitore", 9, "obl", "NOUN"), ("del", 13, "case", "ADP"),
        ("premio", 11, "nmod", "NOUN"), (".", 9, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Edmund Phelps": (0, 2)})
    assert all(a.source is None for a in found.attributions)


def test_an_infinitive_of_purpose_opening_a_quote_speaks_for_its_clause_s_subject() -> None:
    # "Il presidente Bush ha contattato Aso per riaffermare «il principio della
    # denuclearizzazione».": Bush reaffirms, not Aso, the name nearest the quote
    rows = [
        ("Il", 1, "det", "DET"), ("presidente", 4, "nsubj", "NOUN"),
        ("Bush", 4, "nsubj", "PROPN"), ("ha", 4, "aux", "AUX", "VerbForm=Fin"),
        ("contattato", 4, "ROOT", "VERB", "VerbForm=Part"), ("Aso", 4, "obj", "PROPN"),
        ("per", 7, "mark", "ADP"), ("riaffermare", 4, "advcl", "VERB", "VerbForm=Inf"),
        ("«", 7, "punct", "PUNCT"), ("il", 10, "det", "DET"), ("principio", 7, "obj", "NOUN"),
        ("della", 12, "case", "ADP"), ("denuclearizzazione", 10, "nmod", "NOUN"),
        ("»", 4, "punct", "PUNCT"), (".", 4, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Bush": (2, 3), "Aso": (5, 6)})
    assert [(q.speaker, q.how) for q in found.quotes] == [("Bush", "frame")]


def test_an_infinitive_with_no_quote_after_it_frames_nothing() -> None:
    # "Il ministro è venuto per dire la sua." (no quote: "vuole dire", "per dire" say nothing)
    rows = [
        ("Il", 1, "det", "DET"), ("ministro", 3, "nsubj", "NOUN"),
        ("è", 3, "aux", "AUX", "VerbForm=Fin"), ("venuto", 3, "ROOT", "VERB", "VerbForm=Part"),
        ("per", 5, "mark", "ADP"), ("dire", 3, "advcl", "VERB", "VerbForm=Inf"),
        ("la", 7, "det", "DET"), ("sua", 5, "obj", "PRON"), (".", 3, "punct", "PUNCT"),
    ]  # fmt: skip
    assert facts("it", rows).attributions == []


def test_a_prepositional_phrase_before_the_source_s_article_is_not_part_of_its_name() -> None:
    # "Gli atti erano chiari, e su Belsito gli inquirenti scrivono: «ha alimentato la cassa»."
    rows = [
        ("Gli", 1, "det", "DET"), ("atti", 3, "nsubj", "NOUN"),
        ("erano", 3, "cop", "AUX", "VerbForm=Fin"), ("chiari", 3, "ROOT", "ADJ"),
        (",", 9, "punct", "PUNCT"), ("e", 9, "cc", "CCONJ"), ("su", 7, "case", "ADP"),
        ("Belsito", 9, "nmod", "PROPN"), ("gli", 9, "det", "DET"),
        ("inquirenti", 3, "conj", "NOUN"), ("scrivono", 9, "amod", "VERB", "VerbForm=Fin"),
        (":", 3, "punct", "PUNCT"), ("«", 14, "punct", "PUNCT"),
        ("ha", 14, "aux", "AUX", "VerbForm=Fin"),
        ("alimentato", 3, "parataxis", "VERB", "VerbForm=Part"), ("la", 16, "det", "DET"),
        ("cassa", 14, "obj", "NOUN"), ("»", 14, "punct", "PUNCT"), (".", 3, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Belsito": (7, 8)})
    assert [q.speaker for q in found.quotes] == ["inquirenti"]


def test_words_read_in_someone_s_words_are_that_person_s() -> None:
    # "Chávez ha cambiato la bandiera, come si legge nelle parole del presidente: «Otto
    # stelle, non sette»."
    rows = [
        ("Chávez", 2, "nsubj", "PROPN"), ("ha", 2, "aux", "AUX", "VerbForm=Fin"),
        ("cambiato", 2, "ROOT", "VERB", "VerbForm=Part"), ("la", 4, "det", "DET"),
        ("bandiera", 2, "obj", "NOUN"), (",", 2, "punct", "PUNCT"), ("come", 8, "mark", "SCONJ"),
        ("si", 8, "expl", "PRON"), ("legge", 2, "advcl", "VERB", "VerbForm=Fin"),
        ("nelle", 10, "case", "ADP"), ("parole", 8, "obl", "NOUN"), ("del", 12, "case", "ADP"),
        ("presidente", 10, "nmod", "NOUN"), (":", 2, "punct", "PUNCT"),
        ("«", 15, "punct", "PUNCT"), ("Otto", 16, "nummod", "NUM"), ("stelle", 2, "obj", "NOUN"),
        (",", 19, "punct", "PUNCT"), ("non", 19, "advmod", "ADV"),
        ("sette", 16, "nummod", "NUM"), ("»", 16, "punct", "PUNCT"), (".", 2, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Chávez": (0, 1)})
    assert [(q.speaker, q.how) for q in found.quotes] == [("Chávez", "coreference")]


def test_a_banner_s_words_are_the_banner_s_without_the_verb_that_carries_them() -> None:
    # 'Un cartello dei contestatori recitava "Putin è il benvenuto, Obama ospite indesiderato".'
    rows = [
        ("Un", 1, "det", "DET"), ("cartello", 4, "nsubj", "NOUN"), ("dei", 3, "case", "ADP"),
        ("contestatori", 1, "nmod", "NOUN"), ("recitava", 4, "ROOT", "VERB", "VerbForm=Fin"),
        ('"', 9, "punct", "PUNCT"), ("Putin", 9, "nsubj", "PROPN"),
        ("è", 9, "cop", "AUX", "VerbForm=Fin"), ("il", 9, "det", "DET"),
        ("benvenuto", 4, "obj", "NOUN"), (",", 9, "punct", "PUNCT"),
        ("Obama", 9, "conj", "PROPN"), ("ospite", 11, "compound", "NOUN"),
        ("indesiderato", 11, "amod", "ADJ"), ('"', 9, "punct", "PUNCT"),
        (".", 4, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Putin": (6, 7)})
    assert [(q.speaker, q.how) for q in found.quotes] == [("cartello dei contestatori", "written")]


def test_a_verb_right_after_a_quote_has_the_noun_after_it_for_subject_whatever_follows() -> None:
    # "«Stiamo seguendo le notizie per valutare la situazione», ha affermato il Presidente
    # della Repubblica, Giorgio Napolitano, che ha sottolineato come «la preoccupazione è
    # naturale» perché «il rischio è alto».": the parse hung the "perché" clause on
    # "affermato" as its content and the verb on the quote's
    rows = [
        ("«", 2, "punct", "PUNCT"), ("Stiamo", 2, "aux", "AUX", "VerbForm=Fin"),
        ("seguendo", 2, "ROOT", "VERB", "VerbForm=Ger"), ("le", 4, "det", "DET"),
        ("notizie", 2, "obj", "NOUN"), ("per", 6, "mark", "ADP"),
        ("valutare", 2, "advcl", "VERB", "VerbForm=Inf"), ("la", 8, "det", "DET"),
        ("situazione", 6, "obj", "NOUN"), ("»", 2, "punct", "PUNCT"), (",", 12, "punct", "PUNCT"),
        ("ha", 12, "aux", "AUX", "VerbForm=Fin"),
        ("affermato", 2, "conj", "VERB", "VerbForm=Part"), ("il", 14, "det", "DET"),
        ("Presidente", 12, "obj", "NOUN"), ("della", 16, "case", "ADP"),
        ("Repubblica", 14, "nmod", "NOUN"), (",", 14, "punct", "PUNCT"),
        ("Giorgio", 14, "appos", "PROPN"), ("Napolitano", 18, "flat:name", "PROPN"),
        (",", 14, "punct", "PUNCT"), ("che", 23, "nsubj", "PRON"),
        ("ha", 23, "aux", "AUX", "VerbForm=Fin"),
        ("sottolineato", 14, "acl:relcl", "VERB", "VerbForm=Part"), ("come", 29, "mark", "ADP"),
        ("«", 29, "punct", "PUNCT"), ("la", 27, "det", "DET"),
        ("preoccupazione", 29, "nsubj", "NOUN"), ("è", 29, "cop", "AUX", "VerbForm=Fin"),
        ("naturale", 23, "xcomp", "ADJ"), ("»", 12, "punct", "PUNCT"),
        ("perché", 36, "mark", "SCONJ"), ("«", 36, "punct", "PUNCT"), ("il", 34, "det", "DET"),
        ("rischio", 36, "nsubj", "NOUN"), ("è", 36, "cop", "AUX", "VerbForm=Fin"),
        ("alto", 12, "ccomp", "ADJ"), ("»", 36, "punct", "PUNCT"), (".", 2, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Giorgio Napolitano": (18, 20)})
    quote = next(q for q in found.quotes if q.text.startswith("Stiamo seguendo"))
    assert (quote.speaker, quote.how) == ("Giorgio Napolitano", "frame")


def test_a_name_between_commas_after_secondo_and_a_title_is_the_source() -> None:
    # "Secondo il capo della Farnesina, Mario Rossi, l'attentato è segno di una situazione
    # grave." with the name parsed as the clause's subject
    rows = [
        ("Secondo", 2, "case", "ADP"), ("il", 2, "det", "DET"), ("capo", 12, "obl", "NOUN"),
        ("della", 4, "case", "ADP"), ("Farnesina", 2, "nmod", "PROPN"),
        (",", 2, "punct", "PUNCT"), ("Mario", 12, "nsubj", "PROPN"),
        ("Rossi", 6, "flat:name", "PROPN"), (",", 6, "punct", "PUNCT"), ("l'", 10, "det", "DET"),
        ("attentato", 12, "nsubj", "NOUN"), ("è", 12, "cop", "AUX", "VerbForm=Fin"),
        ("segno", 12, "ROOT", "NOUN"), ("di", 15, "case", "ADP"), ("una", 15, "det", "DET"),
        ("situazione", 12, "obl", "NOUN"), ("grave", 15, "amod", "ADJ"),
        (".", 12, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Mario Rossi": (6, 8)})
    according = next(a for a in found.attributions if a.kind == "according")
    assert according.source == "Mario Rossi"
    assert rows_text(rows, according.content) == "l' attentato è segno di una situazione grave"


def test_a_role_is_never_the_unnamed_person_who_spoke_just_before() -> None:
    # "Trump ha tirato fuori una Bibbia. Un giornalista chiede «È la sua Bibbia?», e il
    # presidente risponde «È una Bibbia»."
    rows = [
        ("Trump", 2, "nsubj", "PROPN"), ("ha", 2, "aux", "AUX", "VerbForm=Fin"),
        ("tirato", 2, "ROOT", "VERB", "VerbForm=Part"), ("fuori", 5, "case", "ADV"),
        ("una", 5, "det", "DET"), ("Bibbia", 2, "obl", "PROPN"), (".", 2, "punct", "PUNCT"),
        ("Un", 8, "det", "DET"), ("giornalista", 9, "nsubj", "NOUN"),
        ("chiede", 9, "ROOT", "VERB", "VerbForm=Fin"), ("«", 9, "punct", "PUNCT"),
        ("È", 9, "obj", "AUX", "VerbForm=Fin"), ("la", 14, "det", "DET"),
        ("sua", 14, "det:poss", "DET"), ("Bibbia", 11, "nsubj", "PROPN"),
        ("?", 9, "punct", "PUNCT"), ("»", 9, "punct", "PUNCT"), (",", 21, "punct", "PUNCT"),
        ("e", 21, "cc", "CCONJ"), ("il", 20, "det", "DET"), ("presidente", 21, "nsubj", "NOUN"),
        ("risponde", 9, "parataxis", "VERB", "VerbForm=Fin"), ("«", 9, "punct", "PUNCT"),
        ("È", 25, "cop", "AUX", "VerbForm=Fin"), ("una", 25, "det", "DET"),
        ("Bibbia", 9, "parataxis", "PROPN"), ("»", 25, "punct", "PUNCT"),
        (".", 9, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Trump": (0, 1)})
    quote = next(q for q in found.quotes if q.text == "È una Bibbia")
    assert (quote.speaker, quote.how) == ("Trump", "coreference")


def test_a_noun_written_before_a_name_as_its_title_stands_for_that_person_later() -> None:
    # "Il paroliere Mogol era un amico. Il paroliere ha detto: «Per me è un giorno triste».":
    # "paroliere" is no listed role
    rows = [
        ("Il", 1, "det", "DET"), ("paroliere", 5, "nsubj", "NOUN"),
        ("Mogol", 1, "nmod", "PROPN"), ("era", 5, "cop", "AUX", "VerbForm=Fin"),
        ("un", 5, "det", "DET"), ("amico", 5, "ROOT", "NOUN"), (".", 5, "punct", "PUNCT"),
        ("Il", 8, "det", "DET"), ("paroliere", 10, "nsubj", "NOUN"),
        ("ha", 10, "aux", "AUX", "VerbForm=Fin"), ("detto", 10, "ROOT", "VERB", "VerbForm=Part"),
        (":", 10, "punct", "PUNCT"), ("«", 17, "punct", "PUNCT"), ("Per", 14, "case", "ADP"),
        ("me", 17, "nmod", "PRON"), ("è", 17, "cop", "AUX", "VerbForm=Fin"),
        ("un", 17, "det", "DET"), ("giorno", 10, "parataxis", "NOUN"),
        ("triste", 17, "amod", "ADJ"), ("»", 17, "punct", "PUNCT"), (".", 10, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Mogol": (2, 3)})
    assert [(q.speaker, q.how) for q in found.quotes] == [("Mogol", "coreference")]


def test_a_relative_of_someone_is_not_whoever_spoke_before() -> None:
    # "La famiglia di Montis afferma che il figlio era malato. La madre del giovane ha
    # dichiarato che «non ha mai pensato all'omicidio»."
    rows = [
        ("La", 1, "det", "DET"), ("famiglia", 4, "nsubj", "NOUN"), ("di", 3, "case", "ADP"),
        ("Montis", 1, "nmod", "PROPN"), ("afferma", 4, "ROOT", "VERB", "VerbForm=Fin"),
        ("che", 9, "mark", "SCONJ"), ("il", 7, "det", "DET"),
        ("figlio", 9, "nsubj:pass", "NOUN"), ("era", 9, "aux", "AUX", "VerbForm=Fin"),
        ("malato", 4, "ccomp", "VERB", "VerbForm=Part"), (".", 4, "punct", "PUNCT"),
        ("La", 12, "det", "DET"), ("madre", 16, "nsubj", "NOUN"), ("del", 14, "case", "ADP"),
        ("giovane", 12, "nmod", "NOUN"), ("ha", 16, "aux", "AUX", "VerbForm=Fin"),
        ("dichiarato", 16, "ROOT", "VERB", "VerbForm=Part"), ("che", 22, "mark", "SCONJ"),
        ("«", 22, "punct", "PUNCT"), ("non", 22, "advmod", "ADV"),
        ("ha", 22, "aux", "AUX", "VerbForm=Fin"), ("mai", 22, "advmod", "ADV"),
        ("pensato", 16, "ccomp", "VERB", "VerbForm=Part"), ("all'", 24, "case", "ADP"),
        ("omicidio", 22, "obl", "NOUN"), ("»", 22, "punct", "PUNCT"),
        (".", 16, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Montis": (3, 4)})
    quote = next(q for q in found.quotes if q.text.startswith("non ha mai"))
    assert quote.speaker == "madre del giovane"


def test_fare_presente_reports_like_a_speech_verb() -> None:
    # "L'Associazione ha condannato il delitto e ha fatto presente come «il Profeta avrebbe
    # visitato le tombe»."
    rows = [
        ("L'", 1, "det", "DET"), ("Associazione", 3, "nsubj", "NOUN"),
        ("ha", 3, "aux", "AUX", "VerbForm=Fin"),
        ("condannato", 3, "ROOT", "VERB", "VerbForm=Part"), ("il", 5, "det", "DET"),
        ("delitto", 3, "obj", "NOUN"), ("e", 8, "cc", "CCONJ"),
        ("ha", 8, "aux", "AUX", "VerbForm=Fin"), ("fatto", 3, "conj", "VERB", "VerbForm=Part"),
        ("presente", 8, "xcomp", "ADJ"), ("come", 15, "mark", "ADP"),
        ("«", 15, "punct", "PUNCT"), ("il", 13, "det", "DET"), ("Profeta", 15, "nsubj", "PROPN"),
        ("avrebbe", 15, "aux", "AUX", "VerbForm=Fin"),
        ("visitato", 8, "ccomp", "VERB", "VerbForm=Part"), ("le", 17, "det", "DET"),
        ("tombe", 15, "nsubj", "NOUN"), ("»", 15, "punct", "PUNCT"), (".", 3, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, orgs=[(1, 2)])
    quote = next(q for q in found.quotes if not q.reported)
    assert (quote.speaker, quote.how) == ("Associazione", "frame")


def test_con_queste_parole_presents_the_quote_before_as_the_subject_s() -> None:
    # "«Se fossi rimasto al potere sarebbe stato peggio». Con queste parole si è dimesso ieri il
    # presidente Mohamed Nasheed."
    rows = [
        ("«", 8, "punct", "PUNCT"), ("Se", 3, "mark", "SCONJ"),
        ("fossi", 3, "aux", "AUX", "VerbForm=Fin"),
        ("rimasto", 8, "advcl", "VERB", "VerbForm=Part"), ("al", 5, "case", "ADP"),
        ("potere", 3, "obl", "NOUN"), ("sarebbe", 8, "aux", "AUX", "VerbForm=Fin"),
        ("stato", 8, "cop", "AUX", "VerbForm=Part"), ("peggio", 8, "ROOT", "ADV"),
        ("»", 8, "punct", "PUNCT"), (".", 8, "punct", "PUNCT"), ("Con", 13, "case", "ADP"),
        ("queste", 13, "det", "DET"), ("parole", 16, "obl", "NOUN"), ("si", 16, "expl", "PRON"),
        ("è", 16, "aux", "AUX", "VerbForm=Fin"),
        ("dimesso", 16, "ROOT", "VERB", "VerbForm=Part"), ("ieri", 16, "advmod", "ADV"),
        ("il", 19, "det", "DET"), ("presidente", 16, "nsubj", "NOUN"),
        ("Mohamed", 19, "nmod", "PROPN"), ("Nasheed", 20, "flat:name", "PROPN"),
        (".", 16, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, {"Mohamed Nasheed": (20, 22)})
    assert [(q.speaker, q.how) for q in found.quotes] == [("Mohamed Nasheed", "frame")]


def test_a_relative_clause_on_a_noun_set_beside_a_name_is_that_name_s() -> None:
    # "Ansar Eddine – l'organizzazione islamica che dice di «agire per conto di Dio» – ha
    # distrutto la porta."
    rows = [
        ("Ansar", 16, "nsubj", "PROPN"), ("Eddine", 0, "flat:name", "PROPN"),
        ("–", 0, "punct", "PUNCT"), ("l'", 4, "det", "DET"), ("organizzazione", 0, "conj", "NOUN"),
        ("islamica", 4, "amod", "ADJ"), ("che", 7, "nsubj", "PRON"),
        ("dice", 4, "acl:relcl", "VERB", "VerbForm=Fin"), ("di", 10, "mark", "ADP"),
        ("«", 10, "punct", "PUNCT"), ("agire", 7, "ccomp", "VERB", "VerbForm=Inf"),
        ("per", 12, "case", "ADP"), ("conto", 10, "obl", "NOUN"), ("di", 14, "case", "ADP"),
        ("Dio", 12, "nmod", "PROPN"), ("»", 10, "punct", "PUNCT"), ("–", 18, "punct", "PUNCT"),
        ("ha", 18, "aux", "AUX", "VerbForm=Fin"),
        ("distrutto", 18, "ROOT", "VERB", "VerbForm=Part"), ("la", 20, "det", "DET"),
        ("porta", 18, "obj", "NOUN"), (".", 18, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("it", rows, orgs=[(0, 2)])
    assert [(q.speaker, q.how) for q in found.quotes] == [("Ansar Eddine", "frame")]


def test_a_party_and_state_tag_the_parse_made_the_subject_gives_way_to_the_name_in_it() -> None:
    # "Sen. Marco Rubio, R-Fla., appearing on Fox News, said Obama failed." with "Fla." the head
    rows = [
        ("Sen.", 1, "nmod:desc", "PROPN"), ("Marco", 6, "compound", "PROPN"),
        ("Rubio", 1, "flat", "PROPN"), (",", 4, "punct", "PUNCT"), ("R", 1, "list", "PROPN"),
        ("-", 1, "punct", "PUNCT"), ("Fla.", 13, "nsubj", "PROPN"), (",", 8, "punct", "PUNCT"),
        ("appearing", 6, "advcl", "VERB", "VerbForm=Part"), ("on", 11, "case", "ADP"),
        ("Fox", 11, "compound", "PROPN"), ("News", 8, "obl", "PROPN"),
        (",", 6, "punct", "PUNCT"), ("said", 13, "ROOT", "VERB", "VerbForm=Fin"),
        ("Obama", 15, "nsubj", "PROPN"), ("failed", 13, "ccomp", "VERB", "VerbForm=Fin"),
        (".", 13, "punct", "PUNCT"),
    ]  # fmt: skip
    found = facts("en", rows, {"Marco Rubio": (1, 3), "Obama": (14, 15)})
    assert [a.source for a in found.attributions] == ["Marco Rubio"]


def test_a_noun_of_place_or_time_before_a_name_is_no_title() -> None:
    # "Ieri sera sul palco Gianni Morandi ha cantato." / "Ieri sera il conduttore Gianni
    # Morandi ha cantato."
    def rows(place: bool) -> list[Row]:
        first = [("sul", 3, "case", "ADP")] if place else [("il", 3, "det", "DET")]
        return [
            ("Ieri", 1, "advmod", "ADV"), ("sera", 7, "obl", "NOUN"), *first,
            ("palco" if place else "conduttore", 7, "obl" if place else "nsubj", "NOUN"),
            ("Gianni", 3, "nmod", "PROPN"), ("Morandi", 4, "flat:name", "PROPN"),
            ("ha", 7, "aux", "AUX", "VerbForm=Fin"), ("cantato", 7, "ROOT", "VERB"),
            (".", 7, "punct", "PUNCT"),
        ]  # fmt: skip

    people = {"Gianni Morandi": (4, 6)}
    assert [p.roles for p in facts("it", rows(True), people).people] == [[]]
    assert [p.roles for p in facts("it", rows(False), people).people] == [["conduttore"]]
