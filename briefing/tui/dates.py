"""Publication dates as people read them: "18 Dec 2025" in the list, a weekday in the header."""

from __future__ import annotations

import re
from datetime import date, datetime

from briefing.tui.textsafe import clean_line

_MONTHS = (
    "January February March April May June July August September October November December"
).split()
_DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()  # not the locale's
_YEAR_MONTH = re.compile(r"(\d{4})-(\d{2})")


def _parse(published: str | None) -> datetime | date | tuple[int, int] | int | None:
    """A datetime when there is a time, a date, (year, month), a year, or None."""
    raw = (published or "").strip()
    if not raw:
        return None
    if len(raw) > 10:
        try:
            return datetime.fromisoformat(raw.replace("Z", "+00:00"))
        except ValueError:
            pass
    try:
        return date.fromisoformat(raw[:10])
    except ValueError:
        pass
    if (month := _YEAR_MONTH.fullmatch(raw)) and 1 <= int(month[2]) <= 12:
        return int(month[1]), int(month[2])
    return int(raw) if raw.isdigit() and len(raw) == 4 else None


def list_date(published: str | None) -> str:
    """Eleven cells at most, with the year: "18 Dec 2025", "Dec 2025", "2025", or ""."""
    when = _parse(published)
    if isinstance(when, date):  # datetime is a date too
        return f"{when.day} {_MONTHS[when.month - 1][:3]} {when.year}"
    if isinstance(when, tuple):
        return f"{_MONTHS[when[1] - 1][:3]} {when[0]}"
    if isinstance(when, int):
        return str(when)
    return clean_line(published or "")[:11]


def header_date(published: str | None) -> str:
    """ "Thu 18 Dec 2025", with ", 10:00" when the time is known; raw text otherwise.

    Short names: the reader pane is ~45 columns beside the list and the facts."""
    when = _parse(published)
    if isinstance(when, date):
        day = f"{_DAYS[when.weekday()][:3]} {when.day} {_MONTHS[when.month - 1][:3]} {when.year}"
        if isinstance(when, datetime) and (when.hour, when.minute) != (0, 0):
            return f"{day}, {when:%H:%M}"
        return day
    if isinstance(when, tuple):
        return f"{_MONTHS[when[1] - 1][:3]} {when[0]}"
    if isinstance(when, int):
        return str(when)
    return clean_line(published or "")
