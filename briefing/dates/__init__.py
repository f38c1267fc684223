"""Dates and times in Italian and English text, normalised to ISO against an article's date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from briefing.dates import handlers, rules
from briefing.dates.lexicon import MONTHS, NUMBER_WORDS, UNITS, WEEKDAYS
from briefing.dates.reckoning import Context

_SPACE = re.compile(r"\s")

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
    return find_in_windows(text, lang, anchor, windows(text))


def windows(text: str) -> list[tuple[int, int]]:
    """The stretches of `text` a date expression can be in: around digits and date words.

    Most of an article is neither; running the ~20 rules only here is what makes the dates
    cheap. A window ends on whitespace, so a rule's end test sees the real next character.
    """
    spans: list[list[int]] = []
    for m in rules.TRIGGER.finditer(text):
        start, end = max(0, m.start() - rules.REACH), m.end() + rules.REACH
        if spans and start <= spans[-1][1]:
            spans[-1][1] = end
        else:
            spans.append([start, end])
    found = []
    for start, end in spans:
        space = _SPACE.search(text, end) if end < len(text) else None
        found.append((start, space.start() if space else len(text)))
    return found


def find_in_windows(
    text: str, lang: str, anchor: dt.date | None, spans: list[tuple[int, int]]
) -> list[TemporalMatch]:
    """find_temporal over the given stretches of `text` only (offsets stay the text's)."""
    ctx = Context(text, anchor, (lang or "").lower()[:2])
    found: list[tuple[int, int, str, str | None, bool]] = []
    for pattern, handler in rules.rules_for(ctx.lang):
        for window_start, window_end in spans:
            for m in pattern.finditer(text, window_start, window_end):
                if not rules.plausible(m, handler):
                    continue
                try:
                    result = handler(m, ctx)
                except OverflowError:
                    # reckoning from an anchor at the calendar's edge (0001-01-01, 9999-12-31)
                    # leaves it: the expression is still a date, one that cannot be placed
                    result = ("DATE", None, True)
                if result is None:
                    continue
                if handler is handlers.year:  # the preposition only said the number is a year
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
    if not published or not isinstance(published, str):  # JSON input can hold a number
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
