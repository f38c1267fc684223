"""Whatever the text, every fact points inside it and its span reads back as its text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.facts import extract_facts
from tests.support.facts_docs import make_doc

_PIECES = [
    "Vladimir Putin", "Putin", "il presidente", ", capo del fondo", " secondo fonti informate",
    " ha detto", " said", " che", " that", "«", "»", "“", "”", '"', " 4 anni di guerra",
    " $1.2bn of aid", " mercoledì", " ieri", " 18/12/2025", ". ", ", ", " Mosca", " the Kremlin",
    " according to", " sources said", " 19.3%", "\n", " e ", " l'inviato speciale",
]  # fmt: skip
_ENTITIES = {"Vladimir Putin": "PER", "Putin": "PER", "Mosca": "LOC", "Kremlin": "ORG"}


@pytest.mark.fault(
    "analysis",
    "random sequences of quote, attribution, date and number phrases (hypothesis)",
    "every fact and mention span inside the text, slicing back to its text",
)
@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=25), st.sampled_from(["it", "en"]))
def test_fact_spans_lie_inside_the_text(pieces: list[str], lang: str) -> None:
    text = "".join(pieces)
    facts = extract_facts(make_doc(text, lang, _ENTITIES), lang, "2025-12-18")
    for kind in ("dates", "quotes", "attributions", "numbers"):
        for fact in getattr(facts, kind):
            assert 0 <= fact.start <= fact.end <= len(text)
            assert text[fact.start : fact.end] == fact.text
    for group in facts.people + facts.organizations + facts.places:
        assert group.mentions == len(group.spans)
        for start, end in group.spans:
            assert 0 <= start < end <= len(text)


@pytest.mark.fault(
    "analysis",
    "arbitrary text into fact extraction (hypothesis)",
    "every fact slices back to its text",
)
@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["it", "en", "pt", ""]))
def test_any_text_gives_facts_that_slice_back(text: str, lang: str) -> None:
    facts = extract_facts(make_doc(text, lang or "xx", {}), lang, "2025-12-18")
    for kind in ("dates", "quotes", "attributions", "numbers"):
        for fact in getattr(facts, kind):
            assert text[fact.start : fact.end] == fact.text
