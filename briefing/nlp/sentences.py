"""Sentence boundaries set before the parser: the same split the fact extractors use.

The parser would otherwise cut its own sentences, and it cuts inside times ("UTC-4:30") and
quotes; with the boundaries set, it parses each of these sentences whole and the facts see
the same sentences with or without a parser.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("briefing_sentences")
def set_sentences(doc: Doc) -> Doc:
    from briefing.facts.text import join_abbreviations, split_sentences
    from briefing.nlp.spans import doc_text

    text = doc_text(doc)
    starts = iter(sorted(start for start, _ in join_abbreviations(text, split_sentences(text))))
    following = next(starts, None)
    for token in doc:
        # A sentence opens at the first token at or after its start (spaces lie between).
        opens = following is not None and token.idx >= following
        while following is not None and following <= token.idx:
            following = next(starts, None)
        token.is_sent_start = token.i == 0 or opens
    return doc
