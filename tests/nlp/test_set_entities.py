"""set_entities writes only what changed and leaves the Doc exactly as `doc.ents = ...` would."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Span

from briefing.nlp.spans import ENTS_KEY, entities, set_entities

WORDS = 12
NLP = spacy.blank("en")
LABELS = ["PER", "ORG", "LOC"]


def _doc():
    return NLP.make_doc(" ".join(f"w{i}" for i in range(WORDS)))


@st.composite
def entity_sets(draw):
    """Non-overlapping (start, end, label) triples over the twelve tokens."""
    cuts = sorted(draw(st.sets(st.integers(0, WORDS), max_size=8)))
    pairs = list(zip(cuts[::2], cuts[1::2], strict=False))
    return [(s, e, draw(st.sampled_from(LABELS))) for s, e in pairs if s < e]


def _annotation(doc):
    return [(t.ent_iob_, t.ent_type_) for t in doc]


@settings(max_examples=400, deadline=None)
@given(first=entity_sets(), then=entity_sets())
def test_the_doc_ends_as_assigning_would_leave_it(first, then):
    assigned, written = _doc(), _doc()
    for doc in (assigned, written):
        doc.ents = [Span(doc, s, e, label=label) for s, e, label in first]
    assigned.ents = [Span(assigned, s, e, label=label) for s, e, label in then]
    set_entities(written, [Span(written, s, e, label=label) for s, e, label in then])
    assert _annotation(written) == _annotation(assigned)
    assert [(e.start, e.end, e.label_) for e in written.ents] == sorted(then)


def test_overlapping_entities_are_refused_like_doc_ents_refuses_them():
    doc = _doc()
    doc.ents = [Span(doc, 0, 2, label="PER")]
    with pytest.raises(ValueError):
        set_entities(doc, [Span(doc, 0, 2, label="PER"), Span(doc, 1, 3, label="ORG")])


def test_a_doc_without_entity_annotation_is_set_whole():
    doc = _doc()
    set_entities(doc, [Span(doc, 2, 4, label="LOC")])
    assert [t.ent_iob_ for t in doc][:5] == ["O", "O", "B", "I", "O"]


@settings(max_examples=60, deadline=None)
@given(entity_sets(), entity_sets(), entity_sets())
def test_the_entities_copy_always_reads_what_doc_ents_holds(first, second, third):
    doc = _doc()
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in first]
    for ents in (second, third):
        assert _keys(entities(doc)) == _keys(doc.ents)
        set_entities(doc, [Span(doc, s, e, label=lab) for s, e, lab in ents])
        assert _keys(entities(doc)) == _keys(doc.ents) == sorted(ents)


def _keys(ents):
    return sorted((e.start, e.end, e.label_) for e in ents)


def test_the_pipeline_leaves_no_copy_of_the_entities_behind():
    from briefing.nlp import pipeline

    nlp = pipeline.load("it").nlp
    doc = nlp("Mario Rossi è arrivato a Roma con la compagnia Alfa Beta.")
    assert doc.ents
    assert ENTS_KEY not in doc.user_data  # what reads the doc next reads doc.ents itself
