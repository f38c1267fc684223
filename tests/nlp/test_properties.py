"""Whatever the text, entities stay inside it, in order, without overlaps, with their exact text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing import analysis
from tests.support.pipelines import using

PIECES = [
    "18 Dicembre 2025", "mercoledì", "ieri", "alle 15:30", "3 p.m.", "$1.2bn", "€90bn", "19,3%",
    "701 sq km", "quasi 4 anni", "@white_lenka", "https://example.org/a.", "Mosca", "Kyiv",
    "Stati Uniti", "Nato", "Casa Bianca", "Roma.", " ", "\n", "\n\n", ",", ".", "(", ")", "«", "»",
    "—", "e", "the", "di", "1.234,5", "12", "May", "Sala", "\u00a0", "🙂", "‍", "",
]  # fmt: skip


@pytest.fixture(scope="module", autouse=True)
def rules_only(rules_cache):
    cache, no_models = rules_cache
    with using(cache, models=no_models):
        yield


@pytest.mark.fault(
    "analysis",
    "dates, amounts, URLs, handles, emoji and random fragments (hypothesis, rules-only pipeline)",
    "entities inside the text, in order, never overlapping, slicing back to their text",
)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    parts=st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=30),
    lang=st.sampled_from(["it", "en"]),
)
def test_entities_are_well_formed(parts, lang):
    text = " ".join(parts)
    result = analysis.analyse_text(text, lang, "2025-12-18")
    previous_end = 0
    for entity in result.entities:
        assert 0 <= entity.start < entity.end <= len(text)
        assert entity.start >= previous_end
        assert text[entity.start : entity.end] == entity.text
        previous_end = entity.end
