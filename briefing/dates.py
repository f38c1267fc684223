"""Dates and times in Italian and English text, normalised to ISO against an article's date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

# --- lexicons -------------------------------------------------------------------------------

MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    [
        "gennaio gen january jan",
        "febbraio feb february",
        "marzo mar march",
        "aprile apr april",
        "maggio mag may",
        "giugno giu june jun",
        "luglio lug july jul",
        "agosto ago august aug",
        "settembre set sett september sep sept",
        "ottobre ott october oct",
        "novembre nov november",
        "dicembre dic december dec",
    ],
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _i

# Monday is 0, as in date.weekday(); Italian names with and without the accent.
WEEKDAYS: dict[str, int] = {}
for _i, _names in enumerate(
    [
        "lunedì lunedi monday mon",
        "martedì martedi tuesday tue tues",
        "mercoledì mercoledi wednesday wed",
        "giovedì giovedi thursday thu thur thurs",
        "venerdì venerdi friday fri",
        "sabato saturday sat",
        "domenica sunday sun",
    ]
):
    for _name in _names.split():
        WEEKDAYS[_name] = _i

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30, "a couple of": 2,
    "un": 1, "uno": 1, "una": 1, "un'": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5,
    "sei": 6, "sette": 7, "otto": 8, "nove": 9, "dieci": 10, "undici": 11, "dodici": 12,
    "quindici": 15, "venti": 20, "trenta": 30, "quaranta": 40, "cinquanta": 50, "sessanta": 60,
    "settanta": 70, "ottanta": 80, "novanta": 90, "cento": 100, "un paio di": 2,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "a hundred": 100,
}  # fmt: skip

UNITS = {
    "day": "day", "days": "day", "giorno": "day", "giorni": "day",
    "week": "week", "weeks": "week", "settimana": "week", "settimane": "week",
    "month": "month", "months": "month", "mese": "month", "mesi": "month",
    "year": "year", "years": "year", "anno": "year", "anni": "year",
}  # fmt: skip

# English month names that are also ordinary words: only taken when capitalised.
_AMBIGUOUS_EN = {"may", "mar", "march", "jan", "sat", "sun", "wed", "mon", "dec", "aug", "sept"}

# Words near a bare weekday or "the weekend" that point to the future.
_FUTURE = re.compile(
    r"\b(will|'ll|shall|is due|are due|expected|scheduled|plans? to|set to|"
    r"dovrebbe(ro)?|previst[oaie]|attes[oaie]|prossim[oaie]|\w+(rà|ranno|remo|rete))\b",
    re.I,
)


def _alt(words) -> str:
    # Longest first so "dicembre" wins over "dic", and dots in abbreviations are optional.
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# Only abbreviations take a dot, so a full month name never swallows the full stop after it.
_ABBREVIATIONS = {w for w in MONTHS if len(w) <= 4} - {"may", "june", "july"}
_MONTH_FULL = _alt(w for w in MONTHS if w not in _ABBREVIATIONS)
_MONTH_ABBR = _alt(_ABBREVIATIONS)
_MONTH = rf"(?P<month>{_MONTH_FULL}|(?:{_MONTH_ABBR})\.?)"
# Bare weekdays only by their full names: "Sun", "Wed" and "mar" are too often other words.
_FULL_WEEKDAYS = [w for w in WEEKDAYS if len(w) > 5 or w in {"monday", "friday", "sabato"}]
_WD = rf"(?P<wd>lunedi'|martedi'|mercoledi'|giovedi'|venerdi'|{_alt(_FULL_WEEKDAYS)})"
_WD2 = rf"(?P<wd2>{_alt(_FULL_WEEKDAYS)})"
_NUM = rf"(?P<n>\d{{1,3}}|{_alt(NUMBER_WORDS)})"
_UNIT = rf"(?P<unit>{_alt(UNITS)})"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|°|º)?"
_DAY2 = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th|°|º)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_WEEKDAY_PREFIX = rf"(?:(?:{_alt(WEEKDAYS)}),?\s+)?"


@dataclass
class TemporalMatch:
    """A date or time expression: character offsets into the text (end exclusive)."""

    start: int
    end: int
    label: str  # "DATE" or "TIME"
    text: str
    iso: str | None  # "2025-12-18", "2025-12-20/2025-12-21", "15:30", "2025-12", "2025"
    relative: bool


@dataclass
class _Context:
    text: str
    anchor: dt.date | None
    lang: str


Handler = Callable[[re.Match, _Context], tuple[str, str | None, bool] | None]


# --- helpers ---------------------------------------------------------------------------------


def _g(m: re.Match, name: str) -> str | None:
    return m.groupdict().get(name)


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _weekday(word: str) -> int:
    word = word.lower()
    if word.endswith("'"):
        word = word[:-1] + "ì"
    return WEEKDAYS[word]


def _number(word: str) -> int | None:
    word = " ".join(word.lower().split())
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _closest_year(anchor: dt.date | None, month: int, day: int) -> dt.date | None:
    """A day and month without a year: the year that puts it nearest the article's date."""
    if anchor is None:
        return None
    candidates = [_date(anchor.year + k, month, day) for k in (-1, 0, 1)]
    candidates = [c for c in candidates if c is not None]
    return min(candidates, key=lambda c: abs((c - anchor).days)) if candidates else None


