"""Rule components over the raw text: amounts (MONEY, PERCENT, QUANTITY), handles and URLs.

Patterns are regular expressions kept as JSONL in nlp/rules/*/patterns/ (one object a line):
  {"define": "NUM", "regex": "..."}                 a piece other patterns use as {NUM}
  {"label": "MONEY", "regex": "...", "value": "money", "ignore_case": true, "lang": "it",
   "trim": ".,;"}                                   a pattern; value names a parser in amounts
Imports spaCy at module level: only nlp.pipeline imports this module, and only when loading.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Self

from spacy.language import Language
from spacy.tokens import Doc

from briefing.nlp.rules.shared.amounts import VALUE_PARSERS
from briefing.nlp.spans import MODES, Found, doc_text, ensure_extensions, merge, to_spans

# Each rules folder keeps its patterns beside it; a file name is looked up in all three.
_RULES_DIR = Path(__file__).parent.parent
PATTERNS_DIRS = tuple(_RULES_DIR / folder / "patterns" for folder in ("shared", "it", "en"))
PATTERNS_FILE = "patterns.jsonl"


def pattern_path(name: str) -> Path:
    """The bundled patterns file `name`, in whichever rules folder keeps it."""
    for folder in PATTERNS_DIRS:
        if (folder / name).exists():
            return folder / name
    return PATTERNS_DIRS[0] / name  # where a new shared file is written


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """One JSON object a line; blank lines are skipped."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@functools.cache
def listed_places(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """(every place name, the countries among them) of the bundled gazetteer and towns lists.

    Several components need the same ~50,000 rows; read and parse them once a process.
    """
    rows = [
        row
        for file_name in ("gazetteer.jsonl", "towns.jsonl")
        for row in read_jsonl(pattern_path(file_name))
        if row.get("lang") in (None, lang) and row.get("label") == "LOC"
    ]
    countries = frozenset(row["pattern"] for row in rows if row.get("kind") == "country")
    return frozenset(row["pattern"] for row in rows), countries


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


class SavesPatterns:
    """to_disk/from_disk for a component whose state is its JSONL patterns: saved as they
    were given, loaded back through add_patterns once clear_patterns has forgotten the old."""

    patterns: list[dict[str, Any]]

    def _begin(self, nlp: Language, name: str) -> None:
        """What such a component's __init__ starts with (its own state comes after)."""
        ensure_extensions()
        self.nlp = nlp
        self.name = name
        self.lang = nlp.lang
        self.patterns = []

    def _read(self, patterns: str | None) -> None:
        """Add the patterns of a file in nlp/rules/*/patterns/, when one is named."""
        if patterns:
            self.add_patterns(read_jsonl(pattern_path(patterns)))

    def clear_patterns(self) -> None:
        self.patterns = []

    def add_patterns(self, patterns: Iterable[dict[str, Any]]) -> None:
        raise NotImplementedError

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        write_jsonl(path / PATTERNS_FILE, self.patterns)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> Self:
        self.clear_patterns()
        self.add_patterns(read_jsonl(Path(path) / PATTERNS_FILE))
        return self


class PatternComponent(SavesPatterns):
    """The shape every rule component here shares: JSONL patterns, match, merge into doc.ents.

    Subclasses compile `self.patterns` in `_compile` and find spans in `match`.
    """

    # A patterns file that is missing is an error, unless the component works without one.
    patterns_optional = False

    def __init__(self, nlp: Language, name: str, mode: str, patterns: str | None) -> None:
        if mode not in MODES:
            raise ValueError(f"{name}: mode must be one of {MODES}, not {mode!r}")
        ensure_extensions()
        self.name = name
        self.lang = nlp.lang
        self.mode = mode
        self.patterns: list[dict[str, Any]] = []
        self._compiled: list[tuple[re.Pattern[str], Any]] = []
        if patterns and not (self.patterns_optional and not pattern_path(patterns).exists()):
            self.add_patterns(read_jsonl(pattern_path(patterns)))

    def add_patterns(self, patterns: Iterable[dict[str, Any]]) -> None:
        """Add pattern objects and recompile."""
        self.patterns.extend(patterns)
        self._compile()

    def _compile(self) -> None:
        raise NotImplementedError

    def match(self, doc: Doc) -> list[Found]:
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def set_annotations(self, doc: Doc, found: list[Found]) -> None:
        merge(doc, to_spans(doc, found, "rule"), self.mode)


class RegexEntities(PatternComponent):
    """Finds entities with regular expressions over doc.text and merges them into doc.ents."""

    def _compile(self) -> None:
        defined: dict[str, str] = {}
        compiled = []
        for row in self.patterns:
            regex = row["regex"]
            for key, piece in defined.items():
                regex = regex.replace("{" + key + "}", piece)
            if "define" in row:
                defined[row["define"]] = regex
                continue
            if row.get("lang") not in (None, self.lang) and self.lang != "xx":
                continue
            flags = re.IGNORECASE if row.get("ignore_case") else 0
            compiled.append((re.compile(regex, flags), row))
        self._compiled = compiled

    def match(self, doc: Doc) -> list[Found]:
        text = doc_text(doc)
        found = []
        for regex, row in self._compiled:
            parse = VALUE_PARSERS.get(row.get("value", ""))
            trim = row.get("trim", "")
            for m in regex.finditer(text):
                start, end = m.span()
                while trim and end > start and text[end - 1] in trim:
                    end -= 1
                if end <= start:
                    continue
                value = parse(text[start:end], self.lang) if parse else None
                found.append(Found(start, end, row["label"], value))
        return found


@Language.factory(
    "briefing_numbers",
    default_config={"mode": "numeric", "patterns": "numbers.jsonl"},
)
def make_numbers(nlp: Language, name: str, mode: str, patterns: str | None) -> RegexEntities:
    """MONEY, PERCENT and QUANTITY with normalised values."""
    return RegexEntities(nlp, name, mode, patterns)


@Language.factory(
    "briefing_social",
    default_config={"mode": "override", "patterns": "social.jsonl"},
)
def make_social(nlp: Language, name: str, mode: str, patterns: str | None) -> RegexEntities:
    """Social handles (HANDLE), web addresses (URL) and sites named by their domain (ORG).

    News names a site by its bare domain ("il sito meteo.it"), and Italian annotation (KIND
    train: 12 of 12) tags it an organisation; the rule wins over the model's guess.
    """
    return RegexEntities(nlp, name, mode, patterns)
