"""Numbers with what they count, and dates on the timeline."""

from __future__ import annotations

from briefing.facts import extract_facts
from tests.support.facts_docs import make_doc


def _numbers(
    text: str, lang: str, entities: dict[str, str] | None = None
) -> list[tuple[str, str | None]]:
    facts = extract_facts(make_doc(text, lang, entities or {}), lang, "2025-12-18")
    for n in facts.numbers:
        assert text[n.start : n.end] == n.text
    return [(n.text, n.what) for n in facts.numbers]


def test_italian_duration_with_what_it_counts() -> None:
    text = "Gli sforzi per porre fine a quasi 4 anni di guerra tra Kyiv e Mosca continuano."
    assert _numbers(text, "it", {"Kyiv": "LOC", "Mosca": "LOC"}) == [("quasi 4 anni", "guerra")]


def test_english_amounts_percentages_and_counts() -> None:
    text = "Washington pledged $1.2bn of aid. Russia took 701 sq km of land; turnout was 19.3% of voters and 19,000 children were moved. The EU offered €90bn in loans."
    numbers = dict(_numbers(text, "en", {"Washington": "LOC", "Russia": "LOC", "EU": "ORG"}))
    assert numbers["$1.2bn"] == "aid"
    assert numbers["701 sq km"] == "land"
    assert numbers["19.3%"] == "voters"
    assert numbers["19,000"] == "children"
    assert numbers["€90bn"] == "loans"


def test_money_entity_from_the_pipeline_is_used_whole() -> None:
    text = "Kyiv will receive 1,2 miliardi di dollari di aiuti."
    numbers = _numbers(text, "it", {"1,2 miliardi di dollari": "MONEY", "Kyiv": "LOC"})
    assert numbers == [("1,2 miliardi di dollari", "aiuti")]


def test_years_and_dates_are_not_counts() -> None:
    assert _numbers("Nel 2024 e il 18 dicembre 2025 nulla accadde.", "it") == []


def test_dates_from_the_doc_and_from_the_rules() -> None:
    text = "18 Dicembre 2025. Mercoledì il presidente ha parlato; questo fine settimana si vota."
    doc = make_doc(text, "it", {"18 Dicembre 2025": "DATE"})
    facts = extract_facts(doc, "it", "2025-12-18")
    assert [(d.text, d.iso, d.relative) for d in facts.dates] == [
        ("18 Dicembre 2025", "2025-12-18", False),
        ("Mercoledì", "2025-12-17", True),
        ("questo fine settimana", "2025-12-20/2025-12-21", True),
    ]


def test_a_value_on_the_entity_wins() -> None:
    from spacy.tokens import Span

    if not Span.has_extension("value"):
        Span.set_extension("value", default=None)
    doc = make_doc("Ci vediamo domani.", "it", {"domani": "DATE"})
    doc.ents[0]._.value = "2030-01-01"
    facts = extract_facts(doc, "it", "2025-12-18")
    assert [(d.text, d.iso) for d in facts.dates] == [("domani", "2030-01-01")]


def test_ambiguous_number_words_and_bare_figures_are_left_out() -> None:
    text = "Venti di Maestrale e 33 al giorno; oltre cinquanta anni fa 25 enti federali."
    assert _numbers(text, "it") == [("25", "enti federali")]


def test_counts_inside_a_source_are_not_numbers() -> None:
    text = (
        "They will meet, according to two people familiar with the matter, in 19,000 square metres."
    )
    assert _numbers(text, "en") == [("19,000 square metres", None)]
