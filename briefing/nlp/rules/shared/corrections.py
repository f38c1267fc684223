"""The user's corrections as a component that runs last and wins over the model and the rules.

Patterns are models.Correction dicts as JSONL: {"text", "label", "lang", "replaces", ...}.
  label set:       every occurrence of `text` becomes that label, whatever overlapped it
  label None:      `text` is not an entity: an entity with exactly that extent is dropped
  replaces set:    an entity with exactly the old extent is dropped (the new one is added)
Imports spaCy at module level: only nlp.pipeline imports this module, and only when loading.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from briefing.models import Correction
from briefing.nlp.rules.shared.regex_rules import PATTERNS_FILE, read_jsonl, write_jsonl
from briefing.nlp.spans import (
    OVERRIDE,
    Candidate,
    ensure_extensions,
    forget_entities,
    merge,
    remove,
)

_DROP = "__NOT_AN_ENTITY__"


class Corrections:
    """Applies models.Correction objects; set them with set_corrections() before each batch."""

    def __init__(self, nlp: Language, name: str) -> None:
        ensure_extensions()
        self.nlp = nlp
        self.name = name
        self.lang = nlp.lang
        self.corrections: list[Correction] = []
        self._key: tuple = ()
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")

    def set_corrections(self, corrections: Sequence[Correction]) -> None:
        """Use these corrections (those of other languages are ignored). Cheap when unchanged."""
        mine = [c for c in corrections if c.lang in (None, self.lang) and c.text.strip()]
        key = tuple((c.text, c.label, c.replaces) for c in mine)
        if key == self._key:
            return
        self._key = key
        self.corrections = mine
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        phrases: dict[str, list[str]] = {}
        for c in mine:
            phrases.setdefault(c.label or _DROP, []).append(c.text)
            if c.replaces and c.replaces != c.text:
                phrases.setdefault(_DROP, []).append(c.replaces)
        for label, texts in phrases.items():
            self.matcher.add(label, list(self.nlp.tokenizer.pipe(texts)))

    def __call__(self, doc: Doc) -> Doc:
        if self.corrections:
            self.set_annotations(doc, self.match(doc))
        forget_entities(doc)  # the last component: what reads the doc next reads doc.ents
        return doc

    def match(self, doc: Doc) -> list[tuple[str, int, int]]:
        strings = self.nlp.vocab.strings
        return [(strings[label], start, end) for label, start, end in self.matcher(doc)]

    def set_annotations(self, doc: Doc, matches: list[tuple[str, int, int]]) -> None:
        remove(doc, [(start, end) for label, start, end in matches if label == _DROP])
        spans = [
            Candidate(Span(doc, start, end, label=label), "user")
            for label, start, end in matches
            if label != _DROP
        ]
        merge(doc, spans, OVERRIDE)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        write_jsonl(path / PATTERNS_FILE, [c.to_dict() for c in self.corrections])

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> Corrections:
        rows = read_jsonl(Path(path) / PATTERNS_FILE)
        self._key = ()
        self.set_corrections([Correction.from_dict(r) for r in rows])
        return self


@Language.factory("briefing_corrections", default_config={})
def make_corrections(nlp: Language, name: str) -> Corrections:
    """The user's entity corrections (models.Correction), winning over everything before."""
    return Corrections(nlp, name)
