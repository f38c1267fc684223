"""Each rule component on a blank pipeline: what it finds, its values, and how it merges."""

from __future__ import annotations

import pytest
import spacy

from briefing.models import Correction
from briefing.nlp import pipeline
from briefing.nlp.spans import char_offsets
from tests.support.labelled_docs import labelled_doc
from tests.support.pipelines import blank_with

pipeline._register_components()


def blank(lang: str, *components: str):
    """The components on a blank pipeline, shared by the tests of this process (each test
    that uses corrections sets its own first)."""
    return blank_with(lang, *components)


def ents(nlp, text: str, published: str | None = None) -> list[tuple[str, str, str | None]]:
    """(exact text, label, value) of each entity, as the analysis reports them."""
    doc = nlp(pipeline.make_doc(nlp, text, published))
    return [(text_of(e), e.label_, e._.value) for e in doc.ents]


def text_of(span) -> str:
    start, end = char_offsets(span)
    return span.doc.text[start:end]


# --- dates and times ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("it", "Roma, 18 Dicembre 2025.", ("18 Dicembre 2025", "DATE", "2025-12-18")),
        ("it", "Lo ha detto mercoledì.", ("mercoledì", "DATE", "2025-12-17")),
        (
            "it",
            "Si vedranno questo fine settimana.",
            ("questo fine settimana", "DATE", "2025-12-20/2025-12-21"),
        ),
        ("it", "Lo ha annunciato ieri.", ("ieri", "DATE", "2025-12-17")),
        ("it", "Si incontrano alle 15:30.", ("alle 15:30", "TIME", "15:30")),
        ("en", "He spoke last Tuesday.", ("last Tuesday", "DATE", "2025-12-16")),
        ("en", "The talks start at 3 p.m. sharp.", ("3 p.m.", "TIME", "15:00")),
    ],
)
def test_dates_and_times_are_valued_against_the_article_date(lang, text, expected):
    nlp = blank(lang, "briefing_dates")
    assert expected in ents(nlp, text, published="2025-12-18")


def test_relative_dates_change_with_the_article_date():
    nlp = blank("it", "briefing_dates")
    assert ents(nlp, "Lo ha annunciato ieri.", "2024-03-01") == [("ieri", "DATE", "2024-02-29")]


# --- amounts -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "It costs $1.2bn a year.", ("$1.2bn", "MONEY", "1200000000 USD")),
        ("en", "A fund of €90bn for Kyiv.", ("€90bn", "MONEY", "90000000000 EUR")),
        (
            "it",
            "Un prestito di 4 miliardi di euro.",
            ("4 miliardi di euro", "MONEY", "4000000000 EUR"),
        ),
        ("en", "Turnout was 19.3% on Sunday.", ("19.3%", "PERCENT", "19.3%")),
        ("it", "L'inflazione al 2,5 per cento.", ("2,5 per cento", "PERCENT", "2.5%")),
        ("en", "An area of 701 sq km was taken.", ("701 sq km", "QUANTITY", "701 sq km")),
        ("it", "Dopo quasi 4 anni di guerra.", ("quasi 4 anni", "QUANTITY", "4 anni")),
    ],
)
def test_money_percent_quantity(lang, text, expected):
    nlp = blank(lang, "briefing_numbers")
    assert ents(nlp, text) == [expected]


def test_a_quantity_is_not_cut_short_by_the_date_component():
    nlp = blank("it", "briefing_numbers", "briefing_dates")
    assert ents(nlp, "per porre fine a quasi 4 anni di guerra", "2025-12-18") == [
        ("quasi 4 anni", "QUANTITY", "4 anni")
    ]


def test_plain_numbers_are_not_amounts():
    nlp = blank("en", "briefing_numbers")
    assert ents(nlp, "In 2025 the 3 men met 12 times.") == []


# --- handles and URLs ----------------------------------------------------------------------


def test_handles_and_urls():
    nlp = blank("it", "briefing_social")
    found = ents(
        nlp, "Fonte: X @white_lenka, vedi https://example.org/a?b=1. Scrivi a mario@rai.it"
    )
    assert found == [("@white_lenka", "HANDLE", None), ("https://example.org/a?b=1", "URL", None)]


def test_a_bare_domain_name_is_an_organisation():
    # Italian news names a site by its domain ("il sito meteo.it"); a full URL stays a URL,
    # an e-mail address, a missing space after a full stop or an abbreviation is no site.
    nlp = blank("it", "briefing_social")
    found = ents(
        nlp,
        "Lo dice il sito prova2020.live, ripreso da Quotidiano.it e da esempio.org.uk. "
        "Vedi www.esempio.it o scrivi a mario@rai.it. Era la fine.It non torna. La Met.ro. no.",
    )
    assert found == [
        ("prova2020.live", "ORG", None),
        ("Quotidiano.it", "ORG", None),
        ("esempio.org.uk", "ORG", None),
        ("www.esempio.it", "URL", None),
    ]


