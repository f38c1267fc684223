"""Sentence boundaries set before the parser: the same split the fact extractors use.

The parser would otherwise cut its own sentences, and it cuts inside times ("UTC-4:30") and
quotes; with the boundaries set, it parses each of these sentences whole and the facts see
the same sentences with or without a parser.
"""

from __future__ import annotations

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc


@Language.component("briefing_sentences")
def set_sentences(doc: Doc) -> Doc:
    from briefing.nlp.spans import doc_text
    from briefing.text import join_abbreviations, split_sentences

    if not len(doc):
        return doc
    text = doc_text(doc)
    starts = iter(sorted(start for start, _ in join_abbreviations(text, split_sentences(text))))
    following = next(starts, None)
    # One array write: setting token.is_sent_start one by one costs more than the parser's
    # own sentence split.
    values = numpy.full((len(doc), 1), -1, dtype="int64")
    for i, idx in enumerate(doc.to_array(IDX).tolist()):
        # A sentence opens at the first token at or after its start (spaces lie between).
        if i == 0 or (following is not None and idx >= following):
            values[i, 0] = 1
        while following is not None and following <= idx:
            following = next(starts, None)
    doc.from_array([SENT_START], values.view("uint64"))  # -1: "not a start", as spaCy stores it
    return doc
