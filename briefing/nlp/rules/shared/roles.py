"""People named after their role: "il consigliere ... ucraino, Rustem Umerov" is a person.

News introduces people by role, then name ("il presidente russo Vladimir Putin", "the
envoy, Steve Witkoff"). When a role word is followed, within its clause and through lowercase
words only, by two or three capitalised words, those words are a person, whatever the model
said. A preposition right before the name blocks the rule: "il presidente della Regione
Lombardia" names an office, not a person.
Patterns are JSONL, {"label": "PER", "role": "consigliere", "lang": "it"}.
Imports spaCy at module level: only nlp.pipeline imports this module, and only when loading.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from briefing.nlp.rules.shared.regex_rules import SavesPatterns
from briefing.nlp.spans import OVERRIDE, Candidate, merge

_REACH = 8  # lowercase words allowed between the role and the name
_BLOCKERS = frozenset(
    {"di", "del", "della", "dello", "dei", "degli", "delle", "dell'", "dell’", "d'", "d’"}
    | {"per", "a", "al", "alla", "da", "dal", "dalla", "in", "nel", "nella", "con", "su", "sul"}
    | {"of", "for", "to", "at", "by", "from", "in", "on", "with", "the", "il", "la", "lo", "l'"}
)


_ARTICLES = frozenset({"The", "Il", "La", "Lo", "Le", "Gli", "I", "Un", "Una", "A", "An"})
_ROMAN = frozenset({"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"})


def _capitalised_not_shouted(doc: Doc, i: int) -> bool:
    """ "Rossi", not "ROSSI" (a headline's capitals) nor "rossi"."""
    token = doc[i]
    return token.is_alpha and token.text[0].isupper() and not token.is_upper


class Roles(SavesPatterns):
    """Relabels as PER a short capitalised name that follows a role word in its clause."""

    def __init__(self, nlp: Language, name: str, patterns: str | None) -> None:
        self._begin(nlp, name)
        self.roles: set[str] = set()
        self._read(patterns)

    def add_patterns(self, patterns: Iterable[dict[str, Any]]) -> None:
        mine = [p for p in patterns if p.get("lang") in (None, self.lang)]
        self.patterns.extend(mine)
        self.roles.update(p["role"].lower() for p in mine)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[tuple[int, int]]:
        found = []
        n = len(doc)
        for i, token in enumerate(doc):
            if token.lower_ not in self.roles or token.text[0].isupper() and i > 0:
                continue
            j = i + 1
            # lowercase words (and one comma just before the name) up to the name
            while j < n and j - i <= _REACH and doc[j].is_lower and doc[j].is_alpha:
                j += 1
            if j < n and doc[j].text == ",":
                j += 1
            if j >= n or not _capitalised_not_shouted(doc, j) or doc[j - 1].lower_ in _BLOCKERS:
                continue
            if doc[j].text in _ARTICLES:  # "The Independent" is a title
                continue
            end = j
            while end < n and end - j < 3 and _capitalised_not_shouted(doc, end):
                end += 1
            if 2 <= end - j <= 3 and (end == n or not _capitalised_not_shouted(doc, end)):
                if end < n and doc[end].text in _ROMAN:  # "Vittorio Emanuele III"
                    end += 1
                found.append((j, end))
        return found

    def set_annotations(self, doc: Doc, matches: list[tuple[int, int]]) -> None:
        merge(doc, [Candidate(Span(doc, s, e, label="PER"), "rule") for s, e in matches], OVERRIDE)

    def clear_patterns(self) -> None:
        self.patterns, self.roles = [], set()


@Language.factory("briefing_roles", default_config={"patterns": "roles.jsonl"})
def make_roles(nlp: Language, name: str, patterns: str | None) -> Roles:
    """A two- or three-word capitalised name right after a role is a person."""
    return Roles(nlp, name, patterns)