def test_a_handle_wins_over_a_model_entity_around_it():
    nlp = blank("en", "briefing_social")
    doc = nlp.make_doc("Follow @white_lenka now")
    doc.ents = [doc.char_span(0, 19, label="ORG")]  # the model misread the handle's phrase
    doc = nlp(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("@white_lenka", "HANDLE")]


# --- merging with the model ----------------------------------------------------------------


def test_rules_never_replace_a_name_from_the_model():
    nlp = blank("en", "briefing_dates", "briefing_numbers")
    doc = nlp.make_doc("May Johnson paid $5m.")
    doc.ents = [doc.char_span(0, 11, label="PERSON")]
    doc = nlp(doc)
    assert [(text_of(e), e.label_) for e in doc.ents] == [
        ("May Johnson", "PERSON"),
        ("$5m", "MONEY"),
    ]


def test_rules_replace_a_numeric_model_span_and_add_the_value():
    nlp = blank("en", "briefing_numbers")
    doc = nlp.make_doc("It cost $1.2bn.")
    doc.ents = [doc.char_span(9, 14, label="CARDINAL")]
    doc = nlp(doc)
    assert [(e.text, e.label_, e._.value) for e in doc.ents] == [
        ("$1.2bn", "MONEY", "1200000000 USD")
    ]


# --- gazetteer -------------------------------------------------------------------------------


def test_gazetteer_fills_gaps_in_both_languages():
    it = blank("it", "briefing_gazetteer")
    assert [e[:2] for e in ents(it, "I colloqui tra Kyiv e Mosca si terranno a Berlino.")] == [
        ("Kyiv", "LOC"),
        ("Mosca", "LOC"),
        ("Berlino", "LOC"),
    ]
    en = blank("en", "briefing_gazetteer")
    assert ("Germany", "LOC", None) in ents(en, "Talks in Germany went on.")


def test_gazetteer_never_overrides_the_model():
    nlp = blank("en", "briefing_gazetteer")
    doc = nlp.make_doc("The Washington Post said so.")
    doc.ents = [doc.char_span(4, 19, label="ORG")]
    doc = nlp(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Washington Post", "ORG")]


def test_gazetteer_is_case_sensitive():
    nlp = blank("it", "briefing_gazetteer")
    assert ents(nlp, "una mosca sul vetro") == []


# --- corrections ---------------------------------------------------------------------------


def corrected(lang: str, text: str, ents_before, corrections):
    nlp = blank(lang, "briefing_corrections")
    pipeline.set_corrections(nlp, corrections)
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(s, e, label=label) for s, e, label in ents_before]
    doc = nlp(doc)
    return [(e.text, e.label_, e._.ent_source) for e in doc.ents]


def test_a_correction_relabels_every_occurrence_and_wins():
    text = "Nato e Nato."
    before = [(0, 4, "LOC")]
    fixes = [Correction(id="c1", text="Nato", label="ORG")]
    assert corrected("it", text, before, fixes) == [
        ("Nato", "ORG", "user"),
        ("Nato", "ORG", "user"),
    ]


def test_not_an_entity_removes_it():
    fixes = [Correction(id="c1", text="Kiev", label=None)]
    assert corrected("it", "Per Kiev.", [(4, 8, "LOC")], fixes) == []


def test_a_new_extent_replaces_the_old_one():
    text = "dalla Casa Bianca oggi"
    fixes = [Correction(id="c1", text="Casa Bianca", label="ORG", replaces="Casa")]
    assert corrected("it", text, [(6, 10, "LOC")], fixes) == [("Casa Bianca", "ORG", "user")]


def test_corrections_of_another_language_are_ignored():
    fixes = [Correction(id="c1", text="Nato", label="ORG", lang="en")]
    assert corrected("it", "la Nato", [(3, 7, "LOC")], fixes) == [("Nato", "LOC", None)]


# --- serialisation ---------------------------------------------------------------------------


def test_patterns_round_trip_through_disk(tmp_path):
    nlp = blank("en", *pipeline.rule_components("en"))
    pipeline.set_corrections(nlp, [Correction(id="c1", text="Acme", label="ORG")])
    try:
        nlp.to_disk(tmp_path / "pipe")
    finally:
        pipeline.set_corrections(nlp, [])  # the shared pipeline as it was
    assert (tmp_path / "pipe" / "briefing_numbers" / "patterns.jsonl").is_file()
    # The whole way: config.cfg, a new vocabulary, every component. The tests below load
    # into pipelines that share the saved one's vocabulary (the patterns' words are not made
    # again, seconds for the gazetteer), which changes nothing about where patterns come from.
    loaded = spacy.load(tmp_path / "pipe")
    assert loaded.pipe_names == list(pipeline.rule_components("en"))
    doc = loaded("Acme paid $5m to @bob in Ohio, the Kremlin said.")
    assert [(text_of(e), e.label_) for e in doc.ents] == [
        ("Acme", "ORG"),
        ("$5m", "MONEY"),
        ("@bob", "HANDLE"),
        ("Ohio", "LOC"),
        ("Kremlin", "ORG"),
    ]


