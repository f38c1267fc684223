"""Calendar arithmetic and tense: where a relative expression lands, given the article's date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from briefing.dates.lexicon import MONTHS, NUMBER_WORDS, WEEKDAYS

# Words near a bare weekday or "the weekend" that point to the future.
FUTURE = re.compile(
    r"\b(will|'ll|shall|is due|are due|expected|scheduled|plans? to|set to|"
    r"dovrebbe(ro)?|previst[oaie]|attes[oaie]|prossim[oaie]|\w+(rà|ranno|remo|rete))\b",
    re.I,
)


@dataclass
class Context:
    """What a handler may look at besides its match: the whole text and the article's date."""

    text: str
    anchor: dt.date | None
    lang: str


Handler = Callable[[re.Match, Context], tuple[str, str | None, bool] | None]


def group(m: re.Match, name: str) -> str | None:
    return m.groupdict().get(name)


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def weekday_number(word: str) -> int:
    word = word.lower()
    if word.endswith("'"):
        word = word[:-1] + "ì"
    return WEEKDAYS[word]


def number_value(word: str) -> int | None:
    word = " ".join(word.lower().split())
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def closest_year(anchor: dt.date | None, month: int, day: int) -> dt.date | None:
    """A day and month without a year: the year that puts it nearest the article's date."""
    if anchor is None:
        return None
    candidates = [make_date(anchor.year + k, month, day) for k in (-1, 0, 1)]
    candidates = [c for c in candidates if c is not None]
    return min(candidates, key=lambda c: abs((c - anchor).days)) if candidates else None


def closest_month(anchor: dt.date, month: int) -> str:
    best = min(
        (anchor.year + k for k in (-1, 0, 1)),
        key=lambda y: abs((y * 12 + month) - (anchor.year * 12 + anchor.month)),
    )
    return f"{best:04d}-{month:02d}"


def span(a: dt.date, b: dt.date) -> str:
    return f"{a.isoformat()}/{b.isoformat()}"


def shift_month(anchor: dt.date, months: int) -> str:
    total = anchor.year * 12 + anchor.month - 1 + months
    return f"{total // 12:04d}-{total % 12 + 1:02d}"


_CLAUSE_END = re.compile(r"[.!?;\n]|\b(?:che|that|ma|but)\b", re.I)
PAST = re.compile(
    r"\b(?:ha|hanno|aveva|avevano|è|sono|era|erano|was|were|had|did|said|met|held|told)\b", re.I
)


def clause_around(ctx: Context, start: int, end: int) -> str:
    """The clause holding a match: its tense is the tense of the date."""
    left = max(
        (m.end() for m in _CLAUSE_END.finditer(ctx.text, max(0, start - 200), start)), default=0
    )
    right_match = _CLAUSE_END.search(ctx.text, end)
    right = right_match.start() if right_match else len(ctx.text)
    return ctx.text[left:right]


def in_future(ctx: Context, m: re.Match) -> bool:
    clause = clause_around(ctx, m.start(), m.end())
    return bool(FUTURE.search(clause)) and not PAST.search(clause)


def weekday_date(anchor: dt.date, weekday: int, direction: str) -> dt.date:
    """direction: "past" (on or before), "last" (strictly before), "next" (strictly after),
    "coming" (on or after), "this" (in the same Monday-based week)."""
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if direction == "past":
        return anchor - dt.timedelta(days=back)
    if direction == "last":
        return anchor - dt.timedelta(days=back or 7)
    if direction == "next":
        return anchor + dt.timedelta(days=ahead or 7)
    if direction == "coming":
        return anchor + dt.timedelta(days=ahead)
    return anchor + dt.timedelta(days=weekday - anchor.weekday())


def weekend(anchor: dt.date, which: str) -> str:
    # "this": the Saturday-Sunday of the current week (a Sunday belongs to the weekend it ends).
    saturday = anchor + dt.timedelta(days=5 - anchor.weekday())
    if which == "last":
        saturday -= dt.timedelta(days=7)
    elif which == "next":
        saturday += dt.timedelta(days=7)
    return span(saturday, saturday + dt.timedelta(days=1))


def week(anchor: dt.date, offset: int) -> str:
    monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=offset)
    return span(monday, monday + dt.timedelta(days=6))


def direction(word: str | None) -> str | None:
    if not word:
        return None
    word = word.lower()
    if word in {"last", "past", "scorso", "scorsa", "passato", "passata", "previous", "scorsi"}:
        return "last"
    if word in {"next", "prossimo", "prossima", "coming", "following", "successivo"}:
        return "next"
    if word in {"this", "questo", "questa", "quest'", "sto", "sta"}:
        return "this"
    return None