def _closest_month(anchor: dt.date, month: int) -> str:
    best = min(
        (anchor.year + k for k in (-1, 0, 1)),
        key=lambda y: abs((y * 12 + month) - (anchor.year * 12 + anchor.month)),
    )
    return f"{best:04d}-{month:02d}"


def _span(a: dt.date, b: dt.date) -> str:
    return f"{a.isoformat()}/{b.isoformat()}"


def _shift_month(anchor: dt.date, months: int) -> str:
    total = anchor.year * 12 + anchor.month - 1 + months
    return f"{total // 12:04d}-{total % 12 + 1:02d}"


_CLAUSE_END = re.compile(r"[.!?;\n]|\b(?:che|that|ma|but)\b", re.I)
_PAST = re.compile(
    r"\b(?:ha|hanno|aveva|avevano|è|sono|era|erano|was|were|had|did|said|met|held|told)\b", re.I
)


def _clause(ctx: _Context, start: int, end: int) -> str:
    """The clause holding a match: its tense is the tense of the date."""
    left = max(
        (m.end() for m in _CLAUSE_END.finditer(ctx.text, max(0, start - 200), start)), default=0
    )
    right_match = _CLAUSE_END.search(ctx.text, end)
    right = right_match.start() if right_match else len(ctx.text)
    return ctx.text[left:right]


def _future(ctx: _Context, m: re.Match) -> bool:
    clause = _clause(ctx, m.start(), m.end())
    return bool(_FUTURE.search(clause)) and not _PAST.search(clause)


def _weekday_date(anchor: dt.date, weekday: int, direction: str) -> dt.date:
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


def _weekend(anchor: dt.date, which: str) -> str:
    # "this": the Saturday-Sunday of the current week (a Sunday belongs to the weekend it ends).
    saturday = anchor + dt.timedelta(days=5 - anchor.weekday())
    if which == "last":
        saturday -= dt.timedelta(days=7)
    elif which == "next":
        saturday += dt.timedelta(days=7)
    return _span(saturday, saturday + dt.timedelta(days=1))


def _week(anchor: dt.date, offset: int) -> str:
    monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=offset)
    return _span(monday, monday + dt.timedelta(days=6))


def _direction(word: str | None) -> str | None:
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


# --- handlers: each returns (label, iso, relative) or None to reject the match ---------------


def _h_iso(m: re.Match, ctx: _Context):
    d = _date(int(m["year"]), int(m["m"]), int(m["day"]))
    if d is None:
        return None
    if m["time"]:
        return "DATE", f"{d.isoformat()}T{m['time']}", False
    return "DATE", d.isoformat(), False


def _h_numeric(m: re.Match, ctx: _Context):
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    if year < 100:
        year += 2000
    # Italian writes day/month; English may be either, so month/day when day/month is impossible.
    d = _date(year, b, a) or (_date(year, a, b) if ctx.lang == "en" else None)
    return ("DATE", d.isoformat(), False) if d else None


def _h_day_month(m: re.Match, ctx: _Context):
    month, day = _month(m["month"]), int(m["day"])
    if m["year"]:
        d = _date(int(m["year"]), month, day)
        relative = False
    else:
        if _date(2000, month, day) is None:  # leap-safe validity check
            return None
        d = _closest_year(ctx.anchor, month, day)
        relative = True
    return "DATE", d.isoformat() if d else None, relative


