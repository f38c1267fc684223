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

from spacy.language import Language
from spacy.tokens import Doc

from briefing import dates
from briefing.nlp.rules.shared.regex_rules import PatternComponent
from briefing.nlp.spans import TEMPORAL_KEY, Found, doc_text

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


class TemporalEntities(PatternComponent):
    """DATE and TIME spans with their ISO value in span._.value."""

    patterns_optional = True

    def _compile(self) -> None:
        self._compiled = [
            (re.compile(p["regex"], re.IGNORECASE if p.get("ignore_case") else 0), p["label"])
            for p in self.patterns
            if p.get("lang") in (None, self.lang)
        ]

    def match(self, doc: Doc) -> list[Found]:
        anchor = doc_anchor(doc)
        text = doc_text(doc)
        matches = dates.find_temporal(text, self.lang, anchor)
        # Fact extraction needs the same expressions; finding them is most of this component.
        doc.user_data[TEMPORAL_KEY] = (self.lang, anchor, matches)
        found = [
            Found(m.start, m.end, m.label, m.iso, m.text.lower() in _NEVER_NAMES) for m in matches
        ]
        for regex, label in self._compiled:
            for m in regex.finditer(text):
                value = dates.resolve(m.group(), self.lang, anchor)
                found.append(Found(m.start(), m.end(), label, value))
        return found


@Language.factory(
    "briefing_dates",
    default_config={"mode": "numeric", "patterns": None},
)
def make_dates(nlp: Language, name: str, mode: str, patterns: str | None) -> TemporalEntities:
    """DATE and TIME in Italian and English, valued against the article's date."""
    return TemporalEntities(nlp, name, mode, patterns)
