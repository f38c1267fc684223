"""Seats of power as actors: "la Casa Bianca non ha commentato" is an organisation speaking.

News names a government by its building ("the Kremlin said", "secondo il Cremlino") and the
building by the same words ("davanti alla Casa Bianca"). This component labels a listed seat
ORG only where the sentence makes it an actor: the subject of a clause, the agent after a
past participle ("ottenuti dalla Casa Bianca"), a source ("secondo la Casa Bianca"), or
followed by a verb of saying or an auxiliary. Elsewhere the model's label stands.
Patterns are JSONL, {"label": "ORG", "pattern": "Casa Bianca", "lang": "it"}.
Imports spaCy at module level: only nlp.pipeline imports this module, and only when loading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from briefing.nlp.rules.shared.regex_rules import SavesPatterns
from briefing.nlp.spans import OVERRIDE, Candidate, merge

_ARTICLES = frozenset({"la", "il", "lo", "l'", "l’", "the"})
# What can stand before "la Casa Bianca" when it opens a clause.
_CLAUSE_OPENERS = frozenset(
    {",", ";", ":", "—", "-", "(", "e", "ma", "mentre", "che", "perché", "se", "and", "but"}
    | {"while", "that", "because", "if", "as", "when", "quando", "anche", "also", "even"}
)
_SOURCES = frozenset({"secondo", "according"})
_AGENT = frozenset({"dalla", "dal", "dall'", "dall’", "by"})
_VERBS = frozenset(
    {"ha", "hanno", "aveva", "avrebbe", "avrà", "non", "dice", "afferma", "annuncia", "smentisce"}
    | {"conferma", "replica", "avverte", "chiede", "said", "says", "has", "had", "would", "will"}
    | {"announced", "denied", "confirmed", "warned", "insisted", "declined", "did", "does"}
)
_PARTICIPLE = re.compile(r"(?:at|ut|it|ss|tt)[oaie]$|(?:ed|en)$", re.IGNORECASE)
# Participles of going and leaving: "uscito dalla Casa Bianca" is a place.
_MOTION = re.compile(
    r"^(?:usc|part|fugg|torn|rientr|arriv|venut|scapp|allontan|portat|condott|accompagnat"
    r"|left|walked|driven|escorted|returned|arrived)",
    re.IGNORECASE,
)
_FILLERS = frozenset({"finora", "già", "ancora", "anche", "così", "appena", "sempre", "also"})


def _is_actor(doc: Doc, start: int, end: int) -> bool:
    before = doc[start - 1].lower_ if start >= 1 else ""
    if before in _ARTICLES:
        opener = doc[start - 2].lower_ if start >= 2 else ""
        if start < 2 or opener in _CLAUSE_OPENERS or opener in _SOURCES or opener == "to":
            # "to the White House" only after "according"; "to" alone is a direction
            if opener == "to" and (start < 3 or doc[start - 3].lower_ != "according"):
                return False
            return True
        if doc[start - 2].text[-1] in ".!?\n":
            return True
    if before in _SOURCES:
        return True
    if before in _AGENT and start >= 2:
        i = start - 2
        while i > 0 and (doc[i].lower_ in _FILLERS or doc[i].lower_.endswith("mente")):
            i -= 1
        word = doc[i].text
        if _PARTICIPLE.search(word) and not _MOTION.match(word):
            return True
    after = doc[end].lower_ if end < len(doc) else ""
    return after in _VERBS


class SeatsOfPower(SavesPatterns):
    """Relabels listed seats of government ORG where the sentence makes them an actor."""

    def __init__(self, nlp: Language, name: str, patterns: str | None) -> None:
        self._begin(nlp, name)
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._read(patterns)

    def add_patterns(self, patterns: Iterable[dict[str, Any]]) -> None:
        mine = [p for p in patterns if p.get("lang") in (None, self.lang)]
        self.patterns.extend(mine)
        phrases = [p["pattern"] for p in mine]
        if phrases:
            self.matcher.add("SEAT", list(self.nlp.tokenizer.pipe(phrases)))

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[tuple[int, int]]:
        return [(s, e) for _, s, e in self.matcher(doc) if _is_actor(doc, s, e)]

    def set_annotations(self, doc: Doc, matches: list[tuple[int, int]]) -> None:
        merge(doc, [Candidate(Span(doc, s, e, label="ORG"), "rule") for s, e in matches], OVERRIDE)

    def clear_patterns(self) -> None:
        self.patterns = []
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")


@Language.factory("briefing_seats", default_config={"patterns": "seats.jsonl"})
def make_seats(nlp: Language, name: str, patterns: str | None) -> SeatsOfPower:
    """Casa Bianca, Cremlino, White House, Kremlin... as ORG when they act or speak."""
    return SeatsOfPower(nlp, name, patterns)