def _h_day_month_range(m: re.Match, ctx: _Context):
    month = _month(m["month"])
    d1, d2 = int(m["day"]), int(m["day2"])
    if d1 >= d2:
        return None
    year = int(m["year"]) if m["year"] else None
    if year is None:
        first = _closest_year(ctx.anchor, month, d1)
        year = first.year if first else None
    if year is None:
        return "DATE", None, True
    a, b = _date(year, month, d1), _date(year, month, d2)
    if a is None or b is None:
        return None
    return "DATE", _span(a, b), m["year"] is None


def _h_month_year(m: re.Match, ctx: _Context):
    return "DATE", f"{int(m['year']):04d}-{_month(m['month']):02d}", False


def _h_month_alone(m: re.Match, ctx: _Context):
    month = _month(m["month"])
    way = _direction(_g(m, "dir")) or _direction(_g(m, "dir2"))
    if ctx.anchor is None:
        return "DATE", None, True
    if way == "last":
        year = ctx.anchor.year if month < ctx.anchor.month else ctx.anchor.year - 1
        return "DATE", f"{year:04d}-{month:02d}", True
    if way == "next":
        year = ctx.anchor.year if month > ctx.anchor.month else ctx.anchor.year + 1
        return "DATE", f"{year:04d}-{month:02d}", True
    # "ha dichiarato a luglio" in February is last July; "will meet in July" is the coming one.
    clause = _clause(ctx, m.start(), m.end())
    if _FUTURE.search(clause) and not _PAST.search(clause):
        year = ctx.anchor.year if month >= ctx.anchor.month else ctx.anchor.year + 1
        return "DATE", f"{year:04d}-{month:02d}", True
    if _PAST.search(clause):
        year = ctx.anchor.year if month <= ctx.anchor.month else ctx.anchor.year - 1
        return "DATE", f"{year:04d}-{month:02d}", True
    return "DATE", _closest_month(ctx.anchor, month), True


def _h_year(m: re.Match, ctx: _Context):
    return "DATE", m["year"], False


def _h_weekday(m: re.Match, ctx: _Context):
    if ctx.anchor is None:
        return "DATE", None, True
    weekday = _weekday(m["wd"])
    way = _direction(_g(m, "dir")) or _direction(_g(m, "dir2"))
    if way == "last":
        d = _weekday_date(ctx.anchor, weekday, "last")
    elif way == "next":
        d = _weekday_date(ctx.anchor, weekday, "next")
    elif way == "this":
        d = _weekday_date(ctx.anchor, weekday, "this")
    elif _future(ctx, m):
        d = _weekday_date(ctx.anchor, weekday, "coming")
    else:
        # News reports what happened: a bare weekday is the most recent such day.
        d = _weekday_date(ctx.anchor, weekday, "past")
    return "DATE", d.isoformat(), True


def _h_weekday_pair(m: re.Match, ctx: _Context):
    if ctx.anchor is None:
        return "DATE", None, True
    a, b = _weekday(m["wd"]), _weekday(m["wd2"])
    if (b - a) % 7 != 1:
        return None
    second = _weekday_date(ctx.anchor, b, "coming" if _future(ctx, m) else "past")
    return "DATE", _span(second - dt.timedelta(days=1), second), True


def _h_weekend(m: re.Match, ctx: _Context):
    if ctx.anchor is None:
        return "DATE", None, True
    way = _direction(_g(m, "dir")) or _direction(_g(m, "dir2"))
    if way is None:
        # "nel fine settimana" / "over the weekend": the coming one unless the clause is in the
        # past and the article is from early in the week.
        if not _future(ctx, m) and ctx.anchor.weekday() <= 1:
            way = "last"
        else:
            way = "this"
    return "DATE", _weekend(ctx.anchor, way), True


def _h_period(m: re.Match, ctx: _Context):
    """this/last/next week, month, year in both languages."""
    if ctx.anchor is None:
        return "DATE", None, True
    way = _direction(_g(m, "dir")) or _direction(_g(m, "dir2")) or "this"
    offset = {"last": -1, "this": 0, "next": 1}[way]
    unit = UNITS[m["unit"].lower()]
    if unit == "week":
        return "DATE", _week(ctx.anchor, offset), True
    if unit == "month":
        return "DATE", _shift_month(ctx.anchor, offset), True
    if unit == "year":
        return "DATE", f"{ctx.anchor.year + offset:04d}", True
    return None