def test_a_date_word_the_model_took_for_a_name_becomes_a_date():
    nlp = blank("it", "briefing_dates")
    doc = pipeline.make_doc(nlp, "Ieri il presidente ha parlato.", "2025-12-18")
    doc.ents = [doc.char_span(0, 4, label="PER")]
    doc = nlp(doc)
    assert [(e.text, e.label_, e._.value) for e in doc.ents] == [("Ieri", "DATE", "2025-12-17")]


def test_gazetteer_skips_parts_of_longer_names_and_sentence_openers():
    nlp = blank("it", "briefing_gazetteer")
    assert ents(nlp, "La Sala Stampa Vaticana e il Rugby Roma.") == []
    assert ents(nlp, "Il Council of Europe ha votato.") == []
    assert ents(nlp, "Roma. Milano è lontana.") == []  # sentence openers
    assert [e[0] for e in ents(nlp, "A Roma e in Francia.")] == ["Roma", "Francia"]


# --- consistency, known names, seats of power ------------------------------------------------


def with_model_ents(nlp, text: str, labelled: list[tuple[str, str]]):
    """A Doc as if the model had labelled the first occurrence of each (text, label)... in order."""
    doc = labelled_doc(nlp, text, labelled)
    return nlp(doc)


def test_consistency_labels_repeats_the_model_missed():
    nlp = blank("it", "briefing_consistency")
    doc = with_model_ents(
        nlp, "Paolini ha parlato. Poi Paolini è uscito. Paolini.", [("Paolini", "PER")]
    )
    assert [(e.text, e.label_, e._.ent_source) for e in doc.ents] == [
        ("Paolini", "PER", None),
        ("Paolini", "PER", "rule"),
        ("Paolini", "PER", "rule"),
    ]


def test_consistency_leaves_repeats_inside_longer_names():
    nlp = blank("it", "briefing_consistency")
    doc = with_model_ents(
        nlp, "A Colorado ha nevicato; lo scalo di Colorado Springs è chiuso.", [("Colorado", "LOC")]
    )
    assert [e.text for e in doc.ents] == ["Colorado"]


def test_gazetteer_settles_a_place_the_model_also_called_a_person():
    nlp = blank("it", "briefing_gazetteer")
    doc = with_model_ents(
        nlp,
        "La guerra tra Kyiv e Mosca; garanzie per Kyiv.",
        [("Kyiv", "LOC"), ("Mosca", "LOC"), ("Kyiv", "PER")],
    )
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Kyiv", "LOC"),
        ("Mosca", "LOC"),
        ("Kyiv", "LOC"),
    ]


def test_gazetteer_does_not_settle_without_the_model_agreeing_once():
    nlp = blank("it", "briefing_gazetteer")
    doc = with_model_ents(nlp, "con l'Italia che attacca", [("Italia", "ORG")])
    assert [(e.text, e.label_) for e in doc.ents] == [("Italia", "ORG")]


def test_known_names_fill_regions_and_organisations():
    nlp = blank("it", "briefing_known_names")
    assert [e[:2] for e in ents(nlp, "Il controllo sul Donbass e i membri della Nato.")] == [
        ("Donbass", "LOC"),
        ("Nato", "ORG"),
    ]


@pytest.mark.parametrize(
    ("lang", "text", "seat", "label"),
    [
        ("it", "La Casa Bianca, al momento, non ha commentato.", "Casa Bianca", "ORG"),
        ("it", "i risultati ottenuti finora dalla Casa Bianca.", "Casa Bianca", "ORG"),
        ("it", "Lo ha detto ieri, secondo il Cremlino.", "Cremlino", "ORG"),
        ("en", "The Kremlin said no.", "Kremlin", "ORG"),
        ("en", "Protests were held outside the White House.", "White House", "LOC"),
        ("it", "Trump è uscito dalla Casa Bianca alle 19.", "Casa Bianca", "LOC"),
        ("it", "proteste davanti alla Casa Bianca", "Casa Bianca", "LOC"),
    ],
)
def test_seats_of_power_are_organisations_only_when_they_act(lang, text, seat, label):
    nlp = blank(lang, "briefing_seats")
    doc = with_model_ents(nlp, text, [(seat, "LOC")])
    assert [(e.text, e.label_) for e in doc.ents] == [(seat, label)]


