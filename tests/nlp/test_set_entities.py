"""set_entities writes only what changed and leaves the Doc exactly as `doc.ents = ...` would."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

spacy = pytest.importorskip("spacy")

from spacy.tokens import Span  # noqa: E402

from briefing.nlp.spans import set_entities  # noqa: E402

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
