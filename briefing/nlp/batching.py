"""Batches bounded by tokens for the tok2vec layers, whatever batch size nlp.pipe is given.

A tok2vec's arrays grow with the tokens of its whole batch (the NER model's concatenated
embeddings are 2 KB a token): 64 news articles make arrays of tens of megabytes, which the
C allocator maps fresh from the system on every call, so each batch pays page faults over
all of them. In batches of a few thousand tokens the same work costs 45-70% of that time
(benchmarks/README.md, issue 15). The parser and NER, which gain from large batches, keep
nlp.pipe's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Tokens a tok2vec sees at once: 1,000 to 8,000 measured alike; 15,000 was already slower.
TOK2VEC_TOKENS = 3000


def token_batches(docs: Iterable[Doc], max_tokens: int) -> Iterator[list[Doc]]:
    """Consecutive docs, in order, grouped while they hold at most `max_tokens` tokens
    together (a longer doc makes a batch of its own)."""
    batch: list[Doc] = []
    tokens = 0
    for doc in docs:
        if batch and tokens + len(doc) > max_tokens:
            yield batch
            batch, tokens = [], 0
        batch.append(doc)
        tokens += len(doc)
    if batch:
        yield batch


def bound_tok2vecs(nlp: Language, max_tokens: int = TOK2VEC_TOKENS) -> None:
    """Every tok2vec of `nlp` (the NER model's, the syntax's) in token-bounded batches."""
    from spacy.pipeline import Tok2Vec

    for _, component in nlp.pipeline:
        if isinstance(component, Tok2Vec):
            bound_batches(component, max_tokens)


def bound_batches(component: Any, max_tokens: int = TOK2VEC_TOKENS) -> None:
    """Make `component.pipe` work in batches of at most `max_tokens` tokens.

    Language.pipe hands every component the same batch size, in documents; the component's
    own pipe (prediction, annotation, error handling) is kept and called once a batch."""
    if getattr(component, "_briefing_max_tokens", None) is not None:
        return
    original: Callable[..., Iterator[Doc]] = component.pipe

    def pipe(stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        for batch in token_batches(stream, max_tokens):
            yield from original(batch, batch_size=len(batch))

    component.pipe = pipe
    component._briefing_max_tokens = max_tokens