def _h_ago(m: re.Match, ctx: _Context, sign: int = -1):
    n = _number(m["n"])
    if n is None:
        return None
    if ctx.anchor is None:
        return "DATE", None, True
    unit = UNITS[m["unit"].lower()]
    if unit == "day":
        return "DATE", (ctx.anchor + dt.timedelta(days=sign * n)).isoformat(), True
    if unit == "week":
        return "DATE", (ctx.anchor + dt.timedelta(weeks=sign * n)).isoformat(), True
    if unit == "month":
        return "DATE", _shift_month(ctx.anchor, sign * n), True
    return "DATE", f"{ctx.anchor.year + sign * n:04d}", True


def _h_in(m: re.Match, ctx: _Context):
    return _h_ago(m, ctx, sign=1)


_DAY_WORDS = {
    "oggi": 0, "today": 0, "stamattina": 0, "stamane": 0, "stasera": 0, "stanotte": 0,
    "stamani": 0, "this morning": 0, "this afternoon": 0, "this evening": 0, "tonight": 0,
    "oggi pomeriggio": 0, "questa mattina": 0, "questa sera": 0, "questo pomeriggio": 0,
    "ieri": -1, "yesterday": -1, "ieri sera": -1, "ieri mattina": -1, "ieri pomeriggio": -1,
    "last night": -1, "yesterday morning": -1, "yesterday afternoon": -1, "yesterday evening": -1,
    "domani": 1, "tomorrow": 1, "domani mattina": 1, "domani sera": 1, "tomorrow morning": 1,
    "l'altro ieri": -2, "l'altroieri": -2, "altroieri": -2, "the day before yesterday": -2,
    "dopodomani": 2, "the day after tomorrow": 2,
}  # fmt: skip


def _h_day_word(m: re.Match, ctx: _Context):
    offset = _DAY_WORDS[" ".join(m[0].lower().replace("’", "'").split())]
    if ctx.anchor is None:
        return "DATE", None, True
    return "DATE", (ctx.anchor + dt.timedelta(days=offset)).isoformat(), True


def _h_vague(m: re.Match, ctx: _Context):
    return "DATE", None, True


def _hhmm(hour: int, minute: int) -> str | None:
    if 0 <= hour <= 24 and 0 <= minute <= 59:
        return f"{hour % 24:02d}:{minute:02d}"
    return None


def _h_clock(m: re.Match, ctx: _Context):
    iso = _hhmm(int(m["h"]), int(m["mi"] or 0))
    return ("TIME", iso, False) if iso else None


def _h_ampm(m: re.Match, ctx: _Context):
    hour = int(m["h"])
    if not 1 <= hour <= 12:
        return None
    pm = m["ap"].lower().startswith("p")
    hour = hour % 12 + (12 if pm else 0)
    return "TIME", _hhmm(hour, int(m["mi"] or 0)), False


_AFTER_HOUR = re.compile(
    r"\s*(?:$|[^\w\s]|(?:e|ed|di|del|in|circa|ora|ore|locali|italiane|precise|in\s+punto|"
    r"della|dello|quando|per|a|al|con|un|una|uno|il|lo|la|i|gli|le|\d)\b)",
    re.I,
)


def _h_hour_it(m: re.Match, ctx: _Context):
    # "alle 15" is an hour, "alle 15 regioni" is not: look at what follows.
    if not m["mi"] and not m["part"] and not _AFTER_HOUR.match(ctx.text, m.end()):
        return None
    hour = int(m["h"])
    # "le 7 di sera" / "le 8 del pomeriggio" move a 12-hour figure to the afternoon.
    if m["part"] and hour < 12 and m["part"].lower() in {"sera", "pomeriggio", "notte"}:
        hour += 12 if m["part"].lower() != "notte" or hour >= 8 else 0
    iso = _hhmm(hour, int(m["mi"] or 0))
    return ("TIME", iso, False) if iso else None


def _h_noon(m: re.Match, ctx: _Context):
    word = m[0].lower()
    return "TIME", "00:00" if "mezzanotte" in word or "midnight" in word else "12:00", False


# --- rules -----------------------------------------------------------------------------------

_B = r"(?<![\w@#/-])"  # start boundary: not inside a word, handle, path or number
_E = r"(?![\w-])"


def _rule(pattern: str, handler: Handler, flags: int = re.I) -> tuple[re.Pattern, Handler]:
    return re.compile(_B + pattern + _E, flags), handler


