"""Organisations named after a word that says what they are: "la compagnia Costa Crociere".

News introduces a company, a newspaper or a team by its kind, then its name ("l'agenzia di
stampa Jiji", "il quotidiano Le Monde", "la società Idc", "del partito Baath"). A model that
has never seen the name guesses from its shape, often a person or a place. Where a lowercase
cue word (optionally one lowercase adjective and a comma) is followed by capitalised words,
those words are an organisation, whatever the model said; the cue stays outside the name.
A capitalised cue ("Fondazione Mansi") is part of a name and is left to the model.
Teams in a match are organisations too, even when named after their town or country: in
"la partita Ecuador - Polonia" or "Juventus - Milan 2-1" both sides are ORG.
Patterns are JSONL, {"cue": "compagnia", "lang": "it"}; a cue may have several words
("agenzia di stampa", "casa editrice"); {"cue": "partita", "frame": "match", "lang": "it"}
names a match.
Imports spaCy at module level: only nlp.pipeline imports this module, and only when loading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from briefing.nlp.regex_rules import SavesPatterns
from briefing.nlp.spans import (
    OVERRIDE,
    Candidate,
    Found,
    doc_text,
    merge,
    to_spans,
)

_MAX_WORDS = 4
# Between the cue and the name: no preposition or article ("l'azienda di Meg Whitman" is
# the company of a person; "la società e il Comune" joins two things).
_NOT_ADJECTIVES = frozenset(
    {"di", "del", "della", "dello", "dei", "degli", "delle", "da", "dal", "dalla", "a", "al"}
    | {"alla", "in", "nel", "nella", "con", "su", "per", "tra", "fra", "e", "ed", "o", "che"}
    | {"il", "lo", "la", "i", "gli", "le", "un", "una", "uno", "of", "the", "and", "is"}
)


# Words inside longer names: "Save the Children", "Autostrade per l'Italia", "Diva e Donna".
_LINKS = frozenset(
    {"di", "del", "della", "dei", "degli", "delle", "d'", "dell'", "d’", "dell’", "per", "e"}
    | {"ed", "of", "the", "and", "on", "for", "du", "de", "des", "la", "le", "l'", "l’"}
)


# "Ecuador - Polonia", "Juventus – Milan": two names of one to three capitalised words
_SIDE = r"[A-ZÀ-Ý][\w'’]*(?: [A-ZÀ-Ý][\w'’]*){0,2}"
_PAIR = rf"({_SIDE}) ?[-–] ?({_SIDE})"
_SCORED_PAIR = re.compile(rf"(?<![\w-]){_PAIR}(?= ?\(?\d{{1,3}} ?[-–] ?\d{{1,3}}\b)")


def _name_word(doc: Doc, i: int) -> bool:
    token = doc[i]
    return token.text[0].isupper() and (token.is_alpha or any(c.isalpha() for c in token.text))


class OrgKinds(SavesPatterns):
    """Capitalised words right after a lowercase organisation cue are an organisation."""

    def __init__(self, nlp: Language, name: str, patterns: str | None) -> None:
        self._begin(nlp, name)
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._read(patterns)

    def add_patterns(self, patterns: Iterable[dict[str, Any]]) -> None:
        mine = [p for p in patterns if p.get("lang") in (None, self.lang)]
        self.patterns.extend(mine)
        cues = [p["cue"] for p in self.patterns if p.get("frame") is None]
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        if cues:  # lowercase only: "Fondazione Mansi" is a name, not a cue and a name
            self.matcher.add("CUE", list(self.nlp.tokenizer.pipe(cues)))
        matches = [re.escape(p["cue"]) for p in self.patterns if p.get("frame") == "match"]
        # "la partita X - Y": the cue right before the pair; otherwise a score right after
        self.after_cue = re.compile(rf"\b(?i:{'|'.join(matches)}) {_PAIR}\b") if matches else None

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        self.set_teams(doc, self.match_teams(doc))
        return doc

    def match_teams(self, doc: Doc) -> list[Found]:
        """The two sides of a match: after a match word, or before a score."""
        if self.after_cue is None:
            return []
        text = doc_text(doc)
        found = []
        for m in self.after_cue.finditer(text):
            found += [Found(*m.span(1), "ORG"), Found(*m.span(2), "ORG")]
        for m in _SCORED_PAIR.finditer(text):
            found += [Found(*m.span(1), "ORG"), Found(*m.span(2), "ORG")]
        return found

    def set_teams(self, doc: Doc, found: list[Found]) -> None:
        # the side's exact extent, or nothing: "Napoli - Inter" never widens to a token
        spans = [c for c in to_spans(doc, found, "rule") if c.chars is None]
        merge(doc, spans, OVERRIDE)

    def match(self, doc: Doc) -> list[tuple[int, int]]:
        found = []
        n = len(doc)
        for _, _start, end in self.matcher(doc):
            j = end
            if (
                j < n
                and doc[j].is_lower
                and doc[j].is_alpha
                and doc[j].lower_ not in _NOT_ADJECTIVES
            ):
                j += 1  # "la compagnia genovese Costa Crociere"
            if j < n and doc[j].text == ",":
                j += 1
            if j >= n or not _name_word(doc, j):
                continue
            k = j
            while k < n and k - j < _MAX_WORDS and _name_word(doc, k):
                k += 1
            if k < n and _name_word(doc, k):
                continue  # longer than a name: a title or a headline
            # the model's own longer reading of the name wins: "Save the Children"
            longer = [e for e in doc.ents if e.start == j and e.end > k]
            if longer:
                k = longer[0].end
            elif k + 1 < n and doc[k].lower_ in _LINKS and _name_word(doc, k + 1):
                continue  # a longer name the model did not find: leave it alone
            found.append((j, k))
        return found

    def set_annotations(self, doc: Doc, matches: list[tuple[int, int]]) -> None:
        spans = [Candidate(Span(doc, s, e, label="ORG"), "rule") for s, e in matches]
        merge(doc, spans, OVERRIDE)


@Language.factory("briefing_org_kinds", default_config={"patterns": "org_kinds_it.jsonl"})
def make_org_kinds(nlp: Language, name: str, patterns: str | None) -> OrgKinds:
    """ "la compagnia X", "il quotidiano X", "l'agenzia di stampa X": X is an organisation."""
    return OrgKinds(nlp, name, patterns)
