"""Build analysed Docs by hand: a blank pipeline, a sentencizer, entities at known offsets."""

from __future__ import annotations

import re
from functools import cache

import spacy
from spacy.tokens import Doc


@cache
def _nlp(lang: str):
    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    return nlp


def make_doc(text: str, lang: str, entities: dict[str, str]) -> Doc:
    """`entities` maps a surface text to its label; every whole-word occurrence is labelled.

    Longer texts win where they overlap ("Vladimir Putin" over "Putin").
    """
    doc = _nlp(lang)(text)
    spans = []
    taken: list[tuple[int, int]] = []
    for surface in sorted(entities, key=len, reverse=True):
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            span = doc.char_span(
                m.start(), m.end(), label=entities[surface], alignment_mode="expand"
            )
            if span is None or any(span.start_char < e and s < span.end_char for s, e in taken):
                continue
            taken.append((span.start_char, span.end_char))
            spans.append(span)
    doc.ents = sorted(spans, key=lambda s: s.start)
    return doc