_SHARED = [
    _rule(
        r"(?P<year>\d{4})-(?P<m>\d{2})-(?P<day>\d{2})(?:T(?P<time>\d{2}:\d{2})(?::\d{2})?)?", _h_iso
    ),
    _rule(r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4}|\d{2})", _h_numeric),
    _rule(
        rf"{_WEEKDAY_PREFIX}{_DAY}\s*(?:-|–|/)\s*{_DAY2}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?",
        _h_day_month_range,
    ),
    _rule(
        rf"{_WEEKDAY_PREFIX}(?:the\s+)?{_DAY}\s+(?:of\s+|de\s+)?{_MONTH}(?:,?\s+{_YEAR})?",
        _h_day_month,
    ),
    _rule(
        rf"{_WEEKDAY_PREFIX}{_MONTH}\s+{_DAY}\s*(?:-|–)\s*{_DAY2}(?:,?\s+{_YEAR})?",
        _h_day_month_range,
    ),
    _rule(rf"{_WEEKDAY_PREFIX}{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?", _h_day_month),
    _rule(rf"{_MONTH}\s+(?:(?:del|of)\s+)?{_YEAR}", _h_month_year),
    _rule(
        r"(?P<h>[01]?\d|2[0-4])[:](?P<mi>[0-5]\d)(?:\s*(?:GMT|UTC|CET|CEST|ET|EST|EDT|PT|BST))?",
        _h_clock,
    ),
    _rule(r"(?:mezzogiorno|mezzanotte|midday|noon|midnight)", _h_noon),
    _rule(rf"\({_YEAR}\)", _h_year),
]

_IT = [
    _rule(
        r"(?:(?P<dir>quest[oa']|sto|il|lo|nel|nello|dello|del)\s*)?fine\s*settimana(?:\s+(?P<dir2>scorso|prossimo|passato))?",
        _h_weekend,
    ),
    _rule(
        r"(?:(?P<dir>scors[oa]|prossim[oa]|quest[oa']|passat[oa])\s*)(?P<unit>settimana|mese|anno)",
        _h_period,
    ),
    _rule(
        r"(?:(?:la|il|l'|l’)\s*)?(?P<unit>settimana|mese|anno)\s+(?P<dir2>scors[oa]|prossim[oa]|passat[oa])",
        _h_period,
    ),
    _rule(r"(?:quest|quest'|quest’)\s*(?P<unit>anno|settimana|mese)", _h_period),
    _rule(rf"{_NUM}\s+{_UNIT}\s+fa", _h_ago),
    _rule(rf"(?:tra|fra)\s+{_NUM}\s+{_UNIT}", _h_in),
    _rule(
        rf"(?:(?P<dir>quest[oa]|scors[oa]|prossim[oa])\s+)?{_WD}(?:\s+(?P<dir2>scors[oa]|prossim[oa]|passat[oa]))?",
        _h_weekday,
    ),
    _rule(rf"(?:(?:nella\s+)?notte\s+)?tra\s+{_WD}\s+e\s+{_WD2}", _h_weekday_pair),
    _rule(
        rf"(?:(?P<dir>scors[oa]|prossim[oa]|quest[oa])\s+)?{_MONTH}(?:\s+(?P<dir2>scors[oa]|prossim[oa]))?",
        _h_month_alone,
    ),
    _rule(
        r"(?:l['’]\s*altro\s*ieri|l['’]altroieri|altroieri|dopodomani|"
        r"(?:ieri|domani)(?:\s+(?:mattina|sera|pomeriggio))?|oggi(?:\s+pomeriggio)?|"
        r"stamattina|stamane|stamani|stasera|stanotte|questa\s+(?:mattina|sera)|questo\s+pomeriggio)",
        _h_day_word,
    ),
    _rule(
        # Placed only against another event: found for the timeline, with no ISO value.
        r"(?:poche|alcune|qualche|diverse)\s+(?:ore|giorni|settimane|mesi)\s+(?:dopo|prima|più\s+tardi)"
        r"|"
        # "negli anni" alone is no time at all: a modifier must place it.
        r"(?:nei|negli)\s+(?:ultimi|prossimi)\s+(?:giorni|mesi|anni|settimane)"
        r"|(?:nei|negli)\s+(?:giorni|mesi|anni|settimane)\s+(?:scorsi|passati|prossimi)",
        _h_vague,
    ),
    _rule(
        r"(?:alle|dalle|ore|entro\s+le|verso\s+le|fino\s+alle)\s+(?:ore\s+)?(?P<h>[01]?\d|2[0-4])(?:[.:](?P<mi>[0-5]\d))?(?:\s+(?:del|di)\s+(?P<part>mattina|mattino|pomeriggio|sera|notte))?",
        _h_hour_it,
    ),
    _rule(rf"(?:nel|del|dal|al|entro\s+il|fino\s+al|dell['’]anno)\s+{_YEAR}", _h_year),
]

