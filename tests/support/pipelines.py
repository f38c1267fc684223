"""Pipelines for tests, built once a session: building every rule component costs seconds.

`load()` caches pipelines in `pipeline._cache`; a test that wants rules-only pipelines (no
trained model) or a cache of its own swaps that dict instead of clearing it, so the trained
pipelines other tests loaded stay loaded, and the rules-only ones are built once per process.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing import paths
from briefing.nlp import pipeline

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass
class PipelineCache:
    """What pipeline.load and pipeline.identity remember, kept aside."""

    loaded: dict[Any, Any] = field(default_factory=dict)
    identities: dict[Any, Any] = field(default_factory=dict)


@contextmanager
def using(cache: PipelineCache, *, models: Path | None = None) -> Iterator[None]:
    """pipeline.load answers from `cache`; with `models`, bundled models are looked for there
    (a folder without any gives the rules-only pipelines)."""
    saved = (pipeline._cache, pipeline._identities, paths.bundled_models_dir)
    pipeline._cache, pipeline._identities = cache.loaded, cache.identities
    if models is not None:
        paths.bundled_models_dir = lambda: models
    try:
        yield
    finally:
        pipeline._cache, pipeline._identities, paths.bundled_models_dir = saved


@functools.cache
def blank_with(lang: str, *components: str) -> Language:
    """A blank `lang` pipeline with rule components at their default patterns, built once a
    test process. Shared: a test that changes a component's patterns builds its own."""
    import spacy

    pipeline._register_components()
    nlp = spacy.blank(lang)
    for name in components:
        nlp.add_pipe(name)
    return nlp
