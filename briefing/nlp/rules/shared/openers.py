"""Ordinary words read as names because they open a sentence: "Sicuramente", "Pensavo".

A capitalised word at the start of a sentence looks like a name to a model that leans on
capitals. Italian shows many ordinary words by their endings alone: adverbs in -mente,
gerunds in -ando/-endo, superlatives in -issimo, verbs in -iamo/-avo/-evo, abstract nouns in
-ità/-ezza/-ismo. In any language, an article that writes the word in lowercase elsewhere
shows it is an ordinary word ("Unità, battaglia e vittoria" ... "l'unità del Popolo"). A
one-word entity of the model that opens a sentence and ends so, or is written so, is dropped,
unless the article names it mid-sentence too (a capitalised word there is a name).
Patterns are JSONL, {"suffix": "mente", "lang": "it"}.
Imports spaCy at module level: only nlp.pipeline imports this module, and only when loading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from briefing.nlp import labels
from briefing.nlp.rules.shared.regex_rules import SavesPatterns
from briefing.nlp.spans import doc_text, entities, opens_sentence, remove

NAMES = labels.NAMES | {"MISC", "NORP"}
# What ends a sentence or opens a quote, a heading or a line.


class Openers(SavesPatterns):
    """Drops the model's one-word names that open a sentence and end like ordinary words."""

    def __init__(self, nlp: Language, name: str, patterns: str | None) -> None:
        self._begin(nlp, name)
        self.suffixes: tuple[str, ...] = ()
        self._read(patterns)

    def add_patterns(self, patterns: Iterable[dict[str, Any]]) -> None:
        mine = [p for p in patterns if p.get("lang") in (None, self.lang)]
        self.patterns.extend(mine)
        self.suffixes = tuple(sorted({p["suffix"].lower() for p in self.patterns}))

    def __call__(self, doc: Doc) -> Doc:
        remove(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[tuple[int, int]]:
        found = []
        for e in entities(doc):
            text = e.text
            if len(e) != 1 or not text.isalpha() or not text[:1].isupper() or text.isupper():
                continue
            if e.label_ in NAMES and opens_sentence(doc, e.start) and e._.ent_source is None:
                found.append(e)
        if not found:
            return []
        text = doc_text(doc)
        # an ordinary word: it ends like one, or the article writes it in lowercase too
        # ("Unità, battaglia e vittoria" ... "l'unità del Popolo")
        lowered = "|".join(re.escape(w) for w in {e.text.lower() for e in found})
        in_lowercase = {m.group() for m in re.finditer(rf"(?<!\w)(?:{lowered})(?!\w)", text)}
        found = [
            e for e in found if self._ends_like_a_word(e.text) or e.text.lower() in in_lowercase
        ]
        if not found:
            return []
        # a name the article also writes mid-sentence (after a word or a comma) is a name
        words = "|".join(re.escape(w) for w in {e.text for e in found})
        inside = {m.group() for m in re.finditer(rf"(?<=[\w,;)] )(?:{words})(?!\w)", text)}
        return [(e.start, e.end) for e in found if e.text not in inside]

    def _ends_like_a_word(self, text: str) -> bool:
        lower = text.lower()
        return any(lower.endswith(s) and len(text) > len(s) + 2 for s in self.suffixes)

    def clear_patterns(self) -> None:
        self.patterns, self.suffixes = [], ()


@Language.factory("briefing_openers", default_config={"patterns": "openers_it.jsonl"})
def make_openers(nlp: Language, name: str, patterns: str | None) -> Openers:
    """Sentence-opening ordinary words the model read as names are no entities."""
    return Openers(nlp, name, patterns)