_EN = [
    _rule(
        r"(?:(?P<dir>this|last|next|the\s+coming|the\s+past|the|over\s+the)\s+)?weekend", _h_weekend
    ),
    _rule(
        r"(?:earlier\s+|later\s+)?(?P<dir>this|last|next|past)\s+(?P<unit>week|month|year)",
        _h_period,
    ),
    _rule(rf"{_NUM}\s+{_UNIT}\s+ago", _h_ago),
    _rule(rf"(?:in|within)\s+{_NUM}\s+{_UNIT}(?:'?s)?(?:\s+time)?", _h_in),
    _rule(rf"(?:(?P<dir>this|last|next|this\s+coming|this\s+past)\s+)?{_WD}", _h_weekday),
    _rule(rf"between\s+{_WD}\s+and\s+{_WD2}", _h_weekday_pair),
    _rule(rf"(?:(?P<dir>last|next|this|this\s+past)\s+)?{_MONTH}", _h_month_alone),
    _rule(
        r"(?:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|"
        r"(?:yesterday|tomorrow)(?:\s+(?:morning|afternoon|evening))?|today|tonight|last\s+night|"
        r"this\s+(?:morning|afternoon|evening))",
        _h_day_word,
    ),
    _rule(
        r"(?:a\s+few|several|some)\s+(?:hours|days|weeks|months)\s+(?:later|earlier|before|after)|"
        r"(?:in\s+)?recent\s+(?:days|weeks|months|years)|in\s+the\s+(?:coming|past|last)\s+(?:few\s+)?(?:days|weeks|months|years)",
        _h_vague,
    ),
    _rule(r"(?P<h>[01]?\d)(?::(?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.?m\.?)", _h_ampm),
    _rule(rf"(?:in|since|by|until|of|from|during|early|late|mid-?)\s*{_YEAR}", _h_year),
]

_RULES = {"it": _SHARED + _IT, "en": _SHARED + _EN}

# Bare months and weekdays that are ordinary English words unless capitalised.
_CASE_SENSITIVE_HANDLERS = {_h_month_alone, _h_weekday, _h_day_month, _h_month_year}


def _rules_for(lang: str) -> list[tuple[re.Pattern, Handler]]:
    # Unknown languages get both lexicons: dates in other scripts are out of reach anyway.
    return _RULES.get(lang, _SHARED + _IT + _EN)


def _plausible(m: re.Match, handler: Handler) -> bool:
    if handler not in _CASE_SENSITIVE_HANDLERS:
        return True
    for group in ("month", "wd"):
        word = m.groupdict().get(group)
        if word and word.lower().rstrip(".") in _AMBIGUOUS_EN and not word[0].isupper():
            return False
    # A three-letter abbreviation without a number beside it is too often a plain word.
    if handler is _h_month_alone and len(m["month"].rstrip(".")) <= 3:
        return False
    if handler is _h_weekday and len(m["wd"]) <= 4 and not m["wd"][0].isupper():
        return False
    return True


def _strip_article(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading article/preposition that the patterns allow but a span should not show."""
    lead = re.match(
        r"(?:(?:il|lo|la|l['’]|nel|nello|dello|del|the|over\s+the)\s+|l['’])", text[start:end], re.I
    )
    if lead and not re.match(r"(?:the\s+day|l['’]\s*altro)", text[start:end], re.I):
        start += lead.end()
    return start, end


def find_temporal(text: str, lang: str, anchor: dt.date | None) -> list[TemporalMatch]:
    """All date and time expressions in `text`, longest first where they overlap, in order."""
    ctx = _Context(text, anchor, (lang or "").lower()[:2])
    found: list[tuple[int, int, str, str | None, bool]] = []
    for pattern, handler in _rules_for(ctx.lang):
        for m in pattern.finditer(text):
            if not _plausible(m, handler):
                continue
            result = handler(m, ctx)
            if result is None:
                continue
            if handler is _h_year:  # the preposition only told us the number is a year
                start, end = m.start("year"), m.end("year")
            else:
                start, end = _strip_article(text, m.start(), m.end())
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
