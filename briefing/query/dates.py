"""Date values of the filter language: "2025", "2025-12", "2025-12-18" and ranges "A..B"."""

from __future__ import annotations

import calendar
import re

_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
FORMS = "YYYY, YYYY-MM or YYYY-MM-DD"


class DateValueError(ValueError):
    """A date value that does not parse; `offset` is where, inside the value."""

    def __init__(self, message: str, offset: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


def period(text: str, offset: int = 0) -> tuple[str, str]:
    """The first and last day (ISO strings) of a year, month or day."""
    match = _DATE.fullmatch(text)
    if match is None:
        raise DateValueError(f"'{text}' is not a date ({FORMS})", offset)
    year = int(match[1])
    month = int(match[2]) if match[2] else None
    day = int(match[3]) if match[3] else None
    if year < 1 or (month is not None and not 1 <= month <= 12):
        raise DateValueError(f"'{text}' is not a date: no such month", offset)
    if month is None:
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    last = calendar.monthrange(year, month)[1]
    if day is None:
        return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"
    if not 1 <= day <= last:
        raise DateValueError(f"'{text}' is not a date: no such day", offset)
    return (f"{year:04d}-{month:02d}-{day:02d}",) * 2


def date_range(text: str) -> tuple[str | None, str | None]:
    """Inclusive bounds for `date:` values; None is an open end ("..2025-12-31")."""
    if ".." not in text:
        return period(text)
    left, _, right = text.partition("..")
    if not left and not right:
        raise DateValueError("a date range needs at least one end (A..B, A.. or ..B)")
    low = period(left)[0] if left else None
    high = period(right, len(left) + 2)[1] if right else None
    if low and high and low > high:
        raise DateValueError(f"the range {text} ends before it starts")
    return low, high
