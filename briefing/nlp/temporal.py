"""The DATE/TIME rule component: briefing.dates finds the expressions, resolved to ISO values.

The article's publication date is the anchor for relative expressions ("mercoledì", "last
Tuesday"); callers put it in doc.user_data[ANCHOR_KEY] (see nlp.pipeline.make_doc).
Extra patterns (JSONL, {"label": "DATE", "regex": "..."}) catch what briefing.dates leaves out;
their value is resolved by briefing.dates too when it can.
Imports spaCy at module level: only nlp.pipeline imports this module, and only when loading.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from briefing import dates
from briefing.nlp.regex_rules import PATTERNS_DIR, PATTERNS_FILE, read_jsonl, write_jsonl
from briefing.nlp.spans import MODES, Found, ensure_extensions, merge, to_spans

ANCHOR_KEY = "briefing_anchor"

# Words a model sometimes takes for a name at the start of a sentence ("Ieri", "Mercoledì"),
# but which are never names: a date span may replace a model's span of exactly these.
_NEVER_NAMES = frozenset(
    {"lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"}
    | {"lunedi", "martedi", "mercoledi", "giovedi", "venerdi"}
    | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    | {"ieri", "oggi", "domani", "stamane", "stamani", "stamattina", "stasera", "stanotte"}
    | {"altroieri", "dopodomani", "yesterday", "today", "tomorrow", "tonight"}
)


def doc_anchor(doc: Doc) -> dt.date | None:
    """The date relative expressions in this Doc are resolved against."""
    anchor = doc.user_data.get(ANCHOR_KEY)
    if isinstance(anchor, str):
        return dates.parse_anchor(anchor)
    return anchor


class TemporalEntities:
    """DATE and TIME spans with their ISO value in span._.value."""

    def __init__(self, nlp: Language, name: str, mode: str, patterns: str | None) -> None:
        if mode not in MODES:
            raise ValueError(f"{name}: mode must be one of {MODES}, not {mode!r}")
        ensure_extensions()
        self.name = name
        self.lang = nlp.lang
        self.mode = mode
        self.patterns: list[dict[str, Any]] = []
        self._compiled: list[tuple[re.Pattern[str], str]] = []
        if patterns and (PATTERNS_DIR / patterns).exists():
            self.add_patterns(read_jsonl(PATTERNS_DIR / patterns))

    def add_patterns(self, patterns: Iterable[dict[str, Any]]) -> None:
        self.patterns.extend(patterns)
        self._compiled = [
            (re.compile(p["regex"], re.IGNORECASE if p.get("ignore_case") else 0), p["label"])
            for p in self.patterns
            if p.get("lang") in (None, self.lang)
        ]

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Found]:
        anchor = doc_anchor(doc)
        text = doc.text  # built from the tokens on every access: read it once
        found = [
            Found(m.start, m.end, m.label, m.iso, m.text.lower() in _NEVER_NAMES)
            for m in dates.find_temporal(text, self.lang, anchor)
        ]
        for regex, label in self._compiled:
            for m in regex.finditer(text):
                value = dates.resolve(m.group(), self.lang, anchor)
                found.append(Found(m.start(), m.end(), label, value))
        return found

    def set_annotations(self, doc: Doc, found: list[Found]) -> None:
        merge(doc, to_spans(doc, found, "rule"), self.mode)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        write_jsonl(path / PATTERNS_FILE, self.patterns)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> TemporalEntities:
        self.patterns = []
        self.add_patterns(read_jsonl(Path(path) / PATTERNS_FILE))
        return self


@Language.factory(
    "briefing_dates",
    default_config={"mode": "numeric", "patterns": None},
)
def make_dates(nlp: Language, name: str, mode: str, patterns: str | None) -> TemporalEntities:
    """DATE and TIME in Italian and English, valued against the article's date."""
    return TemporalEntities(nlp, name, mode, patterns)
