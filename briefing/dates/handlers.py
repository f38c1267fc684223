"""What each date/time pattern means: a handler turns a match into (label, ISO value, relative)."""

from __future__ import annotations

import datetime as dt
import re

from briefing.dates import reckoning as rk
from briefing.dates.lexicon import UNITS

# Each handler returns (label, ISO value or None, relative) for a match, or None to reject it.


def iso(m: re.Match, ctx: rk.Context):
    d = rk.make_date(int(m["year"]), int(m["m"]), int(m["day"]))
    if d is None:
        return None
    if m["time"]:
        return "DATE", f"{d.isoformat()}T{m['time']}", False
    return "DATE", d.isoformat(), False


def numeric(m: re.Match, ctx: rk.Context):
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    if year < 100:
        year += 2000
    # Italian writes day/month; English may be either, so month/day when day/month is impossible.
    d = rk.make_date(year, b, a) or (rk.make_date(year, a, b) if ctx.lang == "en" else None)
    return ("DATE", d.isoformat(), False) if d else None


def day_month(m: re.Match, ctx: rk.Context):
    month, day = rk.month_number(m["month"]), int(m["day"])
    if m["year"]:
        d = rk.make_date(int(m["year"]), month, day)
        if d is None:  # "31 febbraio 2025" is no day at all
            return None
        relative = False
    else:
        if rk.make_date(2000, month, day) is None:  # leap-safe validity check
            return None
        d = rk.closest_year(ctx.anchor, month, day)
        relative = True
    return "DATE", d.isoformat() if d else None, relative


def day_month_range(m: re.Match, ctx: rk.Context):
    month = rk.month_number(m["month"])
    d1, d2 = int(m["day"]), int(m["day2"])
    if d1 >= d2:
        return None
    year = int(m["year"]) if m["year"] else None
    if year is None:
        first = rk.closest_year(ctx.anchor, month, d1)
        year = first.year if first else None
    if year is None:
        return "DATE", None, True
    a, b = rk.make_date(year, month, d1), rk.make_date(year, month, d2)
    if a is None or b is None:
        return None
    return "DATE", rk.span(a, b), m["year"] is None


def month_year(m: re.Match, ctx: rk.Context):
    return "DATE", f"{int(m['year']):04d}-{rk.month_number(m['month']):02d}", False


def month_alone(m: re.Match, ctx: rk.Context):
    month = rk.month_number(m["month"])
    way = rk.direction(rk.group(m, "dir")) or rk.direction(rk.group(m, "dir2"))
    if ctx.anchor is None:
        return "DATE", None, True
    if way == "last":
        year = ctx.anchor.year if month < ctx.anchor.month else ctx.anchor.year - 1
        return "DATE", f"{year:04d}-{month:02d}", True
    if way == "next":
        year = ctx.anchor.year if month > ctx.anchor.month else ctx.anchor.year + 1
        return "DATE", f"{year:04d}-{month:02d}", True
    # "ha dichiarato a luglio" in February is last July; "will meet in July" is the coming one.
    clause = rk.clause_around(ctx, m.start(), m.end())
    if rk.FUTURE.search(clause) and not rk.PAST.search(clause):
        year = ctx.anchor.year if month >= ctx.anchor.month else ctx.anchor.year + 1
        return "DATE", f"{year:04d}-{month:02d}", True
    if rk.PAST.search(clause):
        year = ctx.anchor.year if month <= ctx.anchor.month else ctx.anchor.year - 1
        return "DATE", f"{year:04d}-{month:02d}", True
    return "DATE", rk.closest_month(ctx.anchor, month), True


def year(m: re.Match, ctx: rk.Context):
    return "DATE", m["year"], False


def weekday(m: re.Match, ctx: rk.Context):
    if ctx.anchor is None:
        return "DATE", None, True
    weekday = rk.weekday_number(m["wd"])
    way = rk.direction(rk.group(m, "dir")) or rk.direction(rk.group(m, "dir2"))
    if way == "last":
        d = rk.weekday_date(ctx.anchor, weekday, "last")
    elif way == "next":
        d = rk.weekday_date(ctx.anchor, weekday, "next")
    elif way == "this":
        d = rk.weekday_date(ctx.anchor, weekday, "this")
    elif rk.in_future(ctx, m):
        d = rk.weekday_date(ctx.anchor, weekday, "coming")
    else:
        # News reports what happened: a bare weekday is the most recent such day.
        d = rk.weekday_date(ctx.anchor, weekday, "past")
    return "DATE", d.isoformat(), True


