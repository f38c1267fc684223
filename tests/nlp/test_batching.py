"""Token-bounded batches for the tok2vec layers: same docs, same order, bounded batches, and
the bundled pipelines' annotations unchanged by the bound."""

from __future__ import annotations

import pytest
from spacy.pipeline import Tok2Vec

from briefing import paths
from briefing.nlp import pipeline
from briefing.nlp.batching import bound_batches, token_batches


def test_batches_keep_the_order_and_stay_within_the_bound():
    docs = ["a" * n for n in (3, 4, 2, 9, 1, 1, 5)]  # len() is all a batch reads
    batches = list(token_batches(docs, 8))
    assert [d for batch in batches for d in batch] == docs
    assert [[len(d) for d in batch] for batch in batches] == [[3, 4], [2], [9], [1, 1, 5]]


def test_a_doc_longer_than_the_bound_is_a_batch_of_its_own():
    assert [len(b) for b in token_batches(["x" * 50, "y", "z"], 10)] == [1, 2]
    assert list(token_batches([], 10)) == []


class Recorder:
    """A component whose pipe records the batches it is handed, as spaCy's pipe does."""

    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def pipe(self, stream, *, batch_size=128):
        stream = list(stream)
        for start in range(0, len(stream), batch_size):
            self.batches.append(stream[start : start + batch_size])
            yield from stream[start : start + batch_size]


def test_a_bounded_component_sees_token_bounded_batches_whatever_batch_size_it_is_given():
    component = Recorder()
    bound_batches(component, 10)
    bound_batches(component, 10)  # bounding twice wraps once
    docs = ["w" * n for n in (6, 6, 6, 3, 12, 2)]
    assert list(component.pipe(iter(docs), batch_size=64)) == docs
    assert [sum(map(len, b)) for b in component.batches] == [6, 6, 9, 12, 2]


@pytest.mark.skipif(
    not (paths.bundled_models_dir() / "en_briefing_syntax").is_dir(), reason="no bundled model"
)
def test_the_bundled_pipeline_bounds_both_tok2vecs_and_annotates_as_unbounded():
    nlp = pipeline.load("en").nlp
    tok2vecs = [c for _, c in nlp.pipeline if isinstance(c, Tok2Vec)]
    assert len(tok2vecs) == 2  # the NER model's and the syntax's
    assert all(c._briefing_max_tokens for c in tok2vecs)

    texts = [
        f"Senator Maria Lopez of Ohio said on Tuesday that the bill {i} would pass. "
        f'"We have the votes," she told reporters in Washington, and John Smith agreed.'
        for i in range(12)
    ]

    def annotations(bound: int) -> list:
        for component in tok2vecs:
            component._briefing_max_tokens = None
            component.__dict__.pop("pipe", None)  # back to spaCy's own pipe
            bound_batches(component, bound)
        docs = nlp.pipe([pipeline.make_doc(nlp, t) for t in texts], batch_size=64)
        return [
            ([(e.start_char, e.label_) for e in d.ents], [(t.head.i, t.dep_, t.pos_) for t in d])
            for d in docs
        ]

    try:
        assert annotations(40) == annotations(100_000)  # 40 tokens: one text a batch
    finally:
        for component in tok2vecs:
            component._briefing_max_tokens = None
            component.__dict__.pop("pipe", None)
            bound_batches(component)