def test_gazetteer_does_not_settle_a_name_the_model_mostly_read_as_a_person():
    nlp = blank("en", "briefing_gazetteer")
    text = "Jordan said so. Jordan agreed. He flew to Jordan."
    doc = with_model_ents(nlp, text, [("Jordan", "PER"), ("Jordan", "PER"), ("Jordan", "LOC")])
    assert [e.label_ for e in doc.ents] == ["PER", "PER", "LOC"]


def test_nationality_words_the_model_took_for_places_become_misc():
    nlp = blank("en", "briefing_gazetteer")
    text = "An Israeli roadblock, a Russian airliner and Saint-Alban in Paris."
    doc = with_model_ents(
        nlp,
        text,
        [("Israeli", "LOC"), ("Russian", "GPE"), ("Saint-Alban", "LOC"), ("Paris", "LOC")],
    )
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Israeli", "MISC"),
        ("Russian", "MISC"),
        ("Saint-Alban", "LOC"),
        ("Paris", "LOC"),
    ]


@pytest.mark.parametrize(
    ("lang", "text", "name", "found"),
    [
        (
            "it",
            "il consigliere per la sicurezza nazionale ucraino, Rustem Umerov.",
            "Rustem Umerov",
            True,
        ),
        ("it", "il presidente russo Vladimir Putin ha detto", "Vladimir Putin", True),
        ("it", "alla presenza del re Vittorio Emanuele III e", "Vittorio Emanuele III", True),
        ("en", "opposition leader Shimon Peres for talks", "Shimon Peres", True),
        ("it", "il presidente della Regione Lombardia ha detto", "Regione Lombardia", False),
        (
            "it",
            "il giornalista del quotidiano britannico The Independent",
            "The Independent",
            False,
        ),
    ],
)
def test_a_name_after_a_role_is_a_person(lang, text, name, found):
    nlp = blank(lang, "briefing_roles")
    doc = with_model_ents(nlp, text, [(name, "ORG")])
    assert ((name, "PER") in [(e.text, e.label_) for e in doc.ents]) is found


def test_a_listed_place_coordinated_with_a_place_is_a_place():
    nlp = blank("it", "briefing_gazetteer")
    text = "guerra tra Kyiv e Mosca; garanzie per Kyiv."
    doc = with_model_ents(nlp, text, [("Kyiv", "PER"), ("Mosca", "LOC"), ("Kyiv", "PER")])
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Kyiv", "LOC"),
        ("Mosca", "LOC"),
        ("Kyiv", "LOC"),
    ]


# The config keys whose files a component keeps in `patterns` (what to_disk saves); set to None,
# the component starts empty, so only from_disk can give the patterns back (spaCy's span_ruler
# test does the same).
SAVED_FILES = {"briefing_people": ("names", "cues")}


def empty_config(name: str) -> dict[str, None]:
    keys = SAVED_FILES.get(name, ("patterns",))
    return {
        key: None for key in keys if key in spacy.blank("xx").get_factory_meta(name).default_config
    }


SAVING = [
    (lang, name)
    for lang in ("it", "en")
    for name in pipeline.rule_components(lang)
    if name not in ("briefing_consistency", "briefing_dates", "briefing_corrections")
    and not (lang == "en" and name == "briefing_openers")  # no English suffixes listed
]


@pytest.mark.parametrize(("lang", "name"), SAVING)
def test_a_component_started_empty_gets_its_patterns_from_disk(tmp_path, lang, name):
    full = blank(lang, name)
    saved = list(full.get_pipe(name).patterns)
    assert saved  # something to lose
    full.to_disk(tmp_path / "pipeline", exclude=["vocab"])
    empty = spacy.blank(lang, vocab=full.vocab)  # see test_patterns_round_trip_through_disk
    component = empty.add_pipe(name, config=empty_config(name))
    assert component.patterns == []
    empty.from_disk(tmp_path / "pipeline", exclude=["vocab"])
    assert component.patterns == saved


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("it", "Ieri a Roma il ministro Antonio Tajani ha incontrato la compagnia Ryanair."),
        (
            "en",
            "LONDON 1996-08-30 - Leicester beat Chelsea 2-1, Bre-X Minerals Ltd said on Tuesday.",
        ),
    ],
)
def test_a_pipeline_started_empty_finds_the_same_after_loading(tmp_path, lang, text):
    full = blank(lang, *pipeline.rule_components(lang))
    empty = spacy.blank(lang, vocab=full.vocab)  # see test_patterns_round_trip_through_disk
    for name in pipeline.rule_components(lang):
        empty.add_pipe(name, config=empty_config(name))
    before = [(e.text, e.label_) for e in full(text).ents]
    assert before != [(e.text, e.label_) for e in empty(text).ents]  # the start is empty
    full.to_disk(tmp_path / "pipeline", exclude=["vocab"])
    empty.from_disk(tmp_path / "pipeline", exclude=["vocab"])
    assert [(e.text, e.label_) for e in empty(text).ents] == before
