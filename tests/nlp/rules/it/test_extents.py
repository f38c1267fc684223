"""The extents component: Italian names widened or trimmed to the extent KIND gives them."""

from __future__ import annotations

from briefing.nlp import pipeline
from tests.support.labelled_docs import labelled_doc
from tests.support.pipelines import blank_with

pipeline._register_components()


def run(text: str, labelled: list[tuple[str, str]], lang: str = "it") -> list[tuple[str, str]]:
    nlp = blank_with(lang, "briefing_extents")  # built once a test process
    doc = labelled_doc(nlp, text, labelled)
    return [(e.text, e.label_) for e in nlp(doc).ents]


def test_a_head_word_kind_keeps_inside_joins_the_name():
    text = "Piove sulla provincia di Cremona e lungo il fiume Serchio."
    labelled = [("Cremona", "LOC"), ("Serchio", "LOC")]
    assert run(text, labelled) == [("provincia di Cremona", "LOC"), ("fiume Serchio", "LOC")]


def test_a_head_joins_only_names_of_its_labels_and_its_form():
    # "via" makes streets, not "via Telegram"; "città di" stays out; "ospedale di" + town
    # is the town alone, while "ospedale Mauriziano" (no link) is the hospital's name
    text = "Lo ha scritto via Telegram. La città di Lecco. Curato all'ospedale Mauriziano."
    labelled = [("Telegram", "ORG"), ("Lecco", "LOC"), ("Mauriziano", "LOC")]
    assert run(text, labelled) == [
        ("Telegram", "ORG"),
        ("Lecco", "LOC"),
        ("ospedale Mauriziano", "LOC"),
    ]


def test_a_place_head_kind_keeps_outside_is_trimmed():
    text = "Ricoverato all'ospedale di Pordenone, poi al cimitero di Staglieno."
    labelled = [("ospedale di Pordenone", "LOC"), ("cimitero di Staglieno", "LOC")]
    assert run(text, labelled) == [("Pordenone", "LOC"), ("Staglieno", "LOC")]
    # a kept head stays
    assert run("Nella provincia di Udine.", [("provincia di Udine", "LOC")]) == [
        ("provincia di Udine", "LOC")
    ]


def test_adjectives_after_an_organisation_or_a_place_join_it():
    text = "Il parlamento danese e la Commissione tributaria. Neve in Europa settentrionale."
    labelled = [("parlamento", "ORG"), ("Commissione", "ORG"), ("Europa", "LOC")]
    assert run(text, labelled) == [
        ("parlamento danese", "ORG"),
        ("Commissione tributaria", "ORG"),
        ("Europa settentrionale", "LOC"),
    ]


def test_a_nationality_after_a_place_or_a_person_stays_out():
    text = "Nel Kurdistan siriano, Rossi italiano e la capitale nazionale Roma capitale."
    labelled = [("Kurdistan", "LOC"), ("Rossi", "PER"), ("Roma", "LOC")]
    assert run(text, labelled) == labelled


def test_a_name_never_ends_on_a_preposition():
    text = "Lo ha deciso l'Ufficio di presidenza di Mario Bianchi. Kim Jong-un parla."
    labelled = [("Ufficio di presidenza di", "ORG"), ("Kim Jong-un", "PER")]
    assert run(text, labelled) == [("Ufficio di presidenza", "ORG"), ("Kim Jong-un", "PER")]


def test_other_languages_are_untouched():
    text = "The provincia di Siena and the parlamento greco."
    labelled = [("Siena", "LOC"), ("parlamento", "ORG")]
    assert run(text, labelled, lang="en") == labelled


def test_events_and_awards_become_misc():
    text = "Ha vinto la Coppa Toscana, il Trofeo Laguna e i Nordic Film Awards. Poi la Superbike."
    labelled = [("Coppa Toscana", "ORG"), ("Trofeo Laguna", "LOC")]
    labelled += [("Nordic Film Awards", "ORG"), ("Superbike", "PER")]
    assert run(text, labelled) == [(name, "MISC") for name, _ in labelled]
    # a lone cue word too: "uno Slam"; a name that merely contains a cue word stays
    text = "Ha vinto uno Slam. La Tourist Coppa Srl ha chiuso."
    labelled = [("Slam", "ORG"), ("Tourist Coppa Srl", "ORG")]
    assert run(text, labelled) == [("Slam", "MISC"), ("Tourist Coppa Srl", "ORG")]


def test_common_acronyms_are_no_names():
    text = "Il CEO della Acme ha citato l'URL del sito e l'LSD. La NATO risponde."
    labelled = [("CEO", "PER"), ("Acme", "ORG"), ("URL", "ORG"), ("LSD", "ORG"), ("NATO", "ORG")]
    assert run(text, labelled) == [("Acme", "ORG"), ("NATO", "ORG")]


def test_a_genus_and_its_other_mentions_become_misc():
    text = "Trovato il batterio Listeria nel latte. La Listeria e il Pseudomonas putidus. Pino Listeri."
    labelled = [("Listeria", "PER"), ("Listeria", "ORG"), ("Pseudomonas", "PER")]
    labelled.append(("Pino Listeri", "PER"))
    assert run(text, labelled) == [
        ("Listeria", "MISC"),
        ("Listeria", "MISC"),
        ("Pseudomonas", "MISC"),
        ("Pino Listeri", "PER"),
    ]
    # a Latin loanword after a name is no species: "la Roma bis"
    assert run("Il Milan bonus e la Roma bis.", [("Milan", "ORG"), ("Roma", "LOC")]) == [
        ("Milan", "ORG"),
        ("Roma", "LOC"),
    ]
