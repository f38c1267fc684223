"""Dates and times in Italian and English text, normalised to ISO against an article's date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from briefing.dates import handlers, rules
from briefing.dates.lexicon import MONTHS, NUMBER_WORDS, UNITS, WEEKDAYS
from briefing.dates.reckoning import Context

# The lexicons are part of the public face: the NLP components read them too.
__all__ = [
    "MONTHS",
    "NUMBER_WORDS",
    "UNITS",
    "WEEKDAYS",
    "TemporalMatch",
    "find_temporal",
    "parse_anchor",
    "resolve",
]


@dataclass
class TemporalMatch:
    """A date or time expression: character offsets into the text (end exclusive)."""

    start: int
    end: int
    label: str  # "DATE" or "TIME"
    text: str
    iso: str | None  # "2025-12-18", "2025-12-20/2025-12-21", "15:30", "2025-12", "2025"
    relative: bool


def find_temporal(text: str, lang: str, anchor: dt.date | None) -> list[TemporalMatch]:
    """All date and time expressions in `text`, longest first where they overlap, in order."""
    ctx = Context(text, anchor, (lang or "").lower()[:2])
    found: list[tuple[int, int, str, str | None, bool]] = []
    for pattern, handler in rules.rules_for(ctx.lang):
        for m in pattern.finditer(text):
            if not rules.plausible(m, handler):
                continue
            result = handler(m, ctx)
            if result is None:
                continue
            if handler is handlers.year:  # the preposition only told us the number is a year
                start, end = m.start("year"), m.end("year")
            else:
                start, end = rules.strip_article(text, m.start(), m.end())
            found.append((start, end, *result))
    # Longest wins; an equal-length tie goes to the earlier rule (the list is ordered).
    chosen: list[tuple[int, int, str, str | None, bool]] = []
    taken: list[tuple[int, int]] = []
    for item in sorted(found, key=lambda f: -(f[1] - f[0])):
        if any(item[0] < e and s < item[1] for s, e in taken):
            continue
        taken.append((item[0], item[1]))
        chosen.append(item)
    chosen.sort()
    return [TemporalMatch(s, e, label, text[s:e], iso, rel) for s, e, label, iso, rel in chosen]


def resolve(expression: str, lang: str, anchor: dt.date | None) -> str | None:
    """The ISO value of one date/time expression, or None when it cannot be placed."""
    matches = find_temporal(expression, lang, anchor)
    if not matches:
        return None
    return max(matches, key=lambda m: m.end - m.start).iso


def parse_anchor(published: str | None) -> dt.date | None:
    """The article's date from an ISO `published` string ("2025-12-18" or a full datetime)."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
