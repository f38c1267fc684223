"""Docs labelled by hand, as a model would have left them, for testing rule components."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def labelled_doc(nlp: Language, text: str, labelled: list[tuple[str, str]]) -> Doc:
    """`text` tokenised, each (name, label) an entity at the name's next occurrence."""
    doc = nlp.make_doc(text)
    spans, cursor = [], 0
    for name, label in labelled:
        start = text.index(name, cursor)
        spans.append(doc.char_span(start, start + len(name), label=label))
        cursor = start + len(name)
    doc.ents = spans
    return doc