def weekday_pair(m: re.Match, ctx: rk.Context):
    if ctx.anchor is None:
        return "DATE", None, True
    a, b = rk.weekday_number(m["wd"]), rk.weekday_number(m["wd2"])
    if (b - a) % 7 != 1:
        return None
    second = rk.weekday_date(ctx.anchor, b, "coming" if rk.in_future(ctx, m) else "past")
    return "DATE", rk.span(second - dt.timedelta(days=1), second), True


def weekend(m: re.Match, ctx: rk.Context):
    if ctx.anchor is None:
        return "DATE", None, True
    way = rk.direction(rk.group(m, "dir")) or rk.direction(rk.group(m, "dir2"))
    if way is None:
        # "nel fine settimana" / "over the weekend": the coming one unless the clause is in the
        # past and the article is from early in the week.
        if not rk.in_future(ctx, m) and ctx.anchor.weekday() <= 1:
            way = "last"
        else:
            way = "this"
    return "DATE", rk.weekend(ctx.anchor, way), True


def period(m: re.Match, ctx: rk.Context):
    """this/last/next week, month, year in both languages."""
    if ctx.anchor is None:
        return "DATE", None, True
    way = rk.direction(rk.group(m, "dir")) or rk.direction(rk.group(m, "dir2")) or "this"
    offset = {"last": -1, "this": 0, "next": 1}[way]
    unit = UNITS[m["unit"].lower()]
    if unit == "week":
        return "DATE", rk.week(ctx.anchor, offset), True
    if unit == "month":
        return "DATE", rk.shift_month(ctx.anchor, offset), True
    if unit == "year":
        return "DATE", f"{ctx.anchor.year + offset:04d}", True
    return None


def ago(m: re.Match, ctx: rk.Context, sign: int = -1):
    n = rk.number_value(m["n"])
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
        return "DATE", rk.shift_month(ctx.anchor, sign * n), True
    return "DATE", f"{ctx.anchor.year + sign * n:04d}", True


def later(m: re.Match, ctx: rk.Context):
    return ago(m, ctx, sign=1)


# The first cue found in a day word gives its day. Cues, not whole expressions, so every form
# the rules accept resolves ("domani pomeriggio", "l' altroieri"); order matters: "l'altro
# ieri" holds "ieri", "dopodomani" holds "domani", "the day after tomorrow" holds "tomorrow".
_DAY_CUES = (
    ("altro", -2), ("before yesterday", -2),  # "altro" also in "altroieri"
    ("dopodomani", 2), ("after tomorrow", 2),
    ("ieri", -1), ("yesterday", -1), ("last night", -1),
    ("domani", 1), ("tomorrow", 1),
)  # fmt: skip


def day_word(m: re.Match, ctx: rk.Context):
    words = " ".join(m[0].lower().split())
    offset = next((days for cue, days in _DAY_CUES if cue in words), 0)  # today, stasera...
    if ctx.anchor is None:
        return "DATE", None, True
    return "DATE", (ctx.anchor + dt.timedelta(days=offset)).isoformat(), True


def vague(m: re.Match, ctx: rk.Context):
    return "DATE", None, True


def _hhmm(hour: int, minute: int) -> str | None:
    if 0 <= hour <= 24 and 0 <= minute <= 59:
        return f"{hour % 24:02d}:{minute:02d}"
    return None


def clock(m: re.Match, ctx: rk.Context):
    iso = _hhmm(int(m["h"]), int(m["mi"] or 0))
    return ("TIME", iso, False) if iso else None


def ampm(m: re.Match, ctx: rk.Context):
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


def hour_it(m: re.Match, ctx: rk.Context):
    # "alle 15" is an hour, "alle 15 regioni" is not: look at what follows.
    if not m["mi"] and not m["part"] and not _AFTER_HOUR.match(ctx.text, m.end()):
        return None
    hour = int(m["h"])
    # "le 7 di sera" / "le 8 del pomeriggio" move a 12-hour figure to the afternoon.
    if m["part"] and hour < 12 and m["part"].lower() in {"sera", "pomeriggio", "notte"}:
        hour += 12 if m["part"].lower() != "notte" or hour >= 8 else 0
    iso = _hhmm(hour, int(m["mi"] or 0))
    return ("TIME", iso, False) if iso else None


def noon(m: re.Match, ctx: rk.Context):
    word = m[0].lower()
    return "TIME", "00:00" if "mezzanotte" in word or "midnight" in word else "12:00", False
