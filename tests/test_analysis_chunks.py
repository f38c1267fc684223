"""Long texts are analysed in bounded pieces, with offsets into the whole text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing import analysis
from briefing.nlp import pipeline

PARAGRAPH = (
    "Roma, 18 dicembre 2025. Il fondo da €90bn per Kyiv è stato discusso ieri a Berlino, "
    "dove il 19,3% dei delegati ha seguito Mario Rossi. «Serve tempo», ha detto Rossi, "
    "secondo due fonti vicine al dossier."
)


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from("ab .\n!?«»\t"), max_size=3000),
    limit=st.integers(min_value=2, max_value=400),
)
def test_chunk_bounds_cover_the_text_in_bounded_pieces(text: str, limit: int):
    bounds = analysis.chunk_bounds(text, limit)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    for (_, end), (start, _) in zip(bounds, bounds[1:], strict=False):
        assert end == start  # contiguous: every character in exactly one piece
    assert all(0 < end - start <= limit for start, end in bounds if text)


def test_chunks_are_cut_at_paragraphs_first():
    text = "\n\n".join(f"Paragrafo {n}. " + "parola " * 30 for n in range(10))
    for start, end in analysis.chunk_bounds(text, 500)[:-1]:
        assert text[:end].endswith("\n\n") and end - start <= 500


@pytest.mark.fault(
    "analysis",
    "a 185 KB article, 900 paragraphs (a 400 KB text took 2.2 GB and a 10 MB one failed when analysed in one piece)",
    "the pipeline never sees more than 20,000 characters at once (pieces cut at paragraphs, lines, sentences); entities and facts point into the whole text and slice back to it; people merge across pieces by name (peak memory figures: benchmarks/analysis_memory.py)",
)
def test_a_long_text_goes_through_the_pipeline_in_bounded_pieces(rules_only, monkeypatch):
    text = "\n\n".join(PARAGRAPH.replace("Rossi", f"Rossi{n % 7}") for n in range(900))
    assert len(text) > 9 * analysis.CHUNK_CHARS
    seen: list[int] = []
    real = pipeline.make_doc

    def spy(nlp, piece, published=None):
        seen.append(len(piece))
        return real(nlp, piece, published)

    monkeypatch.setattr(pipeline, "make_doc", spy)
    result = analysis.analyse_text(text, "it", "2025-12-19")
    assert not result.pipeline_version.endswith(analysis.PARTIAL)
    assert max(seen) <= analysis.CHUNK_CHARS and sum(seen) == len(text)
    for entity in result.entities:
        assert text[entity.start : entity.end] == entity.text
    values = [e.value for e in result.entities if e.label in ("MONEY", "PERCENT")]
    assert values == ["90000000000 EUR", "19.3%"] * 900  # every piece, none lost at a cut
    facts = result.facts
    for kind in ("dates", "quotes", "attributions", "numbers"):
        for fact in getattr(facts, kind):
            assert text[fact.start : fact.end] == fact.text
    assert [n.text for n in facts.numbers] == ["€90bn", "19,3%"] * 900
    names = [group.name for group in facts.people]
    assert len(names) == len(set(names))  # one group per name across the pieces
    for group in facts.people + facts.places + facts.organizations:
        assert group.mentions == len(group.spans)
        assert all(text[start:end] for start, end in group.spans)


def test_short_texts_are_analysed_in_one_piece_as_before(rules_only, monkeypatch):
    seen: list[int] = []
    real = pipeline.make_doc
    monkeypatch.setattr(
        pipeline, "make_doc", lambda nlp, t, p=None: seen.append(len(t)) or real(nlp, t, p)
    )
    analysis.analyse_text(PARAGRAPH * 3, "it")
    assert seen == [len(PARAGRAPH * 3)]
